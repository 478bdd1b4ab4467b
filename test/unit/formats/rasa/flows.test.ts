import * as assert from 'assert';
import { find, parseRasa, slice } from './helpers';

describe('rasa: CALM flows', () => {
  it('turns collect steps into prompts, nested branches included', () => {
    const src = [
      'flows:',
      '  transfer_money:',
      '    description: send money',
      '    steps:',
      '      - collect: recipient',
      '      - collect: email',
      '        utter: utter_ask_for_mail',
      '        next:',
      '          - if: slots.email',
      '            then:',
      '              - collect: phone',
      '                next: END',
      '          - else:',
      '              collect: iban',
      '',
    ].join('\n');
    const model = parseRasa(src, 'data/flows.yml');
    assert.deepStrictEqual(model.errors, []);
    assert.deepStrictEqual(
      model.prompts.map((p) => [p.variable, p.message, slice(src, p.at)]),
      [
        ['recipient', 'utter_ask_recipient', 'recipient'],
        ['email', 'utter_ask_for_mail', 'email'],
        ['phone', 'utter_ask_phone', 'phone'],
        ['iban', 'utter_ask_iban', 'iban'],
      ],
    );
    // the flow's first turn is its first question
    assert.deepStrictEqual(model.intents.map((i) => [i.name, i.responses]), [['transfer_money', ['utter_ask_recipient']]]);
  });

  it('takes pattern_session_start and greet-triggered flows as the greeting', () => {
    const src = [
      'flows:',
      '  pattern_session_start:',
      '    description: start',
      '    nlu_trigger: []',
      '    steps:',
      '      - action: utter_welcome',
      '      - action: utter_bot_disclosure',
      '      - action: action_listen',
      '  hello_flow:',
      '    description: greet back',
      '    nlu_trigger:',
      '      - intent:',
      '          name: greet',
      '          confidence_threshold: 0.8',
      '    steps:',
      '      - action: utter_hi',
      '      - action: action_check_profile',
      '      - collect: name',
      '  greet:',
      '    description: greeting flow by name',
      '    steps:',
      '      - collect: how_are_you',
      '',
    ].join('\n');
    const model = parseRasa(src, 'data/flows.yml');
    assert.deepStrictEqual(
      model.greetings.map((g) => [g.basis, g.messages, g.opaque, slice(src, g.at)]),
      [
        ['structural', ['utter_welcome', 'utter_bot_disclosure'], undefined, 'utter_welcome\n      - action: utter_bot_disclosure'],
        ['structural', ['utter_hi', 'utter_ask_name'], true, 'utter_hi\n      - action: action_check_profile\n      - collect: name'],
        ['name', ['utter_ask_how_are_you'], undefined, 'how_are_you'],
      ],
    );
    // a flow answers like an intent, under its id; the trigger intent `greet` and the flow `greet` share the name
    assert.deepStrictEqual(
      model.intents.map((i) => [i.name, i.responses]),
      [
        ['pattern_session_start', ['utter_welcome', 'utter_bot_disclosure']],
        ['hello_flow', ['utter_hi', 'utter_ask_name']],
        ['greet', ['utter_hi', 'utter_ask_name', 'utter_ask_how_are_you']],
      ],
    );
    assert.deepStrictEqual(model.intents.find((i) => i.name === 'hello_flow')?.opaqueResponse, true);
  });

  it('answers a bot challenge flow', () => {
    const src = ['flows:', '  bot_challenge:', '    description: are you a bot', '    steps:', '      - id: "0"', '        action: utter_iamabot', ''].join('\n');
    const model = parseRasa(src, 'data/flows.yml');
    assert.deepStrictEqual(model.intents.map((i) => [i.name, i.responses, slice(src, i.declaration)]), [['bot_challenge', ['utter_iamabot'], 'bot_challenge']]);
  });

  it('marks flows that run a handoff action, and links to them; not the default pattern_human_handoff', () => {
    const src = [
      'flows:',
      '  pattern_human_handoff:',
      '    description: default says no human',
      '    steps:',
      '      - action: utter_human_handoff_not_available',
      '  escalate:',
      '    description: real handoff',
      '    steps:',
      '      - action: utter_transferring',
      '      - action: action_trigger_handoff',
      '  complaint:',
      '    description: links to escalation',
      '    steps:',
      '      - collect: complaint_text',
      '      - link: escalate',
      '  other:',
      '    description: links to the default pattern',
      '    steps:',
      '      - link: pattern_human_handoff',
      '',
    ].join('\n');
    const model = parseRasa(src, 'data/flows.yml');
    assert.deepStrictEqual(
      model.handoffs.map((h) => [h.kind, h.name, slice(src, h.at)]),
      [
        ['action', 'action_trigger_handoff', 'action_trigger_handoff'],
        ['flow', 'escalate', 'escalate'],
      ],
    );
    assert.deepStrictEqual(model.handoffs[1].at, find(src, 'escalate'));
  });

  it('counts a pattern_human_handoff that does hand over', () => {
    const src = ['flows:', '  pattern_human_handoff:', '    description: real', '    steps:', '      - action: action_handoff_to_agent', ''].join('\n');
    const model = parseRasa(src, 'data/flows.yml');
    assert.deepStrictEqual(model.handoffs.map((h) => [h.kind, h.name]), [
      ['action', 'action_handoff_to_agent'],
      ['flow', 'pattern_human_handoff'],
    ]);
  });

  it('reports flows as a list and steps that are not a list', () => {
    const src = ['flows:', '- a', ''].join('\n');
    assert.deepStrictEqual(parseRasa(src, 'data/flows.yml').errors.map((e) => e.message), ['`flows` must map flow ids to flow definitions.']);
    const src2 = ['flows:', '  a:', '    steps: x', ''].join('\n');
    assert.deepStrictEqual(parseRasa(src2, 'data/flows.yml').errors.map((e) => [e.message, slice(src2, e.at)]), [['`steps` of flow `a` must be a list.', 'x']]);
  });
});
