/** The engine over real parsers: parse errors become findings, the other files are still checked, `only` limits the output. */
import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../../server/src/core/config';
import { Checker } from '../../../server/src/core/engine';
import { BotProject } from '../../../server/src/core/project';
import { RULES } from '../../../server/src/rules';

function project(files: Record<string, string>): BotProject {
  const p = new BotProject('/bot');
  for (const [name, text] of Object.entries(files)) p.update(`/bot/${name}`, text, 1);
  return p;
}

describe('Checker', () => {
  const files = {
    'data/nlu.yml': 'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hi\n  bad: [\n',
    'main.lg': '# Welcome\n- Hi guys, I am a bot.\n',
  };

  it('reports a file that does not parse as one parse.error at the error, and checks every other file', () => {
    const p = project(files);
    const byFile = new Checker(RULES).check(p.conversation(), DEFAULT_CONFIG, undefined, { root: '/bot' });
    const nlu = byFile.get('/bot/data/nlu.yml')!;
    // the unclosed `[` is found at the end of the file
    const end = files['data/nlu.yml'].length;
    assert.deepStrictEqual(
      nlu.map((f) => [f.code, f.severity, f.start, f.end, f.message.template, f.message.args]),
      [['parse.error', 'error', end, end, 'This file could not be parsed: {0}', ['Flow sequence in block collection must be sufficiently indented and end with a ]']]],
    );
    assert.deepStrictEqual(nlu[0].fixes, []);
    assert.deepStrictEqual(
      byFile.get('/bot/main.lg')!.map((f) => [f.code, f.start, f.end]),
      [['bias.wording', 15, 19]],
    );
  });

  it('`only` limits the output, not the analysis', () => {
    const p = project(files);
    const byFile = new Checker(RULES).check(p.conversation(), DEFAULT_CONFIG, new Set(['/bot/main.lg']), { root: '/bot' });
    assert.deepStrictEqual([...byFile.keys()], ['/bot/main.lg']);
    assert.deepStrictEqual(byFile.get('/bot/main.lg')!.map((f) => f.code), ['bias.wording']);
  });

  it('gives the same findings again for the same models (cached per file model and config)', () => {
    const p = project(files);
    const checker = new Checker(RULES);
    const first = checker.check(p.conversation(), DEFAULT_CONFIG, undefined, { root: '/bot' });
    const second = checker.check(p.conversation(), DEFAULT_CONFIG, undefined, { root: '/bot' });
    assert.deepStrictEqual(second, first);
    // after an edit only the new text counts
    p.update('/bot/main.lg', '# Welcome\n- Hi everyone, I am a bot.\n', 2);
    assert.deepStrictEqual(checker.check(p.conversation(), DEFAULT_CONFIG, undefined, { root: '/bot' }).get('/bot/main.lg'), []);
  });
});
