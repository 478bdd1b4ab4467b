/** Small helpers for the Bot Framework parser tests: exact source ranges by search. */
import * as assert from 'assert';
import type { BotMessage, TextPiece } from '../../../../server/src/core/model';

/** The source range of the `nth` occurrence (0-based) of `needle` in `src`. */
export function rangeOf(src: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = src.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) not in the fixture`);
  }
  return { start: at, end: at + needle.length };
}

/** The line start of the line holding `offset`. */
export function lineStartAt(src: string, offset: number): number {
  let i = offset;
  while (i > 0 && src[i - 1] !== '\n' && src[i - 1] !== '\r') i--;
  return i;
}

export function message(messages: readonly BotMessage[], id: string): BotMessage {
  const m = messages.find((x) => x.id === id);
  assert.ok(m, `no message ${id}; have ${messages.map((x) => x.id).join(', ')}`);
  return m;
}

/** Each variation's pieces as [role, decoded text]. */
export function texts(m: BotMessage): [string, string][][] {
  return m.variations.map((v) => v.pieces.map((p) => [p.role, p.text.value] as [string, string]));
}

/** The source text a piece maps to (what an editor would highlight). */
export function sourceOf(src: string, piece: TextPiece): string {
  const r = piece.text.fullRange;
  return src.slice(r.start, r.end);
}
