/**
 * JSON string literals as MappedText: the decoded value with the exact source
 * offset of every character, so findings inside `"Hi \"there\""` land on the
 * right characters and fixes are written back JSON-escaped. Shared by every
 * JSON-based format (.dialog, Dialogflow).
 */
import type * as jsonc from 'jsonc-parser';
import { MappedText } from '../core/text';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * The decoded text of a jsonc-parser string node. `text` is the whole file
 * text the node's offsets refer to. A node that is not a string yields an
 * empty text at the node's position. Malformed escapes never throw: an unknown
 * `\x` decodes to `x`, a short `\u` to its literal characters. `anchor`: the
 * line a suppression comment goes above (JSON inside an LG block); defaults
 * to the text's start.
 */
export function jsonStringText(file: string, text: string, node: jsonc.Node, anchor?: number): MappedText {
  const nodeRange = { start: node.offset, end: node.offset + node.length };
  const b = MappedText.builder(file, { kind: 'json' }).node(nodeRange);
  if (anchor !== undefined) b.anchor(anchor);
  if (node.type !== 'string' || text.charCodeAt(node.offset) !== 0x22 /* " */) return b.build(node.offset);

  const start = node.offset + 1;
  let end = nodeRange.end;
  // jsonc-parser includes the closing quote in length unless the string is unterminated.
  if (end - 1 >= start && text.charCodeAt(end - 1) === 0x22 && !isEscapedQuote(text, start, end - 1)) end -= 1;

  let run = start; // start of the current verbatim run
  let i = start;
  while (i < end) {
    if (text.charCodeAt(i) !== 0x5c /* \ */) {
      i++;
      continue;
    }
    b.verbatim(text.slice(run, i), run);
    const c = text[i + 1];
    if (c === undefined || i + 1 >= end) {
      // a lone backslash at the end of an unterminated string: keep it literally
      b.verbatim('\\', i);
      i += 1;
    } else if (c === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (i + 6 <= end && /^[0-9a-fA-F]{4}$/.test(hex)) {
        b.escape(String.fromCharCode(parseInt(hex, 16)), i, i + 6);
        i += 6;
      } else {
        b.escape('u', i, i + 2);
        i += 2;
      }
    } else {
      b.escape(SIMPLE_ESCAPES[c] ?? c, i, i + 2);
      i += 2;
    }
    run = i;
  }
  b.verbatim(text.slice(run, end), run);
  return b.build(start);
}

/** Is the quote at `quoteAt` preceded by an odd number of backslashes (so part of the value)? */
function isEscapedQuote(text: string, start: number, quoteAt: number): boolean {
  let n = 0;
  for (let k = quoteAt - 1; k >= start && text.charCodeAt(k) === 0x5c; k--) n++;
  return n % 2 === 1;
}
