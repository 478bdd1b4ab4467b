/**
 * Suppression comments: `bot-ethics-disable-next-line RULE[, RULE]`,
 * `bot-ethics-disable [RULE...]` ... `bot-ethics-enable [RULE...]` in the
 * format's own line comments (YAML `#`, LG/LU `>`). The directive starts
 * the comment; rule ids may be followed by `-- reason`. Without rule ids a
 * directive covers every rule.
 */
import type { Finding, Fix, RuleId } from './findings';
import { msg } from './findings';
import type { FileModel } from './model';

interface Region {
  start: number;
  end: number;
  rules: Set<string> | 'all';
}

export interface Suppressions {
  /** line number (0-based) of the line a next-line directive covers (and of the comment lines above it) → rules */
  nextLine: Map<number, Set<string> | 'all'>;
  regions: Region[];
}

/** After the comment marker: the directive, then rule ids (and an optional `-- reason`). `bot-ethics-disable-line` is a typo, not `disable`. */
const DIRECTIVE = /^\s*bot-ethics-(disable-next-line|disable|enable)(?![\w-])([^\n]*)/;

/** Line starts of a text, for offset → line lookups. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // the usual case: indexOf skips to each break far faster than a loop over every character
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function parseRules(rest: string): Set<string> | 'all' {
  const ids = rest
    .replace(/--.*$/, '') // allow "-- reason"
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => /^[a-z]+\.[a-z]+$/.test(s));
  return ids.length ? new Set(ids) : 'all';
}

export function findSuppressions(file: FileModel): Suppressions {
  const result: Suppressions = { nextLine: new Map(), regions: [] };
  const prefix = file.commentPrefix;
  if (!prefix || !file.text.includes('bot-ethics-')) return result;
  const starts = lineStarts(file.text);
  const open = new Map<string, number>(); // rule or '*' → start offset
  for (let line = 0; line < starts.length; line++) {
    const lineText = file.text.slice(starts[line], starts[line + 1] ?? file.text.length).replace(/[\r\n]+$/, '');
    const trimmed = lineText.trimStart();
    if (!trimmed.startsWith(prefix)) continue;
    const m = DIRECTIVE.exec(trimmed.slice(prefix.length));
    if (!m) continue;
    const rules = parseRules(m[2]);
    if (m[1] === 'disable-next-line') {
      // the next line that is not itself a comment: directives can be stacked
      let target = line + 1;
      while (target < starts.length && file.text.slice(starts[target], starts[target + 1] ?? file.text.length).trimStart().startsWith(prefix)) target++;
      // it covers the comment lines on the way too: a finding on "the first line" of a file lands on the directive put there
      for (let covered = line; covered <= target; covered++) {
        const prev = result.nextLine.get(covered);
        result.nextLine.set(covered, prev === 'all' || rules === 'all' ? 'all' : new Set([...(prev ?? []), ...rules]));
      }
    } else if (m[1] === 'disable') {
      for (const r of rules === 'all' ? ['*'] : rules) if (!open.has(r)) open.set(r, starts[line]);
    } else {
      const closing = rules === 'all' ? [...open.keys()] : [...rules];
      for (const r of closing) {
        const start = open.get(r);
        if (start === undefined) continue;
        open.delete(r);
        result.regions.push({ start, end: starts[line], rules: r === '*' ? 'all' : new Set([r]) });
      }
    }
  }
  for (const [r, start] of open) result.regions.push({ start, end: file.text.length, rules: r === '*' ? 'all' : new Set([r]) });
  return result;
}

export function isSuppressed(finding: Finding, sup: Suppressions, starts: number[]): boolean {
  const covers = (rules: Set<string> | 'all') => rules === 'all' || rules.has(finding.code);
  const anchorLine = lineOf(starts, finding.anchor ?? finding.start);
  const startLine = lineOf(starts, finding.start);
  for (const line of new Set([anchorLine, startLine])) {
    const rules = sup.nextLine.get(line);
    if (rules && covers(rules)) return true;
  }
  return sup.regions.some((r) => finding.start >= r.start && finding.start < r.end && covers(r.rules));
}

/** The fix that inserts `<prefix> bot-ethics-disable-next-line RULE` above the finding's anchor line. */
export function suppressionFix(finding: Finding & { code: RuleId }, file: FileModel, starts: number[]): Fix | undefined {
  if (!file.commentPrefix) return undefined;
  const line = lineOf(starts, finding.anchor ?? finding.start);
  const lineStart = starts[line];
  const indent = /^[ \t]*/.exec(file.text.slice(lineStart, lineStart + 200))![0];
  const eol = lineBreakOf(file);
  return {
    title: msg('Suppress {0} on the next line', finding.code),
    edits: [{ file: file.file, start: lineStart, end: lineStart, newText: `${indent}${file.commentPrefix} bot-ethics-disable-next-line ${finding.code}${eol}` }],
  };
}

const lineBreaks = new WeakMap<FileModel, { text: string; eol: string }>();

/**
 * The line break a new line in this file ends with: CRLF if the file has
 * any, else a lone CR if it has one, else LF. One scan per file text, not
 * one per finding (a big file with hundreds of findings scanned itself again
 * for each fix).
 */
function lineBreakOf(file: FileModel): string {
  const cached = lineBreaks.get(file);
  if (cached && cached.text === file.text) return cached.eol;
  const text = file.text;
  const eol = text.includes('\r\n') ? '\r\n' : hasLoneCr(text) ? '\r' : '\n';
  lineBreaks.set(file, { text, eol });
  return eol;
}

function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}
