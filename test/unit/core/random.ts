/**
 * Seeded random texts and sources for the property tests of text edits and
 * the matcher. Deterministic: a failure names its input and reruns the same.
 */
import * as jsonc from 'jsonc-parser';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import type { MappedText } from '../../../server/src/core/text';
import { jsonStringText } from '../../../server/src/formats/json-text';
import { parseYaml, yamlScalarText } from '../../../server/src/formats/yaml-text';
import { parseLg } from '../../../server/src/formats/botframework/lg';
import { seededRandom as rng } from '../../support/seeded-random';

export type Rng = () => number;

function pick<T>(rnd: Rng, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function string(rnd: Rng, alphabet: readonly string[], n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rnd, alphabet);
  return s;
}

/** Characters that mean something to some format: indicators, quotes, escapes, breaks, blanks, astral and control characters. */
const NASTY: readonly string[] = [...'abcXYZ ü', ' ', ' ', ':', '#', "'", '"', '\\', '-', '*', '&', '!', '|', '>', '%', '@', '{', '}', '[', ']', ',', '?', '\n', '\r', '\t', '\u2028', '\u0085', '😀', '$', '`', '\u0001', '\u007f', '\ufeff'];
/** Characters of the texts edited (the source is written from them in each style). */
const SAFE: readonly string[] = [...'abcdefXYZ üß.'];
/** Plain YAML values that already hold characters that are special next to others. */
const TRICKY_PLAIN = ['a#b', 'a:b', '50%', 'a b:c', 'x -y', "a 'b", 'q?', 'a;b', 'a,b', 'x*'];

export interface Made {
  src: string;
  text: MappedText;
}
export type ReadBack = { value: unknown } | { error: string };

interface Style {
  make(rnd: Rng): Made | undefined;
  read(src: string): ReadBack;
}

function plainBase(rnd: Rng): string {
  if (rnd() < 0.3) return pick(rnd, TRICKY_PLAIN);
  const s = string(rnd, SAFE, 1 + Math.floor(rnd() * 10)).trim().replace(/^\.+/, '');
  return s || 'x';
}

function lines(rnd: Rng): string {
  const s = string(rnd, [...SAFE, '\n'], 1 + Math.floor(rnd() * 12));
  return s.replace(/^\s+/, 'a').replace(/\n+$/, '') || 'a';
}

function yamlMade(src: string, path: (string | number)[]): Made | undefined {
  const doc = parseYaml(src);
  if (doc.errors.length) return undefined;
  const node = doc.getIn(path, true);
  return isScalar(node) ? { src, text: yamlScalarText('f.yml', src, node as Scalar) } : undefined;
}

/** The value at `path`, and the sibling `z: 1` must still be there (the edit did not run into the next key). */
function yamlRead(path: (string | number)[]) {
  return (src: string): ReadBack => {
    const doc = parseDocument(src);
    if (doc.errors.length) return { error: doc.errors.map((e) => e.message).join('; ') };
    if (doc.getIn([...path.slice(0, -1), 'z']) !== 1) return { error: 'the next key was lost' };
    return { value: doc.getIn(path) };
  };
}

const indented = (v: string, indent: string, eol = '\n') => v.split('\n').map((l) => indent + l).join(eol);

function yamlStyle(base: (rnd: Rng) => string, write: (v: string) => string, path: (string | number)[] = ['k']): Style {
  return { make: (rnd) => yamlMade(write(base(rnd)), path), read: yamlRead(path) };
}

const styles = {
  json: {
    make(rnd: Rng): Made {
      const src = `{"k": ${JSON.stringify(string(rnd, [...SAFE, '"', '\\', '\n', '😀'], Math.floor(rnd() * 10)))}, "z": 1}`;
      return { src, text: jsonStringText('f.json', src, jsonc.findNodeAtLocation(jsonc.parseTree(src)!, ['k'])!) };
    },
    read(src: string): ReadBack {
      const errors: jsonc.ParseError[] = [];
      const v = jsonc.parse(src, errors) as { k: unknown; z: unknown };
      return errors.length || v.z !== 1 ? { error: JSON.stringify(errors) } : { value: v.k };
    },
  },
  'yaml plain': yamlStyle(plainBase, (v) => `k: ${v}\nz: 1\n`),
  'yaml plain in a sequence': yamlStyle(plainBase, (v) => `r:\n  - text: ${v}\n    z: 1\n`, ['r', 0, 'text']),
  'yaml plain in a flow mapping': yamlStyle(plainBase, (v) => `r: [{text: ${v}, z: 1}]\n`, ['r', 0, 'text']),
  'yaml plain, two lines': yamlStyle((rnd) => `${plainBase(rnd)}\n${plainBase(rnd)}`, (v) => `k: ${v.split('\n').join('\n  ')}\nz: 1\n`),
  'yaml single-quoted': yamlStyle((rnd) => string(rnd, [...SAFE, "'"], Math.floor(rnd() * 10)), (v) => `k: '${v.replace(/'/g, "''")}'\nz: 1\n`),
  'yaml single-quoted, two lines': yamlStyle((rnd) => `${string(rnd, SAFE, 3)}\n${string(rnd, SAFE, 3)}`, (v) => `k: '${v.split('\n').join('\n  ')}'\nz: 1\n`),
  'yaml double-quoted': yamlStyle((rnd) => string(rnd, [...SAFE, '"', '\\', '\n'], Math.floor(rnd() * 10)), (v) => `k: ${JSON.stringify(v)}\nz: 1\n`),
  'yaml double-quoted, folded lines': yamlStyle(
    (rnd) => string(rnd, [...SAFE, '\n'], Math.floor(rnd() * 10)),
    (v) => `k: "${JSON.stringify(v).slice(1, -1).replace(/\\n/g, '\n\n  ').replace(/ /g, '\n  ')}"\nz: 1\n`,
  ),
  'yaml literal block': yamlStyle(lines, (v) => `k: |\n${indented(v, '  ')}\nz: 1\n`),
  'yaml literal block, CRLF': yamlStyle(lines, (v) => `k: |\r\n${indented(v, '  ', '\r\n')}\r\nz: 1\r\n`),
  'yaml literal block, strip': yamlStyle(lines, (v) => `k: |-\n${indented(v, '    ')}\nz: 1\n`),
  'yaml folded block': yamlStyle(lines, (v) => `k: >\n${indented(v, '  ')}\nz: 1\n`),
  'yaml folded block, keep': yamlStyle(lines, (v) => `k: >+\n${indented(v, '  ')}\n\nz: 1\n`),
  lg: {
    make(rnd: Rng): Made | undefined {
      const v = string(rnd, SAFE, Math.floor(rnd() * 10)).trim();
      const src = `# T\n- ${v}\n# U\n- x\n`;
      const variation = parseLg('f.lg', src).messages.find((m) => m.id === 'T')?.variations[0];
      return variation && { src, text: variation.pieces[0].text };
    },
    read(src: string): ReadBack {
      const model = parseLg('f.lg', src);
      // a literal `{...}` is only flagged as a likely missing `$`: the value is what counts
      const errors = model.errors.filter((e) => !e.message.startsWith('Placeholder without'));
      const variations = model.messages.find((m) => m.id === 'T')?.variations ?? [];
      if (errors.length || variations.length !== 1 || model.messages.length !== 2) return { error: JSON.stringify(errors) + ` ${variations.length} variations` };
      return { value: variations[0].pieces[0].text.value };
    },
  },
} satisfies Record<string, Style>;

export const randomSource = { rng, pick, string, NASTY, SAFE, styles };
