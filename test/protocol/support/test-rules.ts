/**
 * Two small rules that exist only for the LSP layer's tests, so that code
 * actions, fix-all, hovers, severities and cross-file re-checks can be tested
 * with exact expectations whatever the real rule set says. They run over the
 * real format parsers and are written like real rules (PhraseMatcher, edits
 * in the file's own syntax).
 */
import { msg } from '../../../server/src/core/findings';
import { PhraseMatcher } from '../../../server/src/core/matcher';
import { piecesOf } from '../../../server/src/core/model';
import type { Rule } from '../../../server/src/core/rule';
import { replaceInText } from '../../../server/src/rules/support/edit';

const words = new PhraseMatcher([{ term: 'guys', payload: 'everyone' }]);

/** "guys" in bot text, fixed by "everyone" (preferred). */
export const testWordRule: Rule = {
  id: 'bias.wording',
  description: 'test double: flags "guys"',
  tags: ['test'],
  defaultSeverity: 'warning',
  sources: ['Test source A', 'Test source B'],
  explain: {
    en: { title: 'Gendered generic term', why: 'It leaves people out.', fix: 'Say *everyone*.' },
    de: { title: 'Gegendertes Sammelwort', why: 'Es schließt Menschen aus.', fix: 'Sagen Sie *alle*.' },
  },
  checkFile(file, ctx) {
    for (const { piece } of piecesOf(file.messages)) {
      for (const m of words.findAll(piece.text.value)) {
        const range = piece.text.range(m.start, m.end);
        const edit = replaceInText(piece.text, m.start, m.end, m.payload);
        ctx.report({
          file: file.file,
          start: range.start,
          end: range.end,
          message: msg('"{0}" excludes people.', m.found),
          fixes: edit ? [{ title: msg('Replace with "{0}"', m.payload), edits: [edit], preferred: true }] : [],
          details: { term: m.found },
        });
      }
    }
  },
};

const human = new PhraseMatcher([{ term: 'human', payload: true }]);

/** Project-wide: no bot text anywhere mentions a human → one finding on the main file's first line. */
export const testHandoffRule: Rule = {
  id: 'autonomy.handoff',
  description: 'test double: needs the word "human" somewhere',
  tags: ['test'],
  defaultSeverity: 'info',
  sources: ['Test source C'],
  explain: {
    en: { title: 'No way to a human', why: 'Users get stuck.', fix: 'Offer a human.' },
    de: { title: 'Kein Weg zu einem Menschen', why: 'Nutzer bleiben stecken.', fix: 'Bieten Sie einen Menschen an.' },
  },
  checkProject(model, ctx) {
    for (const { piece } of piecesOf(model.messages)) if (human.findAll(piece.text.value).length) return;
    const main = model.mainFile && model.files.get(model.mainFile);
    if (!main) return;
    const eol = main.text.search(/\r|\n/);
    ctx.report({ file: main.file, start: 0, end: eol < 0 ? main.text.length : eol, message: msg('No way to reach a human.'), fixes: [] });
  },
};
