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

/**
 * Where `needle` is in `text`: 0-based line, UTF-16 columns (what the server
 * sends) and UTF-8 byte columns (what Neovim's diagnostics hold).
 */
function positionOf(text, needle) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture contains ${needle}`);
  const lines = text.slice(0, i).split(/\r\n|\r|\n/);
  const prefix = lines[lines.length - 1];
  const bytes = Buffer.byteLength(prefix, 'utf8');
  return {
    line: lines.length - 1,
    utf16: [prefix.length, prefix.length + needle.length],
    bytes: [bytes, bytes + Buffer.byteLength(needle, 'utf8')],
  };
}

/** Opens a copy of workspace/<relFile> in headless Neovim; returns what init.lua recorded and the saved file. */
function runNvim(relFile, fixCode) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ethics-nvim-'));
  try {
    const ws = path.join(tmp, 'workspace');
    fs.cpSync(path.join(here, 'workspace'), ws, { recursive: true });
    const out = path.join(tmp, 'result.json'); // outside the workspace: not a file the server should see
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', path.join(here, 'init.lua'), relFile], {
      cwd: ws,
      env: { ...process.env, BOT_ETHICS_SERVER: server, BOT_ETHICS_OUT: out, BOT_ETHICS_FIX_CODE: fixCode ?? '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (!fs.existsSync(out)) throw new Error(`nvim produced no result (exit ${r.status ?? r.signal}): ${r.stderr}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    if (result.error) throw new Error(`nvim: ${result.error}`);
    return { result, text: fs.readFileSync(path.join(here, 'workspace', relFile), 'utf8'), saved: fs.readFileSync(path.join(ws, relFile), 'utf8') };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
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
// each fixture has exactly one problem: "guys" (after an emoji in the Rasa file, so UTF-16 and byte columns differ)
for (const [file, term, replacement, fixTitle] of [
  ['rasa/domain.yml', 'guys', 'everyone', 'Replace with “everyone”'],
  ['composer/bot.lg', 'guys', 'everyone', 'Replace with “everyone”'],
]) {
  let run;
  try {
    run = runNvim(file, 'bias.wording');
  } catch (e) {
    test(`${file}: Neovim ran`, () => {
      throw e;
    });
    continue;
  }
  const { result, text, saved } = run;
  test(`${file}: exactly one diagnostic, bias.wording on "${term}", at the exact position`, () => {
    const p = positionOf(text, term);
    assert.deepEqual(
      result.diagnostics.map((d) => ({ code: d.code, source: d.source, severity: d.severity, at: [d.lnum, d.col, d.end_lnum, d.end_col] })),
      [{ code: 'bias.wording', source: 'bot-ethics', severity: 2 /* vim.diagnostic.severity.WARN */, at: [p.line, p.bytes[0], p.line, p.bytes[1]] }],
      "Neovim's diagnostic (byte columns)",
    );
    assert.deepEqual(
      result.lsp,
      [{ code: 'bias.wording', range: { start: { line: p.line, character: p.utf16[0] }, end: { line: p.line, character: p.utf16[1] } } }],
      'what the server published (UTF-16 columns)',
    );
    assert.match(result.diagnostics[0].message, new RegExp(`“${term}”`));
  });
  test(`${file}: the preferred quick fix is applied and the finding goes`, () => {
    assert.ok(result.titles?.includes('Suppress bias.wording on the next line'), `the suppression is offered too: ${JSON.stringify(result.titles)}`);
    assert.equal(result.applied, fixTitle);
    const expected = text.replace(term, replacement);
    assert.equal(saved, expected, 'the saved file has exactly the replacement');
    assert.equal(result.text + '\n', expected, 'the buffer too');
    assert.deepEqual(result.after, [], 'no diagnostics left');
  });
}
console.log(`nvim: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
