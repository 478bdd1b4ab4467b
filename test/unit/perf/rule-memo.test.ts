/**
 * The word rules remember what they found in a text by its content (plus the
 * few other inputs: role, placeholders, prompt, language), so that after an
 * edit only the edited text is scanned again. Checked here: the remembered
 * results are the same as computed ones wherever the text now stands, every
 * other input is part of the key (in either order of first use), and a text
 * seen before is not scanned again (counted, not timed).
 */
import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../../server/src/core/config';
import { Checker } from '../../../server/src/core/engine';
import type { Finding } from '../../../server/src/core/findings';
import { PhraseMatcher } from '../../../server/src/core/matcher';
import type { PieceRole, Placeholder, TextPiece } from '../../../server/src/core/model';
import { BotProject } from '../../../server/src/core/project';
import { MappedText } from '../../../server/src/core/text';
import { autonomyPressure } from '../../../server/src/rules/autonomy-pressure';
import { disclosureImpersonation } from '../../../server/src/rules/disclosure-impersonation';
import { piiLiteral } from '../../../server/src/rules/pii-literal';
import { piiSensitive } from '../../../server/src/rules/pii-sensitive';
import { humanClaims } from '../../../server/src/rules/support/human-claims';
import * as literals from '../../../server/src/rules/support/pii-literals';
import { asksForSensitiveData } from '../../../server/src/rules/support/pii-sensitive';
import { pressureIn } from '../../../server/src/rules/support/pressure';
import { placeholderKey, VariantMemo } from '../../../server/src/rules/support/text-memo';
import { ModelBuilder, runRules } from '../../support/model-builder';

const RULES = [disclosureImpersonation, autonomyPressure, piiSensitive, piiLiteral];

/** A text that no other test has used, so that its first use here is a memo miss. */
let fresh = 0;
const unique = (text: string) => `${text} Ref Zq${++fresh}x.`;

function piece(value: string, role: PieceRole = 'text', placeholders: Placeholder[] = [], at = 0): TextPiece {
  return { text: MappedText.verbatim('/t/domain.yml', value, at, { kind: 'raw' }), role, placeholders };
}

/** Counts the phrase-matcher scans (every word rule's first step) while `fn` runs. */
function countScans(fn: () => void): number {
  const original = PhraseMatcher.prototype.findAll;
  let calls = 0;
  PhraseMatcher.prototype.findAll = function (this: PhraseMatcher<unknown>, ...args: Parameters<typeof original>) {
    calls++;
    return original.apply(this, args);
  } as typeof original;
  try {
    fn();
  } finally {
    PhraseMatcher.prototype.findAll = original;
  }
  return calls;
}

describe('VariantMemo: per-text results by content and variant', () => {
  it('computes once per text and variant, keeps undefined, shares the result', () => {
    const memo = new VariantMemo<{ n: number } | undefined>();
    let calls = 0;
    const a = memo.get('hello', '', () => ({ n: ++calls }));
    assert.strictEqual(memo.get(['hel', 'lo'].join(''), '', () => ({ n: ++calls })), a, 'same content: the same result object');
    assert.deepStrictEqual(memo.get('hello', '3-5', () => ({ n: ++calls })), { n: 2 }, 'another variant is computed');
    assert.strictEqual(memo.get('none', '', () => (++calls, undefined)), undefined);
    assert.strictEqual(memo.get('none', '', () => (++calls, undefined)), undefined);
    assert.strictEqual(calls, 3);
  });

  it('names placeholders by their ranges, once per list', () => {
    assert.strictEqual(placeholderKey(piece('Hi {name}')), '');
    const list: Placeholder[] = [
      { variable: 'name', start: 3, end: 9, syntax: 'rasa' },
      { variable: 'x', start: 12, end: 15, syntax: 'rasa' },
    ];
    assert.strictEqual(placeholderKey(piece('Hi {name}, {x}', 'text', list)), '3-9,12-15');
    // a moved piece (an incremental re-parse) keeps its list and its key
    assert.strictEqual(placeholderKey(piece('Hi {name}, {x}', 'text', list, 500)), '3-9,12-15');
  });
});

