/**
 * The workspace as projects: every file belongs to exactly one project root
 * (node/workspace projectRootFor: the nearest folder with a config file,
 * domain, agent or Composer project, bounded by the workspace folder), so the
 * editor and the CLI group files the same way. Projects are created on first
 * use and read their files from disk lazily.
 */
import * as path from 'path';
import { CONFIG_FILE_NAME } from '../core/config';
import type { FormatParser } from '../formats/format';
import { isProjectRoot, projectRootFor } from '../node/workspace';
import { fileKey, isInside } from '../node/paths';
import { ProjectState, type ProjectHost } from './project-state';

/** Names whose appearance or removal can move project roots. */
const ROOT_MARKERS = new Set([CONFIG_FILE_NAME, 'domain.yml', 'domain.yaml', 'agent.json', 'config.yml']);

export function isConfigFile(key: string): boolean {
  return path.posix.basename(key) === CONFIG_FILE_NAME;
}

export function isRootMarker(key: string): boolean {
  const name = path.posix.basename(key);
  // a Composer root dialog named after its folder (node/workspace isProjectRoot) marks a root too
  const folder = path.posix.basename(path.posix.dirname(key));
  return ROOT_MARKERS.has(name) || name.endsWith('.botproj') || name.toLowerCase() === `${folder.toLowerCase()}.dialog`;
}

export class Workspace {
  private folderKeys: string[] = [];
  private readonly projects = new Map<string, ProjectState>();
  /** isProjectRoot answers per folder; cleared when markers appear or vanish */
  private rootCache = new Map<string, boolean>();

  constructor(
    private readonly formats: readonly FormatParser[],
    private readonly host: ProjectHost,
  ) {}

  get folders(): readonly string[] {
    return this.folderKeys;
  }

  setFolders(folders: readonly string[]): void {
    this.folderKeys = [...new Set(folders.map(fileKey))];
  }

  /** The project a file belongs to, created on first use. */
  projectFor(key: string): ProjectState {
    return this.project(this.rootOf(key));
  }

  rootOf(key: string): string {
    return projectRootFor(key, this.folderKeys, this.rootCache);
  }

  /** The project at a root, created on first use. */
  project(root: string): ProjectState {
    let state = this.projects.get(root);
    if (!state) {
      // a loose file's folder outside every workspace folder may be a home or download folder: never walk it
      const walk = this.folderKeys.some((f) => isInside(f, root)) || isProjectRoot(root, this.rootCache);
      state = new ProjectState(root, walk, this.formats, this.host, (file) => this.rootOf(file) === root);
      this.projects.set(root, state);
    }
    return state;
  }

  /** Projects that exist already (never creates one). */
  get all(): ProjectState[] {
    return [...this.projects.values()];
  }

  /** False for a project dropped by {@link reset}: its pending work is moot. */
  isCurrent(state: ProjectState): boolean {
    return this.projects.get(state.root) === state;
  }

  /** Existing projects whose config in effect is this file, or that a new config file there would govern. */
  projectsUnderConfig(configKey: string): ProjectState[] {
    const dir = path.posix.dirname(configKey);
    return this.all.filter((p) => p.configPath === configKey || isInside(dir, p.root));
  }

  /** The existing project holding a file on disk, if any. */
  existingProjectFor(key: string): ProjectState | undefined {
    return this.projects.get(this.rootOf(key));
  }

  /**
   * Roots may have moved (a config or domain file appeared or vanished, the
   * workspace folders changed): forget every project. Returns the forgotten
   * ones so that their open and shown files can be placed again.
   */
  reset(): ProjectState[] {
    const old = this.all;
    this.projects.clear();
    this.rootCache = new Map();
    return old;
  }
}
