/**
 * The integration suite's entry, the `run()` that VS Code's extension host
 * calls for `extensionTestsPath` (code-server here, @vscode/test-electron on
 * a desktop). Runs every *.e2e.js file beside it with mocha, in name order
 * (the files are numbered: the workspace check comes last). E2E_GREP runs
 * only the tests whose title matches.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort()) mocha.addFile(path.join(__dirname, f));
  // the spec reporter lists failures only at the end: say why at once, a hung run still tells
  mocha.suite.afterEach(function () {
    const test = this.currentTest;
    if (test?.state === 'failed') console.log(`      ✖ ${test.title}: ${test.err?.message ?? ''}`);
  });
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
