/**
 * Incremental re-parse of a Rasa YAML file after an edit inside its
 * `responses:` (or 1.x `templates:`) section — what designers type in. A
 * full parse of a 5,000-line domain takes ~100 ms; this re-reads only the
 * response entries the edit touched and splices them into the previous model.
 *
 * How: the edit is the span between the common prefix and the common suffix
 * of the old and new text. It is widened to whole entries of the section
 * (from the entry's key line to the next key line at the entry indentation),
 * that chunk is parsed on its own as `responses:\n<chunk>` by the same
 * parser, and the previous model's messages from the old chunk are replaced
 * by the chunk's, moved into place; everything after the chunk moves by the
 * length change.
 *
 * Correctness beats speed: the result must be exactly what a full parse gives,
 * so anything unusual returns undefined (→ full parse): a previous model with
 * errors, CR or BOM, tabs in indentation, an edit touching a line at indent 0
 * or outside a responses section, a chunk that does not parse cleanly alone,
 * YAML anchors, a response that contributes more than a message (greeting by
 * name, `utter_ask_*` prompt, retrieval intent `utter_x/y`), a name that
 * another entry already has.
 */
import type { BotMessage, FileModel } from '../../core/model';
import type { SourceRange } from '../../core/text';
import { shiftAt, shiftEndpoint, shiftExample, shiftIntent, shiftMessage, shiftVariable } from '../../core/shift';
import { askedSlot, isGreetingResponseName } from './names';

export interface PreviousParse {
  text: string;
  model: FileModel;
}

type Parse = (path: string, text: string) => FileModel;

