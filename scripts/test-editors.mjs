#!/usr/bin/env node
// The real-editor tests, one after the other (each starts its own editor):
//   1. the VS Code integration suite in code-server + headless Chromium
//   2. the packaged .vsix: its contents, and as a user sees it in code-server
//      (screenshots in test-results/)
//   3. Neovim's built-in LSP client against the server bundle
// Prints a summary; exits non-zero if any of them failed. Needs `npm run
// build` and `npm run compile` first (npm test does both).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const needed of ['dist/client.js', 'dist/server.js', 'out/test/e2e/suite/index.js']) {
  if (!fs.existsSync(path.join(root, needed))) {
    console.error(`test-editors: ${needed} is missing: run npm run build && npm run compile first`);
    process.exit(2);
  }
}

const steps = [
  ['VS Code integration suite (code-server)', ['node', 'test/e2e/run-code-server.mjs']],
  ['packaged .vsix: contents and user view (code-server)', ['node', 'test/vsix/run.mjs']],
  ['Neovim LSP client', ['node', 'test/nvim/run.mjs']],
];
const results = [];
const started = Date.now();
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  results.push({ name, ok, s: ((Date.now() - t0) / 1000).toFixed(1), why: ok ? '' : r.error ? r.error.message : `exit ${r.status ?? r.signal}` });
}
console.log('\n=== real editors');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name} (${r.s} s)${r.why ? `: ${r.why}` : ''}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed}/${results.length} passed in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in test-results/`);
process.exit(failed ? 1 : 0);
