/**
 * YAML scalars as MappedText: the value a YAML loader reads (quotes removed,
 * escapes decoded, lines folded, block indentation stripped) with the exact
 * source offset of every character. A finding on a word in the third line of a
 * `text: |` block lands on that word; a fix is written back in the scalar's
 * own style. Shared by every YAML-based reader (Rasa, the config file).
 *
 * The decoders mirror the `yaml` package's own (compose/resolve-*-scalar) step
 * by step, so the decoded value is the loader's value. Should they ever
 * disagree, the loader's value wins and is mapped to the whole scalar.
 */
import { isScalar, parseDocument, visit, type CST, type Document, type Scalar } from 'yaml';
import { MappedText, type Encoding, type MappedTextBuilder, type SourceRange } from '../core/text';

/**
 * Parses YAML for offset work (source tokens kept, plain error messages
 * without source excerpts). Rasa's loader (ruamel, like PyYAML) accepts a
 * quoted scalar whose continuation lines are not indented under their key;
 * the `yaml` package rejects it. Such scalars are re-read with their line
 * breaks blanked out (same length, so every offset stays valid) and decoded
 * from the original text by {@link yamlScalarText}.
 */
export function parseYaml(text: string): Document.Parsed {
  const options = { keepSourceTokens: true, prettyErrors: false } as const;
  const doc = parseDocument(text, options);
  const repaired = repairUnindentedQuotes(text, doc);
  if (repaired === undefined) return doc;
  const second = parseDocument(repaired, options);
  return second.errors.length < doc.errors.length ? second : doc;
}

/** The text with line breaks inside under-indented quoted scalars blanked, or undefined if there are none. */
function repairUnindentedQuotes(text: string, doc: Document.Parsed): string | undefined {
  const unclosed = new Set<number>();
  for (const e of doc.errors) if (e.code === 'MISSING_CHAR' && e.message.includes('quote')) unclosed.add(e.pos[0]);
  if (!unclosed.size) return undefined;
  const spans: [number, number][] = [];
  visit(doc, {
    Node(_key, node) {
      if (!isScalar(node) || !node.range || !unclosed.has(node.range[1])) return;
      const open = node.range[0];
      const quote = text[open];
      if (quote !== '"' && quote !== "'") return;
      const close = closingQuote(text, open, quote);
      if (close > open) spans.push([open, close]);
    },
  });
  if (!spans.length) return undefined;
  const chars = text.split('');
  for (const [open, close] of spans) for (let i = open; i < close; i++) if (chars[i] === '\n' || chars[i] === '\r') chars[i] = ' ';
  return chars.join('');
}

