/**
 * Dialogflow CX agent export (format 'dialogflow-cx'): `agent.json`, flows,
 * pages, transition route groups, webhooks, intents and their training
 * phrases. Recognised by content; the path tells a flow from a page and gives
 * names the file itself does not hold (a page's flow, a phrase file's intent).
 *
 * Not read: `entityTypes/` (vocabulary), `generators/` and
 * `generativeSettings/` (instructions to a language model — what the model
 * then says is unknown, so a fulfillment that uses a generator is marked
 * opaque instead), playbooks (goals and instructions, not messages),
 * `testCases/`, environments and versions.
 */
import { langFromLocale } from '../../core/lang';
import { emptyFileModel, type FileModel } from '../../core/model';
import type { FormatParser } from '../format';
import { readCxIntent, readTrainingPhrases } from './cx-intent';
import { readFlow, readPage, readRouteGroup, START_FLOW_ID } from './cx-page';
import { readWebhook } from './cx-webhook';
import { hasKey, items, parseJson, prop, str, toParseErrors, type JsonNode } from './json-tree';
import { ancestor, decodeName, isJson, segments, stem } from './paths';

type CxKind = 'agent' | 'webhook' | 'page' | 'route-group' | 'flow' | 'phrases' | 'intent';

const SIGNATURES = ['"defaultLanguageCode"', '"genericWebService"', '"serviceDirectory"', '"entryFulfillment"', '"transitionRoutes"', '"eventHandlers"', '"form"', '"trainingPhrases"', '"displayName"'];

interface Where {
  /** folder names above the file, nearest last */
  up: string[];
  name: string;
}

function where(path: string): Where {
  const segs = segments(path);
  return { up: segs.slice(0, -1), name: stem(path) };
}

/** The n-th folder above the file (1: its own folder). */
function folder(w: Where, n: number): string | undefined {
  return w.up[w.up.length - n];
}

function kindOf(path: string, text: string): CxKind | undefined {
  if (!isJson(path) || !SIGNATURES.some((s) => text.includes(s))) return undefined;
  const w = where(path);
  const { root, errors } = parseJson(text);
  const has = (k: string) => hasKey(root, k);
  if (root?.type === 'object') {
    if (typeof str(prop(root, 'defaultLanguageCode')) === 'string') return 'agent';
    if (prop(root, 'genericWebService')?.type === 'object' || prop(root, 'serviceDirectory')?.type === 'object') return 'webhook';
    if (has('responses')) return undefined; // Dialogflow ES
    const routed = has('transitionRoutes') || has('eventHandlers');
    if ((has('entryFulfillment') || isForm(prop(root, 'form')) || (routed && folder(w, 1) === 'pages')) && has('displayName')) return 'page';
    if (folder(w, 1) === 'transitionRouteGroups' && has('transitionRoutes')) return 'route-group';
    if (routed && (has('nluSettings') || has('transitionRouteGroups') || str(prop(root, 'name')) === START_FLOW_ID || isFlowFile(w))) return 'flow';
    const phrases = prop(root, 'trainingPhrases');
    if (phrases?.type === 'array' && !has('displayName') && items(phrases).every((p) => hasKey(p, 'parts'))) return 'phrases';
    const intentKeys = has('priority') || has('isFallback') || has('trainingPhrases') || has('parameters') || has('labels');
    if (has('displayName') && (isIntentFile(w) || (folder(w, 2) === 'intents' && intentKeys))) return 'intent';
  }
  // a broken file where an export keeps its files: claim it to report where it breaks
  if (errors.length) {
    if (folder(w, 1) === 'pages' && text.includes('"displayName"')) return 'page';
    if (isFlowFile(w) && text.includes('"transitionRoutes"')) return 'flow';
    if (folder(w, 1) === 'webhooks' && text.includes('"genericWebService"')) return 'webhook';
    if (w.name === 'agent' && text.includes('"defaultLanguageCode"')) return 'agent';
    if (folder(w, 1) === 'trainingPhrases' && text.includes('"parts"')) return 'phrases';
    if (isIntentFile(w) && text.includes('"displayName"')) return 'intent';
  }
  return undefined;
}

/** A CX form: an object with a parameter list, or empty (a page without parameters). */
function isForm(node: JsonNode | undefined): boolean {
  return node?.type === 'object' && (prop(node, 'parameters')?.type === 'array' || !node.children?.length);
}

/** `flows/<Flow>/<Flow>.json` */
function isFlowFile(w: Where): boolean {
  return folder(w, 2) === 'flows' && folder(w, 1) === w.name;
}

/** `intents/<Name>/<Name>.json` */
function isIntentFile(w: Where): boolean {
  return folder(w, 2) === 'intents' && folder(w, 1) === w.name;
}

/** Webhooks are named within one agent; the agent's folder keeps agents apart. */
function webhookKeys(agentFolder: string): (name: string) => string {
  return (name) => `dialogflow-cx:${agentFolder}#webhook:${name}`;
}

function read(model: FileModel, root: JsonNode, kind: CxKind): void {
  const w = where(model.file);
  const path = model.file;
  const display = str(prop(root, 'displayName'));
  switch (kind) {
    case 'agent':
      model.rootPriority = 10;
      model.lang = langFromLocale(str(prop(root, 'defaultLanguageCode')));
      return;
    case 'webhook':
      return readWebhook(model, root, webhookKeys(ancestor(path, folder(w, 1) === 'webhooks' ? 2 : 1)));
    case 'page': {
      const inPages = folder(w, 1) === 'pages';
      const flow = inPages ? decodeName(folder(w, 2) ?? '') : '';
      return readPage(model, root, flow, display ?? decodeName(w.name), webhookKeys(ancestor(path, inPages ? 4 : 1)));
    }
    case 'route-group': {
      // flows/<Flow>/transitionRouteGroups/<G>.json, or agent-wide transitionRouteGroups/<G>.json
      const inFlow = folder(w, 3) === 'flows';
      const flow = inFlow ? decodeName(folder(w, 2) ?? '') : '';
      const scope = `${flow}#group:${display ?? decodeName(w.name)}`;
      return readRouteGroup(model, root, flow, scope, webhookKeys(ancestor(path, inFlow ? 4 : 2)));
    }
    case 'flow':
      return readFlow(model, root, display ?? decodeName(w.name), webhookKeys(ancestor(path, isFlowFile(w) ? 3 : 1)));
    case 'phrases': {
      const inIntent = folder(w, 1) === 'trainingPhrases';
      const lang = langFromLocale(w.name);
      if (inIntent) model.lang = lang;
      return readTrainingPhrases(model, root, inIntent ? decodeName(folder(w, 2) ?? '') : undefined, inIntent ? lang : undefined);
    }
    case 'intent':
      return readCxIntent(model, root, decodeName(w.name));
  }
}

export const dialogflowCx: FormatParser = {
  id: 'dialogflow-cx',
  claims(path, text) {
    return kindOf(path, text) !== undefined;
  },
  parse(path, text) {
    const model = emptyFileModel(path, 'dialogflow-cx', text);
    const parsed = parseJson(text);
    model.errors.push(...toParseErrors(path, parsed));
    const kind = kindOf(path, text);
    if (kind && parsed.root?.type === 'object') read(model, parsed.root, kind);
    return model;
  },
};
