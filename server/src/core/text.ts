/**
 * MappedText: a piece of text as the user reads it (escapes decoded, YAML
 * indentation and folding applied) together with the exact source offsets of
 * every character, so that a finding on a word lands on the word in the file
 * and a fix edits the file in the file's own syntax.
 *
 * Offsets are JavaScript string indices (UTF-16 code units) into the file
 * text with any BOM removed — the same text an editor holds.
 */

/** How text is written in the source; decides how a fix escapes what it inserts. */
export type Encoding =
  | { kind: 'raw' } // .lu/.qna lines, Markdown: inserted text must stay on one line
  | { kind: 'lg' } // .lg variation line: one line, `${`/`\` need escaping
  | { kind: 'json' } // inside a JSON string literal
  | { kind: 'yaml-plain'; flow?: boolean } // unquoted YAML scalar (flow: an item of `[...]` / `{...}`)
  | { kind: 'yaml-single' } // 'single quoted'
  | { kind: 'yaml-double' } // "double quoted"
  | { kind: 'yaml-block'; indent: string; folded?: boolean }; // | or > (folded: true) block scalar, with its indentation

/** A run of decoded characters and where it came from. */
interface Segment {
  /** index in the decoded value where this run starts */
  readonly v: number;
  /** source offset of the run's first character */
  readonly s: number;
  /** source offset just past the run */
  readonly e: number;
  /** true: each decoded char is one source char (s + k); false: the run stands for all of s..e (an escape) */
  readonly verbatim: boolean;
}

export interface SourceRange {
  start: number;
  end: number;
}

export class MappedText {
  private constructor(
    /** the file this text is in (the project's key for it) */
    readonly file: string,
    /** the text as the user sees it */
    readonly value: string,
    private readonly segments: readonly Segment[],
    readonly encoding: Encoding,
    /**
     * Source offset of the line start above which a suppression comment can be
     * placed for this text (the YAML key line of a block scalar, the `-` of an
     * LG variation). Defaults to the text's own start.
     */
    readonly anchor: number,
    /** source range of the whole scalar/literal (quotes included), for fixes that must rewrite it */
    readonly node: SourceRange,
  ) {}

  /** Text that stands verbatim at `start` in the source. */
  static verbatim(file: string, value: string, start: number, encoding: Encoding = { kind: 'raw' }, anchor?: number, node?: SourceRange): MappedText {
    return new MappedText(file, value, [{ v: 0, s: start, e: start + value.length, verbatim: true }], encoding, anchor ?? start, node ?? { start, end: start + value.length });
  }

  get length(): number {
    return this.value.length;
  }

  /** Source offset of the decoded character `i` (for i === length: the end of the text). */
  sourceStart(i: number): number {
    if (i >= this.value.length) return this.sourceEnd(this.value.length);
    const seg = this.segmentAt(i);
    return seg.verbatim ? seg.s + (i - seg.v) : seg.s;
  }

  /** Source offset just past the decoded character `i - 1` (for i === 0: the start). */
  sourceEnd(i: number): number {
    if (i <= 0) return this.segments.length ? this.segments[0].s : this.node.start;
    const seg = this.segmentAt(i - 1);
    return seg.verbatim ? seg.s + (i - seg.v) : seg.e;
  }

  /** Source range covering decoded characters [from, to). An empty range is an insertion point. */
  range(from: number, to: number): SourceRange {
    if (to <= from) {
      const at = from >= this.value.length ? this.sourceEnd(this.value.length) : this.sourceStart(from);
      return { start: at, end: at };
    }
    return { start: this.sourceStart(from), end: this.sourceEnd(to) };
  }

  /**
   * Is `i` strictly inside one escape or fold that decodes to several
   * characters (a fold of three line breaks into "\n\n")? No source offset
   * lies between those characters, so an edit cannot start or end there.
   */
  insideEscape(i: number): boolean {
    if (i <= 0 || i >= this.value.length) return false;
    const seg = this.segmentAt(i);
    return !seg.verbatim && seg.v < i;
  }

