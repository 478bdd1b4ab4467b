import * as assert from 'assert';
import * as jsonc from 'jsonc-parser';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import { encodeInline, MappedText, rewriteNode, type Encoding } from '../../../server/src/core/text';
import { jsonStringText } from '../../../server/src/formats/json-text';
import { joinedText } from '../../../server/src/formats/dialogflow/joined-text';
import { parseYaml, yamlScalarText } from '../../../server/src/formats/yaml-text';
import { parseLg } from '../../../server/src/formats/botframework/lg';
import { insertInText, replaceInText } from '../../../server/src/rules/support/edit';
import { randomSource } from './random';

/** The decoded text of the JSON string at `path`. */
function jsonText(src: string, path: jsonc.JSONPath): MappedText {
  const node = jsonc.findNodeAtLocation(jsonc.parseTree(src)!, path);
  assert.ok(node, `no node at ${path.join('.')}`);
  return jsonStringText('f.json', src, node);
}

/** The decoded text of the YAML scalar at `path`. */
function yamlText(src: string, path: (string | number)[]): MappedText {
  const doc = parseYaml(src);
  assert.deepStrictEqual(doc.errors.map((e) => e.message), []);
  const node = doc.getIn(path, true);
  assert.ok(isScalar(node), `no scalar at ${path.join('.')}`);
  return yamlScalarText('f.yml', src, node as Scalar);
}

function apply(src: string, edit: { start: number; end: number; newText: string } | undefined): string {
  assert.ok(edit, 'no edit');
  return src.slice(0, edit.start) + edit.newText + src.slice(edit.end);
}

/** What a YAML loader reads at `path` (asserting the file still parses). */
function yamlValue(src: string, path: (string | number)[]): unknown {
  const doc = parseDocument(src);
  assert.deepStrictEqual(doc.errors.map((e) => e.message), [], src);
  return doc.getIn(path);
}

