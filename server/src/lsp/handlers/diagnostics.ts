/**
 * Diagnostics: a project is re-checked shortly after any of its files
 * changes (coalesced per project, latest text only), and the result is
 * published for its open documents, for closed files that a workspace check
 * showed, and for its config file. A document's diagnostics carry its
 * version, so fixes computed for an older text are never applied.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../../core/findings';
import { stripBom } from '../../core/project';
import { PositionMap, toDiagnostic } from '../convert';
import { openDocument, positionMapFor, uriOf, type ServerContext } from '../context';
import type { ProjectState } from '../project-state';
import { NOT_OPEN_VERSION } from '../protocol';
import { background } from '../safe';
import { keyToUri } from '../uri';

export interface SeverityCounts {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Makes sure a project's settings are known before it is checked (pulled from the client once). */
export type SettingsReady = (root: string) => Promise<void>;

interface Published {
  version: number;
  diagnostics: Diagnostic[];
  json: string;
}

export class DiagnosticsHandler {
  private readonly timers = new Map<ProjectState, NodeJS.Timeout>();
  private readonly published = new Map<string, Published>();
  /** config files whose problems are on screen, by key → URI */
  private readonly configShown = new Map<string, string>();
  /** position maps of closed files, reused while their text stays the same */
  private readonly closedMaps = new Map<string, { text: string; map: PositionMap }>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly settingsReady: SettingsReady,
    private readonly delayMs: number,
  ) {}

  /** Re-checks the project soon; calls within the delay coalesce into one check. */
  schedule(state: ProjectState, delayMs = this.delayMs): void {
    const pending = this.timers.get(state);
    if (pending) clearTimeout(pending);
    this.timers.set(
      state,
      setTimeout(() => {
        this.timers.delete(state);
        background(this.ctx.log, 'check', () => this.check(state));
      }, delayMs),
    );
  }

  /** Checks a project now and publishes; resolves with what was published. */
  async check(state: ProjectState): Promise<SeverityCounts> {
    await state.ready();
    await this.settingsReady(state.root);
    if (!this.ctx.workspace.isCurrent(state)) return { files: 0, errors: 0, warnings: 0, infos: 0 };
    return this.checkLoaded(state);
  }

  /** The diagnostics an open document has at its current version, checking first when needed. */
  async current(uri: string, key: string): Promise<Diagnostic[]> {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return [];
    const known = this.published.get(uri);
    if (known && known.version === doc.version) return known.diagnostics;
    const state = this.ctx.workspace.projectFor(key);
    if (!state.open.has(key)) return [];
    await this.check(state);
    const now = this.published.get(uri);
    return now && now.version === doc.version ? now.diagnostics : [];
  }

  /** Removes a file's diagnostics from the editor. */
  clear(uri: string): void {
    if (!this.published.has(uri)) return;
    this.published.delete(uri);
    this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Synchronous from here: the project cannot change under the check. */
  private checkLoaded(state: ProjectState): SeverityCounts {
    const started = Date.now();
    const wanted = new Set([...state.open, ...state.shown]);
    const config = state.config();
    const byFile = this.ctx.checker.check(state.project.conversation(), config, wanted, state.checkOptions());
    const counts: SeverityCounts = { files: 0, errors: 0, warnings: 0, infos: 0 };
    for (const key of wanted) {
      const findings = byFile.get(key) ?? [];
      if (!this.publishFile(state, key, findings)) continue;
      counts.files++;
      for (const f of findings) {
        if (f.severity === 'error') counts.errors++;
        else if (f.severity === 'warning') counts.warnings++;
        else counts.infos++;
      }
    }
    this.publishConfig(state);
    const ms = Date.now() - started;
    if (ms > 100) this.ctx.log.info(`checked ${state.root}: ${wanted.size} files shown, ${ms} ms`);
    return counts;
  }

  /** Publishes one file's findings; false when its text moved on since the check (a newer check follows). */
  private publishFile(state: ProjectState, key: string, findings: Finding[]): boolean {
    const text = state.project.text(key);
    const doc = openDocument(this.ctx, key);
    if (doc) {
      if (text === undefined || stripBom(doc.getText()) !== text) return false;
    } else if (text === undefined) {
      // a shown file that left the project (deleted, now ignored): clear it
      this.clear(keyToUri(key));
      return false;
    }
    if (doc) this.closedMaps.delete(key); // the editor's document maps positions now
    const map = doc ? new PositionMap(doc.uri, doc) : this.closedMap(key, text!);
    const version = doc ? doc.version : NOT_OPEN_VERSION;
    const positions = (file: string) => (file === key ? map : this.mapOfAnyFile(state, file));
    const diagnostics = findings.map((f) => toDiagnostic(f, map, version, this.ctx.lang, positions));
    this.send(map.uri, version, diagnostics);
    return true;
  }

  private send(uri: string, version: number, diagnostics: Diagnostic[]): void {
    const json = JSON.stringify(diagnostics);
    const prev = this.published.get(uri);
    if (prev && prev.version === version && prev.json === json) return; // nothing new on screen
    this.published.set(uri, { version, diagnostics, json });
    this.ctx.connection.sendDiagnostics(version === NOT_OPEN_VERSION ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  /** Config problems go on the config file itself; cleared once it is fixed or gone. */
  private publishConfig(state: ProjectState): void {
    const path = state.configPath;
    for (const [key, uri] of this.configShown) {
      if (!this.ctx.workspace.all.some((p) => p.configPath === key)) {
        this.configShown.delete(key);
        this.clear(uri);
      }
    }
    if (!path) return;
    const problems = state.configProblems;
    const map = positionMapFor(this.ctx, path, state.configText);
    if (!map) return;
    if (!problems.length && !this.configShown.has(path)) return;
    const doc = openDocument(this.ctx, path);
    const version = doc ? doc.version : NOT_OPEN_VERSION;
    if (doc && stripBom(doc.getText()) !== state.configText) return; // the config is being re-read
    this.send(map.uri, version, problems.map((f) => toDiagnostic(f, map, version, this.ctx.lang, () => map)));
    if (problems.length) this.configShown.set(path, map.uri);
    else this.configShown.delete(path);
  }

  /** Position map for a file a fix edits: open document, project file, config file; else unknown. */
  private mapOfAnyFile(state: ProjectState, file: string): PositionMap | undefined {
    if (file === state.configPath) return positionMapFor(this.ctx, file, state.configText);
    return positionMapFor(this.ctx, file, state.project.text(file));
  }

  private closedMap(key: string, text: string): PositionMap {
    const cached = this.closedMaps.get(key);
    if (cached && cached.text === text) return cached.map;
    const map = PositionMap.of(uriOf(this.ctx, key), text);
    this.closedMaps.set(key, { text, map });
    return map;
  }
}
