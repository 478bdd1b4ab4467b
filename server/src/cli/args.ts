/**
 * Command-line arguments → a command. Hand-written (no dependency): long
 * options as `--name value` or `--name=value`, `--` ends the options. Anything
 * unknown is a {@link UsageError}, which exits 2 without output.
 */
import { msg, type Message, type Severity } from '../core/findings';
import { localize, type UiLang } from '../l10n';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckCommand {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  failOn: Severity;
  config?: string;
  lang?: UiLang;
}

export interface RulesCommand {
  command: 'rules';
  format: 'text' | 'json';
  lang?: UiLang;
}

export type Command = CheckCommand | RulesCommand | { command: 'help'; lang?: UiLang } | { command: 'version' };

/** Exit 2: a problem with how the tool was called or with its inputs; the message goes to stderr. */
export class CliError extends Error {
  readonly detail: Message;

  constructor(template: string, ...args: (string | number)[]) {
    const detail = msg(template, ...args);
    super(localize(detail, 'en'));
    this.detail = detail;
    this.name = 'CliError';
  }
}

/** A wrong command line; main adds a hint to `--help`. */
export class UsageError extends CliError {
  override name = 'UsageError';
}

const COMMANDS = ['check', 'rules', 'help'] as const;
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const LANGS: readonly UiLang[] = ['en', 'de'];
/** Options that take a value, per command. */
const VALUE_OPTIONS: Record<(typeof COMMANDS)[number], readonly string[]> = {
  check: ['format', 'fail-on', 'config', 'lang'],
  rules: ['format', 'lang'],
  help: ['lang'],
};

export function parseArgs(argv: readonly string[]): Command {
  if (argv.includes('--version') || argv.includes('-v')) return { command: 'version' };
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return { command: 'help', lang: langOption(argv) };
  if (first.startsWith('-')) throw new UsageError('Unknown option {0} before the command: use `bot-ethics check [PATH ...] [options]`.', first);
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError('Unknown command `{0}`. Commands: check, rules, help (to check a path: `bot-ethics check {0}`).', first);
  }
  const command = first as (typeof COMMANDS)[number];
  const { options, positional, help } = splitOptions(rest, VALUE_OPTIONS[command]);
  const lang = options.lang === undefined ? undefined : oneOf('--lang', options.lang, LANGS);
  if (help || command === 'help') return { command: 'help', lang };
  if (command === 'rules') {
    if (positional.length) throw new UsageError('`bot-ethics rules` takes no paths (got {0}).', positional[0]);
    return { command, lang, format: options.format === undefined ? 'text' : oneOf('--format', options.format, ['text', 'json'] as const) };
  }
  return {
    command,
    paths: positional.length ? positional : ['.'],
    format: options.format === undefined ? 'text' : oneOf('--format', options.format, FORMATS),
    failOn: options['fail-on'] === undefined ? 'error' : oneOf('--fail-on', options['fail-on'], SEVERITIES),
    config: options.config,
    lang,
  };
}

function splitOptions(args: readonly string[], valueOptions: readonly string[]): { options: Record<string, string>; positional: string[]; help: boolean } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : '';
    if (!valueOptions.includes(name)) throw new UsageError('Unknown option {0}.', eq < 0 ? arg : arg.slice(0, eq));
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError('Option --{0} needs a value.', name);
      i++;
    }
    if (!value) throw new UsageError('Option --{0} needs a value.', name);
    options[name] = value;
  }
  return { options, positional, help };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError('{0} must be {1} (got {2}).', option, allowed.join(' | '), value);
}

/** `--lang` anywhere, before the command line is parsed (for its own errors); invalid values are ignored here. */
export function langOption(argv: readonly string[]): UiLang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice(7) : undefined;
    if (v === 'en' || v === 'de') return v;
  }
  return undefined;
}
