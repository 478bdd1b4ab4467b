/**
 * Speed by design, checked without a clock: after an edit the project
 * re-parses only the edited file, the merged conversation reuses every other
 * file's model, and the engine re-runs file-scope rules only on the new model
 * (project-scope rules run on every check, over the merged lists). Counted
 * with a counting parser and counting rules over the real formats, on the
 * generated 5,000-line Rasa project of the edit benchmark.
 */
import * as assert from 'assert';
import { DEFAULT_CONFIG, layerConfig } from '../../../server/src/core/config';
import { Checker } from '../../../server/src/core/engine';
import { msg } from '../../../server/src/core/findings';
import { piecesOf, type FileModel } from '../../../server/src/core/model';
import { BotProject } from '../../../server/src/core/project';
import type { Rule } from '../../../server/src/core/rule';
import { FORMATS } from '../../../server/src/formats';
import type { FormatParser } from '../../../server/src/formats/format';
import { generateRasaProject } from '../../bench/rasa-project';

const ROOT = '/perf/rasa';
/** the files of the generated project the Rasa format claims (all of them) */
const BOT_FILES = ['config.yml', 'data/nlu.yml', 'data/rules.yml', 'data/stories.yml', 'domain.yml', 'endpoints.yml'];

/** The real formats, counting how often each file is parsed. */
function countingFormats(parsed: string[]): FormatParser[] {
  return FORMATS.map((f) => ({ id: f.id, claims: (p, t) => f.claims(p, t), parse: (p, t) => (parsed.push(p), f.parse(p, t)) }));
}

/** A file-scope and a project-scope rule that count their calls; the file rule reports every "fine". */
function countingRules(fileCalls: string[], projectCalls: number[]): Rule[] {
  const base = { description: 'test double', tags: ['test'], sources: ['test'], explain: { en: { title: 't', why: 'w', fix: 'f' }, de: { title: 't', why: 'w', fix: 'f' } } };
  const fileRule: Rule = {
    ...base,
    id: 'bias.wording',
    defaultSeverity: 'warning',
    checkFile(file, ctx) {
      fileCalls.push(file.file);
      for (const { piece } of piecesOf(file.messages)) {
        const at = piece.text.value.indexOf('fine');
        if (at < 0) continue;
        const r = piece.text.range(at, at + 4);
        ctx.report({ file: file.file, start: r.start, end: r.end, message: msg('fine'), fixes: [] });
      }
    },
  };
  const projectRule: Rule = {
    ...base,
    id: 'autonomy.handoff',
    defaultSeverity: 'info',
    checkProject(model) {
      projectCalls.push(model.messages.length);
    },
  };
  return [fileRule, projectRule];
}

function loadProject(formats: readonly FormatParser[]) {
  const gen = generateRasaProject(5000);
  const project = new BotProject(ROOT, formats);
  for (const [rel, text] of Object.entries(gen.files)) project.update(`${ROOT}/${rel}`, text, 1);
  return { gen, project, domainKey: `${ROOT}/${gen.domain}` };
}

/** The domain text with one letter of a response replaced. */
function edited(text: string, at: number): string {
  return text.slice(0, at) + (text[at] === 'z' ? 'y' : 'z') + text.slice(at + 1);
}

