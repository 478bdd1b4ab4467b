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

/** {@link isWordChar} for the Latin-1 range, computed once from the same class (German umlauts and ß are here). */
const LATIN_WORD: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = WORD.test(String.fromCharCode(c)) ? 1 : 0;
  return t;
})();

export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 256 && ch.length === 1) return LATIN_WORD[c] === 1;
  return WORD.test(ch);
}

/** Lower-cases one UTF-16 unit at a time so indices stay aligned with the original. */
function foldChar(ch: string): string {
  if (ch === '\u2019' || ch === '\u02bc') return "'";
  if (ch === '\u00ad') return ''; // soft hyphen: invisible
  if (/\s/.test(ch)) return ' ';
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/**
 * {@link foldChar} on the code unit at `i`, as a code: -1 for a dropped
 * character (soft hyphen), 32 for white space. Latin-1 comes from a table
 * with the same results, since this runs once per character of every text.
 */
function foldCode(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 256) return LATIN_FOLD[c];
  const f = foldChar(text[i]);
  return f === '' ? -1 : f.charCodeAt(0);
}

/** {@link foldChar} for the Latin-1 range as codes, computed once from foldChar itself. */
const LATIN_FOLD: Int32Array = (() => {
  const t = new Int32Array(256);
  for (let c = 0; c < 256; c++) {
    const f = foldChar(String.fromCharCode(c));
    t[c] = f === '' ? -1 : f.charCodeAt(0);
  }
  return t;
})();

/** positions of folded characters, shared by all calls (findAll is synchronous); grows as needed */
let scratch = new Int32Array(1024);

export class PhraseMatcher<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [], depth: 0 }];
  private readonly terms: MatchTerm<T>[] = [];
  /** folded length of each term, to find where a match started */
  private readonly lengths: number[] = [];
  /**
   * The automaton compiled to a DFA: characters map to a small alphabet
   * (class 0: no term contains it) and `delta[node * width + class]` is the
   * next node with failure links already followed, so matching costs two
   * array reads per character. Outputs of node n: outList[outStart[n]..outStart[n+1]).
   */
  private readonly latinClass = new Uint16Array(256);
  private readonly wideClass = new Map<number, number>();
  private width = 1;
  private delta: Uint16Array | Int32Array = new Uint16Array(1);
  private outStart = new Int32Array(2);
  private outList = new Int32Array(0);

  constructor(terms: Iterable<MatchTerm<T>>) {
    for (const t of terms) this.add(t);
    this.link();
    this.compile();
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

  /** Builds the DFA tables from the trie and its failure links; the trie is dropped afterwards. */
  private compile(): void {
    const nodes = this.nodes;
    const codes: number[] = [0];
    for (const n of nodes) {
      for (const c of n.next.keys()) {
        if (this.classOf(c) !== 0) continue;
        const cls = codes.length;
        codes.push(c);
        if (c < 256) this.latinClass[c] = cls;
        else this.wideClass.set(c, cls);
      }
    }
    const width = (this.width = codes.length);
    const delta = (this.delta = nodes.length < 0x10000 ? new Uint16Array(nodes.length * width) : new Int32Array(nodes.length * width));
    // breadth-first, so a node's failure target (always shallower) has its row already
    const order = [0];
    for (let qi = 0; qi < order.length; qi++) for (const child of nodes[order[qi]].next.values()) order.push(child);
    for (const n of order) {
      const row = n * width;
      // a character without an edge here goes where the failure node would go (root: stays)
      if (n !== 0) delta.copyWithin(row, nodes[n].fail * width, nodes[n].fail * width + width);
      for (const [c, child] of nodes[n].next) delta[row + this.classOf(c)] = child;
    }
    const outStart = (this.outStart = new Int32Array(nodes.length + 1));
    for (let n = 0; n < nodes.length; n++) outStart[n + 1] = outStart[n] + nodes[n].out.length;
    const outList = (this.outList = new Int32Array(outStart[nodes.length]));
    for (let n = 0; n < nodes.length; n++) outList.set(nodes[n].out, outStart[n]);
    nodes.length = 0;
  }

  private classOf(code: number): number {
    return code < 256 ? this.latinClass[code] : this.wideClass.get(code) ?? 0;
  }

  /**
   * All matches in `text`, skipping any that overlap a `skip` range (URLs,
   * placeholders...). Overlapping matches are all returned; see {@link longestNonOverlapping}.
   */
  findAll(text: string, skip: readonly { start: number; end: number }[] = []): Match<T>[] {
    const result: Match<T>[] = [];
    const { delta, width, outStart, outList, latinClass, wideClass } = this;
    // folded text with runs of spaces collapsed; pos[k] = index in `text` of folded char k
    let node = 0;
    if (scratch.length < text.length) scratch = new Int32Array(Math.max(text.length, scratch.length * 2));
    const pos = scratch;
    let k = 0;
    let prevSpace = false;
    for (let i = 0; i < text.length; i++) {
      const c = foldCode(text, i);
      if (c === -1) continue;
      if (c === 32) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      pos[k++] = i;
      node = delta[node * width + (c < 256 ? latinClass[c] : wideClass.get(c) ?? 0)];
      for (let o = outStart[node], oe = outStart[node + 1]; o < oe; o++) {
        const ti = outList[o];
        const term = this.terms[ti];
        const start = pos[k - this.lengths[ti]];
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
