import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cleanUp, project, REPO, runCli } from './support';

const BOT = { 'domain.yml': 'version: "3.1"\nresponses:\n  utter_goodbye:\n  - text: "Bye!"\n' };

describe('CLI: usage, version, exit code 2', () => {
  after(cleanUp);

  it('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    const r = runCli(['--version']);
    assert.strictEqual(r.status, 0);
    assert.strictEqual(r.stdout, `${version}\n`);
    assert.strictEqual(r.stderr, '');
  });

  it('--help and no arguments print the usage and exit 0', () => {
    for (const args of [['--help'], [], ['check', '--help'], ['help']]) {
      const r = runCli(args);
      assert.strictEqual(r.status, 0, args.join(' '));
      assert.match(r.stdout, /^Usage: bot-ethics check \[PATH \.\.\.\] \[options\]/);
      assert.match(r.stdout, /--fail-on error\|warning\|info/);
    }
    assert.match(runCli(['--help', '--lang', 'de']).stdout, /^Aufruf: bot-ethics check \[PFAD \.\.\.\]/);
  });

  const usageErrors: [string[], RegExp][] = [
    [['check', '--bogus'], /^bot-ethics: Unknown option --bogus\.\nRun `bot-ethics --help` for usage\.\n$/],
    [['check', '--format', 'xml'], /^bot-ethics: --format must be text \| json \| sarif \(got xml\)\./],
    [['check', '--fail-on=never'], /^bot-ethics: --fail-on must be error \| warning \| info \(got never\)\./],
    [['check', '--lang', 'fr'], /^bot-ethics: --lang must be en \| de \(got fr\)\./],
    [['check', '--config'], /^bot-ethics: Option --config needs a value\./],
    [['lint', '.'], /^bot-ethics: Unknown command `lint`\./],
    [['--format', 'json', 'check'], /^bot-ethics: Unknown option --format before the command/],
    [['rules', 'x.yml'], /^bot-ethics: `bot-ethics rules` takes no paths/],
  ];
  for (const [args, message] of usageErrors) {
    it(`usage error: ${args.join(' ')} → exit 2, message on stderr, nothing on stdout`, () => {
      const r = runCli(args);
      assert.strictEqual(r.status, 2);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, message);
    });
  }

  it('a missing or unreadable --config file → exit 2, nothing on stdout', () => {
    const root = project({ ...BOT, 'folder.yml/keep': '' });
    const missing = runCli(['check', root, '--config', path.join(root, 'nope.yml'), '--format', 'json']);
    assert.strictEqual(missing.status, 2);
    assert.strictEqual(missing.stdout, '');
    assert.match(missing.stderr, /^bot-ethics: Cannot read the config file .*nope\.yml: no such file or directory\.\n$/);
    const folder = runCli(['check', root, '--config', path.join(root, 'folder.yml')]);
    assert.strictEqual(folder.status, 2);
    assert.strictEqual(folder.stdout, '');
    assert.match(folder.stderr, /it is a folder, not a file/);
  });

  it('a PATH that does not exist → exit 2, nothing on stdout', () => {
    const root = project(BOT);
    const r = runCli(['check', root, 'no/such/dir', '--format', 'sarif'], { cwd: root });
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stdout, '');
    assert.strictEqual(r.stderr, 'bot-ethics: Cannot read no/such/dir: no such file or directory.\n');
  });

  it('a found config file that cannot be read → exit 2', function () {
    const root = project(BOT);
    fs.mkdirSync(path.join(root, '.bot-ethics.yml')); // a folder where the file should be: not a config file, so not found
    assert.strictEqual(runCli(['check', root]).status, 0);
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads unreadable files
    fs.rmdirSync(path.join(root, '.bot-ethics.yml'));
    fs.writeFileSync(path.join(root, '.bot-ethics.yml'), 'language: en\n', { mode: 0o000 });
    const r = runCli(['check', root]);
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /permission denied/);
  });

  it('German usage errors with --lang de or LANG=de_DE.UTF-8', () => {
    assert.match(runCli(['check', '--bogus', '--lang', 'de']).stderr, /^bot-ethics: Unbekannte Option --bogus\.\nAufruf: siehe `bot-ethics --help`\.\n$/);
    assert.match(runCli(['check', '--bogus'], { env: { LANG: 'de_DE.UTF-8' } }).stderr, /Unbekannte Option --bogus/);
    // LC_ALL wins over LANG (POSIX)
    assert.match(runCli(['check', '--bogus'], { env: { LANG: 'de_DE.UTF-8', LC_ALL: 'en_US.UTF-8' } }).stderr, /Unknown option --bogus/);
  });
});
