/**
 * Incremental re-parse of Rasa YAML: whenever `reparse` returns a model it is
 * exactly the model a full parse of the new text gives (random edits on the
 * real-project corpus and the generated 5,000-line domain), a typical edit in
 * a response takes the incremental path, and unusual edits fall back.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FileModel } from '../../../../server/src/core/model';
import { BotProject } from '../../../../server/src/core/project';
import type { FormatParser } from '../../../../server/src/formats/format';
import { rasaYamlParser } from '../../../../server/src/formats/rasa';
import { generateRasaProject } from '../../../bench/rasa-project';
import { seededRandom as rng } from '../../../support/seeded-random';
import { CORPUS } from '../../../support/corpus';

const PROJECTS = /^(RasaHQ__|robo-ai__)/;

/** The whole model as JSON: every MappedText with its segments, anchor and node; the file text by length. */
function normal(m: FileModel): unknown {
  return JSON.parse(JSON.stringify({ ...m, text: m.text.length }));
}

function reparse(file: string, text: string, previous: FileModel): FileModel | undefined {
  return rasaYamlParser.reparse!(file, text, { text: previous.text, model: previous });
}

/** What an edit types: characters and words, YAML-special ones too. */
const INSERTS = ['e', 'x', ' ', 'ü', '\n', ':', ': ', '-', '- ', '#', ' #', '"', "'", '&a ', '*a', '{', '}', '{name}', '|', '>', '\t', 'word ', '  ', '\n  ', '\n    - text: hi\n', '\n  utter_new:\n  - text: new\n', 'utter_greet', 'utter_ask_email', 'a/b'];

/** What a designer types in a text most of the time. */
const TYPED = ['e', 'n', ' ', 'ä', 'word ', '{name}', '.'];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function randomEdit(rnd: () => number, text: string, model: FileModel, inText: boolean): Edit {
  let at: number;
  if (inText) {
    const pieces = model.messages.flatMap((m) => m.variations.flatMap((v) => v.pieces));
    const r = pieces.length ? pieces[Math.floor(rnd() * pieces.length)].text.fullRange : { start: 0, end: text.length };
    at = r.start + Math.floor(rnd() * (r.end - r.start + 1));
  } else at = Math.floor(rnd() * (text.length + 1));
  const kind = rnd();
  const insert = kind < 0.3 ? '' : rnd() < 0.5 ? TYPED[Math.floor(rnd() * TYPED.length)] : INSERTS[Math.floor(rnd() * INSERTS.length)];
  // delete a character or a word (up to the next blank)
  let remove = 0;
  if (kind < 0.3 || kind > 0.8) {
    remove = rnd() < 0.5 ? 1 : Math.max(1, text.slice(at).search(/[ \n]|$/));
  }
  return { at, remove: Math.min(remove, text.length - at), insert };
}

function apply(text: string, e: Edit): string {
  return text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
}

/**
 * A chain of random edits on one file: each new text is re-parsed from the
 * model held so far (itself possibly re-parsed) and compared to a full parse.
 * Returns how many edits took the incremental path.
 */
