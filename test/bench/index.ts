/**
 * `npm run bench`: runs every `*.bench.js` next to this file (compiled from
 * test/bench/*.bench.ts). Each exports `run(): Promise<void>` and prints its
 * own measurements. Benchmarks measure; they never pass or fail on time.
 */
import * as fs from 'fs';
import * as path from 'path';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => !only.length || only.some((o) => f.includes(o)))
    .sort();
  for (const f of files) {
    console.log(`\n## ${f.replace(/\.bench\.js$/, '')}`);
    const mod = (await import(path.join(__dirname, f))) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') throw new Error(`${f} has no run()`);
    await mod.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
