import * as assert from 'assert';
import { find, parseRasa, slice } from './helpers';

describe('rasa: nlu training data', () => {
  it('makes one example per `- ` line with exact offsets, annotations kept', () => {
    const src = [
      'version: "3.1"',
      'nlu:',
      '- intent: inform',
      '  examples: |',
      '    - my email is [jane@corp.com](email)',
      '    -   call me at [+49 170 1234567]{"entity": "phone", "value": "x"}  ',
      '',
      '    - [Berlin]{"entity": "city"}',
      '- synonym: hospital',
      '  examples: |',
      '    - clinic',
      '- regex: zip',
      '  examples: |',
      '    - [0-9]{5}',
      '- lookup: city',
      '  examples: |',
      '    - Hamburg',
      '',
    ].join('\n');
    const model = parseRasa(src, 'data/nlu.yml');
    assert.deepStrictEqual(model.errors, []);
    assert.deepStrictEqual(
      model.examples.map((e) => [e.intent, e.text.value, slice(src, e.text.fullRange)]),
      [
        ['inform', 'my email is [jane@corp.com](email)', 'my email is [jane@corp.com](email)'],
        ['inform', 'call me at [+49 170 1234567]{"entity": "phone", "value": "x"}', 'call me at [+49 170 1234567]{"entity": "phone", "value": "x"}'],
        ['inform', '[Berlin]{"entity": "city"}', '[Berlin]{"entity": "city"}'],
      ],
    );
    const mail = model.examples[0].text;
    const i = mail.value.indexOf('jane@corp.com');
    assert.deepStrictEqual(mail.range(i, i + 13), find(src, 'jane@corp.com'));
    // a suppression comment goes above `examples:`
    assert.strictEqual(mail.anchor, find(src, '  examples').start);
    assert.deepStrictEqual(model.messages, []);
  });

  it('reads the list form of examples and an example block with CRLF', () => {
    const src = ['nlu:', '- intent: greet', '  examples:', '  - text: |', '      hi there', '    metadata:', '      sentiment: neutral', '  - text: hallo', ''].join('\r\n');
    const model = parseRasa(src, 'data/nlu.yml');
    assert.deepStrictEqual(
      model.examples.map((e) => e.text.value),
      ['hi there\n', 'hallo'],
    );
    const crlf = ['nlu:', '- intent: greet', '  examples: |', '    - hey', '    - moin du', ''].join('\r\n');
    const m2 = parseRasa(crlf, 'data/nlu.yml');
    assert.deepStrictEqual(
      m2.examples.map((e) => slice(crlf, e.text.fullRange)),
      ['hey', 'moin du'],
    );
  });

  it('gives examples the language of a locale folder', () => {
    const src = 'nlu:\n- intent: greet\n  examples: |\n    - hallo\n';
    assert.strictEqual(parseRasa(src, 'languages/de/data/nlu.yml').examples[0].lang, 'de');
  });
});

describe('rasa: endpoints.yml', () => {
  it('reads the action server, tracker store, event broker and other urls', () => {
    const src = [
      '# endpoints',
      'action_endpoint:',
      ' url: "http://actions.example.com:5055/webhook"',
      'tracker_store:',
      '  type: mongod',
      '  url: mongodb://db:27017',
      'event_broker:',
      '  url: localhost',
      'models:',
      '  url: https://models.example.com/latest',
      'lock_store:',
      '  type: in_memory',
      '#nlg:',
      '#  url: http://commented.example.com',
      '',
    ].join('\n');
    const model = parseRasa(src, 'endpoints.yml');
    assert.deepStrictEqual(model.errors, []);
    assert.deepStrictEqual(
      model.endpoints.map((e) => [e.kind, e.url.value, slice(src, e.url.fullRange), e.carriesAll]),
      [
        ['action-server', 'http://actions.example.com:5055/webhook', 'http://actions.example.com:5055/webhook', true],
        ['tracker-store', 'mongodb://db:27017', 'mongodb://db:27017', true],
        ['tracker-store', 'localhost', 'localhost', true],
        ['other', 'https://models.example.com/latest', 'https://models.example.com/latest', undefined],
      ],
    );
    assert.deepStrictEqual(model.endpoints[0].url.node, find(src, '"http://actions.example.com:5055/webhook"'));
    assert.deepStrictEqual(model.endpoints[0].carries, []);
  });

  it('reads nothing from config.yml', () => {
    const src = 'recipe: default.v1\nlanguage: de\npipeline:\n- name: WhitespaceTokenizer\npolicies:\n- name: RulePolicy\n';
    const model = parseRasa(src, 'config.yml');
    assert.deepStrictEqual([model.messages, model.variables, model.endpoints, model.examples, model.errors], [[], [], [], [], []]);
    assert.strictEqual(model.rootPriority, undefined);
  });
});
