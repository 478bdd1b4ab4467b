import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { RULE_IDS } from '../../server/src/core/findings';
import { sarifValidator } from './sarif-schema';
import { ALL_RULES_OFF, cleanUp, copyExample, project, runCli } from './support';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    columnKind: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }[];
      partialFingerprints: Record<string, string>;
      fixes: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

const BROKEN = {
  'domain.yml': 'version: "3.1"\nresponses:\n  utter_goodbye:\n  - text: "Bye!"\n',
  'data folder/nlu.yml': 'version: "3.1"\nnlu:\n  - intent: goodbye\n    examples: |\n      - bye\n  - intent: [broken\n    examples: |\n      - x\n',
  '.bot-ethics.yml': 'language: en\ngenderStyle: loud\n' + ALL_RULES_OFF,
};

describe('CLI: SARIF output', () => {
  const validate = sarifValidator();
  after(cleanUp);

  function sarif(args: string[], cwd: string): SarifLog {
    const r = runCli([...args, '--format', 'sarif'], { cwd });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    return log;
  }

  it('validates against the SARIF 2.1.0 schema and has one run with every rule and its help URI', () => {
    const root = project(BROKEN);
    const log = sarif(['check', '.'], root);
    assert.strictEqual(log.version, '2.1.0');
    assert.strictEqual(log.runs.length, 1);
    const run = log.runs[0];
    assert.strictEqual(run.tool.driver.name, 'bot-ethics');
    assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+/);
    assert.match(run.tool.driver.informationUri, /^https:\/\//);
    assert.strictEqual(run.columnKind, 'utf16CodeUnits');
    assert.deepStrictEqual(
      run.tool.driver.rules.map((r) => r.id),
      [...RULE_IDS, 'parse.error', 'config.error'],
    );
    for (const r of run.tool.driver.rules) {
      assert.match(r.helpUri, /^https:\/\/\S+$/, r.id);
      assert.ok(r.shortDescription.text && r.fullDescription.text, r.id);
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
    }
    for (const id of RULE_IDS) assert.ok(run.tool.driver.rules.find((r) => r.id === id)!.helpUri.endsWith(`/docs/rules/${id}.md`));
    assert.strictEqual(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(root).href + '/');
  });

  it('the schema check can fail: a 0-based region or a missing driver name is rejected', () => {
    const log = JSON.parse(runCli(['check', '.', '--format', 'sarif'], { cwd: project(BROKEN) }).stdout) as SarifLog;
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.strictEqual(validate(log), false);
    const noName = JSON.parse(runCli(['check', '.', '--format', 'sarif'], { cwd: project(BROKEN) }).stdout) as { runs: { tool: { driver: { name?: string } } }[] };
    delete noName.runs[0].tool.driver.name;
    assert.strictEqual(validate(noName), false);
  });

  it('results: ruleIndex points at the rule, 1-based regions, relative escaped URIs, fingerprints', () => {
    const root = project(BROKEN);
    const run = sarif(['check', '.'], root).runs[0];
    const rules = run.tool.driver.rules;
    assert.deepStrictEqual(
      run.results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation, r.locations[0].physicalLocation.region]),
      [
        ['config.error', 'error', { uri: '.bot-ethics.yml', uriBaseId: '%SRCROOT%' }, { startLine: 2, startColumn: 14, endLine: 2, endColumn: 18 }],
        ['parse.error', 'error', { uri: 'data%20folder/nlu.yml', uriBaseId: '%SRCROOT%' }, { startLine: 7, startColumn: 5, endLine: 7, endColumn: 6 }],
      ],
    );
    for (const r of run.results) {
      assert.strictEqual(rules[r.ruleIndex].id, r.ruleId);
      assert.match(Object.values(r.partialFingerprints)[0], /^[0-9a-f]{32}$/);
    }
  });

  it('fingerprints survive lines added above a finding', () => {
    const root = project(BROKEN);
    const before = sarif(['check', '.'], root).runs[0].results.find((r) => r.ruleId === 'config.error')!;
    fs.writeFileSync(path.join(root, '.bot-ethics.yml'), '# settings\n\n' + BROKEN['.bot-ethics.yml']);
    const after = sarif(['check', '.'], root).runs[0].results.find((r) => r.ruleId === 'config.error')!;
    assert.strictEqual(after.locations[0].physicalLocation.region.startLine, 4);
    assert.deepStrictEqual(after.partialFingerprints, before.partialFingerprints);
  });

  it('files outside the cwd get absolute file URIs', () => {
    const root = project(BROKEN);
    const run = sarif(['check', root], path.join(root, 'data folder')).runs[0];
    const config = run.results.find((r) => r.ruleId === 'config.error')!;
    assert.deepStrictEqual(config.locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(path.join(root, '.bot-ethics.yml')).href });
  });

  it('carries rule findings with fixes as artifact changes (examples/botframework-en)', function () {
    const root = copyExample('botframework-en');
    const log = sarif(['check', '.'], root);
    const withFixes = log.runs[0].results.filter((r) => r.fixes.length > 0);
    if (!log.runs[0].results.some((r) => (RULE_IDS as readonly string[]).includes(r.ruleId))) {
      console.warn('      ⚠ no rule registered yet: SARIF fixes not checked');
      this.skip();
    }
    assert.ok(withFixes.length > 0, 'every rule finding has at least the suppression fix');
    for (const r of withFixes) {
      for (const fix of r.fixes) {
        assert.ok(fix.description.text);
        for (const change of fix.artifactChanges) for (const rep of change.replacements) assert.ok(rep.deletedRegion.startLine >= 1 && rep.deletedRegion.startColumn >= 1);
      }
    }
  });
});
