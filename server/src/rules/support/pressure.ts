/**
 * Manipulative wording (server/src/data/pressure.json): false urgency and
 * guilt-tripping anywhere in bot text, confirmshaming in the titles of
 * buttons and quick replies. Precision first: a phrase in a negated clause
 * ("no need to hurry"), one the sentence makes informational ("only today
 * we're open until 2") and a refusal that declines a concrete thing ("No, I
 * don't want the newsletter") are not reported.
 */
import { PhraseMatcher, type Match } from '../../core/matcher';
import type { TextPiece } from '../../core/model';
import { protectedRanges } from '../../core/scan';
import data from '../../data/pressure.json';
import { clauseAround, kindMatcher, lazy, negatedBefore, sentenceAround, wordAfter, wordsBefore, wordsIn } from './text-context';
import { placeholderKey, VariantMemo } from './text-memo';

export type PressureCategory = 'urgency' | 'guilt' | 'confirmshaming';

export interface PressureFinding {
  /** decoded index range in the piece's text */
  start: number;
  end: number;
  category: PressureCategory;
  found: string;
}

interface PhraseEntry {
  term: string;
  category: string;
  notAfter?: string[];
  unless?: string[];
  dated?: boolean;
}

const phraseMatcher = lazy(() => new PhraseMatcher((data.phrases as PhraseEntry[]).map((p) => ({ term: p.term, payload: p }))));
const negations = lazy(() => new Set(['not', 'no', 'never', "don't", 'nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'nie', 'ohne', 'without']));

const both = (list: { en: string[]; de: string[] }) => [...list.en, ...list.de];
type ShameKind = 'refusal' | 'benefit' | 'payMore' | 'firstPerson' | 'opener' | 'preference';
const shameMatcher = lazy(() =>
  kindMatcher<ShameKind>({
    refusal: both(data.confirmshaming.refusals),
    benefit: both(data.confirmshaming.benefits),
    payMore: both(data.confirmshaming.payMore),
    firstPerson: both(data.confirmshaming.firstPerson),
    opener: both(data.confirmshaming.openers),
    preference: both(data.confirmshaming.preferences),
  }),
);
const concreteNouns = lazy(() => new Set(data.confirmshaming.benefitNotBefore.words));
/** "only 3 left", "nur noch wenige Plätze frei" (see pressure.json `scarcityNumbers`) */
const SCARCITY = data.scarcityNumbers;

const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez)/i;

// a pure function of the text, whether it is a choice the user clicks, and its placeholders: remembered by content
const inChoices = new VariantMemo<readonly PressureFinding[]>();
const inTexts = new VariantMemo<readonly PressureFinding[]>();

/** Pressure phrases in one piece of bot text, in text order. Shared results: do not mutate. */
export function pressureIn(piece: TextPiece): readonly PressureFinding[] {
  const text = piece.text.value;
  if (!text.trim()) return [];
  const choice = isChoice(piece);
  return (choice ? inChoices : inTexts).get(text, placeholderKey(piece), () => findPressure(text, piece, choice));
}

function isChoice(piece: TextPiece): boolean {
  return piece.role === 'button' || piece.role === 'quick-reply';
}

function findPressure(text: string, piece: TextPiece, choice: boolean): PressureFinding[] {
  const skip = protectedRanges(text, piece);
  const out: PressureFinding[] = [];
  for (const m of longest(phraseMatcher().findAll(text, skip))) {
    if (counts(text, m)) out.push({ start: m.start, end: m.end, category: m.payload.category as PressureCategory, found: m.found });
  }
  for (const s of scarcity(text, skip)) if (!out.some((o) => o.start < s.end && s.start < o.end)) out.push(s);
  if (choice) {
    const shame = confirmshaming(text, skip);
    if (shame) out.push(shame);
  }
  return out.sort((a, b) => a.start - b.start);
}

function longest<T>(matches: Match<T>[]): Match<T>[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match<T>[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

function counts(text: string, m: Match<PhraseEntry>): boolean {
  const entry = m.payload;
  const clause = clauseAround(text, m.start, m.end);
  const before = wordsBefore(text, m.start, clause.start, 1)[0];
  if (before && entry.notAfter?.includes(before)) return false;
  // "today's transactions": a possessive makes it another word
  if (/^['’]\p{L}/u.test(text.slice(m.end, m.end + 2))) return false;
  const startsNegative = /^(?:don't|do not|nicht|verpass|verlass)/.test(entry.term);
  if (!startsNegative && negatedBefore(text, m.start, negations(), 3)) return false;
  if (entry.unless?.length) {
    const s = sentenceAround(text, m.start, m.end);
    const words = wordsIn(text, s.start, s.end);
    if (words.some((w) => entry.unless!.includes(w))) return false;
  }
  if (entry.dated && isDated(text.slice(m.end, m.end + 24))) return false;
  return true;
}

/** "offer ends on 31 March", "Angebot endet am 31.03.": a validity date, not pressure. */
function isDated(after: string): boolean {
  const rest = after.trimStart().replace(/^(?:on|at|by|am|zum|bis|:)\s*/i, '');
  return /^\d/.test(rest) || MONTHS.test(rest);
}

/**
 * "only 3 left", "nur noch 2 verfügbar": a small number right between
 * scarcity words. One regex for the whole pattern, built once from the lists;
 * literal alternatives and bounded spaces only, so it cannot backtrack badly.
 */
const scarcityPattern = lazy(() => {
  const alt = (list: { en: string[]; de: string[] }) =>
    both(list)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, ' {1,3}'))
      .join('|');
  const s = SCARCITY;
  const amount = `(?:\\d{1,3}|${alt(s.quantities)})`;
  const rest = `(?:(?:${alt(s.nouns)}) {1,3}(?:${alt(s.after)})|(?:${alt(s.afterBare)}))`;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt(s.before)}) {1,3}${amount} {1,3}${rest}(?![\\p{L}\\p{N}])`, 'giu');
});

function scarcity(text: string, skip: { start: number; end: number }[]): PressureFinding[] {
  const out: PressureFinding[] = [];
  for (const m of text.matchAll(scarcityPattern())) {
    const start = m.index;
    const end = start + m[0].length;
    if (skip.some((r) => start < r.end && end > r.start) || negatedBefore(text, start, negations(), 2)) continue;
    out.push({ start, end, category: 'urgency', found: m[0] });
  }
  return out;
}

/**
 * A choice that insults the user for declining: a refusal of a generic
 * benefit in one clause ("I don't like saving money"), or paying more as a
 * mocked preference ("No thanks, I'll pay full price", "ich zahle lieber mehr").
 */
function confirmshaming(text: string, skip: { start: number; end: number }[]): PressureFinding | undefined {
  const matches = shameMatcher().findAll(text, skip);
  const of = (k: ShameKind) => matches.filter((m) => m.payload === k);
  for (const refusal of of('refusal')) {
    const clause = clauseAround(text, refusal.start, refusal.end);
    const benefit = of('benefit')
      .filter((b) => b.start >= clause.start && b.end <= clause.end && !overlaps(b, refusal) && !concreteNouns().has(wordAfter(text, b.end)))
      .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    if (benefit) return span(text, Math.min(refusal.start, benefit.start), Math.max(refusal.end, benefit.end), clause);
  }
  const payMore = of('payMore')[0];
  if (payMore && of('firstPerson').length && (of('opener').some((o) => o.start === firstWordStart(text)) || of('preference').length)) {
    const clause = clauseAround(text, payMore.start, payMore.end);
    return span(text, clause.start, clause.end, clause);
  }
  return undefined;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function firstWordStart(text: string): number {
  const m = /[\p{L}\p{N}]/u.exec(text);
  return m ? m.index : 0;
}

/**
 * The reported phrase: the clause from its subject on ("I don't like saving
 * money" out of "No thanks, I don't like saving money"), or from the refusal
 * itself when the clause starts far before it; trimmed.
 */
function span(text: string, start: number, end: number, clause: { start: number; end: number }): PressureFinding {
  let s = wordsIn(text, clause.start, start).length > 3 ? start : clause.start;
  while (s < end && /[\s,.;:!?"'“”„-]/.test(text[s])) s++;
  let e = end;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e, category: 'confirmshaming', found: text.slice(s, e) };
}

