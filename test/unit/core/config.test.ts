import * as assert from 'assert';
import { DEFAULT_CONFIG, effectiveSeverity, layerConfig, parseConfig, type BotEthicsConfig } from '../../../server/src/core/config';
import { RULE_IDS } from '../../../server/src/core/findings';

const FILE = '/p/.bot-ethics.yml';

/** Problems as `code "covered source" template [args]`, for exact comparisons. */
function problems(text: string): string[] {
  return parseConfig(text, FILE).problems.map((p) => {
    assert.strictEqual(p.file, FILE);
    assert.strictEqual(p.severity, 'error');
    const args = p.message.args ? ` ${JSON.stringify(p.message.args)}` : '';
    return `${p.code} ${JSON.stringify(text.slice(p.start, p.end))} ${p.message.template}${args}`;
  });
}

const config = (text: string) => parseConfig(text, FILE).config;

describe('parseConfig: valid settings', () => {
  it('reads every key', () => {
    const text = [
      'rules:',
      '  bias.wording: error',
      '  pii.echo: info',
      '  autonomy.handoff: off',
      'language: de',
      'genderStyle: star',
      'privacyPolicyUrl: https://example.com/privacy',
      'disclosureText:',
      '  en: " I am a bot. "',
      '  de: Ich bin ein Bot.',
      'ignore:',
      '  - legacy/**',
      '  - "agent/intents/*.json#pii.echo, bias.wording"',
      'words:',
      '  allow: [guys, Mitarbeiter]',
      '  deny:',
      '    - term: foo',
      '      replacement: bar',
      '      message: Say bar.',
      '    - baz',
      'reportPersonNames: true',
      '',
    ].join('\n');
    assert.deepStrictEqual(problems(text), []);
    assert.deepStrictEqual(config(text), {
      rules: { 'bias.wording': 'error', 'pii.echo': 'info', 'autonomy.handoff': 'off' },
      language: 'de',
      genderStyle: 'star',
      privacyPolicyUrl: 'https://example.com/privacy',
      disclosureText: { en: 'I am a bot.', de: 'Ich bin ein Bot.' },
      ignore: ['legacy/**', 'agent/intents/*.json#pii.echo, bias.wording'],
      words: { allow: ['guys', 'Mitarbeiter'], deny: [{ term: 'foo', replacement: 'bar', message: 'Say bar.' }, { term: 'baz', replacement: undefined, message: undefined }] },
      reportPersonNames: true,
    });
  });

  it('reads off/no/false/none unquoted (YAML 1.1 and 1.2) as off, warn as warning, any case', () => {
    const text = 'rules:\n  bias.wording: off\n  pii.echo: no\n  pii.notice: false\n  pii.literal: "off"\n  pii.sensitive: None\n  pii.transfer: warn\n  autonomy.handoff: Error\n  autonomy.pressure: INFO\n';
    assert.deepStrictEqual(problems(text), []);
    assert.deepStrictEqual(config(text).rules, {
      'bias.wording': 'off',
      'pii.echo': 'off',
      'pii.notice': 'off',
      'pii.literal': 'off',
      'pii.sensitive': 'off',
      'pii.transfer': 'warning',
      'autonomy.handoff': 'error',
      'autonomy.pressure': 'info',
    });
    assert.deepStrictEqual(config('reportPersonNames: yes\n'), { reportPersonNames: true });
    assert.deepStrictEqual(config('reportPersonNames: off\n'), { reportPersonNames: false });
  });

  it('sets only the keys the file has; an empty or comment-only file sets nothing', () => {
    assert.deepStrictEqual(config('language: en\n'), { language: 'en' });
    assert.deepStrictEqual(parseConfig('', FILE), { config: {}, problems: [] });
    assert.deepStrictEqual(parseConfig('# nothing yet\n', FILE), { config: {}, problems: [] });
    // the last of a repeated key wins
    assert.deepStrictEqual(config('language: de\nlanguage: en\n'), { language: 'en' });
  });
});

