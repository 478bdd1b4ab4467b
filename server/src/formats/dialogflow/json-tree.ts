/**
 * Reading Dialogflow export JSON through jsonc-parser's tree, which keeps the
 * source offset of every value (findings land inside the string literals).
 * Exports are strict JSON: comments and trailing commas are reported, but the
 * tolerant parser still yields what it could read, so a half-typed file keeps
 * its hints.
 */
import * as jsonc from 'jsonc-parser';
import type { ParseError } from '../../core/model';
import type { MappedText } from '../../core/text';
import { jsonStringText } from '../json-text';

export type JsonNode = jsonc.Node;

export interface ParsedJson {
  root: JsonNode | undefined;
  errors: { message: string; start: number; end: number }[];
}

const OPTIONS: jsonc.ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

// claims() and parse() see the same text one after the other: parse it once.
let lastText: string | undefined;
let lastParsed: ParsedJson | undefined;

export function parseJson(text: string): ParsedJson {
  if (lastParsed && lastText === text) return lastParsed;
  const raw: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, raw, OPTIONS);
  const errors = raw.map((e) => ({ message: describe(e.error), start: e.offset, end: e.offset + e.length }));
  lastText = text;
  lastParsed = { root, errors };
  return lastParsed;
}

function describe(code: jsonc.ParseErrorCode): string {
  const name = jsonc.printParseErrorCode(code); // e.g. "CommaExpected"
  return `invalid JSON: ${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

export function toParseErrors(file: string, parsed: ParsedJson): ParseError[] {
  return parsed.errors.map((e) => ({ file, message: e.message, at: { start: e.start, end: e.end } }));
}

/** The value node of `key` in an object node. */
export function prop(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  for (const p of node.children) {
    const [k, v] = p.children ?? [];
    if (k && k.value === key) return v;
  }
  return undefined;
}

/** The key node of `key` in an object node (where a property is declared). */
export function keyNode(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  for (const p of node.children) {
    const k = p.children?.[0];
    if (k && k.value === key) return k;
  }
  return undefined;
}

export function hasKey(node: JsonNode | undefined, key: string): boolean {
  return keyNode(node, key) !== undefined;
}

/** Follows a path of keys. */
export function path(node: JsonNode | undefined, ...keys: string[]): JsonNode | undefined {
  let n = node;
  for (const k of keys) n = prop(n, k);
  return n;
}

export function items(node: JsonNode | undefined): JsonNode[] {
  return node && node.type === 'array' && node.children ? node.children : [];
}

/** Object entries as [key, value node]. */
export function entries(node: JsonNode | undefined): [string, JsonNode][] {
  if (!node || node.type !== 'object' || !node.children) return [];
  const out: [string, JsonNode][] = [];
  for (const p of node.children) {
    const [k, v] = p.children ?? [];
    if (k && v && typeof k.value === 'string') out.push([k.value, v]);
  }
  return out;
}

export function str(node: JsonNode | undefined): string | undefined {
  return node && node.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

export function bool(node: JsonNode | undefined): boolean | undefined {
  return node && node.type === 'boolean' ? (node.value as boolean) : undefined;
}

export function range(node: JsonNode): { start: number; end: number } {
  return { start: node.offset, end: node.offset + node.length };
}

/** A string literal as MappedText; undefined for anything that is not a string. */
export function textOf(file: string, text: string, node: JsonNode | undefined): MappedText | undefined {
  return node && node.type === 'string' ? jsonStringText(file, text, node) : undefined;
}

/** A string value, or each string of an array value (Dialogflow allows both for `speech`). */
export function stringNodes(node: JsonNode | undefined): JsonNode[] {
  if (!node) return [];
  if (node.type === 'string') return [node];
  return items(node).filter((n) => n.type === 'string');
}
