/**
 * The example bots, checked through the built CLI: each planted problem is
 * found exactly where the rule catalogue says it is reported, and each
 * planted non-problem (a disclosure in the second greeting message, a prompt
 * with a purpose, a reserved e-mail domain, a fictional phone number, an
 * https endpoint...) is not. Rules are written concurrently: expectations on
 * a rule the build does not register yet are skipped with a loud warning.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cleanUp, copyExample, EXAMPLES, registeredRules, runCli, runJson, slice, type JsonFinding } from './support';

interface Expect {
  rule: string;
  file: string;
  /** the exact source text the finding covers */
  text: string;
  severity?: 'error' | 'warning' | 'info';
  /** findings of this rule on this text (default 1): a URL can be plain http AND carry PII in its query */
  count?: number;
}

const EXPECTED: Record<string, { found: Expect[]; notFound: Expect[] }> = {
  'rasa-en': {
    found: [
      { rule: 'disclosure.missing', file: 'domain.yml', text: 'Welcome back to Swiftparcel! Good to hear from you again.', severity: 'warning' },
      { rule: 'disclosure.impersonation', file: 'domain.yml', text: "Ha, what do you think? Either way, I'm here to sort out your delivery.", severity: 'error' },
      { rule: 'pii.echo', file: 'domain.yml', text: '{email}', severity: 'warning' },
      { rule: 'pii.transfer', file: 'endpoints.yml', text: 'http://actions.swiftparcel-logistics.com:5055/webhook', severity: 'error' },
      { rule: 'pii.literal', file: 'data/nlu.yml', text: 'daniel.okafor.1984@gmail.com', severity: 'warning' },
      { rule: 'pii.literal', file: 'data/nlu.yml', text: '+44 7824 519306', severity: 'warning' },
      { rule: 'pii.notice', file: 'domain.yml', text: "What's your email address?", severity: 'warning' },
      { rule: 'pii.sensitive', file: 'domain.yml', text: 'Do you have a disability or health condition that makes it hard for you to come to the door? Please describe it briefly.', severity: 'warning' },
      { rule: 'bias.wording', file: 'domain.yml', text: 'guys', severity: 'warning' },
      { rule: 'bias.wording', file: 'domain.yml', text: 'blacklist', severity: 'warning' },
      { rule: 'autonomy.pressure', file: 'domain.yml', text: 'Only today', severity: 'warning' },
      { rule: 'autonomy.pressure', file: 'domain.yml', text: 'Last chance', severity: 'warning' },
      { rule: 'autonomy.pressure', file: 'domain.yml', text: 'act now', severity: 'warning' },
    ],
    notFound: [
      { rule: 'disclosure.missing', file: 'domain.yml', text: 'Hi there, welcome to Swiftparcel!' },
      { rule: 'pii.echo', file: 'domain.yml', text: '{tracking_number}' },
      { rule: 'pii.literal', file: 'data/nlu.yml', text: 'jane.doe@example.com' },
      { rule: 'pii.literal', file: 'data/nlu.yml', text: '07700 900123' },
      { rule: 'pii.literal', file: 'domain.yml', text: '0800 046 1234' },
      { rule: 'pii.notice', file: 'domain.yml', text: 'Please give us a phone number so that our driver can call you shortly before the delivery.' },
      { rule: 'pii.transfer', file: 'config.yml', text: 'http://localhost:8000' },
    ],
  },
  'rasa-de': {
    found: [
      { rule: 'disclosure.missing', file: 'domain.yml', text: 'Hallo und herzlich willkommen bei den Stadtwerken Musterstadt! Wie kann ich Ihnen helfen?' },
      { rule: 'disclosure.missing', file: 'domain.yml', text: 'Guten Tag! Schön, dass Sie da sind. Was kann ich heute für Sie tun?' },
      { rule: 'disclosure.impersonation', file: 'domain.yml', text: 'Was glauben Sie denn? Hauptsache, ich kann Ihnen weiterhelfen.', severity: 'error' },
      { rule: 'pii.echo', file: 'domain.yml', text: '{iban}', severity: 'error' },
      { rule: 'pii.echo', file: 'domain.yml', text: '{email}', severity: 'warning' },
      { rule: 'pii.literal', file: 'data/nlu.yml', text: 'DE45 7605 0101 0438 1229 07' },
      { rule: 'pii.literal', file: 'data/nlu.yml', text: 'sabine.hoffmann71@web.de' },
      { rule: 'pii.notice', file: 'domain.yml', text: 'Wie lautet Ihre IBAN?' },
      {
        rule: 'pii.sensitive',
        file: 'domain.yml',
        text: 'Ist in Ihrem Haushalt jemand auf lebenserhaltende medizinische Geräte angewiesen, zum Beispiel ein Beatmungsgerät? Bitte beschreiben Sie kurz die Erkrankung.',
      },
      { rule: 'bias.wording', file: 'domain.yml', text: 'Kunden' },
      { rule: 'bias.wording', file: 'domain.yml', text: 'Benutzer' },
      // the example's config raises autonomy.pressure to error
      { rule: 'autonomy.pressure', file: 'domain.yml', text: 'Nur heute', severity: 'error' },
      { rule: 'autonomy.pressure', file: 'domain.yml', text: 'Letzte Chance', severity: 'error' },
      { rule: 'autonomy.pressure', file: 'domain.yml', text: 'ich zahle lieber mehr', severity: 'error' },
      { rule: 'autonomy.handoff', file: 'domain.yml', text: 'version: "3.1"', severity: 'info' },
    ],
    notFound: [
      { rule: 'pii.echo', file: 'domain.yml', text: '{zaehlerstand}' },
      { rule: 'pii.literal', file: 'data/nlu.yml', text: 'DE00 1234 5678 9012 3456 78' },
      { rule: 'pii.literal', file: 'data/nlu.yml', text: 'max.mustermann@example.com' },
      { rule: 'pii.notice', file: 'domain.yml', text: 'Damit wir Ihnen die Bestätigung schicken können: Wie lautet Ihre E-Mail-Adresse?' },
      { rule: 'pii.transfer', file: 'endpoints.yml', text: 'https://actions.stadtwerke-musterstadt.internal/webhook' },
    ],
  },
  'botframework-en': {
    found: [
      { rule: 'disclosure.missing', file: 'language-generation/en-us/northwindtravel.en-us.lg', text: "Hi, I'm Alex from Northwind Travel! Where would you like to go?" },
      { rule: 'disclosure.missing', file: 'language-generation/en-us/northwindtravel.en-us.lg', text: "Hello and welcome to Northwind Travel! I'm Alex. Ready to plan your next trip?" },
      { rule: 'disclosure.impersonation', file: 'language-generation/en-us/northwindtravel.en-us.lg', text: "I'm not a bot" },
      { rule: 'pii.echo', file: 'dialogs/booktrip/language-generation/en-us/booktrip.en-us.lg', text: '${user.email}' },
      { rule: 'pii.transfer', file: 'dialogs/booktrip/booktrip.dialog', text: 'http://api.northwind-travel.net/v1/bookings?email=${user.email}', count: 2 },
      { rule: 'pii.literal', file: 'language-understanding/en-us/northwindtravel.en-us.lu', text: 'tom.hadley.77@outlook.com' },
      { rule: 'pii.notice', file: 'dialogs/booktrip/language-generation/en-us/booktrip.en-us.lg', text: "What's your email address?" },
      { rule: 'bias.wording', file: 'dialogs/booktrip/language-generation/en-us/booktrip.en-us.lg', text: 'guys' },
      { rule: 'autonomy.pressure', file: 'dialogs/booktrip/language-generation/en-us/booktrip.en-us.lg', text: 'Last chance' },
      { rule: 'autonomy.handoff', file: 'northwindtravel.dialog', text: '{' },
    ],
    notFound: [{ rule: 'pii.echo', file: 'dialogs/booktrip/language-generation/en-us/booktrip.en-us.lg', text: '${dialog.destination}' }],
  },
  'dialogflow-cx-de': {
    found: [
      { rule: 'disclosure.missing', file: 'flows/Default Start Flow/Default Start Flow.json', text: 'Willkommen beim Bürgerservice der Stadt Musterstadt! Wie kann ich Ihnen helfen?' },
      { rule: 'disclosure.missing', file: 'flows/Default Start Flow/Default Start Flow.json', text: 'Hallo! Schön, dass Sie da sind. Möchten Sie einen Termin im Bürgerbüro buchen?' },
      { rule: 'pii.echo', file: 'flows/Default Start Flow/pages/Termin buchen.json', text: '$session.params.email' },
      { rule: 'pii.transfer', file: 'webhooks/terminbuchung.json', text: 'http://termine.musterstadt-verwaltung.de/api/buchung', severity: 'error' },
      // the e-mail parameter goes to the webhook without "redact": true (the telefon parameter has it)
      { rule: 'pii.transfer', file: 'flows/Default Start Flow/pages/Termin buchen.json', text: '"email"', severity: 'warning' },
      { rule: 'pii.literal', file: 'intents/termin.buchen/trainingPhrases/de.json', text: '0171 4839271' },
      { rule: 'pii.notice', file: 'flows/Default Start Flow/pages/Termin buchen.json', text: 'Wie lautet Ihre E-Mail-Adresse?' },
      { rule: 'bias.wording', file: 'flows/Default Start Flow/pages/Termin buchen.json', text: 'Antragsteller' },
    ],
    notFound: [
      { rule: 'disclosure.impersonation', file: 'flows/Default Start Flow/Default Start Flow.json', text: 'Ich bin ein Chatbot, also ein automatisiertes System und kein Mensch. Wenn Sie möchten, verbinde ich Sie mit dem Bürgerbüro.' },
      { rule: 'pii.notice', file: 'flows/Default Start Flow/pages/Termin buchen.json', text: 'Damit wir Sie bei Terminänderungen erreichen können: Unter welcher Telefonnummer sind Sie erreichbar?' },
    ],
  },
};

