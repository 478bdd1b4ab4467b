/**
 * Fixes for a PII placeholder in bot text, written in the placeholder's own
 * syntax: LG and Jinja can compute, so the value is masked to its last four
 * characters; Rasa `{slot}` and Dialogflow `$param` cannot, so the fix drops
 * the placeholder (and one space next to it). Every edit goes through
 * support/edit.ts, or is made only where the placeholder stands verbatim in
 * an .lg line, so the file stays valid or no fix is offered.
 */
import { msg, type Edit, type Fix } from '../../core/findings';
import type { Lang, Placeholder, TextPiece } from '../../core/model';
import describe from '../../data/pii-describe.json';
import { replaceInText } from './edit';

/** A placeholder that already shows only part of the value (`substring(...)`, `[-4:]`, a mask helper). */
export function isMaskedPlaceholder(source: string): boolean {
  const s = source.toLowerCase();
  return s.includes('substring(') || s.includes('[-4:]') || s.includes('mask') || s.includes('last4') || s.includes('****') || s.includes('takelast') || s.includes('right(');
}

/** The expression inside `${...}` / `{{ ... }}`. */
function innerExpression(source: string, syntax: Placeholder['syntax']): string | undefined {
  if (syntax === 'lg' && source.startsWith('${') && source.endsWith('}')) return source.slice(2, -1).trim();
  if (syntax === 'jinja' && source.startsWith('{{') && source.endsWith('}}')) return source.slice(2, -2).trim();
  return undefined;
}

/**
 * The masking expression: four stars and the last four characters, only
 * stars for values of four characters or fewer. Uses only LG built-ins (if,
 * length, string, concat, substring); substring without a length runs to the end.
 */
export function maskedExpression(source: string, syntax: Placeholder['syntax']): string | undefined {
  const x = innerExpression(source, syntax);
  if (!x) return undefined;
  if (syntax === 'lg') {
    const s = `string(${x})`;
    return `\${if(length(${s}) > 4, concat('****', substring(${s}, length(${s}) - 4)), '****')}`;
  }
  const s = `(${x})|string`;
  return `{{ '****' ~ (${s})[-4:] if (${s})|length > 4 else '****' }}`;
}

/** Replaces a placeholder with code: raw in an .lg line (encoding it would escape `${`), escaped elsewhere. */
function replaceCode(piece: TextPiece, ph: Placeholder, code: string): Edit | undefined {
  const text = piece.text;
  if (text.encoding.kind === 'lg') {
    const r = text.range(ph.start, ph.end);
    if (r.end - r.start !== ph.end - ph.start) return undefined;
    return { file: text.file, start: r.start, end: r.end, newText: code };
  }
  return replaceInText(text, ph.start, ph.end, code);
}

export function maskFix(piece: TextPiece, ph: Placeholder): Fix | undefined {
  if (ph.syntax !== 'lg' && ph.syntax !== 'jinja') return undefined;
  const code = maskedExpression(piece.text.value.slice(ph.start, ph.end), ph.syntax);
  const edit = code && replaceCode(piece, ph, code);
  return edit ? { title: msg('Show only the last 4 characters of {0}', ph.variable), edits: [edit], preferred: true } : undefined;
}

/**
 * Drops the placeholder and one adjacent space ("to {email}." → "to."). Not
 * offered when nothing readable would remain.
 */
export function removeFix(piece: TextPiece, ph: Placeholder): Fix | undefined {
  const text = piece.text;
  const value = text.value;
  let from = ph.start;
  let to = ph.end;
  if (value[from - 1] === ' ') from--;
  else if (value[to] === ' ') to++;
  const rest = value.slice(0, from) + value.slice(to);
  if (!/[\p{L}\p{N}]/u.test(rest.replace(/\$\{[^}]*\}|\{[^{}]*\}|\$[\w.-]+/g, ''))) return undefined;
  const edit = text.encoding.kind === 'yaml-plain' && !plainCutIsSafe(rest, from) ? replaceInText(text, 0, value.length, rest) : replaceInText(text, from, to, '');
  return edit ? { title: msg('Remove {0} from the message', ph.variable), edits: [edit] } : undefined;
}

/**
 * A cut in a plain YAML scalar must not make it start with an indicator, end
 * with ":" or join ": " / " #" (a comment) where the placeholder was; then the
 * whole scalar is rewritten quoted instead.
 */
function plainCutIsSafe(rest: string, at: number): boolean {
  if (at === 0 && /^[\s\-?:,[\]{}&*!|>'"%@`#]/.test(rest)) return false;
  if (rest.endsWith(':')) return false;
  // the characters around the cut (a plain scalar holds no ": " or " #" elsewhere)
  const joint = rest.slice(Math.max(0, at - 2), at + 2);
  return !joint.includes(': ') && !joint.includes(' #');
}

interface DescribeKind {
  when: string[];
  en: string;
  de: string;
  named: string[];
}

const KINDS = describe.kinds as DescribeKind[];

/** Lower-case words of a variable name or term: snake, camel, kebab case, dotted paths. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Replaces a placeholder that cannot be masked with a neutral description in
 * the message's language ("to {email} when" → "to your e-mail address when").
 * Not offered where the words just before already name the value ("Your email
 * {email} is confirmed"): dropping it ({@link removeFix}) reads better there.
 */
export function describeFix(piece: TextPiece, ph: Placeholder, term: string, lang: Lang): Fix | undefined {
  if (ph.syntax === 'lg' || ph.syntax === 'jinja') return undefined;
  const words = [...nameWords(ph.variable), ...nameWords(term)];
  const kind = KINDS.find((k) => k.when.some((w) => words.some((x) => x === w || x.endsWith(w))));
  const before = piece.text.value.slice(Math.max(0, ph.start - 40), ph.start).toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean).slice(-3);
  if (kind && before.some((w) => kind.named.includes(w))) return undefined;
  // a message that is only the value: no description makes it a message
  const rest = piece.text.value.slice(0, ph.start) + piece.text.value.slice(ph.end);
  if (!/[\p{L}\p{N}]/u.test(rest.replace(/\$\{[^}]*\}|\{[^{}]*\}|\$[\w.-]+/g, ''))) return undefined;
  const phrase = kind ? kind[lang] : describe.fallback[lang];
  // capitalised at the start of a sentence
  const atStart = /(^|[.!?]\s+)$/.test(piece.text.value.slice(0, ph.start));
  const text = atStart ? phrase[0].toUpperCase() + phrase.slice(1) : phrase;
  const edit = replaceInText(piece.text, ph.start, ph.end, text);
  // not preferred: "fix all" leaves what the user reads to a human
  return edit ? { title: msg('Replace {0} with “{1}”', ph.variable, text), edits: [edit] } : undefined;
}
