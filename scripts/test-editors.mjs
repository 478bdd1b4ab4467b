#!/usr/bin/env node
// The real-editor tests: VS Code (code-server + headless Chromium), the
// packaged .vsix as a user sees it, and Neovim's LSP client. Prints a summary.
import { spawnSync } from 'node:child_process';

const steps = [
  ['VS Code integration suite (code-server)', ['node', 'test/e2e/run-code-server.mjs']],
  ['Neovim LSP client', ['node', 'test/nvim/run.mjs']],
];
const results = [];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  results.push({ name, ok: r.status === 0, s: ((Date.now() - t0) / 1000).toFixed(1) });
}
console.log('\n=== real editors');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name} (${r.s} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
