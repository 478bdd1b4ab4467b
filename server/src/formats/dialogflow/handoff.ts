/**
 * Does a Dialogflow intent/route/payload hand the user over to a human?
 * The rule catalogue counts only handoffs that actually happen: an intent
 * named "talk_to_human" counts when its answer connects the user or gives the
 * contact of a human team, an action or payload when it says so by name. Any
 * bot text can still offer a human; the autonomy rule looks at that itself.
 */
import { PhraseMatcher } from '../../core/matcher';
import phrases from './handoff-phrases.json';
import { entries, items, type JsonNode } from './json-tree';

/** Words of an identifier: `talkToHuman`, `talk_to_human`, `escalate.human-agent` → talk, to, human. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const HUMAN_WORDS = new Set([
  'human', 'humans', 'agent', 'agents', 'handoff', 'handover', 'operator', 'representative', 'rep', 'person', 'staff',
  'someone', 'escalate', 'escalation', 'liveagent', 'mensch', 'menschen', 'mitarbeiter', 'mitarbeiterin', 'berater', 'beraterin',
]);

/** An intent/route name that asks for a human: human_handoff, speak_to_agent, prebuilt_components_escalate_human_agent. */
export function asksForHuman(name: string): boolean {
  const words = nameWords(name);
  // Dialogflow's small talk calls the bot itself "agent" (smalltalk.agent.age); a "user agent" is software
  if (words.includes('smalltalk')) return false;
  return words.some((w, i) => HUMAN_WORDS.has(w) && !(w.startsWith('agent') && words[i - 1] === 'user'));
}

/** An action name that hands over: `handoff.human`, `live_agent_transfer`, `escalate_to_agent`. */
export function isHandoffAction(action: string): boolean {
  const words = nameWords(action);
  const has = (w: string) => words.includes(w);
  if (has('handoff') || has('handover') || has('liveagent') || has('escalate') || has('escalation')) return true;
  if (has('live') && has('agent')) return true;
  return (has('transfer') || has('connect')) && (has('agent') || has('human') || has('operator') || has('call'));
}

const matcher = new PhraseMatcher([...phrases.en, ...phrases.de].map((term) => ({ term, payload: true })));
// linear: one bounded class each
const CONTACT = /\btel:|\bmailto:|[\w.+-]+@[\w-]+\.[a-z]{2,}|(?:\+|\b0)\d[\d /()-]{4,18}\d/i;

/** Bot text that connects the user to a human or gives a human team's contact. */
export function handsOver(text: string): boolean {
  return matcher.findAll(text).length > 0 || CONTACT.test(text);
}

/** A custom payload that asks the channel for a live agent: a key or `type` value naming a handoff. */
export function payloadHandsOver(payload: JsonNode | undefined, depth = 0): boolean {
  if (!payload || depth > 8) return false;
  if (payload.type === 'array') return items(payload).some((n) => payloadHandsOver(n, depth + 1));
  for (const [key, value] of entries(payload)) {
    // { "liveAgentHandoff": true } or an object of handoff settings; false, 0, null or "" switch it off
    if (isHandoffAction(key) && (value.type === 'object' || value.type === 'array' || Boolean(value.value))) return true;
    if ((key === 'type' || key === 'action' || key === 'event') && typeof value.value === 'string' && isHandoffAction(value.value)) return true;
    if (payloadHandsOver(value, depth + 1)) return true;
  }
  return false;
}
