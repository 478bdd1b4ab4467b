/**
 * Runs the BUILT command line (dist/cli.js, as `npx bot-ethics` would) in a
 * child process, and writes throw-away bot projects for it to check.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RULE_IDS } from '../../server/src/core/findings';

/** The repository root, from out/test/cli or test/cli. */
export const REPO = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const CLI = path.join(REPO, 'dist', 'cli.js');
export const EXAMPLES = path.join(REPO, 'examples');

export interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Runs `bot-ethics <args>` with a neutral English locale unless `env` says otherwise. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`npm run build\` first`);
  const env: Record<string, string | undefined> = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...opts.env };
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'bot-ethics.js'), ...args], { cwd: opts.cwd ?? REPO, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Runs and parses JSON output; the run must not be a usage error. */
export function runJson(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): { run: Run; json: JsonReport } {
  const run = runCli([...args, '--format', 'json'], opts);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  return { run, json: JSON.parse(run.stdout) as JsonReport };
}

export interface JsonPosition {
  line: number;
  character: number;
}
export interface JsonRange {
  start: JsonPosition;
  end: JsonPosition;
}
export interface JsonFinding {
  file: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  range: JsonRange;
  fixes: { title: string; edits: { file: string; range: JsonRange; newText: string }[] }[];
}
export interface JsonReport {
  version: number;
  files: number;
  findings: JsonFinding[];
}

const temps: string[] = [];

/** A fresh folder with these files (relative path → content) under the OS temp folder. */
export function project(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ethics-cli-')));
  temps.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return root;
}

/** Copies an example bot to a temp folder (to add a config or break a file). */
export function copyExample(name: string): string {
  const root = project({});
  fs.cpSync(path.join(EXAMPLES, name), root, { recursive: true });
  return root;
}

export function cleanUp(): void {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
}

/** The text a 0-based LSP range covers in `text`. */
export function slice(text: string, range: JsonRange): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const at = (p: JsonPosition) => starts[p.line] + p.character;
  return text.slice(at(range.start), at(range.end));
}

/** Rule ids the build registers (the rules are written concurrently; tests on a missing rule skip loudly). */
export function registeredRules(): Set<string> {
  const run = runCli(['rules', '--format', 'json']);
  assert.strictEqual(run.status, 0, run.stderr);
  return new Set((JSON.parse(run.stdout) as { id: string }[]).map((r) => r.id));
}

/** Config lines that switch every rule off: for tests about files, positions and formats, not about rules. */
export const ALL_RULES_OFF = `rules:\n${RULE_IDS.map((id) => `  ${id}: off`).join('\n')}\n`;
