/**
 * Dialogflow CX fulfillments — what the bot says on entering a page, on a
 * route, on an event, when prompting for a form parameter — and the routes
 * and event handlers that hold them (shared by flows, pages and route groups).
 *
 * Message ids, within a scope `<flow>` or `<flow>/<page>`:
 *   `<scope>#entry`, `<scope>#route:<intent>` (or `#route:<n>`, 1-based, for
 *   condition routes), `<scope>#event:<event>`, `<scope>#param:<name>` (the
 *   form prompt), `<scope>#param:<name>#event:<event>` (reprompts),
 *   `<scope>#knowledge`; further messages of one fulfillment `#message-2`...
 */
import type { FileModel, MessageRole, Variation } from '../../core/model';
import type { SourceRange } from '../../core/text';
import { asksForHuman, handsOver, payloadHandsOver } from './handoff';
import { items, keyNode, prop, range, str, stringNodes, type JsonNode } from './json-tree';
import { MessageGroup, sequentialId, TextReader } from './messages';
import { cxPlaceholders } from './placeholders';

export interface CxScope {
  model: FileModel;
  reader: TextReader;
  /** the flow's display name (message ids start with it) */
  flow: string;
  /** `<flow>` or `<flow>/<page>` */
  scope: string;
  /** key prefix of this agent's webhooks (see cx-webhook.ts) */
  webhookKey: (name: string) => string;
  /** variables a webhook called from here receives besides the session (the page's form parameters) */
  formVariables: string[];
}

export function newScope(model: FileModel, flow: string, scope: string, webhookKey: (name: string) => string): CxScope {
  return { model, reader: new TextReader(model.file, model.text, cxPlaceholders), flow, scope, webhookKey, formVariables: [] };
}

export interface ReadFulfillment {
  /** message ids in the order the bot sends them */
  ids: string[];
  /** a webhook or generator adds text the export does not show */
  opaque: boolean;
  /** the fulfillment's bot text connects to a human */
  speaksOfHandoff: boolean;
}

/** Reads a fulfillment's messages, conditional cases, webhook call and handoffs. */
export function readFulfillment(s: CxScope, node: JsonNode | undefined, id: string, role: MessageRole, declaration: SourceRange): ReadFulfillment {
  const group = new MessageGroup(s.model.file, id, role, declaration);
  for (const m of items(prop(node, 'messages'))) readMessage(s, group, m, undefined);
  for (const block of items(prop(node, 'conditionalCases'))) readCases(s, group, block, undefined);
  s.model.messages.push(...group.messages);

  const webhookNode = prop(node, 'webhook');
  const webhook = str(webhookNode);
  if (webhook && webhookNode) {
    const use = { endpoint: s.webhookKey(webhook), variables: [...s.formVariables], file: s.model.file, at: range(webhookNode) };
    s.model.endpointUses = [...(s.model.endpointUses ?? []), use];
  }
  const opaque = webhook !== undefined || items(prop(node, 'generators')).length > 0;
  const speaksOfHandoff = group.messages.some((msg) => msg.variations.some((v) => v.pieces.some((p) => handsOver(p.text.value))));
  return { ids: group.ids, opaque, speaksOfHandoff };
}

/** `conditionalCases[].cases[]`: each case an alternative; `additionalCases` nests further conditions. */
function readCases(s: CxScope, group: MessageGroup, block: JsonNode, outer: string | undefined): void {
  const cases = items(prop(block, 'cases'));
  group.branches(
    cases.map((c) => () => {
      const own = str(prop(c, 'condition'));
      const condition = outer && own ? `${outer} AND ${own}` : (own ?? outer);
      for (const content of items(prop(c, 'caseContent'))) {
        const message = prop(content, 'message');
        if (message) readMessage(s, group, message, condition);
        const nested = prop(content, 'additionalCases');
        if (nested) readCases(s, group, nested, condition);
      }
    }),
  );
}

