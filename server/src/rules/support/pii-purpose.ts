/**
 * Does a bot text tell the user why it asks for personal data, or where the
 * privacy policy is (spec: "a purpose / privacy notice")? A purpose clause
 * ("so that we can", "damit wir", "um ... zu", "We need your e-mail to send
 * the receipt") or a privacy-policy mention or link counts. Phrases are data
 * (data/purpose.json); this file adds the sentence patterns a list cannot
 * hold: need-verb + purpose preposition, German "um ... zu", English "so the
 * courier can ...", and "to reach you" followed by when or why it is used
 * (a bare "to reach you" / "um Sie zu erreichen" only restates what a phone
 * number is for, in both languages).
 */
import { PhraseMatcher, type MatchTerm } from '../../core/matcher';
import type { Lang } from '../../core/model';
import data from '../../data/purpose.json';

type Kind = 'purpose' | 'privacy' | 'need';

interface Payload {
  kind: Kind;
  lang: string;
}

let matcher: PhraseMatcher<Payload> | undefined;

function phrases(): PhraseMatcher<Payload> {
  if (matcher) return matcher;
  const terms: MatchTerm<Payload>[] = [];
  const add = (kind: Kind, list: { term: string; lang: string; prefix?: boolean }[]) => {
    for (const t of list) terms.push({ term: t.term, payload: { kind, lang: t.lang }, openEnd: t.prefix === true });
  };
  add('purpose', data.purpose);
  add('privacy', data.privacy);
  add('need', data.need);
  matcher = new PhraseMatcher(terms);
  return matcher;
}