describe('MappedText: source mapping', () => {
  it('maps a verbatim text one to one, and its edges', () => {
    const t = MappedText.verbatim('f', 'Hello', 10);
    assert.strictEqual(t.length, 5);
    assert.deepStrictEqual([0, 1, 4, 5].map((i) => t.sourceStart(i)), [10, 11, 14, 15]);
    assert.deepStrictEqual([0, 1, 4, 5].map((i) => t.sourceEnd(i)), [10, 11, 14, 15]);
    assert.deepStrictEqual(t.fullRange, { start: 10, end: 15 });
    assert.deepStrictEqual(t.node, { start: 10, end: 15 });
    assert.strictEqual(t.anchor, 10);
    assert.deepStrictEqual(t.encoding, { kind: 'raw' });
  });

  it('maps an escape to all of its source characters', () => {
    // source: "Gr\u00fc\u00dfe, guys!" — two six-character escapes
    const src = '{"t": "Gr\\u00fc\\u00dfe, guys!"}';
    const t = jsonText(src, ['t']);
    assert.strictEqual(t.value, 'Grüße, guys!');
    assert.deepStrictEqual(t.range(2, 3), { start: 9, end: 15 });
    assert.deepStrictEqual(t.range(2, 4), { start: 9, end: 21 });
    // a term after the escapes lands on the term
    const i = t.value.indexOf('guys');
    assert.deepStrictEqual(t.range(i, i + 4), { start: 24, end: 28 });
    assert.strictEqual(src.slice(24, 28), 'guys');
    // start and end offsets around an escape
    assert.strictEqual(t.sourceStart(2), 9);
    assert.strictEqual(t.sourceEnd(3), 15);
    assert.strictEqual(t.sourceStart(3), 15);
    assert.strictEqual(t.sourceEnd(4), 21);
  });

  it('gives empty ranges as insertion points at the start, middle and end', () => {
    const src = '{"t": "ab\\ncd"}';
    const t = jsonText(src, ['t']);
    assert.strictEqual(t.value, 'ab\ncd');
    assert.deepStrictEqual(t.range(0, 0), { start: 7, end: 7 });
    assert.deepStrictEqual(t.range(2, 2), { start: 9, end: 9 }); // before the escape
    assert.deepStrictEqual(t.range(3, 3), { start: 11, end: 11 }); // after the escape
    assert.deepStrictEqual(t.range(5, 5), { start: 13, end: 13 }); // before the closing quote
    // an inverted range is the insertion point at `from`
    assert.deepStrictEqual(t.range(4, 1), { start: 12, end: 12 });
    // past the end: the end
    assert.deepStrictEqual(t.range(9, 9), { start: 13, end: 13 });
    assert.strictEqual(t.sourceEnd(0), 7);
    assert.strictEqual(t.sourceStart(5), 13);
    assert.strictEqual(t.sourceStart(99), 13);
  });

  it('an empty text is an insertion point at its node', () => {
    const t = MappedText.builder('f', { kind: 'json' }).node({ start: 4, end: 6 }).build(5);
    assert.strictEqual(t.value, '');
    assert.deepStrictEqual(t.fullRange, { start: 5, end: 5 });
    assert.deepStrictEqual(t.node, { start: 4, end: 6 });
    assert.strictEqual(t.anchor, 5);
  });

  it('builder: adjacent verbatim runs merge, escapes and gaps stay apart', () => {
    const t = MappedText.builder('f', { kind: 'yaml-double' })
      .verbatim('ab', 1)
      .verbatim('c', 3) // adjacent: same run
      .verbatim('d', 7) // gap in the source: a new run
      .escape('\n', 8, 10)
      .verbatim('e', 10)
      .anchor(0)
      .node({ start: 0, end: 12 })
      .build();
    assert.strictEqual(t.value, 'abcd\ne');
    assert.deepStrictEqual([0, 1, 2, 3, 4, 5].map((i) => t.range(i, i + 1)), [
      { start: 1, end: 2 },
      { start: 2, end: 3 },
      { start: 3, end: 4 },
      { start: 7, end: 8 },
      { start: 8, end: 10 },
      { start: 10, end: 11 },
    ]);
    // across the gap: from the first char's start to the last one's end
    assert.deepStrictEqual(t.range(1, 4), { start: 2, end: 8 });
    assert.strictEqual(t.anchor, 0);
    // empty pieces add nothing
    const u = MappedText.builder('f').verbatim('', 3).escape('', 3, 5).verbatim('x', 5).build();
    assert.strictEqual(u.value, 'x');
    assert.deepStrictEqual(u.fullRange, { start: 5, end: 6 });
  });

  it('builder: a text built is not changed by building on', () => {
    const b = MappedText.builder('f').verbatim('ab', 0);
    const first = b.build();
    b.verbatim('c', 2);
    const second = b.build();
    assert.strictEqual(first.value, 'ab');
    assert.deepStrictEqual(first.fullRange, { start: 0, end: 2 });
    assert.deepStrictEqual(second.fullRange, { start: 0, end: 3 });
  });

  it('knows when an index falls inside one escape of several characters', () => {
    // a double-quoted YAML fold of three line breaks reads as two newlines: one escape
    const src = 'k: "a\n\n\n  b"\n';
    const t = yamlText(src, ['k']);
    assert.strictEqual(t.value, 'a\n\nb');
    assert.deepStrictEqual([0, 1, 2, 3, 4].map((i) => t.insideEscape(i)), [false, false, true, false, false]);
    assert.deepStrictEqual(t.range(1, 3), { start: 5, end: 10 });
  });

  it('keeps UTF-16 indices after a surrogate pair', () => {
    const t = MappedText.verbatim('f', '😀 guys', 3);
    assert.deepStrictEqual(t.range(3, 7), { start: 6, end: 10 });
  });
});

