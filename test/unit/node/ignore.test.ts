import * as assert from 'assert';
import { parseDocument } from 'yaml';
import { parseConfig } from '../../../server/src/core/config';
import { IgnoreList, ignoreFix, parseIgnoreEntry, relativeTo } from '../../../server/src/core/ignore';
import { applyEdits } from '../../support/model-builder';

const CONFIG = '/p/.bot-ethics.yml';

/** Applies the ignore fix for `file` to a config text and returns the new text. */
function withFix(text: string, file = '/p/agent/intents/a.json', rule = 'pii.echo' as const): string {
  const fix = ignoreFix(rule, file, { path: CONFIG, text });
  assert.ok(fix, 'expected a fix');
  assert.strictEqual(fix.edits.length, 1);
  assert.strictEqual(fix.edits[0].file, CONFIG);
  return applyEdits(text, fix.edits);
}

function ignoreList(text: string): unknown {
  const doc = parseDocument(text);
  assert.deepStrictEqual(doc.errors, []);
  return (doc.toJSON() as { ignore: unknown }).ignore;
}

describe('core/ignore: entries', () => {
  it('splits `<glob>#<rules>` and keeps a `#` that is not followed by rule ids', () => {
    assert.deepStrictEqual(parseIgnoreEntry('intents/*.json#pii.echo, bias.wording'), { glob: 'intents/*.json', rules: ['pii.echo', 'bias.wording'] });
    assert.deepStrictEqual(parseIgnoreEntry('legacy/**'), { glob: 'legacy/**' });
    assert.deepStrictEqual(parseIgnoreEntry('notes#1.yml'), { glob: 'notes#1.yml' });
    assert.deepStrictEqual(parseIgnoreEntry('#pii.echo'), { glob: '#pii.echo' });
  });

  it('relativeTo gives the path below a folder, or undefined', () => {
    assert.strictEqual(relativeTo('/p', '/p/a/b.yml'), 'a/b.yml');
    assert.strictEqual(relativeTo('/p/', '/p/a.yml'), 'a.yml');
    assert.strictEqual(relativeTo('/p', '/pq/a.yml'), undefined);
    assert.strictEqual(relativeTo('/p', '/other/a.yml'), undefined);
  });

  it('matches gitignore-like: basename at any depth, anchored, folder-only, folder covers below', () => {
    const list = new IgnoreList(['*.draft.yml', '/top.yml', 'build/', 'legacy', 'data/old/**', 'x.json#pii.echo'], '/p');
    assert.ok(list.ignores('/p/a/b/c.draft.yml'));
    assert.ok(list.ignores('/p/top.yml'));
    assert.ok(!list.ignores('/p/sub/top.yml'), 'a leading / anchors to the config folder');
    assert.ok(list.ignores('/p/build', true));
    assert.ok(!list.ignores('/p/build', false), 'build/ matches folders only');
    assert.ok(list.ignores('/p/src/build/domain.yml'), 'a file below an ignored folder');
    assert.ok(list.ignores('/p/legacy/domain.yml'));
    assert.ok(list.ignores('/p/data/old/nlu.yml'));
    assert.ok(!list.ignores('/p/data/nlu.yml'));
    assert.ok(!list.ignores('/p/x.json'), 'a #rule entry does not skip the file');
    assert.ok(!list.ignores('/elsewhere/a.draft.yml'), 'files outside the config folder are never matched');
  });

  it('suppresses only the named rules in matching files', () => {
    const list = new IgnoreList(['agent/intents/*.json#pii.echo,bias.wording', 'flows/**#pii.notice'], '/p');
    assert.ok(list.suppresses('/p/agent/intents/a.json', 'pii.echo'));
    assert.ok(list.suppresses('/p/agent/intents/a.json', 'bias.wording'));
    assert.ok(!list.suppresses('/p/agent/intents/a.json', 'pii.notice'));
    assert.ok(!list.suppresses('/p/agent/a.json', 'pii.echo'));
    assert.ok(list.suppresses('/p/flows/Default Start Flow/pages/x.json', 'pii.notice'));
    assert.ok(!list.isEmpty);
    assert.ok(new IgnoreList([], '/p').isEmpty);
  });

  it('config validation reports unknown rule ids in #rule entries at the entry', () => {
    const text = 'ignore:\n  - "a.json#pii.echo"\n  - "b.json#pii.ecko"\n';
    const { config, problems } = parseConfig(text, CONFIG);
    assert.deepStrictEqual(config.ignore, ['a.json#pii.echo', 'b.json#pii.ecko']);
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].code, 'config.error');
    assert.strictEqual(text.slice(problems[0].start, problems[0].end), '"b.json#pii.ecko"');
  });
});

