/**
 * The config file's `ignore` list. A plain entry is a glob of files to skip
 * entirely; an entry `<glob>#<rule>[,<rule>]` keeps the file but suppresses
 * those rules in it — the suppression mechanism for JSON formats, which have
 * no comments (Dialogflow, .dialog). Globs are relative to the config file's
 * folder and use gitignore-like conventions (see docs/configuration.md).
 *
 * Pure: paths are the core's POSIX-style absolute file keys, no fs access.
 */
import picomatch from 'picomatch/posix';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { msg, type Edit, type Fix, type RuleId } from './findings';

export interface IgnoreEntry {
  glob: string;
  /** rules suppressed in matching files; undefined: the files are skipped entirely */
  rules?: string[];
}

const RULE_ID_SHAPE = /^[a-z]+\.[a-z]+$/;

/** `data/*.json#pii.echo, bias.wording` → glob + rules; a `#` not followed by rule ids belongs to the glob. */
export function parseIgnoreEntry(entry: string): IgnoreEntry {
  const hash = entry.lastIndexOf('#');
  if (hash > 0) {
    const rules = entry
      .slice(hash + 1)
      .split(',')
      .map((r) => r.trim());
    if (rules.length && rules.every((r) => RULE_ID_SHAPE.test(r))) return { glob: entry.slice(0, hash).trim(), rules };
  }
  return { glob: entry.trim() };
}

interface CompiledGlob {
  test: (relativePath: string) => boolean;
  /** a trailing `/` in the pattern: matches folders only */
  dirOnly: boolean;
}

/**
 * gitignore-like: a pattern without `/` matches a name at any depth, a
 * leading `/` or `./` anchors it to the config's folder, a trailing `/` means
 * a folder, and a matched folder covers everything below it.
 */
function compileGlob(pattern: string): CompiledGlob | undefined {
  let p = pattern.trim();
  const dirOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  const anchored = p.startsWith('/') || p.startsWith('./');
  p = p.replace(/^\.?\/+/, '');
  if (!p) return undefined;
  const test = picomatch(p, { dot: true, basename: !anchored && !p.includes('/') });
  return { test, dirOnly };
}

/** Path of `key` relative to the folder `base`, or undefined when it is not below it. */
export function relativeTo(base: string, key: string): string | undefined {
  const b = base.endsWith('/') ? base : base + '/';
  return key.startsWith(b) ? key.slice(b.length) : undefined;
}

/** Matches file keys against a config's `ignore` entries. */
export class IgnoreList {
  private readonly skip: CompiledGlob[] = [];
  private readonly suppress: { glob: CompiledGlob; rules: Set<string> }[] = [];

  /** `base`: the folder the globs are relative to (the config file's folder). */
  constructor(
    entries: readonly string[],
    readonly base: string,
  ) {
    for (const raw of entries) {
      const entry = parseIgnoreEntry(raw);
      const glob = compileGlob(entry.glob);
      if (!glob) continue;
      if (entry.rules) this.suppress.push({ glob, rules: new Set(entry.rules) });
      else this.skip.push(glob);
    }
  }

  get isEmpty(): boolean {
    return this.skip.length === 0 && this.suppress.length === 0;
  }

  /** Is this file (or folder) skipped entirely? */
  ignores(key: string, isDir = false): boolean {
    const rel = relativeTo(this.base, key);
    return rel !== undefined && this.skip.some((g) => matches(g, rel, isDir));
  }

  /** Same, for a path already relative to {@link base}. */
  ignoresRelative(rel: string, isDir: boolean): boolean {
    return this.skip.some((g) => matches(g, rel, isDir));
  }

  /** Is `rule` suppressed in this file by a `<glob>#<rule>` entry? */
  suppresses(key: string, rule: string): boolean {
    if (!this.suppress.length) return false;
    const rel = relativeTo(this.base, key);
    return rel !== undefined && this.suppress.some((s) => s.rules.has(rule) && matches(s.glob, rel, false));
  }
}

