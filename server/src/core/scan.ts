/**
 * Parts of a bot text that are not words a user reads: URLs, e-mail
 * addresses, placeholders, markup and code identifiers. Word rules skip them,
 * so "blacklist" in a URL or `{customer_id}` never becomes a hint.
 */
import type { TextPiece } from './model';
import { TextMemo } from './memo';
import type { SourceRange } from './text';

// Each alternative is linear: no nested quantifiers, so no catastrophic backtracking.
const PROTECTED = new RegExp(
  [
    String.raw`\b(?:https?|ftp|mailto|tel):[^\s<>"'\])]*`, // URLs and mail/tel links
    String.raw`\bwww\.[^\s<>"'\])]+`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, // e-mail addresses
    String.raw`\$\{[^}\n]*\}`, // ${expr}
    String.raw`\{\{[^}\n]*\}\}`, // {{ jinja }}
    String.raw`\{%[^%\n]*%\}`, // {% jinja %}
    String.raw`\{[^{}\s]*\}`, // {slot}
    String.raw`\$[\w.-]+`, // $param, $session.params.x
    String.raw`#[\w-]+\.[\w.-]+`, // #context.param
    String.raw`@[\w.-]+`, // @sys.email, @entity
    String.raw`<[^<>\n]*>`, // markup tags
    String.raw`\b[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+\b`, // snake_case identifiers
    String.raw`\b\p{Ll}+(?:\p{Lu}\p{Ll}+)+\b`, // camelCase identifiers
  ].join('|'),
  'gu',
);

/** Several word rules ask for the same text, and after an edit most texts are the ones asked about before. */
const byText = new TextMemo<readonly SourceRange[]>((text) => {
  const out: SourceRange[] = [];
  for (const m of text.matchAll(PROTECTED)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
});

/** Index ranges of `text` that word rules must not look into. */
export function protectedRanges(text: string, piece?: TextPiece): SourceRange[] {
  // copies: callers own the list and its ranges
  const out = byText.get(text).map((r) => ({ start: r.start, end: r.end }));
  if (piece) for (const p of piece.placeholders) out.push({ start: p.start, end: p.end });
  return out;
}
