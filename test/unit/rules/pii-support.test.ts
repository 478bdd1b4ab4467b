import * as assert from 'assert';
import type { Variable } from '../../../server/src/core/model';
import { nameWords, piiCategory, sensitiveCategory } from '../../../server/src/rules/support/pii';
import { findLiterals, hasMadeUpRun, ibanChecksumValid, isPersonalEmail, knownCardPrefix, luhnValid } from '../../../server/src/rules/support/pii-literals';
import { givesPrivacyNotice, givesPurposeOrPrivacy } from '../../../server/src/rules/support/pii-purpose';
import { isInternalHost, queryVariables, urlParts } from '../../../server/src/rules/support/pii-url';
import { maskedExpression } from '../../../server/src/rules/support/pii-fix';
import { germanBundle } from '../../../server/src/l10n';
import { ECHO_MESSAGES, piiEcho } from '../../../server/src/rules/pii-echo';
import { LITERAL_MESSAGES, piiLiteral } from '../../../server/src/rules/pii-literal';
import { piiNotice } from '../../../server/src/rules/pii-notice';
import { piiSensitive } from '../../../server/src/rules/pii-sensitive';
import { piiTransfer } from '../../../server/src/rules/pii-transfer';

const variable = (name: string, opts: Partial<Variable> = {}): Variable => ({ name, file: '/p/domain.yml', declaration: { start: 0, end: 0 }, ...opts });
const category = (name: string, v?: Variable) => piiCategory(v, name)?.category;

