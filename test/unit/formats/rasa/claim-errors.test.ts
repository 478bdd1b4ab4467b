import * as assert from 'assert';
import { formatFor } from '../../../../server/src/formats';
import { rasaMarkdownParser, rasaYamlParser } from '../../../../server/src/formats/rasa';
import { topLevelKeys } from '../../../../server/src/formats/rasa/claim';
import { parseFile } from '../../../../server/src/core/project';
import { find, parseRasa, slice, termRange } from './helpers';

describe('rasa: which files are claimed', () => {
  const claims = (path: string, text: string): boolean => rasaYamlParser.claims(path, text);

  it('claims every kind of Rasa YAML file', () => {
    assert.ok(claims('domain.yml', 'version: "3.1"\nintents:\n  - greet\nresponses:\n  utter_greet:\n  - text: hi\n'));
    assert.ok(claims('domain/slots.yaml', 'slots:\n  email:\n    type: text\n'));
    assert.ok(claims('data/nlu.yml', 'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hi\n'));
    assert.ok(claims('data/rules.yml', 'rules:\n- rule: x\n  steps: []\n'));
    assert.ok(claims('data/flows.yml', 'flows:\n  greet:\n    steps: []\n'));
    assert.ok(claims('endpoints.yml', '# comment\naction_endpoint:\n  url: "http://localhost:5055/webhook"\n'));
    assert.ok(claims('config.yml', 'language: en\npipeline:\n- name: X\npolicies:\n- name: Y\n'));
    assert.ok(claims('e2e_tests/a.yml', 'test_cases:\n- test_case: a\n  steps: []\n'));
    assert.ok(claims('domain.yml', '"intents":\n  - greet\ncustom_key: 1\nentities: []\nslots: {}\n'));
  });

  it('claims no other YAML', () => {
    assert.ok(!claims('.github/workflows/ci.yml', 'name: CI\non:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n'));
    assert.ok(!claims('docker-compose.yml', 'version: "3"\nservices:\n  rasa:\n    image: rasa/rasa\n'));
    assert.ok(!claims('.bot-ethics.yml', 'rules:\n  pii.echo: off\nlanguage: de\n'));
    assert.ok(!claims('sub/bot-ethics-config.yml', 'rules:\n  pii.echo: off\nlanguage: de\n'));
    assert.ok(!claims('credentials.yml', 'rest:\nsocketio:\n  user_message_evt: user_uttered\n'));
    assert.ok(!claims('mixed.yml', 'intents: []\na: 1\nb: 2\nc: 3\n'));
    assert.ok(!claims('domain.json', '{"intents": []}'));
    assert.ok(!claims('notes.txt', 'intents:\n- greet\n'));
  });

  it('reads top-level keys and the shape of their values by a line scan', () => {
    assert.deepStrictEqual(topLevelKeys('# c\nversion: "3.1"\nrules:\n  # c\n  - rule: a\nslots:\n  a: 1\nx: [1]\n---\nempty:\n'), [
      { key: 'version', shape: 'scalar' },
      { key: 'rules', shape: 'list' },
      { key: 'slots', shape: 'map' },
      { key: 'x', shape: 'list' },
      { key: 'empty', shape: 'empty' },
    ]);
  });

  it('lets formats/index pick the Rasa parsers', () => {
    assert.strictEqual(formatFor('bot/domain.yml', 'intents:\n- greet\n')?.id, 'rasa');
    assert.strictEqual(formatFor('bot/data/nlu.md', '## intent:greet\n- hi\n')?.id, 'rasa-md');
    assert.strictEqual(formatFor('README.md', '# Bot\n\n## Setup\n* Install Rasa\n  - run pip\n'), undefined);
  });
});

describe('rasa: broken files and line ends', () => {
  it('reports YAML syntax errors at their position and never throws', () => {
    const src = 'responses:\n  utter_a:\n  - text: "unclosed\nslots: [\n';
    const model = parseFile('domain.yml', src, [rasaYamlParser]);
    assert.ok(model);
    assert.ok(model.errors.length > 0);
    for (const e of model.errors) assert.ok(e.at.start >= 0 && e.at.end <= src.length && e.at.start <= e.at.end, JSON.stringify(e.at));
    assert.ok(!model.errors.some((e) => e.message.includes('unclosed')), 'messages carry no document text');
    const nested = 'responses:\n  utter_a:\n  - text: hi\n    buttons: x: y\n';
    const m1 = parseRasa(nested);
    assert.deepStrictEqual(m1.errors, [{ file: 'domain.yml', message: 'Nested mappings are not allowed in compact mappings', at: { start: 48, end: 49 } }]);
    assert.strictEqual(nested.slice(48, 49), 'x');
    // what parses is still read
    assert.strictEqual(m1.messages[0].variations[0].pieces[0].text.value, 'hi');
    const dup = 'intents:\n- greet\nintents:\n- bye\n';
    const m2 = parseRasa(dup);
    assert.deepStrictEqual(
      m2.errors.map((e) => [e.message, slice(dup, e.at)]),
      [['Map keys must be unique', 'i']],
    );
    assert.strictEqual(m2.errors[0].at.start, find(dup, 'intents', 1).start);
  });

  it('reports a file that is not a mapping', () => {
    const list = rasaYamlParser.parse('domain.yml', '- intents\n- responses\n');
    assert.deepStrictEqual(list.errors.map((e) => [e.message, e.at]), [['A Rasa file must be a mapping of top-level keys (version, responses, stories, ...).', { start: 0, end: 22 }]]);
  });

  it('keeps exact offsets in a CRLF file with tabs, its BOM removed', () => {
    const withBom = '\ufeffresponses:\r\n  utter_greet:\r\n  - text: "Hi\tthere, guys"\r\n  - text: |\r\n      Line one\r\n      Line two, chairman\r\n';
    const src = withBom.slice(1);
    const model = rasaYamlParser.parse('domain.yml', withBom);
    assert.strictEqual(model.text, src);
    assert.deepStrictEqual(model.errors, []);
    const [v1, v2] = model.messages[0].variations;
    assert.strictEqual(v1.pieces[0].text.value, 'Hi\tthere, guys');
    assert.deepStrictEqual(termRange(v1.pieces[0].text, 'guys'), find(src, 'guys'));
    assert.strictEqual(v2.pieces[0].text.value, 'Line one\nLine two, chairman\n');
    assert.deepStrictEqual(termRange(v2.pieces[0].text, 'chairman'), find(src, 'chairman'));
    assert.strictEqual(v2.pieces[0].text.anchor, find(src, '  - text: |').start);
  });

  it('has no comment prefix in Markdown, # in YAML', () => {
    assert.strictEqual(rasaMarkdownParser.parse('nlu.md', '## intent:a\n- b\n').commentPrefix, undefined);
    assert.strictEqual(rasaYamlParser.parse('nlu.yml', 'nlu: []\n').commentPrefix, '#');
  });
});
