/**
 * Dialogflow ES agent export (format 'dialogflow-es'): `agent.json`,
 * `intents/<Name>.json` and `intents/<Name>_usersays_<lang>.json`, or the
 * same files without the `intents/` folder. Entities are vocabulary, not bot
 * text: not read. A file is recognised by its content (top-level keys), its
 * path only decides between shapes that look alike.
 */
import { langFromLocale } from '../../core/lang';
import { emptyFileModel, type FileModel } from '../../core/model';
import type { FormatParser } from '../format';
import { readEsIntent, readEsUserSays } from './es-intent';
import { bool, hasKey, items, parseJson, prop, str, textOf, toParseErrors, type JsonNode } from './json-tree';
import { ancestor, isJson, segments, stem } from './paths';

type EsKind = 'agent' | 'intent' | 'usersays';

const AGENT_KEYS = ['webhook', 'supportedLanguages', 'defaultTimezone', 'googleAssistant', 'mlMinConfidence', 'onePlatformApiVersion'];
const INTENT_KEYS = ['webhookUsed', 'contexts', 'events', 'userSays', 'fallbackIntent', 'webhookForSlotFilling'];

function kindOf(path: string, text: string): EsKind | undefined {
  if (!isJson(path)) return undefined;
  // cheap look before parsing: every ES file kind has one of these keys
  const agentLike = stem(path).toLowerCase() === 'agent' && text.includes('"language"') && !text.includes('"defaultLanguageCode"');
  const intentLike = text.includes('"responses"');
  const userSaysLike = text.includes('"data"') && (text.includes('"isTemplate"') || text.includes('"count"'));
  if (!agentLike && !intentLike && !userSaysLike) return undefined;

  const { root, errors } = parseJson(text);
  if (root?.type === 'object') {
    if (agentLike && typeof str(prop(root, 'language')) === 'string' && AGENT_KEYS.some((k) => hasKey(root, k))) return 'agent';
    if (prop(root, 'responses')?.type === 'array' && INTENT_KEYS.some((k) => hasKey(root, k))) return 'intent';
  }
  if (root?.type === 'array') {
    const first = items(root)[0];
    if (first && prop(first, 'data')?.type === 'array' && (hasKey(first, 'isTemplate') || hasKey(first, 'count'))) return 'usersays';
  }
  // a broken file that is clearly part of an export: claim it to report where it breaks
  if (errors.length) {
    if (/_usersays_[^/\\]*$/i.test(stem(path)) && text.includes('"isTemplate"')) return 'usersays';
    if (intentLike && text.includes('"webhookUsed"')) return 'intent';
    if (agentLike && AGENT_KEYS.some((k) => text.includes(`"${k}"`))) return 'agent';
  }
  return undefined;
}

/** Key of the agent's fulfillment webhook, shared by agent.json and the intents that use it. */
function webhookKey(agentFolder: string): string {
  return `dialogflow-es:${agentFolder}#webhook`;
}

/** The agent folder of an intent file: above `intents/`, or its own folder in the flat layout. */
function intentAgentFolder(path: string): string {
  const segs = segments(path);
  return ancestor(path, segs[segs.length - 2] === 'intents' ? 2 : 1);
}

function readAgent(model: FileModel, root: JsonNode): void {
  model.rootPriority = 10;
  model.lang = langFromLocale(str(prop(root, 'language')));
  const webhook = prop(root, 'webhook');
  const urlNode = prop(webhook, 'url');
  const url = textOf(model.file, model.text, urlNode);
  // a disabled or empty webhook sends nothing
  if (!url || !url.value.trim() || bool(prop(webhook, 'available')) === false) return;
  model.endpoints.push({ kind: 'webhook', url, carries: [], carriesAll: false, file: model.file, key: webhookKey(ancestor(model.file, 1)) });
}

export const dialogflowEs: FormatParser = {
  id: 'dialogflow-es',
  claims(path, text) {
    return kindOf(path, text) !== undefined;
  },
  parse(path, text) {
    const model = emptyFileModel(path, 'dialogflow-es', text);
    const parsed = parseJson(text);
    model.errors.push(...toParseErrors(path, parsed));
    const kind = kindOf(path, text);
    const root = parsed.root;
    if (!root || !kind) return model;
    if (kind === 'agent' && root.type === 'object') readAgent(model, root);
    else if (kind === 'intent' && root.type === 'object') readEsIntent(model, root, webhookKey(intentAgentFolder(path)));
    else if (kind === 'usersays' && root.type === 'array') readEsUserSays(model, root);
    return model;
  },
};
