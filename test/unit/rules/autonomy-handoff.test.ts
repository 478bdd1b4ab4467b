import * as assert from 'assert';
import { autonomyHandoff } from '../../../server/src/rules/autonomy-handoff';
import { offersHuman } from '../../../server/src/rules/support/human-contact';
import { ModelBuilder, runRules } from '../../support/model-builder';
import { SUPPRESS, assertTranslated, domain, texts } from './disclosure-helpers';

const run = (files: ReturnType<ModelBuilder['build']>[], config = {}) => runRules([autonomyHandoff], files, config);

/** A small bot that answers but never offers a human. */
function closedBot(extra: string[] = []): ModelBuilder {
  const d = domain();
  d.raw('version: "3.1"');
  d.message('utter_greet', ["Hi! I'm the ACME bot."]);
  d.message('utter_balance', ['Your balance is shown in the app.', ...extra]);
  return d;
}

describe('autonomy.handoff', () => {
  it('reports a bot without any way to a human once, on the first line of the main file, as info without fix', () => {
    const responses = new ModelBuilder('/bot/data/responses.yml');
    responses.message('utter_bye', ['Goodbye!']);
    const files = [closedBot().build(), responses.build()];
    const findings = run(files);
    assert.strictEqual(findings.length, 1);
    const [f] = findings;
    assert.strictEqual(f.file, '/bot/domain.yml');
    assert.deepStrictEqual(texts(files, findings), ['version: "3.1"']);
    assert.strictEqual(f.start, 0);
    assert.strictEqual(f.severity, 'info');
    assert.deepStrictEqual(f.fixes.map((x) => x.title.template), [SUPPRESS]);
    assertTranslated(findings);
  });

  it('reports on the main file with the highest root priority, at 0..0 when its first line is empty', () => {
    const child = new ModelBuilder('/bot/dialogs/child.dialog', 'dialog', { kind: 'json' }).root(1);
    child.message('child.text', ['Pick a date.']);
    const main = new ModelBuilder('/bot/bot.dialog', 'dialog', { kind: 'json' }).root(10);
    main.raw('');
    main.message('main.text', ['Welcome!']);
    const files = [child.build(), main.build()];
    const [f] = run(files);
    assert.deepStrictEqual([f.file, f.start, f.end], ['/bot/bot.dialog', 0, 0]);
  });

  it('is satisfied by any handoff marker the parsers found', () => {
    for (const kind of ['action', 'live-agent', 'flow', 'activity'] as const) {
      const d = closedBot().handoff('action_handoff', kind);
      assert.deepStrictEqual(run([d.build()]), [], kind);
    }
  });

  it('judges a handoff intent by its answer when the model shows it', () => {
    const unknown = closedBot().handoff('human_handoff', 'intent');
    assert.deepStrictEqual(run([unknown.build()]), [], 'an intent without known answers counts');

    const custom = closedBot().handoff('human_handoff', 'intent').intent('human_handoff', ['utter_sorry']);
    custom.model.intents[0].opaqueResponse = true;
    assert.deepStrictEqual(run([custom.build()]), [], 'custom code may hand over');

    const none = closedBot().handoff('human_handoff', 'intent').intent('human_handoff', ['utter_no_human']);
    none.message('utter_no_human', ["I'm sorry, I can't transfer you to a human agent right now."]);
    assert.strictEqual(run([none.build()]).length, 1, 'an answer that says no human is available does not count');
  });

  it('counts an intent asking for a human whose answer runs custom code', () => {
    const d = closedBot().intent('talk_to_agent', []);
    d.model.intents[0].opaqueResponse = true;
    assert.deepStrictEqual(run([d.build()]), []);
    const challenge = closedBot().intent('are_you_human', []);
    challenge.model.intents[0].opaqueResponse = true;
    assert.strictEqual(run([challenge.build()]).length, 1, 'a bot challenge is no request for a human');
  });

  const offers = [
    'Would you like to speak to a person?',
    'I can connect you with a colleague.',
    'Call us at 0800 123 456.',
    'Our team at support@acme.example is happy to help.',
    'An agent will get back to you within a day.',
    "Don't hesitate to contact us.",
    'Please use our contact form: https://acme.example/contact',
    'Möchten Sie mit einem Menschen sprechen?',
    'Ich leite Sie an eine Mitarbeiterin weiter.',
    'Unseren Kundenservice erreichen Sie unter 0800 123 456.',
    'Rufen Sie uns an!',
    'Ein Mensch meldet sich gleich bei Ihnen.',
    'Hotline: 0800 123 456',
    'Tel. +49 30 1234567',
    'Schreiben Sie an service@stadt.example.',
    'Wir melden uns bei Ihnen.',
    'A specialist will contact you.',
  ];
  for (const text of offers) {
    it(`is satisfied by bot text that offers a human: ${text}`, () => {
      assert.strictEqual(offersHuman(text), true);
      assert.deepStrictEqual(run([closedBot([text]).build()]), []);
    });
  }

  const noOffers = [
    'Sorry, no human is available right now.',
    "I'm afraid I can't transfer you to a human agent.",
    'Leider ist gerade kein Mitarbeiter verfügbar.',
    'Leider kann ich Sie nicht mit einem Menschen verbinden.',
    'Thanks for contacting us!',
    'Your order number is 0123456789.',
    'Welcome to ACME customer service!',
    'Bitte schreiben Sie uns Ihre Frage.',
    'Please enter your phone number.',
    'Replies come from noreply@acme.example.',
  ];
  for (const text of noOffers) {
    it(`is not satisfied by: ${text}`, () => {
      assert.strictEqual(offersHuman(text), false);
      assert.strictEqual(run([closedBot([text]).build()]).length, 1);
    });
  }

  it('says nothing about a folder without bot text or without a main file', () => {
    const nlu = domain();
    nlu.example('hello there', 'greet');
    assert.deepStrictEqual(run([nlu.build()]), [], 'NLU only is no bot');
    const fragment = new ModelBuilder('/bot/language-generation/en-us/common.en-us.lg', 'lg', { kind: 'lg' });
    fragment.message('Help', ['I can check your balance.']);
    assert.deepStrictEqual(run([fragment.build()]), [], 'a lone fragment is not judged');
  });
});
