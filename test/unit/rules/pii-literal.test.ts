import * as assert from 'assert';
import { piiLiteral } from '../../../server/src/rules/pii-literal';
import { ModelBuilder, runRules } from '../../support/model-builder';
import { assertSuppressible, assertTranslated, fixed, texts } from './pii-helpers';

describe('pii.literal', () => {
  it('reports e-mail, phone, IBAN and card in training examples, with the literal as range', () => {
    const nlu = new ModelBuilder('/p/data/nlu.yml');
    nlu.example('my email is [daniel.okafor.1984@gmail.com](email)', 'inform');
    nlu.example('you can call me on +44 7824 519306', 'inform');
    nlu.example('refund to DE44 5001 0517 5407 3249 31 please', 'inform');
    nlu.example('pay with 4539 1488 0343 6467', 'inform');
    const files = [nlu.build()];
    const findings = runRules([piiLiteral], files);
    assert.deepStrictEqual(texts(files, findings), ['daniel.okafor.1984@gmail.com', '+44 7824 519306', 'DE44 5001 0517 5407 3249 31', '4539 1488 0343 6467']);
    assert.deepStrictEqual(findings.map((f) => f.details?.kind), ['email', 'phone', 'iban', 'card']);
    for (const f of findings) {
      assert.strictEqual(f.severity, 'warning');
      assertSuppressible(f);
    }
    assert.deepStrictEqual(
      findings.map((f) => fixed(files, f, 'Replace with {0}')),
      [
        '    - my email is [jane.doe@example.com](email)',
        '    - you can call me on +44 7700 900123',
        '    - refund to DE89 3704 0044 0532 0130 00 please',
        '    - pay with 4111 1111 1111 1111',
      ],
    );
    assertTranslated(findings);
  });

  it('writes German stand-ins in German examples', () => {
    const nlu = new ModelBuilder('/p/data/nlu.yml');
    nlu.example('meine Mail ist sabine.hoffmann71@web.de', 'inform', 'de');
    nlu.example('Sie erreichen mich unter 0171 4839271', 'inform', 'de');
    const files = [nlu.build()];
    const findings = runRules([piiLiteral], files);
    assert.deepStrictEqual(texts(files, findings), ['sabine.hoffmann71@web.de', '0171 4839271']);
    assert.deepStrictEqual(
      findings.map((f) => fixed(files, f, 'Replace with {0}')),
      ['    - meine Mail ist erika.mustermann@example.com', '    - Sie erreichen mich unter 030 1234567'],
    );
  });

  it('does not report reserved, stand-in, role or fictional values', () => {
    const nlu = new ModelBuilder('/p/data/nlu.yml');
    for (const t of [
      'my email is jane.doe@example.com', 'write to max.mustermann@example.org', 'it is test@test.com', 'support@swiftparcel.co.uk', 'kontakt@stadtwerke.de',
      'call 07700 900123', 'my number is 212-555-0123', '+49 30 1234567', 'IBAN DE00 1234 5678 9012 3456 78', 'DE89 3704 0044 0532 0130 00',
      'card 4111 1111 1111 1111', 'order 4539 1488 0343 6468', 'on 01.02.2023 at 10:30', 'tracking SP-4471-2290', 'https://t.example.com/?id=4539148803436467',
    ]) {
      nlu.example(t);
    }
    assert.deepStrictEqual(runRules([piiLiteral], [nlu.build()]), []);
  });

  it('in bot text reports only personal e-mail addresses and card numbers', () => {
    const domain = new ModelBuilder('/p/domain.yml');
    domain.message('utter_contact', [
      'Call us on 0800 046 1234 or +49 89 22061018, write to support@bank.de or to our advisor anna.schmidt@bank.de.',
      'Transfer to our account DE44 5001 0517 5407 3249 31. Test card 4539 1488 0343 6467.',
    ]);
    const files = [domain.build()];
    const findings = runRules([piiLiteral], files);
    assert.deepStrictEqual(texts(files, findings), ['anna.schmidt@bank.de', '4539 1488 0343 6467']);
  });

  it('never looks into placeholders and keeps mailto: addresses', () => {
    const domain = new ModelBuilder('/p/domain.yml');
    domain.message('utter_mail', ['Mail [Peter](mailto:peter.meier@gmx.de) or {email}']);
    const files = [domain.build()];
    assert.deepStrictEqual(texts(files, runRules([piiLiteral], files)), ['peter.meier@gmx.de']);
  });

  it('is a file-scope rule: the result depends only on the file', () => {
    assert.strictEqual(typeof piiLiteral.checkFile, 'function');
    assert.strictEqual(piiLiteral.checkProject, undefined);
  });
});
