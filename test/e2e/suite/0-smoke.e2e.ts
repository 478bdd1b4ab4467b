import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './support/editor';

describe('the editor under test', () => {
  it('is real VS Code with the test workspace open', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open');
  });

  it('runs the extension under development, with its commands', async () => {
    await activateExtension();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'bot-ethics is active');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('botEthics.checkWorkspace'), 'botEthics.checkWorkspace is registered');
    assert.ok(commands.includes('botEthics.restartServer'), 'botEthics.restartServer is registered');
  });
});
