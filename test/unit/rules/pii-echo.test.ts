import * as assert from 'assert';
import { MappedText } from '../../../server/src/core/text';
import { piiEcho } from '../../../server/src/rules/pii-echo';
import { ModelBuilder, covered, runRules } from '../../support/model-builder';
import { assertSuppressible, assertTranslated, fixed, texts } from './pii-helpers';

function rasa() {
  const domain = new ModelBuilder('/p/domain.yml');
  domain.variable('email', { type: 'text', entities: ['email'] });
  domain.variable('iban', { type: 'text' });
  domain.variable('password', { type: 'text' });
  domain.variable('first_name', { type: 'text' });
  domain.variable('email_verified', { type: 'bool' });
  domain.variable('phone', { type: 'bool' });
  domain.variable('tracking_number', { type: 'text' });
  return domain;
}

describe('pii.echo', () => {
  it('reports a PII placeholder on its range with the category severity, across files', () => {
    const domain = rasa();
    const responses = new ModelBuilder('/p/responses.yml');
    responses.message('utter_confirm', ["Thanks! We'll send every update to {email}.", 'Your refund goes to {iban} today.', 'Your new password is {password}']);
    const files = [domain.build(), responses.build()];
    const findings = runRules([piiEcho], files);
    assert.deepStrictEqual(texts(files, findings), ['{email}', '{iban}', '{password}']);
    assert.deepStrictEqual(findings.map((f) => f.severity), ['warning', 'error', 'error']);
    assert.deepStrictEqual(findings.map((f) => f.file), ['/p/responses.yml', '/p/responses.yml', '/p/responses.yml']);
    assert.strictEqual(findings[0].details?.category, 'contact');
    assert.strictEqual(findings[1].details?.category, 'financial');
    assert.strictEqual(findings[2].details?.category, 'secret');
    for (const f of findings) assertSuppressible(f);
    assertTranslated(findings);
  });

  it('removes a Rasa placeholder with one adjacent space (Rasa cannot compute a mask)', () => {
    const domain = rasa();
    domain.message('utter_confirm', ["We'll send every update to {email}.", '{email} is saved, thanks']);
    const files = [domain.build()];
    const [a, b] = runRules([piiEcho], files);
    assert.deepStrictEqual(a.fixes.map((f) => f.title), [
      { template: 'Replace {0} with “{1}”', args: ['email', 'your e-mail address'] },
      { template: 'Remove {0} from the message', args: ['email'] },
      { template: 'Suppress {0} on the next line', args: ['pii.echo'] },
    ]);
    assert.ok(!a.fixes[0].preferred, 'fix all leaves the wording to a human');
    assert.strictEqual(fixed(files, a, 'Replace {0} with “{1}”'), "  - We'll send every update to your e-mail address.");
    assert.strictEqual(fixed(files, b, 'Replace {0} with “{1}”'), '  - Your e-mail address is saved, thanks');
    assert.strictEqual(fixed(files, a, 'Remove {0} from the message'), "  - We'll send every update to.");
    assert.strictEqual(fixed(files, b, 'Remove {0} from the message'), '  - is saved, thanks');
  });

  it('rewrites a plain YAML scalar quoted when the cut would start a comment', () => {
    const domain = rasa();
    domain.message('utter_ticket', ['Sent to {email} #1 ok']);
    const files = [domain.build()];
    const [f] = runRules([piiEcho], files);
    assert.strictEqual(fixed(files, f, 'Remove {0} from the message'), '  - "Sent to #1 ok"');
  });

  it('offers no removal when nothing readable would remain', () => {
    const domain = rasa();
    domain.message('utter_show', ['{email}']);
    const files = [domain.build()];
    const [f] = runRules([piiEcho], files);
    assert.deepStrictEqual(f.fixes.map((x) => x.title.template), ['Suppress {0} on the next line']);
  });

  it('masks an LG card number to its last 4 characters, written raw into the .lg line', () => {
    const lg = new ModelBuilder('/p/bot.en-us.lg', 'lg', { kind: 'lg' });
    lg.message('ConfirmCard', ['Your card ${user.cardNumber} is saved, ${user.name}.']);
    const files = [lg.build()];
    const findings = runRules([piiEcho], files);
    assert.deepStrictEqual(texts(files, findings), ['${user.cardNumber}'], 'names are not reported by default');
    const [f] = findings;
    assert.strictEqual(f.severity, 'error');
    assert.strictEqual(f.fixes[0].preferred, true);
    assert.strictEqual(
      fixed(files, f, 'Show only the last 4 characters of {0}'),
      "  - Your card ${if(length(string(user.cardNumber)) > 4, concat('****', substring(string(user.cardNumber), length(string(user.cardNumber)) - 4)), '****')} is saved, ${user.name}.",
    );
    assert.strictEqual(fixed(files, f, 'Remove {0} from the message'), '  - Your card is saved, ${user.name}.');
  });

  it('offers no mask for a secret or an e-mail address, only removal', () => {
    const lg = new ModelBuilder('/p/bot.en-us.lg', 'lg', { kind: 'lg' });
    lg.message('Show', ['Your PIN is ${user.pin} and your mail ${user.email}']);
    const files = [lg.build()];
    const findings = runRules([piiEcho], files);
    assert.deepStrictEqual(texts(files, findings), ['${user.pin}', '${user.email}']);
    for (const f of findings) assert.deepStrictEqual(f.fixes.map((x) => x.title.template), ['Remove {0} from the message', 'Suppress {0} on the next line']);
  });

  it('does not report a placeholder that is already masked', () => {
    const lg = new ModelBuilder('/p/bot.en-us.lg', 'lg', { kind: 'lg' });
    const expr = "${concat('****', substring(user.iban, 18))}";
    const msg = lg.message('Show', [`IBAN ${expr}`]);
    msg.variations[0].pieces[0].placeholders = [{ variable: 'user.iban', start: 5, end: 5 + expr.length, syntax: 'lg' }];
    assert.deepStrictEqual(runRules([piiEcho], [lg.build()]), []);
  });

  it('reports names only with reportPersonNames', () => {
    const domain = rasa();
    domain.message('utter_greet_name', ['Hi {first_name}!']);
    const files = [domain.build()];
    assert.deepStrictEqual(runRules([piiEcho], files), []);
    const findings = runRules([piiEcho], files, { reportPersonNames: true });
    assert.deepStrictEqual(texts(files, findings), ['{first_name}']);
    assert.strictEqual(findings[0].severity, 'warning');
    assertTranslated(findings);
  });

  it('does not report derived, yes/no or non-personal variables', () => {
    const domain = rasa();
    domain.variable('email_count');
    domain.message('utter_status', ['Verified: {email_verified}. Phone: {phone}. Parcel {tracking_number}, {email_count} mails, card ending {card_last4}.']);
    assert.deepStrictEqual(runRules([piiEcho], [domain.build()]), []);
  });

  it('does not report an age read back to the user, even with reportPersonNames', () => {
    const lg = new ModelBuilder('/p/bot.en-us.lg', 'lg', { kind: 'lg' });
    lg.message('Age', ['You are ${user.age} years old.', 'Got it: ${user.profile.age}.']);
    assert.deepStrictEqual(runRules([piiEcho], [lg.build()], { reportPersonNames: true }), []);
  });

  it('reports German variable names in German bot text', () => {
    const domain = new ModelBuilder('/p/domain.yml');
    domain.variable('telefonnummer', { type: 'text' });
    domain.variable('geburtsdatum', { type: 'text' });
    domain.message('utter_bestaetigung', ['Wir rufen Sie unter {telefonnummer} an. Geburtsdatum: {geburtsdatum}'], { lang: 'de' });
    const files = [domain.build()];
    const findings = runRules([piiEcho], files);
    assert.deepStrictEqual(texts(files, findings), ['{telefonnummer}', '{geburtsdatum}']);
    assert.deepStrictEqual(findings.map((f) => f.severity), ['warning', 'warning']);
  });

  it('removes a Dialogflow CX parameter inside a JSON string, escaped', () => {
    const file = '/p/flows/Default Start Flow/pages/Bestaetigung.json';
    const source = '{"text": ["Wir schreiben an $session.params.email und melden uns."]}';
    const start = source.indexOf('Wir');
    const value = 'Wir schreiben an $session.params.email und melden uns.';
    const text = MappedText.verbatim(file, value, start, { kind: 'json' });
    const ph = value.indexOf('$session');
    const files = [
      {
        ...new ModelBuilder(file, 'dialogflow-cx', { kind: 'json' }).build(),
        text: source,
        variables: [{ name: 'email', aliases: ['session.params.email'], file, declaration: { start: 0, end: 1 }, entities: ['sys.email'] }],
        messages: [{ id: 'p#entry', file, declaration: { start: 0, end: 1 }, role: 'response' as const, variations: [{ lang: 'de' as const, pieces: [{ text, role: 'text' as const, placeholders: [{ variable: 'session.params.email', start: ph, end: ph + '$session.params.email'.length, syntax: 'dialogflow-cx' as const }] }] }] }],
      },
    ];
    const [f] = runRules([piiEcho], files);
    assert.strictEqual(covered(files, f), '$session.params.email');
    assert.deepStrictEqual(f.fixes.map((x) => x.title.template), ['Replace {0} with “{1}”', 'Remove {0} from the message'], 'JSON: no comment suppression');
    assert.strictEqual(fixed(files, f, 'Replace {0} with “{1}”'), '{"text": ["Wir schreiben an Ihre E-Mail-Adresse und melden uns."]}');
    assert.strictEqual(fixed(files, f, 'Remove {0} from the message'), '{"text": ["Wir schreiben an und melden uns."]}');
  });

  it('drops rather than describes a value the sentence already names', () => {
    const domain = rasa();
    domain.message('utter_confirm', ['Your email {email} is confirmed.', 'Ihre IBAN {iban} ist gespeichert.']);
    const files = [domain.build()];
    const findings = runRules([piiEcho], files);
    assert.strictEqual(findings.length, 2);
    for (const f of findings) assert.ok(!f.fixes.some((x) => x.title.template === 'Replace {0} with “{1}”'), JSON.stringify(f.fixes.map((x) => x.title)));
  });

  it('respects a config severity and off', () => {
    const domain = rasa();
    domain.message('utter_x', ['IBAN {iban}']);
    const files = [domain.build()];
    assert.strictEqual(runRules([piiEcho], files, { rules: { 'pii.echo': 'info' } })[0].severity, 'info');
    assert.deepStrictEqual(runRules([piiEcho], files, { rules: { 'pii.echo': 'off' } }), []);
  });
});
