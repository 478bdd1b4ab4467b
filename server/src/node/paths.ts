/**
 * File keys: the core knows files by absolute POSIX-style paths (`/a/b.yml`,
 * on Windows `C:/a/b.yml`), so the same file has one key whether it came from
 * the editor, the CLI or a fix. Node's fs accepts forward slashes everywhere.
 */
import * as path from 'path';

/** Absolute path with forward slashes; resolves relative input against the cwd. */
export function fileKey(p: string): string {
  return toPosix(path.resolve(p));
}

export function toPosix(p: string): string {
  return path.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/** The folder of a file key (a key itself). */
export function parentKey(key: string): string {
  return toPosix(path.dirname(key));
}

/** `child` relative to `base` with forward slashes; `''` when they are the same. */
export function relativeKey(base: string, child: string): string {
  return toPosix(path.relative(base, child));
}

/** Is `child` the folder `base` itself or somewhere below it? */
export function isInside(base: string, child: string): boolean {
  const rel = relativeKey(base, child);
  return rel === '' || (!rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel));
}

/** Folders from `dir` up to the filesystem root, `dir` first. */
export function* ancestors(dir: string): Iterable<string> {
  let current = fileKey(dir);
  for (;;) {
    yield current;
    const up = parentKey(current);
    if (up === current) return;
    current = up;
  }
}
