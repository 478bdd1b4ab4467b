/**
 * Adding to a FileModel without duplicates: one Intent per name per file
 * (answers merged), one handoff marker per kind and name, one prompt per
 * variable and message, one greeting per basis and message sequence (fifty
 * stories that open with the same greet are one greeting).
 */
import type { FileModel, GreetingSequence, HandoffMarker } from '../../core/model';
import type { SourceRange } from '../../core/text';
import { isHandoffName } from './names';

export function addIntent(model: FileModel, name: string, at: SourceRange, responses: readonly string[], opaque: boolean): void {
  let entry = model.intents.find((i) => i.name === name);
  if (!entry) {
    entry = { name, file: model.file, declaration: at, responses: [] };
    model.intents.push(entry);
  }
  for (const r of responses) if (!entry.responses.includes(r)) entry.responses.push(r);
  if (opaque) entry.opaqueResponse = true;
}

/** Adds a marker when `name` says "hand over to a human" (see names.ts). */
export function addHandoff(model: FileModel, kind: HandoffMarker['kind'], name: string, at: SourceRange): void {
  if (!isHandoffName(name)) return;
  if (model.handoffs.some((h) => h.kind === kind && h.name === name)) return;
  model.handoffs.push({ kind, name, file: model.file, at });
}

export function addPrompt(model: FileModel, variable: string, message: string, at: SourceRange): void {
  if (model.prompts.some((p) => p.variable === variable && p.message === message)) return;
  model.prompts.push({ variable, message, file: model.file, at });
}

export function addGreeting(model: FileModel, greeting: Omit<GreetingSequence, 'file'>): void {
  const key = (g: Omit<GreetingSequence, 'file'>): string => `${g.basis}\u0000${g.opaque ? 1 : 0}\u0000${g.messages.join('\u0000')}`;
  const k = key(greeting);
  if (model.greetings.some((g) => key(g) === k)) return;
  model.greetings.push({ ...greeting, file: model.file });
}
