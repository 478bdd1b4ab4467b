import * as assert from 'assert';
import * as path from 'path';
import { ALL_RULES_OFF, cleanUp, project, runCli, runJson, slice, type JsonFinding } from './support';

/** A bot with a file that does not parse, a config with a wrong value, and a clean file. */
const BROKEN = {
  'domain.yml': 'version: "3.1"\nresponses:\n  utter_goodbye:\n  - text: "Bye!"\n',
  'data/nlu.yml': 'version: "3.1"\nnlu:\n  - intent: goodbye\n    examples: |\n      - bye\n  - intent: [broken\n    examples: |\n      - x\n',
  'data/rules.yml': 'version: "3.1"\nrules:\n  - rule: bye\n    steps:\n      - intent: goodbye\n      - action: utter_goodbye\n',
  '.bot-ethics.yml': 'language: en\ngenderStyle: loud\n' + ALL_RULES_OFF,
};

function assertRange(r: unknown): void {
  const range = r as { start: { line: unknown; character: unknown }; end: { line: unknown; character: unknown } };
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && (p.line as number) >= 0, 'line is a 0-based integer');
    assert.ok(Number.isInteger(p.character) && (p.character as number) >= 0, 'character is a 0-based integer');
    assert.deepStrictEqual(Object.keys(p).sort(), ['character', 'line']);
  }
}

/** Every field of a finding, with its type, exactly the contract's shape. */
function assertFindingShape(f: JsonFinding): void {
  assert.deepStrictEqual(Object.keys(f).sort(), ['file', 'fixes', 'message', 'range', 'rule', 'severity']);
  assert.strictEqual(typeof f.file, 'string');
  assert.ok(!f.file.includes('\\') && !path.isAbsolute(f.file), `relative POSIX path: ${f.file}`);
  assert.match(f.rule, /^[a-z]+\.[a-z]+$/);
  assert.ok(['error', 'warning', 'info'].includes(f.severity));
  assert.ok(typeof f.message === 'string' && f.message.length > 0);
  assertRange(f.range);
  assert.ok(Array.isArray(f.fixes));
  for (const fix of f.fixes) {
    assert.deepStrictEqual(Object.keys(fix).sort(), ['edits', 'title']);
    assert.ok(typeof fix.title === 'string' && fix.title.length > 0);
    assert.ok(fix.edits.length > 0);
    for (const e of fix.edits) {
      assert.deepStrictEqual(Object.keys(e).sort(), ['file', 'newText', 'range']);
      assert.ok(!e.file.includes('\\') && !path.isAbsolute(e.file));
      assert.strictEqual(typeof e.newText, 'string');
      assertRange(e.range);
    }
  }
}

describe('CLI: JSON output', () => {
  after(cleanUp);

  it('has exactly the contract shape: version, files, findings with 0-based ranges and relative paths', () => {
    const root = project(BROKEN);
    const { run, json } = runJson(['check', '.'], { cwd: root });
    assert.strictEqual(run.status, 1);
    assert.deepStrictEqual(Object.keys(json).sort(), ['files', 'findings', 'version']);
    assert.strictEqual(json.version, 1);
    assert.strictEqual(json.files, 3, 'domain.yml, data/nlu.yml, data/rules.yml (the config is not a bot file)');
    for (const f of json.findings) assertFindingShape(f);
    const parse = json.findings.filter((f) => f.rule === 'parse.error');
    assert.deepStrictEqual(
      parse.map((f) => [f.file, f.severity, f.range]),
      [['data/nlu.yml', 'error', { start: { line: 6, character: 4 }, end: { line: 6, character: 5 } }]],
    );
    const config = json.findings.filter((f) => f.rule === 'config.error');
    assert.strictEqual(config.length, 1);
    assert.strictEqual(config[0].file, '.bot-ethics.yml');
    assert.deepStrictEqual(config[0].range, { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } });
    assert.strictEqual(slice(BROKEN['.bot-ethics.yml'], config[0].range), 'loud');
    assert.strictEqual(config[0].message, '`genderStyle` must be colon, star, neutral or pair.');
  });

  it('paths are relative to the cwd, also with ../ when the project is elsewhere', () => {
    const root = project(BROKEN);
    const viaParent = runJson(['check', path.basename(root)], { cwd: path.dirname(root) }).json;
    assert.ok(viaParent.findings.some((f) => f.file === `${path.basename(root)}/data/nlu.yml`));
    const viaSub = runJson(['check', '..'], { cwd: path.join(root, 'data') }).json;
    assert.ok(viaSub.findings.some((f) => f.file === 'nlu.yml'));
    assert.ok(viaSub.findings.some((f) => f.file === '../.bot-ethics.yml'));
  });

  it('a broken file does not stop the others: each parse error is reported, every file counted', () => {
    const root = project({
      ...BROKEN,
      '.bot-ethics.yml': 'language: en\n' + ALL_RULES_OFF,
      'data/stories.yml': 'version: "3.1"\nstories:\n  - story: a\n    steps: [\n',
    });
    const { json } = runJson(['check', root]);
    assert.strictEqual(json.files, 4);
    assert.deepStrictEqual(
      json.findings.filter((f) => f.rule === 'parse.error').map((f) => path.basename(f.file)),
      ['nlu.yml', 'stories.yml'],
    );
  });
});

