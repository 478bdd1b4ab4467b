/** Small readers over jsonc-parser trees, shared by the .dialog parser and the card reader. */
import type * as jsonc from 'jsonc-parser';
import type { SourceRange } from '../../core/text';

/** Every string value below a node. */
export function stringsIn(node: jsonc.Node | undefined): jsonc.Node[] {
  if (!node) return [];
  if (node.type === 'string') return [node];
  const out: jsonc.Node[] = [];
  for (const child of node.children ?? []) {
    // object keys are names, not data: only property values count
    if (child.type === 'property') out.push(...stringsIn(child.children?.[1]));
    else out.push(...stringsIn(child));
  }
  return out;
}

/** The value of `key` in an object node (undefined for anything else). */
export function prop(obj: jsonc.Node | undefined, key: string): jsonc.Node | undefined {
  if (obj?.type !== 'object') return undefined;
  for (const p of obj.children ?? []) if (p.children?.[0]?.value === key) return p.children[1];
  return undefined;
}

/** The node itself when it is a string. */
export function stringNode(node: jsonc.Node | undefined): jsonc.Node | undefined {
  return node?.type === 'string' ? node : undefined;
}

/** The decoded value of a string node. */
export function stringValue(node: jsonc.Node | undefined): string | undefined {
  return node?.type === 'string' ? String(node.value) : undefined;
}

/** A node's source range (a string's quotes included). */
export function nodeRange(node: jsonc.Node): SourceRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** A string node's range without its quotes. */
export function contentRange(node: jsonc.Node): SourceRange {
  return node.type === 'string' && node.length >= 2 ? { start: node.offset + 1, end: node.offset + node.length - 1 } : nodeRange(node);
}
