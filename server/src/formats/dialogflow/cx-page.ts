/**
 * Dialogflow CX flows (`flows/<Flow>/<Flow>.json`), pages
 * (`flows/<Flow>/pages/<Page>.json`) and transition route groups.
 *
 * Form parameters become variables. Convention for their keys: the variable's
 * name is the parameter's display name (`email`) and its aliases are the
 * references bot text uses, `session.params.email` and `page.params.email`
 * (CX copies form parameters into the session). A display name written as
 * `$flow.x` is a flow parameter: name `flow.x`, no aliases.
 *
 * The greeting is the welcome route of the start flow (its id is all zeros;
 * by default it is named "Default Start Flow"): the route's messages followed
 * by the entry messages of the page it leads to.
 */
import type { FileModel, MessageRole, Variable } from '../../core/model';
import { entryIds, isSpecialPage, newScope, readEventHandlers, readFulfillment, readRoutes, type CxScope, type RouteInfo } from './cx-fulfillment';
import { bool, items, keyNode, path, prop, range, str, type JsonNode } from './json-tree';

export const START_FLOW_ID = '00000000-0000-0000-0000-000000000000';
const START_FLOW_NAME = 'Default Start Flow';
const WELCOME_INTENT = 'Default Welcome Intent';
const WELCOME_EVENTS = new Set(['welcome', 'sys.welcome']);

type WebhookKey = (name: string) => string;

export function readFlow(model: FileModel, root: JsonNode, flowName: string, webhookKey: WebhookKey): void {
  const s = newScope(model, flowName, flowName, webhookKey);
  const routes = readRoutes(s, root);
  const events = readEventHandlers(s, prop(root, 'eventHandlers'), flowName);
  readKnowledge(s, root);

  const isStart = str(prop(root, 'name')) === START_FLOW_ID || flowName === START_FLOW_NAME;
  if (!isStart) return;
  const welcome = [
    ...routes.filter((r) => r.intent === WELCOME_INTENT),
    ...events.filter((e) => WELCOME_EVENTS.has((e.event ?? '').toLowerCase())),
  ];
  for (const w of welcome) greeting(s, w);
}

function greeting(s: CxScope, w: RouteInfo): void {
  const next = w.targetPage && !isSpecialPage(w.targetPage) ? entryIds(s.flow, w.targetPage) : [];
  const at = range(w.intentNode ?? w.eventNode!);
  s.model.greetings.push({ messages: [...w.fulfillment.ids, ...next], basis: 'structural', ...(w.fulfillment.opaque ? { opaque: true } : {}), file: s.model.file, at });
}

export function readPage(model: FileModel, root: JsonNode, flowName: string, pageName: string, webhookKey: WebhookKey): void {
  const scope = `${flowName}/${pageName}`;
  const s = newScope(model, flowName, scope, webhookKey);
  const params = items(path(root, 'form', 'parameters'));
  for (const p of params) {
    const v = formVariable(model, p);
    if (v) s.formVariables.push(v.name);
  }
  const entryKey = keyNode(root, 'entryFulfillment');
  if (entryKey) readFulfillment(s, prop(root, 'entryFulfillment'), `${scope}#entry`, 'response', range(entryKey));
  for (const p of params) readFormPrompts(s, p);
  readRoutes(s, root);
  readEventHandlers(s, prop(root, 'eventHandlers'), scope);
  readKnowledge(s, root);
}

/** What the bot says with an answer from a data store (`$request.knowledge.answers`). */
function readKnowledge(s: CxScope, root: JsonNode): void {
  const key = keyNode(prop(root, 'knowledgeConnectorSettings'), 'triggerFulfillment');
  if (key) readFulfillment(s, path(root, 'knowledgeConnectorSettings', 'triggerFulfillment'), `${s.scope}#knowledge`, 'answer', range(key));
}

/** A route group: routes only, shared by the pages that use it. */
export function readRouteGroup(model: FileModel, root: JsonNode, flowName: string, scope: string, webhookKey: WebhookKey): void {
  const s = newScope(model, flowName, scope, webhookKey);
  readRoutes(s, root);
}

function formVariable(model: FileModel, p: JsonNode): Variable | undefined {
  const nameNode = prop(p, 'displayName');
  const display = str(nameNode);
  if (!display || !nameNode) return undefined;
  const entity = entityName(str(prop(p, 'entityType')));
  const redact = bool(prop(p, 'redact'));
  const v: Variable = { ...variableKeys(display), file: model.file, declaration: range(nameNode) };
  if (entity) v.entities = [entity];
  if (redact !== undefined) v.redact = redact;
  model.variables.push(v);
  return v;
}

/** Name and aliases of a form parameter (see the file comment). */
export function variableKeys(display: string): { name: string; aliases?: string[] } {
  const flowParam = /^\$flow\.(.+)$/.exec(display);
  if (flowParam) return { name: `flow.${flowParam[1]}` };
  const sessionParam = /^\$session\.params\.(.+)$/.exec(display);
  const x = sessionParam ? sessionParam[1] : display;
  return { name: x, aliases: [`session.params.${x}`, `page.params.${x}`] };
}

/** `@sys.email` → `sys.email`; `projects/…/entityTypes/<id>` → `<id>`. */
export function entityName(entityType: string | undefined): string | undefined {
  if (!entityType) return undefined;
  if (entityType.startsWith('@')) return entityType.slice(1);
  const slash = entityType.lastIndexOf('/');
  return slash >= 0 ? entityType.slice(slash + 1) : entityType;
}

function readFormPrompts(s: CxScope, p: JsonNode): void {
  const nameNode = prop(p, 'displayName');
  const display = str(nameNode);
  if (!display || !nameNode) return;
  const id = `${s.scope}#param:${display}`;
  const fill = prop(p, 'fillBehavior');
  const initialKey = keyNode(fill, 'initialPromptFulfillment');
  const role: MessageRole = 'prompt';
  if (initialKey) {
    const read = readFulfillment(s, prop(fill, 'initialPromptFulfillment'), id, role, range(nameNode));
    // a parameter that is not required is never asked for
    if (bool(prop(p, 'required')) !== false) {
      const variable = variableKeys(display).name;
      for (const message of read.ids) s.model.prompts.push({ variable, message, file: s.model.file, at: range(nameNode) });
    }
  }
  readEventHandlers(s, prop(fill, 'repromptEventHandlers'), id);
}