const PRIVACY_URL_WORDS = data.privacyUrl;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'\])]+/giu;
const SENTENCE = /[^.!?\n]+[.!?]*/gu;
const WORD = /[\p{L}\p{N}'’-]+/gu;
const NEED_TO: Record<Lang, Set<string>> = { en: new Set(data.needTo.en), de: new Set(data.needTo.de) };
const SO_SUBJECTS = new Set(data.soClause.subjects);
const SO_MODALS = new Set(data.soClause.modals);
const CONTACT_EN = new Set(data.restatingContact.en);
const CONTACT_DE = new Set(data.restatingContact.de);
const CONTACT_OBJECTS = new Set(data.restatingContact.objects);
const CONTACT_TRAILING = new Set(data.restatingContact.trailing);
/** "ask for your e-mail", "waiting for": the preposition belongs to the verb, it states no purpose */
const NOT_PURPOSE_BEFORE = new Set(['ask', 'asking', 'looking', 'wait', 'waiting', 'thanks', 'thank', 'search', 'searching', 'need', 'needs', 'required', 'require']);

/** A privacy-policy sentence or link (Datenschutzerklärung, privacy notice, https://bank.de/datenschutz). */
export function givesPrivacyNotice(text: string): boolean {
  return hasPrivacyLink(text) || phrases().findAll(text).some((m) => m.payload.kind === 'privacy');
}

function hasPrivacyLink(text: string): boolean {
  for (const m of text.matchAll(URL)) {
    const url = m[0].toLowerCase();
    if (PRIVACY_URL_WORDS.some((w) => url.includes(w))) return true;
  }
  return false;
}

/** An explicit purpose clause or a privacy notice. */
export function givesPurposeOrPrivacy(text: string): boolean {
  if (hasPrivacyLink(text)) return true;
  const matches = phrases().findAll(text);
  if (matches.some((m) => m.payload.kind === 'purpose' || m.payload.kind === 'privacy')) return true;
  for (const s of text.matchAll(SENTENCE)) {
    const words = [...s[0].matchAll(WORD)].map((w) => ({ word: w[0].toLowerCase(), at: s.index + w.index }));
    if (toClauseAtStart(words) || umZuClause(words) || soClause(words) || contactWithPurpose(words)) return true;
    const needs = matches.filter((m) => m.payload.kind === 'need' && m.start >= s.index && m.end <= s.index + s[0].length);
    for (const n of needs) if (needWithPurpose(words, n.start, n.end, n.payload.lang === 'de' ? 'de' : 'en')) return true;
  }
  return false;
}

/** "To send you the receipt, ...": a sentence that opens with an infinitive of purpose. */
function toClauseAtStart(words: { word: string }[]): boolean {
  return words.length > 2 && words[0].word === 'to' && !['the', 'a', 'an', 'your', 'my', 'our', 'be', 'do'].includes(words[1].word) && /^\p{L}+$/u.test(words[1].word);
}

/**
 * German "um ... zu": "um Ihnen die Bestätigung zuzusenden", not the time "um
 * 14 Uhr", and not a bare "um Sie zu erreichen" (see {@link restatesContact}).
 */
function umZuClause(words: { word: string }[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (words[i].word !== 'um' || !words[i + 1] || /^\p{N}/u.test(words[i + 1].word)) continue;
    for (let k = i + 1; k < Math.min(words.length, i + 12); k++) {
      const w = words[k].word;
      if (w === 'zu') return !restatesContact(words.slice(i + 1, k), words[k + 1]?.word);
      if (/^\p{L}{2,}zu\p{L}*en$/u.test(w)) return !restatesContact(words.slice(i + 1, k), w);
    }
  }
  return false;
}

/** "um Sie zu erreichen", "um Sie anzurufen": only a pronoun between "um" and a contact verb. */
function restatesContact(between: { word: string }[], verb: string | undefined): boolean {
  return verb !== undefined && CONTACT_DE.has(verb) && between.every((w) => CONTACT_OBJECTS.has(w.word));
}

/**
 * "So the pharmacist can prepare your refill", "so our courier will find
 * you": "so" + a subject word + at most two more words + a modal verb. The
 * subject word keeps "so glad you can come" out; "so that" and "so we can"
 * are phrases in the data.
 */
function soClause(words: { word: string }[]): boolean {
  for (let i = 0; i + 2 < words.length; i++) {
    if (words[i].word !== 'so' || !SO_SUBJECTS.has(words[i + 1].word)) continue;
    for (let k = i + 2; k < Math.min(words.length, i + 5); k++) if (SO_MODALS.has(words[k].word)) return true;
  }
  return false;
}

/**
 * "to reach you if your flight changes", "to contact you about your claim":
 * a contact infinitive states a purpose only when words follow that say when
 * or why; "the best number to reach you (at)?" restates what a number is for.
 */
function contactWithPurpose(words: { word: string }[]): boolean {
  for (let i = 0; i + 2 < words.length; i++) {
    if (words[i].word !== 'to' || !CONTACT_EN.has(words[i + 1].word) || !CONTACT_OBJECTS.has(words[i + 2].word)) continue;
    if (words.slice(i + 3).some((w) => !CONTACT_TRAILING.has(w.word))) return true;
  }
  return false;
}

/**
 * "We need your e-mail address to send you the receipt" / "Für die Erstattung
 * benötigen wir Ihre IBAN": a need verb and, in the same sentence, a purpose
 * preposition. English needs a word in between ("need to" is a modal verb);
 * German word order puts the purpose anywhere.
 */
function needWithPurpose(words: { word: string; at: number }[], start: number, end: number, lang: Lang): boolean {
  const preps = NEED_TO[lang];
  const verbIndex = words.findIndex((w) => w.at >= start);
  const verbEnd = words.findIndex((w) => w.at >= end);
  for (let k = 0; k < words.length; k++) {
    if (!preps.has(words[k].word)) continue;
    if (lang === 'de') return true;
    const after = verbEnd === -1 ? words.length : verbEnd;
    if (k > after && !NOT_PURPOSE_BEFORE.has(words[k - 1].word) && verbIndex !== -1) return true;
  }
  return false;
}

/** The sentence a fix appends, in the message's language, with the configured privacy policy URL. */
export function purposeSentence(lang: Lang, privacyPolicyUrl?: string): string {
  const t = data.fix[lang];
  return privacyPolicyUrl ? t.url.replace('{url}', privacyPolicyUrl) : t.plain;
}
