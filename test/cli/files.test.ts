import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cleanUp, project, runCli, runJson, slice } from './support';

const GOOD = 'version: "3.1"\nresponses:\n  utter_goodbye:\n  - text: "Bye!"\n';
/** Claimed by the Rasa format (top-level `nlu`), but not valid YAML. */
const BROKEN = 'version: "3.1"\nnlu:\n  - intent: x\n    examples: |\n      - a\n  - intent: [oops\n    examples: |\n      - b\n';

const brokenFiles = (json: { findings: { rule: string; file: string }[] }) => json.findings.filter((f) => f.rule === 'parse.error').map((f) => f.file);
/** These tests are about which files are read: findings of the rules on the tiny bots do not matter. */
const fileProblems = <T extends { rule: string }>(json: { findings: T[] }): T[] => json.findings.filter((f) => f.rule === 'parse.error' || f.rule === 'config.error');

describe('CLI: which files are read', () => {
  after(cleanUp);

  it('skips node_modules, dot folders and .gitignore’d paths (nested .gitignore too)', () => {
    const root = project({
      'domain.yml': GOOD,
      'data/nlu.yml': BROKEN,
      'node_modules/some-bot/domain.yml': BROKEN,
      '.rasa/cache.yml': BROKEN,
      '.gitignore': 'generated/\n*.local.yml\n',
      'generated/nlu.yml': BROKEN,
      'data/test.local.yml': BROKEN,
      'data/.gitignore': 'scratch.yml\n',
      'data/scratch.yml': BROKEN,
      'other/scratch.yml': BROKEN,
    });
    const { json } = runJson(['check', '.'], { cwd: root });
    assert.deepStrictEqual(brokenFiles(json), ['data/nlu.yml', 'other/scratch.yml']);
    assert.strictEqual(json.files, 3);
  });

  it('skips the config’s ignore globs (relative to the config file) but checks a file named on the command line', () => {
    const root = project({
      '.bot-ethics.yml': 'ignore:\n  - "legacy/**"\n  - "*.draft.yml"\n',
      'domain.yml': GOOD,
      'legacy/old.yml': BROKEN,
      'data/a.draft.yml': BROKEN,
      'data/nlu.yml': BROKEN,
    });
    assert.deepStrictEqual(brokenFiles(runJson(['check', '.'], { cwd: root }).json), ['data/nlu.yml']);
    // from a subfolder the globs still count from the config's folder
    assert.deepStrictEqual(brokenFiles(runJson(['check', '.'], { cwd: path.join(root, 'data') }).json), ['nlu.yml']);
    // a named file that the config ignores is skipped, with a note on stderr
    const named = runJson(['check', 'legacy/old.yml'], { cwd: root });
    assert.deepStrictEqual(named.json.findings, [], 'not read at all');
    assert.strictEqual(named.run.stderr, 'bot-ethics: legacy/old.yml: skipped, ignored by .bot-ethics.yml\n');
  });

  it('--config FILE replaces the config found by walking up, its globs relative to its own folder', () => {
    const root = project({
      '.bot-ethics.yml': 'language: xx\n',
      'bot/domain.yml': GOOD,
      'bot/legacy/old.yml': BROKEN,
      'ci.yml': 'ignore:\n  - "bot/legacy/**"\n',
      'settings/ci.yml': 'ignore:\n  - "legacy/**"\n',
    });
    const { json } = runJson(['check', 'bot', '--config', 'ci.yml'], { cwd: root });
    assert.deepStrictEqual(fileProblems(json), [], 'neither the found config’s error nor the ignored file');
    // globs count from the config file's folder, not from the checked folder
    assert.deepStrictEqual(brokenFiles(runJson(['check', 'bot', '--config', 'settings/ci.yml'], { cwd: root }).json), ['bot/legacy/old.yml']);
    assert.deepStrictEqual(
      fileProblems(runJson(['check', 'bot'], { cwd: root }).json).map((f) => [f.rule, f.file]),
      [
        ['config.error', '.bot-ethics.yml'],
        ['parse.error', 'bot/legacy/old.yml'],
      ],
    );
  });

  it('a folder holding several bots checks each alone; a named file is reported in its project', () => {
    const root = project({
      'bots/one/domain.yml': GOOD,
      'bots/one/data/nlu.yml': BROKEN,
      'bots/two/domain.yml': GOOD,
      'bots/two/.bot-ethics.yml': 'genderStyle: loud\n',
    });
    const all = runJson(['check', 'bots'], { cwd: root }).json;
    assert.strictEqual(all.files, 3);
    assert.deepStrictEqual(
      fileProblems(all).map((f) => [f.rule, f.file]),
      [
        ['parse.error', 'bots/one/data/nlu.yml'],
        ['config.error', 'bots/two/.bot-ethics.yml'],
      ],
    );
    // a single file: only its findings, counted as one file, though its project was read for context
    const one = runJson(['check', 'bots/one/domain.yml'], { cwd: root }).json;
    assert.strictEqual(one.files, 1);
    assert.deepStrictEqual(fileProblems(one), []);
    const two = runJson(['check', 'bots/one/data/nlu.yml', 'bots/one/domain.yml'], { cwd: root }).json;
    assert.strictEqual(two.files, 2);
    assert.deepStrictEqual(brokenFiles(two), ['bots/one/data/nlu.yml']);
    // a folder and a file of the same project: the project once
    const both = runJson(['check', 'bots/one', 'bots/one/domain.yml'], { cwd: root }).json;
    assert.strictEqual(both.files, 2);
    assert.strictEqual(fileProblems(both).length, 1);
  });

  it('says so on stderr when a folder holds no bot file (exit 0)', () => {
    const root = project({ 'README.md': '# not a bot\n', 'src/app.json': '{"name": "app"}' });
    const r = runCli(['check', root]);
    assert.strictEqual(r.status, 0);
    assert.strictEqual(r.stdout, '0 problems (0 errors, 0 warnings, 0 infos) in 0 files\n');
    assert.strictEqual(r.stderr, 'bot-ethics: no bot files found (Rasa, Bot Framework Composer, Dialogflow)\n');
  });

  it('a named file no format claims is skipped with a note', () => {
    const root = project({ 'notes.yml': 'shopping:\n  - milk\n' });
    const r = runJson(['check', 'notes.yml'], { cwd: root });
    assert.strictEqual(r.run.status, 0);
    assert.strictEqual(r.json.files, 0);
    assert.strictEqual(r.run.stderr, 'bot-ethics: notes.yml: not a bot file of a supported format, skipped\n');
  });
});

