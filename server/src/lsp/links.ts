/**
 * Where a rule's documentation lives. One constant, so diagnostics, hovers and
 * any other edge link to the same place; it must match `repository` in the
 * extension's package.json.
 */
import { isRuleId, type FindingCode } from '../core/findings';
import type { UiLang } from '../l10n';

export const REPOSITORY_URL = 'https://github.com/bot-ethics/bot-ethics';

/** The rule's page (German page for a German UI); undefined for parse/config errors, which have none. */
export function ruleDocUrl(code: FindingCode | string, lang: UiLang): string | undefined {
  if (!isRuleId(code)) return undefined;
  return `${REPOSITORY_URL}/blob/main/docs/rules/${code}${lang === 'de' ? '.de' : ''}.md`;
}
