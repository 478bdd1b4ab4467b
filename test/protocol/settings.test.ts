/** Editor settings as the bottom config layer: validation, "not set" values, stable identity. */
import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { SettingsStore, settingsLayer } from '../../server/src/lsp/settings';

describe('editor settings layer', () => {
  it('no settings (or a client answering null) is the default config itself', () => {
    assert.strictEqual(settingsLayer(null).config, DEFAULT_CONFIG);
    assert.strictEqual(settingsLayer({}).config, DEFAULT_CONFIG);
    // the settings UI's empty values mean "not set"
    assert.strictEqual(settingsLayer({ privacyPolicyUrl: '', disclosureText: { en: '', de: ' ' }, rules: {} }).config, DEFAULT_CONFIG);
  });

  it('reads values exactly like the config file does', () => {
    const { config, problems } = settingsLayer({
      rules: { 'pii.echo': 'off', 'bias.wording': 'error' },
      language: 'de',
      genderStyle: 'star',
      privacyPolicyUrl: 'https://example.org/privacy',
      disclosureText: { de: 'Ich bin ein Chatbot.' },
      reportPersonNames: true,
      trace: { server: 'verbose' },
    });
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config.rules, { 'pii.echo': 'off', 'bias.wording': 'error' });
    assert.strictEqual(config.language, 'de');
    assert.strictEqual(config.genderStyle, 'star');
    assert.strictEqual(config.privacyPolicyUrl, 'https://example.org/privacy');
    assert.deepStrictEqual(config.disclosureText, { de: 'Ich bin ein Chatbot.' });
    assert.strictEqual(config.reportPersonNames, true);
  });

  it('ignores invalid values, says why, and keeps the valid ones', () => {
    const { config, problems } = settingsLayer({ language: 'fr', rules: { 'no.such': 'error', 'pii.echo': 'loud', 'bias.wording': 'info' } });
    assert.strictEqual(config.language, 'auto');
    assert.deepStrictEqual(config.rules, { 'bias.wording': 'info' });
    assert.strictEqual(problems.length, 3);
    assert.ok(problems.some((p) => p.includes('no.such')), problems.join(' | '));
  });

  it('keeps the same config object until a setting really changes', () => {
    const store = new SettingsStore();
    assert.strictEqual(store.set('file:///a', { language: 'en' }), true);
    const first = store.get('file:///a').config;
    assert.strictEqual(store.set('file:///a', { language: 'en', trace: { server: 'off' } }), false);
    assert.strictEqual(store.get('file:///a').config, first);
    assert.strictEqual(store.set('file:///a', { language: 'de' }), true);
    assert.notStrictEqual(store.get('file:///a').config, first);
    assert.strictEqual(store.get('file:///a').config.language, 'de');
    // an unknown scope falls back to the window's settings, then to the defaults
    assert.strictEqual(store.get('file:///b').config, DEFAULT_CONFIG);
    store.set('', { genderStyle: 'pair' });
    assert.strictEqual(store.get('file:///b').config.genderStyle, 'pair');
  });
});
