/**
 * "bot-ethics: Check Workspace" fills the Problems panel: every bot file of
 * every project gets its diagnostics, also files nobody opened.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { assertDiagnostics, ours, waitForDiagnostics } from './support/diagnostics';
import { activateExtension, closeAllEditors, readDisk, wsUri } from './support/editor';
import { BASELINE, ES_USERSAYS, RASA_DE_DOMAIN, RASA_NLU } from './support/expected';

describe('check workspace command', () => {
  before(async () => {
    await activateExtension();
    await closeAllEditors();
  });

  it('shows the problems of files that were never opened', async () => {
    const neverOpened = [RASA_NLU, ES_USERSAYS, RASA_DE_DOMAIN];
    assert.ok(neverOpened.every((f) => !vscode.workspace.textDocuments.some((d) => d.uri.toString() === wsUri(f).toString())), 'not opened');
    for (const f of neverOpened) assert.deepStrictEqual(ours(wsUri(f)), [], `${f} shows nothing yet`);

    await vscode.commands.executeCommand('botEthics.checkWorkspace');

    for (const f of neverOpened) {
      const got = await waitForDiagnostics(wsUri(f), (ds) => ds.length === BASELINE[f].length);
      assertDiagnostics(got, await readDisk(f), BASELINE[f]);
    }
    // and every file with a planted problem is in the Problems panel
    const shown = new Set(vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === 'bot-ethics')).map(([u]) => vscode.workspace.asRelativePath(u)));
    assert.deepStrictEqual([...shown].sort(), Object.keys(BASELINE).sort());
  });
});
