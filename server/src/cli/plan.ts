/**
 * From PATH arguments to bot projects, grouped exactly as the editor groups
 * files (node/workspace.ts projectRootFor):
 * - a folder: its bot files, split into projects at folders that are project
 *   roots themselves (a `.bot-ethics.yml`, a Rasa domain, a Dialogflow agent,
 *   a Composer .botproj), so `check examples` checks each example bot alone;
 *   every file is reported. A folder inside a project (`check bot/data`) is
 *   checked like its files named one by one: within the whole project.
 * - a file: checked inside the project it belongs to. Where that project has
 *   a root (marker or config), the project's other files are read too, so
 *   cross-file rules see the whole bot, but only the named files are
 *   reported. A file outside any project is grouped with the other named
 *   files of its folder.
 * The config of a project is `--config FILE`, else the nearest
 * `.bot-ethics.yml` above the project's root.
 */
import { promises as fs } from 'fs';
import { IgnoreList } from '../core/ignore';
import { parentKey } from '../node/paths';
import { collectBotFiles, ConfigFileError, findConfigFile, ioReason, isProjectRoot, loadConfigFile, projectRootFor, type LoadedConfig } from '../node/workspace';
import { CliError } from './args';

export interface ProjectPlan {
  root: string;
  /** every file read into the project */
  files: Set<string>;
  /** files whose findings are reported; 'all': every file */
  report: Set<string> | 'all';
  config?: LoadedConfig;
}

export class Planner {
  private readonly plans = new Map<string, ProjectPlan>();
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly roots = new Map<string, boolean>();
  private readonly walked = new Map<string, string[]>();
  /** things worth telling on stderr (skipped files) */
  readonly notes: { template: string; args: string[] }[] = [];

  constructor(
    private readonly explicitConfig: LoadedConfig | undefined,
    private readonly display: (key: string) => string,
  ) {}

  /** `key`: the PATH argument resolved to a file key; `pathArg`: as the user wrote it, for messages. */
  async add(key: string, pathArg: string): Promise<void> {
    let isDir: boolean;
    try {
      isDir = (await fs.stat(key)).isDirectory();
    } catch (e) {
      throw new CliError('Cannot read {0}: {1}.', pathArg, ioReason(e));
    }
    if (isDir) await this.addFolder(key);
    else await this.addFile(key, pathArg);
  }

  result(): ProjectPlan[] {
    return [...this.plans.values()].sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
  }

  private async addFolder(folder: string): Promise<void> {
    const config = this.configFor(folder);
    const files = await this.walk(folder, config);
    const groups = new Map<string, string[]>();
    for (const f of files) {
      const root = projectRootFor(f, [folder], this.roots);
      const list = groups.get(root);
      if (list) list.push(f);
      else groups.set(root, [f]);
    }
    const enclosing = this.enclosingRoot(folder);
    for (const [root, list] of groups) {
      if (root === folder && enclosing) {
        await this.addWithContext(enclosing, list);
        continue;
      }
      const rootConfig = this.configFor(root);
      // a nested project's own config may ignore more
      const kept = rootConfig && rootConfig !== config ? list.filter((f) => !ignoreListOf(rootConfig).ignores(f)) : list;
      this.merge(root, rootConfig, kept, 'all');
    }
  }

  private async addFile(file: string, pathArg: string): Promise<void> {
    const root = projectRootFor(file, [], this.roots);
    const config = this.configFor(root);
    if (config && ignoreListOf(config).ignores(file)) {
      this.notes.push({ template: '{0}: skipped, ignored by {1}', args: [pathArg, this.display(config.path)] });
      return;
    }
    if (isProjectRoot(root, this.roots)) await this.addWithContext(root, [file]);
    else this.merge(root, config, [file], new Set([file]));
  }

  /** Files reported within their whole project: the project's other files are read so that cross-file rules see the bot. */
  private async addWithContext(root: string, files: string[]): Promise<void> {
    const config = this.configFor(root);
    const context = (await this.walk(root, config)).filter((f) => projectRootFor(f, [root], this.roots) === root);
    this.merge(root, config, [...context, ...files], new Set(files));
  }

  /** The project root strictly above a folder that is not a root itself, if any. */
  private enclosingRoot(folder: string): string | undefined {
    if (isProjectRoot(folder, this.roots)) return undefined;
    const root = projectRootFor(folder, [], this.roots);
    return root !== folder && isProjectRoot(root, this.roots) ? root : undefined;
  }

  private merge(root: string, config: LoadedConfig | undefined, files: string[], report: Set<string> | 'all'): void {
    const plan = this.plans.get(root);
    if (!plan) {
      this.plans.set(root, { root, files: new Set(files), report, config });
      return;
    }
    for (const f of files) plan.files.add(f);
    if (plan.report === 'all' || report === 'all') plan.report = 'all';
    else for (const f of report) plan.report.add(f);
  }

  private async walk(folder: string, config: LoadedConfig | undefined): Promise<string[]> {
    let files = this.walked.get(folder);
    if (!files) {
      try {
        files = await collectBotFiles(folder, { ignore: config?.config.ignore ?? [], ignoreBase: config ? parentKey(config.path) : folder });
      } catch (e) {
        throw e instanceof CliError ? e : new CliError('{0}', e instanceof Error ? e.message : String(e));
      }
      this.walked.set(folder, files);
    }
    return files;
  }

  /** `--config`, else the nearest config file above `dir`; an unreadable one is a CliError (exit 2). */
  private configFor(dir: string): LoadedConfig | undefined {
    if (this.explicitConfig) return this.explicitConfig;
    const path = findConfigFile(dir);
    if (!path) return undefined;
    let config = this.configs.get(path);
    if (!config) {
      config = loadConfigChecked(path);
      this.configs.set(path, config);
    }
    return config;
  }
}

/** Loads a config file; I/O failures become a CliError (exit 2). */
export function loadConfigChecked(path: string): LoadedConfig {
  try {
    return loadConfigFile(path);
  } catch (e) {
    if (e instanceof ConfigFileError) throw new CliError('Cannot read the config file {0}: {1}.', path, e.reason);
    throw e;
  }
}

const ignoreLists = new WeakMap<LoadedConfig, IgnoreList>();

function ignoreListOf(config: LoadedConfig): IgnoreList {
  let list = ignoreLists.get(config);
  if (!list) {
    list = new IgnoreList(config.config.ignore ?? [], parentKey(config.path));
    ignoreLists.set(config, list);
  }
  return list;
}