describe('encodeInline and rewriteNode', () => {
  const enc = (kind: Encoding['kind']): Encoding => (kind === 'yaml-block' ? { kind, indent: '  ' } : ({ kind } as Encoding));

  it('JSON: quotes, backslashes, line breaks, U+2028/2029 escaped', () => {
    assert.strictEqual(encodeInline('say "hi"\\ now\n\u2028\u2029\t', enc('json')), 'say \\"hi\\"\\\\ now\\n\\u2028\\u2029\\t');
    assert.strictEqual(rewriteNode('a "b"\n', enc('json')), '"a \\"b\\"\\n"');
  });

  it('YAML double-quoted: JSON escapes; at a line edge a blank is escaped so folding keeps it', () => {
    assert.strictEqual(encodeInline('a "b" \\ \n', enc('yaml-double')), 'a \\"b\\" \\\\ \\n');
    assert.strictEqual(encodeInline(' x ', enc('yaml-double'), { before: 'a', after: 'b', lineStart: true, lineEnd: true }), '\\x20x\\x20');
    assert.strictEqual(encodeInline('', enc('yaml-double'), { before: 'a', after: 'b', lineStart: true, lineEnd: true }), undefined);
  });

  it("YAML single-quoted: quotes doubled, no line breaks", () => {
    assert.strictEqual(encodeInline("it's 'ok'", enc('yaml-single')), "it''s ''ok''");
    assert.strictEqual(encodeInline('a\nb', enc('yaml-single')), undefined);
    assert.strictEqual(encodeInline('a\rb', enc('yaml-single')), undefined);
    assert.strictEqual(rewriteNode("it's\n", enc('yaml-single')), '"it\'s\\n"');
  });

  it('YAML plain: rejects what would change meaning', () => {
    const plain = enc('yaml-plain');
    assert.strictEqual(encodeInline('a b, c.', plain), 'a b, c.');
    for (const bad of ['a: b', 'a:', 'a #b', 'a#b', '- a', '* a', '&a', '!a', '|a', '>a', "'a", '"a', '%a', '@a', '`a', '{a', '[a', '?a', ' a', 'a\nb', 'a\rb', 'a:\tb']) {
      assert.strictEqual(encodeInline(bad, plain), undefined, JSON.stringify(bad));
    }
    assert.strictEqual(encodeInline('a-b*c&d', plain), 'a-b*c&d');
    assert.strictEqual(rewriteNode('a: b', plain), '"a: b"');
  });

  it('YAML plain with its neighbours: trailing blanks, joints, typed values', () => {
    const plain = enc('yaml-plain');
    const at = (text: string, before: string, after: string) => encodeInline(text, plain, { before, after });
    assert.strictEqual(at('I am a bot. ', '', 'Hello'), 'I am a bot. ');
    assert.strictEqual(at('bye ', 'Hello ', ''), undefined); // trimmed at the end
    assert.strictEqual(at('x ', 'a', '#b'), undefined); // " #b" would be a comment
    assert.strictEqual(at('x', 'a:', ' b'), 'x');
    assert.strictEqual(at('', 'a:', ' b'), undefined); // "a: b" is a mapping
    assert.strictEqual(at('', 'a:', '\tb'), undefined);
    assert.strictEqual(at('-', '', ''), undefined);
    assert.strictEqual(at('', '', ''), undefined); // null
    assert.strictEqual(at('0', '5', '%'), '0');
    assert.strictEqual(at('', '50', ''), undefined); // 50 is a number
    assert.strictEqual(at('yes', '', ''), undefined); // a boolean in YAML 1.1
    assert.strictEqual(at(' x', 'a', 'b'), ' x');
    assert.strictEqual(encodeInline(' x', plain, { before: 'a ', after: 'b', lineStart: true }), undefined); // indentation
    assert.strictEqual(encodeInline('x ', plain, { before: 'a', after: ' b', lineEnd: true }), undefined);
  });

  it('YAML block: new lines indented; folded blocks take no breaks; chomping and indentation respected', () => {
    const literal: Encoding = { kind: 'yaml-block', indent: '    ' };
    const folded: Encoding = { kind: 'yaml-block', indent: '  ', folded: true };
    assert.strictEqual(encodeInline('one\ntwo\n\nthree', literal), 'one\n    two\n    \n    three');
    assert.strictEqual(encodeInline('a\nb', folded), undefined);
    assert.strictEqual(encodeInline('a\rb', literal), undefined);
    // the first line's indentation sets the block's
    assert.strictEqual(encodeInline('  x', literal, { before: '', after: 'Hello\n' }), undefined);
    assert.strictEqual(encodeInline('  x', literal, { before: 'Hello\n', after: 'World\n', lineStart: true }), '  x');
    assert.strictEqual(encodeInline('x', folded, { before: 'Hello ', after: 'World\n', lineStart: true }), undefined);
    // a final break would be chomped
    assert.strictEqual(encodeInline('x\n', literal, { before: 'Hello', after: '\n' }), undefined);
    assert.strictEqual(encodeInline('', literal, { before: '', after: '\n' }), undefined);
  });

  it('LG: backslashes, ${, | and ``` escaped; line breaks as \\n; blanks at the ends kept', () => {
    const lg = enc('lg');
    assert.strictEqual(encodeInline('a\\b ${x} ```', lg), 'a\\\\b \\${x} \\```');
    assert.strictEqual(encodeInline('a\nb', lg), 'a\\nb');
    assert.strictEqual(encodeInline('a | b', lg), 'a \\| b'); // the list separator of structured values
    assert.strictEqual(encodeInline(' x ', lg, { before: '', after: '' }), '\\ x\\ ');
    assert.strictEqual(encodeInline(' ', lg, { before: '', after: '' }), undefined);
    assert.strictEqual(rewriteNode('x', lg), undefined);
  });

  it('raw: one line, no blanks at its ends', () => {
    assert.strictEqual(encodeInline('a b', enc('raw')), 'a b');
    assert.strictEqual(encodeInline('a\nb', enc('raw')), undefined);
    assert.strictEqual(encodeInline('x ', enc('raw'), { before: 'a', after: '' }), undefined);
    assert.strictEqual(rewriteNode('x', enc('raw')), undefined);
    assert.strictEqual(rewriteNode('x', { kind: 'yaml-block', indent: '' }), undefined);
  });
});