/** Where a quoted scalar opened at `open` really ends (as a lenient loader reads it), or -1. */
function closingQuote(text: string, open: number, quote: string): number {
  let end = text.indexOf(quote, open + 1);
  if (quote === "'") {
    while (end !== -1 && text[end + 1] === "'") end = text.indexOf("'", end + 2);
  } else {
    while (end !== -1) {
      let n = 0;
      while (text[end - 1 - n] === '\\') n += 1;
      if (n % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
  }
  if (end < 0) return -1;
  // only a quote that ends a value: blanks, then a line end, a comment or a flow/key indicator
  let k = end + 1;
  while (text[k] === ' ' || text[k] === '\t') k++;
  const after = text[k];
  return after === undefined || '\r\n#:,]}'.includes(after) ? end : -1;
}

/**
 * The decoded text of a scalar node of a document parsed from `text` by
 * {@link parseYaml} (or with `keepSourceTokens: true`). `anchor`: an offset on the line a suppression
 * comment must precede (the key's line); defaults to the scalar's own line.
 */
export function yamlScalarText(file: string, text: string, node: Scalar, anchor?: number): MappedText {
  const token = node.srcToken;
  const range = node.range ?? [0, 0, 0];
  const nodeRange: SourceRange = { start: range[0], end: range[1] };
  const anchorAt = lineStartOf(text, anchor ?? nodeRange.start);
  let built: MappedText | undefined;
  let repaired = false;
  if (token?.type === 'block-scalar') built = blockText(file, text, token, anchorAt, nodeRange);
  else if (token && (token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar')) {
    const source = text.slice(token.offset, token.offset + token.source.length);
    repaired = source !== token.source; // see parseYaml: the original is the truth
    built = flowText(file, token, source, anchorAt, nodeRange, token.type === 'scalar' && inFlowCollection(text, token.offset + source.length));
  }
  const expected = node.value;
  if (built && (typeof expected !== 'string' || built.value === expected || repaired)) return built;
  // Unknown token shape, or a decoder disagreement: the loader's value over the whole node.
  const value = expected === null || expected === undefined ? '' : String(expected);
  return MappedText.builder(file, encodingOf(token))
    .escape(value, nodeRange.start, nodeRange.end)
    .anchor(anchorAt)
    .node(nodeRange)
    .build(nodeRange.start);
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = Math.min(Math.max(offset, 0), text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/**
 * Decoded characters [from, to) of `text` as a text of their own, with the
 * same source mapping, encoding, anchor and node (an example line of an NLU
 * block, a sentence of a response).
 */
export function sliceText(text: MappedText, from: number, to: number, anchor?: number): MappedText {
  const b = MappedText.builder(text.file, text.encoding)
    .anchor(anchor ?? text.anchor)
    .node(text.node);
  // runs of chars that each stand for one source char, in order, are verbatim text
  let runFrom = from;
  let runStart = -1;
  const flush = (k: number): void => {
    if (k > runFrom) b.verbatim(text.value.slice(runFrom, k), runStart);
  };
  for (let k = from; k < to; k++) {
    const r = text.range(k, k + 1);
    const single = r.end - r.start === 1;
    if (single && k > runFrom && r.start === runStart + (k - runFrom)) continue;
    flush(k);
    runFrom = k;
    runStart = r.start;
    if (!single) {
      b.escape(text.value[k], r.start, r.end);
      runFrom = k + 1;
    }
  }
  flush(to);
  return b.build(text.sourceStart(from));
}

function encodingOf(token: CST.Token | undefined): Encoding {
  switch (token?.type) {
    case 'single-quoted-scalar':
      return { kind: 'yaml-single' };
    case 'double-quoted-scalar':
      return { kind: 'yaml-double' };
    case 'block-scalar':
      return { kind: 'yaml-block', indent: '' };
    default:
      return { kind: 'yaml-plain' };
  }
}

// ---------------------------------------------------------------- flow scalars

/**
 * Is the plain scalar ending at `end` an item of a flow collection (`[a, b]`,
 * `{title: Yes}`)? Then the next thing after it, past blanks, line breaks and
 * comments, is `,`, `]` or `}`; a block value is followed by a new line's key.
 * There `, [ ] { }` end the scalar, so an edit must not write them plain.
 */
function inFlowCollection(text: string, end: number): boolean {
  let i = end;
  for (;;) {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
    if (text[i] !== '#') break;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  }
  return text[i] === ',' || text[i] === ']' || text[i] === '}';
}

function flowText(file: string, token: CST.FlowScalar, source: string, anchor: number, nodeRange: SourceRange, inFlow = false): MappedText {
  const { offset } = token;
  const b = MappedText.builder(file, inFlow ? { kind: 'yaml-plain', flow: true } : encodingOf(token)).anchor(anchor).node(nodeRange);
  if (token.type === 'scalar') {
    unfoldLines(b, source, offset, 0, source.length, (from, to) => b.verbatim(source.slice(from, to), offset + from));
    return b.build(offset);
  }
  if (token.type === 'single-quoted-scalar') {
    const end = Math.max(1, source.length - 1); // the loader drops the last char, quote or not
    unfoldLines(b, source, offset, 1, end, (from, to) => singleQuotedRun(b, source, offset, from, to));
    return b.build(offset + 1);
  }
  doubleQuoted(b, source, offset);
  return b.build(offset + 1);
}

/** `''` stands for one quote; everything else is verbatim. */
function singleQuotedRun(b: MappedTextBuilder, source: string, offset: number, from: number, to: number): void {
  let run = from;
  for (let i = from; i < to; i++) {
    if (source[i] === "'" && source[i + 1] === "'" && i + 1 < to) {
      b.verbatim(source.slice(run, i), offset + run);
      b.escape("'", offset + i, offset + i + 2);
      i++;
      run = i + 1;
    }
  }
  b.verbatim(source.slice(run, to), offset + run);
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Line folding of plain and single-quoted scalars over source[from, to):
 * a single line break becomes a space, n+1 line breaks become n newlines,
 * white space around breaks is dropped. Content runs go to `emit`; each fold
 * maps to the source it replaces (trailing blanks, the break, the indentation).
 */
function unfoldLines(
  b: MappedTextBuilder,
  source: string,
  offset: number,
  from: number,
  to: number,
  emit: (from: number, to: number) => void,
): void {
  const firstBreak = source.indexOf('\n', from);
  if (firstBreak < 0 || firstBreak >= to) {
    emit(from, to);
    return;
  }
  // first line: trailing blanks trimmed
  let contentEnd = lineContentEnd(source, from, firstBreak);
  while (contentEnd > from && isBlank(source[contentEnd - 1])) contentEnd--;
  emit(from, contentEnd);
  let gapStart = contentEnd;
  let fold = '';
  let sep = ' ';
  let lineStart = firstBreak + 1;
  for (let brk = source.indexOf('\n', lineStart); brk >= 0 && brk < to; brk = source.indexOf('\n', lineStart)) {
    let s = lineStart;
    let e = lineContentEnd(source, lineStart, brk);
    while (s < e && isBlank(source[s])) s++;
    while (e > s && isBlank(source[e - 1])) e--;
    if (s === e) {
      if (sep === '\n') fold += '\n';
      else sep = '\n';
    } else {
      b.escape(fold + sep, offset + gapStart, offset + s);
      emit(s, e);
      gapStart = e;
      fold = '';
      sep = ' ';
    }
    lineStart = brk + 1;
  }
  // last line: only leading blanks trimmed; the separator is always added
  let s = lineStart;
  while (s < to && isBlank(source[s])) s++;
  b.escape(fold + sep, offset + gapStart, offset + s);
  emit(s, to);
}

/** End of a line's content before its break at `brk` (a `\r` before `\n` is part of the break). */
function lineContentEnd(source: string, lineStart: number, brk: number): number {
  return brk > lineStart && source[brk - 1] === '\r' ? brk - 1 : brk;
}

const DOUBLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

/** Double-quoted scalar: escapes, escaped line breaks and folding, each mapped to its source. */
function doubleQuoted(b: MappedTextBuilder, source: string, offset: number): void {
  const at = (i: number): number => offset + i;
  let pendingGap = -1; // start of dropped trailing blanks before a fold
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === '\r' && source[i + 1] === '\n') {
      if (pendingGap < 0) pendingGap = i;
      continue;
    }
    if (ch === '\n') {
      const foldStart = pendingGap >= 0 ? pendingGap : i;
      let fold = '';
      let k = i;
      let next = source[k + 1];
      while (next === ' ' || next === '\t' || next === '\n' || next === '\r') {
        if (next === '\r' && source[k + 2] !== '\n') break;
        if (next === '\n') fold += '\n';
        k += 1;
        next = source[k + 1];
      }
      b.escape(fold || ' ', at(foldStart), at(k + 1));
      i = k;
      pendingGap = -1;
      continue;
    }
    pendingGap = -1;
    if (ch === '\\') {
      const escStart = i;
      let next = source[++i];
      const simple = next === undefined ? undefined : DOUBLE_ESCAPES[next];
      if (simple) b.escape(simple, at(escStart), at(i + 1));
      else if (next === '\n' || (next === '\r' && source[i + 1] === '\n')) {
        // escaped line break: nothing, and the next line's indentation is dropped
        if (next === '\r') i++;
        next = source[i + 1];
        while (next === ' ' || next === '\t') next = source[++i + 1];
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const decoded = charCode(source, i + 1, length);
        if (decoded !== undefined) b.escape(decoded, at(escStart), at(i + 1 + length));
        else b.verbatim(source.substr(escStart, length + 2), at(escStart));
        i += length;
      } else {
        b.verbatim(source.substr(escStart, 2), at(escStart));
      }
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      const wsStart = i;
      let next = source[i + 1];
      while (next === ' ' || next === '\t') next = source[++i + 1];
      if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n')) b.verbatim(source.slice(wsStart, i + 1), at(wsStart));
      else pendingGap = wsStart;
      continue;
    }
    b.verbatim(ch, at(i));
  }
}

function charCode(source: string, from: number, length: number): string | undefined {
  const hex = source.substr(from, length);
  if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const code = parseInt(hex, 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

// ---------------------------------------------------------------- block scalars

interface BlockLine {
  /** source offsets (absolute) */
  start: number;
  /** indentation spaces */
  indent: number;
  /** end of content, before `\r` */
  contentEnd: number;
  /** offset just past the line break, or the end of the scalar */
  breakEnd: number;
}

interface BlockHeader {
  folded: boolean;
  explicitIndent: number;
  chomp: '' | '-' | '+';
  /** offset of the first content character (after the header line) */
  contentStart: number;
}

function blockHeader(token: CST.BlockScalar): BlockHeader | undefined {
  const head = token.props[0];
  if (!head || head.type !== 'block-scalar-header') return undefined;
  let explicitIndent = 0;
  let chomp: BlockHeader['chomp'] = '';
  for (const ch of head.source.slice(1)) {
    if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
    else if (!explicitIndent && Number(ch)) explicitIndent = Number(ch);
  }
  let length = 0;
  for (const p of token.props) if ('source' in p && typeof p.source === 'string') length += p.source.length;
  return { folded: head.source[0] === '>', explicitIndent, chomp, contentStart: token.offset + length };
}

function splitBlockLines(source: string, base: number): BlockLine[] {
  const lines: BlockLine[] = [];
  let pos = 0;
  while (pos <= source.length) {
    const brk = source.indexOf('\n', pos);
    const end = brk < 0 ? source.length : brk;
    let indent = 0;
    while (pos + indent < end && source[pos + indent] === ' ') indent++;
    const contentEnd = end > pos + indent && source[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start: base + pos, indent, contentEnd: base + contentEnd, breakEnd: base + (brk < 0 ? end : brk + 1) });
    if (brk < 0) break;
    pos = brk + 1;
  }
  return lines;
}

/** `|` and `>` with indentation indicators and chomping, as the yaml loader reads them. */
function blockText(file: string, text: string, token: CST.BlockScalar, anchor: number, nodeRange: SourceRange): MappedText | undefined {
  const header = blockHeader(token);
  if (!header) return undefined;
  const source = text.slice(header.contentStart, header.contentStart + token.source.length);
  const lines = source ? splitBlockLines(source, header.contentStart) : [];
  const isEmpty = (l: BlockLine): boolean => l.contentEnd === l.start + l.indent;
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0 && isEmpty(lines[i]); --i) chompStart = i;

  let trimIndent = token.indent + header.explicitIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    if (isEmpty(lines[i])) {
      if (header.explicitIndent === 0 && lines[i].indent > trimIndent) trimIndent = lines[i].indent;
    } else {
      if (header.explicitIndent === 0) trimIndent = lines[i].indent;
      contentStart = i;
      break;
    }
  }
  const b = MappedText.builder(file, header.folded ? { kind: 'yaml-block', indent: ' '.repeat(trimIndent), folded: true } : { kind: 'yaml-block', indent: ' '.repeat(trimIndent) }).anchor(anchor).node(nodeRange);
  if (chompStart === 0) {
    // only empty lines: '' or, kept, their breaks
    if (header.chomp === '+' && lines.length > 0) {
      const n = Math.max(1, lines.length - 1);
      for (let i = 0; i < n; i++) b.escape('\n', lines[i]?.start ?? header.contentStart, lines[i]?.breakEnd ?? header.contentStart);
    }
    return b.build(header.contentStart);
  }
  for (let i = lines.length - 1; i >= chompStart; --i) if (lines[i].indent > trimIndent) chompStart = i + 1;

  // the part of a line's indentation beyond trimIndent is content
  const extra = (l: BlockLine): number => l.start + Math.min(l.indent, trimIndent);
  for (let i = 0; i < contentStart; ++i) {
    const l = lines[i];
    b.verbatim(text.slice(extra(l), l.start + l.indent), extra(l));
    b.escape('\n', l.start + l.indent, l.breakEnd);
  }
  let sep = '';
  let gapStart = lines[contentStart].start; // source just past the last emitted character
  let prevMoreIndented = false;
  for (let i = contentStart; i < chompStart; ++i) {
    const l = lines[i];
    const contentFrom = l.start + l.indent;
    const badIndent = l.contentEnd > contentFrom && l.indent < trimIndent; // the loader drops such indentation
    const indentFrom = badIndent ? contentFrom : extra(l);
    const content = text.slice(contentFrom, l.contentEnd);
    if (!header.folded) {
      b.escape(sep, gapStart, indentFrom);
      b.verbatim(text.slice(indentFrom, l.contentEnd), indentFrom);
      sep = '\n';
    } else if ((!badIndent && l.indent > trimIndent) || content[0] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      b.escape(sep, gapStart, indentFrom);
      b.verbatim(text.slice(indentFrom, l.contentEnd), indentFrom);
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') {
        b.escape('\n', gapStart, l.breakEnd);
        gapStart = l.breakEnd;
      } else sep = '\n';
      continue;
    } else {
      b.escape(sep, gapStart, contentFrom);
      b.verbatim(content, contentFrom);
      sep = ' ';
      prevMoreIndented = false;
    }
    gapStart = l.contentEnd;
  }
  const lastContent = lines[chompStart - 1];
  if (header.chomp === '+') {
    // keep: every trailing line break, and any indentation beyond the block's
    let endsWithBreak = false;
    for (let i = chompStart; i < lines.length; ++i) {
      const prev = lines[i - 1];
      const l = lines[i];
      b.escape('\n', prev.contentEnd, prev.breakEnd);
      const more = text.slice(extra(l), l.start + l.indent);
      b.verbatim(more, extra(l));
      endsWithBreak = more === '';
    }
    if (!endsWithBreak) {
      const last = lines[lines.length - 1];
      b.escape('\n', last.contentEnd, last.breakEnd);
    }
  } else if (header.chomp === '') {
    b.escape('\n', lastContent.contentEnd, lastContent.breakEnd);
  }
  return b.build(header.contentStart);
}
