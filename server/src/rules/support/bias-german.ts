/**
 * Just enough German grammar to replace a generic masculine correctly.
 *
 * "Mitarbeiter" is singular in "ein Mitarbeiter meldet sich" and plural in
 * "unsere Mitarbeiter helfen"; "Kunden" is singular in "dem Kunden" and
 * plural in "mit den Kunden". The determiner (and a few prepositions) decide
 * the number, and the number decides the alternative: Kund:in or Kund:innen.
 * A singular also needs its determiner rewritten (einen Kunden → eine:n
 * Kund:in, eine Kundin oder einen Kunden), which is only done when the
 * determiner stands right before the noun: adjectives in between would need
 * new endings too, so then the finding comes without a quick fix.
 */
import type { GenderStyle } from '../../core/config';
import type { NumberForms, PersonEntry, Reading } from './bias-types';
import { decapitalize, isUpper, matchCase, wordAfter, wordBefore, type Token } from './bias-words';

type Num = 'sg' | 'pl';
type Case = 'nom' | 'gen' | 'dat' | 'acc';

interface DeterminerInfo {
  kind: 'article' | 'ein' | 'der' | 'contraction' | 'quantifier' | 'number';
  /** readings of the determiner together with a masculine noun */
  readings: Reading[];
  /** an adjective after it declines weak (plural: -en) */
  weak: boolean;
  /** ein-word / der-word stem, or the preposition of a contraction */
  stem?: string;
}