const fileTexts = new Map<string, string>();
function covered(example: string, f: { file: string; range: JsonFinding['range'] }): string {
  const p = path.join(EXAMPLES, example, f.file);
  let text = fileTexts.get(p);
  if (text === undefined) {
    text = fs.readFileSync(p, 'utf8').replace(/^\ufeff/, '');
    fileTexts.set(p, text);
  }
  return slice(text, f.range);
}

describe('CLI: the example bots', () => {
  const rules = registeredRules();
  after(cleanUp);

  for (const [example, { found, notFound }] of Object.entries(EXPECTED)) {
    describe(`examples/${example}`, () => {
      let findings: JsonFinding[] = [];
      before(() => {
        const { json } = runJson(['check', '.'], { cwd: path.join(EXAMPLES, example) });
        findings = json.findings;
      });

      it('every file parses', () => {
        assert.deepStrictEqual(findings.filter((f) => f.rule === 'parse.error' || f.rule === 'config.error'), []);
      });

      for (const e of found) {
        it(`finds ${e.rule} on ${JSON.stringify(e.text)} in ${e.file}`, function () {
          if (!rules.has(e.rule)) {
            console.warn(`      ⚠ ${e.rule} is not registered yet: not checked`);
            this.skip();
          }
          const hits = findings.filter((f) => f.rule === e.rule && f.file === e.file && covered(example, f) === e.text);
          const sameRule = findings.filter((f) => f.rule === e.rule).map((f) => `${f.file}: ${JSON.stringify(covered(example, f))}`);
          assert.strictEqual(hits.length, e.count ?? 1, `expected ${e.count ?? 1} ${e.rule} on ${JSON.stringify(e.text)}; ${e.rule} findings: ${sameRule.join(' | ') || 'none'}`);
          if (e.severity) assert.strictEqual(hits[0].severity, e.severity);
        });
      }
      for (const e of notFound) {
        it(`does not report ${e.rule} on ${JSON.stringify(e.text)}`, function () {
          if (!rules.has(e.rule)) this.skip();
          const hits = findings.filter((f) => f.rule === e.rule && f.file === e.file && covered(example, f).includes(e.text));
          assert.deepStrictEqual(hits.map((f) => covered(example, f)), []);
        });
      }
    });
  }

  it('--lang de: every message and fix title of every example is German', function () {
    if (!rules.size) this.skip();
    for (const example of Object.keys(EXPECTED)) {
      const cwd = path.join(EXAMPLES, example);
      const en = runJson(['check', '.'], { cwd }).json.findings;
      const de = runJson(['check', '.', '--lang', 'de'], { cwd }).json.findings;
      assert.strictEqual(de.length, en.length);
      de.forEach((f, i) => {
        assert.notStrictEqual(f.message, en[i].message, `${example}: untranslated message ${JSON.stringify(f.message)}`);
        f.fixes.forEach((fix, k) => assert.notStrictEqual(fix.title, en[i].fixes[k].title, `${example}: untranslated fix ${JSON.stringify(fix.title)}`));
      });
    }
  });

  it('rasa-de: the config’s ignore skips tests/ and its rule severities apply', function () {
    const { json } = runJson(['check', '.'], { cwd: path.join(EXAMPLES, 'rasa-de') });
    assert.ok(!json.findings.some((f) => f.file.startsWith('tests/')));
    assert.strictEqual(json.files, 6, 'config, credentials are not bot files; domain, endpoints, config.yml, nlu, rules, stories are');
  });

  it('`check examples` checks each example as its own project', function () {
    if (!rules.has('autonomy.handoff')) this.skip();
    const { json } = runJson(['check', 'examples']);
    const handoff = json.findings.filter((f) => f.rule === 'autonomy.handoff').map((f) => f.file);
    assert.deepStrictEqual(handoff, ['examples/botframework-en/northwindtravel.dialog', 'examples/rasa-de/domain.yml']);
  });

  it('a folder inside a project is checked within the whole project (rasa-de/data)', function () {
    const { json } = runJson(['check', 'examples/rasa-de/data']);
    assert.strictEqual(json.files, 3);
    assert.ok(json.findings.every((f) => f.file.startsWith('examples/rasa-de/data/')), 'only files of the folder are reported');
    if (!rules.has('autonomy.handoff')) this.skip();
    // the project-wide finding belongs to domain.yml, outside the folder: a data-only project would put it on data/nlu.yml
    assert.deepStrictEqual(json.findings.filter((f) => f.rule === 'autonomy.handoff'), []);
  });

  it('exit codes follow --fail-on on a real bot', function () {
    if (!rules.has('autonomy.handoff') || !rules.has('bias.wording')) this.skip();
    // rasa-de has an info (handoff), warnings and errors; suppress everything but the info finding
    const root = copyExample('rasa-de');
    const cfg = path.join(root, '.bot-ethics.yml');
    const only = (rule: string) => `rules:\n${[...rules].map((r) => `  ${r}: ${r === rule ? 'info' : 'off'}`).join('\n')}\n`;
    fs.writeFileSync(cfg, only('autonomy.handoff'));
    assert.strictEqual(runCli(['check', root]).status, 0);
    assert.strictEqual(runCli(['check', root, '--fail-on', 'warning']).status, 0);
    assert.strictEqual(runCli(['check', root, '--fail-on', 'info']).status, 1);
    fs.writeFileSync(cfg, only('autonomy.handoff').replace('bias.wording: off', 'bias.wording: warning'));
    assert.strictEqual(runCli(['check', root]).status, 0);
    assert.strictEqual(runCli(['check', root, '--fail-on', 'warning']).status, 1);
  });

  it('Dialogflow CX: a `<glob>#<rule>` entry suppresses the rule in that file only, and the quick fix writes such an entry', function () {
    if (!rules.has('pii.transfer')) this.skip();
    const root = copyExample('dialogflow-cx-de');
    const transfer = () => runJson(['check', '.'], { cwd: root }).json.findings.filter((f) => f.rule === 'pii.transfer' && f.file === 'webhooks/terminbuchung.json');
    const [finding] = transfer();
    assert.ok(finding, 'the example has a pii.transfer finding on the webhook');
    // no config yet: the suppression fix creates .bot-ethics.yml
    const fix = finding.fixes.find((f) => f.edits.some((e) => e.file === '.bot-ethics.yml'));
    assert.ok(fix, `a fix editing .bot-ethics.yml among ${JSON.stringify(finding.fixes.map((f) => f.title))}`);
    assert.deepStrictEqual(fix.edits, [{ file: '.bot-ethics.yml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'ignore:\n  - "webhooks/terminbuchung.json#pii.transfer"\n' }]);
    fs.writeFileSync(path.join(root, '.bot-ethics.yml'), fix.edits[0].newText);
    assert.deepStrictEqual(transfer(), []);
    // other rules in that file and the rule elsewhere still report
    fs.writeFileSync(path.join(root, '.bot-ethics.yml'), 'ignore:\n  - "webhooks/*.json#pii.echo"\n');
    assert.strictEqual(transfer().length, 1);
  });

  it('text output on the README’s first command', function () {
    if (!rules.size) this.skip();
    const r = runCli(['check', 'examples/rasa-en']);
    assert.strictEqual(r.status, 1, 'rasa-en has errors (impersonation, transfer)');
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines.slice(0, -1)) assert.match(line, /^examples\/rasa-en\/[\w/.-]+:\d+:\d+ (error|warning|info) [a-z]+\.[a-z]+ \S.*$/);
    assert.match(lines[lines.length - 1], /^\d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\) in 6 files$/);
  });
});