  /**
   * Where decoded characters [from, to) stand, as a finding reports it: the
   * file, the source range and the line a suppression comment goes above.
   */
  locate(from = 0, to = this.value.length): { file: string; start: number; end: number; anchor: number } {
    const r = this.range(from, to);
    return { file: this.file, start: r.start, end: r.end, anchor: this.anchor };
  }

  /** The whole text's source range. */
  get fullRange(): SourceRange {
    return this.range(0, this.value.length);
  }

  /**
   * The same text `delta` characters later in the source (negative: earlier):
   * an edit above it changed the file's length but not this text, so an
   * incremental re-parse keeps the text and moves its offsets.
   */
  shifted(delta: number): MappedText {
    if (delta === 0) return this;
    const segments = this.segments.map((g) => ({ v: g.v, s: g.s + delta, e: g.e + delta, verbatim: g.verbatim }));
    return new MappedText(this.file, this.value, segments, this.encoding, this.anchor + delta, { start: this.node.start + delta, end: this.node.end + delta });
  }

  private segmentAt(i: number): Segment {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].v <= i) lo = mid;
      else hi = mid - 1;
    }
    return segs[lo];
  }

  /** Builds a MappedText from decoded pieces; see {@link MappedTextBuilder}. */
  static builder(file: string, encoding: Encoding = { kind: 'raw' }): MappedTextBuilder {
    return new MappedTextBuilder(file, encoding, (f, v, s, enc, a, n) => new MappedText(f, v, s, enc, a, n));
  }
}

type Factory = (file: string, value: string, segs: Segment[], enc: Encoding, anchor: number, node: SourceRange) => MappedText;

/**
 * Collects decoded text piece by piece. Parsers call `verbatim` for runs copied
 * from the source and `escape` for a decoded escape sequence or a folded line
 * break that stands for several source characters.
 */
export class MappedTextBuilder {
  /**
   * Decoded text as parts joined once at build: parsers add a character at a
   * time, and `value += ch` per character builds deep string ropes.
   */
  private readonly parts: string[] = [];
  private length = 0;
  /** mutable while building, so extending the last run costs no new object */
  private readonly segs: { v: number; s: number; e: number; verbatim: boolean }[] = [];
  private anchorAt: number | undefined;
  private nodeRange: SourceRange | undefined;

  constructor(
    private readonly file: string,
    private readonly encoding: Encoding,
    private readonly make: Factory,
  ) {}

  /** `text` stands verbatim in the source at `start`. */
  verbatim(text: string, start: number): this {
    if (!text) return this;
    const last = this.segs[this.segs.length - 1];
    if (last && last.verbatim && last.e === start && last.v + (last.e - last.s) === this.length) {
      last.e = start + text.length;
    } else {
      this.segs.push({ v: this.length, s: start, e: start + text.length, verbatim: true });
    }
    this.append(text);
    return this;
  }

  /** `decoded` (usually one character) stands for source [start, end). */
  escape(decoded: string, start: number, end: number): this {
    if (!decoded) return this;
    this.segs.push({ v: this.length, s: start, e: end, verbatim: false });
    this.append(decoded);
    return this;
  }

