import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dialogflowEs } from '../../../../server/src/formats/dialogflow/es';
import { FIXTURES, loadProject, message, rangeOf, texts } from './helpers';

const ES = path.join(FIXTURES, 'es-agent');
const WELCOME = 'intents/Default Welcome Intent.json';

describe('Dialogflow ES parser', () => {
  const project = loadProject(ES);
  const welcome = project.model(WELCOME);
  const order = project.model('intents/order.json');
  const c = project.conversation;

  it('claims agent, intents and usersays; leaves entities and package.json alone', () => {
    assert.deepStrictEqual([...project.models.keys()], [
      'agent.json',
      'intents/Default Fallback Intent.json',
      WELCOME,
      'intents/are_you_a_bot.json',
      'intents/order.json',
      'intents/order_usersays_de.json',
      'intents/talk_to_human.json',
    ]);
    assert.deepStrictEqual(project.unclaimed, ['entities/product.json', 'package.json']);
    for (const m of project.models.values()) {
      assert.strictEqual(m.format, 'dialogflow-es');
      assert.strictEqual(m.commentPrefix, undefined);
      assert.deepStrictEqual(m.errors, []);
    }
  });

  it('reads the agent: main file, language, webhook', () => {
    const agent = project.model('agent.json');
    assert.strictEqual(agent.rootPriority, 10);
    assert.strictEqual(agent.lang, 'de');
    assert.strictEqual(c.mainFile, 'agent.json');
    assert.strictEqual(agent.endpoints.length, 1);
    const hook = agent.endpoints[0];
    assert.strictEqual(hook.kind, 'webhook');
    assert.strictEqual(hook.url.value, 'http://hooks.example.org/dialogflow');
    assert.deepStrictEqual(hook.url.fullRange, rangeOf(agent.text, 'http://hooks.example.org/dialogflow'));
    assert.deepStrictEqual(hook.carries, []);
    assert.strictEqual(hook.carriesAll, false);
  });

  it('merges the parameters of intents with webhookUsed into the webhook', () => {
    assert.strictEqual(c.endpoints.length, 1);
    assert.deepStrictEqual(c.endpoints[0].carries, ['email', 'name']);
    assert.strictEqual(c.endpoints[0].url.file, 'agent.json');
    // the cached file model keeps what the file says
    assert.deepStrictEqual(project.model('agent.json').endpoints[0].carries, []);
    assert.deepStrictEqual(order.endpointUses?.map((u) => [u.variables, order.text.slice(u.at.start, u.at.end)]), [[['email', 'name'], '"webhookUsed"']]);
  });

  it('splits speech variations and sequential messages per language', () => {
    const ids = welcome.messages.map((m) => `${m.id} ${m.variations[0].lang}`);
    assert.deepStrictEqual(ids, ['intent:Default Welcome Intent de', 'intent:Default Welcome Intent en', 'intent:Default Welcome Intent#message-2 de', 'intent:Default Welcome Intent#message-3 de']);
    assert.deepStrictEqual(texts(message(welcome.messages, 'intent:Default Welcome Intent', 'de')), [
      [['text', 'Hallo! Schön, dass du da bist.']],
      [['text', 'Willkommen im "Shop"!']],
    ]);
    assert.deepStrictEqual(texts(message(welcome.messages, 'intent:Default Welcome Intent#message-2')), [[['text', 'Ich bin ein digitaler Assistent.']]]);
    // quick replies: title and replies; the custom payload is not bot text
    assert.deepStrictEqual(texts(message(welcome.messages, 'intent:Default Welcome Intent#message-3')), [
      [
        ['text', 'Womit kann ich helfen?'],
        ['quick-reply', 'Bestellung'],
        ['quick-reply', 'Mitarbeiter sprechen'],
      ],
    ]);
    assert.ok(!welcome.messages.some((m) => texts(m).flat().some(([, t]) => t.includes('Kanal-Daten'))));
  });

  it('maps escapes (\\u00f6, \\", \\n, surrogate pairs) and literal emoji to exact source ranges', () => {
    const src = welcome.text;
    const de = message(welcome.messages, 'intent:Default Welcome Intent', 'de');
    const schoen = de.variations[0].pieces[0].text;
    const o = schoen.value.indexOf('ö');
    assert.deepStrictEqual(schoen.range(o, o + 1), rangeOf(src, '\\u00f6'));
    assert.deepStrictEqual(schoen.range(o - 3, o + 2), rangeOf(src, 'Sch\\u00f6n'));
    const shop = de.variations[1].pieces[0].text;
    const q = shop.value.indexOf('"');
    assert.deepStrictEqual(shop.range(q, q + 6), rangeOf(src, '\\"Shop\\"'));
    assert.deepStrictEqual(shop.node, rangeOf(src, '"Willkommen im \\"Shop\\"!"'));

    const en = message(welcome.messages, 'intent:Default Welcome Intent', 'en').variations[0].pieces[0].text;
    assert.strictEqual(en.value, 'Hi there!\nWelcome \u{1f44b} to the shop \u{1f6d2} guys.');
    const nl = en.value.indexOf('\n');
    assert.deepStrictEqual(en.range(nl, nl + 1), rangeOf(src, '\\n'));
    const wave = en.value.indexOf('\u{1f44b}');
    assert.deepStrictEqual(en.range(wave, wave + 2), rangeOf(src, '\\ud83d\\udc4b'));
    const guys = en.value.indexOf('guys');
    assert.deepStrictEqual(en.range(guys, guys + 4), rangeOf(src, 'guys'));
    const cart = en.value.indexOf('\u{1f6d2}');
    assert.deepStrictEqual(en.range(cart, cart + 2), rangeOf(src, '\u{1f6d2}'));
  });

  it('reads the welcome intent as a structural greeting', () => {
    assert.deepStrictEqual(
      welcome.greetings.map((g) => [g.messages, g.basis, g.opaque, welcome.text.slice(g.at.start, g.at.end)]),
      [[['intent:Default Welcome Intent', 'intent:Default Welcome Intent#message-2', 'intent:Default Welcome Intent#message-3'], 'structural', undefined, '"Default Welcome Intent"']],
    );
    // the fallback intent carries a welcome event in old exports; it is no greeting
    assert.deepStrictEqual(project.model('intents/Default Fallback Intent.json').greetings, []);
    assert.strictEqual(project.model('intents/Default Fallback Intent.json').messages[0].role, 'fallback');
    assert.strictEqual(c.greetings.length, 1);
  });

  it('reads parameters as variables with entity types, prompts per language', () => {
    assert.deepStrictEqual(
      order.variables.map((v) => [v.name, v.entities, order.text.slice(v.declaration.start, v.declaration.end)]),
      [
        ['email', ['sys.email'], '"email"'],
        ['name', ['sys.given-name'], '"name"'],
      ],
    );
    const prompts = order.messages.filter((m) => m.role === 'prompt');
    assert.deepStrictEqual(
      prompts.map((m) => [m.id, m.variations.map((v) => [v.lang, v.pieces[0].text.value])]),
      [
        ['intent:order#email', [['de', 'Wie lautet deine E-Mail-Adresse?'], ['de', 'An welche E-Mail sollen wir schreiben?']]],
        ['intent:order#email', [['en', 'What is your email?']]],
        ['intent:order#name', [['de', 'Wie heißt du?']]],
      ],
    );
    // only the required parameter is asked for
    assert.deepStrictEqual(order.prompts.map((p) => [p.variable, p.message, order.text.slice(p.at.start, p.at.end)]), [['email', 'intent:order#email', '"email"']]);
    // the parameter value "$email" is not bot text
    assert.ok(!order.messages.some((m) => texts(m).flat().some(([, t]) => t === '$email')));
  });

  it('finds $param, $param.original and #context.param placeholders at exact ranges', () => {
    const thanks = order.messages.find((m) => m.id === 'intent:order' && !m.variations[0].condition)!.variations[0].pieces[0];
    assert.strictEqual(thanks.text.value, 'Danke $name.original! Wir schreiben an $email und #order-ctx.name.');
    const found = thanks.placeholders.map((p) => [p.variable, p.syntax, order.text.slice(thanks.text.range(p.start, p.end).start, thanks.text.range(p.start, p.end).end)]);
    assert.deepStrictEqual(found, [
      ['name', 'dialogflow-es', '$name.original'],
      ['email', 'dialogflow-es', '$email'],
      ['name', 'dialogflow-es', '#order-ctx.name'],
    ]);
    const p = thanks.placeholders[1];
    assert.deepStrictEqual(thanks.text.range(p.start, p.end), rangeOf(order.text, '$email', 1));
  });

  it('reads a platform card as the alternative of the default text; "$5" is no placeholder', () => {
    const answers = order.messages.filter((m) => m.id === 'intent:order');
    assert.deepStrictEqual(answers.map((m) => m.variations.map((v) => v.condition)), [[undefined], ['platform: facebook']]);
    const card = answers[1];
    assert.deepStrictEqual(texts(card), [
      [
        ['title', 'Deine Bestellung'],
        ['card', 'Kosten: $5 pro Monat'],
        ['button', 'Ansehen'],
      ],
    ]);
    assert.deepStrictEqual(card.variations[0].pieces[1].placeholders, []);
  });

  it('records intents with their answers; a webhook answer is opaque', () => {
    assert.deepStrictEqual(
      c.intents.map((i) => [i.name, i.responses, i.opaqueResponse]),
      [
        ['Default Fallback Intent', ['intent:Default Fallback Intent'], undefined],
        ['Default Welcome Intent', ['intent:Default Welcome Intent', 'intent:Default Welcome Intent#message-2', 'intent:Default Welcome Intent#message-3'], undefined],
        ['are_you_a_bot', ['intent:are_you_a_bot'], undefined],
        ['order', ['intent:order'], true],
        ['talk_to_human', ['intent:talk_to_human'], undefined],
      ],
    );
  });

  it('joins usersays parts into one example with exact offsets', () => {
    const says = project.model('intents/order_usersays_de.json');
    assert.strictEqual(says.lang, 'de');
    assert.deepStrictEqual(
      says.examples.map((e) => [e.text.value, e.intent, e.lang]),
      [
        ['Schick die Rechnung an max.müller@gmail.com bitte\t"schnell"', 'order', 'de'],
        ['Ich will bestellen', 'order', 'de'],
      ],
    );
    const ex = says.examples[0].text;
    const mail = ex.value.indexOf('max.');
    assert.deepStrictEqual(ex.range(mail, mail + 'max.müller@gmail.com'.length), rangeOf(says.text, 'max.m\\u00fcller@gmail.com'));
    const tab = ex.value.indexOf('\t');
    assert.deepStrictEqual(ex.range(tab, tab + 1), rangeOf(says.text, '\\t'));
    // the joint between two parts: last char of part 1, first of part 2
    assert.deepStrictEqual(ex.range(mail - 1, mail + 1), { start: rangeOf(says.text, 'an "').start + 2, end: rangeOf(says.text, '"max.').start + 2 });
    assert.strictEqual(ex.encoding.kind, 'json');
    // user examples are never bot text
    assert.ok(!c.messages.some((m) => texts(m).flat().some(([, t]) => t.includes('Rechnung'))));
  });

  it('finds handoffs: action, live-agent payload, and a human intent whose answer connects', () => {
    const human = project.model('intents/talk_to_human.json');
    assert.deepStrictEqual(
      human.handoffs.map((h) => [h.kind, h.name, human.text.slice(h.at.start, h.at.end)]),
      [
        ['live-agent', 'payload', '"payload"'],
        ['action', 'handoff.live_agent', '"handoff.live_agent"'],
        ['intent', 'talk_to_human', '"talk_to_human"'],
      ],
    );
    assert.strictEqual(c.handoffs.length, 3);
    // a bot-challenge intent is a normal intent
    assert.deepStrictEqual(texts(message(c.messages, 'intent:are_you_a_bot')), [[['text', 'What do you think?']]]);
  });

  it('reads the flat layout (intents next to agent.json) and numeric-string types', () => {
    const text = fs.readFileSync(path.join(ES, 'intents/order.json'), 'utf8');
    const flat = dialogflowEs.parse('bot/order.json', text);
    assert.deepStrictEqual(flat.endpointUses?.map((u) => u.endpoint), ['dialogflow-es:bot#webhook']);
    const nested = dialogflowEs.parse('bot/intents/order.json', text);
    assert.deepStrictEqual(nested.endpointUses?.map((u) => u.endpoint), ['dialogflow-es:bot#webhook']);
    const agent = dialogflowEs.parse('bot/agent.json', fs.readFileSync(path.join(ES, 'agent.json'), 'utf8'));
    assert.strictEqual(agent.endpoints[0].key, 'dialogflow-es:bot#webhook');
  });

  it('reads API.AI exports: speech on the response, training examples inside the intent', () => {
    const text = String.raw`{"name": "hello", "userSays": [{"data": [{"text": "hi "}, {"text": "bot", "meta": "@x"}], "isTemplate": false}],
 "responses": [{"speech": ["Hello!", "Hi \"you\""], "parameters": []}], "contexts": []}`;
    const m = dialogflowEs.parse('legacy/intents/hello.json', text);
    assert.deepStrictEqual(m.errors, []);
    assert.deepStrictEqual(texts(message(m.messages, 'intent:hello')), [[['text', 'Hello!']], [['text', 'Hi "you"']]]);
    assert.deepStrictEqual(m.examples.map((e) => [e.text.value, e.intent, e.text.range(2, 4)]), [['hi bot', 'hello', { start: text.indexOf('hi "') + 2, end: text.indexOf('bot"') + 1 }]]);
  });
});
