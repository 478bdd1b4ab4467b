import * as assert from 'assert';
import { isScalar, type Scalar } from 'yaml';
import { lineStartOf, parseYaml, sliceText, yamlScalarText } from '../../../../server/src/formats/yaml-text';
import type { MappedText } from '../../../../server/src/core/text';

/** The scalar at a YAML path of `src`, decoded. */
function textAt(src: string, path: (string | number)[]): MappedText {
  const doc = parseYaml(src);
  assert.deepStrictEqual(doc.errors.map((e) => e.message), []);
  const node = doc.getIn(path, true);
  assert.ok(isScalar(node), `no scalar at ${path.join('.')}`);
  return yamlScalarText('f.yml', src, node as Scalar);
}

/** The source characters decoded chars [i, j) come from. */
function sourceOf(src: string, t: MappedText, i: number, j: number): string {
  const r = t.range(i, j);
  return src.slice(r.start, r.end);
}

/** Decoded index of `term` in the text (asserting it is there). */
function at(t: MappedText, term: string): [number, number] {
  const i = t.value.indexOf(term);
  assert.ok(i >= 0, `"${term}" not in ${JSON.stringify(t.value)}`);
  return [i, i + term.length];
}

describe('yamlScalarText', () => {
  it('maps a plain scalar verbatim, anchored at its key line', () => {
    const src = 'a:\n  - text: Hello guys\n';
    const t = textAt(src, ['a', 0, 'text']);
    assert.strictEqual(t.value, 'Hello guys');
    assert.deepStrictEqual(t.range(6, 10), { start: 19, end: 23 });
    assert.strictEqual(sourceOf(src, t, 6, 10), 'guys');
    assert.deepStrictEqual(t.encoding, { kind: 'yaml-plain' });
    assert.deepStrictEqual(t.node, { start: 13, end: 23 });
    assert.strictEqual(t.anchor, 3);
  });

  it('folds a multi-line plain scalar; each line break is one space', () => {
    const src = 'text: Hello\n  dear   \n\n  guys\n';
    const t = textAt(src, ['text']);
    assert.strictEqual(t.value, 'Hello dear\nguys');
    assert.strictEqual(sourceOf(src, t, ...at(t, 'dear')), 'dear');
    assert.strictEqual(sourceOf(src, t, ...at(t, 'guys')), 'guys');
    // the folded break stands for the line break and the indentation
    assert.deepStrictEqual(t.range(5, 6), { start: 11, end: 14 });
    // trailing blanks and the empty line fold into one newline
    assert.strictEqual(sourceOf(src, t, 10, 11), '   \n\n  ');
  });

  it('finds a term on the third line of a literal block', () => {
    const src = 'responses:\n  utter_x:\n  - text: |\n      First line.\n      Second line.\n      Hi guys, third.\n';
    const t = textAt(src, ['responses', 'utter_x', 0, 'text']);
    assert.strictEqual(t.value, 'First line.\nSecond line.\nHi guys, third.\n');
    const [i, j] = at(t, 'guys');
    assert.strictEqual(sourceOf(src, t, i, j), 'guys');
    assert.strictEqual(t.range(i, j).start, src.indexOf('guys'));
    assert.deepStrictEqual(t.encoding, { kind: 'yaml-block', indent: '      ' });
    // the anchor is the `- text: |` line, where a suppression comment can go
    assert.strictEqual(t.anchor, src.indexOf('  - text'));
    assert.deepStrictEqual(t.node, { start: src.indexOf('|'), end: src.length });
  });

  it('keeps more-indented lines of a literal block and maps their extra spaces', () => {
    const src = 'k: |\n  a\n    b\n';
    const t = textAt(src, ['k']);
    assert.strictEqual(t.value, 'a\n  b\n');
    assert.strictEqual(sourceOf(src, t, 2, 5), '  b');
  });

  it('folds a `>-` block and strips the final break', () => {
    const src = 'k: >-\n  Hello\n  world,\n\n  chairman here\n';
    const t = textAt(src, ['k']);
    assert.strictEqual(t.value, 'Hello world,\nchairman here');
    assert.strictEqual(sourceOf(src, t, ...at(t, 'world')), 'world');
    assert.strictEqual(sourceOf(src, t, ...at(t, 'chairman')), 'chairman');
    assert.strictEqual(sourceOf(src, t, 5, 6), '\n  ');
  });

  it('honours indentation indicators and keep chomping', () => {
    const src = 'k: |2+\n    x\n  y\n\n';
    const t = textAt(src, ['k']);
    assert.strictEqual(t.value, '  x\ny\n\n');
    assert.strictEqual(sourceOf(src, t, 0, 3), '  x');
    assert.strictEqual(sourceOf(src, t, ...at(t, 'y')), 'y');
  });

  it('decodes a double-quoted scalar with \\" and \\u00fc', () => {
    const src = 'text: "Sag \\"Hallo\\" f\\u00fcr Kunden"\n';
    const t = textAt(src, ['text']);
    assert.strictEqual(t.value, 'Sag "Hallo" für Kunden');
    assert.deepStrictEqual(t.encoding, { kind: 'yaml-double' });
    // the escaped quote is two source chars, ü six
    assert.strictEqual(sourceOf(src, t, 4, 5), '\\"');
    assert.strictEqual(sourceOf(src, t, ...at(t, 'für')), 'f\\u00fcr');
    assert.strictEqual(sourceOf(src, t, ...at(t, 'Kunden')), 'Kunden');
    assert.deepStrictEqual(t.node, { start: 6, end: src.length - 1 });
  });

  it('folds a multi-line double-quoted scalar and drops an escaped line break', () => {
    const src = 'text: "one \\\n   two\n   three"\n';
    const t = textAt(src, ['text']);
    assert.strictEqual(t.value, 'one two three');
    assert.strictEqual(sourceOf(src, t, ...at(t, 'two')), 'two');
    assert.strictEqual(sourceOf(src, t, ...at(t, 'three')), 'three');
  });

  it("decodes a single-quoted scalar with ''", () => {
    const src = "text: 'It''s the chairman'\n";
    const t = textAt(src, ['text']);
    assert.strictEqual(t.value, "It's the chairman");
    assert.deepStrictEqual(t.encoding, { kind: 'yaml-single' });
    assert.strictEqual(sourceOf(src, t, 2, 3), "''");
    assert.strictEqual(sourceOf(src, t, ...at(t, 'chairman')), 'chairman');
  });

  it('keeps offsets exact after an emoji (surrogate pairs)', () => {
    const src = 'text: "😀 Hi guys 👋"\n';
    const t = textAt(src, ['text']);
    assert.strictEqual(t.value, '😀 Hi guys 👋');
    const [i, j] = at(t, 'guys');
    assert.strictEqual(i, 6);
    assert.deepStrictEqual(t.range(i, j), { start: 13, end: 17 });
    assert.strictEqual(sourceOf(src, t, 0, 2), '😀');
  });

  it('handles CRLF line ends in blocks and folded scalars', () => {
    const src = 'k: |\r\n  one\r\n  two guys\r\nm: a\r\n  b\r\n';
    const block = textAt(src, ['k']);
    assert.strictEqual(block.value, 'one\ntwo guys\n');
    assert.strictEqual(sourceOf(src, block, ...at(block, 'guys')), 'guys');
    assert.strictEqual(sourceOf(src, block, 3, 4), '\r\n  ');
    const plain = textAt(src, ['m']);
    assert.strictEqual(plain.value, 'a b');
    assert.strictEqual(sourceOf(src, plain, 2, 3), 'b');
  });

  it('keeps tabs inside text and drops them around folds', () => {
    const src = 'k: "a\tb \t\n\tc"\nm: |\n  x\ty\n';
    const dq = textAt(src, ['k']);
    assert.strictEqual(dq.value, 'a\tb c');
    assert.strictEqual(sourceOf(src, dq, 4, 5), 'c');
    const block = textAt(src, ['m']);
    assert.strictEqual(block.value, 'x\ty\n');
    assert.strictEqual(sourceOf(src, block, 0, 3), 'x\ty');
  });

  it('works on a BOM-stripped file (offsets into the text without BOM)', () => {
    const withBom = '\ufefftext: Hallo Kunden\n';
    const src = withBom.slice(1);
    const t = textAt(src, ['text']);
    assert.deepStrictEqual(t.range(...at(t, 'Kunden')), { start: 12, end: 18 });
  });

  it('reads a quoted scalar whose lines are not indented under the key, as Rasa does', () => {
    const src = 'r:\n  - text: "one\n    two guys"\n';
    const doc = parseYaml(src);
    assert.deepStrictEqual(doc.errors, []);
    const node = doc.getIn(['r', 0, 'text'], true) as Scalar;
    const t = yamlScalarText('f.yml', src, node);
    assert.strictEqual(t.value, 'one two guys');
    assert.strictEqual(sourceOf(src, t, ...at(t, 'guys')), 'guys');
  });

  it('gives non-string scalars their source text', () => {
    const src = 'title: 42\nother: yes\n';
    assert.strictEqual(textAt(src, ['title']).value, '42');
    assert.strictEqual(textAt(src, ['other']).value, 'yes');
  });

  it('slices a text keeping the source mapping', () => {
    const src = 'examples: |\n  - hi [Anna](name)\n  - mail me\n';
    const t = textAt(src, ['examples']);
    const s = sliceText(t, 2, 17, 0);
    assert.strictEqual(s.value, 'hi [Anna](name)');
    assert.deepStrictEqual(s.fullRange, { start: 16, end: 31 });
    assert.strictEqual(s.anchor, 0);
  });

  it('finds line starts for any line end', () => {
    assert.strictEqual(lineStartOf('a\r\nbc', 4), 3);
    assert.strictEqual(lineStartOf('a\rbc', 3), 2);
    assert.strictEqual(lineStartOf('abc', 2), 0);
  });
});
