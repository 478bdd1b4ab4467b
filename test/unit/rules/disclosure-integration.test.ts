/**
 * The disclosure and autonomy rules through the real parsers: small bot
 * projects in each format (test/fixtures/rules/disclosure/), parsed by
 * core/project.ts and checked by core/engine.ts, so that greetings, bot
 * challenges, handoffs, buttons and fixes are what users will see.
 */
import * as assert from 'assert';
import type { BotEthicsConfig } from '../../../server/src/core/config';
import { autonomyHandoff } from '../../../server/src/rules/autonomy-handoff';
import { autonomyPressure } from '../../../server/src/rules/autonomy-pressure';
import { disclosureImpersonation } from '../../../server/src/rules/disclosure-impersonation';
import { disclosureMissing } from '../../../server/src/rules/disclosure-missing';
import { checkFixture, findingAndFix, type CheckedFixture } from '../../support/fixture-project';
import { applyEdits } from '../../support/model-builder';

const RULES = [disclosureMissing, disclosureImpersonation, autonomyHandoff, autonomyPressure];

const check = (name: string, config: Partial<BotEthicsConfig> = {}) => checkFixture('rules/disclosure', name, RULES, config, true);

/** The line of `covered` after applying the finding's fix whose title starts with `title`. */
function fixedLine(c: CheckedFixture, rule: string, covered: string, title: string): string {
  const { finding: f, fix } = findingAndFix(c, rule, covered, (t) => t.startsWith(title));
  const before = c.project.text(fix.edits[0].file)!;
  const after = applyEdits(before, fix.edits);
  const lineStart = before.lastIndexOf('\n', f.start - 1) + 1;
  const lineEnd = before.indexOf('\n', f.end);
  return after.slice(lineStart, lineEnd + after.length - before.length).trim();
}

