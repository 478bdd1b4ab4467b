import * as assert from 'assert';
import { combinedDeterminer, determinerInfo, feminineDeterminer, nounContext } from '../../../server/src/rules/support/bias-german';
import type { Reading } from '../../../server/src/rules/support/bias-types';

const MITARBEITER: Reading[] = ['sg.nom', 'sg.dat', 'sg.acc', 'pl.nom', 'pl.gen', 'pl.acc'];
const KUNDEN: Reading[] = ['sg.gen', 'sg.dat', 'sg.acc', 'pl.nom', 'pl.gen', 'pl.dat', 'pl.acc'];
const KUNDE: Reading[] = ['sg.nom'];

/** number/case of the noun at `word` in `text` */
function ctx(text: string, word: string, readings: Reading[]) {
  const c = nounContext(text, text.indexOf(word), readings);
  return { number: c.number, case: c.case, det: c.adjacentDeterminer?.word, weak: c.weak, impossible: c.impossible };
}

describe('bias.wording German grammar', () => {
  it('knows the determiners of a masculine noun', () => {
    assert.deepStrictEqual(determinerInfo('einen')?.readings, ['sg.acc']);
    assert.deepStrictEqual(determinerInfo('unseren')?.readings, ['sg.acc', 'pl.dat']);
    assert.deepStrictEqual(determinerInfo('Ihre')?.readings, ['pl.nom', 'pl.acc']);
    assert.deepStrictEqual(determinerInfo('jeder')?.readings, ['sg.nom']);
    assert.deepStrictEqual(determinerInfo('dieser')?.readings, ['sg.nom', 'pl.gen']);
    assert.deepStrictEqual(determinerInfo('beim')?.readings, ['sg.dat']);
    assert.deepStrictEqual(determinerInfo('allen')?.readings, ['pl.dat']);
    assert.strictEqual(determinerInfo('viele')?.weak, false);
    assert.strictEqual(determinerInfo('eure')?.stem, 'euer');
    assert.strictEqual(determinerInfo('eine'), undefined, '"eine" never goes with a masculine noun');
    assert.strictEqual(determinerInfo('Kunde'), undefined);
  });

  it('builds feminine and combined (colon/star) determiners', () => {
    const cases: [string, 'nom' | 'acc' | 'dat' | 'gen', string, string][] = [
      ['der', 'nom', 'die', 'der:die'],
      ['den', 'acc', 'die', 'den:die'],
      ['dem', 'dat', 'der', 'dem:der'],
      ['des', 'gen', 'der', 'des:der'],
      ['ein', 'nom', 'eine', 'ein:e'],
      ['einen', 'acc', 'eine', 'eine:n'],
      ['einem', 'dat', 'einer', 'einer:m'],
      ['eines', 'gen', 'einer', 'eines:einer'],
      ['Ihr', 'nom', 'ihre', 'ihr:e'],
      ['unserem', 'dat', 'unserer', 'unserer:m'],
      ['jeder', 'nom', 'jede', 'jede:r'],
      ['diesen', 'acc', 'diese', 'diese:n'],
      ['beim', 'dat', 'bei der', 'bei dem:der'],
      ['euer', 'nom', 'eure', 'euer:eure'],
    ];
    for (const [det, c, fem, combined] of cases) {
      const info = determinerInfo(det)!;
      assert.strictEqual(feminineDeterminer(info, c), fem, det);
      assert.strictEqual(combinedDeterminer(info, c, det, ':'), combined, det);
    }
    assert.strictEqual(combinedDeterminer(determinerInfo('einen')!, 'acc', 'einen', '*'), 'eine*n');
  });

  it('reads singular and plural from the determiner', () => {
    assert.deepStrictEqual(ctx('Ein Mitarbeiter hilft.', 'Mitarbeiter', MITARBEITER), { number: 'sg', case: 'nom', det: 'Ein', weak: true, impossible: false });
    assert.deepStrictEqual(ctx('Unsere Mitarbeiter helfen.', 'Mitarbeiter', MITARBEITER), { number: 'pl', case: undefined, det: 'Unsere', weak: true, impossible: false });
    assert.deepStrictEqual(ctx('mit einem Mitarbeiter', 'Mitarbeiter', MITARBEITER), { number: 'sg', case: 'dat', det: 'einem', weak: true, impossible: false });
    assert.deepStrictEqual(ctx('Kunden können bestellen.', 'Kunden', KUNDEN), { number: 'pl', case: undefined, det: undefined, weak: false, impossible: false });
    assert.deepStrictEqual(ctx('Als Kunde sparen Sie.', 'Kunde', KUNDE), { number: 'sg', case: 'nom', det: undefined, weak: false, impossible: false });
    assert.deepStrictEqual(ctx('Viele Kunden fragen.', 'Kunden', KUNDEN).number, 'pl');
    assert.deepStrictEqual(ctx('Wir informieren Mitarbeiter sofort.', 'Mitarbeiter', MITARBEITER).number, 'pl', 'a verb in -en is no adjective hint');
    assert.deepStrictEqual(ctx('Sehr geehrter Kunde', 'Kunde', KUNDE).number, 'sg');
    assert.deepStrictEqual(ctx('neue Mitarbeiter', 'Mitarbeiter', MITARBEITER).number, 'pl');
    assert.deepStrictEqual(ctx('Neuer Mitarbeiter: Max', 'Mitarbeiter', MITARBEITER).number, 'sg', 'an adjective may be capitalised at the start of a sentence');
    assert.deepStrictEqual(ctx('Die Daten neuer Mitarbeiter', 'Mitarbeiter', MITARBEITER).number, 'pl', 'genitive plural after a noun');
    assert.deepStrictEqual(ctx('Unsere Mitarbeiter', 'Mitarbeiter', MITARBEITER).det, 'Unsere', 'a capitalised determiner is still a determiner');
    assert.deepStrictEqual(ctx('die beiden Kunden', 'Kunden', KUNDEN), { number: 'pl', case: undefined, det: undefined, weak: true, impossible: false });
  });

  it('tells genitive plural from nominative singular after "der"', () => {
    assert.strictEqual(ctx('Die Wünsche der Mitarbeiter zählen.', 'Mitarbeiter', MITARBEITER).number, 'pl');
    assert.strictEqual(ctx('Dann ruft der Mitarbeiter an.', 'Mitarbeiter', MITARBEITER).number, 'sg');
    assert.strictEqual(ctx('Wenn Sie der Mitarbeiter sind', 'Mitarbeiter', MITARBEITER).number, 'sg');
    assert.strictEqual(ctx('wegen der Mitarbeiter', 'Mitarbeiter', MITARBEITER).number, 'pl');
  });

  it('tells accusative singular from dative plural after "den" only by the preposition', () => {
    assert.strictEqual(ctx('mit den Kunden', 'Kunden', KUNDEN).number, 'pl');
    assert.strictEqual(ctx('für den Kunden', 'Kunden', KUNDEN).number, 'sg');
    assert.strictEqual(ctx('Wir informieren den Kunden.', 'Kunden', KUNDEN).number, undefined);
    assert.strictEqual(ctx('den Mitarbeiter', 'Mitarbeiter', MITARBEITER).number, 'sg', 'the dative plural would be "Mitarbeitern"');
  });

  it('rejects forms that cannot be the masculine noun here', () => {
    assert.strictEqual(ctx('Die frohe Kunde kam.', 'Kunde', KUNDE).impossible, true);
    assert.strictEqual(ctx('eine Kunde', 'Kunde', KUNDE).impossible, false, '"eine" is no determiner of a masculine noun: unknown, not impossible');
  });

  it('notes adjectives between determiner and noun (their endings would change with the gender)', () => {
    const c = nounContext('einen neuen Mitarbeiter', 'einen neuen '.length, MITARBEITER);
    assert.deepStrictEqual([c.number, c.case, c.adjectives.length, c.adjacentDeterminer], ['sg', 'acc', 1, undefined]);
  });
});
