/**
 * Bot Framework language generation (.lg): every template is a bot message
 * (id = template name), every `- text` line one variation, IF/ELSE and
 * SWITCH/CASE branches variations with their condition, structured
 * `[Activity ...]`/`[HeroCard ...]` templates one variation whose property
 * values are pieces, JSON cards in ```` ``` ```` blocks their visible strings.
 * `${Other()}` calls become piece calls and project uses; imports and
 * options are skipped, since every .lg file of the project is read anyway.
 */
import { langFromPath } from '../../core/lang';
import { emptyFileModel, type BotMessage, type FileModel, type Lang, type PieceRole, type TextPiece } from '../../core/model';
import type { SourceRange } from '../../core/text';
import type { FormatParser } from '../format';
import { cardPieces, looksLikeJson } from './adaptive-card';
import { interpolations } from './interpolation';
import { readLgText, type LgText } from './lg-text';
import { firstNonBlank, lineIndexOf, skipBlanks, splitLines, trimEnd, type Lines } from './lines';

export const lgFormat: FormatParser = {
  id: 'lg',
  claims: (path) => /\.lg$/i.test(path),
  parse: parseLg,
};

/** Template names Composer and authors give greetings (spec: *Welcome*, *Greeting*, *Intro*). */
const GREETING_NAME = /welcome|greeting|intro/i;
/** Composer's generated input prompts (`TextInput_Prompt_x`) and hand-written `*Prompt*` templates. */
const PROMPT_NAME = /prompt/i;
const BRANCH = /^(ELSE\s*IF|ELSEIF|IF|ELSE|SWITCH|CASE|DEFAULT)\s*:/i;
const IMPORT = /^\[[^\]\r\n]*\]\([^)\r\n]*\)/;

interface Template {
  message: BotMessage;
  /** the condition of the branch the next variations belong to */
  condition?: string;
  switchExpr?: string;
}

class LgParser {
  readonly model: FileModel;
  private readonly lines: Lines;
  private readonly nextHeader: number[];
  private readonly lang: Lang | undefined;
  private tpl: Template | undefined;
  /** a broken header: its body is not reported again as stray text */
  private quietUntilHeader = false;
  private reportedStray = false;
  private lastBadLine = -2;

  constructor(
    private readonly file: string,
    private readonly src: string,
  ) {
    this.model = emptyFileModel(file, 'lg', src);
    this.model.commentPrefix = '>';
    this.lang = langFromPath(file);
    if (this.lang) this.model.lang = this.lang;
    this.lines = splitLines(src);
    this.nextHeader = headerLimits(src, this.lines);
  }

  parse(): FileModel {
    const { src, lines } = this;
    for (let li = 0; li < lines.starts.length; li++) {
      const s = firstNonBlank(src, lines, li);
      const e = lines.ends[li];
      if (s >= e) continue;
      const c = src[s];
      if (c === '>') continue;
      if (c === '#') this.header(s, e);
      else if (c === '[' && IMPORT.test(src.slice(s, e))) continue;
      else if (c === '[') li = this.bracketLine(li, s, e);
      else if (c === '-' || c === '*' || c === '+') li = this.variationLine(li, s, e);
      else this.badLine(li, s, e);
    }
    return this.model;
  }

