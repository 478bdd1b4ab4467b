/**
 * `.gitignore` files as git reads them: each file's patterns are relative to
 * its folder, a deeper file overrides a shallower one, and a folder that is
 * ignored hides everything below it (the walker never enters it).
 */
import { promises as fs } from 'fs';
import ignore, { type Ignore } from 'ignore';
import { ancestors, parentKey, relativeKey } from './paths';

interface Layer {
  dir: string;
  rules: Ignore;
}

export class GitignoreStack {
  private constructor(private readonly layers: readonly Layer[]) {}

  static readonly empty = new GitignoreStack([]);

  /**
   * The `.gitignore` files that apply to `root` from above: those of its
   * ancestors up to the repository root (the folder holding `.git`). Outside
   * a repository none do. A folder the user names explicitly is always
   * read, so an ancestor's line that ignores `root` itself is dropped.
   */
  static async above(root: string): Promise<GitignoreStack> {
    if (await exists(`${root}/.git`)) return GitignoreStack.empty;
    const dirs: string[] = [];
    for (const dir of ancestors(parentKey(root))) {
      if (dir === root) break;
      dirs.push(dir);
      if (await exists(`${dir}/.git`)) return GitignoreStack.fromAncestors(dirs.reverse(), root);
    }
    return GitignoreStack.empty;
  }

  private static async fromAncestors(dirs: string[], root: string): Promise<GitignoreStack> {
    const layers: Layer[] = [];
    for (const dir of dirs) {
      const text = await readIfExists(`${dir}/.gitignore`);
      if (!text) continue;
      const rootRel = relativeKey(dir, root) + '/';
      // drop the lines that hide the folder being checked (or a folder above it); keep the rest
      const lines = text.split(/\r?\n/).filter((line) => !ignore().add(line).ignores(rootRel));
      layers.push({ dir, rules: ignore().add(lines) });
    }
    return new GitignoreStack(layers);
  }

  /** The stack for a folder's children: adds the folder's own `.gitignore`, if any. */
  async enter(dir: string): Promise<GitignoreStack> {
    const text = await readIfExists(`${dir}/.gitignore`);
    if (text === undefined || !text.trim()) return this;
    return new GitignoreStack([...this.layers, { dir, rules: ignore().add(text) }]);
  }

  /** Is this path ignored? The deepest `.gitignore` with a matching rule decides (negations included). */
  ignores(path: string, isDir: boolean): boolean {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      const rel = relativeKey(layer.dir, path);
      if (!rel || rel === '..' || rel.startsWith('../')) continue;
      const result = layer.rules.test(isDir ? rel + '/' : rel);
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
