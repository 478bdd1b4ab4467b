import * as assert from 'assert';
import { isWordChar, longestNonOverlapping, PhraseMatcher, type Match, type MatchTerm } from '../../../server/src/core/matcher';
import { randomSource } from './random';

type Hit = [start: number, end: number, payload: string, found: string];

function hits(terms: (string | MatchTerm<string>)[], text: string, skip: { start: number; end: number }[] = []): Hit[] {
  const m = new PhraseMatcher(terms.map((t) => (typeof t === 'string' ? { term: t, payload: t } : t)));
  return m.findAll(text, skip).map((x) => [x.start, x.end, x.payload, x.found]);
}

describe('PhraseMatcher', () => {
  it('matches whole words only, case-insensitively', () => {
    assert.deepStrictEqual(hits(['guys'], 'Hi GUYS! disguys guysy guys. Guys'), [
      [3, 7, 'guys', 'GUYS'],
      [23, 27, 'guys', 'guys'],
      [29, 33, 'guys', 'Guys'],
    ]);
    // digits are word characters, punctuation and hyphens are not
    assert.deepStrictEqual(hits(['guys'], 'guys2 2guys guys-x (guys)'), [
      [12, 16, 'guys', 'guys'],
      [20, 24, 'guys', 'guys'],
    ]);
  });

  it('reads any run of white space in the text as the one space of a phrase', () => {
    assert.deepStrictEqual(hits(['you guys'], 'you  \n\t guys, you\u00a0guys, youguys'), [
      [0, 12, 'you guys', 'you  \n\t guys'],
      [14, 22, 'you guys', 'you\u00a0guys'],
    ]);
    // the list may write its phrase with several spaces too
    assert.deepStrictEqual(hits([{ term: 'you   guys ', payload: 'p' }], 'you guys'), [[0, 8, 'p', 'you guys']]);
  });

  it('folds German letters: Ä/ä, ẞ/ß; ß is not "ss"', () => {
    assert.deepStrictEqual(hits(['straße', 'Ärzte'], 'STRASSE Straße STRAẞE ÄRZTE ärzte'), [
      [8, 14, 'straße', 'Straße'],
      [15, 21, 'straße', 'STRAẞE'],
      [22, 27, 'Ärzte', 'ÄRZTE'],
      [28, 33, 'Ärzte', 'ärzte'],
    ]);
  });

  it("reads typographic apostrophes as '", () => {
    assert.deepStrictEqual(hits(["don't"], "don’t DONʼT don't dont"), [
      [0, 5, "don't", 'don’t'],
      [6, 11, "don't", 'DONʼT'],
      [12, 17, "don't", "don't"],
    ]);
    assert.deepStrictEqual(hits(['don’t'], "don't"), [[0, 5, 'don’t', "don't"]]);
  });

  it('skips soft hyphens inside a word', () => {
    assert.deepStrictEqual(hits(['blacklist'], 'black\u00adlist'), [[0, 10, 'blacklist', 'black\u00adlist']]);
  });

  it('opens a term at its start or end for compound parts', () => {
    const terms: MatchTerm<string>[] = [
      { term: 'mitarbeiter', payload: 'tail', openStart: true },
      { term: 'blacklist', payload: 'head', openEnd: true },
    ];
    assert.deepStrictEqual(hits(terms, 'Kundenmitarbeiter Mitarbeitende blacklisted unblacklist'), [
      [6, 17, 'tail', 'mitarbeiter'],
      [32, 41, 'head', 'blacklist'],
    ]);
    // closed terms do not match inside words
    assert.deepStrictEqual(hits(['mitarbeiter', 'blacklist'], 'Kundenmitarbeiter blacklisted'), []);
  });

  it('returns overlapping matches; longestNonOverlapping keeps the longest, leftmost on ties', () => {
    const found = hits(['you guys', 'guys', 'guys and', 'and gals'], 'you guys and gals');
    assert.deepStrictEqual(found, [
      [0, 8, 'you guys', 'you guys'],
      [4, 8, 'guys', 'guys'],
      [4, 12, 'guys and', 'guys and'],
      [9, 17, 'and gals', 'and gals'],
    ]);
    const m = new PhraseMatcher(['you guys', 'guys', 'guys and', 'and gals'].map((t) => ({ term: t, payload: t })));
    const kept = longestNonOverlapping(m.findAll('you guys and gals')).map((x) => x.payload);
    // "you guys" and "guys and" (both 8 long) overlap: the leftmost stays; "and gals" does not overlap it
    assert.deepStrictEqual(kept, ['you guys', 'and gals']);
    const longer = longestNonOverlapping<string>([mk(0, 4, 'a'), mk(2, 9, 'b'), mk(10, 12, 'c')]).map((x) => x.payload);
    assert.deepStrictEqual(longer, ['b', 'c']);
  });

  it('leaves out matches that touch a skipped range', () => {
    assert.deepStrictEqual(hits(['guys'], 'guys guys guys', [{ start: 3, end: 6 }]), [[10, 14, 'guys', 'guys']]);
    assert.deepStrictEqual(hits(['guys'], 'guys guys', [{ start: 4, end: 5 }]), [
      [0, 4, 'guys', 'guys'],
      [5, 9, 'guys', 'guys'],
    ]);
  });

  it('keeps UTF-16 indices after emoji and surrogate pairs', () => {
    assert.deepStrictEqual(hits(['guys'], '😀guys 👩‍👩‍👧 guys 𝐀guys'), [
      [2, 6, 'guys', 'guys'],
      [16, 20, 'guys', 'guys'],
      [23, 27, 'guys', 'guys'],
    ]);
    assert.deepStrictEqual(hits(['ok 👍'], 'OK  👍!'), [[0, 6, 'ok 👍', 'OK  👍']]);
  });

  it('knows word characters', () => {
    assert.deepStrictEqual(['a', 'Z', '5', 'ß', 'é', '\u0301', 'ж', ' ', '-', "'", '_', '', undefined].map(isWordChar), [true, true, true, true, true, true, true, false, false, false, false, false, false]);
  });

  it('ignores empty terms and counts the rest', () => {
    const m = new PhraseMatcher([
      { term: '   ', payload: 0 },
      { term: 'a', payload: 1 },
    ]);
    assert.strictEqual(m.size, 1);
    assert.deepStrictEqual(m.findAll('a  b').map((x) => x.payload), [1]);
  });
});

