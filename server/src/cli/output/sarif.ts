/**
 * SARIF 2.1.0 output for GitHub code scanning and other SARIF viewers: one
 * run; tool.driver.rules lists every rule (plus parse.error and config.error,
 * so each result has a rule); results carry 1-based regions counted in UTF-16
 * code units (`columnKind` says so), paths relative to %SRCROOT% (the cwd),
 * fixes as artifact changes, and a fingerprint that survives edits elsewhere
 * in the file.
 */
import { createHash } from 'crypto';
import { pathToFileURL } from 'url';
import { version } from '../../../../package.json';
import { RULE_IDS, type FindingCode, type Severity } from '../../core/findings';
import type { Rule } from '../../core/rule';
import type { UiLang } from '../../l10n';
import { REPOSITORY_URL, ruleDocUrl } from '../../lsp/links';
import type { Range, Report, ReportedFinding } from '../report';

const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Findings that are not rules still need a descriptor: every result names one. */
const PSEUDO_RULES: readonly { id: FindingCode; short: string; full: string; helpUri: string }[] = [
  {
    id: 'parse.error',
    short: 'A bot file could not be parsed.',
    full: 'The file is not valid in its format (YAML, JSON, LG, LU); it is reported at the error and the other files are still checked.',
    helpUri: `${REPOSITORY_URL}#supported-formats`,
  },
  {
    id: 'config.error',
    short: 'A setting in .bot-ethics.yml is invalid.',
    full: 'A value in the config file is not valid; it is reported at the value and the rest of the config still applies.',
    helpUri: `${REPOSITORY_URL}/blob/main/docs/configuration.md`,
  },
];

interface RuleDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties?: { tags: string[] };
}

export function formatSarif(report: Report, rules: readonly Rule[]): string {
  const descriptors = ruleDescriptors(rules, report.lang);
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const srcRoot = pathToFileURL(report.cwd).href.replace(/\/?$/, '/');
  const occurrences = new Map<string, number>();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bot-ethics', version, semanticVersion: version, informationUri: REPOSITORY_URL, rules: descriptors } },
        language: report.lang,
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: srcRoot } },
        results: report.findings.map((f) => result(f, index.get(f.rule)!, fingerprint(f, occurrences))),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptors(rules: readonly Rule[], lang: UiLang): RuleDescriptor[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const out: RuleDescriptor[] = [];
  for (const id of RULE_IDS) {
    const rule = byId.get(id);
    const explain = rule?.explain[lang] ?? rule?.explain.en;
    const descriptor: RuleDescriptor = {
      id,
      name: ruleName(id),
      shortDescription: { text: rule?.description ?? id },
      fullDescription: { text: explain?.why || rule?.description || id },
      helpUri: ruleDocUrl(id, lang)!,
      defaultConfiguration: { level: LEVEL[rule?.defaultSeverity ?? 'warning'] },
    };
    if (explain) {
      const sources = rule!.sources.length ? `\n\n${rule!.sources.join('; ')}` : '';
      descriptor.help = { text: `${explain.why}\n\n${explain.fix}${sources}`, markdown: `**${explain.title}**\n\n${explain.why}\n\n${explain.fix}${sources}` };
    }
    if (rule?.tags.length) descriptor.properties = { tags: rule.tags };
    out.push(descriptor);
  }
  for (const p of PSEUDO_RULES) {
    out.push({ id: p.id, name: ruleName(p.id), shortDescription: { text: p.short }, fullDescription: { text: p.full }, helpUri: p.helpUri, defaultConfiguration: { level: 'error' } });
  }
  return out;
}

/** `pii.echo` → `PiiEcho` (SARIF's human-readable rule name). */
function ruleName(id: string): string {
  return id.replace(/(^|\.)([a-z])/g, (_, _dot: string, c: string) => c.toUpperCase());
}

function result(f: ReportedFinding, ruleIndex: number, hash: string) {
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(f.file, f.key), region: region(f.range) } }],
    partialFingerprints: { 'botEthicsFinding/v1': hash },
    fixes: f.fixes.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: groupByFile(fix.edits).map((edits) => ({
        artifactLocation: artifact(edits[0].file, edits[0].key),
        replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      })),
    })),
  };
}

/** Relative to %SRCROOT% when inside the cwd; an absolute file URI otherwise. */
function artifact(display: string, key: string): { uri: string; uriBaseId?: string } {
  if (display === '..' || display.startsWith('../') || /^[a-zA-Z]:|^\//.test(display)) return { uri: pathToFileURL(key).href };
  return { uri: display.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** SARIF regions are 1-based with an exclusive end column. */
function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function groupByFile<T extends { key: string }>(edits: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const e of edits) {
    const g = groups.get(e.key);
    if (g) g.push(e);
    else groups.set(e.key, [e]);
  }
  return [...groups.values()];
}

/**
 * Rule, file and the covered text, not the line number: a finding keeps its
 * fingerprint when lines are added above it. The nth identical finding in a
 * file gets the index n so that repeats stay distinct.
 */
function fingerprint(f: ReportedFinding, occurrences: Map<string, number>): string {
  const base = `${f.rule}\u0000${f.file}\u0000${f.covered}`;
  const n = occurrences.get(base) ?? 0;
  occurrences.set(base, n + 1);
  return createHash('sha256').update(`${base}\u0000${n}`).digest('hex').slice(0, 32);
}
