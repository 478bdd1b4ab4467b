/**
 * The Rasa YAML reader (format 'rasa'): one parser for every Rasa YAML file
 * — domain (whole or split), training data (nlu, stories, rules), CALM flows,
 * end-to-end tests, endpoints.yml, and config.yml (which yields nothing).
 * Each top-level key is read by its own module; what a key's content says
 * goes into the one FileModel of the file.
 */
import type { FormatParser } from '../format';
import { emptyFileModel, type FileModel } from '../../core/model';
import { langFromPath } from '../../core/lang';
import { parseYaml } from '../yaml-text';
import { claimsRasaYaml } from './claim';
import { readEntities, readForms, readIntents, readActions, readSlots } from './domain';
import { readNlu, readStories } from './data';
import { readEndpoint } from './endpoints';
import { readFlows } from './flows';
import { reparseRasa } from './incremental';
import { addFormPrompts, readResponses } from './responses';
import { asMap, deref, keyName, pairsOf, shapeError, str, type YamlContext } from './yaml-nodes';

/** Keys of a domain: a file with any of them is a root candidate. */
const DOMAIN_KEYS = ['responses', 'templates', 'intents', 'slots', 'forms', 'actions', 'entities'];

export const rasaYamlParser: FormatParser = {
  id: 'rasa',
  claims: claimsRasaYaml,
  parse(path: string, source: string): FileModel {
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    const model = emptyFileModel(path, 'rasa', text);
    model.commentPrefix = '#';
    const lang = langFromPath(path);
    if (lang) model.lang = lang;
    const doc = parseYaml(text);
    for (const e of doc.errors) {
      // the yaml package may point one past the end for "unexpected end"
      const start = Math.min(e.pos[0], text.length);
      model.errors.push({ file: path, message: e.message, at: { start, end: Math.min(Math.max(start, e.pos[1]), text.length) } });
    }
    const ctx: YamlContext = { file: path, text, doc, model };
    const root = asMap(ctx, doc.contents);
    if (!root) {
      if (deref(ctx, doc.contents) && !model.errors.length) shapeError(ctx, doc.contents, 'A Rasa file must be a mapping of top-level keys (version, responses, stories, ...).');
      return model;
    }
    readRoot(ctx, root);
    if (DOMAIN_KEYS.some((k) => pairsOf(root).some((p) => keyName(ctx, p) === k))) model.rootPriority = isTopDomainFile(path) ? 10 : 5;
    return model;
  },
  reparse(path, text, previous) {
    return reparseRasa(path, text, previous, (p, t) => rasaYamlParser.parse(p, t));
  },
};

function readRoot(ctx: YamlContext, root: NonNullable<ReturnType<typeof asMap>>): void {
  const values = new Map<string, ReturnType<typeof deref>>();
  for (const pair of pairsOf(root)) {
    const key = keyName(ctx, pair);
    if (key !== undefined && !values.has(key)) values.set(key, deref(ctx, pair.value));
  }
  // entities, then slots first: legacy slots are filled by the entity of their name, Rasa 2 forms add to slots
  const entities = values.has('entities') ? readEntities(ctx, values.get('entities')) : [];
  const version = Number.parseFloat(str(ctx, values.get('version')) ?? '');
  const autoFill = !(version >= 3); // Rasa 3 fills slots only through mappings
  if (values.has('slots')) readSlots(ctx, values.get('slots'), autoFill ? entities : []);
  let responseNames: string[] = [];
  let forms: string[] = [];
  for (const [key, value] of values) {
    switch (key) {
      case 'responses':
      case 'templates':
        responseNames = responseNames.concat(readResponses(ctx, value, key));
        break;
      case 'entities':
      case 'slots':
        break; // read above
      case 'forms':
        forms = readForms(ctx, value);
        break;
      case 'intents':
        readIntents(ctx, value);
        break;
      case 'actions':
        readActions(ctx, value);
        break;
      case 'nlu':
        readNlu(ctx, value);
        break;
      case 'stories':
      case 'rules':
      case 'test_cases':
        readStories(ctx, value, key);
        break;
      case 'flows':
        readFlows(ctx, value);
        break;
      default:
        readEndpoint(ctx, key, value); // endpoints.yml entries; nothing for other keys
    }
  }
  addFormPrompts(ctx, responseNames, forms);
}

/**
 * `domain.yml` outside data/test folders and not inside a split `domain/`
 * folder: the project's main file for project-wide findings.
 */
function isTopDomainFile(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const name = parts[parts.length - 1].toLowerCase();
  if (name !== 'domain.yml' && name !== 'domain.yaml') return false;
  return !parts.slice(0, -1).some((p) => /^(data|tests?|domain)$/i.test(p));
}
