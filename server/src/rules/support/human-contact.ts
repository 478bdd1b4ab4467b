/**
 * Does a bot text offer a way to reach a human? Judged clause by clause
 * (server/src/data/handoff.json): a strong phrase ("live agent", "Rückruf"),
 * a verb with a human target ("connect you with a colleague", "mit einem
 * Mitarbeiter sprechen"), a contact verb with "us" ("call us", "rufen Sie
 * uns an"), a phone number with a phone word or contact verb, an e-mail
 * address or a tel:/mailto: link — and no negation in the clause ("I can't
 * connect you to a human", "kein Mitarbeiter verfügbar").
 */
import type { Match } from '../../core/matcher';
import data from '../../data/handoff.json';
import { clauseAround, isNegationWord, kindMatcher, lazy, sentenceAround } from './text-context';

type Kind = 'strong' | 'verb' | 'contactVerb' | 'target' | 'us' | 'phoneWord' | 'negation' | 'neutral';

const both = (list: { en: string[]; de: string[] }) => [...list.en, ...list.de];

const matcher = lazy(() =>
  kindMatcher<Kind>({
    strong: both(data.strong),
    verb: both(data.verbs),
    contactVerb: both(data.contactVerbs),
    target: both(data.targets),
    us: both(data.us),
    phoneWord: both(data.phoneWords),
    negation: both(data.negations),
    neutral: both(data.neutral),
  }),
);
const negationWords = lazy(() => new Set(both(data.negations)));

// linear: bounded classes, no nested quantifiers
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}/g;
const NO_REPLY = /^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon)@/i;
const PHONE = /(?:\+|\b0)\d[\d /().-]{5,18}\d/g;
const LINK = /\b(?:tel|mailto|callto|sip):/i;

interface Clause {
  start: number;
  end: number;
  kinds: Map<Kind, Match<Kind>[]>;
}

/** True when some clause of the text offers a human and does not take it back. */
export function offersHuman(text: string): boolean {
  if (!text.trim()) return false;
  if (LINK.test(text)) return true;
  const clauses = new Map<number, Clause>();
  const clauseOf = (start: number, end: number): Clause => {
    const r = clauseAround(text, start, end);
    let c = clauses.get(r.start);
    if (!c) {
      c = { start: r.start, end: r.end, kinds: new Map() };
      clauses.set(r.start, c);
    }
    return c;
  };
  const matches = matcher().findAll(text);
  const neutral = matches.filter((m) => m.payload === 'neutral');
  for (const m of matches) {
    if (m.payload === 'negation' && neutral.some((n) => m.start < n.end && m.end > n.start)) continue;
    const c = clauseOf(m.start, m.end);
    const list = c.kinds.get(m.payload) ?? [];
    list.push(m);
    c.kinds.set(m.payload, list);
  }
  addContractedNegations(text, matches, clauseOf);
  if ([...clauses.values()].some(offers)) return true;
  const negated = (at: number) => clauseOf(at, at).kinds.has('negation');
  for (const m of text.matchAll(EMAIL)) if (!NO_REPLY.test(m[0]) && !negated(m.index)) return true;
  // a number is a number to call when its sentence says so ("Hotline: 0800 123 456", "Tel. +49 ...")
  for (const m of text.matchAll(PHONE)) {
    if (m[0].replace(/\D/g, '').length < 6 || negated(m.index)) continue;
    const s = sentenceAround(text, m.index, m.index + m[0].length);
    // "Tel. 0800 ...": the abbreviation's dot ends no sentence
    const from = Math.min(s.start, Math.max(0, m.index - 12));
    if (matches.some((x) => x.start >= from && x.end <= s.end && (x.payload === 'phoneWord' || x.payload === 'contactVerb' || x.payload === 'target'))) return true;
  }
  return false;
}

/** "can't", "won't", "isn’t": the negation list has whole words only. */
function addContractedNegations(text: string, matches: Match<Kind>[], clauseOf: (s: number, e: number) => Clause): void {
  for (const m of text.matchAll(/[\p{L}]+n['’]t\b/gu)) {
    const word = m[0].toLowerCase().replace(/’/g, "'");
    if (!isNegationWord(word, negationWords())) continue;
    if (matches.some((x) => x.payload === 'neutral' && m.index >= x.start && m.index < x.end)) continue;
    const c = clauseOf(m.index, m.index + m[0].length);
    const list = c.kinds.get('negation') ?? [];
    list.push({ start: m.index, end: m.index + m[0].length, payload: 'negation', found: m[0] });
    c.kinds.set('negation', list);
  }
}

function offers(c: Clause): boolean {
  if (c.kinds.has('negation')) return false;
  if (c.kinds.has('strong')) return true;
  const has = (k: Kind) => c.kinds.get(k) ?? [];
  const apart = (a: Match<Kind>[], b: Match<Kind>[]) => a.some((x) => b.some((y) => x.end <= y.start || y.end <= x.start));
  if (apart(has('verb'), has('target')) || apart(has('contactVerb'), has('target'))) return true;
  return apart(has('contactVerb'), has('us'));
}
