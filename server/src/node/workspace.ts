/**
 * The file system as the language server and the CLI both see it: where a
 * project's config file is, which folder is a bot project's root, and which
 * files of a folder are candidate bot files. Both sides call these functions
 * so that the editor and `bot-ethics check` agree on every file.
 */
import { promises as fs, readdirSync, readFileSync, statSync, type Dirent } from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME, parseConfig, type ParsedConfig } from '../core/config';
import { IgnoreList } from '../core/ignore';
import { CANDIDATE_EXTENSIONS } from '../formats';
import { GitignoreStack } from './gitignore';
import { ancestors, fileKey, isInside, parentKey } from './paths';

/**
 * The config file that applies to a file or folder: `.bot-ethics.yml` in it
 * (for a folder) or in the nearest folder above, up to the filesystem root.
 */
export function findConfigFile(startPath: string): string | undefined {
  const start = fileKey(startPath);
  for (const dir of ancestors(isDirectory(start) ? start : parentKey(start))) {
    const candidate = `${trimSlash(dir)}/${CONFIG_FILE_NAME}`;
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

/** A config file that exists but cannot be read (permissions, a folder, vanished). */
export class ConfigFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Cannot read the config file ${path}: ${reason}`);
    this.name = 'ConfigFileError';
  }
}

export interface LoadedConfig extends ParsedConfig {
  /** the config file's key */
  path: string;
  /** its text, BOM removed: findings and fixes on it are offsets into this */
  text: string;
}

/**
 * Reads and validates a config file. Invalid values are `problems` (findings
 * on the file); only a file that cannot be read at all throws {@link ConfigFileError}.
 */
export function loadConfigFile(configPath: string): LoadedConfig {
  const key = fileKey(configPath);
  let text: string;
  try {
    text = readFileSync(key, 'utf8');
  } catch (e) {
    throw new ConfigFileError(key, ioReason(e));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ...parseConfig(text, key), path: key, text };
}

/** Files whose presence makes a folder a bot project's root (besides the config file). */
const ROOT_FILES = new Set(['domain.yml', 'domain.yaml', 'agent.json']);

/**
 * Is `dir` a bot project's root? It holds `.bot-ethics.yml`, a Rasa domain
 * (`domain.yml`, or `config.yml` next to a `data` folder), a Dialogflow
 * `agent.json`, a Composer `*.botproj`, or a Composer root dialog without a
 * `.botproj` ({@link isComposerRootDialogFolder}).
 */
export function isProjectRoot(dir: string, cache?: Map<string, boolean>): boolean {
  const known = cache?.get(dir);
  if (known !== undefined) return known;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  const set = new Set(names);
  const result =
    set.has(CONFIG_FILE_NAME) ||
    names.some((n) => ROOT_FILES.has(n) || n.endsWith('.botproj')) ||
    (set.has('config.yml') && set.has('data') && isDirectory(`${trimSlash(dir)}/data`)) ||
    isComposerRootDialogFolder(dir, names);
  cache?.set(dir, result);
  return result;
}

/**
 * A Composer bot exported or checked in without its `.botproj` (the
 * BotBuilder samples) still has its root dialog named after its folder:
 * `MyBot/mybot.dialog` (Composer lower-cases some names, so case-insensitive).
 * Child dialogs follow the same pattern below, `dialogs/<name>/<name>.dialog`
 * and `dialogs/imported/<package>/<name>/<name>.dialog`, so a folder under a
 * `dialogs/` folder is part of the bot above, not a root. So is a dialog in a
 * package's `exported/` folder: a building block, not a bot.
 */
function isComposerRootDialogFolder(dir: string, names: readonly string[]): boolean {
  const segments = trimSlash(dir).split('/');
  const folder = segments[segments.length - 1]?.toLowerCase();
  if (!folder) return false;
  if (segments.slice(0, -1).some((s) => NOT_ROOT_ABOVE.has(s.toLowerCase()))) return false;
  const wanted = `${folder}.dialog`;
  return names.some((n) => n.toLowerCase() === wanted);
}

/** Composer folders whose dialogs are parts of a bot (child dialogs, imported or exported packages). */
const NOT_ROOT_ABOVE = new Set(['dialogs', 'exported']);

/**
 * The root of the bot project a file belongs to: the nearest folder above it
 * that {@link isProjectRoot}, not looking above the innermost workspace root
 * that contains the file. Without such a folder: that workspace root, or
 * outside any workspace the file's own folder.
 */
export function projectRootFor(file: string, workspaceRoots: readonly string[] = [], cache?: Map<string, boolean>): string {
  const key = fileKey(file);
  const bound = workspaceRoots
    .map(fileKey)
    .filter((r) => isInside(r, key))
    .sort((a, b) => b.length - a.length)[0];
  const dir = isDirectory(key) ? key : parentKey(key);
  for (const d of ancestors(dir)) {
    if (isProjectRoot(d, cache)) return d;
    if (d === bound) return bound;
  }
  return bound ?? dir;
}

export interface CollectOptions {
  /** the config's `ignore` entries; `<glob>#<rule>` entries do not skip files */
  ignore: readonly string[];
  /** the folder the globs are relative to (the config file's folder); default: `root` */
  ignoreBase?: string;
  /** called for a folder that cannot be listed; default: throw */
  onError?: (path: string, error: unknown) => void;
}

/** Folders never read: dependencies and caches, not bots. */
const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__']);

/**
 * The candidate bot files under `root` (a folder or one file), as sorted file
 * keys. Skipped: dot files and dot folders (.git, .rasa, .vscode...),
 * node_modules, Python virtual environments, paths ignored by `.gitignore`
 * files (nested ones honored, and those above `root` up to the repository
 * root), and the config's `ignore` globs. Files are picked by extension
 * ({@link CANDIDATE_EXTENSIONS}); the formats decide by content later.
 * Symbolic links are followed, each real folder read once, so link loops end.
 */
export async function collectBotFiles(root: string, opts: CollectOptions): Promise<string[]> {
  const rootKey = fileKey(root);
  const st = await fs.stat(rootKey);
  if (!st.isDirectory()) return isCandidate(rootKey) ? [rootKey] : [];
  const walker: Walker = {
    root: rootKey,
    realRoot: await fs.realpath(rootKey),
    ignores: new IgnoreList(opts.ignore, opts.ignoreBase ? fileKey(opts.ignoreBase) : rootKey),
    visited: new Set(),
    out: [],
    onError:
      opts.onError ??
      ((p, e) => {
        throw new Error(`Cannot read the folder ${p}: ${ioReason(e)}`);
      }),
  };
  walker.visited.add(walker.realRoot);
  await walk(rootKey, await GitignoreStack.above(rootKey), walker);
  return walker.out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

interface Walker {
  root: string;
  realRoot: string;
  ignores: IgnoreList;
  visited: Set<string>;
  out: string[];
  onError: (path: string, error: unknown) => void;
}

async function walk(dir: string, above: GitignoreStack, w: Walker): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    if (!isVanished(e)) w.onError(dir, e);
    return;
  }
  if (dir !== w.root && entries.some((e) => e.name === 'pyvenv.cfg')) return; // a Python virtualenv
  const gitignore = await above.enter(dir);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = `${trimSlash(dir)}/${entry.name}`;
    let isDir = entry.isDirectory();
    let isRegular = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await fs.stat(child);
        isDir = target.isDirectory();
        isRegular = target.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDir) {
      if (SKIPPED_FOLDERS.has(entry.name) || gitignore.ignores(child, true) || w.ignores.ignores(child, true)) continue;
      let real: string;
      try {
        real = await fs.realpath(child);
      } catch {
        continue;
      }
      // each real folder once; never climb back to a folder containing the root
      if (w.visited.has(real) || isInside(real, w.realRoot)) continue;
      w.visited.add(real);
      await walk(child, gitignore, w);
    } else if (isRegular && isCandidate(entry.name)) {
      if (gitignore.ignores(child, false) || w.ignores.ignores(child, false)) continue;
      w.out.push(child);
    }
  }
}

export function isCandidate(file: string): boolean {
  return CANDIDATE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function trimSlash(dir: string): string {
  return dir.endsWith('/') ? dir.slice(0, -1) : dir;
}

function isVanished(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** A short, user-readable reason for an fs error ("permission denied", "no such file"). */
export function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return err?.message ?? String(e);
  }
}
