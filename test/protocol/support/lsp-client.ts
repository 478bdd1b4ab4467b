/**
 * A minimal LSP client for protocol tests: speaks JSON-RPC to the server
 * over a pair of streams (the built bundle's stdio, or in-memory streams),
 * answers the server's requests (settings, registrations) and lets tests wait
 * for diagnostics by predicate — never by sleeping.
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { PassThrough } from 'stream';
import { pathToFileURL } from 'url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import { PublishDiagnosticsNotification } from 'vscode-languageserver/node';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist/server.js');

/** Capabilities of a modern editor: versioned document changes, file creation, pulled settings. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export interface StartOptions {
  workspaceFolder: string;
  /** `botEthics` settings answered to workspace/configuration */
  settings?: Record<string, unknown>;
  locale?: string;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspTestClient {
  readonly logs: string[] = [];
  /** what the server registered dynamically (client/registerCapability) */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** every publishDiagnostics, in order */
  readonly published: PublishDiagnosticsParams[] = [];
  settings: Record<string, unknown>;
  private readonly docs = new Map<string, TextDocument>();
  private readonly waiters = new Set<Waiter>();
  private configurationRequests = 0;
  initializeResult!: InitializeResult;

  private constructor(
    readonly connection: MessageConnection,
    private readonly child: ChildProcess | undefined,
    settings: Record<string, unknown>,
    readonly stderr: () => string,
  ) {
    this.settings = settings;
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      return params.items.map((i) => (i.section === 'botEthics' ? this.settings : null));
    });
    connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.accept(p)) {
          this.waiters.delete(w);
          w.resolve(p);
        }
      }
    });
    connection.listen();
  }

  /** The built server bundle as a child process over stdio, as Neovim and other editors start it. */
  static async spawnBundle(options: StartOptions): Promise<LspTestClient> {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(conn, child, options.settings ?? {}, () => err);
    await client.initialize(options);
    return client;
  }

  /** An in-process server over two in-memory streams; `start` wires the server side. */
  static async inMemory(options: StartOptions, start: (input: PassThrough, output: PassThrough) => void): Promise<LspTestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    start(toServer, toClient);
    const conn = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const client = new LspTestClient(conn, undefined, options.settings ?? {}, () => '');
    await client.initialize(options);
    return client;
  }

  private async initialize(options: StartOptions): Promise<void> {
    const folderUri = fileUri(options.workspaceFolder);
    this.initializeResult = await this.connection.sendRequest<InitializeResult>('initialize', {
      // an in-process server would watch this process id and keep the test run alive
      processId: this.child ? process.pid : null,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(options.workspaceFolder) }],
      capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
      locale: options.locale ?? 'en',
      initializationOptions: options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
  }

  get settingsPulls(): number {
    return this.configurationRequests;
  }

  document(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc;
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-document change), as after applying a fix. */
  async replaceText(uri: string, text: string): Promise<number> {
    const doc = this.document(uri);
    const version = doc.version + 1;
    const end = doc.positionAt(doc.getText().length);
    this.docs.set(uri, TextDocument.update(doc, [{ text }], version));
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end }, text }],
    });
    return version;
  }

  /** An incremental edit, as an editor sends while typing. */
  async edit(uri: string, range: Range, text: string): Promise<number> {
    const doc = this.document(uri);
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, [{ range, text }], version));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * The next diagnostics for `uri` that satisfy `accept`; the latest already
   * received counts when `fromLatest` is set (used when the state may be
   * there already).
   */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        accept,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const last = this.latest(uri);
        reject(new Error(`no matching diagnostics for ${uri} in ${timeoutMs} ms; last: ${JSON.stringify(last?.diagnostics.map(brief))}\n${this.logs.slice(-5).join('\n')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Diagnostics for the document's current version. */
  waitForCurrent(uri: string, accept: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const version = this.docs.get(uri)?.version;
    const matches = (p: PublishDiagnosticsParams) => (version === undefined || p.version === version) && accept(p.diagnostics);
    const latest = this.latest(uri);
    if (latest && matches(latest)) return Promise.resolve(latest.diagnostics);
    return this.waitForDiagnostics(uri, matches).then((p) => p.diagnostics);
  }

  latest(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[] | null> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  async watchedFiles(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      // `exit` ends the server's process: only for a child process, never the test run's own
      if (this.child) await this.connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    if (this.child && this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.child!.kill();
          resolve();
        }, 3000);
        this.child!.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    this.connection.dispose();
  }

  /** Is the server process still alive? */
  get alive(): boolean {
    return !this.child || this.child.exitCode === null;
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Applies the text edits a WorkspaceEdit makes to one document. */
export function applyWorkspaceEdit(edit: WorkspaceEdit, uri: string, text: string): string {
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'x', 0, text), edits);
}

export function brief(d: Diagnostic): string {
  return `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}
