/**
 * What Rasa names say: a greet-like intent, a greeting response, a handoff
 * intent or action, an action that never speaks. Names are split into words
 * (`talk_to_human`, `humanHandoff`, `start-dialogue`) and judged by words, so
 * `restart` is no `start` and `check_human` (a bot challenge) is no handoff.
 */

/** Lower-case words of an identifier: separators `_ - / . space`, and camelCase humps. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** words that greet wherever they stand in a name */
const GREET_WORDS = new Set(['greet', 'greeting', 'greetings', 'hello', 'hi', 'hey', 'hallo', 'begruessung', 'begrüßung', 'willkommen']);
/** words that open a conversation only as the name's first word or after session/conversation/default (`start_dialogue`, `session_start`, `Default Welcome Intent`) */
const OPENING_WORDS = new Set(['start', 'welcome', 'begin']);
const SESSION_WORDS = new Set(['session', 'conversation', 'chat', 'dialog', 'dialogue', 'default']);
/** a name with these is a closing or a reply, whatever else it says (`greeting_goodbye`, `you_welcome`) */
const CLOSING_WORDS = new Set(['goodbye', 'bye', 'farewell', 'thank', 'thanks', 'thankyou', 'you', 'tschuess', 'tschüss', 'restart']);

/** An intent a conversation opens with: greet, hello, hi, start, session_start, welcome, begin, `*greet*`. */
export function isGreetIntent(name: string): boolean {
  const words = nameWords(name);
  if (words.some((w) => CLOSING_WORDS.has(w))) return false;
  return words.some((w, i) => GREET_WORDS.has(w) || w.startsWith('greet') || (OPENING_WORDS.has(w) && (i === 0 || SESSION_WORDS.has(words[i - 1]))));
}

/**
 * A response that is a greeting by its name alone (rules.md: utter_greet*,
 * utter_welcome*, utter_hello*, utter_intro*), unless the name says it is a
 * goodbye or thanks (`utter_greeting_goodbye`).
 */
export function isGreetingResponseName(name: string): boolean {
  return /^utter_(?:greet|welcome|hello|intro)/i.test(name) && !nameWords(name).some((w) => CLOSING_WORDS.has(w) && w !== 'you');
}

const NEGATION_WORDS = new Set(['no', 'not', 'unavailable', 'cannot', 'cant', 'deny', 'denied', 'without', 'wouldve', 'failed', 'fail']);
const HUMAN_WORDS = new Set(['human', 'person', 'operator', 'representative', 'agent', 'staff', 'mensch', 'mitarbeiter', 'berater']);
const REACH_WORDS = new Set(['talk', 'speak', 'connect', 'transfer', 'contact', 'reach', 'request', 'escalate', 'chat', 'live', 'real', 'call', 'sprechen']);

/**
 * A name that says "hand over to a human": handoff / handover / hand_off,
 * live_agent, talk_to_human, speak_to_agent, a bare `agent`; never one that
 * says there is none (`utter_human_handoff_not_available`, `utter_no_handoff`).
 */
export function isHandoffName(name: string): boolean {
  const words = nameWords(name);
  if (words.some((w) => NEGATION_WORDS.has(w))) return false;
  const handoverWord = words.some((w, i) => w === 'handoff' || w === 'handover' || (w === 'hand' && (words[i + 1] === 'off' || words[i + 1] === 'over')));
  if (handoverWord) return true;
  const meaningful = words.filter((w) => w !== 'utter' && w !== 'action' && w !== 'ask' && w !== 'to' && w !== 'a' && w !== 'with');
  if (meaningful.length === 1 && meaningful[0] === 'agent') return true;
  // "real human" alone is a bot challenge ("are you a real human?"): a reach verb other than "real" is needed then
  const human = words.some((w) => HUMAN_WORDS.has(w));
  const reach = words.filter((w) => REACH_WORDS.has(w));
  return human && reach.length > 0 && !(reach.length === 1 && reach[0] === 'real');
}

/** Rasa built-in actions that say nothing to the user. */
const SILENT_ACTIONS = new Set(['action_listen', 'action_restart', 'action_back', 'action_deactivate_loop', 'action_deactivate_form', 'action_reset_full_history']);

export type ActionKind = 'message' | 'silent' | 'listen' | 'code';

/** utter_* sends a response; action_listen waits for the user; silent built-ins do nothing; anything else runs code. */
export function actionKind(name: string): ActionKind {
  if (name === 'action_listen') return 'listen';
  if (SILENT_ACTIONS.has(name)) return 'silent';
  if (name.startsWith('utter_')) return 'message';
  return 'code';
}

/** utter_ask_<slot> → slot; undefined for other names. */
export function askedSlot(responseName: string): string | undefined {
  const m = /^utter_ask_(.+)$/.exec(responseName);
  return m ? m[1] : undefined;
}