describe('pii support: variable names', () => {
  it('splits snake, camel, kebab case and dotted paths into words', () => {
    assert.deepStrictEqual(nameWords('user.email'), ['email']);
    assert.deepStrictEqual(nameWords('session.params.phone-number'), ['phone', 'number']);
    assert.deepStrictEqual(nameWords('customerEmail'), ['customer', 'email']);
    assert.deepStrictEqual(nameWords('e_mail_adresse'), ['e', 'mail', 'adresse']);
    assert.deepStrictEqual(nameWords('cardLast4'), ['card', 'last', '4']);
    assert.deepStrictEqual(nameWords('$session.params.email'), ['email']);
    assert.deepStrictEqual(nameWords('user.email.value'), ['email', 'value']);
    assert.deepStrictEqual(nameWords('IBANNumber'), ['iban', 'number']);
  });

  it('classifies English and German names by category', () => {
    const expected: Record<string, string> = {
      email: 'contact', 'user.email': 'contact', customerEmail: 'contact', Telefonnummer: 'contact', e_mail_adresse: 'contact',
      'session.params.phone-number': 'contact', handynummer: 'contact', Lieferadresse: 'contact', plz: 'contact', geburtsdatum: 'contact',
      birth_date: 'contact', dob: 'contact', zip_code: 'contact', home_phone: 'contact', address_line1: 'contact',
      password: 'secret', passwort: 'secret', confirm_password: 'secret', pin: 'secret', cvv: 'secret', otp: 'secret', token: 'secret', tan: 'secret',
      iban: 'financial', card_number: 'financial', credit_card: 'financial', kreditkartennummer: 'financial', kontonummer: 'financial',
      ssn: 'government-id', tax_id: 'government-id', steuer_id: 'government-id', passport: 'government-id', insurance_number: 'government-id',
      versicherungsnummer: 'government-id', diagnosis: 'health', medication_name: 'health', Diagnose: 'health',
      caller_id: 'contact', callerId: 'contact', 'session.params.caller_id': 'contact', caller_number: 'contact', anrufer_id: 'contact', Anrufernummer: 'contact',
      name: 'person-name', user_name: 'person-name', first_name: 'person-name', vorname: 'person-name', PERSON: 'person-name',
    };
    for (const [name, cat] of Object.entries(expected)) assert.strictEqual(category(name), cat, name);
  });

  it('does not take derived names, other things named after PII, or the organisation\'s own contact data for PII', () => {
    for (const name of [
      'email_verified', 'is_email', 'has_phone', 'email_count', 'iban_masked', 'card_last4', 'cardLast4', 'phone_confirmed', 'phoneNumberVerified',
      'phone_model', 'mobile_app', 'email_body', 'account_type', 'address_country', 'telefon_bestaetigt', 'number_of_emails',
      'vendor_name', 'holiday_name', 'company', 'caller_type', 'requested_slot', 'shown_privacy', 'has_allergies',
      'support_email', 'servicerufnummer', 'kundenservice_telefon', 'webadresse', 'store_address', 'amount-of-money', 'facility_address', 'atm_address',
    ]) {
      assert.strictEqual(category(name), undefined, name);
    }
  });

  it('lets a declared type or entity beat the name', () => {
    assert.strictEqual(category('phone', variable('phone', { type: 'bool' })), undefined);
    assert.strictEqual(category('email', variable('email', { type: 'categorical' })), undefined);
    assert.strictEqual(category('pin', variable('pin', { type: 'float' })), undefined);
    assert.strictEqual(category('contact', variable('contact', { entities: ['email'] })), 'contact');
    assert.strictEqual(category('x', variable('x', { entities: ['@sys.phone-number'] })), 'contact');
    assert.strictEqual(category('x', variable('x', { entities: ['duckling:email'] })), 'contact');
    assert.strictEqual(category('who', variable('who', { entities: ['@sys.given-name'] })), 'person-name');
    assert.strictEqual(category('x', variable('x', { entities: ['personName'] })), 'person-name');
    assert.strictEqual(category('x', variable('x', { entities: ['@sys.zip-code'] })), 'contact');
    assert.strictEqual(category('where', variable('where', { entities: ['@sys.street-address'] })), 'contact');
    // a known non-personal entity decides against the name
    assert.strictEqual(category('address', variable('address', { entities: ['@sys.geo-city'] })), undefined);
    // a number is a declared non-text type (spec): not PII whatever the name says
    assert.strictEqual(category('age', variable('age', { entities: ['@sys.number-integer'] })), undefined);
    assert.strictEqual(category('flow.street_number', variable('flow.street_number', { entities: ['@sys.number-integer'] })), undefined);
    assert.strictEqual(category('age', variable('age', { entities: ['@sys.number'] })), undefined);
    assert.strictEqual(category('age', variable('age', { entities: ['@sys.cardinal'] })), undefined);
    assert.strictEqual(category('user.age', variable('user.age', { type: 'number' })), undefined);
    // a digit sequence is how PINs and phone digits are collected: the name decides
    assert.strictEqual(category('pin', variable('pin', { entities: ['@sys.number-sequence'] })), 'secret');
    assert.strictEqual(category('phone', variable('phone', { entities: ['@sys.number-sequence'] })), 'contact');
    // a custom entity is read like a name
    assert.strictEqual(category('payment', variable('payment', { entities: ['credit_card'] })), 'financial');
    assert.strictEqual(piiCategory(variable('x', { entities: ['@sys.phone-number'] }), 'x')?.basis, 'type');
  });

  it('gives severities by category and says where masking makes sense', () => {
    assert.strictEqual(piiCategory(undefined, 'password')?.severity, 'error');
    assert.strictEqual(piiCategory(undefined, 'iban')?.severity, 'error');
    assert.strictEqual(piiCategory(undefined, 'ssn')?.severity, 'error');
    assert.strictEqual(piiCategory(undefined, 'diagnosis')?.severity, 'error');
    assert.strictEqual(piiCategory(undefined, 'email')?.severity, 'warning');
    assert.strictEqual(piiCategory(undefined, 'iban')?.mask, true);
    assert.strictEqual(piiCategory(undefined, 'phone')?.mask, true);
    assert.strictEqual(piiCategory(undefined, 'email')?.mask, false);
    assert.strictEqual(piiCategory(undefined, 'password')?.mask, false);
    assert.strictEqual(piiCategory(undefined, 'age')?.echo, false);
    assert.strictEqual(piiCategory(variable('x', { entities: ['builtin.age'] }), 'x')?.echo, false);
    assert.strictEqual(piiCategory(undefined, 'email')?.echo, true);
  });

  it('finds special categories in variable names, including yes/no ones', () => {
    assert.deepStrictEqual(sensitiveCategory(undefined, 'diagnosis'), { category: 'health', term: 'diagnosis' });
    assert.strictEqual(sensitiveCategory(undefined, 'has_disability')?.category, 'health');
    assert.strictEqual(sensitiveCategory(undefined, 'user.konfession')?.category, 'religion');
    assert.strictEqual(sensitiveCategory(undefined, 'Vorstrafen')?.category, 'criminal');
    assert.strictEqual(sensitiveCategory(undefined, 'gewerkschaft')?.category, 'union');
    assert.strictEqual(sensitiveCategory(undefined, 'race')?.category, 'ethnicity');
    assert.strictEqual(sensitiveCategory(undefined, 'race_distance'), undefined);
    assert.strictEqual(sensitiveCategory(undefined, 'party_size'), undefined);
    assert.strictEqual(sensitiveCategory(undefined, 'email'), undefined);
  });
});

