/**
 * Finds non-inclusive wording in one text in one pass: every term and form of
 * a language's list (plus the project's `words.deny`) sits in one
 * Aho–Corasick matcher, built once per (language, deny list) and cached.
 * Each raw match is then checked against its context (word boundaries,
 * compounds, inclusive forms already present, constraints of the entry) and
 * turned into a hit with a suggestion and, where safe, a replacement.
 *
 * Pure: works on a plain string, so the rule, the data tests and the
 * benchmark all share it.
 */
import type { DenyWord, GenderStyle } from '../../core/config';
import { longestNonOverlapping, PhraseMatcher, type Match, type MatchTerm } from '../../core/matcher';
import type { Lang } from '../../core/model';
import type { SourceRange } from '../../core/text';
import englishData from '../../data/bias-en.json';
import germanData from '../../data/bias-de.json';
import { nounContext, namesAMan, personAlternative } from './bias-german';
import type { BiasCategory, BilingualNote, EnglishList, GermanList, PersonEntry, Reading, TermEntry } from './bias-types';
import { decapitalize, isUpper, matchCase, startsWithVowelSound, wordAfter, wordBefore, wordStartAt } from './bias-words';

export const ENGLISH = englishData as unknown as EnglishList;
export const GERMAN = germanData as unknown as GermanList;

type Payload =
  | { kind: 'term'; entry: TermEntry; alternatives: string[] }
  | { kind: 'person'; entry: PersonEntry; readings: Reading[] }
  | { kind: 'feminine'; entry: PersonEntry }
  | { kind: 'deny'; deny: DenyWord };

export interface BiasSettings {
  genderStyle: GenderStyle;
  words: { allow: readonly string[]; deny: readonly DenyWord[] };
}

export interface BiasHit {
  /** decoded range of the flagged word or phrase */
  start: number;
  end: number;
  found: string;
  /** list headword (lemma), or the deny-list term */
  term: string;
  category: BiasCategory | 'custom';
  severity: 'warning' | 'error';
  /** German generic masculine (its own message) */
  genericMasculine: boolean;
  /** what the message suggests; undefined: no alternative */
  suggestion?: string;
  /** all listed alternatives, for the hover */
  alternatives: string[];
  /** the quick fix on the decoded text; undefined: none */
  replace?: { from: number; to: number; text: string };
  note?: BilingualNote;
  /** deny entry's own message */
  customMessage?: string;
}

// ---------------------------------------------------------------- matchers

function termTerms(entries: readonly TermEntry[]): MatchTerm<Payload>[] {
  const out: MatchTerm<Payload>[] = [];
  for (const entry of entries) {
    const forms = entry.forms ?? { [entry.term]: entry.alternatives };
    for (const [form, alternatives] of Object.entries(forms)) out.push({ term: form, payload: { kind: 'term', entry, alternatives } });
  }
  return out;
}

/**
 * Person nouns that can head a compound match from inside a word
 * (openStart); the scanner then checks the modifier. Feminine forms are
 * matched too, only to recognise pairs that are already there.
 */
function personTerms(entries: readonly PersonEntry[]): MatchTerm<Payload>[] {
  const out: MatchTerm<Payload>[] = [];
  for (const entry of entries) {
    const openStart = entry.compound !== undefined;
    for (const [form, readings] of Object.entries(entry.forms)) out.push({ term: form, openStart, payload: { kind: 'person', entry, readings } });
    for (const form of new Set([entry.feminine.sg, entry.feminine.pl])) out.push({ term: form, openStart, payload: { kind: 'feminine', entry } });
  }
  return out;
}

let baseTerms: Record<Lang, MatchTerm<Payload>[]> | undefined;
function listTerms(lang: Lang): MatchTerm<Payload>[] {
  baseTerms ??= {
    en: termTerms(ENGLISH.terms),
    de: [...personTerms(GERMAN.persons), ...termTerms(GERMAN.terms)],
  };
  return baseTerms[lang];
}

const matchers = new Map<string, PhraseMatcher<Payload>>();
const MAX_CACHED = 16;

