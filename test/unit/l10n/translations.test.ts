/**
 * Every English message template the server uses has a German translation
 * in the merged bundle, with the same `{n}` arguments; the core's templates
 * live in core.de.json (the part of the area that owns them).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { germanBundle } from '../../../server/src/l10n';
import core from '../../../server/src/l10n/core.de.json';
import cli from '../../../server/src/l10n/cli.de.json';
import lsp from '../../../server/src/l10n/lsp.de.json';
import { placeholdersOf, scanTemplates, type Scan } from './templates';

/** The repository root: the folder above this file (source or compiled) with server/src in it. */
function serverSrc(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'server', 'src', 'l10n', 'index.ts'))) return path.join(dir, 'server', 'src');
    if (path.dirname(dir) === dir) throw new Error('server/src not found above ' + __dirname);
  }
}

/**
 * Template positions that hold a Message built elsewhere (and scanned
 * there) or text the user wrote: reviewed, so a new kind of call is noticed.
 */
const DYNAMIC_REVIEWED = new Set([
  'cli/cli.ts: e.detail', // a UsageError's Message, built by msg() in its constructor
  'cli/cli.ts: n', // a note, built as { template: ... }
  'cli/report.ts: f.message',
  'cli/report.ts: fix.title',
  'lsp/convert.ts: finding.message',
  'lsp/convert.ts: fix.title',
  'lsp/settings.ts: p.message',
  'rules/bias-wording.ts: hit.customMessage', // the project's own message from `words.deny`
]);

describe('German translations', () => {
  let scan: Scan;
  before(function () {
    this.timeout(20000);
    scan = scanTemplates(serverSrc());
  });

  it('the scan finds the templates of every area (it is not vacuous)', () => {
    const areas = new Set(scan.uses.map((u) => u.file.split('/')[0]));
    for (const area of ['core', 'rules', 'lsp', 'cli']) assert.ok(areas.has(area), `no template found in ${area}`);
    assert.ok(scan.uses.length > 100, `${scan.uses.length} templates`);
    const templates = new Set(scan.uses.map((u) => u.template));
    // one of each way a template is written
    for (const t of ['Suppress {0} on the next line', '`language` must be auto, en or de.', 'Option --{0} needs a value.', '{0} problems', 'How to fix:', '“{0}” is a slur; remove it.']) assert.ok(templates.has(t), t);
  });

  it('every template position is a constant, or a reviewed dynamic one', () => {
    assert.deepStrictEqual(scan.dynamic.filter((d) => !DYNAMIC_REVIEWED.has(d)), []);
  });

  it('every template used in server/src has a German translation', () => {
    const missing = [...new Set(scan.uses.filter((u) => !germanBundle[u.template]).map((u) => `${u.file}: ${JSON.stringify(u.template)}`))];
    assert.deepStrictEqual(missing, []);
  });

  it('every translation keeps the template’s {n} arguments', () => {
    const wrong = Object.entries(germanBundle)
      .filter(([en, de]) => placeholdersOf(en).join() !== placeholdersOf(de).join())
      .map(([en, de]) => `${JSON.stringify(en)} → ${JSON.stringify(de)}`);
    assert.deepStrictEqual(wrong, []);
  });

  it('the core’s templates are in core.de.json, used there, and not repeated in other parts', () => {
    const coreTemplates = new Set(scan.uses.filter((u) => u.file.startsWith('core/')).map((u) => u.template));
    const coreOnly = [...coreTemplates].filter((t) => !scan.uses.some((u) => !u.file.startsWith('core/') && u.template === t));
    assert.deepStrictEqual(coreOnly.filter((t) => !(t in core)).sort(), []);
    assert.deepStrictEqual(Object.keys(core).filter((t) => !coreTemplates.has(t)).sort(), []);
    for (const [name, part] of Object.entries({ cli, lsp })) {
      assert.deepStrictEqual(Object.keys(part).filter((t) => coreOnly.includes(t)).sort(), [], `core templates in ${name}.de.json`);
    }
  });
});
