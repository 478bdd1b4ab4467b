/**
 * The suppression fix writes a new line in the file's own line-break style,
 * scanning the file once per text rather than once per finding.
 */
import * as assert from 'assert';
import type { Finding, RuleId } from '../../../server/src/core/findings';
import { emptyFileModel } from '../../../server/src/core/model';
import { lineStarts, suppressionFix } from '../../../server/src/core/suppression';

function insertedLine(text: string): string {
  const file = emptyFileModel('/p/domain.yml', 'rasa', text);
  file.commentPrefix = '#';
  const finding: Finding & { code: RuleId } = { code: 'bias.wording', severity: 'warning', file: file.file, start: text.indexOf('guys'), end: text.indexOf('guys') + 4, message: { template: 'x' }, fixes: [] };
  return suppressionFix(finding, file, lineStarts(text))!.edits[0].newText;
}

describe('suppression fix: line breaks of the file', () => {
  it('LF, CRLF, lone CR; CRLF wins in a mixed file, then a lone CR', () => {
    assert.strictEqual(insertedLine('a:\n  - hi guys\n'), '  # bot-ethics-disable-next-line bias.wording\n');
    assert.strictEqual(insertedLine('a:\r\n  - hi guys\r\n'), '  # bot-ethics-disable-next-line bias.wording\r\n');
    assert.strictEqual(insertedLine('a:\r  - hi guys\r'), '  # bot-ethics-disable-next-line bias.wording\r');
    assert.strictEqual(insertedLine('a:\n  - hi guys\r\nb: 1\r'), '  # bot-ethics-disable-next-line bias.wording\r\n');
    assert.strictEqual(insertedLine('a:\n  - hi guys\r\n'.replace('\r\n', '\n') + 'b:\r  c\n'), '  # bot-ethics-disable-next-line bias.wording\r');
    assert.strictEqual(insertedLine('x: "\r\n'.slice(0, 4) + '\n  - guys'), '  # bot-ethics-disable-next-line bias.wording\n');
  });

  it('follows a file model whose text changed (models are data; tests build them up)', () => {
    const file = emptyFileModel('/p/domain.yml', 'rasa', 'a:\n  - guys\n');
    file.commentPrefix = '#';
    const finding: Finding & { code: RuleId } = { code: 'bias.wording', severity: 'warning', file: file.file, start: 7, end: 11, message: { template: 'x' }, fixes: [] };
    assert.strictEqual(suppressionFix(finding, file, lineStarts(file.text))!.edits[0].newText.slice(-1), '\n');
    file.text = 'a:\r\n  - guys\r\n';
    finding.start = 8;
    finding.end = 12;
    assert.strictEqual(suppressionFix(finding, file, lineStarts(file.text))!.edits[0].newText.slice(-2), '\r\n');
  });
});

describe('lineStarts: the fast path for files without CR gives what the full scan gives', () => {
  it('LF, CRLF, CR, mixed, empty, a final line without a break', () => {
    assert.deepStrictEqual(lineStarts(''), [0]);
    assert.deepStrictEqual(lineStarts('a\nbc\n'), [0, 2, 5]);
    assert.deepStrictEqual(lineStarts('a\nbc'), [0, 2]);
    assert.deepStrictEqual(lineStarts('\n\n'), [0, 1, 2]);
    assert.deepStrictEqual(lineStarts('a\r\nbc\r\n'), [0, 3, 7]);
    assert.deepStrictEqual(lineStarts('a\rbc\r'), [0, 2, 5]);
    assert.deepStrictEqual(lineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
  });
});
