// The packaged extension as a user meets it: bot-ethics.vsix installed into
// code-server with `--install-extension`, the workspace opened in headless
// Chromium, a bot file opened with a click in the Explorer. The test waits
// for what the user sees (the squiggle, the status bar's problem count),
// shows the hover, opens the quick-fix menu with Ctrl+., applies the fix
// (which VS Code saves). Screenshots: test-results/before.png (squiggle and hover),
// test-results/menu.png (the quick-fix menu), test-results/after.png.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, makeWorkspace, startCodeServer } from '../e2e/run-code-server.mjs';

const FILE = ['rasa', 'domain.yml'];
/** The greeting variation without a disclosure (disclosure.missing), 1-based line 34 in the editor. */
const GREETING = 'Hi! Which book are you looking for today?';
const FIXED = "Hi! I'm a virtual assistant. Which book are you looking for today?";
const FIX_TITLE = 'Add the disclosure "I\'m a virtual assistant."';
const LINE = 34;

/** Settings that keep the screenshots about the code (nothing pinned over it, nothing beside it). */
const SCREENSHOT_SETTINGS = { 'editor.stickyScroll.enabled': false, 'editor.minimap.enabled': false, 'workbench.tips.enabled': false };

/** The status bar's problem counts, as the user reads them ("⊗ 0 ⚠ 5"). */
async function problemCounts(page) {
  const text = (await page.locator('#status\\.problems').textContent()) ?? '';
  const [errors, warnings] = text.trim().split(/\s+/).map(Number);
  return { errors, warnings };
}

/** Waits (inside the page, on each animation frame) until the status bar shows these counts. */
async function waitForCounts(page, expected, timeout = 30_000) {
  try {
    await page.waitForFunction(
      ({ errors, warnings }) => {
        const text = document.querySelector('#status\\.problems')?.textContent?.trim() ?? '';
        return text.split(/\s+/).map(Number).join(' ') === `${errors} ${warnings}`;
      },
      expected,
      { timeout },
    );
  } catch {
    assert.deepEqual(await problemCounts(page), expected, 'the status bar problem count');
  }
  return problemCounts(page);
}

/**
 * Does the rendered editor line that shows `text` carry a squiggle? Monaco
 * draws a line's text (.view-line) and its decorations (.view-overlays > div)
 * as separate layers, at the same `top`.
 */
async function lineHasSquiggle(page, text) {
  return page.evaluate((needle) => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    const line = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => l.textContent.replace(/\u00a0/g, ' ').includes(needle));
    if (!line) throw new Error(`no rendered line shows ${needle}`);
    const overlay = [...editor.querySelectorAll('.view-overlays > div')].find((o) => o.style.top === line.style.top);
    return !!overlay?.querySelector('.squiggly-warning, .squiggly-error');
  }, text);
}

async function renderedLineTexts(page) {
  return page.$$eval('.editor-instance .monaco-editor .view-lines .view-line', (ls) => ls.map((l) => l.textContent.replace(/\u00a0/g, ' ')));
}

export async function userViewTests(vsix, resultsDir) {
  const tests = [];
  const cs = await startCodeServer({ install: [vsix], settings: SCREENSHOT_SETTINGS });
  const ws = makeWorkspace(cs.state);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
  const shot = (name) => page.screenshot({ path: path.join(resultsDir, name) });
  let before;

  tests.push(['the .vsix installs into code-server', async () => {
    const installed = fs.readdirSync(path.join(cs.state, 'ext')).filter((d) => d.startsWith('bot-ethics.bot-ethics-'));
    assert.deepEqual(installed, ['bot-ethics.bot-ethics-0.1.0']);
  }]);

  tests.push(['a click in the Explorer opens the file; the squiggle and the status bar count appear', async () => {
    await page.goto(`http://127.0.0.1:${cs.port}/?folder=${encodeURIComponent(ws)}`);
    for (const label of FILE) await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${label}"]`).click();
    await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    // the Rasa domain's planted problems: all warnings (disclosure, notice, 2 × wording, echo)
    before = await waitForCounts(page, { errors: 0, warnings: 5 });
    assert.ok(await lineHasSquiggle(page, GREETING), 'the greeting without a disclosure is underlined');
  }]);

  tests.push(['the hover explains the finding (before.png)', async () => {
    await page.keyboard.press('Control+g');
    await page.keyboard.type(`${LINE}:20`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+i'); // Show Hover, as resting the mouse does
    // the hover fills in parts: the problem, then the extension's explanation, then the quick-fix link
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Say that the user is talking to a bot' }).filter({ hasText: 'Quick Fix...' }).first();
    await hover.waitFor({ timeout: 15_000 });
    const text = await hover.textContent();
    assert.match(text, /This greeting does not tell the user they are talking to a bot/);
    assert.match(text, /Say that the user is talking to a bot/);
    assert.match(text, /EU AI Act Art\. 50\(1\)/);
    await shot('before.png');
    await page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden', timeout: 10_000 });
  }]);

  tests.push(['Ctrl+. lists the quick fixes (menu.png) and applies the chosen one (after.png)', async () => {
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    await menu.waitFor({ timeout: 30_000 });
    const labels = await menu.locator('.monaco-list-row[aria-label]').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
    assert.deepEqual(labels, [`${FIX_TITLE}, Quick Fix`, 'Suppress disclosure.missing on the next line, Quick Fix']);
    await shot('menu.png');
    await menu.locator('.monaco-list-row', { hasText: FIX_TITLE }).click();
    await waitForCounts(page, { errors: before.errors, warnings: before.warnings - 1 });
    assert.ok((await renderedLineTexts(page)).includes(`    - text: "${FIXED}"`), 'the editor shows the fixed line');
    assert.ok(!(await lineHasSquiggle(page, FIXED)), 'the squiggle is gone');
    // VS Code saves the files a quick fix changed by itself (files.refactoring.autoSave, on by default)
    const onDisk = () => fs.readFileSync(path.join(ws, ...FILE), 'utf8').split('\n')[LINE - 1];
    for (const deadline = Date.now() + 15_000; onDisk() !== `    - text: "${FIXED}"` && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
    assert.equal(onDisk(), `    - text: "${FIXED}"`, 'the fix is saved to disk');
    await shot('after.png');
  }]);

  return {
    tests,
    async close() {
      await browser.close().catch(() => {});
      await cs.stop();
    },
  };
}
