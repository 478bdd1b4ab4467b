import * as assert from 'assert';
import { autonomyPressure } from '../../../server/src/rules/autonomy-pressure';
import { ModelBuilder, runRules } from '../../support/model-builder';
import { SUPPRESS, assertTranslated, texts } from './disclosure-helpers';

const run = (files: ReturnType<ModelBuilder['build']>[], config = {}) => runRules([autonomyPressure], files, config);

/** The phrases reported in one text piece (a response variation, or a button title). */
function reported(text: string, role: 'text' | 'button' | 'quick-reply' = 'text'): string[] {
  const b = new ModelBuilder('/bot/domain.yml');
  b.message('utter_x', [[{ text, role }]]);
  const files = [b.build()];
  return texts(files, run(files));
}

describe('autonomy.pressure', () => {
  it('reports false urgency on the phrase as a warning without a fix of its own', () => {
    const b = new ModelBuilder('/bot/domain.yml');
    b.message('utter_offer', ['Only today: 20% off all plans. Act now!', 'Nur heute: 10 % Rabatt – letzte Chance!']);
    const files = [b.build()];
    const findings = run(files);
    assert.deepStrictEqual(texts(files, findings), ['Only today', 'Act now', 'Nur heute', 'letzte Chance']);
    assert.ok(findings.every((f) => f.severity === 'warning'));
    assert.deepStrictEqual(findings[0].fixes.map((x) => x.title.template), [SUPPRESS]);
    assert.deepStrictEqual(findings[0].message, { template: '"{0}" creates false urgency, which pushes users to decide before they have thought it over.', args: ['Only today'] });
    assert.strictEqual(findings[0].details?.category, 'urgency');
    assertTranslated(findings);
  });

  const urgency: [string, string[]][] = [
    ['Hurry, the offer expires soon!', ['Hurry', 'offer expires']],
    ["Don't miss out on our summer deal.", ["Don't miss out"]],
    ['Only 3 left in stock!', ['Only 3 left in stock']],
    ['This deal is available for a limited time only.', ['for a limited time']],
    ['Upgrade now before it\'s too late.', ["before it's too late"]],
    ['Jetzt zugreifen, solange der Vorrat reicht!', ['Jetzt zugreifen', 'solange der Vorrat reicht']],
    ['Seien Sie schnell, das Angebot endet bald.', ['Seien Sie schnell', 'Angebot endet']],
    ['Nur noch 2 verfügbar!', ['Nur noch 2 verfügbar']],
    ['Nur noch wenige Plätze frei.', ['Nur noch wenige Plätze']],
    ['Only a few seats left!', ['Only a few seats left']],
    ['Nur noch 2 Plätze frei!', ['Nur noch 2 Plätze frei']],
    ['This offer is only valid today!', ['only valid today']],
    ['Valid until midnight!', ['until midnight']],
    ['This rate is only available today, lock it in!', ['only available today']],
    ['Dieser Tarif ist nur heute erhältlich.', ['nur heute erhältlich']],
    ['Das Angebot ist nur noch heute verfügbar.', ['nur noch heute verfügbar']],
  ];
  for (const [text, phrases] of urgency) it(`finds urgency in: ${text}`, () => assert.deepStrictEqual(reported(text), phrases));

  const calm = [
    "Today we're open until 6.",
    'Our branch is open only today until 2pm.',
    'Nur heute bis 14 Uhr erreichbar.',
    'No need to hurry, take your time.',
    "In a hurry? Here's the short version.",
    'The offer ends on 31 March.',
    'Das Angebot endet am 31.12.',
    'You have only 3 attempts left.',
    'Nur noch wenige Schritte, dann sind wir fertig.',
    'Das kann schnell sein.',
    "Only today's transactions are shown.",
    'Leave us a review!',
    'Sie können sich auf uns verlassen.',
    'We will miss nothing: your data is saved.',
    'Kein Grund zur Eile, nehmen Sie sich Zeit.',
    'See https://acme.example/last-chance for details.',
    'You have only 3 remaining attempts.',
    'Sie haben nur noch 2 frei.',
    'Our hotline is available until midnight.',
    "We're only available today until 6pm.",
    'Our advisors are only available today by phone.',
    'Unser Team ist nur heute verfügbar, ab morgen per E-Mail.',
  ];
  for (const text of calm) it(`finds nothing in: ${text}`, () => assert.deepStrictEqual(reported(text), []));

  const guilt: [string, string[]][] = [
    ['Are you sure you want to leave us?', ['want to leave us']],
    ["We'll be sad to see you go.", ["We'll be sad"]],
    ['Wollen Sie uns wirklich verlassen?', ['uns wirklich verlassen']],
    ['Wirklich? Schade, wir dachten, Sie wären interessiert.', ['Schade, wir dachten']],
    ['Sie lassen uns im Stich?', ['lassen uns im Stich']],
    ['Are you really leaving us?', ['really leaving us']],
  ];
  for (const [text, phrases] of guilt) {
    it(`finds guilt-tripping in: ${text}`, () => {
      const b = new ModelBuilder('/bot/domain.yml');
      b.message('utter_x', [text]);
      const files = [b.build()];
      const findings = run(files);
      assert.deepStrictEqual(texts(files, findings), phrases);
      assert.ok(findings.every((f) => f.details?.category === 'guilt'));
    });
  }

  const shaming: [string, string][] = [
    ["No thanks, I don't like saving money", "I don't like saving money"],
    ["No thanks, I don't want free shipping", "I don't want free shipping"],
    ["No thanks, I'll pay full price", "I'll pay full price"],
    ['Nein danke, ich zahle lieber mehr', 'ich zahle lieber mehr'],
    ['Nein danke, ich verzichte auf Rabatte', 'ich verzichte auf Rabatte'],
    ['Nein, meine Sicherheit ist mir egal', 'meine Sicherheit ist mir egal'],
    ["No, I'll stay unprotected", "I'll stay unprotected"],
  ];
  for (const [title, phrase] of shaming) {
    it(`finds confirmshaming in the button "${title}"`, () => {
      const b = new ModelBuilder('/bot/domain.yml');
      b.message('utter_offer', [[{ text: 'Want 10% off your next order?' }, { text: 'Yes please', role: 'button' }, { text: title, role: 'button' }]]);
      const files = [b.build()];
      const findings = run(files);
      assert.deepStrictEqual(texts(files, findings), [phrase]);
      assert.strictEqual(findings[0].details?.category, 'confirmshaming');
      assertTranslated(findings);
    });
  }

  const fairChoices = ['No thanks', 'No, I don\'t want the newsletter', 'No, I don\'t want a discount code', 'I want to pay more this month', "I'd rather pay by card", 'Nein danke, ich verzichte', 'Nein, ich möchte keinen Newsletter', 'Nein, ich möchte keine kostenlose Beratung', "No, I'd rather talk to a human", 'No, I don\'t need help'];
  for (const title of fairChoices) it(`accepts the fair choice "${title}"`, () => assert.deepStrictEqual(reported(title, 'quick-reply'), []));

  it('looks for confirmshaming only in buttons and quick replies', () => {
    assert.deepStrictEqual(reported("No thanks, I don't like saving money"), []);
    assert.deepStrictEqual(reported("No thanks, I don't like saving money", 'quick-reply'), ["I don't like saving money"]);
  });

  it('never looks at user training examples', () => {
    const b = new ModelBuilder('/bot/data/nlu.yml');
    b.example('only today, hurry, last chance', 'buy');
    assert.deepStrictEqual(run([b.build()]), []);
  });
});