describe('text edits: exact examples', () => {
  it('replaces a term after an escape in JSON', () => {
    const src = '{"t": "Gr\\u00fc\\u00dfe, guys!"}';
    const t = jsonText(src, ['t']);
    const i = t.value.indexOf('guys');
    const out = apply(src, replaceInText(t, i, i + 4, 'everyone "all"'));
    assert.strictEqual(out, '{"t": "Gr\\u00fc\\u00dfe, everyone \\"all\\"!"}');
    assert.strictEqual(JSON.parse(out).t, 'Grüße, everyone "all"!');
  });

  it('rewrites a plain YAML scalar quoted when the new text cannot stand plain', () => {
    const src = 'r:\n  - text: Hello guys\n    image: x\n';
    const t = yamlText(src, ['r', 0, 'text']);
    assert.strictEqual(apply(src, replaceInText(t, 6, 10, 'all: of you')), 'r:\n  - text: "Hello all: of you"\n    image: x\n');
    // a plain insertion stays plain
    assert.strictEqual(apply(src, insertInText(t, 0, "I'm a bot. ")), "r:\n  - text: I'm a bot. Hello guys\n    image: x\n");
  });

  it('quotes a plain scalar of a flow collection when the new text has , [ ] { }', () => {
    const src = 'buttons: [{title: Yes please, payload: /affirm}]\n';
    const t = yamlText(src, ['buttons', 0, 'title']);
    assert.deepStrictEqual(t.encoding, { kind: 'yaml-plain', flow: true });
    const out = apply(src, insertInText(t, 3, ', sure'));
    assert.strictEqual(out, 'buttons: [{title: "Yes, sure please", payload: /affirm}]\n');
    assert.strictEqual(yamlValue(out, ['buttons', 0, 'payload']), '/affirm');
    assert.strictEqual(apply(src, insertInText(t, 3, ' sure')), 'buttons: [{title: Yes sure please, payload: /affirm}]\n');
  });

  it('replaces the whole text of a literal block without eating its final line break', () => {
    const src = 'r:\n  - text: |\n      Hello.\n      I am Anna.\n    image: x\n';
    const t = yamlText(src, ['r', 0, 'text']);
    assert.strictEqual(t.value, 'Hello.\nI am Anna.\n');
    const out = apply(src, replaceInText(t, 0, t.length, 'I am a virtual assistant.'));
    assert.strictEqual(out, 'r:\n  - text: |\n      I am a virtual assistant.\n    image: x\n');
    assert.strictEqual(yamlValue(out, ['r', 0, 'text']), 'I am a virtual assistant.\n');
    assert.strictEqual(yamlValue(out, ['r', 0, 'image']), 'x');
    // appending goes before the final break, not onto the next line
    const appended = apply(src, insertInText(t, t.length, ' Bye.'));
    assert.strictEqual(yamlValue(appended, ['r', 0, 'text']), 'Hello.\nI am Anna. Bye.\n');
    // a new line in a literal block gets the block's indentation
    const lines = apply(src, insertInText(t, 7, 'Line two.\n'));
    assert.strictEqual(lines, 'r:\n  - text: |\n      Hello.\n      Line two.\n      I am Anna.\n    image: x\n');
  });

  it('edits a text joined from several JSON literals only inside one of them', () => {
    // a Dialogflow training phrase split at an entity annotation
    const src = '[{"text": "call me at "}, {"text": "+49 30 1234567", "meta": "@sys.phone-number"}, {"text": " please"}]';
    const root = jsonc.parseTree(src)!;
    const t = joinedText('f.json', src, root.children!.map((o) => jsonc.findNodeAtLocation(o, ['text'])!));
    assert.strictEqual(t.value, 'call me at +49 30 1234567 please');
    assert.strictEqual(apply(src, replaceInText(t, 11, 25, '+1 555 0100')), '[{"text": "call me at "}, {"text": "+1 555 0100", "meta": "@sys.phone-number"}, {"text": " please"}]');
    // across the literals' boundary there is JSON between the characters: no edit rather than a broken file
    assert.strictEqual(replaceInText(t, 5, 15, 'x'), undefined);
    assert.strictEqual(replaceInText(t, 0, t.length, 'x'), undefined);
  });

  it('escapes an LG replacement', () => {
    const src = '# Greet\n- Hi guys ${user.name}\n';
    const t = parseLg('f.lg', src).messages[0].variations[0].pieces[0].text;
    const out = apply(src, replaceInText(t, 3, 7, 'all ${not} \\o/'));
    assert.strictEqual(out, '# Greet\n- Hi all \\${not} \\\\o/ ${user.name}\n');
    assert.strictEqual(parseLg('f.lg', out).messages[0].variations[0].pieces[0].text.value, 'Hi all ${not} \\o/ ${user.name}');
  });
});

