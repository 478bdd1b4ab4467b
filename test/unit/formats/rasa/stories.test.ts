import * as assert from 'assert';
import { find, parseRasa, slice } from './helpers';

describe('rasa: stories and rules', () => {
  it('finds the greeting sequence after an opening greet intent', () => {
    const src = [
      'version: "3.1"',
      'stories:',
      '- story: happy path',
      '  steps:',
      '  - intent: greet',
      '  - action: utter_greet',
      '  - action: utter_iamabot',
      '  - intent: mood_great',
      '  - action: utter_happy',
      '- story: another opening',
      '  steps:',
      '  - intent: greet',
      '  - action: utter_greet',
      '  - action: utter_iamabot',
      '',
    ].join('\n');
    const model = parseRasa(src, 'data/stories.yml');
    assert.deepStrictEqual(model.errors, []);
    // one greeting for both stories, spanning the two actions of the first
    assert.deepStrictEqual(model.greetings, [
      { messages: ['utter_greet', 'utter_iamabot'], basis: 'structural', file: 'data/stories.yml', at: { start: find(src, 'utter_greet').start, end: find(src, 'utter_iamabot').end } },
    ]);
    assert.deepStrictEqual(
      model.intents.map((i) => [i.name, i.responses, slice(src, i.declaration)]),
      [
        ['greet', ['utter_greet', 'utter_iamabot'], 'greet'],
        ['mood_great', ['utter_happy'], 'mood_great'],
      ],
    );
    assert.strictEqual(model.rootPriority, undefined);
  });

  it('marks a greeting opaque when custom code runs in it; action_listen ends it', () => {
    const src = [
      'stories:',
      '- story: custom greeting',
      '  steps:',
      '  - intent: greet',
      '  - action: action_greet_user',
      '  - action: utter_intro',
      '  - action: action_listen',
      '  - action: utter_not_in_greeting',
      '- story: session start',
      '  steps:',
      '  - intent: session_start',
      '  - slot_was_set:',
      '    - shown_privacy: true',
      '  - action: utter_welcome',
      '',
    ].join('\n');
    const model = parseRasa(src, 'data/stories.yml');
    assert.deepStrictEqual(
      model.greetings.map((g) => [g.messages, g.opaque]),
      [
        [['utter_intro'], true],
        [['utter_welcome'], undefined],
      ],
    );
    assert.deepStrictEqual(
      model.intents.map((i) => [i.name, i.responses, i.opaqueResponse]),
      [
        ['greet', ['utter_intro'], true],
        ['session_start', ['utter_welcome'], undefined],
      ],
    );
  });

  it('takes conversation_start rules as greetings whatever their intent', () => {
    const src = [
      'rules:',
      '- rule: welcome',
      '  conversation_start: true',
      '  steps:',
      '  - intent: ask_price',
      '  - action: utter_welcome_price',
      '- rule: bot speaks first',
      '  conversation_start: true',
      '  steps:',
      '  - action: utter_hello_first',
      '- rule: not at the start',
      '  steps:',
      '  - intent: ask_price',
      '  - action: utter_price',
      '',
    ].join('\n');
    const model = parseRasa(src, 'data/rules.yml');
    assert.deepStrictEqual(
      model.greetings.map((g) => g.messages),
      [['utter_welcome_price'], ['utter_hello_first']],
    );
    assert.deepStrictEqual(model.intents.find((i) => i.name === 'ask_price')?.responses, ['utter_welcome_price', 'utter_price']);
  });

  it('does not take goodbyes, thanks or a continued story as an opening', () => {
    const src = [
      'stories:',
      '- story: bye',
      '  steps:',
      '  - intent: greeting_goodbye',
      '  - action: utter_bye',
      '- story: thanks',
      '  steps:',
      '  - intent: vocative_you_welcome',
      '  - action: utter_np',
      '- story: continued',
      '  steps:',
      '  - checkpoint: after_intro',
      '  - intent: greet',
      '  - action: utter_again',
      '- story: restart',
      '  steps:',
      '  - intent: restart',
      '  - action: utter_restarted',
      '',
    ].join('\n');
    assert.deepStrictEqual(parseRasa(src, 'data/stories.yml').greetings, []);
  });

  it('reads or-steps, checkpoints and bot_challenge answers', () => {
    const src = [
      'rules:',
      '- rule: challenge',
      '  steps:',
      '  - or:',
      '    - intent: bot_challenge',
      '    - intent: are_you_a_bot',
      '  - action: utter_iamabot',
      '  - checkpoint: later',
      '  - action: utter_after_checkpoint',
      '',
    ].join('\n');
    const model = parseRasa(src, 'data/rules.yml');
    assert.deepStrictEqual(
      model.intents.map((i) => [i.name, i.responses, slice(src, i.declaration)]),
      [
        ['bot_challenge', ['utter_iamabot'], 'bot_challenge'],
        ['are_you_a_bot', ['utter_iamabot'], 'are_you_a_bot'],
      ],
    );
  });

  it('marks handoff intents and actions, never a bot challenge or a refusal', () => {
    const src = [
      'stories:',
      '- story: handoff',
      '  steps:',
      '  - intent: human_handoff',
      '  - action: utter_ask_handoff',
      '  - action: action_handoff_options',
      '  - intent: talk_to_human',
      '  - action: action_handoff',
      '- story: challenge',
      '  steps:',
      '  - intent: check_human',
      '  - action: utter_no_handoff',
      '  - intent: are_you_a_real_human',
      '  - action: utter_human_handoff_not_available',
      '',
    ].join('\n');
    const model = parseRasa(src, 'data/stories.yml');
    assert.deepStrictEqual(
      model.handoffs.map((h) => [h.kind, h.name, h.at]),
      [
        ['intent', 'human_handoff', find(src, 'human_handoff')],
        ['action', 'utter_ask_handoff', find(src, 'utter_ask_handoff')],
        ['action', 'action_handoff_options', find(src, 'action_handoff_options')],
        ['intent', 'talk_to_human', find(src, 'talk_to_human')],
        ['action', 'action_handoff', find(src, 'action_handoff', 1)],
      ],
    );
  });

  it('reads end-to-end test stories: user lines are examples', () => {
    const src = [
      'stories:',
      '- story: e2e',
      '  steps:',
      '  - user: |',
      '      hello there',
      '    intent: greet',
      '  - action: utter_greet',
      'test_cases:',
      '- test_case: pro',
      '  steps:',
      '  - user: "my mail is jane@corp.com"',
      '  - utter: utter_thanks',
      '',
    ].join('\n');
    const model = parseRasa(src, 'tests/test_stories.yml');
    assert.deepStrictEqual(
      model.examples.map((e) => [e.text.value, e.intent, slice(src, e.text.fullRange)]),
      [
        ['hello there\n', 'greet', 'hello there\n'],
        ['my mail is jane@corp.com', undefined, 'my mail is jane@corp.com'],
      ],
    );
    assert.deepStrictEqual(model.greetings.map((g) => g.messages), [['utter_greet']]);
  });

  it('reports a stories mapping and a step list that is not a list', () => {
    const src = ['stories:', '  story: x', 'rules:', '- rule: r', '  steps: nothing', ''].join('\n');
    const model = parseRasa(src, 'data/stories.yml');
    assert.deepStrictEqual(
      model.errors.map((e) => [e.message, slice(src, e.at)]),
      [
        ['`stories` must be a list of stories.', 'story: x\n'],
        ['`steps` must be a list.', 'nothing'],
      ],
    );
  });
});
