/**
 * Per-text results of the word rules, remembered by content. After an edit
 * the parser builds new pieces for the file, but all texts but one are the
 * same strings as before: their claims, pressure phrases and literals are
 * looked up instead of scanned again. Results are decoded-text index ranges
 * (never source offsets), so they hold wherever the text now stands; the rule
 * maps them through the current piece's MappedText.
 */
import { TextMemo } from '../../core/memo';
import type { Placeholder, TextPiece } from '../../core/model';

/**
 * A memo keyed by a text's content plus a short `variant` that names every
 * other input of the computation (usually the piece's placeholders; other
 * inputs, such as the piece's role or the language, get a memo each). Getting
 * the key complete is the caller's job: a result must depend on nothing else.
 * Results are shared between callers: never mutate one.
 */
export class VariantMemo<V> {
  private readonly byText = new TextMemo<Map<string, V>>(() => new Map());

  get(text: string, variant: string, compute: () => V): V {
    const variants = this.byText.get(text);
    const hit = variants.get(variant);
    if (hit !== undefined || variants.has(variant)) return hit as V;
    const value = compute();
    variants.set(variant, value);
    return value;
  }
}

/**
 * Where a piece's placeholders are ('' for none). The parser finds them by the
 * format's syntax, so the same text can have different ones (`{name}` is one
 * in Rasa, not in Dialogflow CX): the protected ranges depend on them.
 */
export function placeholderKey(piece: TextPiece): string {
  const list = piece.placeholders;
  if (!list.length) return '';
  // an incremental re-parse moves a piece but keeps its placeholder list: built once per list
  let key = keys.get(list);
  if (key === undefined) {
    key = list.map((p) => `${p.start}-${p.end}`).join(',');
    keys.set(list, key);
  }
  return key;
}

const keys = new WeakMap<readonly Placeholder[], string>();