/** The section header a chunk may live in: exactly `responses:` / `templates:` at indent 0, nothing after but a comment. */
const SECTION_HEADER = /^(responses|templates):[ ]*(?:#[^\n]*)?$/;
/** An anchor (`&name`) where a node can start; conservative: also matches such text inside a plain scalar. */
const ANCHOR = /(?:^|[\s[{,])&[^\s]/;

interface Line {
  start: number;
  /** offset of the line break (or the text's end) */
  end: number;
  indent: number;
  /** blank or only a comment: no YAML content */
  empty: boolean;
  /** first content character */
  first: string;
  tabIndent: boolean;
}

function lineAt(text: string, start: number): Line {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const first = i < end ? text[i] : '';
  return { start, end, indent: i - start, empty: first === '' || first === '#', first, tabIndent: first === '\t' };
}

function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** The start of the line before the line at `start`, or -1 at the first line. */
function previousLineStart(text: string, start: number): number {
  return start === 0 ? -1 : lineStart(text, start - 1);
}

/** A key line of the section's entries: at the entry indentation, not a list item of the entry above (compact `- text:`). */
function isEntryStart(line: Line, entryIndent: number): boolean {
  return !line.empty && line.indent === entryIndent && line.first !== '-';
}

/** Ends at a line at or left of the entry indentation: the next entry or the next section. */
function isBoundary(line: Line, entryIndent: number): boolean {
  return !line.empty && (line.indent < entryIndent || isEntryStart(line, entryIndent));
}

interface Chunk {
  section: string;
  start: number;
  /** end in the old text (a line start or the text's end) */
  oldEnd: number;
  entryIndent: number;
}

/** The whole entries of a responses section around the old text's changed span [from, to), or undefined. */
function findChunk(text: string, from: number, to: number): Chunk | undefined {
  // the section header: the nearest line above that starts at column 0 with content
  let headerAt = -1;
  for (let s = lineStart(text, from); s >= 0; s = previousLineStart(text, s)) {
    const c = text[s];
    if (c !== ' ' && c !== '\n' && c !== '#' && c !== undefined) {
      headerAt = s;
      break;
    }
  }
  if (headerAt < 0 || headerAt === lineStart(text, from)) return undefined;
  const headerLine = lineAt(text, headerAt);
  const header = SECTION_HEADER.exec(text.slice(headerAt, headerLine.end));
  if (!header) return undefined;
  // the entry indentation is the first content line's under the header
  let entryIndent = -1;
  for (let s = headerLine.end + 1; s < text.length; ) {
    const line = lineAt(text, s);
    if (!line.empty) {
      entryIndent = line.indent;
      break;
    }
    s = line.end + 1;
  }
  if (entryIndent <= 0) return undefined;
  // the entry the change starts in
  let start = -1;
  for (let s = lineStart(text, from); s > headerAt; s = previousLineStart(text, s)) {
    const line = lineAt(text, s);
    if (line.empty) continue;
    if (line.tabIndent || line.indent < entryIndent) return undefined;
    if (isEntryStart(line, entryIndent)) {
      start = s;
      break;
    }
  }
  if (start < 0) return undefined;
  // down to the first boundary after the last changed line
  let s = lineAt(text, lineStart(text, Math.max(from, to - 1))).end + 1;
  while (s < text.length) {
    const line = lineAt(text, s);
    if (line.tabIndent) return undefined;
    if (isBoundary(line, entryIndent)) break;
    s = line.end + 1;
  }
  return { section: header[1], start, oldEnd: Math.min(s, text.length), entryIndent };
}

/** Every content line of the new chunk is indented at least to the entries, the first one is an entry's key. */
function chunkShapeOk(text: string, start: number, end: number, entryIndent: number): boolean {
  let first = true;
  for (let s = start; s < end; ) {
    const line = lineAt(text, s);
    if (line.tabIndent) return false;
    if (!line.empty) {
      if (line.indent < entryIndent) return false;
      if (first && !isEntryStart(line, entryIndent)) return false;
      first = false;
    }
    s = line.end + 1;
  }
  return !first;
}

/** A response whose name adds more than its message: a greeting, a prompt, a retrieval intent. */
function hasSideFacts(id: string): boolean {
  return isGreetingResponseName(id) || askedSlot(id) !== undefined || id.includes('/');
}

type Place = 'before' | 'inside' | 'after';

export function reparseRasa(path: string, text: string, previous: PreviousParse, parse: Parse): FileModel | undefined {
  const old = previous.text;
  const prev = previous.model;
  if (prev.errors.length || prev.format !== 'rasa' || prev.text !== old) return undefined;
  if (text.charCodeAt(0) === 0xfeff || old.charCodeAt(0) === 0xfeff || text.includes('\r') || old.includes('\r')) return undefined;

  // the changed span: [p, old.length - s) in the old text, [p, text.length - s) in the new
  const min = Math.min(old.length, text.length);
  const p = commonPrefix(old, text, min);
  if (p === old.length && p === text.length) return undefined; // same text: nothing to re-parse
  const s = commonSuffix(old, text, min - p);

  const chunk = findChunk(old, p, old.length - s);
  if (!chunk || chunk.oldEnd < old.length - s) return undefined;
  const delta = text.length - old.length;
  const newEnd = chunk.oldEnd + delta;
  if (newEnd <= chunk.start || (newEnd < text.length && text[newEnd - 1] !== '\n')) return undefined;
  if (chunk.oldEnd < old.length && old[chunk.oldEnd - 1] !== '\n') return undefined;
  const oldChunk = old.slice(chunk.start, chunk.oldEnd);
  const newChunk = text.slice(chunk.start, newEnd);
  if (ANCHOR.test(oldChunk) || ANCHOR.test(newChunk)) return undefined;
  // a line left of the entries in either version (a section header, `version:`) is no edit of responses
  if (!chunkShapeOk(old, chunk.start, chunk.oldEnd, chunk.entryIndent) || !chunkShapeOk(text, chunk.start, newEnd, chunk.entryIndent)) return undefined;

  const place = (r: SourceRange): Place => (r.end <= chunk.start && r.start < chunk.start ? 'before' : r.start >= chunk.oldEnd ? 'after' : 'inside');

  // the chunk alone, as a document of one section; its offsets are moved into the file below
  const prefix = `${chunk.section}:\n`;
  const mini = parse(path, prefix + newChunk);
  if (mini.errors.length || mini.variables.length || mini.greetings.length || mini.prompts.length || mini.intents.length) return undefined;
  if (mini.examples.length || mini.endpoints.length || mini.handoffs.length || mini.uses.length || mini.endpointUses?.length) return undefined;
  const miniDelta = chunk.start - prefix.length;
  const inserted = mini.messages.map((m) => shiftMessage(m, miniDelta));

  // the previous messages, split around the chunk; they are in document order
  const before: BotMessage[] = [];
  const after: BotMessage[] = [];
  const newIds = new Set(inserted.map((m) => m.id));
  if (newIds.size !== inserted.length) return undefined;
  for (const m of inserted) if (hasSideFacts(m.id)) return undefined;
  for (const m of prev.messages) {
    const where = placeOfMessage(m, chunk);
    if (where === 'inside') {
      if (after.length || hasSideFacts(m.id)) return undefined;
      continue;
    }
    if (where === 'before' && after.length) return undefined;
    // a new name that another entry has: the full parse reports a duplicate key
    if (newIds.has(m.id)) return undefined;
    (where === 'before' ? before : after).push(where === 'after' ? shiftMessage(m, delta) : m);
  }

  // everything else must lie wholly before or after the chunk
  const keep = <T>(items: readonly T[], ranges: (item: T) => SourceRange[], shift: (item: T, d: number) => T): T[] | undefined => {
    const out: T[] = [];
    for (const item of items) {
      const where = spanPlace(ranges(item), place);
      if (where === undefined || where === 'inside') return undefined;
      out.push(where === 'after' ? shift(item, delta) : item);
    }
    return out;
  };
  const variables = keep(prev.variables, (v) => [v.declaration], shiftVariable);
  const greetings = keep(prev.greetings, (g) => [g.at], shiftAt);
  const prompts = keep(prev.prompts, (g) => [g.at], shiftAt);
  const intents = keep(prev.intents, (i) => [i.declaration], shiftIntent);
  const examples = keep(prev.examples, (e) => [e.text.node, e.text.fullRange], shiftExample);
  const endpoints = keep(prev.endpoints, (e) => [e.url.node, e.url.fullRange, ...(e.payload ?? []).flatMap((t) => [t.node, t.fullRange])], shiftEndpoint);
  const handoffs = keep(prev.handoffs, (h) => [h.at], shiftAt);
  const uses = keep(prev.uses, (u) => [u.at], shiftAt);
  const endpointUses = prev.endpointUses ? keep(prev.endpointUses, (u) => [u.at], shiftAt) : undefined;
  if (!variables || !greetings || !prompts || !intents || !examples || !endpoints || !handoffs || !uses || (prev.endpointUses && !endpointUses)) return undefined;

  const model: FileModel = { ...prev, text, messages: [...before, ...inserted, ...after], variables, greetings, prompts, intents, examples, endpoints, handoffs, uses, errors: [] };
  if (endpointUses) model.endpointUses = endpointUses;
  return model;
}

/**
 * Where a message lies, by its declaration (its key): a response's texts lie
 * in its entry, between its key and the next key, and the chunk is whole entries.
 */
function placeOfMessage(m: BotMessage, chunk: Chunk): Place {
  return m.declaration.start < chunk.start ? 'before' : m.declaration.start < chunk.oldEnd ? 'inside' : 'after';
}

/** Block size for comparing the texts: string slices compare natively, far faster than a loop per character. */
const BLOCK = 512;

/** Length of the common prefix of `a` and `b`, at most `max`. */
function commonPrefix(a: string, b: string, max: number): number {
  let p = 0;
  while (p + BLOCK <= max && a.slice(p, p + BLOCK) === b.slice(p, p + BLOCK)) p += BLOCK;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common suffix of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let s = 0;
  while (s + BLOCK <= max && a.slice(a.length - s - BLOCK, a.length - s) === b.slice(b.length - s - BLOCK, b.length - s)) s += BLOCK;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

function spanPlace(ranges: SourceRange[], place: (r: SourceRange) => Place): Place | undefined {
  let where: Place | undefined;
  for (const r of ranges) {
    const p = place(r);
    if (where !== undefined && p !== where) return undefined;
    where = p;
  }
  return where ?? 'before';
}
