/**
 * Diagnostics as the editor shows them, and waiting for them without
 * sleeping: every wait listens to `vscode.languages.onDidChangeDiagnostics`
 * and re-checks its predicate on each change of the file it watches.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

export const SOURCE = 'bot-ethics';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

/** One expected diagnostic: rule id, severity, [startLine, startChar, endLine, endChar] (0-based), the text under the range. */
export type Expected = [code: string, severity: SeverityName, range: [number, number, number, number], text: string];

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, SeverityName> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The bot-ethics diagnostics of a file (other extensions' are not ours to judge). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The rule id: with a codeDescription VS Code hands the code over as `{ value, target }`. */
export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function hasCode(code: string): (d: vscode.Diagnostic) => boolean {
  return (d) => codeOf(d) === code;
}

function rangeTuple(r: vscode.Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

/** Sorted by position, then rule id, so that two lists compare whatever order the server sent. */
function byPosition(a: Expected, b: Expected): number {
  for (let i = 0; i < 4; i++) if (a[2][i] !== b[2][i]) return a[2][i] - b[2][i];
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** Diagnostics in the `Expected` shape; `text` is the file's text the ranges point into. */
export function describe(diagnostics: readonly vscode.Diagnostic[], text: string): Expected[] {
  const lines = text.split(/\r\n|\r|\n/);
  const under = (r: vscode.Range): string => {
    if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
    const parts = lines.slice(r.start.line, r.end.line + 1);
    parts[0] = parts[0].slice(r.start.character);
    parts[parts.length - 1] = parts[parts.length - 1].slice(0, r.end.character);
    return parts.join('\n');
  };
  return diagnostics.map((d): Expected => [codeOf(d), SEVERITY_NAMES[d.severity], rangeTuple(d.range), under(d.range)]).sort(byPosition);
}

/**
 * Asserts exactly these bot-ethics diagnostics (no more, no fewer), and that
 * each one is a complete bot-ethics diagnostic: source, a message, a link to
 * the rule's documentation.
 */
export function assertDiagnostics(diagnostics: readonly vscode.Diagnostic[], text: string, expected: Expected[]): void {
  assert.deepStrictEqual(describe(diagnostics, text), [...expected].sort(byPosition));
  for (const d of diagnostics) {
    assert.strictEqual(d.source, SOURCE);
    assert.ok(d.message.trim().length > 10, `a sentence as message: ${d.message}`);
    const code = d.code;
    assert.ok(typeof code === 'object' && code.target, `${codeOf(d)} links to its documentation`);
    assert.strictEqual(code.target.toString(true), `https://github.com/bot-ethics/bot-ethics/blob/main/docs/rules/${codeOf(d)}.md`);
  }
}

/**
 * Resolves with the file's bot-ethics diagnostics as soon as `predicate`
 * holds for them (maybe at once); rejects after `timeoutMs` with what the
 * file had last. Never sleeps: it reacts to `onDidChangeDiagnostics`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      const now = ours(uri);
      if (!predicate(now)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(now);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) done();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const last = ours(uri).map((d) => `${codeOf(d)}@${rangeTuple(d.range).join(':')}/${SEVERITY_NAMES[d.severity]}`);
      reject(new Error(`no matching diagnostics on ${vscode.workspace.asRelativePath(uri)} within ${timeoutMs} ms; last: [${last.join(', ')}]`));
    }, timeoutMs);
    done();
  });
}

/** Waits until the file shows exactly the expected diagnostics (then asserts them in full). */
export async function expectDiagnostics(uri: vscode.Uri, text: string, expected: Expected[], timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  const wanted = JSON.stringify([...expected].sort(byPosition));
  let got: vscode.Diagnostic[];
  try {
    got = await waitForDiagnostics(uri, (ds) => JSON.stringify(describe(ds, text)) === wanted, timeoutMs);
  } catch (e) {
    // show the difference, not only the timeout
    assert.deepStrictEqual(describe(ours(uri), text), [...expected].sort(byPosition), e instanceof Error ? e.message : String(e));
    throw e;
  }
  assertDiagnostics(got, text, expected);
  return got;
}

/** The one diagnostic of this rule starting on this line. */
export function findAt(diagnostics: readonly vscode.Diagnostic[], code: string, line: number): vscode.Diagnostic {
  const hits = diagnostics.filter((d) => codeOf(d) === code && d.range.start.line === line);
  assert.strictEqual(hits.length, 1, `one ${code} diagnostic on line ${line}`);
  return hits[0];
}
