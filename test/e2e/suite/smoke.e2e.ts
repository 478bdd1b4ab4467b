import * as assert from 'assert';
import * as vscode from 'vscode';

describe('the editor under test', () => {
  it('is real VS Code with the test workspace open', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open');
  });
});