/** The path itself, or any folder above it inside the base. */
function matches(glob: CompiledGlob, rel: string, isDir: boolean): boolean {
  if ((!glob.dirOnly || isDir) && glob.test(rel)) return true;
  for (let slash = rel.lastIndexOf('/'); slash > 0; slash = rel.lastIndexOf('/', slash - 1)) {
    if (glob.test(rel.slice(0, slash))) return true;
  }
  return false;
}

/** The config file an ignore fix edits; `text` undefined: it does not exist yet. */
export interface ConfigFileRef {
  path: string;
  text?: string;
}

/** Writes a path so that picomatch reads it literally. */
function escapeGlob(path: string): string {
  let out = '';
  for (const ch of path) out += '*?[]{}()!+@\\'.includes(ch) ? '\\' + ch : ch;
  return out;
}

/**
 * The fix that suppresses `rule` in `file` by adding `- "<path>#<rule>"` to
 * the config's `ignore` list: into an existing list (keeping its style), as a
 * new `ignore:` key, or by creating the config file (when `text` is
 * undefined). Undefined when the config cannot be edited safely (invalid
 * YAML, unusual layout) or the file lies outside the config's folder.
 */
export function ignoreFix(rule: RuleId, file: string, configFile: ConfigFileRef): Fix | undefined {
  const slash = configFile.path.lastIndexOf('/');
  const rel = relativeTo(configFile.path.slice(0, slash), file);
  if (rel === undefined) return undefined;
  const name = configFile.path.slice(slash + 1);
  const entry = JSON.stringify(`${escapeGlob(rel)}#${rule}`); // a JSON string is a valid YAML double-quoted scalar
  if (configFile.text === undefined) {
    return {
      title: msg('Suppress {0} in this file (creates {1})', rule, name),
      edits: [{ file: configFile.path, start: 0, end: 0, newText: `ignore:\n  - ${entry}\n`, createFile: true }],
    };
  }
  const edit = insertIgnoreEntry(configFile.text, configFile.path, entry);
  return edit && { title: msg('Suppress {0} in this file (ignore entry in {1})', rule, name), edits: [edit] };
}

function insertIgnoreEntry(text: string, file: string, entry: string): Edit | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = (offset: number, newText: string): Edit => ({ file, start: offset, end: offset, newText });
  const appendKey = (): Edit => {
    const sep = text.length === 0 || /[\r\n]$/.test(text) ? '' : eol;
    return at(text.length, `${sep}ignore:${eol}  - ${entry}${eol}`);
  };
  const root = doc.contents as YamlNode | null;
  if (root === null) return appendKey();
  if (!isMap(root) || root.flow) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'ignore');
  if (!pair) return appendKey();
  const keyNode = pair.key as YamlNode;
  const value = pair.value as YamlNode | null;
  if (isSeq(value)) {
    const items = value.items as YamlNode[];
    const last = items[items.length - 1];
    if (value.flow) {
      const [start] = value.range!;
      return last ? at(last.range![1], `, ${entry}`) : at(start + 1, entry);
    }
    if (!last) return undefined;
    const first = items[0];
    const firstLineStart = lineStart(text, first.range![0]);
    const indent = /^[ \t]*/.exec(text.slice(firstLineStart, first.range![0]))![0];
    return at(lineEnd(text, last.range![1]), `${eol}${indent}- ${entry}`);
  }
  if (value === null || (isScalar(value) && value.value === null)) {
    const keyIndent = keyNode.range![0] - lineStart(text, keyNode.range![0]);
    const item = `${eol}${' '.repeat(keyIndent + 2)}- ${entry}`;
    // `ignore:` with nothing, or `ignore: ~` / `null`: replace the null by the list
    if (value && value.range![1] > value.range![0]) return { file, start: value.range![0], end: value.range![1], newText: `[${entry}]` };
    return at(lineEnd(text, keyNode.range![1]), item);
  }
  return undefined;
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}
