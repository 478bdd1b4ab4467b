/**
 * Robustness on real Rasa projects (third-party, read-only, never copied):
 * every YAML and Markdown file parses without throwing and without errors,
 * and each project yields plausible content.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { mergeProject, type Conversation, type FileModel } from '../../../../server/src/core/model';
import { parseFile, stripBom } from '../../../../server/src/core/project';
import { CORPUS } from '../../../support/corpus';

const PROJECTS = /^(RasaHQ__|robo-ai__)/;
/**
 * Files allowed to yield errors, with the reason. None so far: the one
 * non-conforming file (rasa-demo responses.yml, quoted scalars not indented
 * under their key) is read as Rasa reads it.
 */
const BROKEN: Readonly<Record<string, string>> = {};

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (/\.(ya?ml|md)$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

describe('rasa: the real-project corpus', function () {
  const projects = new Map<string, Conversation>();
  const models = new Map<string, FileModel>();

  before(function () {
    if (!fs.existsSync(CORPUS)) {
      console.warn(`\n  !!! WARNING: corpus not found at ${CORPUS}; set BOT_ETHICS_CORPUS. Skipping the Rasa corpus tests. !!!\n`);
      this.skip();
    }
    for (const name of fs.readdirSync(CORPUS).filter((n) => PROJECTS.test(n))) {
      const fileModels: FileModel[] = [];
      for (const file of walk(path.join(CORPUS, name))) {
        const rel = path.relative(CORPUS, file).split(path.sep).join('/');
        const model = parseFile(rel, stripBom(fs.readFileSync(file, 'utf8')));
        if (!model) continue;
        models.set(rel, model);
        fileModels.push(model);
      }
      projects.set(name, mergeProject(fileModels));
    }
  });

  it('parses every Rasa file without errors (except listed broken ones)', () => {
    assert.ok(models.size > 60, `only ${models.size} files claimed`);
    const withErrors = [...models.values()].filter((m) => m.errors.length).map((m) => `${m.file}: ${m.errors[0].message}`);
    assert.deepStrictEqual(withErrors.filter((e) => !(e.split(':')[0] in BROKEN)), []);
    for (const m of models.values()) {
      for (const msg of m.messages) for (const v of msg.variations) for (const p of v.pieces) {
        const r = p.text.fullRange;
        assert.ok(r.start >= 0 && r.end <= m.text.length && r.start <= r.end, `${m.file} ${msg.id}`);
      }
    }
  });

  it('claims the right formats: YAML as rasa, Markdown training data as rasa-md, no credentials or tool configs', () => {
    const formatOf = (f: string): string | undefined => models.get(f)?.format;
    assert.strictEqual(formatOf('RasaHQ__medicare_locator/data/nlu_data.md'), 'rasa-md');
    assert.strictEqual(formatOf('RasaHQ__medicare_locator/data/core/stories.md'), 'rasa-md');
    assert.strictEqual(formatOf('RasaHQ__rasa-demo/domain.yml'), 'rasa');
    assert.strictEqual(formatOf('RasaHQ__rasa/examples/money_transfer/data/flows.yml'), 'rasa');
    for (const f of models.keys()) assert.ok(!/credentials|pre-commit|handoff_config/.test(f), `${f} claimed`);
  });

  it('rasa-demo: many responses, slots, examples, an opaque custom greeting and a handoff intent', () => {
    const c = projects.get('RasaHQ__rasa-demo')!;
    assert.strictEqual(c.mainFile, 'RasaHQ__rasa-demo/domain.yml');
    assert.ok(c.messages.length >= 150, `${c.messages.length} messages`);
    assert.ok(c.variables.size >= 25);
    assert.ok(c.examples.length >= 5000, `${c.examples.length} examples`);
    assert.ok(c.greetings.some((g) => g.basis === 'structural' && g.opaque), 'greet → action_greet_user');
    assert.ok(c.handoffs.some((h) => h.kind === 'intent' && h.name === 'human_handoff'));
    // the block-literal response keeps its lines, and its offsets point at its words
    const playground = c.messagesById.get('utter_playground_intro')![0].variations[0].pieces[0].text;
    const at = playground.value.indexOf('prototype');
    const file = models.get('RasaHQ__rasa-demo/domain.yml')!.text;
    assert.strictEqual(file.slice(playground.range(at, at + 9).start, playground.range(at, at + 9).end), 'prototype');
    // retrieval responses answer their retrieval intents
    assert.ok(c.intents.some((i) => i.name === 'faq/nlu' && i.responses.includes('utter_faq/nlu')));
  });

  it('financial-demo: the greet rule is the greeting; forms ask their slots; handoff actions', () => {
    const c = projects.get('RasaHQ__financial-demo')!;
    assert.ok(c.greetings.some((g) => g.basis === 'structural' && g.messages.join() === 'utter_greet,utter_help'));
    assert.ok(c.prompts.some((p) => p.variable === 'PERSON' && p.message === 'utter_ask_transfer_money_form_PERSON' && c.messagesById.has(p.message)));
    assert.deepStrictEqual(c.variables.get('PERSON')?.entities, ['PERSON']);
    assert.ok(c.handoffs.some((h) => h.kind === 'action' && h.name === 'action_handoff'));
    assert.deepStrictEqual(c.intents.filter((i) => i.name === 'check_human').map((i) => i.responses), [['utter_bot']]);
    assert.ok(c.endpoints.some((e) => e.kind === 'action-server' && e.url.value.startsWith('http://localhost')));
  });

  it('helpdesk-assistant: handoff intent and action; email slot from the email entity', () => {
    const c = projects.get('RasaHQ__helpdesk-assistant')!;
    assert.ok(c.handoffs.some((h) => h.kind === 'intent' && h.name === 'human_handoff'));
    assert.ok(c.handoffs.some((h) => h.kind === 'action' && h.name === 'action_handoff'));
    assert.deepStrictEqual(c.variables.get('email')?.entities, ['email']);
  });

  it('carbon-bot and medicare: retrieval bot challenge, Markdown stories and examples', () => {
    const carbon = projects.get('RasaHQ__carbon-bot')!;
    assert.ok(carbon.intents.some((i) => i.name === 'faq/meta_inquire-ask_bot-challenge'));
    const medicare = projects.get('RasaHQ__medicare_locator')!;
    assert.ok(medicare.examples.length >= 900, `${medicare.examples.length}`);
    assert.ok(medicare.greetings.some((g) => g.basis === 'structural' && g.opaque), 'greet → find_facility_types');
  });

  it('RasaHQ/rasa: CALM prompts, conditional variations, flows as answers', () => {
    const c = projects.get('RasaHQ__rasa')!;
    assert.ok(c.prompts.some((p) => p.variable === 'how_are_you' && p.message === 'utter_ask_how_are_you' && p.file.endsWith('moodbot_calm/data/flows.yml')));
    assert.ok(c.prompts.some((p) => p.variable === 'final_confirmation'));
    const greet = c.messages.find((m) => m.id === 'utter_greet' && m.file.includes('j_conditional_responses'))!;
    assert.deepStrictEqual(greet.variations.map((v) => v.condition), ['current_daytime = morning', 'current_daytime = noon', 'current_daytime = evening']);
    assert.ok(c.intents.some((i) => i.name === 'bot_challenge' && i.responses.includes('utter_iamabot')));
  });

  it('robo-ai: German and English domains with custom ssml/html payloads, 1.x Markdown', () => {
    const c = projects.get('robo-ai__roboai-demo-faq-chatbot')!;
    const de = models.get('robo-ai__roboai-demo-faq-chatbot/bot/languages/de/domain.yml')!;
    assert.strictEqual(de.lang, 'de');
    assert.ok(de.messages.length >= 150);
    assert.ok(de.messages.some((m) => m.variations.some((v) => v.lang === 'de' && v.pieces.some((p) => p.role === 'speech'))));
    assert.ok(c.examples.length >= 10000, `${c.examples.length}`);
    assert.ok(c.greetings.some((g) => g.basis === 'structural' && g.messages.includes('utter_greeting_hello_introduced_false')));
  });
});
