import * as assert from 'assert';
import { PROTECTED_PATTERNS, protectedRanges } from '../../../server/src/core/scan';
import type { TextPiece } from '../../../server/src/core/model';
import { MappedText } from '../../../server/src/core/text';
import { randomSource } from './random';

/** The protected parts of `text`, as text. */
function prot(text: string): string[] {
  return protectedRanges(text).map((r) => text.slice(r.start, r.end));
}

describe('protectedRanges', () => {
  it('URLs, with query strings and balanced parentheses; a closing parenthesis around a URL stays outside', () => {
    assert.deepStrictEqual(prot('See https://example.com/a?b=1&c=guys#top now'), ['https://example.com/a?b=1&c=guys#top']);
    assert.deepStrictEqual(prot('https://en.wikipedia.org/wiki/Guy_(name)/guys and (http://x.org/guys).'), ['https://en.wikipedia.org/wiki/Guy_(name)/guys', 'http://x.org/guys']);
    assert.deepStrictEqual(prot('www.guys.com/x, ftp://a/b mailto:ann@x.de tel:+4930123'), ['www.guys.com/x,', 'ftp://a/b', 'mailto:ann@x.de', 'tel:+4930123']);
    assert.deepStrictEqual(prot('<a href="https://x.org/guys">guys</a>'), ['<a href="https://x.org/guys">', '</a>']);
    assert.deepStrictEqual(prot('(see https://x.org/a_(b)/c(d)) or http://y.org/a(b'), ['https://x.org/a_(b)/c(d)', 'http://y.org/a(b']);
  });

  it('e-mail addresses', () => {
    assert.deepStrictEqual(prot('Write to jane.doe+guys@mail.example.co.uk, not to guys@'), ['jane.doe+guys@mail.example.co.uk']);
    assert.deepStrictEqual(protectedRanges('Mail: a.b@c.de!'), [{ start: 6, end: 14 }]);
  });

  it('placeholders of every format', () => {
    assert.deepStrictEqual(prot('Hi ${user.name}, {{ slot }}, {% if guys %}, {customer_id}, {guys}.'), ['${user.name}', '{{ slot }}', '{% if guys %}', '{customer_id}', '{guys}']);
    assert.deepStrictEqual(prot('$session.params.email $page.params.x #ctx.param $name @sys.email @guys'), ['$session.params.email', '$page.params.x', '#ctx.param', '$name', '@sys.email', '@guys']);
    // braces with a blank inside are words in braces, not a slot
    assert.deepStrictEqual(prot('{hello guys}'), []);
  });

  it('markup tags and code identifiers', () => {
    assert.deepStrictEqual(prot('<b>guys</b> <br/>'), ['<b>', '</b>', '<br/>']);
    assert.deepStrictEqual(prot('snake_case_id guys_list camelCaseId iPhone Müller_nummer größerAls'), ['snake_case_id', 'guys_list', 'camelCaseId', 'iPhone', 'Müller_nummer', 'größerAls']);
    // ordinary words, PascalCase and hyphens are not identifiers
    assert.deepStrictEqual(prot('Hello guys, CamelCase and e-mail. 50% off'), []);
  });

  it('adds the placeholders the parser found, and returns copies', () => {
    const text = 'Hi NAME, guys';
    const piece: TextPiece = { text: MappedText.verbatim('f', text, 0), role: 'text', placeholders: [{ variable: 'name', start: 3, end: 7, syntax: 'lg' }] };
    assert.deepStrictEqual(protectedRanges(text, piece), [{ start: 3, end: 7 }]);
    const first = protectedRanges('see {x}');
    first[0].start = 99;
    assert.deepStrictEqual(protectedRanges('see {x}'), [{ start: 4, end: 7 }]);
  });
});

/*
 * Catastrophic or quadratic backtracking shows as a scan that takes seconds or
 * minutes on one long line. These inputs make a regex that can backtrack fail
 * late from every start position; a linear regex finishes them in
 * milliseconds. The bound is generous (a loaded CI machine) because this is
 * a structural check, not a benchmark: a quadratic alternative takes well
 * over it at this length (measured: 2–9 s each before the fix).
 */
describe('protectedRanges: no catastrophic backtracking', () => {
  const n = 50000;
  const adversarial: Record<string, string> = {
    'braces': '{'.repeat(n),
    '${ never closed': '${'.repeat(n / 2),
    '{{ never closed': '{{'.repeat(n / 2),
    '{% never closed': '{%'.repeat(n / 2),
    'snake_ without an end': 'a_'.repeat(n / 2),
    'snake_ then a stop': 'a_'.repeat(n / 2) + '!',
    'umlaut snake_': 'ä_'.repeat(n / 2) + 'a_',
    'URL with open parentheses': 'http://' + '('.repeat(n),
    'URL with unclosed groups': 'http://' + '(a'.repeat(n / 2),
    'at signs': '@'.repeat(n),
    'local part without @ domain': 'a.'.repeat(n / 2) + '@',
    'local parts': 'a@'.repeat(n / 2),
    'lower case run': 'a'.repeat(n),
    'camel run then digit': 'aB'.repeat(n / 2) + '1',
    'tags never closed': '<'.repeat(n),
    'dollars': '$'.repeat(n),
    'context refs': '#a.'.repeat(n / 3),
    'www': 'www.'.repeat(n / 4),
  };
  const rnd = randomSource.rng(99);
  adversarial['random specials'] = randomSource.string(rnd, [...'{}$#@<>_.a(B)%:/ '], n);

  for (const [name, text] of Object.entries(adversarial)) {
    it(`finishes: ${name}`, () => {
      const t0 = Date.now();
      protectedRanges(text + ` ${name}`); // a different text each time: no memo
      const combined = Date.now() - t0;
      assert.ok(combined < 2000, `combined scan took ${combined} ms`);
      // each alternative alone too, so one cannot hide behind another that matches first
      for (const source of PROTECTED_PATTERNS) {
        const t1 = Date.now();
        for (const m of text.matchAll(new RegExp(source, 'gu'))) void m;
        const took = Date.now() - t1;
        assert.ok(took < 2000, `/${source}/ took ${took} ms`);
      }
    });
  }
});
