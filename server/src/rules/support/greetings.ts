/**
 * The greeting as rules see it: sequences of resolved bot messages. A message
 * that is a greeting only by its name (utter_greet*, *Welcome*) is dropped when
 * a story/rule/trigger already shows what the bot sends at the start.
 */
import type { BotMessage, Conversation, GreetingSequence } from '../../core/model';

export interface ResolvedGreeting {
  sequence: GreetingSequence;
  /** the sequence's messages in order; several per id where a template exists per locale */
  steps: BotMessage[][];
}

export function resolvedGreetings(model: Conversation): ResolvedGreeting[] {
  const structural = new Set<string>();
  for (const g of model.greetings) if (g.basis === 'structural') for (const id of g.messages) structural.add(id);
  const out: ResolvedGreeting[] = [];
  const seen = new Set<string>();
  for (const g of model.greetings) {
    if (g.basis === 'name' && g.messages.every((id) => structural.has(id))) continue;
    const key = g.messages.join('\u0000') + (g.opaque ? '*' : '');
    if (seen.has(key)) continue;
    seen.add(key);
    const steps = g.messages.map((id) => [...(model.messagesById.get(id) ?? [])]).filter((s) => s.length > 0);
    if (steps.length) out.push({ sequence: g, steps });
  }
  return out;
}

/** Every message that is part of some greeting. */
export function greetingMessages(model: Conversation): BotMessage[] {
  const set = new Set<BotMessage>();
  for (const g of resolvedGreetings(model)) for (const step of g.steps) for (const m of step) set.add(m);
  return [...set];
}
