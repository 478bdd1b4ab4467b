/** MappedText.shifted and the FileModel shift helpers: offsets move, decoded text and indices stay. */
import * as assert from 'assert';
import { shiftAt, shiftMessage } from '../../../server/src/core/shift';
import { MappedText } from '../../../server/src/core/text';
import type { BotMessage } from '../../../server/src/core/model';

/** `a\u00e9b` where `\u00e9` is a 6-char escape in a double-quoted scalar at offset 10: "a\u00e9b" */
function sample(): MappedText {
  return MappedText.builder('f.yml', { kind: 'yaml-double' }).verbatim('a', 11).escape('é', 12, 18).verbatim('b', 18).anchor(4).node({ start: 10, end: 20 }).build();
}

describe('core: MappedText.shifted', () => {
  it('moves every source offset, the anchor and the node by delta', () => {
    const t = sample();
    const s = t.shifted(7);
    assert.strictEqual(s.value, 'aéb');
    assert.deepStrictEqual([s.sourceStart(0), s.sourceStart(1), s.sourceEnd(2), s.sourceStart(2), s.sourceEnd(3)], [18, 19, 25, 25, 26]);
    assert.deepStrictEqual(s.range(1, 2), { start: 19, end: 25 });
    assert.deepStrictEqual(s.fullRange, { start: 18, end: 26 });
    assert.strictEqual(s.anchor, 11);
    assert.deepStrictEqual(s.node, { start: 17, end: 27 });
    assert.deepStrictEqual(s.encoding, { kind: 'yaml-double' });
  });

  it('moves back with a negative delta and leaves the original as it was', () => {
    const t = sample();
    const s = t.shifted(-10);
    assert.deepStrictEqual(s.fullRange, { start: 1, end: 9 });
    assert.deepStrictEqual(s.range(1, 2), { start: 2, end: 8 });
    assert.deepStrictEqual(t.fullRange, { start: 11, end: 19 });
    assert.deepStrictEqual(t.node, { start: 10, end: 20 });
  });

  it('is the same object for delta 0, and round-trips', () => {
    const t = sample();
    assert.strictEqual(t.shifted(0), t);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(t.shifted(3).shifted(-3))), JSON.parse(JSON.stringify(t)));
  });

  it('an empty text keeps its insertion point', () => {
    const e = MappedText.builder('f.yml').build(42).shifted(8);
    assert.deepStrictEqual(e.fullRange, { start: 50, end: 50 });
  });
});

describe('core: shift helpers', () => {
  it('shiftMessage moves the declaration and every piece; placeholders (decoded indices) stay', () => {
    const text = MappedText.verbatim('f.yml', 'hi {name}', 30, { kind: 'yaml-plain' });
    const m: BotMessage = { id: 'utter_x', file: 'f.yml', declaration: { start: 20, end: 27 }, role: 'response', variations: [{ pieces: [{ text, role: 'text', placeholders: [{ variable: 'name', start: 3, end: 9, syntax: 'rasa' }] }] }] };
    const s = shiftMessage(m, -5);
    assert.deepStrictEqual(s.declaration, { start: 15, end: 22 });
    assert.deepStrictEqual(s.variations[0].pieces[0].text.fullRange, { start: 25, end: 34 });
    assert.deepStrictEqual(s.variations[0].pieces[0].placeholders, [{ variable: 'name', start: 3, end: 9, syntax: 'rasa' }]);
    assert.deepStrictEqual(m.declaration, { start: 20, end: 27 }, 'the original is not changed');
    assert.deepStrictEqual(shiftAt({ variable: 'x', message: 'm', file: 'f', at: { start: 1, end: 2 } }, 4).at, { start: 5, end: 6 });
  });
});
