/** Small timing helpers shared by the benchmarks. */
import * as os from 'os';
import * as path from 'path';
import type { Rule } from '../../server/src/core/rule';

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of the values; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length) - 1;
  return s[Math.min(s.length - 1, Math.max(0, rank))];
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * CPU time this process has used (ms, user + system, all its threads). On a
 * machine shared with other work, wall time includes waiting for a core;
 * CPU time is the work itself, so the benchmarks report both.
 */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `fn` `times` times (after one warm-up) and returns each duration in ms. */
export function measure(times: number, fn: () => void): number[] {
  fn();
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

/** {@link measure} for async work (file reads): one warm-up, then `times` timed runs. */
export async function measureAsync(times: number, fn: () => Promise<void>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = now();
    await fn();
    out.push(now() - t0);
  }
  return out;
}

export function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

/** A Markdown table (benchmarks print tables that docs/performance.md quotes as they are). */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The real-project corpus (read-only, third-party); env BOT_ETHICS_CORPUS overrides. */
export const CORPUS = process.env.BOT_ETHICS_CORPUS ?? path.resolve(REPO_ROOT, '../shared/corpus');

/** Where the numbers come from, so a table is never read without its machine. */
export function machineLine(): string {
  const cpus = os.cpus();
  const load = os.loadavg()[0].toFixed(1);
  return `node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.platform()} ${os.release()}, load average ${load} at start`;
}

/** The rules with their file and project checks timed into `add(rule id, ms)`, in CPU time by default. */
export function timedRules(rules: readonly Rule[], add: (ruleId: string, ms: number) => void, clock: () => number = cpuNow): Rule[] {
  return rules.map((rule) => {
    const wrap = <A extends unknown[]>(fn: ((...args: A) => void) | undefined) =>
      fn &&
      ((...args: A) => {
        const t = clock();
        try {
          fn.apply(rule, args);
        } finally {
          add(rule.id, clock() - t);
        }
      });
    return { ...rule, checkFile: wrap(rule.checkFile), checkProject: wrap(rule.checkProject) };
  });
}
