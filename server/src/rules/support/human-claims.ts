/**
 * Bot text that claims the bot is human ("I'm a real person", "Ich bin kein
 * Bot", "You're talking to a real human"), told apart from what only sounds
 * like it: a question ("Do you think I'm a real person?"), reported speech
 * ("people ask whether I am human"), a quote, a compound ("I'm a human
 * resources assistant"), the announcement of a real handoff ("You are now
 * chatting with a real person"), and "I'm not a bot, I'm a virtual
 * assistant" (which discloses). Buttons and quick replies are the user's
 * words and are never claims.
 */
import { PhraseMatcher } from '../../core/matcher';
import type { TextPiece } from '../../core/model';
import { protectedRanges } from '../../core/scan';
import data from '../../data/impersonation.json';
import { disclosureTerms, isSpokenPiece } from './disclosure';
import { clauseAround, expandParts, lazy, sentenceAround, sentenceEnd, wordAfter, wordsBefore, wordsIn } from './text-context';
import { placeholderKey, VariantMemo } from './text-memo';

export type ClaimCategory = 'human-claim' | 'not-a-bot' | 'you-talk-to';

export interface HumanClaim {
  /** decoded index range in the piece's text */
  start: number;
  end: number;
  category: ClaimCategory;
  found: string;
  /** added to a self-introduction after a comma ("I'm Tom, a real person") */
  appended: boolean;
}

const matcher = lazy(() => {
  const terms: { term: string; payload: ClaimCategory }[] = [];
  for (const p of data.patterns) for (const term of expandParts(p.parts)) terms.push({ term, payload: p.category as ClaimCategory });
  return new PhraseMatcher(terms);
});
const appositions = lazy(() => {
  const a = data.appositions;
  return new PhraseMatcher([
    ...a['human-claim'].map((term) => ({ term, payload: 'human-claim' as ClaimCategory })),
    ...a['not-a-bot'].map((term) => ({ term, payload: 'not-a-bot' as ClaimCategory })),
  ]);
});
const nounContinuations = lazy(() => new Set(data.nounContinuations.words));
const conditionals = lazy(() => new Set(data.conditionals.words));
const transitions = lazy(() => new Set(data.transitions.words));

const QUOTES = new Set(['"', "'", '“', '”', '„', '‚', '‘', '’', '«', '»']);

// a pure function of the text and its placeholders (the data is fixed): remembered by content
const byContent = new VariantMemo<readonly HumanClaim[]>();

/** Claims to be human in one piece of bot text (none in buttons/quick replies). Shared results: do not mutate. */
export function humanClaims(piece: TextPiece): readonly HumanClaim[] {
  if (!isSpokenPiece(piece)) return [];
  return byContent.get(piece.text.value, placeholderKey(piece), () => findClaims(piece));
}

function findClaims(piece: TextPiece): HumanClaim[] {
  const text = piece.text.value;
  const skip = protectedRanges(text, piece);
  const direct = matcher().findAll(text, skip);
  const appended = appositions()
    .findAll(text, skip)
    .filter((m) => introducedBefore(text, m.start));
  const found = longestFirst([...direct.map((m) => ({ ...m, appended: false })), ...appended.map((m) => ({ ...m, appended: true }))]);
  const out: HumanClaim[] = [];
  for (const m of found) {
    if (!isClaim(text, m.start, m.end, m.payload)) continue;
    if (m.payload === 'not-a-bot' && disclosesElsewhere(text, m.start, m.end, piece)) continue;
    out.push({ start: m.start, end: m.end, category: m.payload, found: m.found, appended: m.appended });
  }
  return out;
}

/** Overlapping matches ("I'm a human" inside "I'm a human being"): keep the longest. */
function longestFirst<T extends { start: number; end: number }>(matches: T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

/**
 * "I'm Tom, a real person": the phrase opens its clause, and the clause
 * before (ended by a comma or dash) is a self-introduction.
 */
function introducedBefore(text: string, start: number): boolean {
  const clause = clauseAround(text, start);
  if (wordsIn(text, clause.start, start).length || clause.start < 2) return false;
  if (!',–—-'.includes(text.slice(0, clause.start).trimEnd().slice(-1))) return false;
  const previous = clauseAround(text, clause.start - 2);
  const words = wordsIn(text, previous.start, previous.end);
  return data.appositions.introductions.some((intro) => intro.every((w, i) => words[i] === w));
}

function isClaim(text: string, start: number, end: number, category: ClaimCategory): boolean {
  if (sentenceEnd(text, start, end) === '?') return false;
  const sentence = sentenceAround(text, start, end);
  const before = wordsBefore(text, start, sentence.start, 8);
  if (before.some((w) => conditionals().has(w))) return false;
  if (QUOTES.has(previousNonSpace(text, start))) return false;
  const next = wordAfter(text, end);
  if (text[end] === '-' || nounContinuations().has(next)) return false;
  if (category === 'you-talk-to') {
    const words = [...before, ...wordsAfterInSentence(text, end, sentence.end)];
    if (words.some((w) => transitions().has(w) || w.endsWith("'ll"))) return false;
  }
  return true;
}

function previousNonSpace(text: string, index: number): string {
  let i = index - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return i >= 0 ? text[i] : '';
}

function wordsAfterInSentence(text: string, from: number, to: number): string[] {
  return (text.slice(from, to).toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? []).map((w) => w.replace(/’/g, "'"));
}

/** "I'm not a bot, I'm a virtual assistant": the text also discloses, so it is no claim to be human. */
function disclosesElsewhere(text: string, start: number, end: number, piece: TextPiece): boolean {
  return disclosureTerms(text, piece).some((d) => d.end <= start || d.start >= end);
}
