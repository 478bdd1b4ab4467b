/**
 * Is a .yml/.yaml file a Rasa file? Decided by a cheap line scan of its
 * top-level keys (no YAML parse): at least one key only Rasa uses (intents,
 * responses, stories, flows, action_endpoint, pipeline, ...) and few keys Rasa
 * does not know. A GitHub workflow, a docker-compose file or the tool's own
 * `.bot-ethics.yml` (whose `rules:` is a mapping, not a list) is not claimed.
 */

/** Keys that only Rasa files have at the top level. */
const RASA_KEYS = new Set([
  'intents',
  'entities',
  'slots',
  'responses',
  'templates',
  'actions',
  'forms',
  'session_config',
  'e2e_actions',
  'nlu',
  'stories',
  'rules',
  'flows',
  'test_cases',
  'action_endpoint',
  'tracker_store',
  'event_broker',
  'lock_store',
  'pipeline',
  'policies',
]);

/** Keys Rasa files also have, but other YAML has too. */
const SHARED_KEYS = new Set([
  'version',
  'language',
  'recipe',
  'assistant_id',
  'importers',
  'config',
  'nlg',
  'models',
  'model_groups',
  'vector_store',
  'metadata',
  'fixtures',
  'stub_custom_actions',
  'imports',
  'core_target',
]);

/** Keys whose Rasa value is a list; the same key holding a mapping is some other tool's. */
const LIST_KEYS = new Set(['rules', 'stories', 'nlu', 'pipeline', 'policies']);

export interface TopKey {
  key: string;
  /** the value is a block list, a flow list, a mapping or a scalar (peeked at, not parsed) */
  shape: 'list' | 'map' | 'scalar' | 'empty';
}

/** Top-level keys of a YAML text by a line scan: lines at column 0 that look like `key:`. */
export function topLevelKeys(text: string): TopKey[] {
  const keys: TopKey[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const c = line[0];
    if (c === undefined || c === ' ' || c === '\t' || c === '#' || c === '-' || c === '%' || line.startsWith('...')) continue;
    const colon = keyColon(line);
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().replace(/^(["'])(.*)\1$/, '$2');
    const rest = line.slice(colon + 1).trim();
    let shape: TopKey['shape'];
    if (rest && !rest.startsWith('#')) shape = rest.startsWith('[') ? 'list' : rest.startsWith('{') ? 'map' : 'scalar';
    else shape = nextShape(lines, n + 1);
    keys.push({ key, shape });
  }
  return keys;
}

/** Index of the `:` that ends a key (followed by a blank or the line end), or -1. */
function keyColon(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '#' && i > 0 && (line[i - 1] === ' ' || line[i - 1] === '\t')) return -1;
    if (c === ':' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) return i;
  }
  return -1;
}

/** The shape of a block value from its first content line. */
function nextShape(lines: string[], from: number): TopKey['shape'] {
  for (let n = from; n < lines.length; n++) {
    const t = lines[n].trimStart();
    if (!t || t.startsWith('#')) continue;
    if (lines[n] === t && !t.startsWith('-')) return 'empty'; // the next top-level key
    return t.startsWith('- ') || t === '-' ? 'list' : 'map';
  }
  return 'empty';
}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

export function claimsRasaYaml(path: string, text: string): boolean {
  if (!isYamlPath(path)) return false;
  if (/(^|[\\/])\.bot-ethics\.ya?ml$/i.test(path)) return false;
  let rasa = 0;
  let shared = 0;
  let other = 0;
  for (const { key, shape } of topLevelKeys(text)) {
    if (RASA_KEYS.has(key)) {
      // a mapping under `rules:` is another tool's (the config file's rule severities): no evidence either way
      if (!(LIST_KEYS.has(key) && shape === 'map')) rasa++;
    } else if (SHARED_KEYS.has(key)) shared++;
    else other++;
  }
  // a few unknown keys are tolerated (custom keys in a domain), not a file mostly made of them
  return rasa > 0 && other * 2 <= rasa + shared;
}
