/**
 * bias.wording on real, third-party bot projects (read-only corpus): it never
 * throws, every finding covers the word it names, every quick fix leaves a
 * file that still parses and no longer has that finding, and the English
 * projects — ordinary service bots — stay quiet apart from the few real hits.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { DEFAULT_CONFIG } from '../../../server/src/core/config';
import { Checker } from '../../../server/src/core/engine';
import type { Finding } from '../../../server/src/core/findings';
import { BotProject, parseFile } from '../../../server/src/core/project';
import { mergeProject } from '../../../server/src/core/model';
import { collectBotFiles } from '../../../server/src/node/workspace';
import { biasWording } from '../../../server/src/rules/bias-wording';
import { applyEdits } from '../../support/model-builder';
import { CORPUS } from '../../support/corpus';

/** at most this many fixes are re-checked per project (each re-parses a file) */
const FIXES_PER_PROJECT = 25;

/** Terms the English projects may contain (true hits: an insult in a joke, "special needs"). */
const EXPECTED_ENGLISH = new Set(['morons', 'special needs']);

async function findings(root: string): Promise<{ project: BotProject; list: Finding[] }> {
  const files = await collectBotFiles(root, { ignore: [], onError: () => undefined });
  const project = new BotProject(root);
  for (const f of files) project.update(f, fs.readFileSync(f, 'utf8'), 1);
  const byFile = new Checker([biasWording]).check(project.conversation(), DEFAULT_CONFIG);
  return { project, list: [...byFile.values()].flat().filter((f) => f.code === 'bias.wording') };
}

function stillParses(file: string, text: string): void {
  if (file.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(text), `${file} is no longer JSON`);
  if (/\.ya?ml$/.test(file)) assert.deepStrictEqual(parseDocument(text).errors.map((e) => e.message), [], `${file} is no longer YAML`);
}

/** bias.wording findings of one file on its own (the rule is per file). */
function recheck(file: string, text: string): Finding[] {
  const model = parseFile(file, text);
  assert.ok(model, `${file} no longer claimed`);
  return [...new Checker([biasWording]).check(mergeProject([model]), DEFAULT_CONFIG).values()].flat().filter((f) => f.code === 'bias.wording');
}

describe('bias.wording on the real-bot corpus', function () {
  this.timeout(120000);
  const projects = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory()) : [];
  if (!projects.length) {
    it('corpus present', function () {
      console.warn(`\n  !!! bot corpus not found at ${CORPUS}: set BOT_ETHICS_CORPUS; corpus tests SKIPPED !!!\n`);
      this.skip();
    });
    return;
  }

  for (const name of projects) {
    it(`${name}: findings cover their words and fixes keep the file valid`, async () => {
      const root = path.join(CORPUS, name);
      const { project, list } = await findings(root);
      let fixesChecked = 0;
      for (const f of list) {
        const text = project.text(f.file)!;
        const covered = text.slice(f.start, f.end);
        const found = String(f.details?.found ?? '');
        assert.ok(found.length > 0 && f.end > f.start, `${f.file}: empty finding`);
        // JSON/YAML escapes may stand in the source; otherwise the source is the word itself
        if (!covered.includes('\\')) assert.strictEqual(covered.replace(/\s+/g, ' '), found.replace(/\s+/g, ' '), `${f.file}@${f.start}`);
        const fix = f.fixes.find((x) => x.title.template === 'Replace with “{0}”');
        if (!fix || fixesChecked >= FIXES_PER_PROJECT) continue;
        fixesChecked++;
        const fixed = applyEdits(text, fix.edits);
        stillParses(f.file, fixed);
        const edit = fix.edits[0];
        const after = recheck(f.file, fixed).filter((g) => g.start === edit.start && String(g.details?.found) === found);
        assert.deepStrictEqual(after, [], `${f.file}: "${found}" still reported after its fix`);
      }
    });
  }

  it('English projects only report the known true hits', async () => {
    const english = projects.filter((p) => p !== 'robo-ai__roboai-demo-faq-chatbot' && p !== 'microsoft__BotBuilder-Samples');
    const unexpected: string[] = [];
    for (const name of english) {
      const { list } = await findings(path.join(CORPUS, name));
      for (const f of list) if (!EXPECTED_ENGLISH.has(String(f.details?.found).toLowerCase())) unexpected.push(`${name}/${path.basename(f.file)}: ${f.details?.found}`);
    }
    const botbuilder = (await findings(path.join(CORPUS, 'microsoft__BotBuilder-Samples'))).list;
    for (const f of botbuilder) if (f.details?.language !== 'de') unexpected.push(`BotBuilder/${path.basename(f.file)}: ${f.details?.found}`);
    // the two known true hits there address the user as a man: "What's up bro", "Dude. I put the fun in functionality."
    assert.deepStrictEqual(unexpected, ['BotBuilder/common.en-us.lg: bro', 'BotBuilder/form-ChitChat.en-us.qna: Dude']);
  });
});