describe('pii support: checksums and literals', () => {
  it('checks IBANs with mod-97, letters, lower case and spaces', () => {
    assert.strictEqual(ibanChecksumValid('DE44500105175407324931'), true);
    assert.strictEqual(ibanChecksumValid('de44 5001 0517 5407 3249 31'), true);
    assert.strictEqual(ibanChecksumValid('GB82 WEST 1234 5698 7654 32'), true);
    assert.strictEqual(ibanChecksumValid('FR1420041010050500013M02606'), true);
    assert.strictEqual(ibanChecksumValid('DE44500105175407324932'), false, 'wrong check digit');
    assert.strictEqual(ibanChecksumValid('DE4450010517540732493'), false, 'too short for DE');
    assert.strictEqual(ibanChecksumValid('XX44500105175407324931'), false, 'unknown country');
    assert.strictEqual(ibanChecksumValid('DE00000000000000000000'), false);
  });

  it('checks card numbers with Luhn and known prefixes', () => {
    assert.strictEqual(luhnValid('4539 1488 0343 6467'), true);
    assert.strictEqual(luhnValid('4539-1488-0343-6467'), true);
    assert.strictEqual(luhnValid('4539148803436468'), false);
    assert.strictEqual(luhnValid('6011000990139424'), true);
    assert.strictEqual(knownCardPrefix('4539148803436467'), true);
    assert.strictEqual(knownCardPrefix('378282246310005'), true);
    assert.strictEqual(knownCardPrefix('1234567812345670'), false);
    assert.strictEqual(knownCardPrefix('4539148803436'), true, '13-digit Visa');
    assert.strictEqual(knownCardPrefix('45391488034364'), false, 'Visa has no 14-digit numbers');
  });

  it('finds a 19-digit card and skips test numbers, all-same digits, bad check digits and ids in URLs', () => {
    const card19 = '6011 0009 9013 9424 120';
    const digits = card19.replace(/\D/g, '');
    assert.strictEqual(digits.length, 19);
    // make the 19th digit the Luhn check digit
    const valid = [...Array(10).keys()].map((d) => digits.slice(0, 18) + d).find(luhnValid)!;
    const text19 = `${valid.slice(0, 4)} ${valid.slice(4, 8)} ${valid.slice(8, 12)} ${valid.slice(12, 16)} ${valid.slice(16)}`;
    assert.deepStrictEqual(findLiterals(`card ${text19}`, ['card'], 'en').map((h) => h.value), [text19]);
    assert.deepStrictEqual(findLiterals('card 4111 1111 1111 1111', ['card'], 'en'), []);
    assert.deepStrictEqual(findLiterals('0000000000000000', ['card'], 'en'), []);
  });

  it('treats the German film/TV ranges (Bundesnetzagentur) as fictional, and only those', () => {
    for (const n of ['030 23125 456', '+49 40 66969 012', '069 90009 999', '089 99998 100', '0221 4710 555']) {
      assert.deepStrictEqual(findLiterals(`Rufen Sie mich an: ${n}`, ['phone'], 'de'), [], n);
    }
    assert.deepStrictEqual(findLiterals('Rufen Sie mich an: 030 23126 456', ['phone'], 'de').map((h) => h.value), ['030 23126 456']);
    assert.deepStrictEqual(findLiterals('4539 1488 0343 6468', ['card'], 'en'), []);
    assert.deepStrictEqual(findLiterals('https://x.de/?id=4539148803436467', ['card'], 'en'), []);
    assert.deepStrictEqual(findLiterals('4539 14880 3436 467', ['card'], 'en'), [], 'implausible grouping');
  });

  it('tells personal e-mail addresses from reserved, stand-in and role addresses', () => {
    for (const a of ['john.smith@yahoo.com', 'anna.schmidt@bank.de', 'kevin@yoloooz.de', 'Peter.Meier@gmx.de']) assert.strictEqual(isPersonalEmail(a), true, a);
    for (const a of ['jane.doe@example.com', 'x@mail.example.org', 'a@b.test', 'me@host.invalid', 'me@localhost', 'support@bank.de', 'kundenservice@bank.de', 'no-reply@shop.com', 'datenschutz@stadt.de', 'info@firma.de', 'test@gmail.com', 'max.mustermann@web.de', 'aaa@gmx.de', 'someone@domain.com']) {
      assert.strictEqual(isPersonalEmail(a), false, a);
    }
  });

  it('finds valid phone numbers outside fictional ranges', () => {
    const phones = (t: string, lang: 'en' | 'de' = 'en') => findLiterals(t, ['phone'], lang).map((h) => h.value);
    assert.deepStrictEqual(phones('call me at 0171 3928475 please', 'de'), ['0171 3928475']);
    assert.deepStrictEqual(phones('+43 664 3917452'), ['+43 664 3917452']);
    assert.deepStrictEqual(phones('my cell is (212) 867-5309'), ['(212) 867-5309']);
    assert.deepStrictEqual(phones('+49 (0) 89 74079658'), ['+49 (0) 89 74079658']);
    assert.deepStrictEqual(phones('0044 20 7946 1234'), ['0044 20 7946 1234']);
    // fictional: US 555, UK drama ranges, 123456-style runs
    assert.deepStrictEqual(phones('212-555-0123 or +1 212 555 0199'), []);
    assert.deepStrictEqual(phones('07700 900123, +44 20 7946 0123, 0113 496 0999'), []);
    assert.deepStrictEqual(phones('0171 2345678 and +49 30 1234567', 'de'), []);
    // not phone numbers: dates, bare digit runs, order numbers
    assert.deepStrictEqual(phones('am 01.02.2023 und 2023-05-01', 'de'), []);
    assert.deepStrictEqual(phones('order 2125551234, ticket 12345678'), []);
    assert.ok(hasMadeUpRun('301234567', 6));
    assert.ok(hasMadeUpRun('151987654', 6));
    assert.ok(!hasMadeUpRun('1713928475', 6));
  });

  it('writes stand-ins that are never flagged again', () => {
    const all = ['email', 'phone', 'iban', 'card'] as const;
    const samples = ['mail anna.schmidt@bank.de', 'ruf 0171 3928475 an', '+43 664 3917452', '(212) 867-5309', '020 7946 1234', 'IBAN DE44 5001 0517 5407 3249 31', 'AT483200000012345864', 'card 4539-1488-0343-6467'];
    for (const lang of ['en', 'de'] as const) {
      for (const s of samples) {
        const hits = findLiterals(s, all, lang);
        assert.strictEqual(hits.length, 1, s);
        assert.deepStrictEqual(findLiterals(hits[0].replacement, all, lang), [], `${s} → ${hits[0].replacement}`);
      }
    }
    assert.strictEqual(findLiterals('IBAN DE44 5001 0517 5407 3249 31', all, 'de')[0].replacement, 'DE89 3704 0044 0532 0130 00');
    assert.strictEqual(findLiterals('DE44500105175407324931', all, 'de')[0].replacement, 'DE89370400440532013000');
    assert.strictEqual(findLiterals('card 4539-1488-0343-6467', all, 'en')[0].replacement, '4111-1111-1111-1111');
    assert.strictEqual(findLiterals('mail anna.schmidt@bank.de', all, 'de')[0].replacement, 'erika.mustermann@example.com');
    assert.strictEqual(findLiterals('ruf 0171 3928475 an', all, 'de')[0].replacement, '030 1234567');
  });

  it('never reports the same characters twice (an IBAN is not also a phone number)', () => {
    const hits = findLiterals('IBAN DE44 5001 0517 5407 3249 31, Tel. +43 664 3917452', ['email', 'phone', 'iban', 'card'], 'de');
    assert.deepStrictEqual(hits.map((h) => [h.kind, h.value]), [['iban', 'DE44 5001 0517 5407 3249 31'], ['phone', '+43 664 3917452']]);
  });

  it('stays linear on long adversarial input', () => {
    const long = 'a'.repeat(20000) + '@' + '1 '.repeat(20000) + 'DE44 '.repeat(5000);
    const t0 = Date.now();
    findLiterals(long, ['email', 'phone', 'iban', 'card'], 'en');
    assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
  });
});

