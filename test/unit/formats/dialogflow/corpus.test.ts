/**
 * Robustness on real exports (third-party, read-only, never copied): every
 * JSON file of the Dialogflow samples is parsed without throwing, what is
 * claimed is the right format, and what is left alone is not bot text.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { mergeProject, type FileModel } from '../../../../server/src/core/model';
import { parseFile } from '../../../../server/src/core/project';
import { formatFor } from '../../../../server/src/formats';
import { jsonFiles } from './helpers';
import { CORPUS } from '../../../support/corpus';

const CX_SAMPLES = path.join(CORPUS, 'GoogleCloudPlatform__contact-center-ai-samples');
const ES_SAMPLE = path.join(CORPUS, 'RasaHQ__tutorial-migrating-dialogflow-to-rasa/dialogflow-assistant');

interface Outcome {
  models: FileModel[];
  unclaimed: string[];
  /** file → error messages */
  errors: Map<string, string[]>;
}

/** Parses every .json under `dir` the way the project does; a parser that throws fails the test. */
function parseAll(dir: string): Outcome {
  const out: Outcome = { models: [], unclaimed: [], errors: new Map() };
  for (const abs of jsonFiles(dir)) {
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    const text = fs.readFileSync(abs, 'utf8').replace(/^\ufeff/, '');
    const parser = formatFor(rel, text);
    if (parser) assert.doesNotThrow(() => parser.parse(rel, text), `${parser.id} threw on ${rel}`);
    const m = parseFile(rel, text);
    if (!m) {
      out.unclaimed.push(rel);
      continue;
    }
    out.models.push(m);
    if (m.errors.length) out.errors.set(rel, m.errors.map((e) => e.message));
  }
  return out;
}

function report(name: string, o: Outcome): void {
  const lines = [...o.errors].map(([f, msgs]) => `    ${f}: ${msgs.join('; ')}`);
  console.log(`    ${name}: ${o.models.length} files read, ${o.unclaimed.length} left alone, ${o.errors.size} with errors${lines.length ? '\n' + lines.join('\n') : ''}`);
}

describe('Dialogflow parsers on the real corpus', function () {
  before(function () {
    if (!fs.existsSync(CX_SAMPLES) || !fs.existsSync(ES_SAMPLE)) {
      console.warn(`\n  !!! Dialogflow corpus not found under ${CORPUS}: corpus tests SKIPPED (set BOT_ETHICS_CORPUS) !!!\n`);
      this.skip();
    }
  });

  it('reads the ES export: every file parses, entities and package.json are left alone', () => {
    const o = parseAll(ES_SAMPLE);
    report('ES sample', o);
    assert.deepStrictEqual([...o.errors.keys()], []);
    assert.ok(o.models.every((m) => m.format === 'dialogflow-es'));
    assert.deepStrictEqual(o.unclaimed.map((f) => f.replace(/^.*\//, '')).sort(), ['package.json', 'query.json', 'query_entries_en.json']);
    const c = mergeProject(o.models);
    assert.ok(c.mainFile?.endsWith('/agent.json'));
    assert.deepStrictEqual(c.greetings.map((g) => g.messages), [['intent:Default Welcome Intent']]);
    assert.ok(c.examples.length > 0 && c.messages.length > 0);
    // every message has text, and every text maps back onto its own characters in the file
    for (const m of c.messages) {
      const file = c.files.get(m.file)!;
      for (const v of m.variations)
        for (const p of v.pieces) {
          const r = p.text.fullRange;
          assert.ok(p.text.value.length > 0);
          assert.ok(r.start > 0 && r.end <= file.text.length && r.start < r.end, `${m.id}: ${r.start}-${r.end}`);
        }
    }
    // the intents that use the webhook send their parameters to it
    assert.strictEqual(c.endpoints.length, 1);
    assert.ok(c.endpoints[0].carries.length > 0);
  });

  it('reads the CX exports: every file parses, entity types, generators and settings are left alone', () => {
    const o = parseAll(CX_SAMPLES);
    report('CX samples', o);
    assert.deepStrictEqual([...o.errors.keys()], []);
    assert.ok(o.models.every((m) => m.format === 'dialogflow-cx'));
    const leftAlone = new Set(o.unclaimed.map((f) => /\/(entityTypes|generators|generativeSettings)\//.exec(f)?.[1] ?? f));
    assert.deepStrictEqual([...leftAlone].sort(), ['entityTypes', 'generativeSettings', 'generators']);
    // one greeting per agent, each from its start flow's welcome route
    for (const agent of ['blood-donation-agent', 'divebooker-agent', 'goodbye-graffiti-agent']) {
      const c = mergeProject(o.models.filter((m) => m.file.startsWith(agent + '/')));
      assert.strictEqual(c.greetings.length, 1, agent);
      assert.match(c.greetings[0].messages[0], /#route:Default Welcome Intent$/);
      assert.ok(c.mainFile?.endsWith('/agent.json'), agent);
      assert.ok(c.prompts.length > 0, agent);
      for (const m of c.messages)
        for (const v of m.variations)
          for (const p of v.pieces) {
            const r = p.text.fullRange;
            assert.ok(r.start > 0 && r.start < r.end && r.end <= c.files.get(m.file)!.text.length, `${m.id}`);
          }
    }
    // the JSON-in-JSON request body is read and its reference found
    const flexible = o.models.flatMap((m) => m.endpoints).filter((e) => e.payload?.length);
    assert.strictEqual(flexible.length, 1);
    assert.ok(flexible[0].carries.some((v) => v.startsWith('flow.')));
  });

  it('leaves the Terraform of the CX samples alone', () => {
    const tf = fs.readdirSync(path.join(CX_SAMPLES, 'dialogflow-cx/shirt-order-agent')).filter((f) => f.endsWith('.tf'));
    assert.ok(tf.length > 0);
    for (const f of tf) assert.strictEqual(formatFor(f, fs.readFileSync(path.join(CX_SAMPLES, 'dialogflow-cx/shirt-order-agent', f), 'utf8')), undefined);
  });
});
