/**
 * The `bot-ethics` command as a function: arguments in, the complete output
 * and exit code out. The whole output is built first and written once (by
 * main.ts), so a failure never leaves half a report on stdout; exit 2 errors
 * print only to stderr.
 */
import { version } from '../../../package.json';
import { localize, uiLangFrom, type UiLang } from '../l10n';
import { RULES } from '../rules';
import { CliError, langOption, parseArgs, UsageError, type Command } from './args';
import { runCheck } from './check';
import { helpText, rulesText } from './help';
import { formatJson } from './output/json';
import { formatSarif } from './output/sarif';
import { formatText } from './output/text';
import { failsAt } from './report';

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

/** The language of messages: `--lang`, else LC_ALL, LC_MESSAGES, LANG (POSIX precedence). */
export function envLang(env: NodeJS.ProcessEnv): UiLang {
  return uiLangFrom(env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined);
}

export async function cli(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  let lang = langOption(argv) ?? envLang(env);
  try {
    const cmd: Command = parseArgs(argv);
    if ('lang' in cmd && cmd.lang) lang = cmd.lang;
    switch (cmd.command) {
      case 'version':
        return { stdout: `${version}\n`, stderr: '', exitCode: 0 };
      case 'help':
        return { stdout: helpText(lang), stderr: '', exitCode: 0 };
      case 'rules':
        return { stdout: rulesText(RULES, cmd.format, lang), stderr: '', exitCode: 0 };
      case 'check': {
        const { report, notes } = await runCheck(cmd, cwd, lang);
        const stdout = cmd.format === 'json' ? formatJson(report) : cmd.format === 'sarif' ? formatSarif(report, RULES) : formatText(report);
        const stderr = notes.map((n) => `bot-ethics: ${localize(n, lang)}\n`).join('');
        return { stdout, stderr, exitCode: failsAt(report.findings, cmd.failOn) ? 1 : 0 };
      }
    }
  } catch (e) {
    if (e instanceof CliError) {
      const hint = e instanceof UsageError ? `\n${localize('Run `bot-ethics --help` for usage.', lang)}` : '';
      return { stdout: '', stderr: `bot-ethics: ${localize(e.detail, lang)}${hint}\n`, exitCode: 2 };
    }
    const detail = e instanceof Error ? e.stack ?? e.message : String(e);
    return { stdout: '', stderr: `bot-ethics: ${localize('internal error, please report it: {0}', lang).replace('{0}', detail)}\n`, exitCode: 2 };
  }
}
