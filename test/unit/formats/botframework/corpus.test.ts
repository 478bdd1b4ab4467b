/**
 * Robustness on real Composer projects: every .lg/.lu/.qna/.dialog of the
 * BotBuilder samples parses through the project entry point without throwing,
 * and the only parse errors are the real mistakes listed below.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseFile, stripBom } from '../../../../server/src/core/project';
import { CORPUS } from '../../../support/corpus';

const SAMPLES = path.join(CORPUS, 'microsoft__BotBuilder-Samples');

/** Files with parse errors, and why: each is a real mistake in the sample. */
const EXPECTED_ERRORS: Record<string, string[]> = {
  // `- Freuen Sie sich auf Sie{ Name}`: a translation lost the `$` of `${Name}`, so users would read "{ Name}"
  'experimental/handoff-library/csharp_dotnetcore/samples/LivePersonProxyAssistant/Responses/OnboardingResponses.de-de.lg': ['Placeholder without `$`'],
  // `[form-extensions.en-us.lg]` on the first line: an import without its `(path)`
  'experimental/generation/generator/packages/library/templates/professional/form-CrossTrain.en-us.lg': ['Import without a file'],
};

function* botFiles(dir: string): Iterable<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* botFiles(full);
    else if (/\.(lg|lu|qna|dialog)$/i.test(entry.name)) yield full;
  }
}

describe('Bot Framework parsers on the BotBuilder samples corpus', function () {
  before(function () {
    if (!fs.existsSync(SAMPLES)) {
      console.warn(`\n  !!! WARNING: corpus not found at ${SAMPLES}; set BOT_ETHICS_CORPUS. Skipping the Bot Framework corpus tests. !!!\n`);
      this.skip();
    }
  });

  it('parses every file without throwing; only the known broken files have errors', () => {
    const found: Record<string, string[]> = {};
    const counts: Record<string, number> = {};
    let messages = 0;
    const t0 = Date.now();
    for (const full of botFiles(SAMPLES)) {
      const rel = path.relative(SAMPLES, full).split(path.sep).join('/');
      const model = parseFile(rel, stripBom(fs.readFileSync(full, 'utf8')));
      if (!model) continue; // recognizer and test-script .dialog files are not bot dialogs
      counts[model.format] = (counts[model.format] ?? 0) + 1;
      messages += model.messages.length;
      if (model.errors.length) found[rel] = model.errors.map((e) => e.message.split(':')[0]);
    }
    assert.deepStrictEqual(found, EXPECTED_ERRORS);
    assert.deepStrictEqual(counts, { lg: 260, lu: 79, qna: 89, dialog: 67 });
    assert.ok(messages > 1000, `only ${messages} messages read`);
    assert.ok(Date.now() - t0 < 15000, 'the corpus parses in seconds');
  });

  it('reads the German file with the broken line completely', () => {
    const rel = 'experimental/handoff-library/csharp_dotnetcore/samples/LivePersonProxyAssistant/Responses/OnboardingResponses.de-de.lg';
    const text = stripBom(fs.readFileSync(path.join(SAMPLES, rel), 'utf8'));
    const model = parseFile(rel, text)!;
    assert.strictEqual(model.errors.length, 1);
    const at = model.errors[0].at;
    assert.strictEqual(text.slice(at.start, at.end), '{ Name}');
    assert.strictEqual(model.lang, 'de');
    assert.deepStrictEqual(
      model.messages.map((m) => [m.id, m.variations.length]),
      [
        ['NamePrompt', 2],
        ['HaveNameMessage', 3],
      ],
    );
  });

  it('finds the structure of a Composer sample: greeting, prompts, card texts', function () {
    const root = path.join(SAMPLES, 'composer-samples/csharp_dotnetcore/projects/RespondingWithCardsSample/RespondingWithCardsSample');
    if (!fs.existsSync(root)) this.skip();
    const dialog = parseFile('RespondingWithCardsSample/respondingwithcardssample.dialog', stripBom(fs.readFileSync(path.join(root, 'respondingwithcardssample.dialog'), 'utf8')))!;
    assert.strictEqual(dialog.rootPriority, 10);
    assert.strictEqual(dialog.greetings.length, 1);
    assert.strictEqual(dialog.greetings[0].basis, 'structural');
    const common = parseFile('common.en-us.lg', stripBom(fs.readFileSync(path.join(root, 'language-generation/en-us/common.en-us.lg'), 'utf8')))!;
    const card = common.messages.find((m) => m.id === 'adaptivecardjson')!;
    const pieces = card.variations[0].pieces;
    assert.ok(pieces.length > 10);
    assert.ok(pieces.every((p) => p.role === 'card' || p.role === 'speech'));
    assert.ok(pieces.every((p) => p.text.value.length < 200), 'no JSON or base64 leaks into card text');
  });
});
