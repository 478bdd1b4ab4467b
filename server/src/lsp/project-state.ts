/**
 * One bot project as the server holds it: the core's BotProject (files parsed
 * once per version) filled lazily from disk and overlaid with the open
 * documents, plus the project's config (editor settings under the config
 * file). Lists the disk again only when files appear or the config's `ignore`
 * list changes.
 */
import { promises as fs, readFileSync, statSync } from 'fs';
import { CONFIG_FILE_NAME, layerConfig, parseConfig, type BotEthicsConfig, type ParsedConfig } from '../core/config';
import type { CheckOptions } from '../core/engine';
import type { Finding } from '../core/findings';
import { IgnoreList } from '../core/ignore';
import { BotProject, stripBom } from '../core/project';
import type { FormatParser } from '../formats/format';
import { collectBotFiles, ioReason } from '../node/workspace';
import { ancestors, parentKey } from '../node/paths';

/** What a project needs from the server around it. */
export interface ProjectHost {
  /** the text of an open document, by file key */
  openText(key: string): string | undefined;
  /** the editor settings that apply to this root (stable object until they change) */
  settings(root: string): BotEthicsConfig;
  log(message: string): void;
}

/** Files larger than this are not bot scripts someone edits; reading them would only cost memory. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** A folder with more candidate files than this is not one bot; read the first ones and say so. */
const MAX_FILES = 20_000;
/** Files read at the same time while loading a project. */
const READ_BATCH = 16;

interface ConfigState {
  path: string;
  text: string;
  parsed: ParsedConfig;
  /** the `ignore` globs, relative to the config file's folder */
  ignore: IgnoreList;
}

function configState(path: string, text: string): ConfigState {
  const parsed = parseConfig(text, path);
  return { path, text, parsed, ignore: new IgnoreList(parsed.config.ignore ?? [], parentKey(path)) };
}

export class ProjectState {
  readonly project: BotProject;
  /** open documents of this project (file keys) */
  readonly open = new Set<string>();
  /** closed files whose diagnostics a workspace check published: kept up to date */
  readonly shown = new Set<string>();
  private loading: Promise<void> | undefined;
  private configState: ConfigState | undefined;
  private layered: { base: BotEthicsConfig; file: ParsedConfig | undefined; config: BotEthicsConfig } | undefined;
  private scannedIgnore: string | undefined;
  private diskReads = 0;

  constructor(
    /** the project's root folder (file key) */
    readonly root: string,
    /** false for a loose file outside any workspace and project: only open documents, never a disk walk */
    readonly walk: boolean,
    formats: readonly FormatParser[],
    private readonly host: ProjectHost,
    /** does a file under the root belong here, not to a nested project? */
    private readonly belongs: (file: string) => boolean,
  ) {
    this.project = new BotProject(root, formats);
    this.refreshConfig();
  }

  /** Resolves once the bot files on disk are read (the first call starts reading). */
  ready(): Promise<void> {
    return (this.loading ??= this.scan());
  }

  /** The config in effect: settings under the config file; the same object until either changes. */
  config(): BotEthicsConfig {
    const base = this.host.settings(this.root);
    const file = this.configState?.parsed;
    if (!this.layered || this.layered.base !== base || this.layered.file !== file) {
      this.layered = { base, file, config: layerConfig(base, file?.config) };
    }
    return this.layered.config;
  }

  get configPath(): string | undefined {
    return this.configState?.path;
  }

  /** Problems of the config file (offsets into {@link configText}). */
  get configProblems(): readonly Finding[] {
    return this.configState?.parsed.problems ?? [];
  }

  get configText(): string | undefined {
    return this.configState?.text;
  }

  /** What the engine needs to apply `ignore` entries and to offer "ignore entry" fixes. */
  checkOptions(): CheckOptions {
    const c = this.configState;
    return { root: this.root, configFile: c ? { path: c.path, text: c.text } : undefined };
  }

  /**
   * Re-reads the config file (the open document's text if it is open). Returns
   * true when the config changed; rescans the disk when `ignore` changed.
   */
  refreshConfig(): boolean {
    const path = this.findConfig();
    const text = path === undefined ? undefined : this.host.openText(path) ?? this.readConfigText(path);
    const prev = this.configState;
    if (path === prev?.path && text === prev?.text) return false;
    this.configState = path === undefined || text === undefined ? undefined : configState(path, text);
    const ignore = JSON.stringify(this.configState?.parsed.config.ignore ?? []);
    if (this.loading && ignore !== this.scannedIgnore) void this.rescan();
    return true;
  }

