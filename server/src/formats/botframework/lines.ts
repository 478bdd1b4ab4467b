/** Line bookkeeping for the line-based Bot Framework formats (.lg, .lu, .qna). */

export interface Lines {
  /** offset of each line's first character */
  starts: number[];
  /** offset just past each line's last character, before its line break */
  ends: number[];
}

/** Lines of `text`; `\r\n`, `\n` and a lone `\r` all end a line. */
export function splitLines(text: string): Lines {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

/** Index of the line that holds `offset`. */
export function lineIndexOf(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offset of the first non-blank character of line `li` (its end when blank). A BOM counts as blank. */
export function firstNonBlank(text: string, lines: Lines, li: number): number {
  let i = lines.starts[li];
  const end = lines.ends[li];
  while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\ufeff')) i++;
  return i;
}

/** Offset past the blanks that start at `i` (up to `end`). */
export function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Offset of the last non-blank character + 1 in [start, end). */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}
