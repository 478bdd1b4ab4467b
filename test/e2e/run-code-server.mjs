#!/usr/bin/env node
// Runs the VS Code integration suite (test/e2e/suite, the same mocha `run()`
// entry @vscode/test-electron uses) inside real VS Code: code-server's
// workbench in headless Chromium, with VS Code's own Node extension host.
// Starts code-server on loopback with throwaway state, stops it by its own
// process group, exits with the suite's exit code.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const editors = process.env.BOT_ETHICS_EDITORS ?? path.join(root, '.cache/editors');
const codeServer = path.join(editors, 'code-server/node_modules/.bin/code-server');
const node24 = path.join(editors, 'node24/bin');
const suiteIndex = path.join(root, 'out/test/e2e/suite/index.js');
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);

function log(...a) {
  console.log('[e2e]', ...a);
}

function ensureEditors() {
  if (fs.existsSync(codeServer) && fs.existsSync('/usr/bin/chromium')) return;
  log('installing the editors (scripts/setup-editors.sh)…');
  const r = spawnSync('bash', [path.join(root, 'scripts/setup-editors.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('could not install the editors');
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitHealthy(port, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (${child.exitCode})`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('code-server did not become healthy in 60 s');
}

/** A throwaway copy of the workspace the suite opens (the suite edits files). */
export function makeWorkspace(state) {
  const ws = path.join(state, 'workspace');
  fs.cpSync(path.join(root, 'test/e2e/workspace'), ws, { recursive: true });
  return ws;
}

/** The environment code-server runs in: Node 24, state in the throwaway folder, no marketplace. */
function codeServerEnv(state) {
  return {
    ...process.env,
    PATH: `${node24}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(state, 'xdg-config'),
    XDG_DATA_HOME: path.join(state, 'xdg-data'),
    // no marketplace: nothing may leave the machine
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
  };
}

/**
 * Starts code-server on a free loopback port with throwaway state.
 * `extensionsDir`: where extensions live (default: in the state folder);
 * `install`: .vsix files installed there first, as a user would
 * (`code-server --install-extension`); `settings`: more user settings.
 */
export async function startCodeServer({ extensionsDir, install = [], settings = {} } = {}) {
  ensureEditors();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ethics-e2e-'));
  const port = await freePort();
  for (const d of ['ud/User', 'ext', 'xdg-config', 'xdg-data']) fs.mkdirSync(path.join(state, d), { recursive: true });
  const extDir = extensionsDir ?? path.join(state, 'ext');
  for (const vsix of install) {
    const r = spawnSync(codeServer, ['--user-data-dir', path.join(state, 'ud'), '--extensions-dir', extDir, '--install-extension', vsix], {
      env: codeServerEnv(state),
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.status}): ${r.stderr || r.stdout}`);
  }
  fs.writeFileSync(
    path.join(state, 'ud/User/settings.json'),
    JSON.stringify({ 'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'update.mode': 'none',
      // the secondary side bar (chat) only takes room from the editor in screenshots
      'workbench.secondarySideBar.defaultVisibility': 'hidden', ...settings }),
  );
  const args = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', path.join(state, 'ud'), '--extensions-dir', extDir,
  ];
  const child = spawn(codeServer, args, {
    detached: true, // own process group: stopped by its id, never by name
    stdio: ['ignore', 'pipe', 'pipe'],
    env: codeServerEnv(state),
  });
  let serverLog = '';
  child.stdout.on('data', (d) => (serverLog += d));
  child.stderr.on('data', (d) => (serverLog += d));
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', () => signal('SIGTERM'));
  /** Stops code-server's process group and removes the state (E2E_KEEP_STATE=1 keeps it for a post-mortem). */
  const stop = async () => {
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
    signal('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 5000))]);
    if (timedOut) signal('SIGKILL');
    if (!process.env.E2E_KEEP_STATE) fs.rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitHealthy(port, child);
  } catch (e) {
    await stop();
    console.error(serverLog);
    throw e;
  }
  return { port, state, stop, log: () => serverLog };
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function main() {
  if (!fs.existsSync(suiteIndex)) throw new Error(`${suiteIndex} is missing: run npm run compile first`);
  if (!fs.existsSync(path.join(root, 'dist/client.js'))) throw new Error('dist/client.js is missing: run npm run build first');
  const cs = await startCodeServer();
  const ws = makeWorkspace(cs.state);
  const browser = await launchBrowser();
  let exitCode;
  try {
    const page = await browser.newPage();
    const done = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        // the extension host's console, printf-style arguments as VS Code sends them
        const text = format(...(Array.isArray(args) ? args : [args]));
        if (text.trim() && !/ENOTFOUND|queryRawGalleryExtensions|at async /.test(text)) console.log(text);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    const authority = `127.0.0.1:${cs.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${root}`],
      ['extensionTestsPath', `vscode-remote://${authority}${suiteIndex}`],
      ['skipWelcome', 'true'],
    ];
    const url = `http://${authority}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`code-server on ${authority}, workspace ${ws}`);
    await page.goto(url);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
    exitCode = await Promise.race([done, timeout]);
    if (exitCode === 'timeout') {
      log(`the suite did not finish in ${timeoutMs / 1000} s`);
      fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
      await page.screenshot({ path: path.join(root, 'test-results/e2e-timeout.png') }).catch(() => {});
      exitCode = 1;
    }
  } finally {
    await browser.close().catch(() => {});
    await cs.stop();
  }
  log(exitCode === 0 ? 'suite passed' : `suite FAILED (exit ${exitCode})`);
  process.exit(exitCode === 0 ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error('[e2e]', e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