/**
 * "A quick fix never corrupts a file": random edits on random texts in every
 * encoding, applied to real source and read back by the real reader (jsonc-parser,
 * the yaml package; for LG, the project's own reader) give exactly the value
 * asked for, or no edit at all. Block scalars keep their chomping: an edit
 * that reaches into the final line breaks ends before them.
 */
describe('text edits: property — an edit reads back as the value asked for', () => {
  const ROUNDS = 1500;
  const styles = randomSource.styles;
  for (const style of Object.keys(styles) as (keyof typeof styles)[]) {
    it(`${style}: ${ROUNDS} random edits`, () => {
      const rnd = randomSource.rng(style.length * 7919 + 17);
      let edited = 0;
      for (let n = 0; n < ROUNDS; n++) {
        const made = styles[style].make(rnd);
        if (!made) continue;
        const { src, text } = made;
        const from = Math.floor(rnd() * (text.length + 1));
        const to = rnd() < 0.5 ? from : from + Math.floor(rnd() * (text.length - from + 1));
        const insertion = randomSource.string(rnd, randomSource.NASTY, Math.floor(rnd() * 6));
        const edit = replaceInText(text, from, to, insertion);
        if (!edit) continue;
        edited++;
        const out = src.slice(0, edit.start) + edit.newText + src.slice(edit.end);
        let f = from;
        let t = to;
        if (text.encoding.kind === 'yaml-block') {
          const body = text.value.replace(/\n+$/, '').length;
          f = Math.min(from, body);
          t = Math.min(to, body);
        }
        const want = text.value.slice(0, f) + insertion + text.value.slice(t);
        const got = styles[style].read(out);
        assert.deepStrictEqual(got, { value: want }, JSON.stringify({ src, from, to, insertion, out }));
      }
      // the property is not vacuous: most edits are made
      assert.ok(edited > ROUNDS / 2, `only ${edited} edits of ${ROUNDS}`);
    });
  }
});

describe('MappedText.locate', () => {
  it('gives the file, the source range over escapes and the suppression anchor', () => {
    const src = '{"k": "a\\u00fcb guys"}';
    const b = MappedText.builder('f.json', { kind: 'json' }).verbatim('a', 7).escape('ü', 8, 14).verbatim('b guys', 14).anchor(0);
    const text = b.build();
    assert.deepStrictEqual(text.locate(1, 3), { file: 'f.json', start: 8, end: 15, anchor: 0 });
    assert.strictEqual(src.slice(text.locate(4).start, text.locate(4).end), 'guys');
    assert.deepStrictEqual(text.locate(), { file: 'f.json', start: 7, end: 20, anchor: 0 });
  });
});