/** One response message: text (variations), audio text, or a handoff. Payloads are channel data, not bot text. */
function readMessage(s: CxScope, group: MessageGroup, m: JsonNode, condition: string | undefined): void {
  const locale = str(prop(m, 'languageCode'));
  const channel = str(prop(m, 'channel'));
  const cond = [condition, channel ? `channel: ${channel}` : undefined].filter((c) => c).join(', ') || undefined;
  const { reader, model } = s;

  const texts = stringNodes(prop(prop(m, 'text'), 'text'));
  const variations = texts.map((node) => reader.variation([{ node, role: 'text' }], locale, cond)).filter((v): v is Variation => v !== undefined);
  const audio = prop(m, 'outputAudioText');
  const spoken = [prop(audio, 'text'), prop(audio, 'ssml')].filter((n): n is JsonNode => n?.type === 'string');
  const audioVariation = spoken.length ? reader.variation(spoken.map((node) => ({ node, role: 'speech' })), locale, cond) : undefined;
  if (audioVariation) variations.push(audioVariation);
  group.push(locale, channel, variations);

  for (const key of ['liveAgentHandoff', 'telephonyTransferCall']) {
    const k = keyNode(m, key);
    if (k) model.handoffs.push({ kind: 'live-agent', name: key, file: model.file, at: range(k) });
  }
  const payload = prop(m, 'payload');
  if (payload && payloadHandsOver(payload)) model.handoffs.push({ kind: 'live-agent', name: 'payload', file: model.file, at: range(keyNode(m, 'payload') ?? m) });
}

/** Built-in targets such as END_FLOW or END_FLOW_WITH_HUMAN_ESCALATION (never a page's display name). */
export function isSpecialPage(name: string): boolean {
  return /^[A-Z_]+$/.test(name);
}

/** How many of a page's entry messages a greeting lists: ids are predictable, missing ones are dropped at resolution. */
const ENTRY_MESSAGES_FOLLOWED = 4;

/** The ids of a page's entry messages, for references from another file. */
export function entryIds(flow: string, page: string): string[] {
  return Array.from({ length: ENTRY_MESSAGES_FOLLOWED }, (_, i) => sequentialId(`${flow}/${page}#entry`, i));
}

export interface RouteInfo {
  intent?: string;
  intentNode?: JsonNode;
  event?: string;
  eventNode?: JsonNode;
  targetPage?: string;
  fulfillment: ReadFulfillment;
}

/** `transitionRoutes` of a flow, page or route group. */
export function readRoutes(s: CxScope, owner: JsonNode): RouteInfo[] {
  const out: RouteInfo[] = [];
  items(prop(owner, 'transitionRoutes')).forEach((r, i) => {
    const intentNode = prop(r, 'intent');
    const intent = str(intentNode);
    const id = `${s.scope}#route:${intent ?? i + 1}`;
    const fulfillmentKey = keyNode(r, 'triggerFulfillment');
    const declaration = range(intentNode ?? fulfillmentKey ?? r);
    const fulfillment = readFulfillment(s, prop(r, 'triggerFulfillment'), id, 'response', declaration);
    const targetPage = readTarget(s, r);
    if (intent && intentNode) {
      // the direct answer; a route that only moves on is answered by the next page's entry
      const responses = fulfillment.ids.length ? fulfillment.ids : targetPage && !isSpecialPage(targetPage) ? [`${s.flow}/${targetPage}#entry`] : [];
      s.model.intents.push({ name: intent, file: s.model.file, declaration: range(intentNode), responses, ...(fulfillment.opaque ? { opaqueResponse: true } : {}) });
      if (asksForHuman(intent) && fulfillment.speaksOfHandoff) s.model.handoffs.push({ kind: 'intent', name: intent, file: s.model.file, at: range(intentNode) });
    }
    out.push({ intent, intentNode, targetPage, fulfillment });
  });
  return out;
}

/** `eventHandlers` (flow/page level) or `repromptEventHandlers` (form parameter). */
export function readEventHandlers(s: CxScope, handlers: JsonNode | undefined, prefix: string): RouteInfo[] {
  const out: RouteInfo[] = [];
  for (const h of items(handlers)) {
    const eventNode = prop(h, 'event');
    const event = str(eventNode) ?? '';
    const role: MessageRole = /^sys\.(no-match|no-input|invalid)/.test(event) ? 'fallback' : 'response';
    const declaration = range(eventNode ?? keyNode(h, 'triggerFulfillment') ?? h);
    const fulfillment = readFulfillment(s, prop(h, 'triggerFulfillment'), `${prefix}#event:${event}`, role, declaration);
    out.push({ event, eventNode, targetPage: readTarget(s, h), fulfillment });
  }
  return out;
}

/** The route's target page; escalation to a human is a handoff. */
function readTarget(s: CxScope, route: JsonNode): string | undefined {
  const node = prop(route, 'targetPage');
  const target = str(node);
  if (target === 'END_FLOW_WITH_HUMAN_ESCALATION' && node) s.model.handoffs.push({ kind: 'flow', name: target, file: s.model.file, at: range(node) });
  return target;
}
