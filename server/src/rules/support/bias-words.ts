/**
 * Small text helpers shared by the bias scanner: words around a match and
 * case transfer for replacements. Linear scans, no regular expressions over
 * whole texts.
 */
import { isWordChar } from '../../core/matcher';

export interface Token {
  start: number;
  end: number;
  word: string;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';

/** A word character or an apostrophe inside a word ("don't", "it's"). */
function isTokenChar(text: string, i: number): boolean {
  const ch = text[i];
  if (isWordChar(ch)) return true;
  return (ch === "'" || ch === '\u2019') && isWordChar(text[i - 1]) && isWordChar(text[i + 1]);
}

/**
 * The word that ends right before `pos`, separated from it only by white
 * space (and, with `allowComma`, one comma). Undefined at other punctuation.
 */
export function wordBefore(text: string, pos: number, allowComma = false): Token | undefined {
  let i = pos;
  while (i > 0 && isSpace(text[i - 1])) i--;
  if (allowComma && text[i - 1] === ',') {
    i--;
    while (i > 0 && isSpace(text[i - 1])) i--;
  }
  const end = i;
  while (i > 0 && isTokenChar(text, i - 1)) i--;
  return i < end ? { start: i, end, word: text.slice(i, end) } : undefined;
}

/** The word that starts right after `pos` (white space only in between). */
export function wordAfter(text: string, pos: number): Token | undefined {
  let i = pos;
  while (i < text.length && isSpace(text[i])) i++;
  const start = i;
  while (i < text.length && isTokenChar(text, i)) i++;
  return i > start ? { start, end: i, word: text.slice(start, i) } : undefined;
}

/** Start of the word that contains index `pos` (letters and digits only). */
export function wordStartAt(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

export function decapitalize(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

/**
 * Writes `replacement` in the case of `found`: ALL CAPS stays all caps, a
 * capitalised word (sentence start) gets a capitalised replacement. A
 * lower-case find leaves the replacement as listed (German nouns and proper
 * names keep their capital).
 */
export function matchCase(found: string, replacement: string): string {
  if (isAllCaps(found)) return replacement.toUpperCase();
  return isUpper(found[0]) ? capitalize(replacement) : replacement;
}

/** At least two cased letters and none of them lower case ("GUYS", "KI-BERATER"). */
function isAllCaps(s: string): boolean {
  let cased = 0;
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) continue;
    if (ch === lower) return false;
    cased++;
  }
  return cased > 1;
}

/** Does an English word start with a vowel sound (for a/an)? A spelling heuristic with the usual exceptions. */
export function startsWithVowelSound(word: string): boolean {
  const w = word.toLowerCase();
  if (/^(?:hour|honest|honou?r|heir)/.test(w)) return true;
  if (/^(?:uni|use|usu|uti|ure|eu|ewe|one|once)/.test(w)) return false;
  return /^[aeiou]/.test(w);
}
