import * as assert from 'assert';
import { detectTextLanguage, localeFromPath, isForeignLocale } from '../../../server/src/core/lang';
import { mergeProject } from '../../../server/src/core/model';
import { readableConversation, readableFile } from '../../../server/src/core/readable';
import { ModelBuilder } from '../../support/model-builder';

describe('readable view: only English and German text is judged', () => {
  it('finds locales in paths', () => {
    assert.strictEqual(localeFromPath('/bot/language-generation/fr-fr/common.fr-fr.lg'), 'fr');
    assert.strictEqual(localeFromPath('/bot/intents/Welcome_usersays_es.json'), 'es');
    assert.strictEqual(localeFromPath('/bot/Main.de-de.lg'), 'de');
    assert.strictEqual(localeFromPath('/bot/dialogs/main.lg'), undefined);
    assert.strictEqual(localeFromPath('/bot/data/nlu.yml'), undefined);
    assert.ok(isForeignLocale('es-ES'));
    assert.ok(!isForeignLocale('de-DE'));
    assert.ok(!isForeignLocale(undefined));
  });

  it('tells Spanish and French text from English and German', () => {
    assert.strictEqual(detectTextLanguage('Hola, ¿cómo puedo ayudarle? Gracias por su paciencia.'), 'other');
    assert.strictEqual(detectTextLanguage('Bonjour, je suis là pour vous aider avec votre commande.'), 'other');
    assert.strictEqual(detectTextLanguage('Hello, how can I help you with your order today?'), 'en');
    assert.strictEqual(detectTextLanguage('Hallo, wie kann ich Ihnen heute helfen?'), 'de');
  });

  it('hides foreign messages and keeps identity when nothing is hidden', () => {
    const en = new ModelBuilder('/p/main.lg', 'lg');
    en.message('Welcome', ['Hello! How can I help you?']);
    const enFile = en.build();
    assert.strictEqual(readableFile(enFile), enFile);

    const fr = new ModelBuilder('/p/main.fr-fr.lg', 'lg');
    fr.message('Welcome', ['Bonjour ! Comment puis-je vous aider ?']);
    const frFile = fr.build();
    assert.strictEqual(readableFile(frFile).messages.length, 0);

    const es = new ModelBuilder('/p/domain.yml');
    es.message('utter_greet', ['Hola, ¿cómo puedo ayudarle? Gracias por su paciencia.', 'Hello, how can I help you?']);
    const conv = readableConversation(mergeProject([enFile, frFile, es.build()]));
    assert.deepStrictEqual(
      conv.messages.map((m) => [m.id, m.variations.length]),
      [
        ['utter_greet', 1],
        ['Welcome', 1],
      ],
    );
    assert.strictEqual(conv.messagesById.get('Welcome')?.length, 1);
  });
});
