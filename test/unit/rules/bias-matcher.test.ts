/**
 * The phrase matcher the bias rule (and others) rely on, compiled to a DFA
 * for speed: checked against a naive reference that searches every term
 * separately, on hand-picked traps and on random texts full of overlaps.
 */
import * as assert from 'assert';
import { isWordChar, longestNonOverlapping, PhraseMatcher, type MatchTerm } from '../../../server/src/core/matcher';
import { seededRandom as random } from '../../support/seeded-random';

/** The matcher's folding, written the slow and obvious way. */
function fold(ch: string): string {
  if (ch === '\u2019' || ch === '\u02bc') return "'";
  if (ch === '\u00ad') return '';
  if (/\s/.test(ch)) return ' ';
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

function reference<T>(terms: MatchTerm<T>[], text: string, skip: { start: number; end: number }[] = []): string[] {
  let folded = '';
  const pos: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = fold(text[i]);
    if (!f || (f === ' ' && folded.endsWith(' '))) continue;
    folded += f;
    pos.push(i);
  }
  const out: string[] = [];
  terms.forEach((t, ti) => {
    const key = [...t.term.trim()].map(fold).join('').replace(/ +/g, ' ');
    if (!key) return;
    for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
      const start = pos[at];
      const end = pos[at + key.length - 1] + 1;
      if (!t.openStart && isWordChar(text[start - 1]) && isWordChar(text[start])) continue;
      if (!t.openEnd && isWordChar(text[end]) && isWordChar(text[end - 1])) continue;
      if (skip.some((r) => start < r.end && end > r.start)) continue;
      out.push(`${start}-${end}:${ti}`);
    }
  });
  return out.sort();
}

function actual<T>(terms: MatchTerm<T>[], text: string, skip: { start: number; end: number }[] = []): string[] {
  const m = new PhraseMatcher(terms.map((t, ti) => ({ ...t, payload: ti })));
  return m
    .findAll(text, skip)
    .map((x) => `${x.start}-${x.end}:${x.payload}`)
    .sort();
}

describe('PhraseMatcher (DFA) against a naive reference', () => {
  it('finds the same matches on folding and boundary traps', () => {
    const terms: MatchTerm<number>[] = [
      { term: 'guys', payload: 0 },
      { term: 'you guys', payload: 0 },
      { term: 'Kunden', payload: 0 },
      { term: 'mitarbeiter', payload: 0, openStart: true },
      { term: 'blacklist', payload: 0, openEnd: true },
      { term: 'don’t', payload: 0 },
      { term: 'Straße', payload: 0 },
      { term: 'ÄRZTE', payload: 0 },
      { term: 'i̇stanbul', payload: 0 },
      { term: '  ', payload: 0 },
    ];
    const texts = [
      'Hey GUYS,  you\n\tguys! disguys guysy',
      'KUNDEN Kunden-Hotline Kundennummer Servicemitarbeiter Mitarbeiter:innen',
      'blacklisted BLACKLIST black\u00adlist unblacklist',
      "don't DON’T donʼt",
      'STRASSE Straße straße ärzte Ärzte',
      'İstanbul ſ \ud83d\ude00guys\ud83d\ude00 guys\u00a0guys',
    ];
    for (const text of texts) assert.deepStrictEqual(actual(terms, text), reference(terms, text), text);
    const text = 'See guys@example.com or guys';
    assert.deepStrictEqual(actual(terms, text, [{ start: 4, end: 20 }]), reference(terms, text, [{ start: 4, end: 20 }]));
    assert.deepStrictEqual(actual(terms, text, [{ start: 4, end: 20 }]), ['24-28:0']);
  });

  it('finds the same matches on random texts with many overlapping terms', () => {
    const rnd = random(7);
    const alphabet = ['a', 'b', 'A', 'ä', 'Ä', 'ß', ' ', '  ', '\n', '-', '\u00ad', '’', "'", 'x'];
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * 6)]).join('');
    for (let round = 0; round < 60; round++) {
      const terms: MatchTerm<number>[] = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => ({
        term: word(1 + Math.floor(rnd() * 4)) + (rnd() < 0.2 ? ' ' + word(1 + Math.floor(rnd() * 2)) : ''),
        payload: 0,
        openStart: rnd() < 0.3,
        openEnd: rnd() < 0.3,
      }));
      const text = Array.from({ length: 80 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      assert.deepStrictEqual(actual(terms, text), reference(terms, text), `round ${round}: ${JSON.stringify(terms.map((t) => t.term))} in ${JSON.stringify(text)}`);
    }
  });

  it('folds every Latin-1 character like the reference (the fast table path)', () => {
    const all = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c));
    const terms: MatchTerm<number>[] = all.filter((ch) => ch.trim()).map((ch) => ({ term: `x${ch}y`, payload: 0, openStart: true, openEnd: true }));
    const text = all.map((ch) => `X${ch}Y`).join(' ');
    const got = actual(terms, text);
    assert.deepStrictEqual(got, reference(terms, text));
    assert.ok(got.length > 150, `${got.length} matches`);
  });

  it('keeps the longest of overlapping matches', () => {
    const m = new PhraseMatcher([
      { term: 'guys', payload: 'guys' },
      { term: 'you guys', payload: 'you guys' },
    ]);
    assert.deepStrictEqual(
      longestNonOverlapping(m.findAll('thank you guys')).map((x) => [x.found, x.payload]),
      [['you guys', 'you guys']],
    );
    assert.strictEqual(m.size, 2);
    assert.deepStrictEqual(new PhraseMatcher<number>([]).findAll('anything'), []);
  });
});