  private append(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  anchor(offset: number): this {
    this.anchorAt = offset;
    return this;
  }

  node(range: SourceRange): this {
    this.nodeRange = range;
    return this;
  }

  build(emptyAt?: number): MappedText {
    const first = this.segs[0];
    const last = this.segs[this.segs.length - 1];
    const start = first ? first.s : emptyAt ?? this.nodeRange?.start ?? 0;
    const end = last ? last.e : start;
    if (!first) this.segs.push({ v: 0, s: start, e: start, verbatim: true });
    // segments are copied: the text keeps what was built even if the builder is used on
    const segments: Segment[] = this.segs.map((g) => ({ ...g }));
    return this.make(this.file, this.parts.join(''), segments, this.encoding, this.anchorAt ?? start, this.nodeRange ?? { start, end });
  }
}

/**
 * The decoded text around an edit. Whether an insertion can stand inline
 * often depends on its neighbours: "x " is fine inside a plain YAML scalar
 * but is trimmed at its end, and joins an existing "#" into a comment.
 */
export interface EditContext {
  /** the decoded value before the edit */
  before: string;
  /** the decoded value after the edit */
  after: string;
  /** the edit starts a source line of a multi-line scalar (right after a line break or fold), where blanks are indentation */
  lineStart?: boolean;
  /** the edit ends a source line of a multi-line scalar (right before a fold), where blanks are trimmed */
  lineEnd?: boolean;
}

/** Characters that start a YAML indicator when a plain scalar begins with them. */
const PLAIN_START = /^[\s\-?:,[\]{}&*!|>'"%@`#]/;
/** Control characters the YAML reader does not read back as written (line breaks, NEL, line/paragraph separators). */
const YAML_BREAKS = /[\r\n\u0085\u2028\u2029]/;
const BLANK = /^[ \t]/;

/**
 * Writes `text` so that, inserted inside a literal of this encoding, it reads
 * back as `text`. Returns undefined when it cannot be written in place (a line
 * break in a one-line format, or YAML plain text that would change meaning);
 * the caller then rewrites the whole node with {@link rewriteNode}. With a
 * `context` the check looks at the neighbours too (see {@link EditContext});
 * without one it judges `text` alone, as if it could stand anywhere.
 */
export function encodeInline(text: string, encoding: Encoding, context?: EditContext): string | undefined {
  switch (encoding.kind) {
    case 'json':
      return JSON.stringify(text).slice(1, -1).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
    case 'yaml-double':
      return doubleInline(text, context);
    case 'yaml-single':
      return YAML_BREAKS.test(text) || !foldKeepsBlanks(text, context) ? undefined : text.replace(/'/g, "''");
    case 'yaml-block':
      return blockInline(text, encoding, context);
    case 'yaml-plain':
      // in a flow collection `, [ ] { }` end the scalar
      return plainInline(text, context) && !(encoding.flow && /[,[\]{}]/.test(text)) ? text : undefined;
    case 'lg':
      return lgInline(text, context);
    case 'raw':
      if (/[\r\n]/.test(text)) return undefined;
      // a line's outer blanks are not part of its text
      if (context && ((!context.before && BLANK.test(text + context.after)) || (!context.after && /[ \t]$/.test(context.before + text)))) return undefined;
      return text;
  }
}

/**
 * Can `text` stand unquoted in a plain YAML scalar? Never a line break or a
 * `#` (conservative: only " #" starts a comment); not an indicator at the
 * scalar's start, not blanks or `:` at its end (trimmed / a key), never ": "
 * inside, never a value that reads as null, a boolean or a number.
 */
function plainInline(text: string, context?: EditContext): boolean {
  if (YAML_BREAKS.test(text) || text.includes('#') || /:[ \t]|:$/.test(text)) return false;
  if (!context) return !PLAIN_START.test(text);
  if (!foldKeepsBlanks(text, context)) return false;
  const { before, after } = context;
  if (!before && PLAIN_START.test(text + after)) return false;
  if (!after && /[ \t:]$/.test(before + text)) return false;
  // the joints with the neighbours: "a:" + " b", "a" + " #b", "x:" + "\tb"
  const joint = before.slice(-1) + text + after.slice(0, 1);
  if (/:[ \t]|[ \t]#/.test(joint)) return false;
  // the new value must still read as a string, not as null, a boolean or a number
  return !NOT_A_STRING.test(before + text + after);
}

/**
 * In a multi-line plain or quoted scalar, blanks at the start of a source
 * line are indentation and blanks before a fold are trimmed: an edit there
 * must not leave a blank at that edge, nor an empty line.
 */
function foldKeepsBlanks(text: string, context?: EditContext): boolean {
  if (!context) return true;
  // a line left empty between folds is one more line break
  if (context.lineStart && context.lineEnd && !text) return false;
  if (context.lineStart && BLANK.test(text + context.after)) return false;
  return !(context.lineEnd && /[ \t]$/.test(context.before + text));
}

/** Double-quoted YAML: JSON escapes, and a blank at a line's edge written as an escape so that folding keeps it. */
function doubleInline(text: string, context?: EditContext): string | undefined {
  if (context?.lineStart && context.lineEnd && !text) return undefined;
  if (context?.lineStart && !text && BLANK.test(context.after)) return undefined;
  if (context?.lineEnd && !text && /[ \t]$/.test(context.before)) return undefined;
  let out = JSON.stringify(text).slice(1, -1);
  if (context?.lineStart && out.startsWith(' ')) out = '\\x20' + out.slice(1);
  if (context?.lineEnd && out.endsWith(' ')) out = out.slice(0, -1) + '\\x20';
  return out;
}

/**
 * Plain scalars a YAML reader types: empty/null, booleans (YAML 1.1's
 * yes/no/on/off too, as Rasa's reader may use it), numbers.
 */
const NOT_A_STRING = /^(?:|~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|[-+]?\.inf|\.nan|\d+(?::\d+)+)$/i;

/**
 * A block scalar takes line breaks (written with the block's indentation)
 * but: a folded (`>`) block reads a single break as a space, so breaks are
 * not written there; a blank at the start of the first content line would
 * change the block's detected indentation (and, folded, at any line start
 * its folding); a break at the very end is eaten by the block's chomping.
 */
function blockInline(text: string, encoding: { indent: string; folded?: boolean }, context?: EditContext): string | undefined {
  if (/[\r\u0085\u2028\u2029]/.test(text)) return undefined;
  if (encoding.folded && text.includes('\n')) return undefined;
  if (context) {
    const { before, after } = context;
    // the first content line sets the block's indentation: it must not start with a blank; an empty block reads as ""
    const firstLine = /^\n*([^\n]*)/.exec(before + text + after)![1];
    if (!firstLine || BLANK.test(firstLine)) return undefined;
    // folded: what starts a line (a blank: more indented; nothing: an empty line) decides how the lines around it fold
    if (encoding.folded && (context.lineStart || !before) && (before || !text)) return undefined;
    // an empty last line or a break at the very end is eaten by the chomping
    if (!after.replace(/\n/g, '') && (before + text).endsWith('\n')) return undefined;
  }
  return text.replace(/\n/g, '\n' + encoding.indent);
}

/**
 * LG variation text: `\`, `${` and `|` escaped, a line break written as the
 * `\n` escape, a ``` fence broken with `\`, and blanks at the text's ends
 * (which the LG reader trims) escaped. Not for the inside of a ``` block,
 * which LG reads verbatim.
 */
function lgInline(text: string, context?: EditContext): string | undefined {
  if (context) {
    const { before, after } = context;
    // an empty variation is no variation; a blank the edit uncovers at an end would be trimmed
    if (!(before + text + after).trim()) return undefined;
    if ((!before && !text && BLANK.test(after)) || (!after && !text && /[ \t]$/.test(before))) return undefined;
    // the reader keeps a blank after a backslash at the end (it looks escaped)
    if (!after && text.endsWith('\\')) return undefined;
  }
  let lead = '';
  let trail = '';
  let rest = text;
  if (context && !context.before && BLANK.test(rest)) {
    lead = '\\' + rest[0];
    rest = rest.slice(1);
  }
  if (context && !context.after && /[ \t]$/.test(rest)) {
    trail = '\\' + rest.slice(-1);
    rest = rest.slice(0, -1);
  }
  const body = rest
    .replace(/\\/g, '\\\\')
    .replace(/\$\{/g, '\\${')
    .replace(/\|/g, '\\|') // the separator of a structured value's list (`Text = a | b`)
    .replace(/```/g, '\\```')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
  return lead + body + trail;
}

/** A source rendering of a whole new value for a node whose encoding cannot take an inline edit. */
export function rewriteNode(value: string, encoding: Encoding): string | undefined {
  switch (encoding.kind) {
    case 'yaml-plain':
    case 'yaml-single':
    case 'yaml-double':
      return JSON.stringify(value); // a JSON string is a valid YAML double-quoted scalar
    case 'json':
      return JSON.stringify(value);
    default:
      return undefined;
  }
}
