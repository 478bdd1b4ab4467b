/**
 * One LG text (a `- variation`, a structured property value) decoded into
 * what the user reads, with exact source offsets: `\` escapes decoded,
 * `${...}` kept verbatim (it may span lines) and turned into placeholders and
 * template calls, ```` ``` ```` multi-line blocks read up to their closing
 * fence with the fences dropped.
 */
import type { MessageCall, Placeholder } from '../../core/model';
import { MappedText, type SourceRange } from '../../core/text';
import { expressionEnd, expressionRefs } from './expression';

export interface LgTextError {
  message: string;
  at: SourceRange;
}

export interface LgText {
  text: MappedText;
  placeholders: Placeholder[];
  calls: MessageCall[];
  /** source offsets of the calls, for MessageUse */
  callRanges: SourceRange[];
  /** source offset just past the consumed source (before trailing blanks and line break) */
  end: number;
  /** the variation is exactly one ``` block: its content's source range (for JSON card detection) */
  block?: SourceRange;
  errors: LgTextError[];
}

export interface LgTextOptions {
  /** offset of the line start above which a suppression comment goes */
  anchor: number;
  /** an unescaped character that ends the text (structured list values: `|`) */
  separator?: string;
  /** an expression that is not closed before this offset is an error (the next template header) */
  exprLimit: number;
}

const FENCE = '```';
const UNESCAPE: Readonly<Record<string, string>> = { r: '\r', n: '\n', t: '\t', '\\': '\\' };

/** Reads the LG text that starts at `start` (leading blanks already skipped). */
export function readLgText(file: string, src: string, start: number, opts: LgTextOptions): LgText {
  const errors: LgTextError[] = [];
  const rawEnd = extentEnd(src, start, opts, errors);
  let end = rawEnd;
  while (end > start && (src[end - 1] === ' ' || src[end - 1] === '\t') && src[end - 2] !== '\\') end--;
  const decoded = decode(file, src, start, end, opts, errors);
  const block = singleBlock(src, start, end);
  return { ...decoded, end: rawEnd, block, errors };
}

/** Where the text ends: the line end, unless an expression or a ``` block carries it further. */
function extentEnd(src: string, start: number, opts: LgTextOptions, errors: LgTextError[]): number {
  const n = src.length;
  let i = start;
  while (i < n) {
    const c = src[i];
    if (c === '\n' || c === '\r' || c === opts.separator) return i;
    if (c === '\\') {
      i += src[i + 1] === '\n' || src[i + 1] === '\r' || i + 1 >= n ? 1 : 2;
    } else if (c === '$' && src[i + 1] === '{') {
      // a block above may have run past the next header line: the expression may at least use its own line
      const e = expressionEnd(src, i, Math.max(opts.exprLimit, lineEnd(src, i)));
      if (e < 0) {
        errors.push({ message: 'This `${` expression is never closed with `}`.', at: { start: i, end: i + 2 } });
        return lineEnd(src, i);
      }
      i = e;
    } else if (src.startsWith(FENCE, i)) {
      const close = blockEnd(src, i + 3, opts.exprLimit);
      if (close < 0) {
        errors.push({ message: 'This ``` block is never closed with ```.', at: { start: i, end: i + 3 } });
        return lineEnd(src, i);
      }
      i = close + 3;
    } else i++;
  }
  return n;
}

/**
 * Offset of the ``` that closes a block whose content starts at `from`, or -1.
 * One forward pass: `${...}` parts are skipped whole, since a string in an
 * expression may hold ```.
 */
function blockEnd(src: string, from: number, exprLimit: number): number {
  let i = from;
  while (i < src.length) {
    if (src.startsWith(FENCE, i)) return i;
    if (src[i] === '$' && src[i + 1] === '{') {
      const e = expressionEnd(src, i, Math.max(exprLimit, i + 2));
      i = e < 0 ? i + 2 : e;
    } else i++;
  }
  return -1;
}

function lineEnd(src: string, i: number): number {
  while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
  return i;
}

/** The content range when [start, end) is exactly one ``` block. */
function singleBlock(src: string, start: number, end: number): SourceRange | undefined {
  if (end - start < 6 || !src.startsWith(FENCE, start) || !src.startsWith(FENCE, end - 3)) return undefined;
  const inner = src.indexOf(FENCE, start + 3);
  return inner === end - 3 ? { start: start + 3, end: end - 3 } : undefined;
}

function decode(file: string, src: string, start: number, end: number, opts: LgTextOptions, errors: LgTextError[]) {
  const b = MappedText.builder(file, { kind: 'lg' }).anchor(opts.anchor).node({ start, end });
  const placeholders: Placeholder[] = [];
  const calls: MessageCall[] = [];
  const callRanges: SourceRange[] = [];
  let value = 0; // decoded length so far
  let inBlock = false;
  let run = start;
  const flush = (to: number) => {
    if (to > run) {
      b.verbatim(src.slice(run, to), run);
      value += to - run;
    }
  };
  let i = start;
  while (i < end) {
    const c = src[i];
    if (src.startsWith(FENCE, i)) {
      flush(i);
      inBlock = !inBlock;
      i += 3;
      run = i;
    } else if (c === '$' && src[i + 1] === '{') {
      const e = expressionEnd(src, i, end);
      const stop = e < 0 ? end : e;
      flush(i);
      const from = value;
      b.verbatim(src.slice(i, stop), i);
      value += stop - i;
      const refs = expressionRefs(src.slice(i + 2, e < 0 ? stop : stop - 1));
      for (const variable of refs.paths) placeholders.push({ variable, start: from, end: value, syntax: 'lg' });
      for (const message of refs.calls) {
        calls.push({ message, start: from, end: value });
        callRanges.push({ start: i, end: stop });
      }
      i = stop;
      run = i;
    } else if (c === '\r' && src[i + 1] === '\n') {
      // a line break inside a block or expression reads as one \n
      flush(i);
      b.escape('\n', i, i + 2);
      value += 1;
      i += 2;
      run = i;
    } else if (c === '\\' && !inBlock) {
      flush(i);
      const next = src[i + 1];
      const width = i + 1 < end && next !== '\n' && next !== '\r' ? 2 : 1;
      const out = width === 2 ? UNESCAPE[next] ?? next : '';
      if (out) {
        b.escape(out, i, i + width);
        value += out.length;
      }
      i += width;
      run = i;
    } else if (c === '{' && !inBlock) {
      const bare = bareBraceEnd(src, i, end);
      if (bare > 0) errors.push({ message: 'Placeholder without `$`: LG shows `{...}` literally; write `${...}` for a property.', at: { start: i, end: bare } });
      i++;
    } else i++;
  }
  flush(end);
  return { text: b.build(start), placeholders, calls, callRanges };
}

/** `{ name }` / `{user.name}`: a property in braces that lacks its `$` (a broken placeholder). Returns the end or -1. */
function bareBraceEnd(src: string, open: number, end: number): number {
  let i = open + 1;
  while (i < end && src[i] === ' ') i++;
  const nameStart = i;
  if (!/[A-Za-z_]/.test(src[i] ?? '')) return -1;
  while (i < end && /[\w.]/.test(src[i])) i++;
  if (i - nameStart > 64) return -1;
  while (i < end && src[i] === ' ') i++;
  return src[i] === '}' ? i + 1 : -1;
}
