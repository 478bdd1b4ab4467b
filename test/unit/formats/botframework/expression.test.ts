import * as assert from 'assert';
import { expressionEnd, expressionRefs, normalizePath } from '../../../../server/src/formats/botframework/expression';
import { interpolations } from '../../../../server/src/formats/botframework/interpolation';

describe('adaptive expressions', () => {
  it('finds the closing brace past strings, objects and template strings', () => {
    const cases: [string, number][] = [
      ['${a}', 4],
      ["${concat('}', x)} tail", 17],
      ['${{a: {b: 1}}} tail', 14],
      ['${`hi ${user.name} }`} tail', 22],
      ['${"\\"}"} tail', 8],
    ];
    for (const [text, end] of cases) assert.strictEqual(expressionEnd(text, 0), end, text);
    assert.strictEqual(expressionEnd('${open(', 0), -1);
    assert.strictEqual(expressionEnd('${a\n}', 0, 3), -1, 'the limit bounds the search');
  });

  it('reads memory paths and template calls, not functions, strings, keywords or settings', () => {
    assert.deepStrictEqual(expressionRefs("if(user.vip && $count > 2, Greeting(user.name), 'user.fake')"), {
      paths: ['user.vip', 'dialog.count', 'user.name'],
      calls: ['Greeting'],
    });
    assert.deepStrictEqual(expressionRefs('toUpper(turn.recognized.entities.email[0]) == null || true'), {
      paths: ['turn.recognized.entities.email'],
      calls: [],
    });
    assert.deepStrictEqual(expressionRefs('concat(settings.api.key, @email, `x ${conversation.id}`)'), {
      paths: ['@email', 'conversation.id'],
      calls: [],
    });
    assert.deepStrictEqual(expressionRefs('json(Card()).title'), { paths: [], calls: ['Card'] });
  });

  it('normalizes the dialog shorthand only', () => {
    assert.strictEqual(normalizePath('$email'), 'dialog.email');
    assert.strictEqual(normalizePath('@email'), '@email');
    assert.strictEqual(normalizePath('user.email'), 'user.email');
  });

  it('finds ${} parts of decoded text, skipping escaped ones', () => {
    const r = interpolations('Hi ${user.name}, \\${not} ${Footer()}');
    assert.deepStrictEqual(
      r.placeholders.map((p) => [p.variable, p.start, p.end]),
      [['user.name', 3, 15]],
    );
    assert.deepStrictEqual(
      r.calls.map((c) => [c.message, c.start, c.end]),
      [['Footer', 25, 36]],
    );
  });
});