describe('parseConfig: wrong values are config.error on the value, the rest still applies', () => {
  const KNOWN = RULE_IDS.join(', ');

  it('rules: unknown ids on the id, wrong levels on the level, a missing level on the id', () => {
    const text = 'rules:\n  nope.rule: off\n  bias.wording: loud\n  pii.echo: 3\n  pii.notice:\n  pii.literal: error\n';
    assert.deepStrictEqual(problems(text), [
      `config.error "nope.rule" Unknown rule \`{0}\`. Known rules: {1}. ["nope.rule","${KNOWN}"]`,
      'config.error "loud" Rule `{0}` must be off, info, warning or error. ["bias.wording"]',
      'config.error "3" Rule `{0}` must be off, info, warning or error. ["pii.echo"]',
      'config.error "pii.notice" Rule `{0}` must be off, info, warning or error. ["pii.notice"]',
    ]);
    assert.deepStrictEqual(config(text), { rules: { 'pii.literal': 'error' } });
    const problem = parseConfig(text, FILE).problems[0];
    assert.deepStrictEqual([problem.start, problem.end], [9, 18]);
    assert.deepStrictEqual(problems('rules: off\n'), ['config.error "off" `rules` must map rule ids to off, info, warning or error.']);
    assert.deepStrictEqual(problems('rules:\n'), ['config.error "rules" `rules` must map rule ids to off, info, warning or error.']);
  });

  it('language, genderStyle, privacyPolicyUrl, reportPersonNames: wrong values and types', () => {
    const text = 'language: fr\ngenderStyle: dots\nprivacyPolicyUrl: ftp://x.org\nreportPersonNames: maybe\n';
    assert.deepStrictEqual(problems(text), [
      'config.error "fr" `language` must be auto, en or de.',
      'config.error "dots" `genderStyle` must be colon, star, neutral or pair.',
      'config.error "ftp://x.org" `privacyPolicyUrl` must be an http(s) URL.',
      'config.error "maybe" `reportPersonNames` must be true or false.',
    ]);
    assert.deepStrictEqual(config(text), {});
    assert.deepStrictEqual(problems('language:\nprivacyPolicyUrl: [a]\ngenderStyle: 1\n'), [
      'config.error "language" `language` must be auto, en or de.',
      'config.error "[a]" `privacyPolicyUrl` must be an http(s) URL.',
      'config.error "1" `genderStyle` must be colon, star, neutral or pair.',
    ]);
    assert.deepStrictEqual(problems('privacyPolicyUrl: https://x.org/a b\n'), ['config.error "https://x.org/a b" `privacyPolicyUrl` must be an http(s) URL.']);
  });

  it('disclosureText: only en and de, non-empty text', () => {
    const text = 'disclosureText:\n  en: "I am a bot."\n  fr: Je suis un robot.\n  de: ""\n';
    assert.deepStrictEqual(problems(text), ['config.error "fr" `disclosureText` takes the languages en and de.', 'config.error "\\"\\"" The disclosure text must be a non-empty sentence.']);
    assert.deepStrictEqual(config(text), { disclosureText: { en: 'I am a bot.' } });
    assert.deepStrictEqual(problems('disclosureText: I am a bot.\n'), ['config.error "I am a bot." `disclosureText` must map en and de to a sentence.']);
  });

  it('ignore: a list of strings, rule ids in #entries known; the error on the item that is wrong', () => {
    const text = 'ignore:\n  - "**/*.json#pii.echo"\n  - x.yml#nope.rule\n  - 5\n';
    assert.deepStrictEqual(problems(text), [`config.error "x.yml#nope.rule" Unknown rule \`{0}\` in the ignore entry. Known rules: {1}. ["nope.rule","${KNOWN}"]`]);
    assert.deepStrictEqual(config(text), { ignore: ['**/*.json#pii.echo', 'x.yml#nope.rule', '5'] });
    assert.deepStrictEqual(problems('ignore: legacy/**\n'), ['config.error "legacy/**" `ignore` must be a list of glob patterns.']);
    assert.deepStrictEqual(problems('ignore:\n  - a\n  - {b: 1}\n'), ['config.error "{b: 1}" `ignore` must be a list of glob patterns.']);
  });

  it('words: allow a list of terms; deny entries with a term (map or plain); unknown sub-keys', () => {
    const text = 'words:\n  allow: [guys]\n  deny:\n    - term: foo\n    - baz\n    - {replacement: x}\n    - term: ""\n    - [a]\n  other: 1\n';
    assert.deepStrictEqual(problems(text), [
      'config.error "{replacement: x}" Each `words.deny` entry needs a `term`.',
      'config.error "term: \\"\\"" Each `words.deny` entry needs a `term`.',
      'config.error "[a]" Each `words.deny` entry needs a `term`.',
      'config.error "other" Unknown key `words.{0}`: use allow or deny. ["other"]',
    ]);
    assert.deepStrictEqual(config(text).words, {
      allow: ['guys'],
      deny: [
        { term: 'foo', replacement: undefined, message: undefined },
        { term: 'baz', replacement: undefined, message: undefined },
      ],
    });
    assert.deepStrictEqual(problems('words:\n  allow: guys\n  deny: foo\n'), [
      'config.error "guys" `words.allow` must be a list of terms.',
      'config.error "foo" `words.deny` must be a list of { term, replacement, message }.',
    ]);
    assert.deepStrictEqual(problems('words:\n  allow: [a, [b]]\n'), ['config.error "[b]" `words.allow` must be a list of terms.']);
    assert.deepStrictEqual(problems('words: 3\n'), ['config.error "3" `words` must have `allow` and/or `deny` lists.']);
  });

  it('unknown settings on the key; a file that is not a mapping on the whole file', () => {
    assert.deepStrictEqual(problems('Language: de\nreportPersonNames: true\n'), ['config.error "Language" Unknown setting `{0}`. ["Language"]']);
    assert.deepStrictEqual(config('Language: de\nreportPersonNames: true\n'), { reportPersonNames: true });
    assert.deepStrictEqual(problems('- a\n- b\n'), ['config.error "- a\\n- b" The config file must be a mapping of settings.']);
    assert.deepStrictEqual(problems('just text\n'), ['config.error "just text" The config file must be a mapping of settings.']);
  });

  it('a YAML syntax error is a parse.error at its position; what the reader recovered still applies', () => {
    const text = 'rules:\n  bias.wording: off\n language: de\n';
    const parsed = parseConfig(text, FILE);
    assert.deepStrictEqual(
      parsed.problems.map((p) => [p.code, p.start, p.end, p.message.template, p.message.args]),
      [['parse.error', 27, 28, 'The config file is not valid YAML: {0}', ['All mapping items must start at the same column']]],
    );
    // the yaml reader recovers the mis-indented key as a top-level one
    assert.deepStrictEqual(parsed.config, { rules: { 'bias.wording': 'off' }, language: 'de' });

    const unclosed = 'key: [unclosed\nlanguage: de\n';
    assert.deepStrictEqual(problems(unclosed), [
      'parse.error "l" The config file is not valid YAML: {0} ["Flow sequence in block collection must be sufficiently indented and end with a ]"]',
      'config.error "key" Unknown setting `{0}`. ["key"]',
    ]);
    assert.deepStrictEqual(config(unclosed), { language: 'de' });
  });
});