describe('pii support: purpose, privacy, URLs, masks', () => {
  it('recognises purpose clauses and privacy notices in English and German', () => {
    for (const t of [
      'To send you the receipt, what is your email?', 'What is your email so we can send the receipt?', 'We need your email address to send you the receipt.',
      'Damit wir Ihnen die Bestätigung senden können, benötigen wir Ihre E-Mail-Adresse.', 'Um Ihnen die Rechnung zuzusenden, brauche ich Ihre Adresse.',
      'Für die Erstattung benötigen wir Ihre IBAN.', 'Wohin sollen wir liefern? Ihre Adresse bitte.', 'Which postcode should we deliver to instead?', 'Your phone number? See https://bank.de/datenschutz', 'Bitte beachten Sie unsere Datenschutzerklärung.',
    ]) {
      assert.ok(givesPurposeOrPrivacy(t), t);
    }
    for (const t of ["What's your email?", 'We need your email address.', 'I need to ask for your email.', 'Wir rufen um 14 Uhr zurück. Ihre Nummer?', 'Wir benötigen Ihre Telefonnummer.', 'Thanks for reaching out! What is your email?']) {
      assert.ok(!givesPurposeOrPrivacy(t), t);
    }
    assert.ok(givesPrivacyNotice('Hi! Our privacy policy: https://x.de/p'));
    assert.ok(givesPrivacyNotice('Infos: https://bank.de/datenschutz'));
    assert.ok(!givesPrivacyNotice('Hi, so that we can help you, tell me more.'));
  });

  it('"so the courier can", a use stated in the sentence before, and a bare "to reach you" restating the obvious in both languages', () => {
    for (const t of [
      'So the pharmacist can prepare your refill, which medication do you need?',
      "So the courier can reach you on delivery day, what's your phone number?",
      'Your address, so our driver will find you?',
      "We'll email you as soon as your prescription is ready for pickup. What's your email address?",
      'We will text you when your table is ready. Your mobile number?',
      'Damit der Kurier Sie erreichen kann: Wie lautet Ihre Telefonnummer?',
      'Wir schicken Ihnen die Bestätigung per E-Mail. Wie lautet Ihre Adresse?',
      'What number should we use to reach you if your flight changes?',
      'Um Sie bei Verspätungen zu erreichen: Wie lautet Ihre Nummer?',
    ]) {
      assert.ok(givesPurposeOrPrivacy(t), t);
    }
    for (const t of [
      "What's the best phone number to reach you?",
      "What's the best number to reach you at?",
      'Unter welcher Telefonnummer erreichen wir Sie am besten?',
      'Wie lautet Ihre Nummer, um Sie zu erreichen?',
      "I'm so glad you can join us! What's your email?",
      'Sind Sie damit einverstanden? Wie lautet Ihre E-Mail-Adresse?',
      'So, what is your email?',
    ]) {
      assert.ok(!givesPurposeOrPrivacy(t), t);
    }
  });

  it('parses endpoint URLs and knows internal hosts', () => {
    assert.deepStrictEqual(urlParts('  http://user:pw@Actions.Example.com:5055/webhook?x=1'), { schemeAt: 2, scheme: 'http', host: 'actions.example.com', queryAt: 49 });
    assert.strictEqual(urlParts('http://${settings.host}/api')?.host, undefined);
    assert.strictEqual(urlParts('http://[::1]:5055/webhook')?.host, '::1');
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '0.0.0.0', '::1', 'app.localhost', 'action_server', 'rasa-actions', 'host.docker.internal', 'actions.default.svc.cluster.local', '10.0.0.5', '192.168.1.10', '172.20.0.2']) {
      assert.ok(isInternalHost(h), h);
    }
    for (const h of ['actions.example.com', '35.200.1.2', '172.32.0.1', 'my-bank.de']) assert.ok(!isInternalHost(h), h);
  });

  it('reads variables from a query string, not function names or literals', () => {
    const url = "https://api.x.com/u?email=${user.email}&n=${concat(user.firstName, 'x')}&id={customer_id}&p=$session.params.phone#${frag}";
    assert.deepStrictEqual(queryVariables(url, url.indexOf('?')), ['user.email', 'user.firstName', 'customer_id', 'session.params.phone']);
    assert.deepStrictEqual(queryVariables('https://x.com/a/${user.email}', -1), []);
    assert.deepStrictEqual(queryVariables("https://x.com/?k=${settings.key}&q='${x}'", 13), ['x']);
  });

  it('builds LG and Jinja masks from built-in functions', () => {
    assert.strictEqual(
      maskedExpression('${user.cardNumber}', 'lg'),
      "${if(length(string(user.cardNumber)) > 4, concat('****', substring(string(user.cardNumber), length(string(user.cardNumber)) - 4)), '****')}",
    );
    assert.strictEqual(maskedExpression('{{ iban }}', 'jinja'), "{{ '****' ~ ((iban)|string)[-4:] if ((iban)|string)|length > 4 else '****' }}");
    assert.strictEqual(maskedExpression('{iban}', 'rasa'), undefined);
  });
});