function editChain(file: string, source: string, edits: number, seed: number, inTextShare: number): { incremental: number; total: number } {
  const rnd = rng(seed);
  let text = source;
  let model = rasaYamlParser.parse(file, text);
  let incremental = 0;
  for (let i = 0; i < edits; i++) {
    const edit = randomEdit(rnd, text, model, rnd() < inTextShare);
    const next = apply(text, edit);
    if (next === text) continue;
    const full = rasaYamlParser.parse(file, next);
    const got = reparse(file, next, model);
    if (got) {
      incremental++;
      assert.deepStrictEqual(normal(got), normal(full), `${file}: edit ${i} ${JSON.stringify(edit)} (seed ${seed})`);
    }
    // an edit that broke the file is undone: a model with errors is never re-parsed incrementally
    if (full.errors.length) continue;
    text = next;
    model = got ?? full;
  }
  return { incremental, total: edits };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (/\.ya?ml$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

describe('rasa: incremental re-parse', function () {
  this.timeout(120_000);

  it('equals a full parse after random edits on every Rasa file of the corpus', function () {
    if (!fs.existsSync(CORPUS)) {
      console.warn(`\n  !!! WARNING: corpus not found at ${CORPUS}; set BOT_ETHICS_CORPUS. Skipping the corpus equivalence test. !!!\n`);
      this.skip();
    }
    let files = 0;
    let incremental = 0;
    for (const project of fs.readdirSync(CORPUS).filter((p) => PROJECTS.test(p))) {
      for (const file of walk(path.join(CORPUS, project))) {
        const text = fs.readFileSync(file, 'utf8');
        if (!rasaYamlParser.claims(file, text)) continue;
        files++;
        const seed = files * 7919;
        // each edit is checked against a full parse: fewer edits on the large files keep the test short
        const edits = Math.max(6, Math.min(30, Math.round(250_000 / Math.max(1, text.length))));
        incremental += editChain(file, text, edits, seed, 0.7).incremental;
      }
    }
    assert.ok(files >= 40, `only ${files} Rasa files found`);
    // the corpus has many response files: a good share of the edits must have been checked incrementally
    console.log(`      (${incremental} incremental re-parses over ${files} files, each equal to a full parse)`);
    assert.ok(incremental > files, `only ${incremental} incremental re-parses over ${files} files`);
  });

  it('equals a full parse after random edits on the generated 5,000-line domain, mostly incrementally inside response texts', () => {
    const gen = generateRasaProject(5000);
    const domain = gen.files[gen.domain];
    const inText = editChain('/bench/domain.yml', domain, 25, 1, 1);
    console.log(`      (generated domain: ${inText.incremental}/${inText.total} edits in texts incremental)`);
    assert.ok(inText.incremental >= inText.total * 0.6, `${inText.incremental}/${inText.total} incremental`);
    editChain('/bench/domain.yml', domain, 10, 2, 0);
  });

  it('a typed character in a response takes the incremental path in BotProject (no full parse)', () => {
    const src = 'version: "3.1"\nintents:\n- greet\nresponses:\n  utter_greet:\n  - text: Hello!\n  utter_price:\n  - text: "It costs {amount}."\n    buttons:\n    - title: Buy now\n  utter_bye:\n  - text: Bye\nslots:\n  amount:\n    type: float\n';
    let fullParses = 0;
    const counting: FormatParser = { ...rasaYamlParser, parse: (p, t) => (fullParses++, rasaYamlParser.parse(p, t)) };
    const project = new BotProject('/p', [counting]);
    project.update('/p/domain.yml', src, 1);
    project.model('/p/domain.yml');
    assert.strictEqual(fullParses, 1);
    const at = src.indexOf('costs') + 2;
    const edited = src.slice(0, at) + 'XY' + src.slice(at);
    project.update('/p/domain.yml', edited, 2);
    const model = project.model('/p/domain.yml')!;
    assert.strictEqual(fullParses, 1, 'no full parse for an edit inside a response');
    assert.deepStrictEqual(normal(model), normal(rasaYamlParser.parse('/p/domain.yml', edited)));
    const price = model.messages.find((m) => m.id === 'utter_price')!;
    assert.strictEqual(price.variations[0].pieces[0].text.value, 'It coXYsts {amount}.');
    assert.deepStrictEqual(price.variations[0].pieces[0].text.fullRange, { start: edited.indexOf('It coXY'), end: edited.indexOf('."') + 1 });
    const bye = model.messages.find((m) => m.id === 'utter_bye')!;
    assert.deepStrictEqual(bye.declaration, { start: edited.indexOf('utter_bye'), end: edited.indexOf('utter_bye') + 9 });
    assert.deepStrictEqual(model.variables[0].declaration, { start: edited.indexOf('  amount:') + 2, end: edited.indexOf('  amount:') + 8 });
    // two updates before the next model(): still from the last parsed version
    project.update('/p/domain.yml', edited.replace('Bye', 'Bye!'), 3);
    project.update('/p/domain.yml', edited.replace('Bye', 'Bye!!'), 4);
    assert.deepStrictEqual(normal(project.model('/p/domain.yml')!), normal(rasaYamlParser.parse('/p/domain.yml', edited.replace('Bye', 'Bye!!'))));
    assert.strictEqual(fullParses, 1);
    // an edit of a section header is parsed in full
    project.update('/p/domain.yml', edited.replace('slots:', 'slotz:'), 5);
    project.model('/p/domain.yml');
    assert.strictEqual(fullParses, 2);
  });

  describe('falls back to a full parse when the edit is unusual', () => {
    const src = 'version: "3.1"\nresponses:\n  utter_greet:\n  - text: Hello!\n  utter_a:\n  - text: A text\n  utter_b:\n  - text: B text\nforms:\n  f_form:\n    required_slots:\n    - email\n';
    const prev = rasaYamlParser.parse('domain.yml', src);
    const edit = (from: string, to: string): string => {
      assert.ok(src.includes(from));
      return src.replace(from, to);
    };
    const cases: [string, string, string][] = [
      ['a greeting by name', 'Hello!', 'Hi!'],
      ['a rename to a greeting', 'utter_a:', 'utter_greet_x:'],
      ['a rename to a prompt', 'utter_a:', 'utter_ask_email:'],
      ['a retrieval response', 'utter_a:', 'utter_faq/x:'],
      ['a duplicate name', 'utter_b:', 'utter_a:'],
      ['an anchor', '- text: A text', '- &x text: A text'],
      ['a section header', 'responses:', 'templates:'],
      ['the version line', '"3.1"', '"2.0"'],
      ['a new top-level key', '  utter_b:', 'nlu:\n  utter_b:'],
      ['a parse error in the chunk', 'A text', 'A: text: x'],
      ['a tab in the indentation', '  - text: B text', '\t- text: B text'],
    ];
    for (const [name, from, to] of cases) {
      it(name, () => {
        assert.strictEqual(reparse('domain.yml', edit(from, to), prev), undefined);
      });
    }
    it('but not for a plain text edit or a new entry', () => {
      for (const next of [edit('A text', 'A longer text'), edit('  utter_b:', '  utter_c:\n  - text: C\n  utter_b:')]) {
        const got = reparse('domain.yml', next, prev);
        assert.ok(got);
        assert.deepStrictEqual(normal(got), normal(rasaYamlParser.parse('domain.yml', next)));
      }
    });
  });
});
