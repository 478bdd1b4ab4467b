/**
 * Robustness: the CLI on real third-party bot projects (read-only corpus)
 * finishes with a valid report and no internal error, whatever it finds.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, runCli, type JsonReport } from './support';

const CORPUS = process.env.BOT_ETHICS_CORPUS ?? path.resolve(REPO, '../shared/corpus');

describe('CLI: real bot projects (corpus)', function () {
  this.timeout(120_000);
  if (!fs.existsSync(CORPUS)) {
    it('corpus present', function () {
      console.warn(`\n  ⚠⚠⚠ corpus not found at ${CORPUS} (set BOT_ETHICS_CORPUS): robustness tests SKIPPED ⚠⚠⚠\n`);
      this.skip();
    });
    return;
  }
  const projects = fs
    .readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

  it('has projects', () => assert.ok(projects.length >= 5, projects.join(', ')));

  for (const name of projects) {
    it(`checks ${name} without an internal error, as JSON and SARIF`, () => {
      const dir = path.join(CORPUS, name);
      const json = runCli(['check', dir, '--format', 'json']);
      assert.ok(json.status === 0 || json.status === 1, `exit ${json.status}: ${json.stderr}`);
      assert.doesNotMatch(json.stderr, /internal error/);
      const report = JSON.parse(json.stdout) as JsonReport;
      assert.strictEqual(report.version, 1);
      assert.ok(report.files > 0, `${name}: no bot file found`);
      for (const f of report.findings) {
        assert.ok(f.range.start.line >= 0 && f.range.end.line >= f.range.start.line, `${f.file}: ${JSON.stringify(f.range)}`);
        assert.ok(!f.file.startsWith('/'), f.file);
      }
      const sarif = runCli(['check', dir, '--format', 'sarif']);
      assert.strictEqual(sarif.status, json.status);
      const results = (JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] }).runs[0].results;
      assert.strictEqual(results.length, report.findings.length);
    });
  }
});
