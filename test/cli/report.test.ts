import * as assert from 'assert';
import type { Finding } from '../../server/src/core/findings';
import { formatJson } from '../../server/src/cli/output/json';
import { formatSarif } from '../../server/src/cli/output/sarif';
import { formatText } from '../../server/src/cli/output/text';
import { compareFindings, failsAt, Reporter } from '../../server/src/cli/report';

const TEXTS: Record<string, string> = {
  '/w/bot/domain.yml': 'responses:\r\n  utter_greet:\r\n  - text: "😀 Hey guys!"\r\n',
  '/w/bot/.bot-ethics.yml': 'language: en\n',
};

function finding(over: Partial<Finding>): Finding {
  return { code: 'bias.wording', severity: 'warning', file: '/w/bot/domain.yml', start: 0, end: 0, message: { template: 'Use {0}.', args: ['folks'] }, fixes: [], ...over };
}

function report(findings: Finding[], lang: 'en' | 'de' = 'en') {
  const reporter = new Reporter('/w', lang, (k) => TEXTS[k]);
  return { files: 1, findings: findings.map((f) => reporter.finding(f)).sort(compareFindings), cwd: '/w', lang };
}

describe('CLI: report and formatters (in process)', () => {
  const guys = TEXTS['/w/bot/domain.yml'].indexOf('guys');

  it('counts columns in UTF-16 code units after an emoji, lines after CRLF', () => {
    const r = report([finding({ start: guys, end: guys + 4 })]);
    assert.deepStrictEqual(r.findings[0].range, { start: { line: 2, character: 18 }, end: { line: 2, character: 22 } });
    assert.strictEqual(r.findings[0].covered, 'guys');
    assert.strictEqual(r.findings[0].file, 'bot/domain.yml');
    assert.strictEqual(formatText(r), 'bot/domain.yml:3:19 warning bias.wording Use folks.\n1 problem (0 errors, 1 warning, 0 infos) in 1 file\n');
  });

  it('JSON: fixes with edits in other files and file-creating edits as 0:0 insertions', () => {
    const r = report([
      finding({
        start: guys,
        end: guys + 4,
        fixes: [
          { title: { template: 'Replace with {0}', args: ['folks'] }, edits: [{ file: '/w/bot/domain.yml', start: guys, end: guys + 4, newText: 'folks' }] },
          { title: { template: 'x' }, edits: [{ file: '/w/bot/.bot-ethics.yml', start: 13, end: 13, newText: 'ignore: []\n' }] },
          { title: { template: 'create' }, edits: [{ file: '/w/bot/new.yml', start: 0, end: 0, newText: 'a', createFile: true }] },
          { title: { template: 'dropped: unknown file' }, edits: [{ file: '/w/elsewhere.yml', start: 0, end: 0, newText: 'a' }] },
        ],
      }),
    ]);
    const json = JSON.parse(formatJson(r)) as { findings: { fixes: unknown[] }[] };
    assert.deepStrictEqual(json.findings[0].fixes, [
      { title: 'Replace with folks', edits: [{ file: 'bot/domain.yml', range: { start: { line: 2, character: 18 }, end: { line: 2, character: 22 } }, newText: 'folks' }] },
      { title: 'x', edits: [{ file: 'bot/.bot-ethics.yml', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'ignore: []\n' }] },
      { title: 'create', edits: [{ file: 'bot/new.yml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'a' }] },
    ]);
  });

  it('SARIF: info → note, fixes grouped by file, 1-based exclusive end columns', () => {
    const r = report([
      finding({ code: 'autonomy.handoff', severity: 'info', start: 0, end: 10 }),
      finding({
        start: guys,
        end: guys + 4,
        fixes: [
          {
            title: { template: 't' },
            edits: [
              { file: '/w/bot/domain.yml', start: guys, end: guys + 4, newText: 'folks' },
              { file: '/w/bot/domain.yml', start: 0, end: 0, newText: '# x\r\n' },
              { file: '/w/bot/.bot-ethics.yml', start: 0, end: 0, newText: 'y' },
            ],
          },
        ],
      }),
    ]);
    const log = JSON.parse(formatSarif(r, [])) as { runs: { results: { level: string; locations: { physicalLocation: { region: unknown } }[]; fixes: { artifactChanges: { artifactLocation: { uri: string }; replacements: unknown[] }[] }[] }[] }[] };
    const [handoff, bias] = log.runs[0].results;
    assert.strictEqual(handoff.level, 'note');
    assert.deepStrictEqual(handoff.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 11 });
    assert.deepStrictEqual(
      bias.fixes[0].artifactChanges.map((c) => [c.artifactLocation.uri, c.replacements.length]),
      [
        ['bot/domain.yml', 2],
        ['bot/.bot-ethics.yml', 1],
      ],
    );
  });

  it('orders by path, line, column, rule and decides --fail-on', () => {
    const r = report([
      finding({ code: 'pii.echo', start: guys, end: guys + 4, severity: 'error' }),
      finding({ file: '/w/bot/.bot-ethics.yml', code: 'config.error', start: 0, end: 8, severity: 'error' }),
      finding({ code: 'bias.wording', start: guys, end: guys + 4 }),
      finding({ code: 'autonomy.handoff', start: 0, end: 0, severity: 'info' }),
    ]);
    assert.deepStrictEqual(
      r.findings.map((f) => `${f.file}:${f.range.start.line}:${f.rule}`),
      ['bot/.bot-ethics.yml:0:config.error', 'bot/domain.yml:0:autonomy.handoff', 'bot/domain.yml:2:bias.wording', 'bot/domain.yml:2:pii.echo'],
    );
    assert.ok(failsAt(r.findings, 'error'));
    const infoOnly = r.findings.filter((f) => f.severity === 'info');
    assert.ok(!failsAt(infoOnly, 'warning'));
    assert.ok(failsAt(infoOnly, 'info'));
  });
});
