/**
 * bias.wording through the real parsers: small realistic projects in each
 * format, parsed by BotProject and checked by the engine. The finding must
 * land on the word in the file, the quick fix must produce valid source in
 * the file's own syntax (quoted YAML, block scalars, .lg lines, JSON
 * strings), and training examples must stay silent.
 */
import * as assert from 'assert';
import { DEFAULT_CONFIG, layerConfig, type BotEthicsConfig } from '../../../server/src/core/config';
import { Checker } from '../../../server/src/core/engine';
import type { Finding } from '../../../server/src/core/findings';
import { BotProject } from '../../../server/src/core/project';
import { biasWording } from '../../../server/src/rules/bias-wording';
import { applyEdits } from '../../support/model-builder';

interface Seen {
  file: string;
  text: string;
  severity: string;
  /** the file after the rule's own quick fix, or undefined */
  fixed?: string;
}

function check(files: Record<string, string>, config: Partial<BotEthicsConfig> = {}): Seen[] {
  const project = new BotProject('/bot');
  for (const [rel, text] of Object.entries(files)) project.update(`/bot/${rel}`, text, 1);
  const byFile = new Checker([biasWording]).check(project.conversation(), layerConfig({ ...DEFAULT_CONFIG }, config));
  const out: Seen[] = [];
  for (const [file, list] of byFile) {
    const text = project.text(file)!;
    for (const f of list) out.push(seen(file.slice('/bot/'.length), text, f));
  }
  return out;
}

function seen(file: string, text: string, f: Finding): Seen {
  assert.ok(f.code === 'bias.wording', `${file}: unexpected ${f.code} ${JSON.stringify(f.message)}`);
  const own = f.fixes.find((x) => x.title.template === 'Replace with “{0}”');
  return { file, text: text.slice(f.start, f.end), severity: f.severity, fixed: own ? applyEdits(text, own.edits) : undefined };
}

