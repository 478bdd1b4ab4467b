#!/usr/bin/env node
// Neovim's built-in LSP client (headless) against the server bundle over
// stdio: diagnostics at exact positions on a Rasa file and a .lg file, and a
// quick fix applied. A second client implementation catches what only VS Code
// forgives (positions, capabilities, stdio framing).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const server = path.join(root, 'dist/server.js');

if (!fs.existsSync(server)) throw new Error('dist/server.js is missing: run npm run build first');
if (spawnSync('nvim', ['--version']).status !== 0) {
  const r = spawnSync('bash', [path.join(root, 'scripts/setup-editors.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('Neovim is not installed and could not be installed');
}

/** 0-based line/UTF-16 column of the n-th occurrence of `needle` in `text`. */
function positionOf(text, needle) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture contains ${needle}`);
  const before = text.slice(0, i).split(/\r\n|\r|\n/);
  return { line: before.length - 1, col: before[before.length - 1].length, endCol: before[before.length - 1].length + needle.length };
}

function runNvim(relFile, fixCode) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ethics-nvim-'));
  fs.cpSync(path.join(here, 'workspace'), ws, { recursive: true });
  const out = path.join(ws, 'result.json');
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', path.join(here, 'init.lua'), relFile], {
    cwd: ws,
    env: { ...process.env, BOT_ETHICS_SERVER: server, BOT_ETHICS_OUT: out, BOT_ETHICS_FIX_CODE: fixCode ?? '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (!fs.existsSync(out)) throw new Error(`nvim produced no result (exit ${r.status}): ${r.stderr}`);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  if (result.error) throw new Error(`nvim: ${result.error}`);
  return { result, text: fs.readFileSync(path.join(here, 'workspace', relFile), 'utf8'), saved: fs.readFileSync(path.join(ws, relFile), 'utf8') };
}

let passed = 0;
let failed = 0;
function test(name, fn) {
  try {
    fn();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✖ ${name}\n    ${e instanceof Error ? e.message : e}`);
  }
}

console.log('Neovim LSP client');
for (const [file, term] of [
  ['rasa/domain.yml', 'guys'],
  ['composer/bot.lg', 'guys'],
]) {
  const { result, text, saved } = runNvim(file, 'bias.wording');
  test(`${file}: bias.wording at the exact position of "${term}"`, () => {
    const p = positionOf(text, term);
    const d = result.diagnostics.find((x) => x.code === 'bias.wording');
    assert.ok(d, `a bias.wording diagnostic among ${JSON.stringify(result.diagnostics.map((x) => x.code))}`);
    assert.deepEqual({ lnum: d.lnum, col: d.col, end_lnum: d.end_lnum, end_col: d.end_col }, { lnum: p.line, col: p.col, end_lnum: p.line, end_col: p.endCol });
    assert.equal(d.source, 'bot-ethics');
  });
  test(`${file}: the quick fix is applied and the finding goes`, () => {
    assert.ok(result.applied, 'a quick fix was applied');
    assert.ok(!saved.includes(term), `the saved file no longer says "${term}"`);
    assert.ok(!result.after.some((d) => d.code === 'bias.wording'), 'no bias.wording left');
  });
}
console.log(`nvim: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