describe('CLI: positions in BOM + CRLF files', () => {
  after(cleanUp);

  it('reports config errors at the right line/column (0-based JSON, 1-based text) despite BOM and CRLF', () => {
    const config = '\ufeff# settings\r\nlanguage: en\r\ngenderStyle: loud\r\n';
    const root = project({ '.bot-ethics.yml': config, 'domain.yml': GOOD });
    const { json } = runJson(['check', '.'], { cwd: root });
    const [f] = fileProblems(json);
    assert.deepStrictEqual(f.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 17 } });
    assert.strictEqual(slice(config.slice(1), f.range), 'loud');
    assert.match(runCli(['check', '.'], { cwd: root }).stdout, /^\.bot-ethics\.yml:3:14 error config\.error/);
  });

  it('reports a parse error in a BOM + CRLF bot file at the error’s line', () => {
    const text = '\ufeffversion: "3.1"\r\nnlu:\r\n  - intent: x\r\n    examples: |\r\n      - a\r\n  - intent: [oops\r\n    examples: |\r\n      - b\r\n';
    const root = project({ 'data/nlu.yml': text });
    const { json } = runJson(['check', '.'], { cwd: root });
    assert.deepStrictEqual(fileProblems(json).map((f) => [f.rule, f.range.start]), [['parse.error', { line: 6, character: 4 }]]);
    assert.strictEqual(fs.readFileSync(path.join(root, 'data/nlu.yml'), 'utf8'), text, 'the file is never written');
  });
});