describe('bias.wording through the format parsers', () => {
  it('Rasa: quoted, plain and block scalars; NLU examples are not bot text', () => {
    const domain = [
      'version: "3.1"',
      'intents:',
      '  - greet',
      'responses:',
      '  utter_greet:',
      '    - text: "Hi guys! I am the Swiftparcel assistant, a bot."',
      "    - text: 'Our salesman will call you today.'",
      '  utter_wait_de:',
      '    - text: Unsere Mitarbeiter helfen Ihnen gerne weiter, bitte warten Sie.',
      '  utter_blocked:',
      '    - text: |',
      '        Sorry, that address is blacklisted.',
      '        Please choose a pickup point.',
      '',
    ].join('\n');
    const nlu = ['version: "3.1"', 'nlu:', '- intent: greet', '  examples: |', '    - hey guys', '    - ich will einen Mitarbeiter', ''].join('\n');
    const got = check({ 'domain.yml': domain, 'data/nlu.yml': nlu });
    assert.deepStrictEqual(
      got.map((s) => [s.file, s.text, s.severity]),
      [
        ['domain.yml', 'guys', 'warning'],
        ['domain.yml', 'salesman', 'warning'],
        ['domain.yml', 'Mitarbeiter', 'warning'],
        ['domain.yml', 'blacklisted', 'warning'],
      ],
    );
    assert.ok(got[0].fixed!.includes('    - text: "Hi everyone! I am the Swiftparcel assistant, a bot."\n'));
    assert.ok(got[1].fixed!.includes("    - text: 'Our salesperson will call you today.'\n"));
    assert.ok(got[2].fixed!.includes('    - text: Unsere Mitarbeiter:innen helfen Ihnen gerne weiter, bitte warten Sie.\n'));
    assert.ok(got[3].fixed!.includes('        Sorry, that address is blocked.\n        Please choose a pickup point.\n'));
  });

  it('Rasa: the genderStyle of the config applies', () => {
    const domain = ['version: "3.1"', 'responses:', '  utter_de:', '    - text: "Ein Mitarbeiter meldet sich bei Ihnen, bitte haben Sie etwas Geduld."', ''].join('\n');
    const [pair] = check({ 'domain.yml': domain }, { genderStyle: 'pair' });
    assert.ok(pair.fixed!.includes('"Eine Mitarbeiterin oder ein Mitarbeiter meldet sich bei Ihnen, bitte haben Sie etwas Geduld."'));
    const [star] = check({ 'domain.yml': domain }, { genderStyle: 'star' });
    assert.ok(star.fixed!.includes('"Ein*e Mitarbeiter*in meldet sich bei Ihnen, bitte haben Sie etwas Geduld."'));
  });

  it('Bot Framework: .lg variations by locale; .lu utterances are not bot text', () => {
    const got = check({
      'language-generation/en-us/common.en-us.lg': '# Welcome\n- Hi guys, welcome to Northwind Travel!\n- Hello and welcome to Northwind Travel!\n',
      'language-generation/de-de/common.de-de.lg': '# Hilfe\n- Ein Mitarbeiter meldet sich gleich bei Ihnen.\n',
      'language-understanding/en-us/common.en-us.lu': '# Greet\n- hey guys\n- hi there\n',
    });
    assert.deepStrictEqual(
      got.map((s) => [s.file, s.text]),
      [
        ['language-generation/de-de/common.de-de.lg', 'Mitarbeiter'],
        ['language-generation/en-us/common.en-us.lg', 'guys'],
      ],
    );
    assert.strictEqual(got[0].fixed, '# Hilfe\n- Ein:e Mitarbeiter:in meldet sich gleich bei Ihnen.\n');
    assert.strictEqual(got[1].fixed, '# Welcome\n- Hi everyone, welcome to Northwind Travel!\n- Hello and welcome to Northwind Travel!\n');
  });

  it('Dialogflow ES: intent messages per language; user says files are not bot text', () => {
    const agent = JSON.stringify({ description: 'Shop', language: 'en', supportedLanguages: ['de'] }, null, 2);
    const intent = JSON.stringify(
      {
        id: 'i1',
        name: 'deals',
        responses: [
          {
            action: 'deals',
            parameters: [],
            messages: [
              { type: 0, lang: 'en', speech: 'That is a crazy deal, only for \u201cnew\u201d customers.' },
              { type: 0, lang: 'de', speech: 'Alle Kunden erhalten den Rabatt.' },
            ],
          },
        ],
        events: [],
      },
      null,
      2,
    );
    const says = JSON.stringify([{ id: 'u1', data: [{ text: 'show me the crazy deals guys', userDefined: false }], isTemplate: false, count: 0 }], null, 2);
    const got = check({ 'agent.json': agent, 'intents/deals.json': intent, 'intents/deals_usersays_en.json': says });
    assert.deepStrictEqual(
      got.map((s) => [s.file, s.text]),
      [
        ['intents/deals.json', 'crazy'],
        ['intents/deals.json', 'Kunden'],
      ],
    );
    assert.ok(got[0].fixed!.includes('"speech": "That is an unbelievable deal, only for \u201cnew\u201d customers."'));
    assert.ok(got[1].fixed!.includes('"speech": "Alle Kund:innen erhalten den Rabatt."'));
    assert.doesNotThrow(() => JSON.parse(got[0].fixed!));
  });

  it('Dialogflow CX: fulfillment texts per languageCode', () => {
    const agent = JSON.stringify({ displayName: 'Amt', defaultLanguageCode: 'de', supportedLanguageCodes: ['en'], startFlow: 'Default Start Flow' }, null, 2);
    const flow = JSON.stringify(
      {
        name: '00000000-0000-0000-0000-000000000000',
        displayName: 'Default Start Flow',
        transitionRoutes: [
          {
            intent: 'Default Welcome Intent',
            triggerFulfillment: {
              messages: [
                { text: { text: ['Willkommen! Ich bin der digitale Assistent der Stadt. Alle Antragsteller brauchen einen Termin.'] }, languageCode: 'de' },
                { text: { text: ['Welcome! I am the city\u2019s virtual assistant. Every chairman needs an appointment.'] }, languageCode: 'en' },
              ],
            },
            name: 'r1',
          },
        ],
      },
      null,
      2,
    );
    const got = check({ 'agent.json': agent, 'flows/Default Start Flow/Default Start Flow.json': flow });
    assert.deepStrictEqual(
      got.map((s) => [s.file, s.text]),
      [
        ['flows/Default Start Flow/Default Start Flow.json', 'Antragsteller'],
        ['flows/Default Start Flow/Default Start Flow.json', 'chairman'],
      ],
    );
    assert.ok(got[0].fixed!.includes('Alle Antragsteller:innen brauchen einen Termin.'));
    assert.ok(got[1].fixed!.includes('Every chair needs an appointment.'));
    assert.doesNotThrow(() => JSON.parse(got[1].fixed!));
  });
});
