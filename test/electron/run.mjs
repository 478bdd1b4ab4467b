#!/usr/bin/env node
// The VS Code integration suite (test/e2e/suite, the same compiled mocha
// `run()` the code-server runner uses) in desktop VS Code, through
// @vscode/test-electron. Not part of `npm test`: it needs desktop VS Code.
//
//   VSCODE_EXECUTABLE=/path/to/code npm run test:electron   # a VS Code you have
//   npm run test:electron                                    # downloads VS Code
//   VSCODE_VERSION=1.91.0 npm run test:electron              # a given release
//
// Downloading needs update.code.visualstudio.com; on the CI machine there is
// no network beyond the npm registry, so there `npm run test:e2e` (the same
// suite in code-server) is what runs. On Linux without a display, wrap the
// command in `xvfb-run -a`.
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkspace } from '../e2e/run-code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suiteIndex = path.join(root, 'out/test/e2e/suite/index.js');

async function main() {
  if (!fs.existsSync(suiteIndex)) throw new Error(`${suiteIndex} is missing: run npm run compile first`);
  if (!fs.existsSync(path.join(root, 'dist/client.js'))) throw new Error('dist/client.js is missing: run npm run build first');

  // throwaway state and a copy of the workspace (the suite edits files), as with code-server
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ethics-electron-'));
  const ws = makeWorkspace(state);
  const userData = path.join(state, 'ud');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User/settings.json'),
    JSON.stringify({ 'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'update.mode': 'none' }),
  );

  const executable = process.env.VSCODE_EXECUTABLE;
  console.log(`[electron] ${executable ? `VS Code at ${executable}` : `downloading VS Code ${process.env.VSCODE_VERSION ?? 'stable'} (needs update.code.visualstudio.com)`}`);
  let code;
  try {
    code = await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.VSCODE_VERSION ?? 'stable', cachePath: path.join(root, '.vscode-test') }),
      extensionDevelopmentPath: root,
      extensionTestsPath: suiteIndex,
      extensionTestsEnv: { E2E_GREP: process.env.E2E_GREP },
      launchArgs: [
        ws,
        '--disable-extensions', // every other extension: only bot-ethics (under development) runs
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userData}`,
        `--extensions-dir=${path.join(state, 'ext')}`,
      ],
    });
  } catch (e) {
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(String(e?.message ?? e));
    if (offline && !executable) {
      console.error('[electron] cannot download VS Code (no network). Set VSCODE_EXECUTABLE to a VS Code binary, or run the same suite in code-server: npm run test:e2e');
    }
    throw e;
  } finally {
    if (!process.env.E2E_KEEP_STATE) fs.rmSync(state, { recursive: true, force: true });
  }
  console.log(code === 0 ? '[electron] suite passed' : `[electron] suite FAILED (exit ${code})`);
  process.exit(code === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error('[electron]', e instanceof Error ? e.message : e);
  process.exit(1);
});