describe('core/ignore: the ignore-entry fix', () => {
  it('appends to a block list keeping its indentation', () => {
    const text = 'rules:\n  bias.wording: info\nignore:\n    - legacy/**\n    - "x.json" # old\nlanguage: de\n';
    const out = withFix(text);
    assert.strictEqual(out, 'rules:\n  bias.wording: info\nignore:\n    - legacy/**\n    - "x.json" # old\n    - "agent/intents/a.json#pii.echo"\nlanguage: de\n');
    assert.deepStrictEqual(ignoreList(out), ['legacy/**', 'x.json', 'agent/intents/a.json#pii.echo']);
  });

  it('adds to flow lists, empty or not', () => {
    assert.strictEqual(withFix('ignore: [a.yml, b.yml]\n'), 'ignore: [a.yml, b.yml, "agent/intents/a.json#pii.echo"]\n');
    assert.strictEqual(withFix('ignore: []\n'), 'ignore: ["agent/intents/a.json#pii.echo"]\n');
  });

  it('fills an empty or null `ignore:`', () => {
    assert.deepStrictEqual(ignoreList(withFix('ignore:\nlanguage: en\n')), ['agent/intents/a.json#pii.echo']);
    assert.strictEqual(withFix('ignore:\nlanguage: en\n'), 'ignore:\n  - "agent/intents/a.json#pii.echo"\nlanguage: en\n');
    assert.strictEqual(withFix('ignore: ~\n'), 'ignore: ["agent/intents/a.json#pii.echo"]\n');
  });

  it('appends an `ignore:` key, keeping CRLF line ends and a missing final newline in mind', () => {
    assert.strictEqual(withFix('language: de\r\n'), 'language: de\r\nignore:\r\n  - "agent/intents/a.json#pii.echo"\r\n');
    assert.strictEqual(withFix('language: de'), 'language: de\nignore:\n  - "agent/intents/a.json#pii.echo"\n');
    assert.strictEqual(withFix(''), 'ignore:\n  - "agent/intents/a.json#pii.echo"\n');
    assert.strictEqual(withFix('# just a comment\n'), '# just a comment\nignore:\n  - "agent/intents/a.json#pii.echo"\n');
  });

  it('creates the config file when there is none', () => {
    const fix = ignoreFix('pii.transfer', '/p/agent.json', { path: CONFIG });
    assert.ok(fix);
    assert.deepStrictEqual(fix.edits, [{ file: CONFIG, start: 0, end: 0, newText: 'ignore:\n  - "agent.json#pii.transfer"\n', createFile: true }]);
    assert.deepStrictEqual(fix.title, { template: 'Suppress {0} in this file (creates {1})', args: ['pii.transfer', '.bot-ethics.yml'] });
  });

  it('offers no fix for invalid YAML, a non-mapping config or a file outside the config folder', () => {
    assert.strictEqual(ignoreFix('pii.echo', '/p/a.json', { path: CONFIG, text: 'ignore: [\n' }), undefined);
    assert.strictEqual(ignoreFix('pii.echo', '/p/a.json', { path: CONFIG, text: '- a\n- b\n' }), undefined);
    assert.strictEqual(ignoreFix('pii.echo', '/q/a.json', { path: CONFIG, text: '' }), undefined);
    assert.strictEqual(ignoreFix('pii.echo', '/p/a.json', { path: CONFIG, text: 'ignore: 3\n' }), undefined);
  });

  it('escapes glob characters so that the entry matches exactly its file', () => {
    const file = '/p/flows/Start [v2]/pages/a*b.json';
    const out = withFix('ignore: []\n', file);
    const { config, problems } = parseConfig(out, CONFIG);
    assert.deepStrictEqual(problems, []);
    const list = new IgnoreList(config.ignore!, '/p');
    assert.ok(list.suppresses(file, 'pii.echo'));
    assert.ok(!list.suppresses('/p/flows/Start v/pages/aXb.json', 'pii.echo'));
  });
});