function mk(start: number, end: number, payload: string): Match<string> {
  return { start, end, payload, found: '' };
}

/**
 * The obvious way, written independently of the automaton: try every term at
 * every index, folding and collapsing white space while walking.
 */
function naive(terms: MatchTerm<number>[], text: string): string[] {
  const fold = (ch: string): string => {
    if (ch === '\u2019' || ch === '\u02bc') return "'";
    if (/\s/.test(ch)) return ' ';
    const lower = ch.toLowerCase();
    return lower.length === 1 ? lower : ch;
  };
  const folded = [...Array(text.length).keys()].map((i) => fold(text[i]));
  const out: string[] = [];
  terms.forEach((t, ti) => {
    const key = [...t.term.trim()].map(fold).join('').replace(/ +/g, ' ');
    for (let i = 0; i < text.length; i++) {
      if (folded[i] !== key[0]) continue;
      let j = i;
      let end = -1;
      for (let k = 0; k < key.length; k++) {
        while (j < text.length && text[j] === '\u00ad') j++;
        if (k === 0 && j !== i) break; // a match starts on a visible character
        if (key[k] === ' ') {
          if (j >= text.length || folded[j] !== ' ') break;
          while (j < text.length && (folded[j] === ' ' || text[j] === '\u00ad')) j++;
        } else {
          if (j >= text.length || folded[j] !== key[k]) break;
          j++;
          if (k === key.length - 1) end = j;
        }
      }
      if (end < 0) continue;
      if (!t.openStart && isWordChar(text[i - 1]) && isWordChar(text[i])) continue;
      if (!t.openEnd && isWordChar(text[end]) && isWordChar(text[end - 1])) continue;
      out.push(`${i}-${end}:${ti}`);
    }
  });
  return out.sort();
}

describe('PhraseMatcher: 10,000 terms against a naive reference', () => {
  it('finds exactly the matches of the naive search on random texts', function () {
    this.timeout(30000);
    const rnd = randomSource.rng(2024);
    // a small alphabet so that terms overlap and hit often
    const letters = ['a', 'b', 'e', 'n', 'r', 's', 'A', 'Ä', 'ä', 'ß', 'ẞ', "'", '’'];
    const word = (n: number) => randomSource.string(rnd, letters, n);
    const seen = new Set<string>();
    const terms: MatchTerm<number>[] = [];
    while (terms.length < 10000) {
      const term = word(2 + Math.floor(rnd() * 5)) + (rnd() < 0.25 ? ' ' + word(1 + Math.floor(rnd() * 3)) : '');
      if (seen.has(term)) continue;
      seen.add(term);
      terms.push({ term, payload: terms.length, openStart: rnd() < 0.2, openEnd: rnd() < 0.2 });
    }
    const matcher = new PhraseMatcher(terms);
    assert.strictEqual(matcher.size, 10000);
    const textAlphabet = [...letters, ' ', ' ', '  ', '\n', '\t', '-', '.', '\u00ad', '😀', '1'];
    let total = 0;
    for (let round = 0; round < 3; round++) {
      const text = randomSource.string(rnd, textAlphabet, 1000);
      const got = matcher
        .findAll(text)
        .map((m) => `${m.start}-${m.end}:${m.payload}`)
        .sort();
      const want = naive(terms, text);
      total += want.length;
      assert.deepStrictEqual(got, want, `round ${round}`);
    }
    assert.ok(total > 1000, `only ${total} matches: the test would not notice much`);
  });
});
