/**
 * Robustness: the CLI on real third-party bot projects (read-only corpus)
 * finishes with a valid report and no internal error, whatever it finds.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { sarifValidator } from './sarif-schema';
import { runCli, type JsonReport } from './support';
import { CORPUS } from '../support/corpus';


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

  let total = 0;
  for (const name of projects) {
    it(`checks ${name} without an internal error`, () => {
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
      total += report.findings.length;
    });
  }

  it('writes schema-valid SARIF for the whole corpus with the same findings', () => {
    const sarif = runCli(['check', CORPUS, '--format', 'sarif']);
    assert.ok(sarif.status === 0 || sarif.status === 1, sarif.stderr);
    const log = JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] };
    assert.ok(sarifValidator()(log), 'valid SARIF 2.1.0');
    assert.strictEqual(log.runs[0].results.length, total);
  });
});