/** The one matcher for a language and deny list, built on first use. */
export function biasMatcher(lang: Lang, deny: readonly DenyWord[] = []): PhraseMatcher<Payload> {
  const key = `${lang}\u0000${deny.length ? JSON.stringify(deny) : ''}`;
  let m = matchers.get(key);
  if (!m) {
    const denyTerms: MatchTerm<Payload>[] = deny.map((d) => ({ term: d.term, payload: { kind: 'deny', deny: d } }));
    m = new PhraseMatcher<Payload>([...denyTerms, ...listTerms(lang)]);
    if (matchers.size >= MAX_CACHED) matchers.delete(matchers.keys().next().value!);
    matchers.set(key, m);
  }
  return m;
}

// ---------------------------------------------------------------- scanning

const BOT_ADJECTIVES = GERMAN.botWords.adjectives;
const BOT_MODIFIERS = new Set(GERMAN.botWords.modifiers);
/** "Kund:innen", "Mitarbeiter*innen", "Kunden/-innen", "Mitarbeiter(innen)", "Lehrer·innen" */
const INCLUSIVE_SUFFIX = /^(?:[:*_·|]|\/-?|\()in/i;
/** what may stand between the two halves of a pair: "Kundinnen und Kunden", "Kunde/Kundin", "Mitarbeiter oder eine Mitarbeiterin" */
const PAIR_GAP = /^\s*(?:\/|&|,|und|oder|bzw\.|beziehungsweise|sowie)\s*(?:(?:der|die|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|unser|unsere|unseren|unserem|unserer|ihr|ihre|ihren|ihrem|ihrer|jede|jeder|jeden|jedem|alle|allen)\s+)?$/i;

/** a title right before the noun: then it is a surname */
const TITLE_BEFORE = /(?:^|[^\p{L}])(?:Herrn?|Frau|Dr\.|Prof\.)\s+$/u;

interface Candidate {
  start: number;
  end: number;
  payload: Payload;
  found: string;
  /** for persons: compound modifier as found */
  modifier: string;
}

/** All hits in `text`; `skip` are ranges never to look into (URLs, placeholders...). */
export function scanBias(text: string, lang: Lang, settings: BiasSettings, skip: readonly SourceRange[] = []): BiasHit[] {
  const raw = biasMatcher(lang, settings.words.deny).findAll(text, skip);
  if (!raw.length) return [];
  const allow = allowSet(settings.words.allow);
  const feminine: Candidate[] = [];
  for (const m of raw) {
    const c = m.payload.kind === 'feminine' ? withCompound(text, m) : undefined;
    if (c) feminine.push(c);
  }
  let lowerOnly: boolean | undefined;
  const isLowerOnly = () => (lowerOnly ??= text === text.toLowerCase());
  const valid: Match<Candidate>[] = [];
  for (const m of raw) {
    if (m.payload.kind === 'feminine') continue;
    const c = m.payload.kind === 'person' ? withCompound(text, m) : { start: m.start, end: m.end, payload: m.payload, found: m.found, modifier: '' };
    if (!c || !acceptable(text, c, allow, feminine, isLowerOnly)) continue;
    valid.push({ start: c.start, end: c.end, payload: c, found: c.found });
  }
  const hits: BiasHit[] = [];
  for (const m of longestNonOverlapping(valid)) {
    const hit = toHit(text, lang, m.payload, settings);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** Extends a person match that starts inside a word to the whole compound; undefined when the compound is not a person. */
function withCompound(text: string, m: Match<Payload>): Candidate | undefined {
  const start = wordStartAt(text, m.start);
  if (start === m.start) return { start, end: m.end, payload: m.payload, found: m.found, modifier: '' };
  const entry = m.payload.kind === 'person' || m.payload.kind === 'feminine' ? m.payload.entry : undefined;
  const modifier = text.slice(start, m.start);
  const allowed = entry?.compound;
  if (!allowed || modifier.length < 2) return undefined;
  const key = modifier.toLowerCase();
  if (BOT_MODIFIERS.has(key)) return undefined;
  if (allowed !== 'any' && !allowed.includes(key)) return undefined;
  return { start, end: m.end, payload: m.payload, found: text.slice(start, m.end), modifier };
}

const allowSets = new WeakMap<readonly string[], Set<string>>();
/** `words.allow` as a lower-case set, built once per list. */
function allowSet(words: readonly string[]): Set<string> {
  let set = allowSets.get(words);
  if (!set) allowSets.set(words, (set = new Set(words.map((w) => w.toLowerCase()))));
  return set;
}

function acceptable(text: string, c: Candidate, allow: Set<string>, feminine: Candidate[], lowerOnly: () => boolean): boolean {
  const p = c.payload;
  if (p.kind === 'deny') return true;
  if (p.kind === 'feminine') return false;
  if (allow.has(p.entry.term.toLowerCase()) || allow.has(c.found.toLowerCase())) return false;
  if (p.kind === 'term') return termContextOk(text, c, p.entry);
  return personOk(text, c, p.entry, feminine, lowerOnly);
}

function termContextOk(text: string, c: Candidate, e: TermEntry): boolean {
  if (e.before || e.notBefore) {
    const prev = wordBefore(text, c.start)?.word.toLowerCase();
    if (e.before && !(prev && e.before.includes(prev))) return false;
    if (e.notBefore && prev && e.notBefore.includes(prev)) return false;
  }
  if (e.notAfter || e.standalone || e.after) {
    const next = wordAfter(text, c.end)?.word;
    if (e.notAfter && next && e.notAfter.includes(next.toLowerCase())) return false;
    if (e.after && next && !e.after.includes(next.toLowerCase())) return false;
    if (e.standalone && next && isUpper(next[0])) return false;
  }
  if (e.followedBy && !followedBy(text, c.end, e.followedBy)) return false;
  return true;
}

/** One of the next three words starts with one of `stems`. */
function followedBy(text: string, end: number, stems: readonly string[]): boolean {
  let pos = end;
  for (let i = 0; i < 3; i++) {
    const t = wordAfter(text, pos);
    if (!t) return false;
    const w = t.word.toLowerCase();
    if (stems.some((s) => w.startsWith(s))) return true;
    pos = t.end;
  }
  return false;
}

function personOk(text: string, c: Candidate, entry: PersonEntry, feminine: Candidate[], lowerOnly: () => boolean): boolean {
  // German nouns are capitalised; a lower-case form is some other word, unless the whole text is lower case
  if (!isUpper(c.found[0]) && !lowerOnly()) return false;
  const before = text[c.start - 1];
  if (before === '-') {
    // "-mitarbeiter" completing a pair ("Service- und -mitarbeiter") vs. a hyphenated compound ("Online-Kunden")
    const modifierEnd = c.start - 1;
    const modStart = wordStartAt(text, modifierEnd);
    if (modStart === modifierEnd) return false;
    if (BOT_MODIFIERS.has(text.slice(modStart, modifierEnd).toLowerCase())) return false;
  }
  // a modifier of a compound ("Kunden-Hotline", "Kunden- und Mitarbeiterdaten"), or an inclusive form already
  if (text[c.end] === '-') return false;
  if (INCLUSIVE_SUFFIX.test(text.slice(c.end, c.end + 4))) return false;
  for (const f of feminine) {
    if (f.payload.kind !== 'feminine' || f.payload.entry !== entry) continue;
    const gap = f.end <= c.start ? text.slice(f.end, c.start) : c.end <= f.start ? text.slice(c.end, f.start) : undefined;
    if (gap !== undefined && gap.length <= 24 && PAIR_GAP.test(gap)) return false;
  }
  if (refersToBot(text, c)) return false;
  // "Herr Richter", "Frau Dr. Richter": a surname, not a job
  if (TITLE_BEFORE.test(text.slice(Math.max(0, c.start - 8), c.start))) return false;
  return true;
}

/**
 * "virtueller Berater", "Ihr digitaler Assistent", "KI-gestützter Berater": the
 * bot itself, which has no gender. Only adjectives right before the noun count
 * (a capitalised word ends the noun phrase).
 */
function refersToBot(text: string, c: Candidate): boolean {
  let pos = c.start;
  for (let i = 0; i < 3; i++) {
    const t = wordBefore(text, pos);
    if (!t || isUpper(t.word[0])) return false;
    const w = t.word.toLowerCase();
    if (BOT_ADJECTIVES.some((a) => w.startsWith(a))) return true;
    if (text[t.start - 1] === '-') {
      const modifier = wordBefore(text, t.start - 1);
      if (modifier && BOT_MODIFIERS.has(modifier.word.toLowerCase())) return true;
    }
    pos = t.start;
  }
  return false;
}

function toHit(text: string, lang: Lang, c: Candidate, settings: BiasSettings): BiasHit | undefined {
  const p = c.payload;
  if (p.kind === 'deny') {
    const alt = p.deny.replacement;
    return {
      start: c.start,
      end: c.end,
      found: c.found,
      term: p.deny.term,
      category: 'custom',
      severity: 'warning',
      genericMasculine: false,
      suggestion: alt,
      alternatives: alt ? [alt] : [],
      replace: alt ? replacement(text, lang, c, alt) : undefined,
      customMessage: p.deny.message,
    };
  }
  if (p.kind === 'term') {
    const e = p.entry;
    const alt = p.alternatives[0];
    return {
      start: c.start,
      end: c.end,
      found: c.found,
      term: e.term,
      category: e.category,
      severity: e.severity ?? (e.category === 'slur' ? 'error' : 'warning'),
      genericMasculine: false,
      suggestion: alt,
      alternatives: p.alternatives,
      replace: alt && e.fix !== false ? replacement(text, lang, c, alt) : undefined,
      note: e.note,
    };
  }
  if (p.kind !== 'person') return undefined;
  const context = nounContext(text, hyphenWordStart(text, c.start), p.readings);
  if (context.impossible) return undefined;
  if (context.number !== 'pl' && namesAMan(text, c.start, c.end)) return undefined;
  const alt = personAlternative({ entry: p.entry, found: c.found, modifier: c.modifier, from: c.start, to: c.end, context }, settings.genderStyle);
  return {
    start: c.start,
    end: c.end,
    found: c.found,
    term: p.entry.term,
    category: 'gender',
    severity: 'warning',
    genericMasculine: true,
    suggestion: alt.display,
    alternatives: personAlternatives(p.entry, c.modifier),
    replace: alt.replace,
    note: p.entry.note,
  };
}

/** Start of a hyphenated word ("Online-Kunden" starts at "O"), where determiners are looked for. */
function hyphenWordStart(text: string, start: number): number {
  let s = start;
  while (text[s - 1] === '-' && s >= 2 && /[\p{L}\p{N}]/u.test(text[s - 2])) s = wordStartAt(text, s - 1);
  return s;
}

const alternativesCache = new WeakMap<PersonEntry, string[]>();

/** Every style's forms, for the hover. */
function personAlternatives(e: PersonEntry, modifier: string): string[] {
  if (modifier) return allPersonForms(e, modifier);
  let list = alternativesCache.get(e);
  if (!list) alternativesCache.set(e, (list = allPersonForms(e, '')));
  return list;
}

function allPersonForms(e: PersonEntry, modifier: string): string[] {
  const join = (s: string | undefined) => (s === undefined ? undefined : modifier ? modifier + decapitalize(s) : s);
  const list = [e.colon?.sg, e.colon?.pl, e.star?.sg, e.star?.pl, e.neutral?.sg, e.neutral?.pl, e.pair.sg, e.pair.pl].map(join);
  return [...new Set(list.filter((x): x is string => Boolean(x)))];
}

/** The replacement in the found word's case; in English, "a crazy idea" becomes "an unbelievable idea". */
function replacement(text: string, lang: Lang, c: Candidate, alt: string): BiasHit['replace'] {
  const newText = matchCase(c.found, alt);
  if (lang === 'en') {
    const article = wordBefore(text, c.start);
    const a = article?.word.toLowerCase();
    if (article && (a === 'a' || a === 'an')) {
      const wantAn = startsWithVowelSound(newText);
      if (wantAn !== (a === 'an')) {
        const fixed = matchCase(article.word, wantAn ? 'an' : 'a');
        return { from: article.start, to: c.end, text: `${fixed}${text.slice(article.end, c.start)}${newText}` };
      }
    }
  }
  return { from: c.start, to: c.end, text: newText };
}
