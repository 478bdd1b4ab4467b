/**
 * `responses:` (and Rasa 1.x `templates:`) → BotMessages. Bot text is a
 * variation's `text`, its button and quick-reply titles, the titles and
 * subtitles of `elements` cards, and, inside a `custom` (or `json_message`)
 * payload, only the strings under keys that carry display text (`text`,
 * `message`, `title`, `subtitle`, `label`, `ssml`/`speech`): a custom payload
 * is channel JSON whose other strings are ids, URLs and payloads.
 */
import type { BotMessage, MessageRole, PieceRole, TextPiece, Variation } from '../../core/model';
import type { Node, Pair } from 'yaml';
import { addGreeting, addIntent, addPrompt } from './collect';
import { askedSlot, isGreetingResponseName, nameWords } from './names';
import { responsePlaceholders } from './placeholders';
import { asMap, asScalar, asSeq, deref, get, itemsOf, keyName, pairsOf, rangeOf, shapeError, str, textOf, type YamlContext } from './yaml-nodes';

/** Reads a responses map; returns the response names found. */
export function readResponses(ctx: YamlContext, node: Node | undefined, key: string): string[] {
  const map = asMap(ctx, node);
  if (!map) {
    if (node && !(asScalar(ctx, node)?.value === null)) shapeError(ctx, node, `\`${key}\` must map response names to lists of variations.`);
    return [];
  }
  const names: string[] = [];
  for (const pair of pairsOf(map)) {
    const name = keyName(ctx, pair);
    if (name === undefined) continue;
    const message = readResponse(ctx, pair, name);
    if (!message) continue;
    ctx.model.messages.push(message);
    names.push(name);
    addResponseFacts(ctx, message);
  }
  return names;
}

function readResponse(ctx: YamlContext, pair: Pair, name: string): BotMessage | undefined {
  const declaration = rangeOf(pair.key);
  const value = deref(ctx, pair.value);
  let items: Node[];
  const seq = asSeq(ctx, value);
  if (seq) items = itemsOf(ctx, seq);
  else {
    shapeError(ctx, value ?? pair.key, `Response \`${name}\` must be a list of variations.`);
    // still read what is there, so the text is checked while the file is being fixed
    items = value && (asMap(ctx, value) || str(ctx, value) !== undefined) ? [value] : [];
  }
  const variations: Variation[] = [];
  for (const item of items) {
    const v = readVariation(ctx, item);
    if (v) variations.push(v);
  }
  return { id: name, file: ctx.file, declaration, variations, role: roleOf(name) };
}

function roleOf(name: string): MessageRole {
  if (askedSlot(name) !== undefined) return 'prompt';
  if (name === 'utter_default' || nameWords(name).includes('fallback')) return 'fallback';
  return 'response';
}

function readVariation(ctx: YamlContext, item: Node): Variation | undefined {
  const variation: Variation = { pieces: [] };
  if (ctx.model.lang) variation.lang = ctx.model.lang;
  const map = asMap(ctx, item);
  if (!map) {
    // Rasa 1.x also took a bare string as a variation
    const t = textOf(ctx, item, rangeOf(item).start);
    if (!t) return undefined;
    variation.pieces.push(piece(t, 'text', false));
    return variation;
  }
  const jinja = str(ctx, get(ctx, asMap(ctx, get(ctx, map, 'metadata')), 'template'))?.toLowerCase() === 'jinja';
  for (const pair of pairsOf(map)) {
    const key = keyName(ctx, pair);
    const anchorAt = rangeOf(pair.key).start;
    switch (key) {
      case 'text': {
        const t = textOf(ctx, pair.value, anchorAt);
        if (t) variation.pieces.push(piece(t, 'text', jinja));
        break;
      }
      case 'buttons':
        readTitles(ctx, pair.value, 'button', jinja, variation);
        break;
      case 'quick_replies':
        readTitles(ctx, pair.value, 'quick-reply', jinja, variation);
        break;
      case 'elements':
        for (const el of itemsOf(ctx, asSeq(ctx, pair.value))) {
          const elMap = asMap(ctx, el);
          if (!elMap) continue;
          for (const p of pairsOf(elMap)) {
            const k = keyName(ctx, p);
            if (k === 'title' || k === 'subtitle') {
              const t = textOf(ctx, p.value, rangeOf(p.key).start);
              if (t) variation.pieces.push(piece(t, k === 'title' ? 'title' : 'card', jinja));
            } else if (k === 'buttons') readTitles(ctx, p.value, 'button', jinja, variation);
          }
        }
        break;
      case 'custom':
      case 'json_message':
        readCustom(ctx, pair.value, undefined, jinja, variation, 0);
        break;
      case 'condition':
      case 'channel': {
        const c = describeCondition(ctx, key, pair.value);
        if (c) variation.condition = variation.condition ? `${variation.condition}; ${c}` : c;
        break;
      }
      default:
        break; // image, attachment, metadata, id, ...: not text the user reads
    }
  }
  return variation;
}

function piece(text: NonNullable<ReturnType<typeof textOf>>, role: PieceRole, jinja: boolean): TextPiece {
  return { text, role, placeholders: responsePlaceholders(text.value, jinja) };
}

