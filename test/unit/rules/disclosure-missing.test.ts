import * as assert from 'assert';
import { disclosureMissing } from '../../../server/src/rules/disclosure-missing';
import { ModelBuilder, runRules } from '../../support/model-builder';
import { SUPPRESS, assertTranslated, domain, fixTitles, fixedLine, texts, withCalls } from './disclosure-helpers';

const run = (files: ReturnType<ModelBuilder['build']>[], config = {}) => runRules([disclosureMissing], files, config);

describe('disclosure.missing', () => {
  it('reports each greeting variation that does not disclose, on its whole text, with an insert fix', () => {
    const d = domain();
    d.message('utter_greet', ['Hi! How can I help?', "Hi! I'm a virtual assistant. How can I help?", 'Hello there', 'Welcome to ACME Bank, your partner for every financial question you may have today.']);
    d.greeting(['utter_greet']);
    const files = [d.build()];
    const findings = run(files);
    assert.deepStrictEqual(texts(files, findings), ['Hi! How can I help?', 'Hello there', 'Welcome to ACME Bank, your partner for every financial question you may have today.']);
    assert.deepStrictEqual(findings.map((f) => f.severity), ['warning', 'warning', 'warning']);
    assert.deepStrictEqual(fixTitles(findings[0]), ['Add the disclosure "I\'m a virtual assistant."', 'Suppress disclosure.missing on the next line']);
    assert.strictEqual(fixedLine(files, findings[0], 'Add the disclosure'), "  - Hi! I'm a virtual assistant. How can I help?");
    // no sentence end: the disclosure goes first
    assert.strictEqual(fixedLine(files, findings[1], 'Add the disclosure'), "  - I'm a virtual assistant. Hello there");
    // a long first sentence is no salutation: the disclosure goes first
    assert.strictEqual(fixedLine(files, findings[2], 'Add the disclosure'), "  - I'm a virtual assistant. Welcome to ACME Bank, your partner for every financial question you may have today.");
    assert.strictEqual(findings[0].details?.greeting, 'utter_greet');
    for (const f of findings) assert.ok(f.fixes.some((x) => x.title.template === SUPPRESS));
    assertTranslated(findings);
  });

  it('appends after a one-sentence greeting and puts the disclosure before a question', () => {
    const d = domain();
    d.message('utter_greet', ['Hi, I\'m Sara!', 'How can I help you today?']);
    d.greeting(['utter_greet']);
    const files = [d.build()];
    const [a, b] = run(files);
    assert.strictEqual(fixedLine(files, a, 'Add the disclosure'), "  - Hi, I'm Sara! I'm a virtual assistant.");
    assert.strictEqual(fixedLine(files, b, 'Add the disclosure'), "  - I'm a virtual assistant. How can I help you today?");
  });

  it('accepts English disclosures and rejects negated ones and bare placeholders', () => {
    const d = domain();
    const ok = [
      'Hi, I am a bot, powered by Rasa.',
      "Hello! I'm Ava, ACME's AI assistant.",
      'This chat is answered by our chatbot.',
      'You are chatting with an automated system.',
      "Hi! I'm not a human, but I can help with your order.",
      'Welcome! Our digital assistant is here for you.',
      "I'm not just a bot, I'm your banking buddy.",
      'This is an automated message from ACME.',
      'Welcome! This chat is fully automated.',
      "Hi, I'm BankBot, how can I help?",
    ];
    const bad = ["Hi, I'm not a bot, I'm Anna from support.", "Hi, I'm {bot_name}!", "Hi! I'm your Financial Assistant!", 'Visit https://acme.example/bot for help.', 'Welcome to our digital service.'];
    d.message('utter_greet', [...ok, ...bad]);
    d.greeting(['utter_greet']);
    const files = [d.build()];
    assert.deepStrictEqual(texts(files, run(files)), bad);
  });

  it('accepts German disclosures with inflections and writes the German sentence', () => {
    const d = domain();
    const ok = [
      'Hallo! Ich bin der Chatbot der Stadtwerke.',
      'Guten Tag, ich bin Ihre digitale Assistentin.',
      'KI-Assistent Max hier, wie kann ich helfen?',
      'Ich bin kein Mensch, sondern ein Programm.',
      'Willkommen beim Service-Bot der Stadt!',
      'Sie schreiben mit einem virtuellen Assistenten.',
      'Diese Antworten sind automatisch erstellt.',
      'Hallo! Ich bin eine Maschine, aber eine freundliche.',
    ];
    const bad = ['Hallo! Wie kann ich helfen?', 'Ich bin kein Bot, sondern Anna vom Kundenservice.', 'Willkommen! Unser Angebot für Sie.'];
    d.message('utter_greet', [...ok, ...bad], { lang: 'de' });
    d.greeting(['utter_greet']);
    const files = [d.build()];
    const findings = run(files);
    assert.deepStrictEqual(texts(files, findings), bad);
    assert.strictEqual(fixedLine(files, findings[0], 'Add the disclosure'), '  - Hallo! Ich bin ein digitaler Assistent (KI). Wie kann ich helfen?');
    assert.strictEqual(findings[0].details?.language, 'de');
  });

  it('detects the language when the format does not give it', () => {
    const d = domain();
    d.message('utter_greet', ['Hallo! Schön, dass Sie da sind. Wie kann ich Ihnen heute helfen?']);
    d.greeting(['utter_greet']);
    const files = [d.build()];
    const [f] = run(files);
    assert.strictEqual(fixedLine(files, f, 'Add the disclosure'), '  - Hallo! Ich bin ein digitaler Assistent (KI). Schön, dass Sie da sind. Wie kann ich Ihnen heute helfen?');
  });

  it('uses the configured disclosureText per language', () => {
    const d = domain();
    d.message('utter_greet', ['Hi!']);
    d.message('utter_hallo', ['Hallo!'], { lang: 'de' });
    d.greeting(['utter_greet']).greeting(['utter_hallo']);
    const files = [d.build()];
    const findings = run(files, { disclosureText: { en: "I'm Ava, ACME's digital assistant.", de: 'Ich bin Ava, die KI-Assistentin von ACME.' } });
    assert.deepStrictEqual(findings.map((f) => fixedLine(files, f, 'Add the disclosure')), ["  - Hi! I'm Ava, ACME's digital assistant.", '  - Hallo! Ich bin Ava, die KI-Assistentin von ACME.']);
  });

  it('ends a configured text without an end mark with a period, and keeps it on one line', () => {
    const d = domain();
    d.message('utter_greet', ['Hi! How can I help?']);
    d.greeting(['utter_greet']);
    const files = [d.build()];
    const [f] = run(files, { disclosureText: { en: '  I am Ava,\n a chatbot ' } });
    assert.strictEqual(fixedLine(files, f, 'Add the disclosure'), '  - Hi! I am Ava, a chatbot. How can I help?');
  });

  it('lets another message of the same greeting disclose for all its variations', () => {
    const d = domain();
    d.message('utter_greet', ['Hi!', 'Hello!']);
    d.message('utter_intro', ["I'm the ACME bot.", 'I am a virtual assistant.']);
    d.message('utter_hey', ['Hey!']);
    d.message('utter_partly', ["I'm the ACME bot.", 'How can I help?']);
    d.greeting(['utter_greet', 'utter_intro']).greeting(['utter_hey', 'utter_partly']);
    const files = [d.build()];
    // utter_partly does not always disclose, so it covers neither utter_hey nor its own second variation
    assert.deepStrictEqual(texts(files, run(files)), ['Hey!', 'How can I help?']);
  });

  it('judges a greeting step by the variations in the reader\'s language', () => {
    const en = domain();
    en.message('utter_greet', ['Hi!'], { lang: 'en' });
    en.message('utter_intro', ["I'm a bot."], { lang: 'en' });
    const de = new ModelBuilder('/bot/domain.de.yml');
    de.message('utter_greet', ['Hallo!'], { lang: 'de' });
    de.message('utter_intro', ['Wie kann ich helfen?'], { lang: 'de' });
    en.greeting(['utter_greet', 'utter_intro']);
    const files = [en.build(), de.build()];
    assert.deepStrictEqual(texts(files, run(files)), ['Hallo!', 'Wie kann ich helfen?']);
  });

  it('does not judge a greeting that runs custom code, nor messages outside greetings', () => {
    const d = domain();
    d.message('utter_greet', ['Hi!']);
    d.message('utter_goodbye', ['Bye!']);
    d.greeting(['utter_greet'], 'structural', true);
    const files = [d.build()];
    assert.deepStrictEqual(run(files), []);
  });

  it('drops a greeting by name only that the stories show answering something else', () => {
    const d = domain();
    d.message('utter_welcome', ["You're welcome!"]);
    d.message('utter_welcome_back', ['Welcome back!']);
    d.message('utter_greet', ['Hello!']);
    d.intent('thank', ['utter_welcome']).intent('greet_again', ['utter_welcome_back']);
    d.greeting(['utter_welcome'], 'name').greeting(['utter_welcome_back'], 'name').greeting(['utter_greet'], 'name');
    const files = [d.build()];
    assert.deepStrictEqual(texts(files, run(files)), ['Welcome back!', 'Hello!']);
  });

  it('ignores buttons for the disclosure and reports on the main text', () => {
    const d = domain();
    d.message('utter_greet', [[{ text: 'Hi! What do you need?' }, { text: 'Ask the chatbot', role: 'button' }]]);
    d.greeting(['utter_greet']);
    const files = [d.build()];
    assert.deepStrictEqual(texts(files, run(files)), ['Hi! What do you need?']);
  });

  it('follows included messages (LG template calls) and reports on the included text', () => {
    const lg = new ModelBuilder('/bot/bot.en-us.lg', 'lg', { kind: 'lg' });
    withCalls(lg.message('Welcome', ['${Hello()}', '${Hello()} ${Disclose()}']), 0, ['Hello']);
    withCalls(lg.model.messages[0], 1, ['Hello', 'Disclose']);
    lg.message('Hello', ['Hi there!', 'Good morning!']);
    lg.message('Disclose', ['I am a virtual agent.']);
    lg.greeting(['Welcome']);
    const dialog = new ModelBuilder('/bot/bot.dialog', 'dialog', { kind: 'json' }).root(10);
    const files = [lg.build(), dialog.build()];
    const findings = run(files);
    // variation 1 includes a disclosure; variation 0 only includes Hello, whose texts are reported
    assert.deepStrictEqual(texts(files, findings), ['Hi there!', 'Good morning!']);
    assert.strictEqual(fixedLine(files, findings[0], 'Add the disclosure'), "  - Hi there! I'm a virtual assistant.");
    assert.ok(findings[0].fixes.some((x) => x.title.template === SUPPRESS), 'LG has line comments');
  });

  it('escapes the inserted sentence in a JSON string', () => {
    const agent = new ModelBuilder('/agent/intents/Default Welcome Intent.json', 'dialogflow-es', { kind: 'json' }).root(10);
    agent.message('intent:Default Welcome Intent', ['Hi! Say help to start.']);
    agent.greeting(['intent:Default Welcome Intent']);
    const files = [agent.build()];
    const [f] = run(files, { disclosureText: { en: 'I\'m a "virtual" assistant.' } });
    assert.strictEqual(fixedLine(files, f, 'Add the disclosure'), '  - Hi! I\'m a \\"virtual\\" assistant. Say help to start.');
    // JSON has no comments: without a project root the engine offers no ignore entry either
    assert.deepStrictEqual(f.fixes.length, 1);
  });

  it('is off when the config says so', () => {
    const d = domain();
    d.message('utter_greet', ['Hi!']);
    d.greeting(['utter_greet']);
    assert.deepStrictEqual(run([d.build()], { rules: { 'disclosure.missing': 'off' } }), []);
  });
});
