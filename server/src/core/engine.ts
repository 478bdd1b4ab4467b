/**
 * Runs the rules over a project: file-scope rules once per parsed file (cached
 * by the file model's identity and the config), project-scope rules over the
 * merged conversation; then applies config severities and suppression
 * comments and adds the "suppress" fix to every finding.
 */
import type { BotEthicsConfig } from './config';
import { CONFIG_FILE_NAME, effectiveSeverity } from './config';
import { msg, type Finding, type RuleId } from './findings';
import { detectLanguage } from './lang';
import { joinedText, type Conversation, type FileModel, type Lang, type TextPiece, type Variation } from './model';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { findSuppressions, isSuppressed, lineStarts, suppressionFix, type Suppressions } from './suppression';
import { IgnoreList, ignoreFix, type ConfigFileRef } from './ignore';
import { readableConversation, readableFile } from './readable';

/**
 * Where the project lives, so that the config's `ignore` entries (relative to
 * the config file's folder) can be applied and JSON files get an
 * "ignore entry" suppression fix. Without it, `ignore` is not applied here.
 */
export interface CheckOptions {
  /** the project's root folder (file key); a new config file is created here */
  root: string;
  /** the config file in effect; `text` undefined when it does not exist */
  configFile?: ConfigFileRef;
}

/** One file-scope rule's findings on one file model. */
interface RuleResult {
  findings: Finding[];
  /**
   * The conversation they were computed against, when the rule read
   * `ctx.model` (a lookup in another file): redone when the project changes.
   * Undefined: they depend on the file alone.
   */
  model?: Conversation;
}

interface FileCache {
  config: BotEthicsConfig;
  results: Map<Rule, RuleResult>;
  /** raw rule findings of file-scope rules, before severity/suppression (all results, in rule order) */
  findings: Finding[];
  suppressions: Suppressions;
  starts: number[];
}

export class Checker {
  private readonly fileCache = new WeakMap<FileModel, FileCache>();
  private readonly ignoreCache = new WeakMap<BotEthicsConfig, IgnoreList>();

  constructor(readonly rules: readonly Rule[]) {}

  /**
   * Findings of the whole project by file. `only` limits the output (not the
   * analysis) to some files, e.g. the documents open in the editor.
   */
  check(model: Conversation, config: BotEthicsConfig, only?: ReadonlySet<string>, options?: CheckOptions): Map<string, Finding[]> {
    const byFile = new Map<string, Finding[]>();
    const ignore = options && this.ignoreList(config, options);
    const wanted = (f: string) => (!only || only.has(f)) && !ignore?.ignores(f);
    for (const file of model.files.keys()) if (wanted(file)) byFile.set(file, []);

    for (const fm of model.files.values()) {
      if (!wanted(fm.file)) continue;
      const cache = this.fileState(fm, model, config);
      for (const e of fm.errors) {
        byFile.get(fm.file)!.push({ code: 'parse.error', severity: 'error', file: fm.file, start: e.at.start, end: e.at.end, message: msg('This file could not be parsed: {0}', e.message), fixes: [] });
      }
      for (const f of cache.findings) this.finish(f, model, config, byFile, options, ignore);
    }
    const projectFindings: Finding[] = [];
    for (const rule of this.rules) {
      if (!rule.checkProject || effectiveSeverity(config, rule.id, rule.defaultSeverity) === undefined) continue;
      rule.checkProject(readableConversation(model), this.context(rule, readableConversation(model), config, projectFindings));
    }
    for (const f of projectFindings) if (wanted(f.file)) this.finish(f, model, config, byFile, options, ignore);
    for (const list of byFile.values()) list.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
    return byFile;
  }

  private fileState(fm: FileModel, model: Conversation, config: BotEthicsConfig): FileCache {
    const cached = this.fileCache.get(fm);
    const reusable = cached && cached.config === config ? cached : undefined;
    const current = (r: RuleResult | undefined): r is RuleResult => r !== undefined && (r.model === undefined || r.model === model);
    if (reusable && [...reusable.results.values()].every(current)) return reusable;
    const results = new Map<Rule, RuleResult>();
    const findings: Finding[] = [];
    for (const rule of this.rules) {
      if (!rule.checkFile || effectiveSeverity(config, rule.id, rule.defaultSeverity) === undefined) continue;
      let result = reusable?.results.get(rule);
      if (!current(result)) {
        const found: Finding[] = [];
        let readModel = false;
        rule.checkFile(readableFile(fm), this.context(rule, readableConversation(model), config, found, () => (readModel = true)));
        result = { findings: found, model: readModel ? model : undefined };
      }
      results.set(rule, result);
      findings.push(...result.findings);
    }
    const state: FileCache = { config, results, findings, suppressions: cached?.suppressions ?? findSuppressions(fm), starts: cached?.starts ?? lineStarts(fm.text) };
    this.fileCache.set(fm, state);
    return state;
  }

  /** Config severity, suppression comments, the suppression fix; then into the file's list. */
  private finish(f: Finding, model: Conversation, config: BotEthicsConfig, byFile: Map<string, Finding[]>, options?: CheckOptions, ignore?: IgnoreList): void {
    const list = byFile.get(f.file);
    const fm = model.files.get(f.file);
    if (!list || !fm) return;
    const code = f.code as RuleId;
    const severity = effectiveSeverity(config, code, f.severity);
    if (!severity) return;
    const state = this.fileState(fm, model, config);
    if (isSuppressed(f, state.suppressions, state.starts) || ignore?.suppresses(f.file, code)) return;
    // JSON formats have no comments: their suppression is an `ignore` entry in the config file
    const suppress = fm.commentPrefix ? suppressionFix({ ...f, code }, fm, state.starts) : options && ignoreFix(code, f.file, options.configFile ?? { path: `${options.root.replace(/\/+$/, '')}/${CONFIG_FILE_NAME}` });
    list.push({ ...f, severity, fixes: suppress ? [...f.fixes, suppress] : f.fixes });
  }

  /** The config's `ignore` entries, relative to the config file's folder (or the root without one). */
  private ignoreList(config: BotEthicsConfig, options: CheckOptions): IgnoreList {
    const configPath = options.configFile?.path;
    const base = configPath ? configPath.slice(0, configPath.lastIndexOf('/')) : options.root;
    const cached = this.ignoreCache.get(config);
    if (cached && cached.base === base) return cached;
    const list = new IgnoreList(config.ignore, base);
    this.ignoreCache.set(config, list);
    return list;
  }

  /** `onModelRead`: told when the rule looks at the project, so that file-scope results know what they depend on. */
  private context(rule: Rule, model: Conversation, config: BotEthicsConfig, sink: Finding[], onModelRead?: () => void): RuleContext {
    return {
      config,
      get model() {
        onModelRead?.();
        return model;
      },
      langOf: (variation: Variation, piece?: TextPiece) => this.langOf(variation, piece, config),
      report: (rf: RuleFinding) => sink.push({ ...rf, code: rule.id, severity: rf.severity ?? rule.defaultSeverity }),
    };
  }

  /**
   * Detected from the piece's text, or the whole variation's: remembered by
   * content (core/lang.ts), so a variation copied by a re-parse costs a
   * lookup, and the answer for a piece never depends on which rule asked first.
   */
  private langOf(variation: Variation, piece: TextPiece | undefined, config: BotEthicsConfig): Lang {
    if (config.language !== 'auto') return config.language;
    if (variation.lang) return variation.lang;
    return detectLanguage(joinedText(piece ? [piece] : variation.pieces)) ?? 'en';
  }
}