describe('word rules: remembered results depend on every input, in either order', () => {
  it('human claims: spoken text vs button, with and without a placeholder over the claim', () => {
    const text = unique("Hello, I'm a real person.");
    const claim = { start: 7, end: 24, category: 'human-claim', found: "I'm a real person", appended: false };
    assert.deepStrictEqual(humanClaims(piece(text, 'button')), [], 'a button is the user speaking');
    assert.deepStrictEqual(humanClaims(piece(text, 'text', [{ variable: 'x', start: 7, end: 24, syntax: 'rasa' }])), [], 'inside a placeholder');
    assert.deepStrictEqual(humanClaims(piece(text)), [claim]);
    assert.deepStrictEqual(humanClaims(piece(text, 'quick-reply')), []);
    assert.deepStrictEqual(humanClaims(piece(text, 'card', [], 900)), [claim], 'decoded indices, wherever the text stands');
  });

  it('pressure: confirmshaming only in a choice, whichever is seen first', () => {
    const a = unique("No thanks, I don't like saving money");
    const shame = [{ start: 11, end: 36, category: 'confirmshaming', found: "I don't like saving money" }];
    assert.deepStrictEqual(pressureIn(piece(a)), []);
    assert.deepStrictEqual(pressureIn(piece(a, 'button')), shame);
    const b = unique("No thanks, I don't like saving money");
    assert.deepStrictEqual(pressureIn(piece(b, 'quick-reply')), shame);
    assert.deepStrictEqual(pressureIn(piece(b, 'text')), []);
    const urgent = unique('Only today: book now!');
    const hidden = [{ variable: 'deal', start: 0, end: 10, syntax: 'rasa' as const }];
    assert.deepStrictEqual(pressureIn(piece(urgent, 'text', hidden)), [], 'inside a placeholder');
    assert.deepStrictEqual(pressureIn(piece(urgent)), [{ start: 0, end: 10, category: 'urgency', found: 'Only today' }]);
  });

  it('sensitive data: a prompt needs no "you", other text does, whichever is seen first', () => {
    const a = unique('Any allergies?');
    assert.strictEqual(asksForSensitiveData(piece(a), false), undefined);
    assert.deepStrictEqual(asksForSensitiveData(piece(a), true), { category: 'health', found: 'allergie' });
    const b = unique('Any allergies?');
    assert.deepStrictEqual(asksForSensitiveData(piece(b), true), { category: 'health', found: 'allergie' });
    assert.strictEqual(asksForSensitiveData(piece(b), false), undefined);
    assert.strictEqual(asksForSensitiveData(piece(b, 'button'), true), undefined);
  });

  it('literals: the stand-in follows the language, a placeholder hides the number', () => {
    const domain = new ModelBuilder('/t/domain.yml');
    const mail = 'Write to sabine.hoffmann71@web.de';
    domain.message('utter_de', [mail], { lang: 'de' });
    domain.message('utter_en', [mail], { lang: 'en' });
    domain.message('utter_de2', [mail], { lang: 'de' });
    domain.message('utter_hidden', ['Card {4539-1488-0343-6467} saved']);
    // the same text, but as the builder's parser finds no placeholder in it
    const shown = domain.piece('Card {4539-1488-0343-6467} saved');
    shown.placeholders = [];
    domain.model.messages.push({ id: 'utter_shown', file: domain.file, declaration: { start: 0, end: 0 }, role: 'response', variations: [{ pieces: [shown] }] });
    const files = [domain.build()];
    const findings = runRules([piiLiteral], files);
    assert.deepStrictEqual(
      findings.map((f) => [f.details?.kind, files[0].text.slice(f.start, f.end), f.fixes[0].title.args?.[0]]),
      [
        ['email', 'sabine.hoffmann71@web.de', 'erika.mustermann@example.com'],
        ['email', 'sabine.hoffmann71@web.de', 'jane.doe@example.com'],
        ['email', 'sabine.hoffmann71@web.de', 'erika.mustermann@example.com'],
        ['card', '4539-1488-0343-6467', '4111-1111-1111-1111'],
      ],
    );
    assert.strictEqual(findings[3].start, shown.text.range(6, 25).start);
  });
});

