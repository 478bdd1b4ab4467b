/**
 * Edits on bot text, written in the file's own syntax: a replacement inside a
 * JSON string is escaped, one inside a single-quoted YAML scalar doubles its
 * quotes, and where the new text cannot stand inline (a `: ` in a plain YAML
 * scalar) the whole scalar is rewritten quoted. Returns undefined where no safe
 * edit exists, so a fix is offered only when it keeps the file valid.
 */
import type { Edit } from '../../core/findings';
import { encodeInline, rewriteNode, type MappedText } from '../../core/text';

/** Replaces decoded characters [from, to) of `text` with `replacement`. */
export function replaceInText(text: MappedText, from: number, to: number, replacement: string): Edit | undefined {
  if (text.encoding.kind === 'yaml-block') {
    // a block's trailing line breaks are its chomping, not text: "the whole text" and "append" end before them
    const body = text.value.replace(/\n+$/, '').length;
    from = Math.min(from, body);
    to = Math.min(to, body);
  }
  const inline = encodeInline(replacement, text.encoding, { before: text.value.slice(0, from), after: text.value.slice(to), lineStart: isFold(text, from - 1), lineEnd: isFold(text, to) });
  const range = text.range(from, to);
  if (inline !== undefined && rangeIsContiguous(text, from, to) && !text.insideEscape(from) && !text.insideEscape(to)) {
    return { file: text.file, start: range.start, end: range.end, newText: inline };
  }
  // a text joined from several literals (Dialogflow training parts) has no one node to rewrite
  if (!gapFree(text, 0, text.length)) return undefined;
  const whole = text.value.slice(0, from) + replacement + text.value.slice(to);
  const node = rewriteNode(whole, text.encoding);
  if (node === undefined) return undefined;
  return { file: text.file, start: text.node.start, end: text.node.end, newText: node };
}

/** Inserts `insertion` before decoded index `at` (at === length: append). */
export function insertInText(text: MappedText, at: number, insertion: string): Edit | undefined {
  return replaceInText(text, at, at, insertion);
}

/**
 * A replacement inside a folded YAML line break would swallow indentation:
 * only edit in place when the range is one run of source text.
 */
function rangeIsContiguous(text: MappedText, from: number, to: number): boolean {
  if (to <= from) return true;
  const r = text.range(from, to);
  if (r.end - r.start === to - from) return true;
  const enc = text.encoding;
  // escapes stand for their source exactly, and a literal block's breaks are written back with its indentation
  // (encodeInline): one run, unless the range spans source that is not text (between two literals, an LG fence)
  return (enc.kind === 'json' || enc.kind === 'yaml-double' || enc.kind === 'lg' || (enc.kind === 'yaml-block' && !enc.folded)) && gapFree(text, from, to);
}

/** Does every decoded character in [from, to) follow the previous one directly in the source? */
function gapFree(text: MappedText, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (text.sourceEnd(k) !== text.sourceStart(k)) return false;
  return true;
}

/**
 * Is decoded character `i` a line break or a fold (white space that stands
 * for several source characters: a line break with its indentation)? Edits
 * next to one are at a source line's edge, where blanks are not text.
 */
function isFold(text: MappedText, i: number): boolean {
  if (i < 0 || i >= text.value.length) return false;
  const c = text.value[i];
  if (c !== '\n' && c !== ' ' && c !== '\t') return false;
  const r = text.range(i, i + 1);
  return c === '\n' || r.end - r.start > 1;
}
