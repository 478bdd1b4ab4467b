/**
 * Whole real projects: is a full check cheap next to merely parsing the
 * files? For each project folder of the corpus (one BotProject per folder,
 * as `bot-ethics check <folder>` reads a folder), two measurements, run
 * alternately after a warm-up so that both see the same machine load:
 *   parse: read every bot file and parse it (core/project parseFile);
 *   check: read, BotProject + mergeProject + Checker with all RULES over
 *          DEFAULT_CONFIG (a fresh Checker and empty by-content memos each
 *          time: a first check, as the CLI does it).
 * Target: check / parse < 2.0. A second table splits one check into its
 * steps and times each rule, to find where the time goes.
 */
import { promises as fs, existsSync, readdirSync } from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { TextMemo } from '../../server/src/core/memo';
import { Checker } from '../../server/src/core/engine';
import { BotProject, parseFile, stripBom } from '../../server/src/core/project';
import type { Rule } from '../../server/src/core/rule';
import { collectBotFiles } from '../../server/src/node/workspace';
import { RULES } from '../../server/src/rules';
import { CORPUS, cpuNow, machineLine, median, now, table, timedRules } from './timing';

/** Timed runs per measurement after the warm-up (the medians are reported). */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Only corpus folders whose name contains this (for profiling one project with node --cpu-prof). */
const ONLY = process.env.BENCH_PROJECT ?? '';

interface Corpus {
  name: string;
  root: string;
  files: string[];
}

export async function run(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.warn(`\n⚠⚠⚠ corpus not found at ${CORPUS} (set BOT_ETHICS_CORPUS): project benchmark SKIPPED ⚠⚠⚠\n`);
    return;
  }
  console.log(`${machineLine()}; ${RULES.length} rules (${RULES.map((r) => r.id).join(', ')}); median of ${RUNS} runs after a warm-up\n`);
  const projects: Corpus[] = [];
  for (const name of readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name.includes(ONLY)).map((d) => d.name).sort()) {
    const root = path.join(CORPUS, name);
    projects.push({ name, root, files: await collectBotFiles(root, { ignore: [] }) });
  }

  const rows: (string | number)[][] = [];
  const splits: (string | number)[][] = [];
  let parseTotal = 0;
  let checkTotal = 0;
  for (const p of projects) {
    const sizes = await projectSize(p);
    const parse: Timing[] = [];
    const check: Timing[] = [];
    await parseOnly(p);
    await fullCheck(p);
    for (let i = 0; i < RUNS; i++) {
      parse.push(await timed(() => parseOnly(p)));
      check.push(await timed(() => fullCheck(p)));
    }
    const pm = median(parse.map((t) => t.wall));
    const cm = median(check.map((t) => t.wall));
    const cpuRatio = median(check.map((t) => t.cpu)) / median(parse.map((t) => t.cpu));
    parseTotal += pm;
    checkTotal += cm;
    rows.push([p.name, `${sizes.botFiles}/${p.files.length}`, sizes.lines, pm.toFixed(1), cm.toFixed(1), (cm / pm).toFixed(2), cpuRatio.toFixed(2), sizes.findings]);
    splits.push([p.name, ...(await breakdown(p))]);
  }
  rows.push(['**all**', '', '', parseTotal.toFixed(1), checkTotal.toFixed(1), (checkTotal / parseTotal).toFixed(2), '', '']);
  console.log(table(['project', 'bot files/candidates', 'lines', 'parse ms', 'check ms', 'check/parse', 'same in CPU time', 'findings'], rows));
  console.log('\nWhere one full check spends its time (CPU ms, single instrumented run):\n');
  console.log(table(['project', 'read', 'parse', 'merge', ...RULES.map((r) => r.id), 'engine rest'], splits));
}

interface Timing {
  wall: number;
  /** this process's CPU time: the work itself, without waiting for a core */
  cpu: number;
}

/** Times a first check: the by-content memos start empty, as in a CLI run (compiled matchers and JIT stay warm). */
async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  TextMemo.forgetAll();
  const c0 = cpuNow();
  const t0 = now();
  await fn();
  return { wall: now() - t0, cpu: cpuNow() - c0 };
}

function readAll(p: Corpus): Promise<string[]> {
  return Promise.all(p.files.map((f) => fs.readFile(f, 'utf8')));
}

async function parseOnly(p: Corpus): Promise<void> {
  const texts = await readAll(p);
  p.files.forEach((f, i) => parseFile(f, stripBom(texts[i])));
}

async function fullCheck(p: Corpus, rules: readonly Rule[] = RULES): Promise<number> {
  const texts = await readAll(p);
  const project = new BotProject(p.root);
  p.files.forEach((f, i) => project.update(f, texts[i], 0));
  const byFile = new Checker(rules).check(project.conversation(), DEFAULT_CONFIG, undefined, { root: p.root });
  let findings = 0;
  for (const list of byFile.values()) findings += list.length;
  return findings;
}

async function projectSize(p: Corpus): Promise<{ botFiles: number; lines: number; findings: number }> {
  const texts = await readAll(p);
  let botFiles = 0;
  let lines = 0;
  p.files.forEach((f, i) => {
    const text = stripBom(texts[i]);
    if (!parseFile(f, text)) return;
    botFiles++;
    lines += text.split('\n').length;
  });
  return { botFiles, lines, findings: await fullCheck(p) };
}

/** One check split into steps: read, parse, merge, each rule (file + project scope), the engine's own work. */
async function breakdown(p: Corpus): Promise<string[]> {
  TextMemo.forgetAll();
  const spent = new Map<string, number>();
  const add = (key: string, ms: number) => spent.set(key, (spent.get(key) ?? 0) + ms);
  const rules = timedRules(RULES, add);
  let t = cpuNow();
  const texts = await readAll(p);
  add('read', cpuNow() - t);
  const project = new BotProject(p.root);
  p.files.forEach((f, i) => project.update(f, texts[i], 0));
  t = cpuNow();
  project.models();
  add('parse', cpuNow() - t);
  t = cpuNow();
  const conversation = project.conversation();
  add('merge', cpuNow() - t);
  t = cpuNow();
  new Checker(rules).check(conversation, DEFAULT_CONFIG, undefined, { root: p.root });
  const checkMs = cpuNow() - t;
  const ruleMs = RULES.reduce((sum, r) => sum + (spent.get(r.id) ?? 0), 0);
  return [...['read', 'parse', 'merge', ...RULES.map((r) => r.id)].map((k) => (spent.get(k) ?? 0).toFixed(1)), (checkMs - ruleMs).toFixed(1)];
}
