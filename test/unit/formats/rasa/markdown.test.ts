import * as assert from 'assert';
import { rasaMarkdownParser } from '../../../../server/src/formats/rasa';
import { find, parseMd, slice } from './helpers';

describe('rasa-md: Rasa 1.x Markdown training data', () => {
  it('reads nlu examples with annotations, skipping synonyms, regexes, lookups and comments', () => {
    const src = [
      '<!-- training data',
      '## intent:fake -->',
      '## intent:greet',
      '- hey',
      '* hallo du  ',
      '',
      '##intent:inform',
      '- my mail is [jane@corp.com](email)',
      '- [Berlin]{"entity": "city", "value": "BER"} please',
      '',
      '## synonym:hospital',
      '- clinic',
      '## regex:zip',
      '- [0-9]{5}',
      '## lookup:city',
      '- Hamburg',
      '',
    ].join('\r\n');
    const model = parseMd(src, 'data/nlu.md');
    assert.strictEqual(model.format, 'rasa-md');
    assert.deepStrictEqual(
      model.examples.map((e) => [e.intent, e.text.value, slice(src, e.text.fullRange)]),
      [
        ['greet', 'hey', 'hey'],
        ['greet', 'hallo du', 'hallo du'],
        ['inform', 'my mail is [jane@corp.com](email)', 'my mail is [jane@corp.com](email)'],
        ['inform', '[Berlin]{"entity": "city", "value": "BER"} please', '[Berlin]{"entity": "city", "value": "BER"} please'],
      ],
    );
    const mail = model.examples[2].text;
    const i = mail.value.indexOf('jane');
    assert.deepStrictEqual(mail.range(i, i + 4), find(src, 'jane'));
    assert.deepStrictEqual(mail.encoding, { kind: 'raw' });
  });

  it('reads stories: greeting sequences, OR, events, checkpoints, e2e user text', () => {
    const src = [
      '## happy path',
      '* greet',
      '  - utter_greet',
      '  - slot{"shown": true}',
      '  - utter_iamabot',
      '* mood_great{"mood": "good"} OR mood_ok',
      '  - utter_happy',
      '',
      '## dialogflow style',
      '* Default Welcome Intent',
      '\t- utter_welcome_df',
      '',
      '## custom code first',
      '* start{"bot_introduced": "False"}',
      '  - action_check_intro',
      '  - form{"name": "intro_form"}',
      '  - utter_intro_text',
      '',
      '## continued',
      '> after_intro',
      '* greet',
      '  - utter_not_a_greeting',
      '',
      '## e2e',
      '* bot_challenge: are you a bot?',
      '  - utter_iamabot',
      '* human_handoff',
      '  - action_handoff',
      '',
    ].join('\n');
    const model = parseMd(src, 'data/stories.md');
    assert.deepStrictEqual(
      model.greetings.map((g) => [g.messages, g.opaque, slice(src, g.at)]),
      [
        [['utter_greet', 'utter_iamabot'], undefined, 'utter_greet\n  - slot{"shown": true}\n  - utter_iamabot'],
        [['utter_welcome_df'], undefined, 'utter_welcome_df'],
        [['utter_intro_text'], true, 'action_check_intro\n  - form{"name": "intro_form"}\n  - utter_intro_text'],
      ],
    );
    assert.deepStrictEqual(
      model.intents.map((i) => [i.name, i.responses, slice(src, i.declaration)]),
      [
        ['greet', ['utter_greet', 'utter_iamabot', 'utter_not_a_greeting'], 'greet'],
        ['mood_great', ['utter_happy'], 'mood_great'],
        ['mood_ok', ['utter_happy'], 'mood_ok'],
        ['Default Welcome Intent', ['utter_welcome_df'], 'Default Welcome Intent'],
        ['start', ['utter_intro_text'], 'start'],
        ['bot_challenge', ['utter_iamabot'], 'bot_challenge'],
        ['human_handoff', [], 'human_handoff'],
      ],
    );
    assert.deepStrictEqual(model.examples.map((e) => [e.intent, e.text.value, slice(src, e.text.fullRange)]), [['bot_challenge', 'are you a bot?', 'are you a bot?']]);
    assert.deepStrictEqual(
      model.handoffs.map((h) => [h.kind, h.name, slice(src, h.at)]),
      [
        ['intent', 'human_handoff', 'human_handoff'],
        ['action', 'action_handoff', 'action_handoff'],
      ],
    );
    assert.strictEqual(model.intents.find((i) => i.name === 'human_handoff')?.opaqueResponse, true);
  });

  it('claims only Markdown with Rasa markers, never README prose', () => {
    const claims = (p: string, t: string): boolean => rasaMarkdownParser.claims(p, t);
    assert.ok(claims('data/nlu.md', '## intent:greet\n- hi\n'));
    assert.ok(claims('data/stories.md', '<!-- c -->\n## path\n* greet\n  - utter_greet\n'));
    assert.ok(!claims('README.md', '# My bot\n\n## Install\n* Install Rasa\n  - pip install rasa\n\n## Usage\n* run\n  - rasa shell\n'));
    assert.ok(!claims('CHANGELOG.md', '## 1.0\n* fixed\n  - things\n'));
    assert.ok(!claims('data/nlu.yml', '## intent:greet\n- hi\n'));
    assert.ok(!claims('docs/intents.md', 'Write `## intent:greet` headers.\n'));
  });
});
