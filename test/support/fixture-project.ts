/**
 * Checks a small bot project under test/fixtures through the real parsers
 * (core/project BotProject) and engine, as the CLI and the server do.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG, layerConfig, type BotEthicsConfig } from '../../server/src/core/config';
import { Checker } from '../../server/src/core/engine';
import type { Finding, Fix } from '../../server/src/core/findings';
import { BotProject } from '../../server/src/core/project';
import type { Rule } from '../../server/src/core/rule';

/** test/fixtures/<sub>, whether the test runs from its source or from out/. */
export function fixturesDir(sub: string): string {
  const repo = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
  return path.join(repo, 'test/fixtures', sub);
}

/** Every file below `root`, as sorted POSIX paths relative to it. */
export function filesOf(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesOf(root, p));
    else out.push(path.relative(root, p).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Reads the project at `root` into a BotProject and checks it with `rules`. */
export function checkFixtureProject(root: string, rules: Rule[], config: Partial<BotEthicsConfig> = {}): { project: BotProject; findings: Finding[] } {
  const project = new BotProject(root);
  for (const f of filesOf(root)) project.update(f, fs.readFileSync(path.join(root, f), 'utf8'), 1);
  const byFile = new Checker(rules).check(project.conversation(), layerConfig({ ...DEFAULT_CONFIG }, config));
  return { project, findings: [...byFile.values()].flat() };
}

export interface CheckedFixture {
  project: BotProject;
  findings: Finding[];
  /** [rule, file, covered text, severity] per finding, in `findings`' order */
  rows: string[][];
}

/** Checks test/fixtures/<dir>/<name>; every file must parse. `byRule` sorts by rule, file, offset (else the engine's order). */
export function checkFixture(dir: string, name: string, rules: Rule[], config: Partial<BotEthicsConfig> = {}, byRule = false): CheckedFixture {
  const { project, findings } = checkFixtureProject(path.join(fixturesDir(dir), name), rules, config);
  for (const m of project.models()) assert.deepStrictEqual(m.errors, [], `${m.file} parses`);
  if (byRule) findings.sort((a, b) => a.code.localeCompare(b.code) || a.file.localeCompare(b.file) || a.start - b.start);
  const rows = findings.map((f) => [f.code, f.file, project.text(f.file)!.slice(f.start, f.end), f.severity]);
  return { project, findings, rows };
}

/** The finding of `rule` that covers exactly `covered`, and its fix whose title template satisfies `title`. */
export function findingAndFix(c: CheckedFixture, rule: string, covered: string, title: (template: string) => boolean): { finding: Finding; fix: Fix } {
  const finding = c.findings.find((x) => x.code === rule && c.project.text(x.file)!.slice(x.start, x.end) === covered);
  assert.ok(finding, `${rule} on ${covered}`);
  const fix = finding.fixes.find((x) => title(x.title.template));
  assert.ok(fix, `a fix among ${finding.fixes.map((x) => x.title.template).join(' | ')}`);
  return { finding, fix };
}
