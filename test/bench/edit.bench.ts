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
import { RULES } from '../../server/src/rules';
import { fileUri, LspTestClient, SERVER_BUNDLE } from '../protocol/support/lsp-client';
import { generateRasaProject, type GeneratedProject } from './rasa-project';
import { machineLine, median, now, percentile, REPO_ROOT, table } from './timing';

const EDITS = Number(process.env.BENCH_EDITS ?? 200);
const DOMAIN_LINES = Number(process.env.BENCH_DOMAIN_LINES ?? 5000);

export async function run(): Promise<void> {
  const gen = generateRasaProject(DOMAIN_LINES);
  const domain = gen.files[gen.domain];
  const dataLines = Object.entries(gen.files).reduce((n, [f, t]) => n + (f === gen.domain ? 0 : t.split('\n').length), 0);
  console.log(`${machineLine()}; ${RULES.length} rules`);
  console.log(`generated project: domain.yml ${domain.split('\n').length} lines (${(domain.length / 1024).toFixed(0)} KiB), data files ${dataLines} lines; ${EDITS} one-character edits spread over the domain's responses\n`);
  const rows = [coreEdits(gen)];
  // BENCH_SERVER=0: the core only (for profiling it with node --cpu-prof)
  const server = process.env.BENCH_SERVER === '0' ? undefined : await serverEdits(gen);
  if (server) rows.push(server.row);
  console.log(table(['path', 'median ms', 'p95 ms', 'max ms', 'split (median ms)'], rows));
  if (server) console.log(`\nserver debounce: ${server.debounce} ms (DEFAULT_DEBOUNCE_MS in server/src/lsp/session.ts), subtracted above; raw didChange → publishDiagnostics median ${server.raw.toFixed(2)} ms`);
}

/** The character typed at edit `i`: alternates so that every edit is a new text. */
function typed(text: string, offset: number, i: number): string {
  const c = 'etaoinshrdlu'[((i % 12) + 12) % 12];
  return c === text[offset] ? 'x' : c;
}

function coreEdits(gen: GeneratedProject): string[] {
  const root = '/bench/rasa';
  const domainKey = `${root}/${gen.domain}`;
  const project = new BotProject(root);
  for (const [rel, text] of Object.entries(gen.files)) project.update(`${root}/${rel}`, text, 0);
  const checker = new Checker(RULES);
  const open = new Set([domainKey]);
  const options = { root };
  checker.check(project.conversation(), DEFAULT_CONFIG, open, options);

  let text = gen.files[gen.domain];
  const total: number[] = [];
  const parse: number[] = [];
  const merge: number[] = [];
  const check: number[] = [];
  // a warm-up pass over other places, then the timed edits
  for (let i = -20; i < EDITS; i++) {
    const at = gen.editable[(i + 20) * 7 % gen.editable.length];
    text = text.slice(0, at) + typed(text, at, i) + text.slice(at + 1);
    const t0 = now();
    project.update(domainKey, text, i + 2);
    const t1 = now();
    project.model(domainKey); // parse (conversation() would do it; split out to see it)
    const t2 = now();
    const conversation = project.conversation();
    const t3 = now();
    checker.check(conversation, DEFAULT_CONFIG, open, options);
    const t4 = now();
    if (i < 0) continue;
    total.push(t4 - t0);
    parse.push(t2 - t1);
    merge.push(t3 - t2);
    check.push(t4 - t3);
  }
  const split = `parse ${median(parse).toFixed(2)}, merge ${median(merge).toFixed(2)}, check ${median(check).toFixed(2)}`;
  return ['core: update → conversation → check', median(total).toFixed(2), percentile(total, 95).toFixed(2), Math.max(...total).toFixed(2), split];
}

/** The server's debounce as written in its source (not exported), so the report cannot go stale. */
function serverDebounce(): number {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'server/src/lsp/session.ts'), 'utf8');
  const m = /DEFAULT_DEBOUNCE_MS\s*=\s*(\d+)/.exec(source);
  if (!m) throw new Error('DEFAULT_DEBOUNCE_MS not found in server/src/lsp/session.ts');
  return Number(m[1]);
}

async function serverEdits(gen: GeneratedProject): Promise<{ row: string[]; debounce: number; raw: number } | undefined> {
  if (!fs.existsSync(SERVER_BUNDLE)) {
    console.warn(`⚠ ${SERVER_BUNDLE} is missing (npm run build): server measurement SKIPPED`);
    return undefined;
  }
  const debounce = serverDebounce();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ethics-bench-'));
  let client: LspTestClient | undefined;
  try {
    for (const [rel, text] of Object.entries(gen.files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    client = await LspTestClient.spawnBundle({ workspaceFolder: dir });
    const uri = fileUri(path.join(dir, gen.domain));
    await client.open(uri, gen.files[gen.domain]);
    await client.waitForCurrent(uri);
    const latency: number[] = [];
    for (let i = -20; i < EDITS; i++) {
      const doc: TextDocument = client.document(uri);
      const at = gen.editable[(i + 20) * 7 % gen.editable.length];
      const range = { start: doc.positionAt(at), end: doc.positionAt(at + 1) };
      const version = doc.version + 1;
      const published = client.waitForDiagnostics(uri, (p) => p.version === version);
      const t0 = now();
      await client.edit(uri, range, typed(doc.getText(), at, i));
      await published;
      if (i >= 0) latency.push(now() - t0);
    }
    const net = latency.map((ms) => ms - debounce);
    const raw = median(latency);
    return { row: ['server: didChange → publishDiagnostics − debounce', median(net).toFixed(2), percentile(net, 95).toFixed(2), Math.max(...net).toFixed(2), `stdio, ${(client.latest(uri)?.diagnostics.length ?? 0)} diagnostics`], debounce, raw };
  } finally {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
