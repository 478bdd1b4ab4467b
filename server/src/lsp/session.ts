/**
 * The language server over any connection: wires the handlers to the LSP
 * messages. The bundle entry (server.ts) passes a stdio or IPC connection;
 * tests pass in-memory streams and may swap formats and rules.
 */
import {
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Checker } from '../core/engine';
import type { Rule } from '../core/rule';
import { FORMATS } from '../formats';
import type { FormatParser } from '../formats/format';
import { uiLangFrom, type UiLang } from '../l10n';
import { RULES } from '../rules';
import type { ServerContext } from './context';
import { CheckWorkspaceHandler } from './handlers/check-workspace';
import { CODE_ACTION_KINDS, CodeActionsHandler } from './handlers/code-actions';
import { DiagnosticsHandler } from './handlers/diagnostics';
import { DocumentsHandler } from './handlers/documents';
import { HoverHandler } from './handlers/hover';
import { SettingsHandler } from './handlers/settings';
import { CHECK_WORKSPACE_REQUEST, WATCHED_GLOBS, type CheckWorkspaceResult, type InitializationOptions } from './protocol';
import { background, guarded, type Log } from './safe';
import { uriToKey } from './uri';
import { Workspace } from './workspace';

export interface ServerOptions {
  formats?: readonly FormatParser[];
  rules?: readonly Rule[];
  /** how long edits coalesce before a re-check (ms) */
  debounceMs?: number;
}

/** Small enough to feel immediate, long enough to merge the change events of one keystroke burst. */
export const DEFAULT_DEBOUNCE_MS = 15;

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const log: Log = {
    info: (m) => connection.console.log(m),
    error: (m) => connection.console.error(m),
  };
  const documents = new TextDocuments(TextDocument);
  let session: Session | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session = new Session(connection, documents, params, options, log);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'bot-ethics' },
    };
  });
  connection.onInitialized(() => background(log, 'initialized', () => session?.initialized()));
  documents.listen(connection);
  connection.listen();
}

class Session {
  private readonly ctx: ServerContext;
  private readonly settings: SettingsHandler;
  private readonly diagnostics: DiagnosticsHandler;
  private readonly documentsHandler: DocumentsHandler;
  private readonly clientWatches: boolean;

  constructor(connection: Connection, documents: TextDocuments<TextDocument>, params: InitializeParams, options: ServerOptions, log: Log) {
    const rules = options.rules ?? RULES;
    const capabilities: ClientCapabilities = params.capabilities ?? {};
    const lang: UiLang = uiLangFrom(params.locale);
    // the settings handler needs the context and the workspace needs the settings: tie the knot lazily
    let settings: SettingsHandler | undefined;
    const workspace = new Workspace(options.formats ?? FORMATS, {
      openText: (key) => {
        const doc = documents.all().find((d) => uriToKey(d.uri) === key);
        return doc?.getText();
      },
      settings: (root) => settings!.configFor(root),
      log: (m) => log.info(m),
    });
    workspace.setFolders(workspaceFolders(params));
    this.clientWatches = clientWatchesFiles(params);
    this.ctx = { connection, documents, workspace, checker: new Checker(rules), rules, lang, capabilities, log };
    this.settings = settings = new SettingsHandler(this.ctx, (roots) => {
      for (const p of workspace.all) if (roots.includes(p.root)) this.diagnostics.schedule(p, 0);
    });
    this.diagnostics = new DiagnosticsHandler(this.ctx, (root) => this.settings.ready(root), options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    this.documentsHandler = new DocumentsHandler(this.ctx, this.diagnostics);
    this.documentsHandler.register();
    this.registerRequests();
    log.info(`bot-ethics server: ${rules.length} rules, ${(options.formats ?? FORMATS).length} formats, UI ${lang}, ${workspace.folders.length} workspace folders`);
  }

  /** Editors other than VS Code hear of file changes only when the server asks for them. */
  private watchFiles(): void {
    if (this.clientWatches || !this.ctx.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const watchers = WATCHED_GLOBS.map((globPattern) => ({ globPattern }));
    void this.ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }

  private registerRequests(): void {
    const { connection, log } = this.ctx;
    const codeActions = new CodeActionsHandler(this.ctx, this.diagnostics);
    const hover = new HoverHandler(this.ctx, this.diagnostics);
    const checkWorkspace = new CheckWorkspaceHandler(this.ctx, this.diagnostics);
    connection.onCodeAction(guarded(log, 'codeAction', [], (p) => codeActions.provide(p)));
    connection.onHover(guarded(log, 'hover', null, (p) => hover.provide(p)));
    const empty: CheckWorkspaceResult = { projects: 0, files: 0, errors: 0, warnings: 0, infos: 0 };
    connection.onRequest(CHECK_WORKSPACE_REQUEST, guarded(log, 'checkWorkspace', empty, () => checkWorkspace.run()));
    connection.onDidChangeConfiguration((p) => background(log, 'configuration', () => this.settings.changed(p)));
  }

  initialized(): void {
    this.settings.registerForChanges();
    this.watchFiles();
    if (this.ctx.capabilities.workspace?.workspaceFolders) {
      this.ctx.connection.workspace.onDidChangeWorkspaceFolders((e) =>
        background(this.ctx.log, 'workspace folders', () => {
          const removed = new Set(e.removed.map((f) => uriToKey(f.uri)));
          const kept = this.ctx.workspace.folders.filter((f) => !removed.has(f));
          this.ctx.workspace.setFolders([...kept, ...keys(e.added.map((f) => f.uri))]);
          this.documentsHandler.resetProjects();
        }),
      );
    }
  }
}

function clientWatchesFiles(params: InitializeParams): boolean {
  const options = params.initializationOptions as InitializationOptions | null | undefined;
  return options?.clientWatchesFiles === true;
}

function workspaceFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return keys(params.workspaceFolders.map((f) => f.uri));
  // older clients send only a root
  if (params.rootUri) return keys([params.rootUri]);
  return params.rootPath ? [params.rootPath] : [];
}

function keys(uris: string[]): string[] {
  return uris.map(uriToKey).filter((k): k is string => !!k);
}
