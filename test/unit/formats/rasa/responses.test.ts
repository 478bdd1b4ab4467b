import * as assert from 'assert';
import { find, parseRasa, pieces, slice, termRange } from './helpers';

describe('rasa: responses', () => {
  it('reads text, buttons and quick replies with exact ranges; payloads are not text', () => {
    const src = [
      'version: "3.1"',
      'responses:',
      '  utter_ask_feedback:',
      '  - text: How is it going, guys?',
      '    buttons:',
      '    - title: Great',
      "      payload: '/affirm{{\"x\": \"blacklist\"}}'",
      "    - title: 'Not so'",
      '      payload: /deny',
      '    quick_replies:',
      '    - title: Later',
      '      payload: /later',
      '',
    ].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(model.errors, []);
    assert.deepStrictEqual(pieces(model, 'utter_ask_feedback'), [['text: How is it going, guys?', 'button: Great', 'button: Not so', 'quick-reply: Later']]);
    const msg = model.messages[0];
    assert.deepStrictEqual(msg.declaration, find(src, 'utter_ask_feedback'));
    assert.strictEqual(msg.role, 'prompt');
    const text = msg.variations[0].pieces[0].text;
    assert.deepStrictEqual(termRange(text, 'guys'), find(src, 'guys'));
    assert.strictEqual(text.anchor, find(src, '  - text').start);
    const notSo = msg.variations[0].pieces[2].text;
    assert.deepStrictEqual(notSo.fullRange, find(src, 'Not so'));
    assert.deepStrictEqual(notSo.encoding, { kind: 'yaml-single' });
    assert.ok(!model.messages.some((m) => m.variations.some((v) => v.pieces.some((p) => p.text.value.includes('blacklist')))));
  });

  it('reads block scalars, several variations, conditions and channels', () => {
    const src = [
      'responses:',
      '  utter_greet:',
      '    - text: |',
      '        Hello!',
      '        I am your assistant.',
      '      condition:',
      '        - type: slot',
      '          name: current_daytime',
      '          value: morning',
      '    - text: >-',
      '        Good evening,',
      '        dear user',
      '      channel: slack',
      '',
    ].join('\n');
    const model = parseRasa(src);
    const greet = model.messages[0];
    assert.strictEqual(greet.variations.length, 2);
    assert.strictEqual(greet.variations[0].pieces[0].text.value, 'Hello!\nI am your assistant.\n');
    assert.strictEqual(greet.variations[0].condition, 'current_daytime = morning');
    assert.strictEqual(greet.variations[1].pieces[0].text.value, 'Good evening, dear user');
    assert.strictEqual(greet.variations[1].condition, 'channel: slack');
    assert.deepStrictEqual(termRange(greet.variations[0].pieces[0].text, 'assistant'), find(src, 'assistant'));
    assert.deepStrictEqual(termRange(greet.variations[1].pieces[0].text, 'dear'), find(src, 'dear'));
    assert.strictEqual(greet.role, 'response');
    // a greeting by name
    assert.deepStrictEqual(model.greetings, [{ messages: ['utter_greet'], basis: 'name', file: 'domain.yml', at: find(src, 'utter_greet') }]);
  });

  it('finds {slot} placeholders, hyphenated and capitalised, and not {{escapes}}', () => {
    const src = [
      'responses:',
      '  utter_confirm:',
      '  - text: "Send {amount-of-money} to {PERSON} at {email}? {{not_a_slot}} {x y}"',
      '    buttons:',
      '    - title: Yes, {PERSON}',
      '      payload: \'/affirm{{"a": "{email}"}}\'',
      '',
    ].join('\n');
    const model = parseRasa(src);
    const [text, button] = model.messages[0].variations[0].pieces;
    assert.deepStrictEqual(
      text.placeholders.map((p) => [p.variable, p.syntax, text.text.value.slice(p.start, p.end)]),
      [
        ['amount-of-money', 'rasa', '{amount-of-money}'],
        ['PERSON', 'rasa', '{PERSON}'],
        ['email', 'rasa', '{email}'],
      ],
    );
    const email = text.placeholders[2];
    assert.deepStrictEqual(text.text.range(email.start, email.end), find(src, '{email}'));
    assert.deepStrictEqual(button.placeholders.map((p) => p.variable), ['PERSON']);
  });

  it('reads Jinja placeholders in jinja templates and {{ slots.x }} anywhere', () => {
    const src = [
      'responses:',
      '  utter_jinja:',
      '  - text: "Hi {{ name }}, your mail {{ slots.email | lower }} {plain}"',
      '    metadata:',
      '      template: jinja',
      '  utter_rephrase:',
      '  - text: "We will write to {{ slots.email }} and {{ literal }}"',
      '    metadata:',
      '      rephrase: true',
      '',
    ].join('\n');
    const model = parseRasa(src);
    const jinja = model.messages[0].variations[0].pieces[0];
    assert.deepStrictEqual(jinja.placeholders.map((p) => [p.variable, p.syntax, jinja.text.value.slice(p.start, p.end)]), [
      ['name', 'jinja', '{{ name }}'],
      ['email', 'jinja', '{{ slots.email | lower }}'],
    ]);
    const rephrase = model.messages[1].variations[0].pieces[0];
    assert.deepStrictEqual(rephrase.placeholders.map((p) => [p.variable, p.syntax]), [['email', 'jinja']]);
  });

  it('reads display strings of custom payloads only (ssml, html text, hint labels)', () => {
    const src = [
      'templates:',
      '  utter_info:',
      '    - custom:',
      '        answers:',
      '          - type: ssml',
      '            ssml: <speak>Hello from the bot</speak>',
      '          - type: html',
      '            text: <p>Our chairman says hi</p>',
      '          - type: hints',
      '            options:',
      '              - label: Tell me more',
      '                value: more',
      '        image: https://example.com/blacklist.png',
      '',
    ].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(pieces(model, 'utter_info'), [['speech: <speak>Hello from the bot</speak>', 'text: <p>Our chairman says hi</p>', 'quick-reply: Tell me more']]);
    assert.deepStrictEqual(termRange(model.messages[0].variations[0].pieces[1].text, 'chairman'), find(src, 'chairman'));
  });

  it('reads elements cards and bare string variations (Rasa 1.x)', () => {
    const src = [
      'templates:',
      '  utter_cards:',
      '  - elements:',
      '    - title: Card one',
      '      subtitle: Great for guys',
      '      buttons:',
      '      - title: Open',
      '        url: https://example.com',
      '  utter_bare:',
      '  - "Just text"',
      '',
    ].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(pieces(model, 'utter_cards'), [['title: Card one', 'card: Great for guys', 'button: Open']]);
    assert.deepStrictEqual(pieces(model, 'utter_bare'), [['text: Just text']]);
  });

  it('links utter_ask_<slot> responses to their slot and retrieval responses to their intent', () => {
    const src = [
      'responses:',
      '  utter_ask_email:',
      '  - text: Your email?',
      '  utter_faq/ask_privacy:',
      '  - text: We keep your data safe.',
      '  utter_default:',
      '  - text: Sorry?',
      '',
    ].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(model.prompts, [{ variable: 'email', message: 'utter_ask_email', file: 'domain.yml', at: find(src, 'utter_ask_email') }]);
    assert.deepStrictEqual(
      model.intents.map((i) => [i.name, i.responses, slice(src, i.declaration)]),
      [['faq/ask_privacy', ['utter_faq/ask_privacy'], 'utter_faq/ask_privacy']],
    );
    assert.deepStrictEqual(
      model.messages.map((m) => m.role),
      ['prompt', 'response', 'fallback'],
    );
  });

  it('links utter_ask_<form>_<slot> to the slot, by the form or by the _form_ convention', () => {
    const src = [
      'forms:',
      '  booking:',
      '    required_slots:',
      '    - phone',
      'responses:',
      '  utter_ask_booking_phone:',
      '  - text: Your phone number?',
      '  utter_ask_transfer_form_PERSON:',
      '  - text: To whom?',
      '',
    ].join('\n');
    const model = parseRasa(src);
    const prompts = model.prompts.map((p) => `${p.variable} <- ${p.message}`);
    assert.deepStrictEqual(prompts.sort(), [
      'PERSON <- utter_ask_transfer_form_PERSON',
      'booking_phone <- utter_ask_booking_phone',
      'phone <- utter_ask_booking_phone',
      'phone <- utter_ask_phone',
      'transfer_form_PERSON <- utter_ask_transfer_form_PERSON',
    ]);
  });

  it('reports a responses list and a response without variations at the node', () => {
    const src = ['responses:', '  - utter_x', 'intents:', '  - greet', ''].join('\n');
    const model = parseRasa(src);
    assert.deepStrictEqual(model.errors.map((e) => [e.message, slice(src, e.at)]), [['`responses` must map response names to lists of variations.', '- utter_x\n']]);
    const src2 = ['responses:', '  utter_a: hello', '  utter_b:', '  - text: fine', ''].join('\n');
    const m2 = parseRasa(src2);
    assert.deepStrictEqual(m2.errors.map((e) => [e.message, slice(src2, e.at)]), [['Response `utter_a` must be a list of variations.', 'hello']]);
    // the text is still read, so it is checked while the file is being fixed
    assert.deepStrictEqual(pieces(m2, 'utter_a'), [['text: hello']]);
  });
});
