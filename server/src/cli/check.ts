/**
 * `bot-ethics check`: plans the projects, reads their files, runs the rules
 * (the same Checker as the editor) and collects one {@link Report}. Throws
 * CliError for anything that must exit 2; never writes output itself.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG, layerConfig } from '../core/config';
import { Checker } from '../core/engine';
import type { Finding } from '../core/findings';
import { BotProject } from '../core/project';
import { FORMATS } from '../formats';
import type { UiLang } from '../l10n';
import { fileKey } from '../node/paths';
import { ioReason, type LoadedConfig } from '../node/workspace';
import { RULES } from '../rules';
import { CliError, type CheckCommand } from './args';
import { loadConfigChecked, Planner, type ProjectPlan } from './plan';
import { compareFindings, Reporter, type Report } from './report';

/** Larger files are not bot scripts someone writes (the language server uses the same limit). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Files read at the same time. */
const READ_BATCH = 16;

export interface Note {
  template: string;
  args: string[];
}

export async function runCheck(cmd: CheckCommand, cwd: string, lang: UiLang): Promise<{ report: Report; notes: Note[] }> {
  const cwdKey = fileKey(cwd);
  const resolve = (p: string) => fileKey(path.resolve(cwd, p));
  const explicit = cmd.config === undefined ? undefined : loadConfigChecked(resolve(cmd.config));
  const texts = new Map<string, string>();
  const reporter = new Reporter(cwdKey, lang, (key) => texts.get(key));
  const planner = new Planner(explicit, (key) => reporter.displayPath(key));
  for (const p of cmd.paths) await planner.add(resolve(p), p);
  const notes: Note[] = [...planner.notes];

  const checker = new Checker(RULES);
  const findings: Finding[] = [];
  const configs = new Set<LoadedConfig>(explicit ? [explicit] : []);
  const named = new Set(cmd.paths.map(resolve));
  let checkedFiles = 0;
  for (const plan of planner.result()) {
    if (plan.config) configs.add(plan.config);
    const project = new BotProject(plan.root, FORMATS);
    await readInto(project, plan, notes, reporter);
    for (const f of project.files) texts.set(f, project.text(f)!);
    const only = plan.report === 'all' ? undefined : plan.report;
    for (const f of only ?? project.files) {
      if (!project.has(f)) continue; // not read (too large)
      if (project.model(f)) checkedFiles++;
      else if (named.has(f)) notes.push({ template: '{0}: not a bot file of a supported format, skipped', args: [reporter.displayPath(f)] });
    }
    const config = layerConfig(DEFAULT_CONFIG, plan.config?.config);
    const configFile = plan.config && { path: plan.config.path, text: plan.config.text };
    const byFile = checker.check(project.conversation(), config, only, { root: plan.root, configFile });
    for (const list of byFile.values()) findings.push(...list);
  }
  if (checkedFiles === 0 && !notes.length) notes.push({ template: 'no bot files found (Rasa, Bot Framework Composer, Dialogflow)', args: [] });
  // problems in the config files themselves (invalid values, broken YAML)
  for (const c of configs) {
    texts.set(c.path, c.text);
    findings.push(...c.problems);
  }
  const reported = findings.map((f) => reporter.finding(f)).sort(compareFindings);
  return { report: { files: checkedFiles, findings: reported, cwd: cwdKey, lang }, notes };
}

async function readInto(project: BotProject, plan: ProjectPlan, notes: Note[], reporter: Reporter): Promise<void> {
  const files = [...plan.files].sort();
  for (let i = 0; i < files.length; i += READ_BATCH) {
    const batch = files.slice(i, i + READ_BATCH);
    const texts = await Promise.all(batch.map((f) => readBotFile(f, notes, reporter)));
    batch.forEach((f, k) => {
      const text = texts[k];
      if (text !== undefined) project.update(f, text, 0);
    });
  }
}

async function readBotFile(file: string, notes: Note[], reporter: Reporter): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_FILE_BYTES) {
      notes.push({ template: '{0}: skipped, larger than {1} MB', args: [reporter.displayPath(file), String(MAX_FILE_BYTES / 1024 / 1024)] });
      return undefined;
    }
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new CliError('Cannot read {0}: {1}.', reporter.displayPath(file), ioReason(e));
  }
}