describe('pii support: what a number is called', () => {
  const phones = (t: string) => findLiterals(t, ['phone'], 'de').map((h) => h.value);
  const cards = (t: string) => findLiterals(t, ['card'], 'en').map((h) => h.value);

  it('skips national numbers labelled as something else, keeps phone-labelled and international ones', () => {
    assert.deepStrictEqual(phones('Meine Kundennummer ist 0171 4839271'), []);
    assert.deepStrictEqual(phones('Vertragsnr. 0171 4839271'), []);
    assert.deepStrictEqual(phones('order 0171 4839271 please'), []);
    assert.deepStrictEqual(phones('Meine Telefonnummer ist 0171 4839271'), ['0171 4839271']);
    assert.deepStrictEqual(phones('Rückrufnummer: 0171 4839271'), ['0171 4839271']);
    assert.deepStrictEqual(phones('Kundennummer, erreichbar unter 0171 4839271'), ['0171 4839271']);
    assert.deepStrictEqual(phones('Kundennummer +49 171 4839271'), ['+49 171 4839271']);
  });

  it('skips card-like numbers labelled as orders, keeps card-labelled ones', () => {
    assert.deepStrictEqual(cards('tracking number 4539 1488 0343 6467'), []);
    assert.deepStrictEqual(cards('Rechnungsnummer 4539148803436467'), []);
    assert.deepStrictEqual(cards('my card number is 4539 1488 0343 6467'), ['4539 1488 0343 6467']);
    assert.deepStrictEqual(cards('Kreditkartennummer 4539148803436467'), ['4539148803436467']);
  });
});

describe('pii rules: German', () => {
  it('every per-category and per-kind message has a German translation', () => {
    for (const t of [...Object.values(ECHO_MESSAGES), ...Object.values(LITERAL_MESSAGES)]) assert.ok(germanBundle[t], t);
  });

  it('every rule explains itself in English and German', () => {
    for (const rule of [piiEcho, piiTransfer, piiLiteral, piiNotice, piiSensitive]) {
      for (const lang of ['en', 'de'] as const) for (const k of ['title', 'why', 'fix'] as const) assert.ok(rule.explain[lang][k].length > 10, `${rule.id} ${lang} ${k}`);
      assert.ok(rule.sources.length > 0);
    }
  });
});