  private header(s: number, e: number): void {
    const { src } = this;
    const nameStart = skipBlanks(src, s + 1, e);
    let nameEnd = nameStart;
    while (nameEnd < e && !/[\s(]/.test(src[nameEnd])) nameEnd++;
    this.quietUntilHeader = false;
    this.reportedStray = false;
    if (nameEnd === nameStart) {
      this.error('Template header without a name: write `# TemplateName`.', { start: s, end: trimEnd(src, s, e) });
      this.tpl = undefined;
      this.quietUntilHeader = true;
      return;
    }
    const id = src.slice(nameStart, nameEnd);
    const declaration = { start: nameStart, end: nameEnd };
    const message: BotMessage = { id, file: this.file, declaration, variations: [], role: PROMPT_NAME.test(id) ? 'prompt' : 'response' };
    this.model.messages.push(message);
    if (GREETING_NAME.test(id)) this.model.greetings.push({ messages: [id], basis: 'name', file: this.file, at: declaration });
    this.tpl = { message };
  }

  /** A `- ...` line: a branch keyword or a variation (possibly continued over lines). Returns the last line used. */
  private variationLine(li: number, s: number, e: number): number {
    const { src } = this;
    const textStart = skipBlanks(src, s + 1, e);
    const branch = BRANCH.exec(src.slice(textStart, Math.min(e, textStart + 20)));
    if (branch) {
      this.branch(branch[1].replace(/\s+/g, '').toUpperCase(), src.slice(textStart + branch[0].length, e).trim());
      return li;
    }
    if (textStart >= e) return li; // `- ` alone: an empty variation shows nothing
    const read = readLgText(this.file, src, textStart, { anchor: this.lines.starts[li], exprLimit: this.nextHeader[li] });
    for (const err of read.errors) this.error(err.message, err.at);
    const pieces = read.block && looksLikeJson(src, read.block) ? this.cardBlock(read.block, this.lines.starts[li]) : this.textPieces(read, 'text');
    if (!this.tpl) this.stray({ start: s, end: trimEnd(src, s, e) });
    else if (pieces.length) this.tpl.message.variations.push(this.variation(pieces, this.tpl.condition));
    return lineIndexOf(this.lines, read.end);
  }

  private branch(keyword: string, rest: string): void {
    const tpl = this.tpl;
    if (!tpl) return;
    const expr = /^\$\{([\s\S]*)\}$/.exec(rest)?.[1].trim() ?? rest;
    if (keyword === 'SWITCH') {
      tpl.switchExpr = expr;
      tpl.condition = undefined;
    } else if (keyword === 'CASE') tpl.condition = `${tpl.switchExpr ?? 'switch'} == ${expr}`;
    else if (keyword === 'ELSE' || keyword === 'DEFAULT') tpl.condition = keyword.toLowerCase();
    else tpl.condition = expr;
  }

  /** The visible strings of a JSON card block; the uses of every template it calls. */
  private cardBlock(block: SourceRange, anchor: number): TextPiece[] {
    const raw = this.src.slice(block.start, block.end);
    for (const call of interpolations(raw).calls) this.use(call.message, { start: block.start + call.start, end: block.start + call.end });
    return cardPieces(this.file, this.src, block, anchor);
  }

  private textPieces(read: LgText, role: PieceRole): TextPiece[] {
    read.callRanges.forEach((r, k) => this.use(read.calls[k].message, r));
    if (!read.text.value.trim()) return [];
    const piece: TextPiece = { text: read.text, role, placeholders: read.placeholders };
    if (read.calls.length) piece.calls = read.calls;
    return [piece];
  }

  /** `[Type` opens a structured template; a one-line `[...]` is a nested structure or, outside templates, an import without a path. */
  private bracketLine(li: number, s: number, e: number): number {
    const end = trimEnd(this.src, s, e);
    if (end - s > 1 && this.src[end - 1] === ']') {
      if (!this.tpl) this.error('Import without a file: write `[title](file.lg)`.', { start: s, end });
      return li;
    }
    return this.structure(li, s);
  }

  /**
   * A structured template `[Type` ... `]` (nesting allowed): `key = a | b`
   * lines; text-like keys become pieces of one variation. Returns the line
   * of the closing `]` (or the line before the next header when unclosed).
   */
  private structure(li: number, s: number): number {
    const { src, lines } = this;
    const types = [typeName(src, s + 1, lines.ends[li])];
    const pieces: TextPiece[] = [];
    let badReported = false;
    let k = li + 1;
    for (; k < lines.starts.length; k++) {
      const ls = firstNonBlank(src, lines, k);
      const le = lines.ends[k];
      if (ls >= le || src[ls] === '>') continue;
      if (src[ls] === '#') break;
      if (src[ls] === ']') {
        types.pop();
        if (!types.length) break;
        continue;
      }
      if (src[ls] === '[') {
        if (trimEnd(src, ls, le) - 1 > ls && src[trimEnd(src, ls, le) - 1] === ']') continue; // a one-line nested structure
        types.push(typeName(src, ls + 1, le));
        continue;
      }
      if (src.startsWith('${', ls)) {
        // `${Other()}` on its own line merges another structure's properties
        k = this.propertyValue(k, ls, undefined, pieces);
        continue;
      }
      const key = /^[A-Za-z_][\w.-]*/.exec(src.slice(ls, le))?.[0];
      const eq = key ? skipBlanks(src, ls + key.length, le) : -1;
      if (!key || src[eq] !== '=') {
        if (!badReported) this.error('Expected `name = value` inside a structured template.', { start: ls, end: trimEnd(src, ls, le) });
        badReported = true;
        continue;
      }
      k = this.propertyValue(k, skipBlanks(src, eq + 1, le), pieceRole(types[types.length - 1], key), pieces);
    }
    const closed = k < lines.starts.length && src[firstNonBlank(src, lines, k)] === ']';
    if (!closed) this.error('This structured template is never closed with `]`.', { start: s, end: trimEnd(src, s, lines.ends[li]) });
    if (!this.tpl) this.stray({ start: s, end: trimEnd(src, s, lines.ends[li]) });
    else if (pieces.length) this.tpl.message.variations.push(this.variation(pieces, this.tpl.condition));
    return closed ? k : k - 1;
  }

  /** Reads `a | b | ${c}` starting at `start` on line `li`; returns the last line used. */
  private propertyValue(li: number, start: number, role: PieceRole | undefined, into: TextPiece[]): number {
    const { src, lines } = this;
    let at = start;
    let end = lines.ends[li];
    for (;;) {
      const read = readLgText(this.file, src, at, { anchor: lines.starts[li], exprLimit: this.nextHeader[li], separator: '|' });
      for (const err of read.errors) this.error(err.message, err.at);
      const pieces = this.textPieces(read, role ?? 'text');
      if (role) into.push(...pieces);
      end = read.end;
      if (src[end] !== '|') break;
      at = skipBlanks(src, end + 1, src.length);
    }
    return lineIndexOf(lines, end);
  }

  private variation(pieces: TextPiece[], condition: string | undefined) {
    return { pieces, ...(this.lang ? { lang: this.lang } : {}), ...(condition !== undefined ? { condition } : {}) };
  }

  /** Text that is neither a variation nor a header nor a comment: LG rejects it. One error per run of such lines. */
  private badLine(li: number, s: number, e: number): void {
    if (li !== this.lastBadLine + 1 && !this.quietUntilHeader) {
      this.error(this.tpl ? 'Unexpected text in a template body: variations start with `- `.' : 'Text outside any template: add a `# TemplateName` line above it, or start a comment with `>`.', { start: s, end: trimEnd(this.src, s, e) });
    }
    this.lastBadLine = li;
  }

  /** A variation or structure before any template: reported once per stretch. */
  private stray(at: SourceRange): void {
    if (this.reportedStray || this.quietUntilHeader) return;
    this.reportedStray = true;
    this.error('Variation outside any template: add a `# TemplateName` line above it.', at);
  }

  private use(message: string, at: SourceRange): void {
    this.model.uses.push({ message, file: this.file, at });
  }

  private error(message: string, at: SourceRange): void {
    this.model.errors.push({ file: this.file, message, at });
  }
}

export function parseLg(file: string, text: string): FileModel {
  return new LgParser(file, text).parse();
}

/** For each line, the offset of the next template header below it (where an open expression must have closed). */
function headerLimits(src: string, lines: Lines): number[] {
  const out = new Array<number>(lines.starts.length);
  let next = src.length;
  for (let li = lines.starts.length - 1; li >= 0; li--) {
    out[li] = next;
    const s = firstNonBlank(src, lines, li);
    if (src[s] === '#') next = lines.starts[li];
  }
  return out;
}

function typeName(src: string, from: number, end: number): string {
  let i = from;
  while (i < end && /[\w.-]/.test(src[i])) i++;
  return src.slice(from, i);
}

/** Which piece a structured property is: Activity text/speak/suggestions, card title/text/buttons, card action titles. */
function pieceRole(type: string, key: string): PieceRole | undefined {
  const t = type.toLowerCase();
  const k = key.toLowerCase();
  if (k === 'speak') return 'speech';
  if (k === 'suggestedactions') return 'quick-reply';
  if (k === 'buttons') return 'button';
  if (t === 'cardaction') return k === 'title' || k === 'text' || k === 'displaytext' ? 'button' : undefined;
  if (k === 'attachments') return 'card';
  if (k === 'title' || k === 'subtitle') return 'title';
  if (k === 'text') return t === 'activity' || t === 'message' || t === '' ? 'text' : 'card';
  return undefined;
}
