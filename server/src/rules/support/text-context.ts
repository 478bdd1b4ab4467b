/**
 * Small, linear helpers that look at the words around a phrase match: the
 * clause and sentence it stands in, the words just before or after it. The
 * disclosure, impersonation, handoff and pressure rules use them to tell
 * "I'm a bot" from "I'm not a bot", and a claim from a question about it.
 */
import { PhraseMatcher, type MatchTerm } from '../../core/matcher';
import type { SourceRange } from '../../core/text';

/** Every combination of the parts, joined: [["i'm","i am"],["", "a "],["human"]] → "i'm human", "i'm a human"... */
export function expandParts(parts: readonly (readonly string[])[]): string[] {
  let out = [''];
  for (const alternatives of parts) {
    const next: string[] = [];
    for (const head of out) for (const alt of alternatives) next.push(joinWords(head, alt));
    out = next;
  }
  return [...new Set(out.map((s) => s.replace(/ +/g, ' ').trim()).filter((s) => s.length > 0))];
}

function joinWords(head: string, tail: string): string {
  if (!head || !tail || head.endsWith(' ') || tail.startsWith(' ')) return head + tail;
  return `${head} ${tail}`;
}

/** A value computed once, on first use: word lists are turned into matchers only when a rule runs. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** A matcher whose payload is the set of kinds a term belongs to (one phrase can be several kinds). */
export function kindMatcher<K extends string>(lists: Partial<Record<K, readonly string[]>>): PhraseMatcher<K> {
  const terms: MatchTerm<K>[] = [];
  for (const kind of Object.keys(lists) as K[]) for (const term of lists[kind] ?? []) terms.push({ term, payload: kind });
  return new PhraseMatcher(terms);
}

const WORD_RUN = /[\p{L}\p{N}'’]+/gu;

/** Clause punctuation: `! ? ; \n` always; `. , :` only before white space or the end (not in 3.5, e.g. an URL). */
function isClauseBreak(text: string, i: number): boolean {
  const c = text[i];
  if (c === '!' || c === '?' || c === ';' || c === '\n' || c === '(' || c === ')' || c === '"' || c === '“' || c === '”' || c === '„') return true;
  if (c === '.' || c === ',' || c === ':' || c === '–' || c === '—') return i + 1 >= text.length || /\s/.test(text[i + 1]);
  return false;
}

function isSentenceBreak(text: string, i: number): boolean {
  const c = text[i];
  if (c === '!' || c === '?' || c === '\n') return true;
  return c === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1]));
}

function around(text: string, from: number, to: number, brk: (t: string, i: number) => boolean): SourceRange {
  let start = from;
  while (start > 0 && !brk(text, start - 1)) start--;
  let end = to;
  while (end < text.length && !brk(text, end)) end++;
  return { start, end };
}

/** The clause containing [from, to): between commas, colons, sentence ends. */
export function clauseAround(text: string, from: number, to: number = from): SourceRange {
  return around(text, from, to, isClauseBreak);
}

/** The sentence containing [from, to). */
export function sentenceAround(text: string, from: number, to: number = from): SourceRange {
  return around(text, from, to, isSentenceBreak);
}

/** The character that ends the sentence of [from, to) ('' at the end of the text). */
export function sentenceEnd(text: string, from: number, to: number = from): string {
  const { end } = sentenceAround(text, from, to);
  return text[end] ?? '';
}

/** Sentence ranges of a text, in order (trailing white space excluded). */
export function sentences(text: string): SourceRange[] {
  const out: SourceRange[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSentenceBreak(text, i)) continue;
    let end = i + 1;
    while (end < text.length && '!?.'.includes(text[end])) end++;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
    i = end - 1;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

/** Lower-case words of text[from, to). */
export function wordsIn(text: string, from: number, to: number): string[] {
  return (text.slice(from, to).toLowerCase().match(WORD_RUN) ?? []).map((w) => w.replace(/’/g, "'"));
}

/** The last `n` words before `index`, not reaching back before `floor`. */
export function wordsBefore(text: string, index: number, floor: number, n: number): string[] {
  const words = wordsIn(text, Math.max(floor, index - 80), index);
  return words.slice(Math.max(0, words.length - n));
}

/** The first word after `index` in the same clause, lower case ('' when the clause ends first). */
export function wordAfter(text: string, index: number): string {
  let i = index;
  while (i < text.length && text[i] === ' ') i++;
  if (i >= text.length || isClauseBreak(text, i)) return '';
  const m = /^[\p{L}\p{N}'’-]+/u.exec(text.slice(i, i + 60));
  return m ? m[0].toLowerCase() : '';
}

/** "not", "no", "nicht", "kein"... or a contracted negation (can't, isn't, don’t). */
export function isNegationWord(word: string, negations: ReadonlySet<string>): boolean {
  return negations.has(word) || word.endsWith("n't");
}

/** Does a negation stand in the clause before `index` (at most `reach` words back)? */
export function negatedBefore(text: string, index: number, negations: ReadonlySet<string>, reach = 4): boolean {
  const clause = clauseAround(text, index);
  return wordsBefore(text, index, clause.start, reach).some((w) => isNegationWord(w, negations));
}

/** The text between two offsets has no letters or digits (only spaces, punctuation, emoji). */
export function hasNoWords(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}