function readTitles(ctx: YamlContext, node: unknown, role: PieceRole, jinja: boolean, into: Variation): void {
  for (const b of itemsOf(ctx, asSeq(ctx, node))) {
    const bm = asMap(ctx, b);
    const titlePair = bm ? pairsOf(bm).find((p) => keyName(ctx, p) === 'title') : undefined;
    if (!titlePair) continue;
    const t = textOf(ctx, titlePair.value, rangeOf(titlePair.key).start);
    if (t) into.pieces.push(piece(t, role, jinja));
  }
}

const CUSTOM_TEXT_KEYS: Readonly<Record<string, PieceRole>> = {
  text: 'text',
  message: 'text',
  title: 'title',
  subtitle: 'card',
  label: 'button',
  ssml: 'speech',
  speech: 'speech',
};
/** containers whose items are buttons / quick replies */
const BUTTON_LISTS = new Set(['buttons']);
const REPLY_LISTS = new Set(['quick_replies', 'quickreplies', 'hints', 'options', 'suggestions', 'chips']);
/** keys whose content is never display text */
const OPAQUE_KEYS = new Set(['payload', 'url', 'urls', 'image', 'image_url', 'href', 'link', 'src', 'value', 'id', 'type', 'style', 'data', 'metadata']);
const MAX_CUSTOM_DEPTH = 12;

function readCustom(ctx: YamlContext, node: unknown, list: 'button' | 'quick-reply' | undefined, jinja: boolean, into: Variation, depth: number): void {
  if (depth > MAX_CUSTOM_DEPTH) return;
  const seq = asSeq(ctx, node);
  if (seq) {
    for (const item of itemsOf(ctx, seq)) readCustom(ctx, item, list, jinja, into, depth + 1);
    return;
  }
  const map = asMap(ctx, node);
  if (!map) return;
  for (const p of pairsOf(map)) {
    const key = keyName(ctx, p)?.toLowerCase();
    if (key === undefined || OPAQUE_KEYS.has(key)) continue;
    const role = CUSTOM_TEXT_KEYS[key];
    const value = deref(ctx, p.value);
    if (role && asScalar(ctx, value)) {
      const t = textOf(ctx, value, rangeOf(p.key).start);
      if (t && t.value.trim()) into.pieces.push(piece(t, list && (role === 'title' || role === 'button') ? list : role, jinja));
      continue;
    }
    const childList = BUTTON_LISTS.has(key) ? 'button' : REPLY_LISTS.has(key) ? 'quick-reply' : list;
    readCustom(ctx, value, childList, jinja, into, depth + 1);
  }
}

/** `channel: slack` → "channel: slack"; `condition: [{type: slot, name: x, value: y}]` → "x = y". */
function describeCondition(ctx: YamlContext, key: string, node: unknown): string | undefined {
  if (key === 'channel') {
    const c = str(ctx, node);
    return c ? `channel: ${c}` : undefined;
  }
  const parts: string[] = [];
  for (const c of itemsOf(ctx, asSeq(ctx, node))) {
    const m = asMap(ctx, c);
    const name = str(ctx, get(ctx, m, 'name'));
    if (!name) continue;
    const value = get(ctx, m, 'value');
    parts.push(`${name} = ${value === undefined ? 'null' : str(ctx, value) ?? 'null'}`);
  }
  return parts.length ? parts.join(' and ') : undefined;
}

/**
 * What a response's name says: a greeting by name, a prompt for slot X
 * (`utter_ask_X`, and `utter_ask_<form>_<slot>`), the answer of a retrieval
 * intent (`utter_faq/ask_x` answers intent `faq/ask_x`).
 */
function addResponseFacts(ctx: YamlContext, message: BotMessage): void {
  const { model } = ctx;
  if (isGreetingResponseName(message.id)) {
    addGreeting(model, { messages: [message.id], basis: 'name', at: message.declaration });
  }
  const slash = message.id.indexOf('/');
  if (message.id.startsWith('utter_') && slash > 6) addIntent(model, message.id.slice(6), message.declaration, [message.id], false);
  const slot = askedSlot(message.id);
  if (slot !== undefined) addPrompt(model, slot, message.id, message.declaration);
}

/**
 * Form-specific prompts `utter_ask_<form>_<slot>`: the slot is the rest after
 * a form name declared in this file, or else after the first `_form_` (Rasa's
 * naming convention), so a split domain still links the prompt to its slot.
 */
export function addFormPrompts(ctx: YamlContext, responseNames: readonly string[], forms: readonly string[]): void {
  for (const name of responseNames) {
    const asked = askedSlot(name);
    if (asked === undefined) continue;
    const form = forms.filter((f) => asked.startsWith(`${f}_`)).sort((a, b) => b.length - a.length)[0];
    let slot: string | undefined;
    if (form) slot = asked.slice(form.length + 1);
    else {
      const at = asked.indexOf('_form_');
      if (at > 0) slot = asked.slice(at + '_form_'.length);
    }
    const message = ctx.model.messages.find((m) => m.id === name);
    if (slot && message) addPrompt(ctx.model, slot, name, message.declaration);
  }
}
