/**
 * Parts of a bot text that are not words a user reads: URLs, e-mail
 * addresses, placeholders, markup and code identifiers. Word rules skip them,
 * so "blacklist" in a URL or `{customer_id}` never becomes a hint.
 */
import type { TextPiece } from './model';
import { TextMemo } from './memo';
import type { SourceRange } from './text';

/*
 * Every alternative is linear in the text's length, including over all the
 * start positions the engine tries: no nested quantifiers over overlapping
 * classes, a run that may fail late (an e-mail's local part, an identifier)
 * starts only where its run starts (lookbehind), and a delimited form whose
 * close may be missing scans a bounded stretch. Otherwise "a.a.a…" (no @) or
 * "{{{{…" costs a scan to the end from every position: seconds on one long line.
 */
// a balanced (…) is part of a URL, a lone ")" ends it: "(see https://x.org/a_(b))" keeps the outer one outside
const URL_CHARS = String.raw`(?:[^\s<>"'()\]]|\([^\s<>"'()\]]*\)|\()`;
const PLACEHOLDER_SPAN = 400; // longer than any real placeholder expression
/** The alternatives, one a kind (exported for the linearity test). */
export const PROTECTED_PATTERNS: readonly string[] = [
  String.raw`\b(?:https?|ftp|mailto|tel):${URL_CHARS}*`, // URLs and mail/tel links
  String.raw`\bwww\.${URL_CHARS}+`,
  String.raw`(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, // e-mail addresses
  String.raw`\$\{[^}\n]{0,${PLACEHOLDER_SPAN}}\}`, // ${expr}
  String.raw`\{\{[^}\n]{0,${PLACEHOLDER_SPAN}}\}\}`, // {{ jinja }}
  String.raw`\{%[^%\n]{0,${PLACEHOLDER_SPAN}}%\}`, // {% jinja %}
  String.raw`\{[^{}\s]*\}`, // {slot}
  String.raw`\$[\w.-]+`, // $param, $session.params.x
  String.raw`#[\w-]+\.[\w.-]+`, // #context.param
  String.raw`@[\w.-]+`, // @sys.email, @entity
  String.raw`<[^<>\n]*>`, // markup tags
  String.raw`(?<![\p{L}\p{N}_])[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+(?![\p{L}\p{N}_])`, // snake_case identifiers
  String.raw`(?<![\p{L}\p{N}_])\p{Ll}+(?:\p{Lu}\p{Ll}+)+(?![\p{L}\p{N}_])`, // camelCase identifiers
];
const PROTECTED = new RegExp(PROTECTED_PATTERNS.join('|'), 'gu');

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
