/**
 * The precision/recall evaluation (test/eval, docs/evaluation.md) as a test:
 * the hand-labelled bots must be consistent, parse cleanly, cover every rule,
 * language and format, and the rules must stay above the measured floor.
 * The thresholds are the numbers measured when the set was written, rounded
 * down: a rule change that adds false positives or loses findings fails here.
 */
import * as assert from 'assert';
import { RULE_IDS, type RuleId } from '../../../server/src/core/findings';
import type { BotGold } from '../../eval/gold';
import { matchBot, scores, tally, total, type Reported } from '../../eval/match';
import { evaluate, formatReport, type Evaluation } from '../../eval/score';

/** Overall floors (measured when the set was written: precision 0.96, recall 0.86). */
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.8;
/** No single rule may become mostly noise. */
const MIN_RULE_PRECISION = 0.7;

describe('evaluation set (test/eval/bots)', function () {
  this.timeout(120_000);
  let result: Evaluation;

  before(async () => {
    result = await evaluate();
  });

  it('has consistent gold labels: each names an existing file and a line holding its text', () => {
    assert.deepStrictEqual(result.goldProblems, []);
  });

  it('has at least 8 bots in both languages and every format family', () => {
    const bots = result.outcomes.map((o) => o.bot);
    assert.ok(bots.length >= 8, `${bots.length} bots`);
    assert.deepStrictEqual([...new Set(bots.map((b) => b.language))].sort(), ['de', 'en']);
    assert.deepStrictEqual([...new Set(bots.map((b) => b.format))].sort(), ['botframework', 'dialogflow-cx', 'dialogflow-es', 'rasa', 'rasa-md']);
  });

  it('expects findings of every rule in both languages', () => {
    for (const lang of ['en', 'de'] as const) {
      const rules = new Set(result.outcomes.filter((o) => o.bot.language === lang).flatMap((o) => o.bot.findings.map((g) => g.rule)));
      const missing = RULE_IDS.filter((r) => !rules.has(r));
      assert.deepStrictEqual(missing, [], `${lang}: no expected findings for ${missing.join(', ')}`);
    }
  });

  it('parses every bot without errors', () => {
    assert.deepStrictEqual(
      result.outcomes.flatMap((o) => o.errors.map((e) => `${e.bot}/${e.file}:${e.line} ${e.message}`)),
      [],
    );
  });

  it(`keeps overall precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL}`, () => {
    const s = scores(total(result.outcomes));
    const report = formatReport(result);
    assert.ok((s.precision ?? 0) >= MIN_PRECISION, `precision ${s.precision}\n${report}`);
    assert.ok((s.recall ?? 0) >= MIN_RECALL, `recall ${s.recall}\n${report}`);
  });

  it(`keeps every rule's precision ≥ ${MIN_RULE_PRECISION} and finds something of every rule`, () => {
    const byRule = tally(result.outcomes, (_b, rule) => rule);
    for (const rule of RULE_IDS) {
      const s = scores(byRule.get(rule) ?? { tp: 0, fp: 0, fn: 0 });
      assert.ok(s.precision === undefined || s.precision >= MIN_RULE_PRECISION, `${rule}: precision ${s.precision} (${s.fp} false positives)`);
      assert.ok(s.tp > 0, `${rule}: no expected finding found`);
    }
  });
});

describe('evaluation matching', () => {
  const bot: BotGold = {
    name: 'b',
    dir: '/nowhere',
    description: '',
    language: 'en',
    format: 'rasa',
    scope: RULE_IDS.filter((r) => r !== 'autonomy.handoff'),
    traps: [],
    findings: [
      { file: 'domain.yml', rule: 'pii.echo', line: 10, text: 'sent to {email}' },
      { file: 'domain.yml', rule: 'bias.wording', line: 12, text: 'guys' },
      { file: 'domain.yml', rule: 'disclosure.missing', line: 3, text: 'Hello!' },
    ],
  };
  const found = (rule: RuleId | 'parse.error', line: number, covered: string): Reported => ({ bot: 'b', file: 'domain.yml', rule, line, column: 1, message: '', covered });

  it('matches same file, rule and line when the covered text is part of the gold text or contains it', () => {
    const o = matchBot(bot, [found('pii.echo', 10, '{email}'), found('disclosure.missing', 3, 'Hello! How can I help?')]);
    assert.deepStrictEqual(
      o.tp.map((t) => t.gold.rule),
      ['pii.echo', 'disclosure.missing'],
    );
    assert.deepStrictEqual(o.fn.map((g) => g.rule), ['bias.wording']);
    assert.deepStrictEqual(o.fp, []);
  });

  it('counts a duplicate, another line or other text as a false positive', () => {
    const dup = found('pii.echo', 10, '{email}');
    const elsewhere = found('bias.wording', 13, 'guys');
    const otherText = found('bias.wording', 12, 'chairman');
    const o = matchBot(bot, [found('pii.echo', 10, '{email}'), dup, elsewhere, otherText]);
    assert.strictEqual(o.tp.length, 1);
    assert.deepStrictEqual(o.fp, [dup, elsewhere, otherText]);
    assert.deepStrictEqual(o.fn.map((g) => g.rule), ['bias.wording', 'disclosure.missing']);
  });

  it('keeps rules outside the scope and parse errors out of the score', () => {
    const o = matchBot(bot, [found('autonomy.handoff', 1, ''), found('parse.error', 2, 'x')]);
    assert.strictEqual(o.unscored.length, 1);
    assert.strictEqual(o.errors.length, 1);
    assert.deepStrictEqual(total([o]), { tp: 0, fp: 0, fn: 3 });
  });

  it('computes precision, recall and F1, undefined where nothing was reported or expected', () => {
    assert.deepStrictEqual(scores({ tp: 3, fp: 1, fn: 1 }), { tp: 3, fp: 1, fn: 1, precision: 0.75, recall: 0.75, f1: 0.75 });
    assert.deepStrictEqual(scores({ tp: 0, fp: 0, fn: 2 }), { tp: 0, fp: 0, fn: 2, precision: undefined, recall: 0, f1: undefined });
  });
});
