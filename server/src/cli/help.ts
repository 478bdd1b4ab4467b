/** `--help` and `bot-ethics rules`. */
import type { Rule } from '../core/rule';
import { localize, type UiLang } from '../l10n';
import { ruleDocUrl } from '../lsp/links';

const USAGE = `Usage: bot-ethics check [PATH ...] [options]
       bot-ethics rules [--format text|json]

Checks bot scripts (Rasa, Bot Framework Composer, Dialogflow ES/CX) for ethics
problems: a bot that hides that it is a bot, personal data echoed or sent
unsafely, exclusionary wording, no way to reach a human, pressure tactics.

PATH is a file or a folder (default: .). A folder is one bot project; bot
projects inside it (their own .bot-ethics.yml, domain.yml, agent.json or
.botproj) are checked each on its own. .gitignore'd files, node_modules and
the config's ignore globs are skipped.

Options:
  --format text|json|sarif     output format (default: text)
  --fail-on error|warning|info exit 1 when a finding reaches this level (default: error)
  --config FILE                use this config file instead of the nearest .bot-ethics.yml
  --lang en|de                 language of the messages (default: from LC_ALL, LC_MESSAGES, LANG)
  -h, --help                   show this help
  -v, --version                show the version

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, config or I/O error.`;

export function helpText(lang: UiLang): string {
  return localize(USAGE, lang) + '\n';
}

export function rulesText(rules: readonly Rule[], format: 'text' | 'json', lang: UiLang): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (format === 'json') {
    const list = sorted.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, description: r.description, title: (r.explain[lang] ?? r.explain.en).title, tags: r.tags, sources: r.sources, helpUri: ruleDocUrl(r.id, lang) }));
    return JSON.stringify(list, null, 2) + '\n';
  }
  const width = Math.max(0, ...sorted.map((r) => r.id.length));
  return sorted.map((r) => `${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(7)}  ${(r.explain[lang] ?? r.explain.en).title || r.description}`).join('\n') + (sorted.length ? '\n' : '');
}
