import * as assert from 'assert';
import * as jsonc from 'jsonc-parser';
import { jsonStringText } from '../../../../server/src/formats/json-text';

/** The string node at a JSON path of `text`. */
function stringNode(text: string, path: jsonc.JSONPath): jsonc.Node {
  const root = jsonc.parseTree(text);
  assert.ok(root);
  const node = jsonc.findNodeAtLocation(root, path);
  assert.ok(node);
  return node;
}

describe('jsonStringText', () => {
  it('maps plain text verbatim', () => {
    const src = '{"a": "Hello you"}';
    const t = jsonStringText('f.json', src, stringNode(src, ['a']));
    assert.strictEqual(t.value, 'Hello you');
    assert.deepStrictEqual(t.fullRange, { start: 7, end: 16 });
    assert.deepStrictEqual(t.node, { start: 6, end: 17 });
    assert.deepStrictEqual(t.encoding, { kind: 'json' });
    assert.deepStrictEqual(t.range(6, 9), { start: 13, end: 16 });
  });

  it('decodes escapes with exact per-char offsets', () => {
    // value: Hi "x"\n\é/  (source: Hi \"x\"\n\\\u00e9\/)
    const src = '{"a": "Hi \\"x\\"\\n\\\\\\u00e9\\/ ok"}';
    const t = jsonStringText('f.json', src, stringNode(src, ['a']));
    assert.strictEqual(t.value, 'Hi "x"\n\\\u00e9/ ok');
    // the escaped quote \" at source 10..12 is decoded char 3
    assert.deepStrictEqual(t.range(3, 4), { start: 10, end: 12 });
    // \n at 15..17 is char 6
    assert.deepStrictEqual(t.range(6, 7), { start: 15, end: 17 });
    // \u00e9 is char 8, six source characters
    assert.deepStrictEqual(t.range(8, 9), { start: 19, end: 25 });
    // "ok" after \/ is verbatim
    assert.deepStrictEqual(t.range(11, 13), { start: 28, end: 30 });
    assert.strictEqual(src.slice(28, 30), 'ok');
  });

  it('keeps surrogate pairs as two escapes', () => {
    const src = '["\\ud83d\\ude00!"]';
    const t = jsonStringText('f.json', src, stringNode(src, [0]));
    assert.strictEqual(t.value, '\u{1F600}!');
    assert.deepStrictEqual(t.range(0, 2), { start: 2, end: 14 });
    assert.deepStrictEqual(t.range(2, 3), { start: 14, end: 15 });
  });

  it('an empty string is an insertion point inside the quotes', () => {
    const src = '{"a": ""}';
    const t = jsonStringText('f.json', src, stringNode(src, ['a']));
    assert.strictEqual(t.value, '');
    assert.deepStrictEqual(t.fullRange, { start: 7, end: 7 });
  });

  it('does not throw on malformed escapes', () => {
    const src = '["a\\qb\\u12"]';
    const t = jsonStringText('f.json', src, stringNode(src, [0]));
    assert.strictEqual(t.value, 'aqbu12');
  });
});