describe('disclosure and autonomy rules through the parsers', () => {
  it('Rasa (English): greeting, evasive answer, human claim, pressure, no handoff', () => {
    const c = check('rasa-en');
    assert.deepStrictEqual(c.rows, [
      ['autonomy.handoff', 'domain.yml', 'version: "3.1"', 'info'],
      ['autonomy.pressure', 'domain.yml', 'Only today', 'warning'],
      ['autonomy.pressure', 'domain.yml', 'Act now', 'warning'],
      ['autonomy.pressure', 'domain.yml', "I don't like saving money", 'warning'],
      ['disclosure.impersonation', 'domain.yml', 'What do you think?', 'error'],
      ['disclosure.impersonation', 'domain.yml', "I'm a real person", 'error'],
      ['disclosure.missing', 'domain.yml', 'Hi! Welcome to Brightline Mobile.', 'warning'],
    ]);
    assert.strictEqual(fixedLine(c, 'disclosure.missing', 'Hi! Welcome to Brightline Mobile.', 'Add the disclosure'), "- text: Hi! I'm a virtual assistant. Welcome to Brightline Mobile.");
    assert.strictEqual(fixedLine(c, 'disclosure.impersonation', 'What do you think?', 'Replace with the honest answer'), "- text: I'm a virtual assistant, not a human.");
    assert.strictEqual(fixedLine(c, 'disclosure.impersonation', "I'm a real person", 'Replace with the honest answer'), "- text: Don't worry, I'm a virtual assistant, not a human. Your data is safe with me.");
    // the suppression comment goes above the list item, in YAML comment syntax
    const suppress = c.findings[0].fixes.find((x) => x.title.template === 'Suppress {0} on the next line');
    assert.ok(suppress && suppress.edits[0].newText.includes('# bot-ethics-disable-next-line autonomy.handoff'));
  });

  it('Rasa (German): the intro covers the greeting, a handoff text counts, German fixes', () => {
    const c = check('rasa-de');
    assert.deepStrictEqual(c.rows, [
      ['autonomy.pressure', 'domain.yml', 'Nur heute', 'warning'],
      ['autonomy.pressure', 'domain.yml', 'letzte Chance', 'warning'],
      ['autonomy.pressure', 'domain.yml', 'ich zahle lieber mehr', 'warning'],
      ['disclosure.impersonation', 'domain.yml', 'Das bleibt mein Geheimnis.', 'error'],
      ['disclosure.impersonation', 'domain.yml', 'Ich bin kein Bot', 'error'],
    ]);
    assert.strictEqual(fixedLine(c, 'disclosure.impersonation', 'Das bleibt mein Geheimnis.', 'Replace with the honest answer'), '- text: Ich bin ein virtueller Assistent, kein Mensch.');
    assert.strictEqual(fixedLine(c, 'disclosure.impersonation', 'Ich bin kein Bot', 'Replace with the honest answer'), '- text: Ich bin ein virtueller Assistent, kein Mensch.');
  });

  it('Bot Framework: findings land on the .lg text the dialog sends, a SendHandoffActivity counts', () => {
    const c = check('bf');
    const lg = 'language-generation/en-us/northwind.en-us.lg';
    assert.deepStrictEqual(c.rows, [
      ['autonomy.pressure', lg, 'Last chance', 'warning'],
      ['autonomy.pressure', lg, 'for a limited time', 'warning'],
      ['disclosure.impersonation', lg, "I'm not a bot", 'error'],
      ['disclosure.impersonation', lg, "Does it matter? Let's plan your trip.", 'error'],
      ['disclosure.missing', lg, "Hi, I'm Alex from Northwind Travel! Where would you like to go?", 'warning'],
      ['disclosure.missing', lg, 'Hello there!', 'warning'],
    ]);
    assert.strictEqual(fixedLine(c, 'disclosure.missing', 'Hello there!', 'Add the disclosure'), "- Hello there! I'm a virtual assistant.");
    assert.strictEqual(fixedLine(c, 'disclosure.missing', "Hi, I'm Alex from Northwind Travel! Where would you like to go?", 'Add the disclosure'), "- Hi, I'm Alex from Northwind Travel! I'm a virtual assistant. Where would you like to go?");
    const suppress = c.findings[0].fixes.find((x) => x.title.template === 'Suppress {0} on the next line');
    assert.ok(suppress && suppress.edits[0].newText.includes('> bot-ethics-disable-next-line autonomy.pressure'));
  });

  it('Dialogflow ES: welcome intent, smalltalk bot question, quick replies, no handoff on agent.json', () => {
    const c = check('es');
    assert.deepStrictEqual(c.rows, [
      ['autonomy.handoff', 'agent.json', '{', 'info'],
      ['autonomy.pressure', 'intents/savings.offer.json', 'Hurry', 'warning'],
      ['autonomy.pressure', 'intents/savings.offer.json', 'expires soon', 'warning'],
      ['autonomy.pressure', 'intents/savings.offer.json', 'I prefer paying full price', 'warning'],
      ['disclosure.impersonation', 'intents/smalltalk.agent.are_you_a_bot.json', "That's for me to know.", 'error'],
      ['disclosure.missing', 'intents/Default Welcome Intent.json', 'Hi! How can I help you today?', 'warning'],
    ]);
    assert.strictEqual(
      fixedLine(c, 'disclosure.missing', 'Hi! How can I help you today?', 'Add the disclosure'),
      `"messages": [{ "type": 0, "lang": "en", "speech": ["Hi! I'm a virtual assistant. How can I help you today?", "Hello! I'm the Greenleaf Bank virtual assistant."] }]`,
    );
  });

  it('Dialogflow CX: welcome route, bot_challenge route, human claim and pressure in German; a handoff route counts', () => {
    const c = check('cx');
    const flow = 'flows/Default Start Flow/Default Start Flow.json';
    assert.deepStrictEqual(c.rows, [
      ['autonomy.pressure', flow, 'Schnell sein', 'warning'],
      ['autonomy.pressure', flow, 'nur noch 2 verfügbar', 'warning'],
      ['disclosure.impersonation', flow, 'Was meinen Sie?', 'error'],
      ['disclosure.impersonation', flow, 'Hier schreibt ein echter Mensch', 'error'],
      ['disclosure.missing', flow, 'Willkommen beim Bürgerservice! Wie kann ich helfen?', 'warning'],
    ]);
    assert.strictEqual(fixedLine(c, 'disclosure.missing', 'Willkommen beim Bürgerservice! Wie kann ich helfen?', 'Add the disclosure'), '"text": { "text": [ "Willkommen beim Bürgerservice! Ich bin ein digitaler Assistent (KI). Wie kann ich helfen?" ] },');
    assert.strictEqual(fixedLine(c, 'disclosure.impersonation', 'Hier schreibt ein echter Mensch', 'Replace with the honest answer'), '"text": { "text": [ "Ich bin ein virtueller Assistent, kein Mensch." ] },');
  });

  it('the config raises and switches off these rules in every format', () => {
    const c = check('rasa-en', { rules: { 'autonomy.pressure': 'error', 'disclosure.missing': 'off', 'autonomy.handoff': 'off' } });
    assert.deepStrictEqual(
      c.rows.map((r) => [r[0], r[3]]),
      [
        ['autonomy.pressure', 'error'],
        ['autonomy.pressure', 'error'],
        ['autonomy.pressure', 'error'],
        ['disclosure.impersonation', 'error'],
        ['disclosure.impersonation', 'error'],
      ],
    );
  });
});
