/**
 * The domain's declarations: slots (Variables typed by `type` and by the
 * entities that fill them), entities, forms (the slots they ask for →
 * Prompts), intents (1.x `triggers:` → answers) and actions.
 *
 * Slot entities come from `mappings: - type: from_entity, entity: X` (Rasa
 * 3), from Rasa 2 form slot mappings, and from legacy auto-fill (Rasa 1/2,
 * files without `version: 3.x`): a slot without mappings is filled by the
 * entity of the same name when this file declares that entity and
 * `auto_fill` is not false.
 */
import type { Node } from 'yaml';
import type { Variable } from '../../core/model';
import { addGreeting, addHandoff, addIntent, addPrompt } from './collect';
import { actionKind, isGreetIntent } from './names';
import { asMap, asScalar, asSeq, get, getPair, itemsOf, keyName, pairsOf, rangeOf, shapeError, str, type YamlContext } from './yaml-nodes';

/** Rasa's slot classes by lower-case class name. */
const SLOT_CLASSES: Readonly<Record<string, string>> = {
  textslot: 'text',
  booleanslot: 'bool',
  floatslot: 'float',
  categoricalslot: 'categorical',
  listslot: 'list',
  anyslot: 'any',
};

/** `type:` as a lower-case word: `unfeaturized` (1.x) is `any`, a Rasa class path its type (`...TextSlot` → text), any other class `custom`. */
export function slotType(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const t = raw.trim().toLowerCase();
  if (t === 'unfeaturized') return 'any';
  if (!t.includes('.')) return t;
  return SLOT_CLASSES[t.slice(t.lastIndexOf('.') + 1)] ?? 'custom';
}

/** Entity names declared under `entities:` (plain or with roles/groups). */
export function readEntities(ctx: YamlContext, node: Node | undefined): string[] {
  const seq = asSeq(ctx, node);
  if (!seq) {
    if (node && asScalar(ctx, node)?.value !== null) shapeError(ctx, node, '`entities` must be a list of entity names.');
    return [];
  }
  const names: string[] = [];
  for (const item of itemsOf(ctx, seq)) {
    const m = asMap(ctx, item);
    const name = m ? (pairsOf(m)[0] && keyName(ctx, pairsOf(m)[0])) : str(ctx, item);
    if (name) names.push(name);
  }
  return names;
}

/** Entities named by from_entity mappings in a list of slot mappings. */
function mappingEntities(ctx: YamlContext, node: unknown): string[] {
  const out: string[] = [];
  for (const m of itemsOf(ctx, asSeq(ctx, node))) {
    const map = asMap(ctx, m);
    const type = str(ctx, get(ctx, map, 'type'));
    const entity = str(ctx, get(ctx, map, 'entity'));
    if (entity && (type === undefined || type === 'from_entity')) out.push(entity);
  }
  return out;
}

export function readSlots(ctx: YamlContext, node: Node | undefined, entities: readonly string[]): void {
  const map = asMap(ctx, node);
  if (!map) {
    if (node && asScalar(ctx, node)?.value !== null) shapeError(ctx, node, '`slots` must map slot names to their definitions.');
    return;
  }
  for (const pair of pairsOf(map)) {
    const name = keyName(ctx, pair);
    if (name === undefined) continue;
    const def = asMap(ctx, pair.value);
    if (!def) shapeError(ctx, pair.value ?? pair.key, `Slot \`${name}\` must be a mapping with its \`type\`.`);
    const variable: Variable = { name, file: ctx.file, declaration: rangeOf(pair.key) };
    const type = slotType(str(ctx, get(ctx, def, 'type')));
    if (type) variable.type = type;
    const mappings = def ? getPair(ctx, def, 'mappings') ?? getPair(ctx, def, 'slot_mappings') : undefined;
    const found = mappings ? mappingEntities(ctx, mappings.value) : [];
    const autoFill = get(ctx, def, 'auto_fill');
    if (!mappings && asScalar(ctx, autoFill)?.value !== false && entities.includes(name)) found.push(name);
    if (found.length) variable.entities = [...new Set(found)];
    ctx.model.variables.push(variable);
  }
}

const FORM_SETTINGS = new Set(['required_slots', 'ignored_intents', 'type', 'validate', 'validation']);

/**
 * Forms: the slots each asks for, as Prompts for both `utter_ask_<form>_<slot>`
 * and `utter_ask_<slot>` (the project-wide merge finds the one that exists).
 * Returns the form names.
 */
