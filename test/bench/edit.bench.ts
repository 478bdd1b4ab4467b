/**
 * Typing in a 5,000-line Rasa domain: how long from an edit to its
 * diagnostics? Target: within 20 ms (not counting the server's debounce).
 *   core: the work the server does per edit — BotProject.update (new text,
 *         new version) → conversation() → Checker.check for the open file —
 *         median and p95 over many one-character edits, plus where it goes;
 *   server: the built bundle (dist/server.js) over stdio, as an editor runs
 *         it: didChange → publishDiagnostics for that version, minus the
 *         debounce, which is reported on its own line.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { Checker } from '../../server/src/core/engine';
import { BotProject } from '../../server/src/core/project';
import type { Rule } from '../../server/src/core/rule';
import { RULES } from '../../server/src/rules';
import { fileUri, LspTestClient, SERVER_BUNDLE } from '../protocol/support/lsp-client';
import { generateRasaProject, type GeneratedProject } from './rasa-project';
import { cpuNow, machineLine, median, now, percentile, table, timedRules } from './timing';
import { DEFAULT_DEBOUNCE_MS } from '../../server/src/lsp/session';

const EDITS = Number(process.env.BENCH_EDITS ?? 200);
/** Passes per measurement; the one with the lowest median is reported. */
const PASSES = Number(process.env.BENCH_PASSES ?? 2);

function best<T extends { median: number }>(passes: T[]): T {
  return passes.reduce((a, b) => (b.median < a.median ? b : a));
}
const DOMAIN_LINES = Number(process.env.BENCH_DOMAIN_LINES ?? 5000);

export async function run(): Promise<void> {
  const gen = generateRasaProject(DOMAIN_LINES);
  const domain = gen.files[gen.domain];
  const dataLines = Object.entries(gen.files).reduce((n, [f, t]) => n + (f === gen.domain ? 0 : t.split('\n').length), 0);
  console.log(`${machineLine()}; ${RULES.length} rules; best of ${PASSES} passes (a loaded machine only makes a pass slower)`);
  console.log(`generated project: domain.yml ${domain.split('\n').length} lines (${(domain.length / 1024).toFixed(0)} KiB), data files ${dataLines} lines; ${EDITS} edits spread over the domain's responses: a letter typed, then deleted again\n`);
  const rows = [best(Array.from({ length: PASSES }, () => coreEdits(gen))).row];
  // BENCH_SERVER=0: the core only (for profiling it with node --cpu-prof)
  let server: Awaited<ReturnType<typeof serverEdits>>;
  if (process.env.BENCH_SERVER !== '0') {
    const passes: NonNullable<typeof server>[] = [];
    for (let i = 0; i < PASSES; i++) {
      const pass = await serverEdits(gen);
      if (pass) passes.push(pass);
    }
    server = passes.length ? best(passes) : undefined;
  }
  if (server) rows.push(server.row);
  console.log(table(['path', 'median ms', 'p95 ms', 'max ms', 'split (median ms; CPU: this process\'s CPU time)'], rows));
  console.log(`\nPer edit, by rule (CPU ms, mean of ${RULE_SPLIT_EDITS} instrumented edits; "engine" is the check minus the rules):\n`);
  console.log(ruleSplit(gen));
  if (server) {
    console.log(`\nserver debounce: ${server.debounce} ms (DEFAULT_DEBOUNCE_MS, exported by server/src/lsp/session.ts), subtracted above; raw didChange → publishDiagnostics median ${server.raw.toFixed(2)} ms`);
    console.log(`server cold: ${server.cold}`);
  }
}

/**
 * Edit `i` of the typing simulation: even edits type a letter into a
 * response, odd ones delete it again (backspace), so every edit is a new text
 * and version, everything after it moves, and the text stays realistic.
 */
function typing(gen: GeneratedProject, i: number): { at: number; insert?: string } {
  const pair = Math.floor(i / 2);
  const at = gen.editable[(((pair * 7) % gen.editable.length) + gen.editable.length) % gen.editable.length];
  return i % 2 === 0 ? { at, insert: 'etaoinshrdlu'[((pair % 12) + 12) % 12] } : { at };
}

function applyTyping(text: string, edit: { at: number; insert?: string }): string {
  return edit.insert === undefined ? text.slice(0, edit.at) + text.slice(edit.at + 1) : text.slice(0, edit.at) + edit.insert + text.slice(edit.at);
}

const ROOT = '/bench/rasa';
const RULE_SPLIT_EDITS = 20;

/** A loaded project with the domain open and checked once, as after opening it in the editor. */
function loaded(gen: GeneratedProject, rules: readonly Rule[] = RULES) {
  const domainKey = `${ROOT}/${gen.domain}`;
  const project = new BotProject(ROOT);
  for (const [rel, text] of Object.entries(gen.files)) project.update(`${ROOT}/${rel}`, text, 0);
  const checker = new Checker(rules);
  const open = new Set([domainKey]);
  const options = { root: ROOT };
  checker.check(project.conversation(), DEFAULT_CONFIG, open, options);
  return { domainKey, project, checker, open, options };
}

