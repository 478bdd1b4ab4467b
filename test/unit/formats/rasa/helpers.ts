/** Shared helpers of the Rasa parser tests. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FileModel, TextPiece } from '../../../../server/src/core/model';
import type { MappedText, SourceRange } from '../../../../server/src/core/text';
import { rasaMarkdownParser, rasaYamlParser } from '../../../../server/src/formats/rasa';

/** The repository root (the folder with tsconfig.json and test/fixtures above this file, or the working directory). */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'tsconfig.json')) && fs.existsSync(path.join(dir, 'test', 'fixtures'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export function fixture(...parts: string[]): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'rasa', ...parts);
}

/** Parses YAML source as a Rasa file, asserting that the parser claims it. */
export function parseRasa(src: string, file = 'domain.yml'): FileModel {
  assert.ok(rasaYamlParser.claims(file, src), `${file} not claimed`);
  return rasaYamlParser.parse(file, src);
}

export function parseMd(src: string, file = 'data/nlu.md'): FileModel {
  assert.ok(rasaMarkdownParser.claims(file, src), `${file} not claimed`);
  return rasaMarkdownParser.parse(file, src);
}

/** The source text a range covers. */
export function slice(src: string, r: SourceRange): string {
  return src.slice(r.start, r.end);
}

/** The source range of the `n`-th (0-based) occurrence of `needle` in `src`. */
export function find(src: string, needle: string, n = 0): SourceRange {
  let at = -1;
  for (let k = 0; k <= n; k++) {
    at = src.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" #${n} not in source`);
  }
  return { start: at, end: at + needle.length };
}

/** The source range of `term` inside a decoded text. */
export function termRange(t: MappedText, term: string): SourceRange {
  const i = t.value.indexOf(term);
  assert.ok(i >= 0, `"${term}" not in ${JSON.stringify(t.value)}`);
  return t.range(i, i + term.length);
}

/** `role: text` pairs of a message's variations, for compact assertions. */
export function pieces(model: FileModel, id: string): string[][] {
  const m = model.messages.find((x) => x.id === id);
  assert.ok(m, `no message ${id}`);
  return m.variations.map((v) => v.pieces.map((p: TextPiece) => `${p.role}: ${p.text.value}`));
}
