/**
 * Which variables hold personal data (spec vocabulary "PII variable"): by the
 * declared type or the entity that fills the variable first, and only where
 * no type says otherwise by its name, in English or German. The name
 * vocabulary is data (data/pii-names.json, data/sensitive.json); this file is
 * the matching: names split into words, English compounds read by their last
 * word (phone_number yes, phone_model no), German compounds by their ending
 * (Lieferadresse yes, Servicerufnummer no).
 */
import type { Severity } from '../../core/findings';
import type { Variable } from '../../core/model';
import names from '../../data/pii-names.json';
import sensitive from '../../data/sensitive.json';

export type PiiCategory = 'secret' | 'financial' | 'government-id' | 'health' | 'contact' | 'person-name';

export interface PiiClass {
  category: PiiCategory;
  severity: Severity;
  /** the vocabulary term or entity that decided it, for hovers and messages */
  term: string;
  /** showing only the last 4 characters is a meaningful fix (numbers, not e-mail addresses or secrets) */
  mask: boolean;
  /** reading it back to the user is a leak (not for an age: data/pii-names.json notEchoed) */
  echo: boolean;
  basis: 'type' | 'name';
}

export type SensitiveCategory = 'health' | 'genetic' | 'biometric' | 'religion' | 'ethnicity' | 'sexual-orientation' | 'political' | 'union' | 'criminal';

/** Most severe first: when several terms match (email_password) the worst decides. */
const ORDER: PiiCategory[] = ['secret', 'financial', 'government-id', 'health', 'contact', 'person-name'];

export const SEVERITY: Readonly<Record<PiiCategory, Severity>> = {
  secret: 'error',
  financial: 'error',
  'government-id': 'error',
  health: 'error',
  contact: 'warning',
  'person-name': 'warning',
};

/** Declared value types that cannot hold personal data (spec: bool, float, categorical). */
const NON_TEXT_TYPES = new Set(['bool', 'boolean', 'float', 'categorical']);

type MatchMode = 'words' | 'whole' | 'suffix';

interface Term<C extends string> {
  words: string[];
  category: C;
  mode: MatchMode;
  mask: boolean;
  term: string;
}

interface Vocabulary {
  pii: Term<PiiCategory>[];
  sensitive: Term<SensitiveCategory>[];
  owners: Set<string>;
  followers: Set<string>;
  notPersonal: Set<string>;
  derivedPrefixes: string[][];
  entities: Map<string, PiiCategory | 'none'>;
  notEchoed: Set<string>;
}

let vocabulary: Vocabulary | undefined;

function vocab(): Vocabulary {
  if (vocabulary) return vocabulary;
  const term = <C extends string>(t: { term: string; category: string; match?: string; mask?: boolean }): Term<C> => ({
    words: t.term.toLowerCase().split(' '),
    category: t.category as C,
    mode: (t.match as MatchMode | undefined) ?? 'words',
    mask: t.mask === true,
    term: t.term,
  });
  const pii: Term<PiiCategory>[] = names.terms.map((t) => term<PiiCategory>(t));
  const sens: Term<SensitiveCategory>[] = sensitive.variables.map((t) => term<SensitiveCategory>(t));
  // health is both a PII category (echo) and a special category (asking): one vocabulary
  for (const s of sens) if (s.category === 'health') pii.push({ ...s, category: 'health', mask: false });
  const entities = new Map<string, PiiCategory | 'none'>();
  for (const [k, v] of Object.entries(names.entities.map)) entities.set(k, v as PiiCategory | 'none');
  vocabulary = {
    pii,
    sensitive: sens,
    owners: new Set(names.owners.words),
    followers: new Set(names.followers.words),
    notPersonal: new Set(names.notPersonal.words),
    derivedPrefixes: names.derived.prefixes.map((p) => p.split(' ')),
    entities,
    notEchoed: new Set(names.notEchoed.terms),
  };
  return vocabulary;
}

/** Generic last path segments that name a property of the value, not the value (`user.email.value`). */
const GENERIC_SEGMENTS = new Set(['value', 'text', 'result', 'entity', 'answer', 'input']);

/**
 * The words of a variable name: the last segment of a dotted path
 * (`session.params.phone-number` → phone, number), split at snake, kebab and
 * camel case and between letters and digits, lower case.
 */
export function nameWords(name: string): string[] {
  const segments = name
    .replace(/^[$#@]+/, '')
    .replace(/\[[^\]]*\]/g, '')
    .split('.')
    .filter((s) => s);
  let last = segments[segments.length - 1] ?? '';
  if (GENERIC_SEGMENTS.has(last.toLowerCase()) && segments.length > 1) last = segments[segments.length - 2] + '_' + last;
  return last
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w);
}

function isFollower(word: string, v: Vocabulary): boolean {
  return v.followers.has(word) || /^\p{N}+$/u.test(word);
}

function isOrganisationWord(word: string, v: Vocabulary): boolean {
  if (v.notPersonal.has(word)) return true;
  for (const np of v.notPersonal) if (np.length >= 4 && word.length > np.length && word.endsWith(np)) return true;
  return false;
}

