/**
 * The disclosure and autonomy rules on real bot projects (third-party,
 * read-only, never copied into the project): every project is checked
 * without throwing, every finding lands inside its file, and what we know
 * about these bots holds — the demos with a human handoff are not told they
 * lack one, the `rasa init` bot's honest "I am a bot" answer is accepted, a
 * "thank → You're welcome" response is no greeting, and no real bot is
 * accused of pressure or of claiming to be human.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../../server/src/core/config';
import { Checker } from '../../../server/src/core/engine';
import type { Finding } from '../../../server/src/core/findings';
import { BotProject } from '../../../server/src/core/project';
import { collectBotFiles } from '../../../server/src/node/workspace';
import { autonomyHandoff } from '../../../server/src/rules/autonomy-handoff';
import { autonomyPressure } from '../../../server/src/rules/autonomy-pressure';
import { disclosureImpersonation } from '../../../server/src/rules/disclosure-impersonation';
import { disclosureMissing } from '../../../server/src/rules/disclosure-missing';
import { CORPUS } from '../../support/corpus';

const RULES = [disclosureMissing, disclosureImpersonation, autonomyHandoff, autonomyPressure];

interface Checked {
  project: BotProject;
  findings: Finding[];
}

const cache = new Map<string, Checked>();

/** Reads one project folder as the CLI does and runs the four rules. */
async function check(relative: string): Promise<Checked> {
  const known = cache.get(relative);
  if (known) return known;
  const root = path.join(CORPUS, relative);
  const project = new BotProject(root);
  for (const file of await collectBotFiles(root, { ignore: [] })) project.update(file, fs.readFileSync(file, 'utf8'), 1);
  const byFile = new Checker(RULES).check(project.conversation(), { ...DEFAULT_CONFIG });
  const checked = { project, findings: [...byFile.values()].flat() };
  cache.set(relative, checked);
  return checked;
}

const of = (c: Checked, rule: string) => c.findings.filter((f) => f.code === rule);

const PROJECTS = [
  'RasaHQ__rasa-demo',
  'RasaHQ__financial-demo',
  'RasaHQ__helpdesk-assistant',
  'RasaHQ__carbon-bot',
  'RasaHQ__medicare_locator',
  'RasaHQ__rasa/rasa/cli/initial_project',
  'RasaHQ__rasa/examples/moodbot_calm',
  'RasaHQ__tutorial-migrating-dialogflow-to-rasa/dialogflow-assistant',
  'robo-ai__roboai-demo-faq-chatbot/bot/languages/en',
  'robo-ai__roboai-demo-faq-chatbot/bot/languages/de',
  'GoogleCloudPlatform__contact-center-ai-samples/blood-donation-agent',
  'GoogleCloudPlatform__contact-center-ai-samples/goodbye-graffiti-agent',
  'microsoft__BotBuilder-Samples',
];

describe('disclosure and autonomy rules on the real corpus', function () {
  this.timeout(120000);

  before(function () {
    if (!fs.existsSync(CORPUS)) {
      console.warn(`\n  !!! WARNING: corpus not found at ${CORPUS}; set BOT_ETHICS_CORPUS. Skipping the disclosure/autonomy corpus tests. !!!\n`);
      this.skip();
    }
  });

  for (const relative of PROJECTS) {
    it(`${relative}: checks without throwing; every finding lies inside its file`, async function () {
      if (!fs.existsSync(path.join(CORPUS, relative))) this.skip();
      const { project, findings } = await check(relative);
      for (const f of findings) {
        const text = project.text(f.file);
        assert.ok(text !== undefined, `finding on an unknown file ${f.file}`);
        assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.code} range ${f.start}-${f.end} outside ${f.file}`);
        if (f.code !== 'autonomy.handoff') assert.ok(text.slice(f.start, f.end).trim().length > 0, `${f.code} on blank text in ${f.file}`);
      }
    });
  }

  it('accuses no real bot of pressure or of claiming to be human', async function () {
    for (const relative of PROJECTS) {
      if (!fs.existsSync(path.join(CORPUS, relative))) continue;
      const c = await check(relative);
      assert.deepStrictEqual(of(c, 'autonomy.pressure').length, 0, `${relative}: pressure`);
      assert.deepStrictEqual(of(c, 'disclosure.impersonation').filter((f) => f.details?.claim !== undefined).length, 0, `${relative}: human claim`);
    }
  });

  it('does not report a missing handoff for bots that hand over (intent + contact e-mail, handoff actions, CX escalation)', async function () {
    for (const relative of ['RasaHQ__rasa-demo', 'RasaHQ__financial-demo', 'RasaHQ__helpdesk-assistant', 'GoogleCloudPlatform__contact-center-ai-samples/goodbye-graffiti-agent']) {
      if (!fs.existsSync(path.join(CORPUS, relative))) continue;
      assert.deepStrictEqual(of(await check(relative), 'autonomy.handoff').length, 0, relative);
    }
  });

  it('reports a missing handoff once, on the main file, for bots without one', async function () {
    const init = await check('RasaHQ__rasa/rasa/cli/initial_project');
    assert.deepStrictEqual(of(init, 'autonomy.handoff').map((f) => [path.basename(f.file), f.start, f.severity]), [['domain.yml', 0, 'info']]);
    const blood = await check('GoogleCloudPlatform__contact-center-ai-samples/blood-donation-agent');
    assert.deepStrictEqual(of(blood, 'autonomy.handoff').map((f) => path.basename(f.file)), ['agent.json']);
  });

  it('accepts the `rasa init` answer to bot_challenge and reports its greeting', async function () {
    const init = await check('RasaHQ__rasa/rasa/cli/initial_project');
    assert.deepStrictEqual(of(init, 'disclosure.impersonation'), []);
    assert.deepStrictEqual(of(init, 'disclosure.missing').map((f) => f.details?.greeting), ['utter_greet']);
  });

  it('reports the evasive answers of a "bot_real" smalltalk intent', async function () {
    const en = await check('robo-ai__roboai-demo-faq-chatbot/bot/languages/en');
    const evasive = of(en, 'disclosure.impersonation');
    assert.ok(evasive.length >= 2, `only ${evasive.length} evasive answers`);
    assert.ok(evasive.every((f) => f.details?.intent === 'bot_real' && f.severity === 'error'));
  });

  it('does not take "thank → utter_welcome" for a greeting', async function () {
    const helpdesk = await check('RasaHQ__helpdesk-assistant');
    const greetings = new Set(of(helpdesk, 'disclosure.missing').map((f) => f.details?.greeting));
    assert.ok(greetings.has('utter_greet'));
    assert.ok(!greetings.has('utter_welcome'));
  });
});
