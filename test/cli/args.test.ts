import * as assert from 'assert';
import { CliError, parseArgs, UsageError } from '../../server/src/cli/args';

describe('CLI: argument parsing', () => {
  it('defaults: check . as text, failing on errors', () => {
    assert.deepStrictEqual(parseArgs(['check']), { command: 'check', paths: ['.'], format: 'text', failOn: 'error', config: undefined, lang: undefined });
  });

  it('takes options before, between and after paths, as `--x v` or `--x=v`', () => {
    assert.deepStrictEqual(parseArgs(['check', '--format=sarif', 'a', '--fail-on', 'info', 'b', '--config', 'c.yml', '--lang=de']), {
      command: 'check',
      paths: ['a', 'b'],
      format: 'sarif',
      failOn: 'info',
      config: 'c.yml',
      lang: 'de',
    });
  });

  it('`--` ends the options, so a path may start with a dash', () => {
    assert.deepStrictEqual((parseArgs(['check', '--', '--weird-folder', '-x']) as { paths: string[] }).paths, ['--weird-folder', '-x']);
  });

  it('help, version and rules', () => {
    assert.deepStrictEqual(parseArgs([]), { command: 'help', lang: undefined });
    assert.deepStrictEqual(parseArgs(['-h', '--lang', 'de']), { command: 'help', lang: 'de' });
    assert.deepStrictEqual(parseArgs(['check', 'x', '--help']), { command: 'help', lang: undefined });
    assert.deepStrictEqual(parseArgs(['check', '-v']), { command: 'version' });
    assert.deepStrictEqual(parseArgs(['rules', '--format', 'json']), { command: 'rules', format: 'json', lang: undefined });
  });

  it('rejects what it does not know with a UsageError (a CliError: exit 2)', () => {
    const cases: [string[], string][] = [
      [['check', '-x'], 'Unknown option -x.'],
      [['check', '--format'], 'Option --format needs a value.'],
      [['check', '--format', '--lang'], 'Option --format needs a value.'],
      [['check', '--config='], 'Option --config needs a value.'],
      [['check', '--fail-on', 'warn'], '--fail-on must be error | warning | info (got warn).'],
      [['rules', '--fail-on', 'info'], 'Unknown option --fail-on.'],
      [['rules', '--format', 'sarif'], '--format must be text | json (got sarif).'],
      [['./bots'], 'Unknown command `./bots`. Commands: check, rules, help (to check a path: `bot-ethics check ./bots`).'],
    ];
    for (const [args, message] of cases) {
      assert.throws(
        () => parseArgs(args),
        (e: unknown) => e instanceof UsageError && e instanceof CliError && e.message === message,
        args.join(' '),
      );
    }
  });
});
