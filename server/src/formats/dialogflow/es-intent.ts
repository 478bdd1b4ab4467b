/**
 * A Dialogflow ES intent file (`intents/<Name>.json`): its responses become
 * bot messages (`intent:<Name>`, then `#message-2`...), its parameters
 * variables with their entity types, their prompts prompt messages
 * (`intent:<Name>#<param>`). The welcome intent (event WELCOME or the name
 * "Default Welcome Intent") is the greeting.
 */
import { langFromLocale } from '../../core/lang';
import type { BotMessage, FileModel, Variation } from '../../core/model';
import { readEsMessage } from './es-messages';
import { asksForHuman, handsOver, isHandoffAction } from './handoff';
import { bool, items, keyNode, prop, range, str, stringNodes, type JsonNode } from './json-tree';
import { joinedText } from './joined-text';
import { MessageGroup, TextReader } from './messages';
import { decodeName, stem } from './paths';
import { esPlaceholders } from './placeholders';

export const WELCOME_INTENT = 'Default Welcome Intent';
/** Welcome events; GOOGLE_ASSISTANT_WELCOME is the Actions-on-Google start. */
const WELCOME_EVENTS = new Set(['welcome', 'google_assistant_welcome']);

export function readEsIntent(model: FileModel, root: JsonNode, webhookKey: string): void {
  const { file, text } = model;
  const reader = new TextReader(file, text, esPlaceholders);
  const nameNode = prop(root, 'name');
  const name = str(nameNode) ?? decodeName(stem(file));
  const declaration = nameNode ? range(nameNode) : { start: root.offset, end: root.offset };
  const id = `intent:${name}`;
  const fallback = bool(prop(root, 'fallbackIntent')) === true;
  const webhookUsed = bool(prop(root, 'webhookUsed')) === true || bool(prop(root, 'webhookForSlotFilling')) === true;
  const answers = new MessageGroup(file, id, fallback ? 'fallback' : 'response', declaration);
  const parameters: string[] = [];

  for (const response of items(prop(root, 'responses'))) {
    for (const m of items(prop(response, 'messages'))) {
      const read = readEsMessage(reader, m);
      for (const variations of read.sequence) answers.push(read.locale, read.platform, variations);
      if (read.handoff) model.handoffs.push({ kind: 'live-agent', name: read.handoff.name, file, at: read.handoff.at });
    }
    // API.AI exports wrote the text response as `speech` next to the (then absent) messages
    if (!items(prop(response, 'messages')).length) {
      const variations = stringNodes(prop(response, 'speech'))
        .map((node) => reader.variation([{ node, role: 'text' }], undefined))
        .filter((v): v is Variation => v !== undefined);
      answers.push(undefined, undefined, variations);
    }
    const actionNode = prop(response, 'action');
    const action = str(actionNode);
    if (action && actionNode && isHandoffAction(action)) model.handoffs.push({ kind: 'action', name: action, file, at: range(actionNode) });
    for (const p of items(prop(response, 'parameters'))) {
      const param = readParameter(model, reader, p, name);
      if (param) parameters.push(param);
    }
  }
  model.messages.push(...answers.messages);
  model.intents.push({ name, file, declaration, responses: answers.ids, ...(webhookUsed ? { opaqueResponse: true } : {}) });

  if (asksForHuman(name) && answers.messages.some(speaksOfHandoff)) model.handoffs.push({ kind: 'intent', name, file, at: declaration });

  const welcomeEvent = items(prop(root, 'events')).find((e) => WELCOME_EVENTS.has((str(prop(e, 'name')) ?? '').toLowerCase()));
  if (name === WELCOME_INTENT || (welcomeEvent && !fallback)) {
    const at = name === WELCOME_INTENT || !welcomeEvent ? declaration : range(welcomeEvent);
    model.greetings.push({ messages: answers.ids, basis: 'structural', ...(webhookUsed ? { opaque: true } : {}), file, at });
  }

  if (webhookUsed) {
    const at = keyNode(root, 'webhookUsed') ?? nameNode ?? root;
    model.endpointUses = [...(model.endpointUses ?? []), { endpoint: webhookKey, variables: parameters, file, at: range(at) }];
  }

  // API.AI exports kept the training examples inside the intent
  for (const example of items(prop(root, 'userSays'))) {
    const parts = items(prop(example, 'data'))
      .map((d) => prop(d, 'text'))
      .filter((n): n is JsonNode => n?.type === 'string');
    if (parts.length) model.examples.push({ text: joinedText(file, text, parts), intent: name });
  }
}

/** A parameter: its variable and, when the intent asks for it, the prompt. Returns the parameter name. */
function readParameter(model: FileModel, reader: TextReader, p: JsonNode, intent: string): string | undefined {
  const nameNode = prop(p, 'name');
  const name = str(nameNode);
  if (!name || !nameNode) return undefined;
  const { file } = model;
  const dataType = str(prop(p, 'dataType'));
  const entity = dataType?.replace(/^@/, '');
  model.variables.push({ name, file, declaration: range(nameNode), ...(entity ? { entities: [entity] } : {}) });

  // one prompt message per language; Dialogflow picks one of its prompts at random
  const byLocale = new Map<string | undefined, Variation[]>();
  for (const prompt of items(prop(p, 'prompts'))) {
    const locale = str(prop(prompt, 'lang'));
    for (const node of stringNodes(prop(prompt, 'value'))) {
      const v = reader.variation([{ node, role: 'text' }], locale);
      if (v) byLocale.set(locale, [...(byLocale.get(locale) ?? []), v]);
    }
  }
  if (!byLocale.size) return name;
  const group = new MessageGroup(file, `intent:${intent}#${name}`, 'prompt', range(nameNode));
  for (const [locale, variations] of byLocale) group.push(locale, undefined, variations);
  model.messages.push(...group.messages);
  if (bool(prop(p, 'required')) !== false) model.prompts.push({ variable: name, message: group.baseId, file, at: range(nameNode) });
  return name;
}

function speaksOfHandoff(message: BotMessage): boolean {
  return message.variations.some((v) => v.pieces.some((piece) => handsOver(piece.text.value)));
}

/** `intents/<Name>_usersays_<lang>.json`: one training example per entry, its parts joined. */
export function readEsUserSays(model: FileModel, root: JsonNode): void {
  const { file, text } = model;
  const base = stem(file);
  const at = base.lastIndexOf('_usersays_');
  const intent = at >= 0 ? decodeName(base.slice(0, at)) : undefined;
  const lang = at >= 0 ? langFromLocale(base.slice(at + '_usersays_'.length)) : undefined;
  model.lang = lang;
  for (const example of items(root)) {
    const parts = items(prop(example, 'data'))
      .map((d) => prop(d, 'text'))
      .filter((n): n is JsonNode => n?.type === 'string');
    if (parts.length) model.examples.push({ text: joinedText(file, text, parts), ...(intent ? { intent } : {}), ...(lang ? { lang } : {}) });
  }
}
