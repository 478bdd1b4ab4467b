/**
 * Rasa Pro CALM `flows:`. Every `collect: slot` step is a Prompt (its `utter:`
 * or `utter_ask_<slot>`). A flow's first bot turn (its utter actions and the
 * first question, up to a branch, a link or a collect) is the answer of the
 * flow and of its `nlu_trigger` intents; for `pattern_session_start` and
 * flows triggered by a greet-like intent it is the greeting (structural), for
 * a flow named like a greeting the greeting by name. A flow is a way to a
 * human only when it runs a handoff action — Rasa Pro's default
 * `pattern_human_handoff`, which only says no human is available, is not.
 */
import type { Node, YAMLMap } from 'yaml';
import type { SourceRange } from '../../core/text';
import { addGreeting, addHandoff, addIntent, addPrompt } from './collect';
import { actionKind, isGreetIntent, isHandoffName } from './names';
import { asMap, asScalar, asSeq, get, getPair, itemsOf, keyName, pairsOf, rangeOf, shapeError, str, type YamlContext } from './yaml-nodes';

interface FlowInfo {
  id: string;
  at: SourceRange;
  steps: Node[];
  map: YAMLMap;
}

export function readFlows(ctx: YamlContext, node: Node | undefined): void {
  const map = asMap(ctx, node);
  if (!map) {
    if (node && asScalar(ctx, node)?.value !== null) shapeError(ctx, node, '`flows` must map flow ids to flow definitions.');
    return;
  }
  const flows: FlowInfo[] = [];
  for (const pair of pairsOf(map)) {
    const id = keyName(ctx, pair);
    const def = asMap(ctx, pair.value);
    if (id === undefined || !def) continue;
    const stepsNode = get(ctx, def, 'steps');
    const steps = asSeq(ctx, stepsNode);
    if (!steps && stepsNode && asScalar(ctx, stepsNode)?.value !== null) shapeError(ctx, stepsNode, `\`steps\` of flow \`${id}\` must be a list.`);
    flows.push({ id, at: rangeOf(pair.key), steps: itemsOf(ctx, steps), map: def });
  }
  const handsOver = new Map<string, boolean>();
  for (const flow of flows) handsOver.set(flow.id, readFlowSteps(ctx, flow));
  for (const flow of flows) {
    if (handsOver.get(flow.id)) addFlowHandoff(ctx, flow.id, flow.at);
    for (const link of linksOf(ctx, flow.steps)) {
      // a link to a flow of this file counts if that flow hands over; to another file's, by its name
      const known = handsOver.get(link.name);
      if (known === true || (known === undefined && link.name !== 'pattern_human_handoff' && isHandoffName(link.name))) addFlowHandoff(ctx, link.name, link.at);
    }
    readOpening(ctx, flow);
  }
}

function addFlowHandoff(ctx: YamlContext, name: string, at: SourceRange): void {
  if (ctx.model.handoffs.some((h) => h.kind === 'flow' && h.name === name)) return;
  ctx.model.handoffs.push({ kind: 'flow', name, file: ctx.file, at });
}

/** Every step, nested branches (`next: - if/then/else`) included. */
function allSteps(ctx: YamlContext, steps: Node[], out: YAMLMap[] = [], depth = 0): YAMLMap[] {
  if (depth > 20) return out;
  for (const s of steps) {
    const m = asMap(ctx, s);
    if (!m) continue;
    out.push(m);
    for (const branch of itemsOf(ctx, asSeq(ctx, get(ctx, m, 'next')))) {
      const bm = asMap(ctx, branch);
      for (const key of ['then', 'else']) {
        const target = get(ctx, bm, key);
        const list = asSeq(ctx, target);
        if (list) allSteps(ctx, itemsOf(ctx, list), out, depth + 1);
        else if (asMap(ctx, target)) allSteps(ctx, [target!], out, depth + 1);
      }
    }
  }
  return out;
}

