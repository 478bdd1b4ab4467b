/**
 * Small typed helpers over `yaml` nodes for the Rasa reader: follow aliases,
 * read keys and scalar strings, take source ranges, and report a node whose
 * shape is not what Rasa expects as an error at that node.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FileModel } from '../../core/model';
import type { MappedText, SourceRange } from '../../core/text';
import { yamlScalarText } from '../yaml-text';

export interface YamlContext {
  file: string;
  text: string;
  doc: Document.Parsed;
  model: FileModel;
}

/** The node itself, or the node an alias names. */
export function deref(ctx: YamlContext, node: unknown): Node | undefined {
  if (isAlias(node)) {
    const target = node.resolve(ctx.doc);
    return target && !isAlias(target) ? (target as Node) : undefined;
  }
  return isScalar(node) || isMap(node) || isSeq(node) ? node : undefined;
}

export function asMap(ctx: YamlContext, node: unknown): YAMLMap | undefined {
  const n = deref(ctx, node);
  return isMap(n) ? n : undefined;
}

export function asSeq(ctx: YamlContext, node: unknown): YAMLSeq | undefined {
  const n = deref(ctx, node);
  return isSeq(n) ? n : undefined;
}

export function asScalar(ctx: YamlContext, node: unknown): Scalar | undefined {
  const n = deref(ctx, node);
  return isScalar(n) ? n : undefined;
}

/** A scalar's value as a string (numbers and booleans as written); undefined for null, maps, lists. */
export function str(ctx: YamlContext, node: unknown): string | undefined {
  const s = asScalar(ctx, node);
  if (!s || s.value === null || s.value === undefined) return undefined;
  return typeof s.value === 'string' ? s.value : (s.source ?? String(s.value));
}

export function pairsOf(map: YAMLMap): Pair[] {
  return map.items.filter((p): p is Pair => isPair(p));
}

export function keyName(ctx: YamlContext, pair: Pair): string | undefined {
  return str(ctx, pair.key);
}

export function getPair(ctx: YamlContext, map: YAMLMap, key: string): Pair | undefined {
  return pairsOf(map).find((p) => keyName(ctx, p) === key);
}

export function get(ctx: YamlContext, map: YAMLMap | undefined, key: string): Node | undefined {
  if (!map) return undefined;
  const pair = getPair(ctx, map, key);
  return pair ? deref(ctx, pair.value) : undefined;
}

export function has(ctx: YamlContext, map: YAMLMap, key: string): boolean {
  return getPair(ctx, map, key) !== undefined;
}

/** Source range of a node (for a scalar: incl. quotes / block indicator), or an empty range. */
export function rangeOf(node: unknown): SourceRange {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

/** Items of a list as nodes (aliases followed). */
export function itemsOf(ctx: YamlContext, seq: YAMLSeq | undefined): Node[] {
  if (!seq) return [];
  const out: Node[] = [];
  for (const item of seq.items) {
    const n = deref(ctx, item);
    if (n) out.push(n);
  }
  return out;
}

/** The decoded text of a scalar value, anchored at `anchorAt` (its key's line); undefined when not a scalar. */
export function textOf(ctx: YamlContext, node: unknown, anchorAt?: number): MappedText | undefined {
  const s = asScalar(ctx, node);
  if (!s || s.value === null || s.value === undefined) return undefined;
  return yamlScalarText(ctx.file, ctx.text, s, anchorAt);
}

export function shapeError(ctx: YamlContext, node: unknown, message: string): void {
  ctx.model.errors.push({ file: ctx.file, message, at: rangeOf(node) });
}
