/**
 * The evaluation set: bot projects under test/eval/bots/<name>/, each with an
 * expected.json that lists every finding that SHOULD be reported (the gold
 * labels). Everything else a rule reports on these bots is a false positive.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS, type RuleId } from '../../server/src/core/findings';

export interface GoldFinding {
  /** path relative to the bot folder, POSIX separators */
  file: string;
  rule: RuleId;
  /** 1-based line where the finding starts */
  line: number;
  /** the covered text, or a distinctive part of it; '' for project-wide findings (autonomy.handoff) */
  text: string;
  /** why this is a problem when it is not obvious */
  note?: string;
}

export interface BotGold {
  /** folder name */
  name: string;
  dir: string;
  description: string;
  language: 'en' | 'de';
  /** the bot's format family, for the per-format table */
  format: string;
  /** rules whose findings are scored on this bot; findings of other rules are listed but not scored */
  scope: readonly RuleId[];
  /** what the bot contains that must NOT be reported (documentation for readers of the set) */
  traps: string[];
  findings: GoldFinding[];
}

interface RawGold {
  description?: unknown;
  language?: unknown;
  format?: unknown;
  scope?: unknown;
  traps?: unknown;
  findings?: unknown;
}

export const DEFAULT_BOTS_DIR = path.resolve(__dirname, '../../../test/eval/bots');

/** Every bot of the set, sorted by name. Throws on a malformed expected.json: the gold must be trustworthy. */
export function loadGold(botsDir: string = DEFAULT_BOTS_DIR): BotGold[] {
  return fs
    .readdirSync(botsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => loadBot(path.join(botsDir, name)));
}

export function loadBot(dir: string): BotGold {
  const name = path.basename(dir);
  const file = path.join(dir, 'expected.json');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as RawGold;
  const fail = (what: string): never => {
    throw new Error(`${name}/expected.json: ${what}`);
  };
  if (raw.language !== 'en' && raw.language !== 'de') fail('language must be "en" or "de"');
  if (typeof raw.format !== 'string') fail('format must be a string');
  const scope = raw.scope === undefined || raw.scope === 'all' ? [...RULE_IDS] : raw.scope;
  if (!Array.isArray(scope) || !scope.every(isRule)) fail('scope must be "all" or a list of rule ids');
  if (!Array.isArray(raw.findings)) fail('findings must be a list');
  const findings = (raw.findings as unknown[]).map((f, i) => goldFinding(f, i, fail));
  return {
    name,
    dir,
    description: typeof raw.description === 'string' ? raw.description : '',
    language: raw.language as 'en' | 'de',
    format: raw.format as string,
    scope: scope as RuleId[],
    traps: Array.isArray(raw.traps) ? raw.traps.map(String) : [],
    findings,
  };
}

function isRule(x: unknown): x is RuleId {
  return typeof x === 'string' && (RULE_IDS as readonly string[]).includes(x);
}

function goldFinding(f: unknown, i: number, fail: (what: string) => never): GoldFinding {
  const g = f as Partial<GoldFinding>;
  if (typeof g.file !== 'string' || !g.file) fail(`findings[${i}].file missing`);
  if (!isRule(g.rule)) fail(`findings[${i}].rule is not a rule id`);
  if (typeof g.line !== 'number' || !Number.isInteger(g.line) || g.line < 1) fail(`findings[${i}].line must be a 1-based line`);
  if (typeof g.text !== 'string') fail(`findings[${i}].text missing`);
  return { file: g.file!, rule: g.rule!, line: g.line!, text: g.text!, ...(typeof g.note === 'string' ? { note: g.note } : {}) };
}

/**
 * Problems in the gold itself: a file that does not exist, a line that does
 * not hold the labelled text. Empty when the labels are consistent.
 */
export function goldProblems(bot: BotGold): string[] {
  const problems: string[] = [];
  for (const g of bot.findings) {
    const file = path.join(bot.dir, g.file);
    if (!fs.existsSync(file)) {
      problems.push(`${bot.name}/${g.file}: file does not exist`);
      continue;
    }
    const lines = stripBom(fs.readFileSync(file, 'utf8')).split(/\r?\n/);
    const line = lines[g.line - 1];
    if (line === undefined) problems.push(`${bot.name}/${g.file}:${g.line}: no such line`);
    else if (g.text && !line.includes(g.text)) problems.push(`${bot.name}/${g.file}:${g.line}: line does not contain ${JSON.stringify(g.text)}`);
  }
  return problems;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
