/**
 * Where a file sits in a Dialogflow export. Exports name files after display
 * names and percent-encode what a file name cannot hold (`%3a` for `:`,
 * `%3e` for `>`), so names taken from paths are decoded.
 */

/** Forward slashes, whatever the platform. */
export function posix(p: string): string {
  return p.replace(/\\/g, '/');
}

export function segments(p: string): string[] {
  return posix(p).split('/').filter((s) => s.length > 0);
}

/** File name without folder and without `.json`. */
export function stem(p: string): string {
  const segs = segments(p);
  return (segs[segs.length - 1] ?? '').replace(/\.json$/i, '');
}

export function isJson(p: string): boolean {
  return /\.json$/i.test(p);
}

/** `%3a` → `:`; a stray `%` stays as it is. */
export function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** Index of the last path segment equal to `folder` (case-sensitive, as exports write them), or -1. */
export function lastFolder(p: string, folder: string): number {
  const segs = segments(p);
  for (let i = segs.length - 2; i >= 0; i--) if (segs[i] === folder) return i;
  return -1;
}

/**
 * The folder `levels` above the file (1: its own folder). Dialogflow files
 * refer to each other by name within one agent; prefixing keys with the
 * agent's root folder keeps two agents in one project apart.
 */
export function ancestor(p: string, levels: number): string {
  const segs = segments(p);
  const abs = posix(p).startsWith('/') ? '/' : '';
  return abs + segs.slice(0, Math.max(0, segs.length - levels)).join('/');
}
