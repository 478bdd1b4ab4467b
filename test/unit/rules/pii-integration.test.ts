/**
 * The pii.* rules through the real parsers: small bot projects in each
 * format (test/fixtures/rules/pii/), parsed by core/project.ts and checked by
 * core/engine.ts, so that placeholders, prompts, endpoints, examples and
 * fixes are what users will see.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG, type BotEthicsConfig } from '../../../server/src/core/config';
import { Checker } from '../../../server/src/core/engine';
import { BotProject } from '../../../server/src/core/project';
import { piiEcho } from '../../../server/src/rules/pii-echo';
import { piiLiteral } from '../../../server/src/rules/pii-literal';
import { piiNotice } from '../../../server/src/rules/pii-notice';
import { piiSensitive } from '../../../server/src/rules/pii-sensitive';
import { piiTransfer } from '../../../server/src/rules/pii-transfer';
import { checkFixture, filesOf, findingAndFix, fixturesDir, type CheckedFixture } from '../../support/fixture-project';
import { applyEdits } from '../../support/model-builder';

const FIXTURES = fixturesDir('rules/pii');
const RULES = [piiEcho, piiTransfer, piiLiteral, piiNotice, piiSensitive];

const check = (name: string, config: Partial<BotEthicsConfig> = {}) => checkFixture('rules/pii', name, RULES, config);

/** The file text after applying the fix with this title of the finding on `covered`. */
function afterFix(c: CheckedFixture, rule: string, covered: string, title: string): string {
  const { fix } = findingAndFix(c, rule, covered, (t) => t === title);
  return applyEdits(c.project.text(fix.edits[0].file)!, fix.edits);
}