describe('performance by design: an edit redoes only what it touched', () => {
  it('the generated project is what the edit benchmark claims: a 5,000-line domain of real bot files', () => {
    const parsed: string[] = [];
    const { gen, project, domainKey } = loadProject(countingFormats(parsed));
    assert.strictEqual(gen.files[gen.domain].split('\n').length, 5003);
    const domain = project.model(domainKey)!;
    assert.strictEqual(domain.format, 'rasa');
    assert.deepStrictEqual(domain.errors, []);
    assert.ok(domain.messages.length > 500, `${domain.messages.length} responses`);
    assert.deepStrictEqual(project.models().map((m) => m.file.slice(ROOT.length + 1)).sort(), BOT_FILES);
    // every edit place is a letter inside a response text
    for (const at of gen.editable.slice(0, 50)) assert.match(gen.files[gen.domain][at], /[a-z]/);
  });

  it('parses each file once, lazily, and re-parses only the edited file', () => {
    const parsed: string[] = [];
    const { gen, project, domainKey } = loadProject(countingFormats(parsed));
    assert.deepStrictEqual(parsed, [], 'update does not parse');
    const first = project.conversation();
    const files = project.files.length;
    assert.strictEqual(new Set(parsed).size, parsed.length, 'no file parsed twice');
    assert.ok(parsed.length >= 4 && parsed.length <= files, `${parsed.length} parsed`);
    const before = new Map(project.models().map((m) => [m.file, m]));

    parsed.length = 0;
    assert.strictEqual(project.conversation(), first, 'nothing changed: the same merged conversation');
    assert.deepStrictEqual(parsed, []);

    assert.strictEqual(project.update(domainKey, edited(gen.files[gen.domain], gen.editable[100]), 2), true);
    const second = project.conversation();
    assert.deepStrictEqual(parsed, [domainKey], 'only the edited file is parsed again');
    assert.notStrictEqual(second, first);
    for (const m of project.models()) {
      if (m.file === domainKey) assert.notStrictEqual(m, before.get(m.file));
      else assert.strictEqual(m, before.get(m.file), `${m.file} keeps its model`);
    }
  });

  it('a known version or an unchanged text redoes nothing', () => {
    const parsed: string[] = [];
    const { gen, project, domainKey } = loadProject(countingFormats(parsed));
    const first = project.conversation();
    parsed.length = 0;
    assert.strictEqual(project.update(domainKey, gen.files[gen.domain], 1), false, 'same version');
    assert.strictEqual(project.update(domainKey, gen.files[gen.domain], 7), false, 'new version, same text (an undo back, a save)');
    assert.strictEqual(project.update(domainKey, '\ufeff' + gen.files[gen.domain], 8), false, 'the same text with a BOM');
    assert.strictEqual(project.conversation(), first);
    assert.deepStrictEqual(parsed, []);
  });

  it('the engine re-runs file-scope rules only on the edited file, project-scope rules on every check', () => {
    const { gen, project, domainKey } = loadProject(FORMATS);
    const fileCalls: string[] = [];
    const projectCalls: number[] = [];
    const checker = new Checker(countingRules(fileCalls, projectCalls));
    const open = new Set([domainKey]);
    const first = checker.check(project.conversation(), DEFAULT_CONFIG, open);
    assert.deepStrictEqual(fileCalls, [domainKey], 'file rules run only on the files shown (the open domain), not on the data files');
    assert.strictEqual(projectCalls.length, 1);
    const findings = first.get(domainKey)!;
    assert.ok(findings.length > 10, `${findings.length} findings on "fine"`);

    fileCalls.length = 0;
    const again = checker.check(project.conversation(), DEFAULT_CONFIG, open);
    assert.deepStrictEqual(fileCalls, [], 'nothing changed: no file rule runs');
    assert.strictEqual(projectCalls.length, 2, 'project rules run on every check (cheap: lists only)');
    assert.deepStrictEqual(again, first, 'cached findings are the same findings');

    // an edit in a response that does not say "fine": same findings, the domain's rules ran once more
    const at = gen.editable.find((o) => !lineAt(gen.files[gen.domain], o).includes('fine'))!;
    project.update(domainKey, edited(gen.files[gen.domain], at), 2);
    const afterEdit = checker.check(project.conversation(), DEFAULT_CONFIG, open);
    assert.deepStrictEqual(fileCalls, [domainKey]);
    assert.deepStrictEqual(afterEdit.get(domainKey)!.map((f) => [f.start, f.end]), findings.map((f) => [f.start, f.end]));
  });

  it('a new config (another object) runs the file rules again; the same config object does not', () => {
    const { project } = loadProject(FORMATS);
    const fileCalls: string[] = [];
    const checker = new Checker(countingRules(fileCalls, []));
    const config = layerConfig(DEFAULT_CONFIG, { genderStyle: 'star' });
    checker.check(project.conversation(), config);
    const files = fileCalls.length;
    checker.check(project.conversation(), config);
    assert.strictEqual(fileCalls.length, files);
    checker.check(project.conversation(), layerConfig(DEFAULT_CONFIG, { genderStyle: 'star' }));
    assert.strictEqual(fileCalls.length, 2 * files);
  });

  it('file findings that looked at the project are redone when another file changes; the others stay cached', () => {
    const { gen, project, domainKey } = loadProject(FORMATS);
    const calls: string[] = [];
    const base = { description: 'test double', tags: ['test'], sources: ['test'], defaultSeverity: 'info' as const, explain: { en: { title: 't', why: 'w', fix: 'f' }, de: { title: 't', why: 'w', fix: 'f' } } };
    const readsProject: Rule = {
      ...base,
      id: 'pii.echo',
      checkFile(file, ctx) {
        calls.push(`project-reader ${file.file.slice(ROOT.length + 1)}`);
        // a lookup in the merged project: the number of intents (declared in the domain, used in the data files)
        ctx.report({ file: file.file, start: 0, end: 1, message: msg('{0} intents', ctx.model.intents.length), fixes: [] });
      },
    };
    const fileOnly: Rule = { ...base, id: 'pii.literal', checkFile: (file) => void calls.push(`file-only ${file.file.slice(ROOT.length + 1)}`) };
    const checker = new Checker([readsProject, fileOnly]);
    const open = new Set([domainKey]);
    const first = checker.check(project.conversation(), DEFAULT_CONFIG, open).get(domainKey)!;
    assert.deepStrictEqual(calls, ['project-reader domain.yml', 'file-only domain.yml']);

    calls.length = 0;
    const nlu = `${ROOT}/data/nlu.yml`;
    project.update(nlu, gen.files['data/nlu.yml'] + '- intent: brand_new\n  examples: |\n    - something new\n', 2);
    const after = checker.check(project.conversation(), DEFAULT_CONFIG, open).get(domainKey)!;
    assert.deepStrictEqual(calls, ['project-reader domain.yml'], 'only the rule that read the project runs again');
    assert.deepStrictEqual(
      [first[0].message.args, after[0].message.args].map((a) => typeof a?.[0]),
      ['number', 'number'],
    );

    calls.length = 0;
    checker.check(project.conversation(), DEFAULT_CONFIG, open);
    assert.deepStrictEqual(calls, [], 'the same project again: cached');
  });

  it('merging joins the cached models without copying them', () => {
    const { project } = loadProject(FORMATS);
    const conversation = project.conversation();
    const models: FileModel[] = project.models();
    for (const m of models) assert.strictEqual(conversation.files.get(m.file), m);
    const domain = models.find((m) => m.file.endsWith('/domain.yml'))!;
    assert.strictEqual(conversation.messagesById.get(domain.messages[0].id)![0], domain.messages[0], 'messages are the parsed objects');
  });
});

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}
