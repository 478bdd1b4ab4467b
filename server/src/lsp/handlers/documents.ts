/**
 * Keeps the projects in step with the editor and the disk: open documents
 * overlay their files, a closed one falls back to the disk, watched-file
 * events add, change and remove files, and config files re-read the config.
 * Every change schedules a re-check of the project it touched.
 */
import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import type { ProjectState } from '../project-state';
import { background } from '../safe';
import { uriToKey } from '../uri';
import { isConfigFile, isRootMarker } from '../workspace';
import type { DiagnosticsHandler } from './diagnostics';

export class DocumentsHandler {
  constructor(
    private readonly ctx: ServerContext,
    private readonly diagnostics: DiagnosticsHandler,
  ) {}

  register(): void {
    const { documents, connection, log } = this.ctx;
    documents.onDidChangeContent((e) => background(log, 'document change', () => this.changed(e.document)));
    documents.onDidClose((e) => background(log, 'document close', () => this.closed(e.document)));
    connection.onDidChangeWatchedFiles((p) => background(log, 'watched files', () => this.watched(p.changes)));
  }

  /** Opened or edited: the project takes the editor's text. */
  private changed(doc: TextDocument): void {
    const key = uriToKey(doc.uri);
    if (!key) return; // untitled and other schemes: no path, no project
    if (isConfigFile(key)) return this.configTouched(key);
    const state = this.ctx.workspace.projectFor(key);
    const opening = !state.open.has(key);
    state.setOpen(key, doc.getText(), doc.version);
    this.diagnostics.schedule(state, opening ? 0 : undefined);
  }

  private async closed(doc: TextDocument): Promise<void> {
    const key = uriToKey(doc.uri);
    if (!key) return this.diagnostics.clear(doc.uri);
    if (isConfigFile(key)) return this.configTouched(key); // back to the file on disk
    const state = this.ctx.workspace.projectFor(key);
    if (!state.shown.has(key)) this.diagnostics.clear(doc.uri);
    await state.close(key);
    // the other open files may depend on this one, whose text is now the disk's
    if (state.open.size || state.shown.size) this.diagnostics.schedule(state);
  }

  /** The config file was edited, saved or changed on disk: projects under it re-read it. */
  private configTouched(key: string): void {
    for (const state of this.ctx.workspace.projectsUnderConfig(key)) {
      if (state.refreshConfig()) this.diagnostics.schedule(state);
    }
  }

  private async watched(changes: readonly FileEvent[]): Promise<void> {
    const touched = new Set<ProjectState>();
    const rescans: Promise<void>[] = [];
    for (const change of changes) {
      const key = uriToKey(change.uri);
      if (!key) continue;
      if (change.type !== FileChangeType.Changed && isRootMarker(key)) return this.resetProjects();
      if (isConfigFile(key)) {
        this.configTouched(key);
        continue;
      }
      const state = this.ctx.workspace.existingProjectFor(key);
      if (!state || state.open.has(key)) continue; // unknown project: read when first needed
      if (change.type === FileChangeType.Created) {
        // the walker decides (dot folders, .gitignore, ignore globs), exactly as on first load
        rescans.push(state.rescan());
        touched.add(state);
      } else if (change.type === FileChangeType.Deleted || state.project.has(key)) {
        if (await state.refreshFromDisk(key)) touched.add(state);
      }
    }
    await Promise.all(rescans);
    for (const state of touched) this.diagnostics.schedule(state);
  }

  /**
   * Project roots may have moved: rebuild the projects, keeping every open
   * document and every file a workspace check shows.
   */
  resetProjects(): void {
    const { workspace, documents } = this.ctx;
    const fresh = new Set<ProjectState>();
    for (const old of workspace.reset()) {
      for (const key of old.shown) {
        const state = workspace.projectFor(key);
        state.shown.add(key);
        fresh.add(state);
      }
      for (const key of old.open) {
        const doc = documents.all().find((d) => uriToKey(d.uri) === key);
        if (!doc) continue;
        const state = workspace.projectFor(key);
        state.setOpen(key, doc.getText(), doc.version);
        fresh.add(state);
      }
    }
    for (const state of fresh) this.diagnostics.schedule(state, 0);
  }
}