describe('pii rules through the parsers', () => {
  it('Rasa: echo, transfer, literal, notice and sensitive where the catalogue says', () => {
    const c = check('rasa');
    assert.deepStrictEqual(c.rows, [
      ['pii.literal', 'data/nlu.yml', 'daniel.okafor.1984@gmail.com', 'warning'],
      ['pii.literal', 'data/nlu.yml', '+44 7824 519306', 'warning'],
      ['pii.literal', 'data/nlu.yml', 'DE44 5001 0517 5407 3249 31', 'warning'],
      ['pii.notice', 'domain.yml', "What's your email address?", 'warning'],
      ['pii.notice', 'domain.yml', 'What is your diagnosis?', 'warning'],
      ['pii.sensitive', 'domain.yml', 'What is your diagnosis?', 'warning'],
      ['pii.echo', 'domain.yml', '{iban}', 'error'],
      ['pii.echo', 'domain.yml', '{email}', 'warning'],
      ['pii.literal', 'domain.yml', 'anna.schmidt@acme-insurance.de', 'warning'],
      ['pii.transfer', 'endpoints.yml', 'http://actions.acme-insurance.de:5055/webhook', 'error'],
    ]);
    assert.ok(afterFix(c, 'pii.transfer', 'http://actions.acme-insurance.de:5055/webhook', 'Switch to https://').includes('  url: "https://actions.acme-insurance.de:5055/webhook"\n'));
    assert.ok(afterFix(c, 'pii.echo', '{iban}', 'Remove {0} from the message').includes('- text: "Done! The refund goes to, confirmation to {email}."\n'));
    assert.ok(afterFix(c, 'pii.literal', 'DE44 5001 0517 5407 3249 31', 'Replace with {0}').includes('- my IBAN is [DE89 3704 0044 0532 0130 00](iban)\n'));
    assert.ok(afterFix(c, 'pii.notice', "What's your email address?", 'Add a purpose and privacy sentence').includes(`- text: "What's your email address? We use this only to handle your request."\n`));
  });

  it('Rasa: config severities and off apply to every pii rule finding', () => {
    const c = check('rasa', { rules: { 'pii.literal': 'off', 'pii.echo': 'info' } });
    assert.ok(!c.rows.some((r) => r[0] === 'pii.literal'));
    assert.deepStrictEqual(c.rows.filter((r) => r[0] === 'pii.echo').map((r) => r[3]), ['info', 'info']);
  });

  it('Bot Framework: LG placeholders and prompts, the HttpRequest URL in the .dialog, LU examples', () => {
    const c = check('bf');
    assert.deepStrictEqual(c.rows, [
      ['pii.transfer', 'dialogs/signup/booking.dialog', 'http://api.northwind-travel.example.net/v1/bookings?email=${user.email}', 'error'],
      ['pii.transfer', 'dialogs/signup/booking.dialog', 'http://api.northwind-travel.example.net/v1/bookings?email=${user.email}', 'error'],
      ['pii.notice', 'language-generation/en-us/northwind.en-us.lg', "What's your email address?", 'warning'],
      ['pii.echo', 'language-generation/en-us/northwind.en-us.lg', '${user.cardNumber}', 'error'],
      ['pii.echo', 'language-generation/en-us/northwind.en-us.lg', '${user.email}', 'warning'],
      ['pii.literal', 'language-understanding/en-us/northwind.en-us.lu', 'tom.hadley.77@outlook.com', 'warning'],
    ]);
    const masked = afterFix(c, 'pii.echo', '${user.cardNumber}', 'Show only the last 4 characters of {0}');
    assert.ok(masked.includes("- Booked! Card ${if(length(string(user.cardNumber)) > 4, concat('****', substring(string(user.cardNumber), length(string(user.cardNumber)) - 4)), '****')} was charged, tickets go to ${user.email}.\n"));
    // the masked template parses and is not reported again
    const again = new BotProject('again');
    again.update('a.en-us.lg', masked, 1);
    const echo = new Checker([piiEcho]).check(again.conversation(), DEFAULT_CONFIG).get('a.en-us.lg')!;
    assert.deepStrictEqual(echo.map((f) => masked.slice(f.start, f.end)), ['${user.email}']);
    assert.ok(afterFix(c, 'pii.transfer', 'http://api.northwind-travel.example.net/v1/bookings?email=${user.email}', 'Switch to https://').includes('"url": "https://api.northwind-travel.example.net/v1/bookings?email=${user.email}"'));
    assert.ok(afterFix(c, 'pii.literal', 'tom.hadley.77@outlook.com', 'Replace with {0}').includes('- book a trip for {@email=jane.doe@example.com}\n'));
  });

  it('Dialogflow ES: the agent webhook, parameter prompts, $param in speech, usersays', () => {
    const c = check('es');
    assert.deepStrictEqual(c.rows, [
      ['pii.transfer', 'agent.json', 'http://hooks.stadtwerke-beispiel.de/dialogflow', 'error'],
      ['pii.notice', 'intents/zaehlerstand.json', 'Wie lautet Ihre E-Mail-Adresse?', 'warning'],
      ['pii.echo', 'intents/zaehlerstand.json', '$email', 'warning'],
      ['pii.literal', 'intents/zaehlerstand_usersays_de.json', 'sabine.hoffmann71@web.de', 'warning'],
      ['pii.literal', 'intents/zaehlerstand_usersays_de.json', '0171 4839271', 'warning'],
    ]);
    assert.ok(afterFix(c, 'pii.notice', 'Wie lautet Ihre E-Mail-Adresse?', 'Add a purpose and privacy sentence').includes('"value": "Wie lautet Ihre E-Mail-Adresse? Wir verwenden diese Angabe nur zur Bearbeitung Ihres Anliegens."'));
    assert.ok(afterFix(c, 'pii.echo', '$email', 'Remove {0} from the message').includes('"speech": "Danke! Die Bestätigung geht an."'));
    assert.ok(afterFix(c, 'pii.literal', '0171 4839271', 'Replace with {0}').includes('"text": "Rufen Sie mich an: 030 1234567"'));
  });

  it('Dialogflow CX: form prompts, unredacted parameter sent to a webhook, PII in the webhook query', () => {
    const c = check('cx');
    assert.deepStrictEqual(c.rows, [
      ['pii.transfer', 'flows/Default Start Flow/pages/Termin.json', '"email"', 'warning'],
      ['pii.notice', 'flows/Default Start Flow/pages/Termin.json', 'Wie lautet Ihre E-Mail-Adresse?', 'warning'],
      ['pii.notice', 'flows/Default Start Flow/pages/Termin.json', 'Haben Sie Vorerkrankungen, die wir beim Termin berücksichtigen sollten?', 'warning'],
      ['pii.sensitive', 'flows/Default Start Flow/pages/Termin.json', 'Haben Sie Vorerkrankungen, die wir beim Termin berücksichtigen sollten?', 'warning'],
      ['pii.echo', 'flows/Default Start Flow/pages/Termin.json', '$session.params.email', 'warning'],
      ['pii.literal', 'intents/termin/trainingPhrases/de.json', '0171 4839271', 'warning'],
      ['pii.transfer', 'webhooks/termine.json', 'https://termine.buergerservice-beispiel.de/api/buchung?mail=$session.params.email', 'error'],
    ]);
    assert.ok(afterFix(c, 'pii.echo', '$session.params.email', 'Remove {0} from the message').includes('"Danke, die Bestätigung geht an."'));
  });

  it('Rasa: a privacy link in the greeting silences pii.notice, pii.sensitive stays', () => {
    const root = path.join(FIXTURES, 'rasa');
    const project = new BotProject(root);
    for (const f of filesOf(root)) {
      let text = fs.readFileSync(path.join(root, f), 'utf8');
      if (f === 'domain.yml') text = text.replace("I'm the Acme Insurance virtual assistant.", "I'm the Acme Insurance virtual assistant. Privacy: https://acme-insurance.example.com/privacy");
      project.update(f, text, 1);
    }
    const byFile = new Checker([piiNotice, piiSensitive]).check(project.conversation(), DEFAULT_CONFIG);
    assert.deepStrictEqual([...byFile.values()].flat().map((f) => f.code), ['pii.sensitive'], 'pii.sensitive is still reported');
  });
});
