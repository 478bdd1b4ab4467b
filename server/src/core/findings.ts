/**
 * Findings and fixes as plain data: what the core hands to the editor layer
 * and to the CLI. Positions are source offsets; the edges convert them.
 */
import type { SourceRange } from './text';

export const RULE_IDS = [
  'disclosure.missing',
  'disclosure.impersonation',
  'pii.echo',
  'pii.transfer',
  'pii.literal',
  'pii.notice',
  'pii.sensitive',
  'bias.wording',
  'autonomy.handoff',
  'autonomy.pressure',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
/** Findings that are not rules: a file that does not parse, a config value that is wrong. */
export type FindingCode = RuleId | 'parse.error' | 'config.error';
export type Severity = 'error' | 'warning' | 'info';

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

/**
 * A message before localisation: an English template with `{0}`-style
 * arguments. The edges translate it with the l10n bundle for the user's
 * display language (the template is the bundle key).
 */
export interface Message {
  template: string;
  args?: (string | number)[];
}

export function msg(template: string, ...args: (string | number)[]): Message {
  return args.length ? { template, args } : { template };
}

export interface Edit extends SourceRange {
  file: string;
  newText: string;
  /** the file does not exist yet: the edit (start = end = 0) creates it with `newText` */
  createFile?: boolean;
}

export interface Fix {
  title: Message;
  edits: Edit[];
  /** the fix to apply first / in "fix all" */
  preferred?: boolean;
}

export interface Finding extends SourceRange {
  code: FindingCode;
  severity: Severity;
  file: string;
  message: Message;
  /** quick fixes that change the bot (not the suppression, which the engine adds) */
  fixes: Fix[];
  /** source offset whose line a `disable-next-line` comment must precede (block scalars: the key line) */
  anchor?: number;
  /** the matched term, category etc.: shown in hovers, typed for code actions */
  details?: Record<string, string | number | boolean>;
}
