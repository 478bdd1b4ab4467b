/**
 * Precision/recall evaluation of the rules on the hand-labelled bots in
 * test/eval/bots (see docs/evaluation.md). Runs the CLI's `check --format
 * json` on each bot — in process (the compiled CLI code) or, with `--cli`,
 * the built bundle dist/cli.js — matches the findings to the gold labels
 * and prints precision, recall and F1 per rule, language and format, then
 * every false positive and false negative.
 *
 *   node out/test/eval/score.js [--cli] [--json] [--bots DIR]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cli } from '../../server/src/cli/cli';
import { RULE_IDS } from '../../server/src/core/findings';
import { DEFAULT_BOTS_DIR, goldProblems, loadGold, stripBom, type BotGold } from './gold';
import { matchBot, scores, tally, total, type Counts, type Outcome, type Reported } from './match';

export interface EvalOptions {
  botsDir?: string;
  /** run dist/cli.js in a child process instead of the compiled CLI code */
  useBuiltCli?: boolean;
}

export interface Evaluation {
  outcomes: Outcome[];
  /** inconsistent gold labels (wrong line, missing file): fix the set before trusting the numbers */
  goldProblems: string[];
}

const REPO_ROOT = path.resolve(__dirname, '../../..');
const BUILT_CLI = path.join(REPO_ROOT, 'dist/cli.js');
/** messages in English whatever the machine's locale */
const ENV = { LANG: 'en_US.UTF-8' };

export async function evaluate(options: EvalOptions = {}): Promise<Evaluation> {
  const bots = loadGold(options.botsDir ?? DEFAULT_BOTS_DIR);
  const outcomes: Outcome[] = [];
  for (const bot of bots) outcomes.push(matchBot(bot, await runBot(bot, options.useBuiltCli ?? false)));
  return { outcomes, goldProblems: bots.flatMap(goldProblems) };
}

interface JsonFinding {
  file: string;
  rule: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

async function runBot(bot: BotGold, useBuiltCli: boolean): Promise<Reported[]> {
  const argv = ['check', '.', '--format', 'json'];
  let stdout: string;
  if (useBuiltCli) {
    const r = spawnSync(process.execPath, [BUILT_CLI, ...argv], { cwd: bot.dir, env: { ...process.env, ...ENV }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${bot.name}: dist/cli.js exited ${r.status}: ${r.stderr}`);
    stdout = r.stdout;
  } else {
    const r = await cli(argv, bot.dir, ENV);
    if (r.exitCode === 2) throw new Error(`${bot.name}: check failed: ${r.stderr}`);
    stdout = r.stdout;
  }
  const findings = (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    let t = texts.get(file);
    if (t === undefined) texts.set(file, (t = stripBom(fs.readFileSync(path.join(bot.dir, file), 'utf8'))));
    return t;
  };
  return findings.map((f) => {
    const text = textOf(f.file);
    const covered = text.slice(offsetAt(text, f.range.start), offsetAt(text, f.range.end));
    return { bot: bot.name, file: f.file, rule: f.rule, line: f.range.start.line + 1, column: f.range.start.character + 1, message: f.message, covered };
  });
}

/** LSP position (0-based line, UTF-16 column; \n, \r\n and \r end lines) → string index. */
function offsetAt(text: string, pos: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 10 || (c === 13 && text.charCodeAt(i) !== 10)) line++;
  }
  return Math.min(i + pos.character, text.length);
}

// ---- report ---------------------------------------------------------------

function pct(x: number | undefined): string {
  return x === undefined ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`;
}

function row(label: string, c: Counts): string {
  const s = scores(c);
  return `${label.padEnd(26)}${String(c.tp).padStart(4)}${String(c.fp).padStart(5)}${String(c.fn).padStart(5)}   ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`;
}

function table(title: string, rows: Map<string, Counts>, order?: readonly string[]): string[] {
  const keys = order ? order.filter((k) => rows.has(k)) : [...rows.keys()].sort();
  return [title, `${''.padEnd(26)}  TP   FP   FN   precision  recall     F1`, ...keys.map((k) => row(k, rows.get(k)!)), ''];
}

function clip(s: string, n = 90): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

export function formatReport(e: Evaluation): string {
  const { outcomes } = e;
  const gold = outcomes.reduce((n, o) => n + o.bot.findings.length, 0);
  const lines = [`bot-ethics evaluation: ${outcomes.length} bots, ${gold} expected findings`, ''];
  lines.push(...table('By rule', tally(outcomes, (_b, rule) => rule), RULE_IDS));
  lines.push(row('ALL', total(outcomes)), '');
  lines.push(...table('By language', tally(outcomes, (b) => b.language)));
  lines.push(...table('By format', tally(outcomes, (b) => b.format)));
  lines.push(...table('By bot', tally(outcomes, (b) => b.name)));

  const fps = outcomes.flatMap((o) => o.fp);
  lines.push(`False positives (${fps.length})`);
  for (const f of fps) lines.push(`  ${f.bot}/${f.file}:${f.line}:${f.column} ${f.rule} "${clip(f.covered, 60)}" — ${clip(f.message)}`);
  const fns = outcomes.flatMap((o) => o.fn.map((g) => ({ bot: o.bot.name, g })));
  lines.push('', `False negatives (${fns.length})`);
  for (const { bot, g } of fns) lines.push(`  ${bot}/${g.file}:${g.line} ${g.rule} "${clip(g.text, 60)}"${g.note ? ` (${g.note})` : ''}`);
  const other = outcomes.flatMap((o) => [...o.unscored, ...o.errors]);
  if (other.length) {
    lines.push('', `Not scored: parse errors and rules outside a bot's scope (${other.length})`);
    for (const f of other) lines.push(`  ${f.bot}/${f.file}:${f.line}:${f.column} ${f.rule} — ${clip(f.message)}`);
  }
  if (e.goldProblems.length) lines.push('', 'GOLD LABEL PROBLEMS', ...e.goldProblems.map((p) => `  ${p}`));
  return lines.join('\n') + '\n';
}

/** Machine-readable summary: counts and scores per rule and overall. */
export function summary(e: Evaluation): Record<string, unknown> {
  const byRule = tally(e.outcomes, (_b, rule) => rule);
  return {
    bots: e.outcomes.map((o) => o.bot.name),
    overall: scores(total(e.outcomes)),
    rules: Object.fromEntries(RULE_IDS.map((r) => [r, scores(byRule.get(r) ?? { tp: 0, fp: 0, fn: 0 })])),
    falsePositives: e.outcomes.flatMap((o) => o.fp),
    falseNegatives: e.outcomes.flatMap((o) => o.fn.map((g) => ({ bot: o.bot.name, ...g }))),
    errors: e.outcomes.flatMap((o) => o.errors),
    goldProblems: e.goldProblems,
  };
}

async function main(argv: string[]): Promise<void> {
  const botsAt = argv.indexOf('--bots');
  const e = await evaluate({ useBuiltCli: argv.includes('--cli'), botsDir: botsAt >= 0 ? path.resolve(argv[botsAt + 1]) : undefined });
  process.stdout.write(argv.includes('--json') ? JSON.stringify(summary(e), null, 2) + '\n' : formatReport(e));
  if (e.goldProblems.length || e.outcomes.some((o) => o.errors.length)) process.exitCode = 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  });
}
