/**
 * Aho–Corasick phrase matcher: all terms of all word lists of a rule set are
 * found in one left-to-right pass over a text, whatever the number of terms.
 * Matching is case-insensitive, treats any run of white space as one space,
 * and keeps only matches on word boundaries (unless a term opts out for a
 * compound part), so "guys" never matches inside "disguyse" and "Kunde"
 * matches "Kunden" only when the list says that inflection.
 */

export interface MatchTerm<T> {
  /** the phrase as written in the list; words separated by single spaces */
  term: string;
  payload: T;
  /** may start inside a word (German compound tail, e.g. "-mitarbeiter" in "Kundenmitarbeiter") */
  openStart?: boolean;
  /** may end inside a word (a prefix such as "blacklist" in "blacklisted") */
  openEnd?: boolean;
}

export interface Match<T> {
  /** index range in the original text */
  start: number;
  end: number;
  payload: T;
  /** the text as found */
  found: string;
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** terms ending here (indices into terms) */
  out: number[];
  depth: number;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD.test(ch);
}

/** Lower-cases one UTF-16 unit at a time so indices stay aligned with the original. */
function foldChar(ch: string): string {
  if (ch === '\u2019' || ch === '\u02bc') return "'";
  if (ch === '\u00ad') return ''; // soft hyphen: invisible
  if (/\s/.test(ch)) return ' ';
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

export class PhraseMatcher<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [], depth: 0 }];
  private readonly terms: MatchTerm<T>[] = [];
  /** folded length of each term, to find where a match started */
  private readonly lengths: number[] = [];

  constructor(terms: Iterable<MatchTerm<T>>) {
    for (const t of terms) this.add(t);
    this.link();
  }

  get size(): number {
    return this.terms.length;
  }

  private add(term: MatchTerm<T>): void {
    const key = [...term.term.trim()].map(foldChar).join('').replace(/ +/g, ' ');
    if (!key) return;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let nx = this.nodes[node].next.get(c);
      if (nx === undefined) {
        nx = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [], depth: this.nodes[node].depth + 1 });
        this.nodes[node].next.set(c, nx);
      }
      node = nx;
    }
    this.nodes[node].out.push(this.terms.length);
    this.terms.push(term);
    this.lengths.push(key.length);
  }

  /** Breadth-first failure links; outputs of suffixes are merged into each node. */
  private link(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0].next.values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const n = queue[qi];
      for (const [c, child] of this.nodes[n].next) {
        let f = this.nodes[n].fail;
        while (f !== 0 && !this.nodes[f].next.has(c)) f = this.nodes[f].fail;
        const target = this.nodes[f].next.get(c);
        this.nodes[child].fail = target !== undefined && target !== child ? target : 0;
        const inherited = this.nodes[this.nodes[child].fail].out;
        if (inherited.length) this.nodes[child].out = this.nodes[child].out.concat(inherited);
        queue.push(child);
      }
    }
  }

  /**
   * All matches in `text`, skipping any that overlap a `skip` range (URLs,
   * placeholders...). Overlapping matches are all returned; see {@link longestNonOverlapping}.
   */
  findAll(text: string, skip: readonly { start: number; end: number }[] = []): Match<T>[] {
    const result: Match<T>[] = [];
    // folded text with runs of spaces collapsed; pos[k] = index in `text` of folded char k
    let node = 0;
    const pos: number[] = [];
    let prevSpace = false;
    for (let i = 0; i < text.length; i++) {
      let f = foldChar(text[i]);
      if (f === '') continue;
      if (f === ' ') {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      if (f.length !== 1) f = f[0];
      const c = f.charCodeAt(0);
      pos.push(i);
      while (node !== 0 && !this.nodes[node].next.has(c)) node = this.nodes[node].fail;
      node = this.nodes[node].next.get(c) ?? 0;
      for (const ti of this.nodes[node].out) {
        const term = this.terms[ti];
        const start = pos[pos.length - this.lengths[ti]];
        const end = i + 1;
        if (!term.openStart && isWordChar(text[start - 1]) && isWordChar(text[start])) continue;
        if (!term.openEnd && isWordChar(text[end]) && isWordChar(text[end - 1])) continue;
        if (skip.some((r) => start < r.end && end > r.start)) continue;
        result.push({ start, end, payload: term.payload, found: text.slice(start, end) });
      }
    }
    return result;
  }
}

/** Keeps the longest match where matches overlap (leftmost first on ties). */
export function longestNonOverlapping<T>(matches: Match<T>[]): Match<T>[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match<T>[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}