const ARTICLES: Record<string, Reading[]> = {
  der: ['sg.nom', 'pl.gen'],
  die: ['pl.nom', 'pl.acc'],
  den: ['sg.acc', 'pl.dat'],
  dem: ['sg.dat'],
  des: ['sg.gen'],
};
/** "beim Kunden" = "bei dem Kunden" */
const CONTRACTIONS: Record<string, string> = { beim: 'bei', zum: 'zu', vom: 'von', im: 'in', am: 'an' };
const EIN_STEMS = ['ein', 'kein', 'mein', 'dein', 'sein', 'ihr', 'unser', 'euer'];
const DER_STEMS = ['dies', 'jed', 'jen', 'welch'];
/** quantifiers after which an adjective declines weak (alle Mitarbeitenden) or strong (viele Mitarbeitende) */
const WEAK_QUANTIFIERS = ['all', 'beid', 'sämtlich', 'manch', 'solch'];
const STRONG_QUANTIFIERS = ['viel', 'einig', 'mehrer', 'wenig', 'zahlreich', 'verschieden', 'ander', 'weiter', 'folgend', 'wenig', 'etlich'];
const NUMBER_WORDS = new Set(['zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'zwanzig', 'hundert', 'tausend', 'paar']);

const DATIVE_PREPOSITIONS = new Set(['mit', 'von', 'bei', 'zu', 'aus', 'nach', 'seit', 'gegenüber', 'außer', 'samt', 'nebst', 'gemäß', 'entsprechend', 'zufolge', 'dank']);
const ACCUSATIVE_PREPOSITIONS = new Set(['für', 'durch', 'gegen', 'ohne', 'um', 'bis', 'wider']);
const GENITIVE_PREPOSITIONS = new Set(['wegen', 'während', 'trotz', 'statt', 'anstatt', 'innerhalb', 'außerhalb', 'aufgrund', 'mithilfe', 'anhand', 'bezüglich', 'hinsichtlich', 'seitens', 'zugunsten', 'laut']);
/** before a bare noun: "als Kunde", "pro Teilnehmer", "je Mitarbeiter" are singular */
const SINGULAR_MARKERS = new Set(['als', 'pro', 'je']);
/** capitalised words that are no nouns (the formal pronoun) */
const FORMAL_PRONOUNS = new Set(['sie', 'ihnen', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres']);
/** lower-case words ending like adjectives that are not adjectives */
const NOT_ADJECTIVES = new Set(['bitte', 'gerne', 'ohne', 'oder', 'aber', 'über', 'unter', 'hinter', 'wieder', 'immer', 'sehr', 'mehr', 'oben', 'unten', 'neben', 'zwischen', 'unsere', 'eine', 'einen', 'einer', 'einem', 'eines', 'keine', 'haben', 'werden', 'können', 'müssen', 'sollen', 'wollen', 'dürfen', 'wenden', 'verbinden', 'erreichen', 'kontaktieren', 'fragen', 'helfen', 'trotzdem', 'zudem', 'außerdem', 'seitdem', 'nachdem', 'indem', 'wenige', 'einige']);

const determinerCache = new Map<string, DeterminerInfo | null>();

/** What a word is as a determiner of a masculine noun, if it is one (memoised: a few hundred words recur). */
export function determinerInfo(word: string): DeterminerInfo | undefined {
  const w = word.toLowerCase();
  let info = determinerCache.get(w);
  if (info === undefined) {
    info = classifyDeterminer(w) ?? null;
    if (determinerCache.size < 5000) determinerCache.set(w, info);
  }
  return info ?? undefined;
}

function classifyDeterminer(w: string): DeterminerInfo | undefined {
  const article = ARTICLES[w];
  if (article) return { kind: 'article', readings: article, weak: true };
  if (CONTRACTIONS[w]) return { kind: 'contraction', readings: ['sg.dat'], weak: true, stem: CONTRACTIONS[w] };
  for (const stem of EIN_STEMS) {
    const ending = einEnding(w, stem);
    if (ending === undefined) continue;
    const plural = stem !== 'ein';
    const readings: Reading[] | undefined = {
      '': ['sg.nom'] as Reading[],
      en: plural ? (['sg.acc', 'pl.dat'] as Reading[]) : (['sg.acc'] as Reading[]),
      em: ['sg.dat'] as Reading[],
      es: ['sg.gen'] as Reading[],
      e: plural ? (['pl.nom', 'pl.acc'] as Reading[]) : [],
      er: plural ? (['pl.gen'] as Reading[]) : [],
    }[ending];
    if (readings && readings.length) return { kind: 'ein', readings, weak: true, stem };
  }
  for (const stem of DER_STEMS) {
    if (!w.startsWith(stem)) continue;
    const ending = w.slice(stem.length);
    const plural = stem !== 'jed';
    const readings: Reading[] | undefined = {
      er: plural ? (['sg.nom', 'pl.gen'] as Reading[]) : (['sg.nom'] as Reading[]),
      en: plural ? (['sg.acc', 'pl.dat'] as Reading[]) : (['sg.acc'] as Reading[]),
      em: ['sg.dat'] as Reading[],
      es: ['sg.gen'] as Reading[],
      e: plural ? (['pl.nom', 'pl.acc'] as Reading[]) : [],
    }[ending];
    if (readings && readings.length) return { kind: 'der', readings, weak: true, stem };
  }
  for (const [stems, weak] of [
    [WEAK_QUANTIFIERS, true],
    [STRONG_QUANTIFIERS, false],
  ] as const) {
    for (const stem of stems) {
      if (!w.startsWith(stem)) continue;
      const readings: Reading[] | undefined = { e: ['pl.nom', 'pl.acc'] as Reading[], en: ['pl.dat'] as Reading[], er: ['pl.gen'] as Reading[] }[w.slice(stem.length)];
      if (readings) return { kind: 'quantifier', readings, weak };
    }
  }
  if (NUMBER_WORDS.has(w) || /^\d+$/.test(w)) return { kind: 'number', readings: ['pl.nom', 'pl.gen', 'pl.dat', 'pl.acc'], weak: false };
  return undefined;
}

/** The ending of an ein-word (''/en/em/es/e/er), with "euer" dropping its e before an ending (eure, euren). */
function einEnding(word: string, stem: string): string | undefined {
  if (stem === 'euer') {
    if (word === 'euer') return '';
    return word.startsWith('eur') ? word.slice(3) : undefined;
  }
  return word.startsWith(stem) ? word.slice(stem.length) : undefined;
}

const CASE_ORDER: Case[] = ['nom', 'acc', 'dat', 'gen'];

/** Feminine singular of a masculine singular determiner: einen → eine, dem → der, beim → bei der. */
export function feminineDeterminer(info: DeterminerInfo, c: Case): string | undefined {
  const oblique = c === 'dat' || c === 'gen';
  switch (info.kind) {
    case 'article':
      return oblique ? 'der' : 'die';
    case 'contraction':
      return `${info.stem} der`;
    case 'ein':
      return einStem(info.stem!) + (oblique ? 'er' : 'e');
    case 'der':
      return info.stem! + (oblique ? 'er' : 'e');
    default:
      return undefined;
  }
}

/** "eur" for euer, else the stem itself. */
function einStem(stem: string): string {
  return stem === 'euer' ? 'eur' : stem;
}

/**
 * Masculine and feminine determiner in one, as gender-colon/star texts write
 * it: der:die, eine:n, einer:m, jede:r, bei dem:der.
 */
export function combinedDeterminer(info: DeterminerInfo, c: Case, masculine: string, sep: string): string | undefined {
  const m = masculine.toLowerCase();
  switch (info.kind) {
    case 'article':
      return `${m}${sep}${feminineDeterminer(info, c)}`;
    case 'contraction':
      return `${info.stem} dem${sep}der`;
    case 'ein': {
      const s = einStem(info.stem!);
      if (c === 'nom') return info.stem === 'euer' ? `euer${sep}eure` : `${s}${sep}e`;
      if (c === 'acc') return `${s}e${sep}n`;
      if (c === 'dat') return `${s}er${sep}m`;
      return `${s}es${sep}${s}er`;
    }
    case 'der': {
      const s = info.stem!;
      if (c === 'nom') return `${s}e${sep}r`;
      if (c === 'acc') return `${s}e${sep}n`;
      if (c === 'dat') return `${s}er${sep}m`;
      return `${s}es${sep}${s}er`;
    }
    default:
      return undefined;
  }
}

export interface NounContext {
  /** undefined: the context does not tell */
  number?: Num;
  /** the case, when the number is singular and the determiner tells */
  case?: Case;
  /** the determiner right before the noun (nothing but white space between) */
  adjacentDeterminer?: Token & { info: DeterminerInfo };
  /** a determiner somewhere before (perhaps with adjectives in between): plural adjectives decline weak */
  weak: boolean;
  /** the form cannot be this noun here ("die Kunde" is tidings, not a customer) */
  impossible: boolean;
  /** adjectives between determiner and noun (lower case) */
  adjectives: string[];
}

/** An attributive adjective before the noun: lower case, or capitalised only at the start of a sentence ("Neuer Kunde?"). */
function looksLikeAdjective(text: string, tok: Token): boolean {
  const word = tok.word;
  if (isUpper(word[0]) && !sentenceInitial(text, tok.start)) return false;
  const w = word.toLowerCase();
  return w.length >= 3 && /(?:e|en|er|em|es)$/.test(w) && !NOT_ADJECTIVES.has(w) && !determinerInfo(w);
}

/** Reads number and case of a masculine noun form from the words before it. */
export function nounContext(text: string, wordStart: number, formReadings: readonly Reading[]): NounContext {
  const adjectives: string[] = [];
  let pos = wordStart;
  let det: (Token & { info: DeterminerInfo }) | undefined;
  let quantifier: DeterminerInfo | undefined;
  let adjacent: (Token & { info: DeterminerInfo }) | undefined;
  let firstWordBefore: Token | undefined;
  for (let steps = 0; steps < 5; steps++) {
    const tok = wordBefore(text, pos, adjectives.length > 0);
    if (steps === 0) firstWordBefore = tok;
    if (!tok) break;
    const info = determinerInfo(tok.word);
    if (info && (info.kind === 'quantifier' || info.kind === 'number')) {
      quantifier = quantifier ?? info;
      pos = tok.start;
      continue;
    }
    if (info) {
      det = { ...tok, info };
      if (steps === 0) adjacent = det;
      break;
    }
    if (!quantifier && adjectives.length < 3 && looksLikeAdjective(text, tok)) {
      adjectives.push(tok.word.toLowerCase());
      pos = tok.start;
      continue;
    }
    break;
  }

  let readings = [...formReadings];
  if (det) readings = readings.filter((r) => det!.info.readings.includes(r));
  // after a determiner a quantifier declines like an adjective ("die beiden"): it only says plural
  if (quantifier) readings = readings.filter((r) => (det ? r.startsWith('pl') : quantifier!.readings.includes(r)));
  if ((det || quantifier) && readings.length === 0) return { weak: false, impossible: true, adjectives };
  if (!det && !quantifier && adjectives.length) {
    // strong adjective endings: neuer Kunde (sg nom), neuem (sg dat), neue Kunden (pl)
    const hint = strongAdjectiveReadings(adjectives[0]);
    let narrowed = readings.filter((r) => hint.includes(r));
    if (adjectives[0].endsWith('er') && narrowed.includes('sg.nom') && narrowed.includes('pl.gen')) {
      // "neuer Mitarbeiter" is one person, "die Daten neuer Mitarbeiter" (after a noun) a genitive plural
      const before = wordBefore(text, pos);
      const afterNoun = before && isUpper(before.word[0]) && !FORMAL_PRONOUNS.has(before.word.toLowerCase()) && !sentenceInitial(text, before.start);
      narrowed = narrowed.filter((r) => r === (afterNoun ? 'pl.gen' : 'sg.nom'));
    }
    if (narrowed.length) readings = narrowed;
  }

  const numbers = new Set(readings.map((r) => r.slice(0, 2) as Num));
  let number: Num | undefined = numbers.size === 1 ? [...numbers][0] : undefined;
  if (!number) number = resolveNumber(text, det, quantifier, firstWordBefore, numbers);
  let c: Case | undefined;
  if (number === 'sg') {
    const cases = readings.filter((r) => r.startsWith('sg')).map((r) => r.slice(3) as Case);
    if (cases.length === 1) c = cases[0];
    else if (!det) c = CASE_ORDER.find((x) => cases.includes(x));
  }
  const weak = Boolean(det?.info.weak || quantifier?.weak);
  return { number, case: c, adjacentDeterminer: adjacent, weak, impossible: false, adjectives };
}

function strongAdjectiveReadings(adjective: string): Reading[] {
  if (adjective.endsWith('er')) return ['sg.nom', 'pl.gen'];
  if (adjective.endsWith('em')) return ['sg.dat'];
  if (adjective.endsWith('es')) return ['sg.gen'];
  // -en: a strong adjective in three cases, or just as likely a verb ("Wir informieren Mitarbeiter"): no hint
  if (adjective.endsWith('en')) return ['sg.nom', 'sg.gen', 'sg.dat', 'sg.acc', 'pl.nom', 'pl.gen', 'pl.dat', 'pl.acc'];
  return ['pl.nom', 'pl.acc'];
}

/** Singular or plural where the determiner allows both; undefined when the words around do not tell. */
function resolveNumber(text: string, det: (Token & { info: DeterminerInfo }) | undefined, quantifier: DeterminerInfo | undefined, firstBefore: Token | undefined, numbers: Set<Num>): Num | undefined {
  if (!numbers.has('sg')) return numbers.has('pl') ? 'pl' : undefined;
  if (quantifier) return 'pl';
  if (!det) {
    // a bare noun is plural ("Kunden können…") unless "als/pro/je" makes it one person
    if (firstBefore && SINGULAR_MARKERS.has(firstBefore.word.toLowerCase())) return 'sg';
    return numbers.has('pl') ? 'pl' : 'sg';
  }
  const before = wordBefore(text, det.start);
  const b = before?.word.toLowerCase();
  const ending = det.word.toLowerCase().slice(-2);
  if (det.info.readings.includes('pl.gen')) {
    // der/dieser: nominative singular, or genitive plural after a noun ("die Zufriedenheit der Mitarbeiter")
    if (b && GENITIVE_PREPOSITIONS.has(b)) return 'pl';
    if (before && isUpper(before.word[0]) && !FORMAL_PRONOUNS.has(b!) && !sentenceInitial(text, before.start)) return 'pl';
    return 'sg';
  }
  if (ending === 'en' || det.word.toLowerCase() === 'den') {
    // den/unseren: accusative singular, or dative plural after a dative preposition
    if (b && DATIVE_PREPOSITIONS.has(b)) return 'pl';
    if (b && ACCUSATIVE_PREPOSITIONS.has(b)) return 'sg';
    return undefined;
  }
  return undefined;
}

function sentenceInitial(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i === 0 || /[.!?:;"„“»«(\n-]/.test(text[i - 1]);
}

/** "Herr Müller", "Herrn Schmidt" within a few words: the noun names one man, and a masculine is right. */
export function namesAMan(text: string, start: number, end: number): boolean {
  if (!text.includes('Herr')) return false;
  let pos = start;
  for (let i = 0; i < 4; i++) {
    const t = wordBefore(text, pos, true);
    if (!t) break;
    if (/^herrn?$/i.test(t.word) && isUpper(t.word[0])) return true;
    pos = t.start;
  }
  pos = end;
  for (let i = 0; i < 3; i++) {
    let p = pos;
    while (p < text.length && (text[p] === ',' || /\s/.test(text[p]))) p++;
    const t = wordAfter(text, p);
    if (!t) break;
    if (/^herrn?$/i.test(t.word) && isUpper(t.word[0])) return true;
    pos = t.end;
  }
  return false;
}

export interface PersonAlternative {
  /** what the message suggests */
  display: string;
  /** decoded range and text of the quick fix; undefined: no safe fix */
  replace?: { from: number; to: number; text: string };
}

export interface PersonMatch {
  entry: PersonEntry;
  /** the whole word as found (compound included) */
  found: string;
  /** compound modifier as found ("Service" in "Servicemitarbeiter"), '' for none */
  modifier: string;
  from: number;
  to: number;
  context: NounContext;
}

/**
 * The alternative in the configured style, with its quick fix. Falls back
 * when a style has no form for this noun: colon/star → neutral → pair;
 * neutral → pair (always present).
 */
export function personAlternative(m: PersonMatch, style: GenderStyle): PersonAlternative {
  const { context: ctx } = m;
  if (!ctx.number) {
    const sg = nounForm(m, style, 'sg');
    const pl = nounForm(m, style, 'pl');
    return { display: sg && pl && sg !== pl ? `${sg} / ${pl}` : pl ?? sg ?? m.entry.pair.pl };
  }
  if (ctx.number === 'pl') {
    const alt = nounForm(m, style, 'pl') ?? m.found;
    const text = matchCase(m.found, alt);
    return { display: alt, replace: { from: m.from, to: m.to, text } };
  }
  return singular(m, style);
}

function styleOrder(style: GenderStyle): GenderStyle[] {
  switch (style) {
    case 'colon':
      return ['colon', 'neutral', 'pair'];
    case 'star':
      return ['star', 'neutral', 'pair'];
    case 'neutral':
      return ['neutral', 'pair'];
    case 'pair':
      return ['pair'];
  }
}

/** The noun alone in a style (for the plural, or a singular without determiner); undefined: none. */
function nounForm(m: PersonMatch, style: GenderStyle, num: Num): string | undefined {
  for (const s of styleOrder(style)) {
    const form = nounFormIn(m, s, num);
    if (form) return form;
  }
  return undefined;
}

function nounFormIn(m: PersonMatch, style: GenderStyle, num: Num): string | undefined {
  const e = m.entry;
  const compound = (head: string | undefined) => (head === undefined ? undefined : m.modifier ? m.modifier + decapitalize(head) : head);
  switch (style) {
    case 'colon':
    case 'star': {
      const forms: NumberForms | null = style === 'colon' ? e.colon : e.star;
      return compound(forms?.[num]);
    }
    case 'pair': {
      const fem = compound(e.feminine[num]);
      return `${fem} ${num === 'sg' ? 'oder' : 'und'} ${matchCase(m.found, m.found)}`;
    }
    case 'neutral':
      return compound(neutralForm(m, num));
  }
}

function neutralForm(m: PersonMatch, num: Num): string | undefined {
  const n = m.entry.neutral;
  if (!n || n.kind === 'collective') return undefined;
  if (n.kind === 'noun') {
    if (m.modifier) return undefined; // "Serviceansprechperson" is no word
    if (num === 'sg') return n.sg;
    return m.context.case === 'dat' || isDativePlural(m) ? n.plDat ?? n.pl : n.pl;
  }
  if (num === 'sg' || !n.pl) return undefined; // "der/die Mitarbeitende" has a gender again
  const dative = isDativePlural(m);
  if (m.context.weak || dative) return n.pl + 'n';
  return n.pl;
}

/** The found form is only a dative plural (Mitarbeitern), or the determiner says so (allen). */
function isDativePlural(m: PersonMatch): boolean {
  const readings = m.entry.forms[matchingFormKey(m)] ?? [];
  return readings.length > 0 && readings.every((r) => r === 'pl.dat' || r.startsWith('sg'));
}

/** The entry's form key for the head of what was found. */
function matchingFormKey(m: PersonMatch): string {
  const head = m.found.slice(m.modifier.length).toLowerCase();
  return Object.keys(m.entry.forms).find((k) => k.toLowerCase() === head) ?? '';
}

function singular(m: PersonMatch, style: GenderStyle): PersonAlternative {
  const { context: ctx, entry } = m;
  const det = ctx.adjacentDeterminer;
  for (const s of styleOrder(style)) {
    if (s === 'neutral' && !(entry.neutral?.kind === 'noun' && entry.neutral.sg && !m.modifier)) continue;
    if ((s === 'colon' || s === 'star') && !(s === 'colon' ? entry.colon : entry.star)) continue;
    const noun = nounFormIn(m, s, 'sg');
    if (!noun) continue;
    // adjectives before the noun would need new endings too ("einen neuen Kunden"): suggest only
    if (ctx.adjectives.length) return { display: noun };
    if (!det) return { display: noun, replace: { from: m.from, to: m.to, text: matchCase(m.found, noun) } };
    if (!ctx.case) return { display: noun };
    const dets = singularDeterminer(det, ctx.case, s, m);
    if (!dets) return { display: noun };
    const text =
      s === 'pair'
        ? `${matchCase(det.word, dets.fem)} ${m.modifier ? m.modifier + decapitalize(entry.feminine.sg) : entry.feminine.sg} oder ${midSentence(det)} ${m.found}`
        : `${matchCase(det.word, dets.own)} ${matchCase(m.found, noun)}`;
    return { display: text, replace: { from: det.start, to: m.to, text } };
  }
  return { display: entry.pair.sg };
}

/** The determiner as it reads inside the sentence: "Ein" → "ein", but the formal "Ihr" keeps its capital. */
function midSentence(det: Token & { info: DeterminerInfo }): string {
  const allCaps = det.word.length > 1 && det.word === det.word.toUpperCase();
  return det.info.stem === 'ihr' || allCaps ? det.word : det.word.toLowerCase();
}

function singularDeterminer(det: Token & { info: DeterminerInfo }, c: Case, style: GenderStyle, m: PersonMatch): { own: string; fem: string } | undefined {
  const fem = feminineDeterminer(det.info, c);
  if (fem === undefined) return undefined;
  switch (style) {
    case 'colon':
    case 'star': {
      const own = combinedDeterminer(det.info, c, det.word, style === 'colon' ? ':' : '*');
      return own === undefined ? undefined : { own, fem };
    }
    case 'neutral':
      return m.entry.neutral?.kind === 'noun' ? { own: fem, fem } : undefined;
    case 'pair':
      return { own: fem, fem };
  }
}
