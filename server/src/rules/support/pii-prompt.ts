/**
 * Prompts as pii.notice and pii.sensitive read them: the piece a finding
 * about a whole variation lands on, and the words the user actually reads
 * (including messages a variation includes by reference).
 */
import type { Conversation, TextPiece, Variable, Variation } from '../../core/model';
import names from '../../data/pii-names.json';
import { lazy } from './text-context';

/** `use`, `is`, `number of`...: words before a slot name that make a question about it, not for it */
const derivedPrefixes = lazy(() => names.derived.prefixes.map((p) => p.split(' ')));

/** The piece a finding about the whole variation lands on: its first text, else its first spoken text, else its first piece. */
export function mainPiece(variation: Variation): TextPiece | undefined {
  return variation.pieces.find((p) => p.role === 'text') ?? variation.pieces.find((p) => p.role === 'speech') ?? variation.pieces[0];
}

/**
 * The variation's words as the user reads them: every piece, and the text of
 * messages it includes by reference (LG `${PrivacyNote()}`), a few levels deep.
 */
export function spokenText(variation: Variation, model: Conversation, depth = 0): string {
  const parts: string[] = [];
  for (const piece of variation.pieces) {
    parts.push(piece.text.value);
    if (depth >= 3) continue;
    for (const call of piece.calls ?? []) {
      for (const m of model.messagesById.get(call.message) ?? []) for (const v of m.variations) parts.push(spokenText(v, model, depth + 1));
    }
  }
  return parts.join('\n');
}

/**
 * The variable a prompt asks for. A prompt may name it with a prefix the
 * model does not resolve (Rasa `utter_ask_<form>_<slot>` yields
 * `<form>_<slot>`): then the longest declared variable the name ends with.
 * Not when the prefix ends in a derived word (`use_previous_email`,
 * `is_email_ok`): that prompt asks a yes/no question about the value, and
 * stays the undeclared variable it names.
 */
export function promptVariable(model: Conversation, name: string): { name: string; variable: Variable | undefined } {
  const direct = model.variables.get(name);
  if (direct) return { name, variable: direct };
  let best: string | undefined;
  for (const key of model.variables.keys()) {
    if (!name.endsWith('_' + key)) continue;
    // a shorter slot (`email`) must not win where a longer one (`previous_email`) was a question's object
    if (endsWithDerivedPrefix(name.slice(0, name.length - key.length - 1))) return { name, variable: undefined };
    if (!best || key.length > best.length) best = key;
  }
  return best ? { name: best, variable: model.variables.get(best) } : { name, variable: undefined };
}

function endsWithDerivedPrefix(head: string): boolean {
  const words = head.toLowerCase().split(/[_\s-]+/u).filter((w) => w);
  return derivedPrefixes().some((p) => p.length <= words.length && p.every((w, i) => words[words.length - p.length + i] === w));
}