export function readForms(ctx: YamlContext, node: Node | undefined): string[] {
  const seq = asSeq(ctx, node);
  if (seq) return itemsOf(ctx, seq).map((i) => str(ctx, i)).filter((n): n is string => !!n); // 1.x: names only
  const map = asMap(ctx, node);
  if (!map) {
    if (node && asScalar(ctx, node)?.value !== null) shapeError(ctx, node, '`forms` must map form names to their required slots.');
    return [];
  }
  const names: string[] = [];
  for (const pair of pairsOf(map)) {
    const form = keyName(ctx, pair);
    if (form === undefined) continue;
    names.push(form);
    const def = asMap(ctx, pair.value);
    if (!def) continue;
    const required = getPair(ctx, def, 'required_slots');
    // Rasa 3: a list of slot names; Rasa 2: a map slot → mappings; Rasa 2.0: slots directly under the form
    const slots: { name: string; at: Node; mappings?: unknown }[] = [];
    const requiredSeq = required ? asSeq(ctx, required.value) : undefined;
    const requiredMap = required ? asMap(ctx, required.value) : def;
    if (requiredSeq) for (const s of itemsOf(ctx, requiredSeq)) addSlot(slots, str(ctx, s), s);
    else if (requiredMap) {
      for (const p of pairsOf(requiredMap)) {
        const slot = keyName(ctx, p);
        if (slot && !(requiredMap === def && FORM_SETTINGS.has(slot))) addSlot(slots, slot, p.key as Node, p.value);
      }
    } else if (required && asScalar(ctx, required.value)?.value !== null) {
      shapeError(ctx, required.value, `\`required_slots\` of form \`${form}\` must list slot names.`);
    }
    for (const s of slots) {
      const at = rangeOf(s.at);
      addPrompt(ctx.model, s.name, `utter_ask_${form}_${s.name}`, at);
      addPrompt(ctx.model, s.name, `utter_ask_${s.name}`, at);
      const entities = s.mappings ? mappingEntities(ctx, s.mappings) : [];
      if (entities.length) mergeSlotEntities(ctx, s.name, at, entities);
    }
  }
  return names;
}

function addSlot(into: { name: string; at: Node; mappings?: unknown }[], name: string | undefined, at: Node, mappings?: unknown): void {
  if (name) into.push({ name, at, mappings });
}

/** Rasa 2 form mappings name the entities that fill a slot: add them to the slot (declared here or not). */
function mergeSlotEntities(ctx: YamlContext, name: string, at: { start: number; end: number }, entities: string[]): void {
  let v = ctx.model.variables.find((x) => x.name === name);
  if (!v) {
    v = { name, file: ctx.file, declaration: at };
    ctx.model.variables.push(v);
  }
  v.entities = [...new Set([...(v.entities ?? []), ...entities])];
}

/**
 * Intents: handoff-like names are markers; a 1.x MappingPolicy `triggers:`
 * action is the intent's answer (and, for a greet-like intent, the greeting).
 */
export function readIntents(ctx: YamlContext, node: Node | undefined): void {
  const seq = asSeq(ctx, node);
  if (!seq) {
    if (node && asScalar(ctx, node)?.value !== null) shapeError(ctx, node, '`intents` must be a list of intent names.');
    return;
  }
  for (const item of itemsOf(ctx, seq)) {
    const m = asMap(ctx, item);
    const pair = m ? pairsOf(m)[0] : undefined;
    const name = pair ? keyName(ctx, pair) : str(ctx, item);
    if (!name) continue;
    const at = rangeOf(pair ? pair.key : item);
    addHandoff(ctx.model, 'intent', name, at);
    const triggers = pair ? get(ctx, asMap(ctx, pair.value), 'triggers') : undefined;
    const trigger = str(ctx, triggers);
    if (!trigger) continue;
    const kind = actionKind(trigger);
    addIntent(ctx.model, name, at, kind === 'message' ? [trigger] : [], kind === 'code');
    if (isGreetIntent(name) && (kind === 'message' || kind === 'code')) {
      addGreeting(ctx.model, { messages: kind === 'message' ? [trigger] : [], basis: 'structural', at: rangeOf(triggers), ...(kind === 'code' ? { opaque: true } : {}) });
    }
  }
}

/** Declared actions: handoff-like names are markers. */
export function readActions(ctx: YamlContext, node: Node | undefined): void {
  const seq = asSeq(ctx, node);
  if (!seq) {
    if (node && asScalar(ctx, node)?.value !== null) shapeError(ctx, node, '`actions` must be a list of action names.');
    return;
  }
  for (const item of itemsOf(ctx, seq)) {
    // `- action_x` or, in Rasa 3, `- action_x: {send_domain: true}`
    const m = asMap(ctx, item);
    const pair = m ? pairsOf(m)[0] : undefined;
    const name = pair ? keyName(ctx, pair) : str(ctx, item);
    if (name) addHandoff(ctx.model, 'action', name, rangeOf(pair ? pair.key : item));
  }
}
