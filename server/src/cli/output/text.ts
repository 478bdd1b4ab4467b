/**
 * Text output: `path:line:col severity rule message`, 1-based, one finding a
 * line (the format editors' problem matchers read), then a summary line.
 * Severity and rule id stay English in every language so that scripts can
 * parse them; the message and the summary are localized.
 */
import { localize, type UiLang } from '../../l10n';
import type { Report } from '../report';

export function formatText(report: Report): string {
  const lines = report.findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}`);
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

/** `3 problems (1 error, 2 warnings, 0 infos) in 4 files`, with singular forms where the count is 1. */
export function summaryLine(report: Report): string {
  const count = (severity: string) => report.findings.filter((f) => f.severity === severity).length;
  const lang = report.lang;
  return localize(
    {
      template: '{0} ({1}, {2}, {3}) in {4}',
      args: [
        counted(report.findings.length, '{0} problem', '{0} problems', lang),
        counted(count('error'), '{0} error', '{0} errors', lang),
        counted(count('warning'), '{0} warning', '{0} warnings', lang),
        counted(count('info'), '{0} info', '{0} infos', lang),
        counted(report.files, '{0} file', '{0} files', lang),
      ],
    },
    lang,
  );
}

function counted(n: number, one: string, many: string, lang: UiLang): string {
  return localize({ template: n === 1 ? one : many, args: [n] }, lang);
}
