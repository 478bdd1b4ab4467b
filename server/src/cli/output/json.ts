/**
 * JSON output, exactly the contract's shape (../shared/spec/cli.md):
 * `{"version":1,"files":n,"findings":[{file, rule, severity, message, range,
 * fixes:[{title, edits:[{file, range, newText}]}]}]}` with 0-based lines and
 * UTF-16 columns. Paths are relative to the cwd with POSIX separators; an
 * edit that creates a file is an insertion at 0:0 into that path.
 */
import type { Report } from '../report';

export function formatJson(report: Report): string {
  const out = {
    version: 1,
    files: report.files,
    findings: report.findings.map((f) => ({
      file: f.file,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: f.range,
      fixes: f.fixes.map((fix) => ({
        title: fix.title,
        edits: fix.edits.map((e) => ({ file: e.file, range: e.range, newText: e.newText })),
      })),
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