describe('word rules after an edit', () => {
  const DOMAIN = [
    'version: "3.1"',
    'responses:',
    '  utter_a:',
    '  - text: Hello there.',
    '  utter_claim:',
    "  - text: Don't worry, I'm a real person.",
    '  utter_claim_quoted:',
    '  - text: "Don\'t worry, I\\x27m a real person."',
    '  utter_offer:',
    '  - text: Only today, book now!',
    '  utter_card:',
    '  - text: Your card 4539 1488 0343 6467 is saved.',
    '  utter_ask_health:',
    '  - text: What is your diagnosis?',
    '',
  ].join('\n');

  /** [rule, covered source text, start] per finding of the domain. */
  function summary(findings: Finding[], text: string): [string, string, number][] {
    return findings.map((f) => [f.code, text.slice(f.start, f.end), f.start]);
  }

  function expected(text: string): [string, string, number][] {
    const at = (s: string, from = 0) => {
      const i = text.indexOf(s, from);
      assert.ok(i >= 0, s);
      return i;
    };
    const quoted = at('"Don');
    return [
      ['disclosure.impersonation', "I'm a real person", at("I'm a real person")],
      ['disclosure.impersonation', 'I\\x27m a real person', at('I\\x27m', quoted)],
      ['autonomy.pressure', 'Only today', at('Only today')],
      ['pii.literal', '4539 1488 0343 6467', at('4539')],
      ['pii.sensitive', 'What is your diagnosis?', at('What is your')],
    ];
  }

  it('lands every finding on its text as it now stands (same findings as a fresh check)', () => {
    const project = new BotProject('/t');
    const key = '/t/domain.yml';
    project.update(key, DOMAIN, 1);
    const checker = new Checker(RULES);
    assert.deepStrictEqual(summary(checker.check(project.conversation(), DEFAULT_CONFIG).get(key)!, DOMAIN), expected(DOMAIN));

    // text inserted before all of them: every remembered result moves with its text
    const edited = DOMAIN.replace('Hello there.', 'Hello there, and welcome back.');
    project.update(key, edited, 2);
    const after = checker.check(project.conversation(), DEFAULT_CONFIG).get(key)!;
    assert.deepStrictEqual(summary(after, edited), expected(edited));
    assert.strictEqual(after[0].start - 18, expected(DOMAIN)[0][2]);

    const freshProject = new BotProject('/t');
    freshProject.update(key, edited, 1);
    assert.deepStrictEqual(after, new Checker(RULES).check(freshProject.conversation(), DEFAULT_CONFIG).get(key), 'fixes and messages too');
  });

  it('scans only the texts it has not seen: copies of seen texts are looked up', () => {
    const texts = Array.from({ length: 30 }, (_, i) => unique(`Reply ${i}: only today, I'm a real person, any allergies? Mail tom.b${i}@web.de`));
    const pieces = () => texts.map((t, i) => piece(t, 'text', [], i * 200));
    const all = (list: TextPiece[]) => {
      for (const p of list) {
        humanClaims(p);
        pressureIn(p);
        asksForSensitiveData(p, false);
      }
    };
    assert.ok(countScans(() => all(pieces())) >= 30, 'first sight: scanned');
    assert.strictEqual(countScans(() => all(pieces())), 0, 'new pieces, same texts: no scan');
    const changed = pieces();
    changed[7] = piece(texts[7] + ' More.', 'text', [], 1400);
    const scans = countScans(() => all(changed));
    assert.ok(scans > 0 && scans < 10, `one changed text: ${scans} scans`);
  });

  it('pii.literal looks up literals of texts it has seen', () => {
    const build = () => {
      const nlu = new ModelBuilder('/t/data/nlu.yml');
      for (let i = 0; i < 20; i++) nlu.example(`my card is 4539 1488 0343 6467 and mail ann.k${fresh}x${i}@web.de`, 'inform');
      return [nlu.build()];
    };
    fresh++;
    const original = literals.findLiterals;
    let calls = 0;
    const counting: typeof original = (...args) => (calls++, original(...args));
    (literals as { findLiterals: typeof original }).findLiterals = counting;
    try {
      const first = runRules([piiLiteral], build());
      assert.strictEqual(calls, 20);
      const second = runRules([piiLiteral], build());
      assert.strictEqual(calls, 20, 'the same texts in a new model: no scan');
      assert.deepStrictEqual(second, first);
      assert.strictEqual(first.length, 40);
    } finally {
      (literals as { findLiterals: typeof original }).findLiterals = original;
    }
  });
});
