/**
 * Moving parts of a FileModel by a number of characters. An incremental
 * re-parse keeps everything an edit did not touch: what lies after the edit
 * keeps its content but its offsets move by the edit's length change. Every
 * function returns new objects (the previous model may still be cached and
 * must stay as it was); decoded-text indices (placeholders, calls) do not move.
 */
import type { BotMessage, Endpoint, EndpointUse, GreetingSequence, HandoffMarker, Intent, MessageUse, ParseError, Prompt, TextPiece, TrainingExample, Variable, Variation } from './model';
import type { SourceRange } from './text';

export function shiftRange(r: SourceRange, delta: number): SourceRange {
  return { start: r.start + delta, end: r.end + delta };
}

function shiftPiece(p: TextPiece, delta: number): TextPiece {
  return { ...p, text: p.text.shifted(delta) };
}

function shiftVariation(v: Variation, delta: number): Variation {
  return { ...v, pieces: v.pieces.map((p) => shiftPiece(p, delta)) };
}

export function shiftMessage(m: BotMessage, delta: number): BotMessage {
  return { ...m, declaration: shiftRange(m.declaration, delta), variations: m.variations.map((v) => shiftVariation(v, delta)) };
}

export function shiftVariable(v: Variable, delta: number): Variable {
  return { ...v, declaration: shiftRange(v.declaration, delta) };
}

export function shiftIntent(i: Intent, delta: number): Intent {
  return { ...i, declaration: shiftRange(i.declaration, delta) };
}

export function shiftExample(e: TrainingExample, delta: number): TrainingExample {
  return { ...e, text: e.text.shifted(delta) };
}

export function shiftEndpoint(e: Endpoint, delta: number): Endpoint {
  const out: Endpoint = { ...e, url: e.url.shifted(delta) };
  if (e.payload) out.payload = e.payload.map((t) => t.shifted(delta));
  return out;
}

/** Items whose one range is `at` (greetings, prompts, handoffs, uses, endpoint uses, errors). */
export function shiftAt<T extends GreetingSequence | Prompt | HandoffMarker | MessageUse | EndpointUse | ParseError>(item: T, delta: number): T {
  return { ...item, at: shiftRange(item.at, delta) };
}
