/**
 * ctx.langOf is remembered by text content, not per variation: the answer
 * for a piece or a whole variation never depends on which rule asked first.
 */
import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../../server/src/core/config';
import { Checker } from '../../../server/src/core/engine';
import { mergeProject } from '../../../server/src/core/model';
import type { Rule, RuleContext } from '../../../server/src/core/rule';
import { ModelBuilder } from '../../support/model-builder';

function asking(id: 'bias.wording' | 'pii.literal', ask: (ctx: RuleContext, file: Parameters<NonNullable<Rule['checkFile']>>[0]) => string, out: string[]): Rule {
  return {
    id,
    description: 'test double',
    tags: [],
    defaultSeverity: 'info',
    sources: [],
    explain: { en: { title: 't', why: 'w', fix: 'f' }, de: { title: 't', why: 'w', fix: 'f' } },
    checkFile: (file, ctx) => void out.push(`${id}: ${ask(ctx, file)}`),
  };
}

describe('langOf: by content, whatever the order rules ask in', () => {
  const b = new ModelBuilder('/p/domain.yml');
  b.message('utter_offer', [
    [
      { text: 'Hello, how can I help you with your order today? We can change the address or the date.' },
      { text: 'Ja, bitte gerne', role: 'button' },
    ],
  ]);
  const model = mergeProject([b.build()]);
  const variation = model.messages[0].variations[0];
  const button = variation.pieces[1];

  for (const order of [['piece first', 'whole first'], ['whole first', 'piece first']]) {
    it(`${order[0]}: the button is German, the variation English`, () => {
      const out: string[] = [];
      const byPiece = asking('bias.wording', (ctx) => ctx.langOf(variation, button), out);
      const whole = asking('pii.literal', (ctx) => ctx.langOf(variation), out);
      new Checker(order[0] === 'piece first' ? [byPiece, whole] : [whole, byPiece]).check(model, DEFAULT_CONFIG);
      assert.deepStrictEqual(out.sort(), ['bias.wording: de', 'pii.literal: en']);
    });
  }
});