function startsWithDerivedPrefix(words: string[], v: Vocabulary): boolean {
  return v.derivedPrefixes.some((p) => p.length < words.length && p.every((w, i) => words[i] === w));
}

/** Where `term` matches `words`, or -1. `strict`: apply the compound-head and organisation rules (a value's name, not a question's topic). */
function matchAt<C extends string>(t: Term<C>, words: string[], v: Vocabulary, strict: boolean): boolean {
  if (t.mode === 'whole') {
    const core = words.filter((w) => !v.owners.has(w) || t.words.includes(w));
    return core.length === t.words.length && core.every((w, i) => w === t.words[i]);
  }
  for (let i = 0; i + t.words.length <= words.length; i++) {
    let hit: boolean;
    let modifier = '';
    if (t.mode === 'suffix') {
      const w = words[i];
      hit = t.words.length === 1 && w.endsWith(t.words[0]);
      modifier = hit ? w.slice(0, w.length - t.words[0].length) : '';
    } else hit = t.words.every((w, k) => words[i + k] === w);
    if (!hit) continue;
    if (!strict) return true;
    const after = words.slice(i + t.words.length);
    if (!after.every((w) => isFollower(w, v))) continue;
    if (modifier && isOrganisationWord(modifier, v)) continue;
    return true;
  }
  return false;
}

const nameCache = new Map<string, PiiClass | null>();

/** PII class of a bare name (variable or custom entity), without type information. */
export function piiCategoryOfName(name: string): PiiClass | undefined {
  const cached = nameCache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const result = classifyName(name);
  if (nameCache.size > 5000) nameCache.clear();
  nameCache.set(name, result ?? null);
  return result;
}

function classifyName(name: string): PiiClass | undefined {
  const v = vocab();
  const words = nameWords(name);
  if (!words.length) return undefined;
  if (startsWithDerivedPrefix(words, v)) return undefined;
  if (words.some((w) => v.notPersonal.has(w))) return undefined;
  let best: Term<PiiCategory> | undefined;
  for (const t of v.pii) {
    if (best && ORDER.indexOf(t.category) >= ORDER.indexOf(best.category)) continue;
    if (matchAt(t, words, v, true)) best = t;
  }
  return best && { category: best.category, severity: SEVERITY[best.category], term: best.term, mask: best.mask, echo: !v.notEchoed.has(best.term), basis: 'name' };
}

/** `@sys.phone-number`, `duckling:email`, `builtin.personName` → `phone-number`, `email`, `personname`. */
export function entityKey(entity: string): string {
  return entity
    .trim()
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/^(?:sys|builtin|prebuilt|duckling|microsoft|spacy)[.:/]/, '')
    .replace(/^(?:sys|builtin)[.:]/, '');
}

/**
 * The PII category of a variable as the spec defines it: a declared non-text
 * type is never PII; a type or entity that says personal data decides; a
 * known non-personal entity (money, city, duration...) decides too; otherwise
 * the name. `variable` may be undefined for a placeholder of an undeclared
 * variable (LG `${user.email}`).
 */
export function piiCategory(variable: Variable | undefined, name: string): PiiClass | undefined {
  if (variable?.type && NON_TEXT_TYPES.has(variable.type.toLowerCase())) return undefined;
  const v = vocab();
  const typed: PiiClass[] = [];
  let typedNone = false;
  for (const raw of [variable?.type, ...(variable?.entities ?? [])]) {
    if (!raw) continue;
    const key = entityKey(raw);
    const known = v.entities.get(key);
    if (known === 'none') typedNone = true;
    else if (known) typed.push({ category: known, severity: SEVERITY[known], term: raw, mask: known === 'financial' || key.includes('phone'), echo: !v.notEchoed.has(key), basis: 'type' });
    else if (raw !== variable?.type) {
      // a custom entity is itself a name (Rasa entity `credit_card`, Dialogflow `@iban`)
      const byName = piiCategoryOfName(key);
      if (byName) typed.push({ ...byName, basis: 'type' });
    }
  }
  if (typed.length) return typed.sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category))[0];
  if (typedNone) return undefined;
  return piiCategoryOfName(name) ?? (variable && variable.name !== name ? piiCategoryOfName(variable.name) : undefined);
}

/** Every distinct variable of the project (the merged map lists one variable under each alias). */
export function distinctVariables(variables: ReadonlyMap<string, Variable>): Variable[] {
  return [...new Set(variables.values())];
}

/**
 * The special category (GDPR Art. 9/10) a variable's name or entity is about,
 * for pii.sensitive. Unlike {@link piiCategory}, derived names and yes/no
 * types count: asking `has_disability` asks about health.
 */
export function sensitiveCategory(variable: Variable | undefined, name: string): { category: SensitiveCategory; term: string } | undefined {
  const v = vocab();
  const candidates = [name, ...(variable && variable.name !== name ? [variable.name] : []), ...(variable?.entities ?? []).map(entityKey)];
  for (const c of candidates) {
    const words = nameWords(c);
    for (const t of v.sensitive) if (matchAt(t, words, v, false)) return { category: t.category, term: t.term };
  }
  return undefined;
}
