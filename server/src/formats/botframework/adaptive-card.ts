/**
 * The user-visible strings of an Adaptive Card (or any card JSON) written in
 * an LG ```` ``` ```` block: TextBlock/TextRun texts, fact titles and values,
 * input labels, action titles, the card's `speak`. Everything else (images,
 * often megabytes of base64, ids, styles) is skipped. jsonc-parser is linear
 * and tolerant, so LG expressions written outside strings do not stop it.
 */
import * as jsonc from 'jsonc-parser';
import type { PieceRole, TextPiece } from '../../core/model';
import type { SourceRange } from '../../core/text';
import { jsonStringText } from '../json-text';
import { interpolations } from './interpolation';
import { prop, stringValue } from './json-nodes';

/** Does this block content look like JSON (a card) rather than text? */
export function looksLikeJson(src: string, block: SourceRange): boolean {
  const i = nextNonBlank(src, block.start, block.end);
  if (src[i] === '{') return true;
  // `[{...}]` is JSON, `[Link](url) text` is Markdown
  return src[i] === '[' && /[{["\d\]]/.test(src[nextNonBlank(src, i + 1, block.end)] ?? '');
}

function nextNonBlank(src: string, i: number, end: number): number {
  while (i < end && /\s/.test(src[i])) i++;
  return i;
}

/** Card pieces of the JSON in `src` at `block`, with exact offsets into `src`, in source order. */
export function cardPieces(file: string, src: string, block: SourceRange, anchor: number): TextPiece[] {
  const root = jsonc.parseTree(src.slice(block.start, block.end), [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return [];
  const pieces: TextPiece[] = [];
  const add = (node: jsonc.Node | undefined, role: PieceRole) => {
    if (!node || node.type !== 'string') return;
    const text = jsonStringText(file, src, { ...node, offset: node.offset + block.start }, anchor);
    if (!text.value.trim()) return;
    const { placeholders, calls } = interpolations(text.value);
    const piece: TextPiece = { text, role, placeholders };
    if (calls.length) piece.calls = calls;
    pieces.push(piece);
  };
  // iterative walk: cards nest deeply enough in generated JSON to make recursion a risk
  const stack: { node: jsonc.Node; key: string | undefined }[] = [{ node: root, key: undefined }];
  while (stack.length) {
    const { node, key } = stack.pop()!;
    if (node.type === 'object') visitObject(node, key, node === root, add);
    const children = node.children ?? [];
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k];
      // a property's value inherits the property's key; array items inherit the array's key
      const childKey = child.type === 'property' ? String(child.children?.[0]?.value ?? '') : key;
      stack.push({ node: child, key: childKey });
    }
  }
  return pieces.sort((a, b) => a.text.fullRange.start - b.text.fullRange.start);
}

function visitObject(obj: jsonc.Node, key: string | undefined, isRoot: boolean, add: (n: jsonc.Node | undefined, role: PieceRole) => void): void {
  const type = stringValue(prop(obj, 'type')) ?? '';
  if (isRoot || type === 'AdaptiveCard') {
    add(prop(obj, 'speak'), 'speech');
    add(prop(obj, 'fallbackText'), 'card');
  }
  if (type === 'TextBlock' || type === 'TextRun') add(prop(obj, 'text'), 'card');
  else if (type.startsWith('Action.')) add(prop(obj, 'title'), 'button');
  else if (type.startsWith('Input.')) {
    add(prop(obj, 'label'), 'card');
    add(prop(obj, 'placeholder'), 'card');
  } else if (!type && key === 'facts') {
    add(prop(obj, 'title'), 'card');
    add(prop(obj, 'value'), 'card');
  } else if (!type && key === 'choices') add(prop(obj, 'title'), 'button');
}
