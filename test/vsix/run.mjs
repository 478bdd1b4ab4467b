#!/usr/bin/env node
// The packaged extension, from `npm run package` to a user's screen:
//   1. builds bot-ethics.vsix (`npm run package`; `--no-package` tests the
//      existing one, BOT_ETHICS_VSIX names another file),
//   2. checks what the .vsix holds (contents.mjs),
//   3. installs it into code-server and uses it as a user (user-view.mjs),
//      leaving screenshots in test-results/.
// Packaging builds minified bundles into dist/; the development build is put
// back afterwards, so the other tests keep their source maps.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTests } from './contents.mjs';
import { userViewTests } from './user-view.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vsixPath = process.env.BOT_ETHICS_VSIX ?? path.join(root, 'bot-ethics.vsix');
const resultsDir = path.join(root, 'test-results');

let passed = 0;
let failed = 0;
async function test(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✖ ${name}\n    ${(e instanceof Error ? e.message : String(e)).split('\n').join('\n    ')}`);
  }
}

function npm(...args) {
  const r = spawnSync('npm', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true });
  if (!process.argv.includes('--no-package') && !process.env.BOT_ETHICS_VSIX) {
    console.log('npm run package');
    try {
      fs.rmSync(vsixPath, { force: true });
      const out = npm('run', 'package');
      console.log(out.split('\n').filter((l) => /Packaged:|WARNING|ERROR/.test(l)).join('\n'));
    } finally {
      npm('run', 'build'); // the development bundles again
    }
  }
  if (!fs.existsSync(vsixPath)) throw new Error(`${vsixPath} is missing`);
  const vsix = fs.readFileSync(vsixPath);

  console.log(`\nthe package (${path.relative(root, vsixPath)}, ${(vsix.length / 1024).toFixed(0)} KiB)`);
  for (const [name, fn] of contentTests(vsix)) await test(name, fn);

  console.log('\nthe user view (code-server + Chromium)');
  const view = await userViewTests(vsixPath, resultsDir);
  try {
    // each step needs the one before: stop at the first failure
    for (const [name, fn] of view.tests) {
      const before = failed;
      await test(name, fn);
      if (failed > before) break;
    }
  } finally {
    await view.close();
  }
  console.log(`\nvsix: ${passed} passed, ${failed} failed; screenshots in ${path.relative(root, resultsDir)}/`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error('[vsix]', e instanceof Error ? e.stack : e);
  process.exit(1);
});
