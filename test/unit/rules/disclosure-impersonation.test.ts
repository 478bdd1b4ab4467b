import * as assert from 'assert';
import { disclosureImpersonation } from '../../../server/src/rules/disclosure-impersonation';
import { isBotChallengeIntent } from '../../../server/src/rules/support/bot-challenge';
import { ModelBuilder, runRules } from '../../support/model-builder';
import { SUPPRESS, assertTranslated, domain, fixTitles, fixedLine, texts } from './disclosure-helpers';

const run = (files: ReturnType<ModelBuilder['build']>[], config = {}) => runRules([disclosureImpersonation], files, config);

describe('disclosure.impersonation', () => {
  describe('claims to be human (per file)', () => {
    it('reports English and German claims on the claim, as errors, with an honest replacement of the sentence', () => {
      const d = domain();
      d.message('utter_smalltalk', [
        "Yes, I'm a real person. How can I help?",
        "I'm not a bot!",
        'You are talking to a real human.',
        "Hi, I'm Tom, a real person from our service team.",
      ]);
      d.message('utter_smalltalk_de', ['Ich bin ein Mensch.', 'Keine Sorge, ich bin kein Bot.', 'Hallo, ich bin Lena, eine echte Person aus dem Service.', 'Sie sprechen mit einem echten Menschen.'], { lang: 'de' });
      const files = [d.build()];
      const findings = run(files);
      assert.deepStrictEqual(texts(files, findings), [
        "I'm a real person",
        "I'm not a bot",
        'You are talking to a real human',
        'a real person',
        'Ich bin ein Mensch',
        'ich bin kein Bot',
        'eine echte Person',
        'Sie sprechen mit einem echten Menschen',
      ]);
      assert.ok(findings.every((f) => f.severity === 'error'));
      assert.deepStrictEqual(fixTitles(findings[0]), ['Replace with the honest answer "I\'m a virtual assistant, not a human."', 'Suppress disclosure.impersonation on the next line']);
      assert.deepStrictEqual(
        findings.map((f) => fixedLine(files, f, 'Replace with the honest answer')),
        [
          "  - Yes, I'm a virtual assistant, not a human. How can I help?",
          "  - I'm a virtual assistant, not a human.",
          "  - I'm a virtual assistant, not a human.",
          "  - Hi, I'm Tom, a virtual assistant, not a human.",
          '  - Ich bin ein virtueller Assistent, kein Mensch.',
          '  - Keine Sorge, ich bin ein virtueller Assistent, kein Mensch.',
          '  - Hallo, ich bin Lena, ein virtueller Assistent, kein Mensch.',
          '  - Ich bin ein virtueller Assistent, kein Mensch.',
        ],
      );
      assert.deepStrictEqual(findings.map((f) => f.details?.claim), ['human-claim', 'not-a-bot', 'you-talk-to', 'human-claim', 'human-claim', 'not-a-bot', 'human-claim', 'you-talk-to']);
      for (const f of findings) assert.ok(f.fixes.some((x) => x.title.template === SUPPRESS));
      assertTranslated(findings);
    });

    it('does not report offers of a human, questions, reported speech, handoff announcements or compounds', () => {
      const d = domain();
      d.message('utter_traps', [
        'I can connect you to a real person.',
        'Ein Mensch meldet sich gleich bei Ihnen.',
        'Are you a human?',
        "Do you think I'm a real person?",
        'People often ask whether I am human.',
        'You are now chatting with a real person.',
        'Sie sprechen gleich mit einem Menschen.',
        "I'm a human resources assistant.",
        "I'm a bot, not a human.",
        'Ich bin kein Mensch, sondern ein Chatbot.',
        "I'm not a bot, I'm a virtual assistant.",
        "Click 'I'm not a robot' below.",
        'Glaubst du, ich bin ein Mensch?',
        'Wenn Sie mit einem echten Menschen sprechen möchten, sagen Sie es.',
      ]);
      d.message('utter_buttons', [[{ text: 'Who are you?' }, { text: "I'm a human", role: 'button' }, { text: 'Ich bin kein Roboter', role: 'quick-reply' }]]);
      assert.deepStrictEqual(run([d.build()]), []);
    });

    it('uses the configured disclosure text as the honest answer', () => {
      const d = domain();
      d.message('utter_x', ['I am human.', "Hi, I'm Tom, a real person. Ask away!"]);
      const files = [d.build()];
      const [a, b] = run(files, { disclosureText: { en: "Ava here, ACME's virtual assistant." } });
      assert.strictEqual(fixedLine(files, a, 'Replace with the honest answer'), "  - Ava here, ACME's virtual assistant.");
      // a text that cannot continue the introduction replaces the whole sentence
      assert.strictEqual(fixedLine(files, b, 'Replace with the honest answer'), "  - Ava here, ACME's virtual assistant. Ask away!");
    });
  });

  describe('answers to "are you a bot?" (per project)', () => {
    it('reports each evasive variation of a bot-challenge answer and replaces it honestly', () => {
      const d = domain();
      d.intent('bot_challenge', ['utter_iamabot']);
      d.message('utter_iamabot', ['I am a bot, powered by Rasa.', 'What do you think?', 'Es liegt an Ihnen, das herauszufinden.']);
      const files = [d.build()];
      const findings = run(files);
      assert.deepStrictEqual(texts(files, findings), ['What do you think?', 'Es liegt an Ihnen, das herauszufinden.']);
      assert.deepStrictEqual(findings.map((f) => f.severity), ['error', 'error']);
      assert.deepStrictEqual(findings[0].message, { template: 'This answer to "are you a bot?" (intent "{0}") does not clearly say that the user is talking to a bot.', args: ['bot_challenge'] });
      assert.deepStrictEqual(
        findings.map((f) => fixedLine(files, f, 'Replace with the honest answer')),
        ["  - I'm a virtual assistant, not a human.", '  - Ich bin ein virtueller Assistent, kein Mensch.'],
      );
      assertTranslated(findings);
    });

    it('reports a claim only once (as a claim), and lets another answer message disclose for all', () => {
      const d = domain();
      d.intent('are_you_human', ['utter_claim']);
      d.message('utter_claim', ["Of course, I'm a real person!"]);
      d.intent('bot_real', ['utter_hmm', 'utter_disclose']);
      d.message('utter_hmm', ['Good question!']);
      d.message('utter_disclose', ["I'm the ACME chatbot.", 'I am an AI assistant.']);
      const files = [d.build()];
      const findings = run(files);
      assert.deepStrictEqual(texts(files, findings), ["I'm a real person"]);
      assert.strictEqual(findings[0].details?.claim, 'human-claim');
    });

    it('falls back to utter_<intent>, skips answers that run custom code and intents that are no bot challenge', () => {
      const d = domain();
      d.intent('are_you_a_bot', []);
      d.message('utter_are_you_a_bot', ['Maybe!']);
      d.intent('ask_isbot', ['utter_mystery']);
      d.model.intents[d.model.intents.length - 1].opaqueResponse = true;
      d.message('utter_mystery', ['Who knows?']);
      d.intent('talk_to_human', ['utter_wait']);
      d.message('utter_wait', ['Please wait a moment.']);
      const files = [d.build()];
      assert.deepStrictEqual(texts(files, run(files)), ['Maybe!']);
    });

    it('checks retrieval responses and intents known only from training examples', () => {
      const responses = new ModelBuilder('/bot/data/responses.yml');
      responses.message('utter_chitchat/ask_isbot', ["Yep, I'm a bot!", 'Guess!']);
      responses.message('utter_chitchat/ask_weather', ['Sunny, I hope!']);
      responses.message('utter_are_you_real', ['As real as you are.']);
      const nlu = new ModelBuilder('/bot/data/nlu.yml');
      nlu.example('are you real?', 'are_you_real');
      const files = [domain().build(), responses.build(), nlu.build()];
      const findings = run(files);
      assert.deepStrictEqual(texts(files, findings), ['Guess!', 'As real as you are.']);
      assert.deepStrictEqual(findings.map((f) => f.details?.intent), ['chitchat/ask_isbot', 'are_you_real']);
    });
  });

  describe('bot-challenge intent names', () => {
    const yes = ['bot_challenge', 'are_you_a_bot', 'are_you_human', 'bot_real', 'is_this_a_bot', 'ask_if_bot', 'ask_isbot', 'areyouabot', 'AreYouABot', 'chatbot.challenge', 'smalltalk.agent.are_you_a_bot', 'smalltalk.agent.chatbot', 'smalltalk.agent.real', 'chitchat/ask_isbot', 'human_or_bot', 'check_human', 'am_i_talking_to_a_bot', 'Bist du ein Bot', 'bist_du_ein_mensch', 'agent.are_you_a_bot', 'faq/are_you_human', 'BotFrage', 'bot.frage', 'frage_bot', 'bot_question'];
    const no = ['talk_to_human', 'ask_human', 'human_handoff', 'request_human', 'talk_to_a_real_person', 'real_estate', 'greet', 'bot', 'smalltalk.agent.age', 'Default Welcome Intent', 'ask_bot_features', 'mit_mensch_sprechen', 'agent.talk_to_human', 'support.human', 'frage_mensch', 'frage', 'kunden.frage', 'agent.real_estate'];
    for (const name of yes) it(`${name} is a bot challenge`, () => assert.strictEqual(isBotChallengeIntent(name), true));
    for (const name of no) it(`${name} is not`, () => assert.strictEqual(isBotChallengeIntent(name), false));
  });
});
