import * as assert from 'assert';
import { slotType } from '../../../../server/src/formats/rasa/domain';
import { find, parseRasa, slice } from './helpers';

describe('rasa: domain slots, forms, intents, actions', () => {
  it('types slots and finds the entities that fill them (Rasa 3 mappings)', () => {
    const src = [
      'version: "3.1"',
      'entities:',
      '- email',
      '- PERSON',
      'slots:',
      '  business_email:',
      '    type: text',
      '    influence_conversation: false',
      '    mappings:',
      '    - type: from_entity',
      '      entity: email',
      '    - type: from_text',
      '      conditions:',
      '      - active_loop: sales_form',
      '  PERSON:',
      '    type: any',
      '    mappings:',
      '    - entity: PERSON',
      '      type: from_entity',
      '  amount-of-money:',
      '    type: float',
      '    mappings:',
      '    - type: custom',
      '  email_verified:',
      '    type: bool',
      '    mappings:',
      '    - type: from_intent',
      '      intent: affirm',
      '      value: true',
      '',
    ].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(model.errors, []);
    assert.deepStrictEqual(
      model.variables.map((v) => [v.name, v.type, v.entities, slice(src, v.declaration)]),
      [
        ['business_email', 'text', ['email'], 'business_email'],
        ['PERSON', 'any', ['PERSON'], 'PERSON'],
        ['amount-of-money', 'float', undefined, 'amount-of-money'],
        ['email_verified', 'bool', undefined, 'email_verified'],
      ],
    );
  });

  it('fills legacy slots from the entity of their name unless auto_fill is false', () => {
    const src = [
      'intents:',
      '- inform',
      'entities:',
      '- email',
      '- phone',
      'slots:',
      '  email:',
      '    type: unfeaturized',
      '  phone:',
      '    type: text',
      '    auto_fill: false',
      '  zip:',
      '    type: text',
      '',
    ].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(
      model.variables.map((v) => [v.name, v.type, v.entities]),
      [
        ['email', 'any', ['email']],
        ['phone', 'text', undefined],
        ['zip', 'text', undefined],
      ],
    );
    // Rasa 3 has no auto-fill: only mappings fill a slot
    const v3 = parseRasa(`version: "3.1"\n${src}`);
    assert.deepStrictEqual(v3.variables[0].entities, undefined);
  });

  it('normalises slot types', () => {
    assert.strictEqual(slotType('Text'), 'text');
    assert.strictEqual(slotType('unfeaturized'), 'any');
    assert.strictEqual(slotType('rasa.shared.core.slots.BooleanSlot'), 'bool');
    assert.strictEqual(slotType('rasa.shared.core.slots.FloatSlot'), 'float');
    assert.strictEqual(slotType('addons.my_slots.PhoneSlot'), 'custom');
    assert.strictEqual(slotType(undefined), undefined);
  });

  it('turns Rasa 3 form required slots into prompts for both response names', () => {
    const src = ['forms:', '  contact_form:', '    required_slots:', '    - email', '    - phone-number', ''].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(
      model.prompts.map((p) => [p.variable, p.message, slice(src, p.at)]),
      [
        ['email', 'utter_ask_contact_form_email', 'email'],
        ['email', 'utter_ask_email', 'email'],
        ['phone-number', 'utter_ask_contact_form_phone-number', 'phone-number'],
        ['phone-number', 'utter_ask_phone-number', 'phone-number'],
      ],
    );
  });

  it('reads Rasa 2 forms: required_slots with mappings, and slots right under the form', () => {
    const src = [
      'slots:',
      '  business_email:',
      '    type: any',
      'forms:',
      '  sales_form:',
      '    required_slots:',
      '      business_email:',
      '      - entity: email',
      '        type: from_entity',
      '      - intent: enter_data',
      '        type: from_text',
      '  old_form:',
      '    phone:',
      '    - type: from_entity',
      '      entity: phone-number',
      '',
    ].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(
      model.variables.map((v) => [v.name, v.type, v.entities, slice(src, v.declaration)]),
      [
        ['business_email', 'any', ['email'], 'business_email'],
        ['phone', undefined, ['phone-number'], 'phone'],
      ],
    );
    assert.deepStrictEqual(
      model.prompts.map((p) => `${p.variable} <- ${p.message}`),
      ['business_email <- utter_ask_sales_form_business_email', 'business_email <- utter_ask_business_email', 'phone <- utter_ask_old_form_phone', 'phone <- utter_ask_phone'],
    );
    assert.deepStrictEqual(model.prompts[0].at, find(src, 'business_email', 1));
  });

  it('reads 1.x forms as a list of names without error', () => {
    const model = parseRasa(['forms:', '- facility_form', 'intents:', '- greet', ''].join('\n'));
    assert.deepStrictEqual(model.errors, []);
    assert.deepStrictEqual(model.prompts, []);
  });

  it('marks handoff intents and actions, and reads 1.x `triggers:` as answers', () => {
    const src = [
      'intents:',
      '- greet:',
      '    triggers: utter_greet',
      '- human_handoff',
      '- check_human',
      '- out_of_scope:',
      '    triggers: action_oos',
      'actions:',
      '- action_handoff',
      '- utter_human_handoff_not_available',
      '- action_live_agent:',
      '    send_domain: true',
      '',
    ].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(
      model.handoffs.map((h) => [h.kind, h.name, slice(src, h.at)]),
      [
        ['intent', 'human_handoff', 'human_handoff'],
        ['action', 'action_handoff', 'action_handoff'],
        ['action', 'action_live_agent', 'action_live_agent'],
      ],
    );
    assert.deepStrictEqual(
      model.intents.map((i) => [i.name, i.responses, i.opaqueResponse]),
      [
        ['greet', ['utter_greet'], undefined],
        ['out_of_scope', [], true],
      ],
    );
    assert.deepStrictEqual(model.greetings, [{ messages: ['utter_greet'], basis: 'structural', file: 'domain.yml', at: find(src, 'utter_greet') }]);
  });

  it('reports wrong shapes at their node', () => {
    const src = ['slots:', '- email', 'intents:', '  greet: {}', 'entities: email', ''].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(
      model.errors.map((e) => [e.message, slice(src, e.at)]),
      [
        ['`entities` must be a list of entity names.', 'email'],
        ['`slots` must map slot names to their definitions.', '- email\n'],
        ['`intents` must be a list of intent names.', 'greet: {}\n'],
      ],
    );
  });

  it('is a root candidate: domain.yml at the top 10, other domain files 5, data files none', () => {
    const domain = 'intents:\n- greet\n';
    assert.strictEqual(parseRasa(domain, 'bot/domain.yml').rootPriority, 10);
    assert.strictEqual(parseRasa(domain, 'bot/domain/intents.yml').rootPriority, 5);
    assert.strictEqual(parseRasa(domain, 'bot/data/domain.yml').rootPriority, 5);
    assert.strictEqual(parseRasa('nlu:\n- intent: greet\n  examples: |\n    - hi\n', 'bot/data/nlu.yml').rootPriority, undefined);
  });

  it('takes the language from a locale in the path', () => {
    const src = 'responses:\n  utter_hi:\n  - text: Hallo\n';
    const de = parseRasa(src, 'bot/languages/de/domain.yml');
    assert.strictEqual(de.lang, 'de');
    assert.strictEqual(de.messages[0].variations[0].lang, 'de');
    const none = parseRasa(src, 'bot/domain.yml');
    assert.strictEqual(none.lang, undefined);
    assert.strictEqual(none.messages[0].variations[0].lang, undefined);
    assert.strictEqual(none.commentPrefix, '#');
  });
});
