/**
 * "A quick fix never corrupts a file", on real bots: random edits of bot
 * texts in every file of the third-party corpus (/work/shared/corpus, read
 * only, never copied) — Rasa YAML in all its scalar styles, LG, .dialog and
 * Dialogflow JSON — made with rules/support/edit.ts, then the file parsed
 * again by its own parser: no new errors, and the same text reads exactly as
 * asked. Placeholders and template calls are code, never edited by a rule,
 * so edits stay outside them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseFile } from '../../../server/src/core/project';
import { CANDIDATE_EXTENSIONS } from '../../../server/src/formats';
import type { TextPiece } from '../../../server/src/core/model';
import { replaceInText } from '../../../server/src/rules/support/edit';
import { randomSource } from './random';
import { CORPUS } from '../../support/corpus';

const EDITS_PER_FILE = 6;

function filesOf(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesOf(p));
    else if (CANDIDATE_EXTENSIONS.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out.sort();
}

/** `${...}` spans of a text (braces counted), also those that are neither placeholder nor call (`${['a', 'b']}`). */
function expressions(value: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = value.indexOf('${'); i >= 0; i = value.indexOf('${', i + 2)) {
    let depth = 0;
    let j = i + 1;
    for (; j < value.length; j++) {
      if (value[j] === '{') depth++;
      else if (value[j] === '}' && --depth === 0) break;
    }
    out.push({ start: i, end: j + 1 });
  }
  return out;
}

/** Does [from, to) touch code inside the text (a placeholder, a template call, an expression)? */
function touchesCode(piece: TextPiece, from: number, to: number): boolean {
  return [...piece.placeholders, ...(piece.calls ?? []), ...expressions(piece.text.value)].some((c) => (from < c.end && to > c.start) || (from > c.start && from < c.end));
}

describe('text edits on the real-bot corpus read back exactly', function () {
  this.timeout(120_000);
  if (!fs.existsSync(CORPUS)) {
    it('corpus missing', function () {
      console.warn(`\n  ⚠⚠⚠ corpus not found at ${CORPUS}: set BOT_ETHICS_CORPUS; corpus edit tests SKIPPED ⚠⚠⚠\n`);
      this.skip();
    });
    return;
  }

  it('edits every kind of bot text without a new parse error or a changed neighbour', () => {
    const rnd = randomSource.rng(5);
    const byEncoding = new Map<string, number>();
    const failures: string[] = [];
    for (const file of filesOf(CORPUS)) {
      let text = fs.readFileSync(file, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const model = parseFile(file, text);
      if (!model?.messages.length) continue;
      // per encoding, so that the rarer scalar styles of a file are edited too
      const groups = new Map<string, [number, number, number][]>();
      model.messages.forEach((m, mi) =>
        m.variations.forEach((v, vi) =>
          v.pieces.forEach((p, pi) => {
            const group = groups.get(p.text.encoding.kind) ?? [];
            group.push([mi, vi, pi]);
            groups.set(p.text.encoding.kind, group);
          }),
        ),
      );
      const picks = [...groups.values()].flatMap((slots) => Array.from({ length: EDITS_PER_FILE }, () => randomSource.pick(rnd, slots)));
      for (const [mi, vi, pi] of picks) {
        const piece = model.messages[mi].variations[vi].pieces[pi];
        const t = piece.text;
        // an LG ``` block is verbatim text: the LG encoding (escapes) is for variation lines (a rule never edits there)
        if (t.encoding.kind === 'lg' && text.slice(t.node.start, t.node.end).includes('```')) continue;
        const from = Math.floor(rnd() * (t.length + 1));
        const to = rnd() < 0.5 ? from : from + Math.floor(rnd() * Math.min(8, t.length - from + 1));
        if (touchesCode(piece, from, to)) continue;
        const insertion = randomSource.string(rnd, randomSource.NASTY, Math.floor(rnd() * 5));
        const edit = replaceInText(t, from, to, insertion);
        if (!edit) continue;
        byEncoding.set(t.encoding.kind, (byEncoding.get(t.encoding.kind) ?? 0) + 1);
        const after = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
        const again = parseFile(file, after)!;
        let f = from;
        let e = to;
        if (t.encoding.kind === 'yaml-block') {
          const body = t.value.replace(/\n+$/, '').length;
          f = Math.min(from, body);
          e = Math.min(to, body);
        }
        const want = t.value.slice(0, f) + insertion + t.value.slice(e);
        const got = again.messages[mi]?.variations[vi]?.pieces[pi]?.text.value;
        const where = `${path.relative(CORPUS, file)} ${JSON.stringify({ value: t.value.slice(0, 60), from, to, insertion, newText: edit.newText })}`;
        if (again.errors.length > model.errors.length) failures.push(`new error ${again.errors[again.errors.length - 1].message}: ${where}`);
        else if (got !== want) failures.push(`read back ${JSON.stringify(got)}: ${where}`);
      }
    }
    assert.deepStrictEqual(failures, []);
    // every encoding of the corpus was exercised (block scalars are rare in real responses: one domain has them)
    for (const [kind, least] of [['json', 20], ['lg', 20], ['yaml-plain', 20], ['yaml-double', 20], ['yaml-block', 5]] as const) {
      assert.ok((byEncoding.get(kind) ?? 0) >= least, `${kind}: ${byEncoding.get(kind) ?? 0} edits`);
    }
  });
});
