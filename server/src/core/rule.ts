/**
 * The one small interface every rule implements (one rule a file in
 * `server/src/rules/`). A rule reads only the conversation model and reports
 * findings with their fixes as data.
 */
import type { BotEthicsConfig } from './config';
import type { Finding, RuleId, Severity } from './findings';
import type { Conversation, FileModel, Lang, TextPiece, Variation } from './model';

/** What a rule reports; the engine adds the rule id, config severity and the suppression fix. */
export type RuleFinding = Omit<Finding, 'code' | 'severity'> & { severity?: Severity };

export interface RuleContext {
  config: BotEthicsConfig;
  /**
   * the whole project (also in file-scope checks, for lookups such as variable
   * types; a file-scope check that reads it is redone whenever the project changes)
   */
  model: Conversation;
  /** the language a variation is written in: config `language`, else the format's, else detected, else English */
  langOf(variation: Variation, piece?: TextPiece): Lang;
  report(finding: RuleFinding): void;
}

export interface Rule {
  id: RuleId;
  /** one line, English; shown in docs, SARIF and `--help` */
  description: string;
  tags: string[];
  defaultSeverity: Severity;
  /** the principle and where it comes from, e.g. "EU AI Act Art. 50(1)" */
  sources: string[];
  /**
   * The hover and docs text, per UI language: why it matters and how to fix it
   * (Markdown, a few sentences each). The docs page docs/rules/<id>.md says more.
   */
  explain: Record<Lang, { title: string; why: string; fix: string }>;
  /**
   * Findings that depend on one file only (its texts): cached per parsed file,
   * so an edit re-checks only the file it touched.
   */
  checkFile?(file: FileModel, ctx: RuleContext): void;
  /** Findings that need the whole project (greetings, variables, endpoints). */
  checkProject?(model: Conversation, ctx: RuleContext): void;
}