describe('CLI: text output', () => {
  after(cleanUp);

  it('prints path:line:col severity rule message, 1-based, then the summary line', () => {
    const root = project(BROKEN);
    const r = runCli(['check'], { cwd: root });
    assert.strictEqual(r.status, 1);
    const lines = r.stdout.split('\n');
    assert.strictEqual(lines.pop(), '', 'ends with a newline');
    assert.strictEqual(lines[0], '.bot-ethics.yml:2:14 error config.error `genderStyle` must be colon, star, neutral or pair.');
    assert.match(lines[1], /^data\/nlu\.yml:7:5 error parse\.error This file could not be parsed: /);
    assert.strictEqual(lines[2], '2 problems (2 errors, 0 warnings, 0 infos) in 3 files');
    assert.strictEqual(lines.length, 3);
  });

  it('uses singular forms for one and zero problems for a clean bot', () => {
    const clean = project({ 'domain.yml': BROKEN['domain.yml'], '.bot-ethics.yml': 'language: xx\n' + ALL_RULES_OFF });
    assert.strictEqual(runCli(['check', clean]).stdout.split('\n').slice(-2)[0], '1 problem (1 error, 0 warnings, 0 infos) in 1 file');
  });

  it('writes messages and the summary in German with --lang de or LANG=de_DE', () => {
    const root = project(BROKEN);
    for (const r of [runCli(['check', '--lang', 'de'], { cwd: root }), runCli(['check'], { cwd: root, env: { LANG: 'de_DE.UTF-8' } })]) {
      assert.strictEqual(r.status, 1);
      assert.match(r.stdout, /\n2 Probleme \(2 Fehler, 0 Warnungen, 0 Hinweise\) in 3 Dateien\n$/);
      // severity and rule id stay English so that scripts can read them
      assert.match(r.stdout, /^\.bot-ethics\.yml:2:14 error config\.error /);
    }
    // core messages are German too (config errors, parse errors)
    assert.match(runCli(['check', '--lang', 'de'], { cwd: root }).stdout, /^\.bot-ethics\.yml:2:14 error config\.error `genderStyle` muss colon, star, neutral oder pair sein\.\ndata\/nlu\.yml:7:5 error parse\.error Diese Datei kann nicht gelesen werden: /);
    const en = runCli(['check', '--lang', 'en'], { cwd: root, env: { LANG: 'de_DE.UTF-8' } });
    assert.match(en.stdout, /2 problems \(2 errors, 0 warnings, 0 infos\) in 3 files\n$/);
  });
});

describe('CLI: exit codes and --fail-on', () => {
  after(cleanUp);

  it('0 without findings, 1 with an error at any --fail-on level', () => {
    const clean = project({ 'domain.yml': BROKEN['domain.yml'], '.bot-ethics.yml': ALL_RULES_OFF });
    for (const level of ['error', 'warning', 'info']) assert.strictEqual(runCli(['check', clean, '--fail-on', level]).status, 0, level);
    const broken = project(BROKEN);
    for (const level of ['error', 'warning', 'info']) assert.strictEqual(runCli(['check', broken, `--fail-on=${level}`]).status, 1, level);
  });

  it('a config that lowers nothing: config.error is an error finding, exit 1 by default', () => {
    const root = project({ 'domain.yml': BROKEN['domain.yml'], '.bot-ethics.yml': ALL_RULES_OFF.replace('rules:\n', 'rules:\n  pii.ecko: off\n') });
    const { run, json } = runJson(['check', root]);
    assert.strictEqual(run.status, 1);
    assert.deepStrictEqual(json.findings.map((f) => [f.rule, f.range.start.line, f.range.start.character]), [['config.error', 1, 2]]);
  });
});
