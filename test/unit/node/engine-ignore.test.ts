import * as assert from 'assert';
import { DEFAULT_CONFIG, layerConfig } from '../../../server/src/core/config';
import { Checker } from '../../../server/src/core/engine';
import { mergeProject, piecesOf } from '../../../server/src/core/model';
import type { Rule } from '../../../server/src/core/rule';
import { ModelBuilder } from '../../support/model-builder';

/** A test rule: one finding on every bot text. */
const everyText: Rule = {
  id: 'bias.wording',
  description: 'test',
  tags: [],
  defaultSeverity: 'warning',
  sources: [],
  explain: { en: { title: '', why: '', fix: '' }, de: { title: '', why: '', fix: '' } },
  checkFile(file, ctx) {
    for (const { piece } of piecesOf(file.messages)) ctx.report({ file: file.file, ...piece.text.fullRange, message: { template: 'x' }, fixes: [] });
  },
};

function project() {
  const json = new ModelBuilder('/p/agent/intents/welcome.json', 'dialogflow-es', { kind: 'json' });
  json.message('intent:welcome', ['Hello guys']);
  const yaml = new ModelBuilder('/p/domain.yml', 'rasa');
  yaml.message('utter_greet', ['Hi guys']);
  return mergeProject([json.build(), yaml.build()]);
}

describe('engine: config ignore entries and the JSON suppression fix', () => {
  it('without options behaves as before: no ignore fix on JSON, comment fix on YAML', () => {
    const byFile = new Checker([everyText]).check(project(), DEFAULT_CONFIG);
    const json = byFile.get('/p/agent/intents/welcome.json')!;
    assert.strictEqual(json.length, 1);
    assert.deepStrictEqual(json[0].fixes, []);
    const yaml = byFile.get('/p/domain.yml')!;
    assert.strictEqual(yaml[0].fixes.length, 1);
    assert.match(yaml[0].fixes[0].edits[0].newText, /# bot-ethics-disable-next-line bias\.wording/);
  });

  it('gives JSON findings a fix that adds an ignore entry to the existing config', () => {
    const configFile = { path: '/p/.bot-ethics.yml', text: 'language: en\n' };
    const byFile = new Checker([everyText]).check(project(), DEFAULT_CONFIG, undefined, { root: '/p', configFile });
    const [finding] = byFile.get('/p/agent/intents/welcome.json')!;
    assert.deepStrictEqual(finding.fixes, [
      {
        title: { template: 'Suppress {0} in this file (ignore entry in {1})', args: ['bias.wording', '.bot-ethics.yml'] },
        edits: [{ file: '/p/.bot-ethics.yml', start: 13, end: 13, newText: 'ignore:\n  - "agent/intents/welcome.json#bias.wording"\n' }],
      },
    ]);
  });

  it('creates the config in the root when there is none', () => {
    const byFile = new Checker([everyText]).check(project(), DEFAULT_CONFIG, undefined, { root: '/p' });
    const [finding] = byFile.get('/p/agent/intents/welcome.json')!;
    assert.strictEqual(finding.fixes[0].edits[0].file, '/p/.bot-ethics.yml');
    assert.strictEqual(finding.fixes[0].edits[0].createFile, true);
  });

  it('drops findings suppressed by `<glob>#<rule>` and every finding of ignored files', () => {
    const options = { root: '/p', configFile: { path: '/p/.bot-ethics.yml', text: '' } };
    const suppressed = new Checker([everyText]).check(project(), layerConfig(DEFAULT_CONFIG, { ignore: ['agent/intents/*.json#bias.wording'] }), undefined, options);
    assert.deepStrictEqual(suppressed.get('/p/agent/intents/welcome.json'), []);
    assert.strictEqual(suppressed.get('/p/domain.yml')!.length, 1);

    const otherRule = new Checker([everyText]).check(project(), layerConfig(DEFAULT_CONFIG, { ignore: ['**/intents/*.json#pii.echo'] }), undefined, options);
    assert.strictEqual(otherRule.get('/p/agent/intents/welcome.json')!.length, 1);

    const skipped = new Checker([everyText]).check(project(), layerConfig(DEFAULT_CONFIG, { ignore: ['domain.yml'] }), undefined, options);
    assert.strictEqual(skipped.has('/p/domain.yml'), false);
    assert.strictEqual(skipped.get('/p/agent/intents/welcome.json')!.length, 1);
  });

  it('reads ignore globs relative to the config file, not the root', () => {
    const options = { root: '/p', configFile: { path: '/p/agent/.bot-ethics.yml', text: '' } };
    const byFile = new Checker([everyText]).check(project(), layerConfig(DEFAULT_CONFIG, { ignore: ['/intents/welcome.json#bias.wording'] }), undefined, options);
    assert.deepStrictEqual(byFile.get('/p/agent/intents/welcome.json'), []);
  });
});
