/**
 * The thin VS Code client: starts the bot-ethics language server (dist/server.js
 * over node IPC), gives it the bot files and settings, and adds two commands.
 * No rule logic lives here.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_REQUEST, WATCHED_GLOBS, type CheckWorkspaceResult, type InitializationOptions } from '../../server/src/lsp/protocol';
import { DOCUMENT_SELECTOR } from './selector';

/** The id also names the trace setting the client library reads: botEthics.trace.server. */
const CLIENT_ID = 'botEthics';
/** A server that crashes this often in a row is not restarted again (the library's window is 3 minutes). */
const MAX_RESTARTS = 4;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('bot-ethics', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watchers = WATCHED_GLOBS.map((g) => vscode.workspace.createFileSystemWatcher(g));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { fileEvents: watchers },
    initializationOptions: { clientWatchesFiles: true } satisfies InitializationOptions,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    connectionOptions: { maxRestartCount: MAX_RESTARTS },
  };
  client = new LanguageClient(CLIENT_ID, 'bot-ethics', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('botEthics.restartServer', () => restart(output)),
    vscode.commands.registerCommand('botEthics.checkWorkspace', () => checkWorkspace(output)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function restart(output: vscode.LogOutputChannel): Promise<void> {
  if (!client) return;
  output.info('restarting the server');
  // a client stopped by the crash limit is started afresh; a running one restarts
  if (client.state === State.Stopped) await client.start();
  else await client.restart();
}

async function checkWorkspace(output: vscode.LogOutputChannel): Promise<void> {
  if (!client || client.state !== State.Running) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The bot-ethics server is not running. Run "bot-ethics: Restart Server".'));
    return;
  }
  const running = client;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('bot-ethics: checking the workspace…') },
    () => running.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST),
  );
  output.info(`workspace check: ${result.projects} projects, ${result.files} files`);
  const problems = result.errors + result.warnings + result.infos;
  const summary = problems
    ? vscode.l10n.t('bot-ethics: {0} problems ({1} errors, {2} warnings, {3} infos) in {4} files.', problems, result.errors, result.warnings, result.infos, result.files)
    : vscode.l10n.t('bot-ethics: no problems in {0} files.', result.files);
  void vscode.window.showInformationMessage(summary);
  if (problems) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
