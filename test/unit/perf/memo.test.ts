/**
 * TextMemo: results of pure functions of a text (language, protected
 * ranges) kept by content across re-parses, and bounded.
 */
import * as assert from 'assert';
import { detectLanguage, detectTextLanguage } from '../../../server/src/core/lang';
import { TextMemo } from '../../../server/src/core/memo';
import { protectedRanges } from '../../../server/src/core/scan';

describe('TextMemo: results by text content, bounded', () => {
  it('computes once per text content, also for an undefined result', () => {
    const seen: string[] = [];
    const memo = new TextMemo((t) => (seen.push(t), t.length > 3 ? t.length : undefined));
    assert.strictEqual(memo.get('hello'), 5);
    assert.strictEqual(memo.get(['hel', 'lo'].join('')), 5, 'another string with the same content');
    assert.strictEqual(memo.get('hi'), undefined);
    assert.strictEqual(memo.get('hi'), undefined);
    assert.deepStrictEqual(seen, ['hello', 'hi']);
  });

  it('keeps what the current and the previous generation used, drops the rest', () => {
    const seen: string[] = [];
    const memo = new TextMemo((t) => (seen.push(t), t.toUpperCase()), 3);
    for (const t of ['a', 'b', 'c']) memo.get(t); // third entry: a new generation starts
    memo.get('a'); // carried over from the previous generation: not computed
    assert.deepStrictEqual(seen, ['a', 'b', 'c']);
    for (const t of ['d', 'e']) memo.get(t); // generation full again: ['a', 'd', 'e'] becomes the previous one
    memo.get('b'); // b was used in no generation since: dropped, computed again
    memo.get('e');
    assert.deepStrictEqual(seen, ['a', 'b', 'c', 'd', 'e', 'b']);
  });

  it('forgetAll empties every memo (benchmarks measure a first check)', () => {
    let calls = 0;
    const a = new TextMemo(() => ++calls);
    const b = new TextMemo(() => ++calls);
    a.get('x');
    b.get('x');
    a.get('x');
    assert.strictEqual(calls, 2);
    TextMemo.forgetAll();
    a.get('x');
    b.get('x');
    assert.strictEqual(calls, 4);
  });

  it('never keeps a text longer than its limit', () => {
    let calls = 0;
    const memo = new TextMemo(() => ++calls, 100, 10);
    memo.get('x'.repeat(11));
    memo.get('x'.repeat(11));
    memo.get('x'.repeat(10));
    memo.get('x'.repeat(10));
    assert.strictEqual(calls, 3);
  });

  it('memoized language detection and protected ranges give the same answers as before', () => {
    assert.strictEqual(detectLanguage('Hallo, wie kann ich Ihnen helfen?'), 'de');
    assert.strictEqual(detectLanguage('Hallo, wie kann ich Ihnen helfen?'), 'de');
    assert.strictEqual(detectLanguage('OK'), undefined);
    assert.strictEqual(detectTextLanguage('Hola, ¿cómo puedo ayudarle? Gracias por su paciencia.'), 'other');
    const text = 'Mail {email} or see https://example.com/x, user_id and fooBar.';
    const placeholders = [{ variable: 'email', start: 5, end: 12, syntax: 'rasa' as const }];
    const first = protectedRanges(text, { text: undefined as never, role: 'text', placeholders });
    assert.deepStrictEqual(first, [
      { start: 5, end: 12 },
      { start: 20, end: 42 },
      { start: 43, end: 50 },
      { start: 55, end: 61 },
      { start: 5, end: 12 },
    ]);
    first.push({ start: 0, end: 1 }); // callers own their list
    first[0].start = 99;
    assert.deepStrictEqual(protectedRanges(text), [
      { start: 5, end: 12 },
      { start: 20, end: 42 },
      { start: 43, end: 50 },
      { start: 55, end: 61 },
    ]);
  });
});
