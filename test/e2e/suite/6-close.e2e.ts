/** Closing a file takes its problems off the screen (it was never part of a workspace check). */
import * as assert from 'assert';
import { expectDiagnostics, waitForDiagnostics } from './support/diagnostics';
import { activateExtension, closeActiveEditor, closeAllEditors, open } from './support/editor';
import { BASELINE, DIALOG, LU } from './support/expected';

describe('closing a file', () => {
  before(async () => {
    await activateExtension();
    await closeAllEditors();
  });

  it('clears its diagnostics, and only its own', async () => {
    const dialog = await open(DIALOG);
    await expectDiagnostics(dialog.uri, dialog.getText(), BASELINE[DIALOG]);
    const lu = await open(LU);
    await expectDiagnostics(lu.uri, lu.getText(), BASELINE[LU]);

    await closeActiveEditor(); // the .lu file
    await waitForDiagnostics(lu.uri, (ds) => ds.length === 0);
    const stillOpen = await expectDiagnostics(dialog.uri, dialog.getText(), BASELINE[DIALOG]);
    assert.strictEqual(stillOpen.length, 1);
  });
});
