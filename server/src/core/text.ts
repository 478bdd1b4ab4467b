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
  | { kind: 'yaml-plain' } // unquoted YAML scalar
  | { kind: 'yaml-single' } // 'single quoted'
  | { kind: 'yaml-double' } // "double quoted"
  | { kind: 'yaml-block'; indent: string }; // | or > block scalar, with its indentation

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

  /** The whole text's source range. */
  get fullRange(): SourceRange {
    return this.range(0, this.value.length);
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
 * Writes `text` so that, inserted inside a literal of this encoding, it reads
 * back as `text`. Returns undefined when it cannot be written in place (a line
 * break in a one-line format, or YAML plain text that would change meaning);
 * the caller then rewrites the whole node with {@link rewriteNode}.
 */
export function encodeInline(text: string, encoding: Encoding): string | undefined {
  switch (encoding.kind) {
    case 'json':
      return JSON.stringify(text).slice(1, -1).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
    case 'yaml-double':
      return JSON.stringify(text).slice(1, -1);
    case 'yaml-single':
      return text.includes('\n') ? undefined : text.replace(/'/g, "''");
    case 'yaml-block':
      return text.replace(/\n/g, '\n' + encoding.indent);
    case 'yaml-plain':
      return /[\n#]|: |:$|^[\s\-?:,[\]{}&*!|>'"%@`]/.test(text) ? undefined : text;
    case 'lg':
      return text.includes('\n') ? undefined : text.replace(/\\/g, '\\\\').replace(/\$\{/g, '\\${');
    case 'raw':
      return text.includes('\n') ? undefined : text;
  }
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
