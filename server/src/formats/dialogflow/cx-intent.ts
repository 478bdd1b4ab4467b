/**
 * Dialogflow CX intents: `intents/<Name>/<Name>.json` declares the intent's
 * parameters (variables: CX sets them as session parameters, so they are
 * reachable as `session.params.x` and `intent.params.x`);
 * `intents/<Name>/trainingPhrases/<lang>.json` holds what users say (never bot
 * text), each phrase split into parts at its annotations and joined here.
 * The intent itself, with its answers, comes from the routes that use it.
 */
import { langFromLocale } from '../../core/lang';
import type { FileModel, Lang, Variable } from '../../core/model';
import { entityName } from './cx-page';
import { bool, items, prop, range, str, type JsonNode } from './json-tree';
import { joinedText } from './joined-text';

export function readCxIntent(model: FileModel, root: JsonNode, fallbackName: string): void {
  const name = str(prop(root, 'displayName')) ?? fallbackName;
  for (const p of items(prop(root, 'parameters'))) {
    const idNode = prop(p, 'id');
    const id = str(idNode);
    if (!id || !idNode) continue;
    const v: Variable = { name: id, aliases: [`session.params.${id}`, `intent.params.${id}`], file: model.file, declaration: range(idNode) };
    const entity = entityName(str(prop(p, 'entityType')));
    if (entity) v.entities = [entity];
    const redact = bool(prop(p, 'redact'));
    if (redact !== undefined) v.redact = redact;
    model.variables.push(v);
  }
  // older exports keep the phrases inside the intent
  readTrainingPhrases(model, root, name, undefined);
}

export function readTrainingPhrases(model: FileModel, root: JsonNode, intent: string | undefined, fileLang: Lang | undefined): void {
  for (const phrase of items(prop(root, 'trainingPhrases'))) {
    const parts = items(prop(phrase, 'parts'))
      .map((part) => prop(part, 'text'))
      .filter((n): n is JsonNode => n?.type === 'string');
    if (!parts.length) continue;
    const lang = langFromLocale(str(prop(phrase, 'languageCode'))) ?? fileLang;
    model.examples.push({ text: joinedText(model.file, model.text, parts), ...(intent ? { intent } : {}), ...(lang ? { lang } : {}) });
  }
}