function coreEdits(gen: GeneratedProject): { row: string[]; median: number } {
  const { domainKey, project, checker, open, options } = loaded(gen);

  let text = gen.files[gen.domain];
  const total: number[] = [];
  const cpu: number[] = [];
  const parse: number[] = [];
  const merge: number[] = [];
  const check: number[] = [];
  // a warm-up pass over other places, then the timed edits
  for (let i = -20; i < EDITS; i++) {
    text = applyTyping(text, typing(gen, i));
    const c0 = cpuNow();
    const t0 = now();
    project.update(domainKey, text, i + 2);
    const t1 = now();
    project.model(domainKey); // parse (conversation() would do it; split out to see it)
    const t2 = now();
    const conversation = project.conversation();
    const t3 = now();
    checker.check(conversation, DEFAULT_CONFIG, open, options);
    const t4 = now();
    const c1 = cpuNow();
    if (i < 0) continue;
    total.push(t4 - t0);
    cpu.push(c1 - c0);
    parse.push(t2 - t1);
    merge.push(t3 - t2);
    check.push(t4 - t3);
  }
  const split = `parse ${median(parse).toFixed(2)}, merge ${median(merge).toFixed(2)}, check ${median(check).toFixed(2)}; CPU ${median(cpu).toFixed(2)}`;
  return { row: ['core: update → conversation → check', median(total).toFixed(2), percentile(total, 95).toFixed(2), Math.max(...total).toFixed(2), split], median: median(total) };
}

function ruleSplit(gen: GeneratedProject): string {
  const spent = new Map<string, number>();
  const { domainKey, project, checker, open, options } = loaded(gen, timedRules(RULES, (id, ms) => spent.set(id, (spent.get(id) ?? 0) + ms)));
  spent.clear();
  let text = gen.files[gen.domain];
  let checking = 0;
  for (let i = 0; i < RULE_SPLIT_EDITS; i++) {
    text = applyTyping(text, typing(gen, i + 1000));
    project.update(domainKey, text, `split:${i}`);
    const conversation = project.conversation();
    const t0 = cpuNow();
    checker.check(conversation, DEFAULT_CONFIG, open, options);
    checking += cpuNow() - t0;
  }
  const ruleMs = [...spent.values()].reduce((a, b) => a + b, 0);
  const ids = RULES.map((r) => r.id);
  const cell = (ms: number) => (ms / RULE_SPLIT_EDITS).toFixed(2);
  return table([...ids, 'engine'], [[...ids.map((id) => cell(spent.get(id) ?? 0)), cell(checking - ruleMs)]]);
}

async function serverEdits(gen: GeneratedProject): Promise<{ row: string[]; median: number; debounce: number; raw: number; cold: string } | undefined> {
  if (!fs.existsSync(SERVER_BUNDLE)) {
    console.warn(`⚠ ${SERVER_BUNDLE} is missing (npm run build): server measurement SKIPPED`);
    return undefined;
  }
  const debounce = DEFAULT_DEBOUNCE_MS;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ethics-bench-'));
  let client: LspTestClient | undefined;
  try {
    for (const [rel, text] of Object.entries(gen.files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    const t0 = now();
    client = await LspTestClient.spawnBundle({ workspaceFolder: dir });
    const started = now() - t0;
    const uri = fileUri(path.join(dir, gen.domain));
    const t1 = now();
    await client.open(uri, gen.files[gen.domain]);
    await client.waitForCurrent(uri);
    const firstCheck = now() - t1;
    const latency: number[] = [];
    for (let i = -20; i < EDITS; i++) {
      const doc: TextDocument = client.document(uri);
      const edit = typing(gen, i);
      const range = { start: doc.positionAt(edit.at), end: doc.positionAt(edit.insert === undefined ? edit.at + 1 : edit.at) };
      const version = doc.version + 1;
      const published = client.waitForDiagnostics(uri, (p) => p.version === version);
      const t0 = now();
      await client.edit(uri, range, edit.insert ?? '');
      await published;
      if (i >= 0) latency.push(now() - t0);
    }
    const net = latency.map((ms) => ms - debounce);
    const raw = median(latency);
    const cold = `start + initialize ${started.toFixed(0)} ms; didOpen → first diagnostics ${firstCheck.toFixed(0)} ms (reads the project, builds the word matchers)`;
    return { row: ['server: didChange → publishDiagnostics − debounce', median(net).toFixed(2), percentile(net, 95).toFixed(2), Math.max(...net).toFixed(2), `stdio, ${client.latest(uri)?.diagnostics.length ?? 0} diagnostics`], median: median(net), debounce, raw, cold };
  } finally {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