  /**
   * findConfigFile, but an open config document counts even before it is
   * saved (a new `.bot-ethics.yml` applies while the user types it).
   */
  private findConfig(): string | undefined {
    for (const dir of ancestors(this.root)) {
      const candidate = `${dir.replace(/\/+$/, '')}/${CONFIG_FILE_NAME}`;
      if (this.host.openText(candidate) !== undefined) return candidate;
      if (isFile(candidate)) return candidate;
    }
    return undefined;
  }

  /** Sync: a config file is small, and project roots are resolved synchronously too. */
  private readConfigText(path: string): string | undefined {
    try {
      return stripBom(readFileSync(path, 'utf8'));
    } catch (e) {
      this.host.log(`cannot read ${path}: ${ioReason(e)}`);
      return undefined;
    }
  }

  /** An open document's text replaces the file's (its version is the editor's). */
  setOpen(key: string, text: string, version: number): boolean {
    this.open.add(key);
    return this.project.update(key, text, version);
  }

  /** A closed document falls back to the file on disk (or leaves the project). */
  async close(key: string): Promise<void> {
    this.open.delete(key);
    if (this.walk) await this.refreshFromDisk(key);
    else this.project.remove(key);
  }

  /**
   * A file changed, appeared or vanished on disk. Returns true when the project
   * changed. Open documents keep the editor's text.
   */
  async refreshFromDisk(key: string): Promise<boolean> {
    if (this.open.has(key)) return false;
    const text = await this.readBotFile(key);
    if (this.open.has(key)) return false; // opened while reading
    if (text === undefined || this.isIgnored(key)) return this.project.remove(key);
    return this.project.update(key, text, `disk:${++this.diskReads}`);
  }

  private isIgnored(key: string): boolean {
    return this.configState?.ignore.ignores(key) ?? false;
  }

  /** Lists the files again (after files appeared or vanished on disk), once the previous listing is done. */
  rescan(): Promise<void> {
    this.loading = (this.loading ?? Promise.resolve()).then(() => this.scan());
    return this.loading;
  }

  /** Lists the bot files under the root and reads the ones that are new or no longer listed. */
  private async scan(): Promise<void> {
    const ignore = this.configState?.parsed.config.ignore ?? [];
    this.scannedIgnore = JSON.stringify(ignore);
    if (!this.walk) return;
    const started = Date.now();
    let files: string[];
    try {
      files = await collectBotFiles(this.root, {
        ignore,
        ignoreBase: this.configState ? parentKey(this.configState.path) : this.root,
        onError: (p, e) => this.host.log(`cannot list ${p}: ${ioReason(e)}`),
      });
    } catch (e) {
      this.host.log(`cannot read the project ${this.root}: ${ioReason(e)}`);
      return;
    }
    files = files.filter(this.belongs);
    if (files.length > MAX_FILES) {
      this.host.log(`${this.root}: ${files.length} candidate files, reading the first ${MAX_FILES}`);
      files = files.slice(0, MAX_FILES);
    }
    const listed = new Set(files);
    for (const f of this.project.files) if (!listed.has(f) && !this.open.has(f)) this.project.remove(f);
    const toRead = files.filter((f) => !this.open.has(f) && !this.project.has(f));
    for (let i = 0; i < toRead.length; i += READ_BATCH) {
      await Promise.all(toRead.slice(i, i + READ_BATCH).map((f) => this.loadFile(f)));
    }
    this.host.log(`project ${this.root}: ${files.length} candidate files read in ${Date.now() - started} ms`);
  }

  private async loadFile(key: string): Promise<void> {
    const text = await this.readBotFile(key);
    if (text !== undefined && !this.open.has(key)) this.project.update(key, text, `disk:${++this.diskReads}`);
  }

  private async readBotFile(key: string): Promise<string | undefined> {
    try {
      const st = await fs.stat(key);
      if (!st.isFile()) return undefined;
      if (st.size > MAX_FILE_BYTES) {
        this.host.log(`skipped ${key}: ${st.size} bytes`);
        return undefined;
      }
      return await fs.readFile(key, 'utf8');
    } catch {
      return undefined; // vanished or unreadable: not part of the project
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
