/**
 * Matching reported findings to gold labels, and the counts that come out:
 * a finding is a true positive when an unmatched gold label has the same
 * file, rule and start line and the texts agree (the gold text is part of
 * the covered text, or the covered text is part of the gold text). Each
 * label matches at most one finding, so a duplicate report is a false
 * positive.
 */
import type { RuleId } from '../../server/src/core/findings';
import type { BotGold, GoldFinding } from './gold';

/** A finding as the CLI reports it, plus the source text it covers. */
export interface Reported {
  bot: string;
  /** path relative to the bot folder */
  file: string;
  rule: string;
  /** 1-based */
  line: number;
  column: number;
  message: string;
  covered: string;
}

export interface Outcome {
  bot: BotGold;
  tp: { gold: GoldFinding; found: Reported }[];
  fp: Reported[];
  fn: GoldFinding[];
  /** findings of rules outside the bot's scope: shown, never scored */
  unscored: Reported[];
  /** parse.error / config.error: the evaluation cannot trust a bot that does not parse */
  errors: Reported[];
}

export function matchBot(bot: BotGold, reported: readonly Reported[]): Outcome {
  const out: Outcome = { bot, tp: [], fp: [], fn: [], unscored: [], errors: [] };
  const candidates: Reported[] = [];
  for (const r of reported) {
    if (r.rule === 'parse.error' || r.rule === 'config.error') out.errors.push(r);
    else if (!bot.scope.includes(r.rule as RuleId)) out.unscored.push(r);
    else candidates.push(r);
  }
  const used = new Set<Reported>();
  for (const g of bot.findings) {
    const hit = candidates.find((r) => !used.has(r) && r.file === g.file && r.rule === g.rule && r.line === g.line && textsAgree(g.text, r.covered));
    if (hit) {
      used.add(hit);
      out.tp.push({ gold: g, found: hit });
    } else out.fn.push(g);
  }
  for (const r of candidates) if (!used.has(r)) out.fp.push(r);
  return out;
}

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

function textsAgree(gold: string, covered: string): boolean {
  if (!gold) return true;
  const g = normalize(gold);
  const c = normalize(covered);
  return c.includes(g) || (c.length > 0 && g.includes(c));
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  /** undefined: nothing reported (precision) or nothing expected (recall) */
  precision?: number;
  recall?: number;
  f1?: number;
}

export function scores(c: Counts): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : undefined;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : undefined;
  const f1 = precision !== undefined && recall !== undefined && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : undefined;
  return { ...c, precision, recall, f1 };
}

/** Counts grouped by a key of each outcome item (rule, language, format, bot). */
export function tally(outcomes: readonly Outcome[], keyOf: (bot: BotGold, rule: string) => string): Map<string, Counts> {
  const table = new Map<string, Counts>();
  const add = (key: string, field: keyof Counts) => {
    const row = table.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    row[field]++;
    table.set(key, row);
  };
  for (const o of outcomes) {
    for (const t of o.tp) add(keyOf(o.bot, t.gold.rule), 'tp');
    for (const f of o.fp) add(keyOf(o.bot, f.rule), 'fp');
    for (const g of o.fn) add(keyOf(o.bot, g.rule), 'fn');
  }
  return table;
}

export function total(outcomes: readonly Outcome[]): Counts {
  return outcomes.reduce((c, o) => ({ tp: c.tp + o.tp.length, fp: c.fp + o.fp.length, fn: c.fn + o.fn.length }), { tp: 0, fp: 0, fn: 0 });
}
