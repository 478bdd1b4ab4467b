import * as assert from 'assert';
import { detectLanguage, isForeignLocale, langFromLocale, langFromPath } from '../../../server/src/core/lang';

describe('detectLanguage', () => {
  it('tells English from German by function words and German letters', () => {
    const cases: [string, 'en' | 'de' | undefined][] = [
      ['Hallo, wie kann ich Ihnen helfen?', 'de'],
      ['Hello, how can I help you?', 'en'],
      ['Hi! Ich bin ein Bot.', 'de'],
      ['Die App ist super', 'de'],
      ['Bitte', 'de'],
      // German letters alone are evidence
      ['Grüße', 'de'],
      ['Straße', 'de'],
      ['ÄRGER ÜBER', 'de'],
      ['will', 'en'],
    ];
    for (const [text, lang] of cases) assert.strictEqual(detectLanguage(text), lang, text);
  });

  it('gives no answer without evidence or with as much for both', () => {
    for (const text of ['', 'OK', '123', 'Kundenservice: 24/7', "Don't worry", 'was', 'I am a bot. Ich bin ein Bot.', 'Ich bin ein Chatbot and I help you']) {
      assert.strictEqual(detectLanguage(text), undefined, text);
    }
  });

  it('answers the same for the same text (memoised) and for other letter cases', () => {
    assert.strictEqual(detectLanguage('DANKE UND BIS BALD'), 'de');
    assert.strictEqual(detectLanguage('danke und bis bald'), 'de');
    assert.strictEqual(detectLanguage('DANKE UND BIS BALD'), 'de');
  });
});

describe('langFromLocale', () => {
  it('reads language tags, POSIX locales and language names', () => {
    const cases: [string | undefined, 'en' | 'de' | undefined][] = [
      ['de', 'de'],
      ['de-DE', 'de'],
      ['de_de', 'de'],
      ['DE-at', 'de'],
      ['de-CH', 'de'],
      ['de.UTF-8', 'de'],
      ['de_DE.UTF-8', 'de'],
      ['de_DE@euro', 'de'],
      [' de ', 'de'],
      ['German', 'de'],
      ['deutsch', 'de'],
      ['en', 'en'],
      ['en-US', 'en'],
      ['en_GB.UTF-8', 'en'],
      ['en.UTF-8', 'en'],
      ['English', 'en'],
      ['fr', undefined],
      ['dev', undefined],
      ['den', undefined],
      ['gsw', undefined],
      ['', undefined],
      [undefined, undefined],
    ];
    for (const [locale, lang] of cases) assert.strictEqual(langFromLocale(locale), lang, String(locale));
  });

  it('knows foreign locales (judged by nobody) from unknown strings', () => {
    assert.deepStrictEqual(['fr-FR', 'es', 'it_IT', 'de-DE', 'en', 'xx', undefined, ''].map(isForeignLocale), [true, true, true, false, false, false, false, false]);
  });
});

describe('langFromPath', () => {
  it('finds the locale in file names and folders of every format', () => {
    const cases: [string, 'en' | 'de' | undefined][] = [
      ['bot/Main.de-de.lg', 'de'],
      ['bot/main.en-us.lg', 'en'],
      ['bot/language-generation/de-de/common.lg', 'de'],
      ['bot/x.de-de.qna', 'de'],
      ['bot/x.de.lu', 'de'],
      ['bot/de/x.lg', 'de'],
      ['bot/en/x', 'en'],
      ['bot/de_DE/x.lg', 'de'],
      ['C:\\bot\\de-DE\\x.lg', 'de'],
      ['agent/intents/Default Welcome Intent_usersays_de.json', 'de'],
      ['intents/Welcome_usersays_en.json', 'en'],
      ['data/nlu-de.yml', 'de'],
      ['data/nlu_en.yml', 'en'],
    ];
    for (const [p, lang] of cases) assert.strictEqual(langFromPath(p), lang, p);
  });

  it('does not read "de" or "en" inside words, and looks only near the end of the path', () => {
    for (const p of ['bot/dialogs/main.lg', 'bot/design/x.lg', 'bot/denmark/x.lg', 'bot/Code.deploy.lg', 'bot/index.lg', 'bot/render.lg', 'bot/general/x.lg', 'bot/x.lg', '/home/de/projects/bot/dialogs/checkout/main-dialog.lg']) {
      assert.strictEqual(langFromPath(p), undefined, p);
    }
  });
});