/** Prompts and handoff actions of a flow's steps; true when the flow runs a handoff action. */
function readFlowSteps(ctx: YamlContext, flow: FlowInfo): boolean {
  let handsOver = false;
  for (const step of allSteps(ctx, flow.steps)) {
    const collect = getPair(ctx, step, 'collect');
    const slot = collect ? str(ctx, collect.value) : undefined;
    if (collect && slot) addPrompt(ctx.model, slot, str(ctx, get(ctx, step, 'utter')) ?? `utter_ask_${slot}`, rangeOf(collect.value));
    const action = getPair(ctx, step, 'action');
    const name = action ? str(ctx, action.value) : undefined;
    if (action && name && isHandoffName(name)) {
      handsOver = true;
      addHandoff(ctx.model, 'action', name, rangeOf(action.value));
    }
  }
  return handsOver;
}

function linksOf(ctx: YamlContext, steps: Node[]): { name: string; at: SourceRange }[] {
  const out: { name: string; at: SourceRange }[] = [];
  for (const step of allSteps(ctx, steps)) {
    for (const key of ['link', 'call']) {
      const pair = getPair(ctx, step, key);
      const name = pair ? str(ctx, pair.value) : undefined;
      if (pair && name) out.push({ name, at: rangeOf(pair.value) });
    }
  }
  return out;
}

interface Turn {
  messages: string[];
  opaque: boolean;
  at?: SourceRange;
}

/** The bot's first turn of a flow: utter actions and the first question, up to a branch, link, jump or collect. */
function firstTurn(ctx: YamlContext, steps: Node[]): Turn {
  const turn: Turn = { messages: [], opaque: false };
  const extend = (r: SourceRange): void => {
    turn.at = turn.at ? { start: turn.at.start, end: r.end } : { ...r };
  };
  for (const s of steps) {
    const step = asMap(ctx, s);
    if (!step) break;
    const action = getPair(ctx, step, 'action');
    const actionName = action ? str(ctx, action.value) : undefined;
    const collect = getPair(ctx, step, 'collect');
    const slot = collect ? str(ctx, collect.value) : undefined;
    if (action && actionName) {
      const kind = actionKind(actionName);
      if (kind === 'listen') break;
      extend(rangeOf(action.value));
      if (kind === 'message') turn.messages.push(actionName);
      else if (kind === 'code') turn.opaque = true;
    } else if (collect && slot) {
      extend(rangeOf(collect.value));
      turn.messages.push(str(ctx, get(ctx, step, 'utter')) ?? `utter_ask_${slot}`);
      break;
    } else if (getPair(ctx, step, 'link') || getPair(ctx, step, 'call')) {
      turn.opaque = true;
      break;
    }
    if (getPair(ctx, step, 'next')) break;
  }
  return turn;
}

function triggerIntents(ctx: YamlContext, flow: FlowInfo): { name: string; at: SourceRange }[] {
  const out: { name: string; at: SourceRange }[] = [];
  for (const t of itemsOf(ctx, asSeq(ctx, get(ctx, flow.map, 'nlu_trigger')))) {
    const m = asMap(ctx, t);
    const node = m ? get(ctx, m, 'intent') : t;
    // `intent: name` or `intent: {name: x, confidence_threshold: ...}`
    const name = str(ctx, node) ?? str(ctx, get(ctx, asMap(ctx, node), 'name'));
    if (name) out.push({ name, at: rangeOf(node) });
  }
  return out;
}

function readOpening(ctx: YamlContext, flow: FlowInfo): void {
  const turn = firstTurn(ctx, flow.steps);
  const triggers = triggerIntents(ctx, flow);
  addIntent(ctx.model, flow.id, flow.at, turn.messages, turn.opaque);
  for (const t of triggers) {
    addIntent(ctx.model, t.name, t.at, turn.messages, turn.opaque);
    addHandoff(ctx.model, 'intent', t.name, t.at);
  }
  if (!turn.at || (!turn.messages.length && !turn.opaque)) return;
  const structural = flow.id === 'pattern_session_start' || triggers.some((t) => isGreetIntent(t.name));
  const named = !structural && !flow.id.startsWith('pattern_') && isGreetIntent(flow.id);
  if (!structural && !named) return;
  addGreeting(ctx.model, { messages: turn.messages, basis: structural ? 'structural' : 'name', at: turn.at, ...(turn.opaque ? { opaque: true } : {}) });
}
