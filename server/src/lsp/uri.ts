/**
 * Document URIs ↔ the core's file keys (absolute POSIX-style paths). Only
 * `file:` documents belong to a project: formats decide by path, and an
 * untitled buffer has none.
 */
import { fileURLToPath, pathToFileURL } from 'url';
import { fileKey } from '../node/paths';

export function uriToKey(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileKey(fileURLToPath(uri));
  } catch {
    return undefined; // a malformed URI (foreign host, bad escapes): not ours
  }
}

export function keyToUri(key: string): string {
  return pathToFileURL(key).href;
}
