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
  const inline = encodeInline(replacement, text.encoding);
  const range = text.range(from, to);
  if (inline !== undefined && rangeIsContiguous(text, from, to)) {
    return { file: text.file, start: range.start, end: range.end, newText: inline };
  }
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
  return r.end - r.start === to - from || text.encoding.kind === 'json' || text.encoding.kind === 'yaml-double' || text.encoding.kind === 'lg';
}
