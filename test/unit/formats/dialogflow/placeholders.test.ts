import * as assert from 'assert';
import { cxPlaceholders, esPlaceholders } from '../../../../server/src/formats/dialogflow/placeholders';

function show(text: string, found: { variable: string; start: number; end: number }[]): [string, string][] {
  return found.map((p) => [p.variable, text.slice(p.start, p.end)]);
}

describe('Dialogflow placeholders', () => {
  it('ES: $param, $param.original, #context.param(.original), hyphens', () => {
    const t = 'Hi $given-name, $email.original. #ctx.phone-number.original and #ctx.zip! $x.originality';
    assert.deepStrictEqual(show(t, esPlaceholders(t)), [
      ['given-name', '$given-name'],
      ['email', '$email.original'],
      ['phone-number', '#ctx.phone-number.original'],
      ['zip', '#ctx.zip'],
      ['x', '$x'],
    ]);
  });

  it('ES: prices, hashtags, escaped and glued dollars are not placeholders', () => {
    const t = 'Only $5 or US$5, #1 choice, #hashtag, \\$email, &#39;x.y, end-';
    assert.deepStrictEqual(esPlaceholders(t), []);
    assert.deepStrictEqual(show('$name-', esPlaceholders('$name-')), [['name', '$name']]);
  });

  it('CX: session, page, intent, flow, request references; field access; $sys is no data', () => {
    const t = 'To $session.params.email. $page.params.status, $intent.params.city.original $flow.zip-code $session.params.address.street $request.knowledge.answers[0] $sys.func.ADD(1, 2) $last-user-utterance';
    assert.deepStrictEqual(show(t, cxPlaceholders(t)), [
      ['session.params.email', '$session.params.email'],
      ['page.params.status', '$page.params.status'],
      ['intent.params.city', '$intent.params.city.original'],
      ['flow.zip-code', '$flow.zip-code'],
      ['session.params.address', '$session.params.address.street'],
      ['request.knowledge.answers[0]', '$request.knowledge.answers[0]'],
    ]);
  });

  it('CX: a reference that ends a sentence or a JSON string stops before the delimiter', () => {
    const t = '{"to": "$session.params.email"} and $flow.name.';
    assert.deepStrictEqual(show(t, cxPlaceholders(t)), [
      ['session.params.email', '$session.params.email'],
      ['flow.name', '$flow.name'],
    ]);
  });
});