describe('layerConfig and effectiveSeverity', () => {
  const settings: BotEthicsConfig = {
    ...DEFAULT_CONFIG,
    rules: { 'bias.wording': 'error', 'pii.echo': 'info' },
    language: 'en',
    genderStyle: 'pair',
    privacyPolicyUrl: 'https://settings.example/privacy',
    disclosureText: { en: 'Settings text.', de: 'Einstellungstext.' },
    ignore: ['from-settings/**'],
    words: { allow: ['guys'], deny: [{ term: 'foo' }] },
    reportPersonNames: true,
  };

  it('the config file wins key by key; lists are concatenated, maps merged', () => {
    const file = config('rules:\n  bias.wording: off\nlanguage: de\ndisclosureText:\n  de: Ich bin ein Bot.\nignore: [legacy/**]\nwords:\n  allow: [Kunden]\n  deny: [bar]\nreportPersonNames: false\n');
    assert.deepStrictEqual(layerConfig(settings, file), {
      rules: { 'bias.wording': 'off', 'pii.echo': 'info' },
      language: 'de',
      genderStyle: 'pair',
      privacyPolicyUrl: 'https://settings.example/privacy',
      disclosureText: { en: 'Settings text.', de: 'Ich bin ein Bot.' },
      ignore: ['from-settings/**', 'legacy/**'],
      words: { allow: ['guys', 'Kunden'], deny: [{ term: 'foo' }, { term: 'bar', replacement: undefined, message: undefined }] },
      reportPersonNames: false,
    });
    assert.strictEqual(layerConfig(settings, undefined), settings);
    assert.deepStrictEqual(layerConfig(DEFAULT_CONFIG, {}), { ...DEFAULT_CONFIG, privacyPolicyUrl: undefined });
  });

  it('effectiveSeverity: off removes, a level replaces, nothing keeps the rule’s own', () => {
    const c = layerConfig(DEFAULT_CONFIG, { rules: { 'bias.wording': 'off', 'pii.echo': 'error' } });
    assert.strictEqual(effectiveSeverity(c, 'bias.wording', 'warning'), undefined);
    assert.strictEqual(effectiveSeverity(c, 'pii.echo', 'warning'), 'error');
    assert.strictEqual(effectiveSeverity(c, 'pii.notice', 'warning'), 'warning');
    assert.strictEqual(effectiveSeverity(DEFAULT_CONFIG, 'autonomy.handoff', 'info'), 'info');
  });
});
