/**
 * Hover over a finding: what was found, why it matters and how to fix it (the
 * rule's own explanation in the UI language), the principle's sources and a
 * link to the rule's page. Nothing anywhere else.
 */
import { MarkupKind, type Diagnostic, type Hover, type HoverParams, type Position } from 'vscode-languageserver/node';
import { localize } from '../../l10n';
import type { ServerContext } from '../context';
import { SOURCE } from '../protocol';
import { uriToKey } from '../uri';
import type { DiagnosticsHandler } from './diagnostics';

export class HoverHandler {
  constructor(
    private readonly ctx: ServerContext,
    private readonly diagnostics: DiagnosticsHandler,
  ) {}

  async provide(params: HoverParams): Promise<Hover | null> {
    const uri = params.textDocument.uri;
    const key = uriToKey(uri);
    if (!key || !this.ctx.documents.get(uri)) return null;
    const hits = (await this.diagnostics.current(uri, key)).filter((d) => d.source === SOURCE && contains(d, params.position));
    if (!hits.length) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: hits.map((d) => this.section(d)).join('\n\n---\n\n') },
      range: hits[0].range,
    };
  }

  private section(d: Diagnostic): string {
    const lang = this.ctx.lang;
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const parts = [`**${escapeMarkdown(message)}** \`${String(d.code)}\``];
    const rule = this.ctx.rules.find((r) => r.id === d.code);
    if (rule) {
      const explain = rule.explain[lang] ?? rule.explain.en;
      parts.push(`**${explain.title}**`, explain.why, `**${localize('How to fix:', lang)}** ${explain.fix}`);
      if (rule.sources.length) parts.push(`${localize('Sources:', lang)} ${rule.sources.join('; ')}`);
    }
    if (d.codeDescription) parts.push(`[${localize('Rule documentation', lang)}](${d.codeDescription.href})`);
    return parts.join('\n\n');
  }
}

/** Inclusive at both ends: the cursor just after a flagged word still shows its hover. */
function contains(d: Diagnostic, p: Position): boolean {
  const { start, end } = d.range;
  const afterStart = p.line > start.line || (p.line === start.line && p.character >= start.character);
  const beforeEnd = p.line < end.line || (p.line === end.line && p.character <= end.character);
  return afterStart && beforeEnd;
}

/** A message quotes the user's words; they must not turn into markup or links. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~-]/g, '\\$&');
}
