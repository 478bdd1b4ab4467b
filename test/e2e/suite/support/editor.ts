/**
 * Driving the editor as a user would, through VS Code's own commands:
 * opening files, asking for code actions, applying them, putting files back.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf } from './diagnostics';

export const EXTENSION_ID = 'bot-ethics.bot-ethics';

/** A file of the test workspace (a throwaway copy of test/e2e/workspace). */
export function wsUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Activates the extension under test (it would activate on the workspace's bot files anyway). */
export async function activateExtension(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed in the editor`);
  await ext.activate();
}

/**
 * Opens a file in an editor the way a click in the Explorer does: through the
 * workbench, so the editor alone holds the document. (`openTextDocument`
 * would also pin it in the extension host for minutes after its editor
 * closes, and closing would not close the document.)
 */
export async function open(relative: string): Promise<vscode.TextDocument> {
  const uri = wsUri(relative);
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  const doc = vscode.window.activeTextEditor?.document;
  assert.ok(doc && doc.uri.toString() === uri.toString(), `${relative} is the active editor`);
  return doc;
}

/** The document of an open file, opening it through the workbench if it is not. */
async function documentOf(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const known = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return known ?? open(vscode.workspace.asRelativePath(uri));
}

export async function readDisk(relative: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri(relative)));
}

export async function exists(relative: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(wsUri(relative));
    return true;
  } catch {
    return false;
  }
}

/** Line `n` (0-based) of a document. */
export function line(doc: vscode.TextDocument, n: number): string {
  return doc.lineAt(n).text;
}

/**
 * The files' texts now, to put back after a test edited them: the next test
 * starts from the workspace as it was (the server re-checks what changed).
 */
export async function snapshot(...relatives: string[]): Promise<{ restore(): Promise<void> }> {
  const saved = new Map<string, string>();
  for (const r of relatives) saved.set(r, await readDisk(r));
  return {
    async restore() {
      for (const [r, text] of saved) {
        const doc = await documentOf(wsUri(r));
        if (doc.getText() !== text) {
          const edit = new vscode.WorkspaceEdit();
          edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
          assert.ok(await vscode.workspace.applyEdit(edit), `${r} restored`);
        }
        if (doc.isDirty) assert.ok(await doc.save(), `${r} saved`);
      }
    },
  };
}

function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return !('command' in a && typeof a.command === 'string');
}

/** The code actions VS Code offers at a range (the light bulb's menu), optionally of one kind only. */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return (all ?? []).filter(isCodeAction);
}

/**
 * The quick fixes offered at a diagnostic's range, as the light bulb lists
 * them. (VS Code's command does not say which diagnostic an action fixes:
 * the titles, which name the rule's remedy, tell.)
 */
export async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return codeActionsAt(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

/** Applies the quick fix with this title (exactly) for the diagnostic; returns it. */
export async function applyQuickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
  const fixes = await quickFixesFor(uri, diagnostic);
  const fix = fixes.find((a) => a.title === title);
  assert.ok(fix, `quick fix "${title}" for ${codeOf(diagnostic)} among ${JSON.stringify(fixes.map((a) => a.title))}`);
  assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.ok(fix.edit, 'the quick fix carries its edit');
  assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the editor applied the edit');
  return fix;
}

/** Closes the active editor without saving prompts (the suite only closes saved files). */
export async function closeActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
