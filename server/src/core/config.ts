/**
 * `.bot-ethics.yml`: the project's settings, read the same way by the editor
 * and the CLI. A wrong value becomes a `config.error` finding on the config
 * file at the value, and the rest of the file still applies.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { msg, RULE_IDS, isRuleId, type Finding, type RuleId, type Severity } from './findings';
import { parseIgnoreEntry } from './ignore';
import type { Lang } from './model';

export const CONFIG_FILE_NAME = '.bot-ethics.yml';

export type RuleSetting = Severity | 'off';
export type GenderStyle = 'colon' | 'star' | 'neutral' | 'pair';

export interface DenyWord {
  term: string;
  replacement?: string;
  message?: string;
}

export interface BotEthicsConfig {
  rules: Partial<Record<RuleId, RuleSetting>>;
  language: 'auto' | Lang;
  genderStyle: GenderStyle;
  privacyPolicyUrl?: string;
  disclosureText: Partial<Record<Lang, string>>;
  ignore: string[];
  words: { allow: string[]; deny: DenyWord[] };
  /** extension: report person names echoed back (off by default: greeting by name is no leak) */
  reportPersonNames: boolean;
}

export const DEFAULT_CONFIG: Readonly<BotEthicsConfig> = Object.freeze({
  rules: {},
  language: 'auto',
  genderStyle: 'colon',
  disclosureText: {},
  ignore: [],
  words: { allow: [], deny: [] },
  reportPersonNames: false,
});

/**
 * Layers settings: `base` (editor settings or defaults) under `over` (the
 * config file). The config file wins for the project; settings are the fallback.
 */
export function layerConfig(base: BotEthicsConfig, over: Partial<BotEthicsConfig> | undefined): BotEthicsConfig {
  if (!over) return base;
  return {
    rules: { ...base.rules, ...over.rules },
    language: over.language ?? base.language,
    genderStyle: over.genderStyle ?? base.genderStyle,
    privacyPolicyUrl: over.privacyPolicyUrl ?? base.privacyPolicyUrl,
    disclosureText: { ...base.disclosureText, ...over.disclosureText },
    ignore: [...base.ignore, ...(over.ignore ?? [])],
    words: {
      allow: [...base.words.allow, ...(over.words?.allow ?? [])],
      deny: [...base.words.deny, ...(over.words?.deny ?? [])],
    },
    reportPersonNames: over.reportPersonNames ?? base.reportPersonNames,
  };
}

export interface ParsedConfig {
  /** only the keys the file sets, validated */
  config: Partial<BotEthicsConfig>;
  /** config.error / parse.error findings on the config file */
  problems: Finding[];
}

const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;

/** YAML 1.1 users write `off`/`no`/`false` unquoted; YAML 1.2 reads false. Both mean off. */
function ruleSetting(value: unknown): RuleSetting | undefined {
  if (value === false) return 'off';
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'no' || v === 'false' || v === 'none') return 'off';
  if (v === 'warn') return 'warning';
  return (SEVERITIES as readonly string[]).includes(v) ? (v as RuleSetting) : undefined;
}

export function parseConfig(text: string, file: string): ParsedConfig {
  const problems: Finding[] = [];
  const config: Partial<BotEthicsConfig> = {};
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  for (const e of doc.errors) {
    problems.push({ code: 'parse.error', severity: 'error', file, start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]), message: msg('The config file is not valid YAML: {0}', firstLine(e.message)), fixes: [] });
  }
  const root = doc.contents;
  if (root === null || root === undefined) return { config, problems };
  const bad = (node: YamlNode | null | undefined, template: string, ...args: string[]): void => {
    const r = node?.range ?? root.range ?? [0, 0];
    // a block collection's range runs on to the next line: end at its last character
    let end = Math.max(r[1], r[0]);
    while (end > r[0] && /\s/.test(text[end - 1])) end--;
    problems.push({ code: 'config.error', severity: 'error', file, start: r[0], end, message: msg(template, ...args), fixes: [] });
  };
  /** The value to report on, or its key where the value is missing (`language:` with nothing after it). */
  const valueOr = (value: YamlNode | null | undefined, key: YamlNode): YamlNode => (!value || (isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1]) ? key : value);
  if (!isMap(root)) {
    bad(root as YamlNode, 'The config file must be a mapping of settings.');
    return { config, problems };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const valueNode = pair.value as YamlNode | null;
    const value = isScalar(valueNode) ? valueNode.value : valueNode === null ? null : undefined;
    switch (key) {
      case 'rules': {
        if (!isMap(valueNode)) {
          bad(valueOr(valueNode, keyNode), '`rules` must map rule ids to off, info, warning or error.');
          break;
        }
        const rules: Partial<Record<RuleId, RuleSetting>> = {};
        for (const rp of valueNode.items) {
          const idNode = rp.key as YamlNode;
          const id = isScalar(idNode) ? String(idNode.value) : '';
          if (!isRuleId(id)) {
            bad(idNode, 'Unknown rule `{0}`. Known rules: {1}.', id, RULE_IDS.join(', '));
            continue;
          }
          const vn = rp.value as YamlNode | null;
          const setting = isScalar(vn) ? ruleSetting(vn.value) : undefined;
          if (!setting) bad(valueOr(vn, idNode), 'Rule `{0}` must be off, info, warning or error.', id);
          else rules[id] = setting;
        }
        config.rules = rules;
        break;
      }
      case 'language':
        if (value === 'auto' || value === 'en' || value === 'de') config.language = value;
        else bad(valueOr(valueNode, keyNode), '`language` must be auto, en or de.');
        break;
      case 'genderStyle':
        if (value === 'colon' || value === 'star' || value === 'neutral' || value === 'pair') config.genderStyle = value;
        else bad(valueOr(valueNode, keyNode), '`genderStyle` must be colon, star, neutral or pair.');
        break;
      case 'privacyPolicyUrl':
        if (typeof value === 'string' && /^https?:\/\/\S+$/.test(value)) config.privacyPolicyUrl = value;
        else bad(valueOr(valueNode, keyNode), '`privacyPolicyUrl` must be an http(s) URL.');
        break;
      case 'disclosureText': {
        if (!isMap(valueNode)) {
          bad(valueOr(valueNode, keyNode), '`disclosureText` must map en and de to a sentence.');
          break;
        }
        const texts: Partial<Record<Lang, string>> = {};
        for (const dp of valueNode.items) {
          const ln = dp.key as YamlNode;
          const l = isScalar(ln) ? String(ln.value) : '';
          const vn = dp.value as YamlNode | null;
          if (l !== 'en' && l !== 'de') bad(ln, '`disclosureText` takes the languages en and de.');
          else if (!isScalar(vn) || typeof vn.value !== 'string' || !vn.value.trim()) bad(valueOr(vn, ln), 'The disclosure text must be a non-empty sentence.');
          else texts[l] = vn.value.trim();
        }
        config.disclosureText = texts;
        break;
      }
      case 'ignore': {
        const list = stringList(valueNode);
        if (!list) bad(firstNonString(valueNode) ?? valueOr(valueNode, keyNode), '`ignore` must be a list of glob patterns.');
        else config.ignore = list;
        // `<glob>#<rule>` entries (core/ignore.ts) must name known rules
        if (list && isSeq(valueNode)) {
          valueNode.items.forEach((item, i) => {
            for (const r of parseIgnoreEntry(list[i]).rules ?? []) if (!isRuleId(r)) bad(item as YamlNode, 'Unknown rule `{0}` in the ignore entry. Known rules: {1}.', r, RULE_IDS.join(', '));
          });
        }
        break;
      }
      case 'words': {
        if (!isMap(valueNode)) {
          bad(valueOr(valueNode, keyNode), '`words` must have `allow` and/or `deny` lists.');
          break;
        }
        const words: BotEthicsConfig['words'] = { allow: [], deny: [] };
        for (const wp of valueNode.items) {
          const kn = wp.key as YamlNode;
          const k = isScalar(kn) ? String(kn.value) : '';
          const vn = wp.value as YamlNode | null;
          if (k === 'allow') {
            const list = stringList(vn);
            if (!list) bad(firstNonString(vn) ?? valueOr(vn, kn), '`words.allow` must be a list of terms.');
            else words.allow = list;
          } else if (k === 'deny') {
            if (!isSeq(vn)) {
              bad(valueOr(vn, kn), '`words.deny` must be a list of { term, replacement, message }.');
              continue;
            }
            for (const item of vn.items as YamlNode[]) {
              const obj = isMap(item) ? (item.toJSON() as Record<string, unknown>) : isScalar(item) ? { term: item.value } : undefined;
              if (!obj || typeof obj.term !== 'string' || !obj.term.trim()) {
                bad(item, 'Each `words.deny` entry needs a `term`.');
                continue;
              }
              words.deny.push({
                term: obj.term.trim(),
                replacement: typeof obj.replacement === 'string' ? obj.replacement : undefined,
                message: typeof obj.message === 'string' ? obj.message : undefined,
              });
            }
          } else bad(kn, 'Unknown key `words.{0}`: use allow or deny.', k);
        }
        config.words = words;
        break;
      }
      case 'reportPersonNames': {
        const flag = booleanSetting(value);
        if (flag !== undefined) config.reportPersonNames = flag;
        else bad(valueOr(valueNode, keyNode), '`reportPersonNames` must be true or false.');
        break;
      }
      default:
        bad(keyNode, 'Unknown setting `{0}`.', key);
    }
  }
  return { config, problems };
}

/** YAML 1.1 users write yes/no/on/off unquoted; YAML 1.2 reads them as strings. */
function booleanSetting(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'on') return true;
  if (v === 'no' || v === 'off') return false;
  return undefined;
}

/** In a sequence that is not a list of strings, the first item that is not one (where the error is). */
function firstNonString(node: YamlNode | null | undefined): YamlNode | undefined {
  if (!isSeq(node)) return undefined;
  return (node.items as YamlNode[]).find((item) => !isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number'));
}

function stringList(node: YamlNode | null | undefined): string[] | undefined {
  if (!isSeq(node)) return undefined;
  const out: string[] = [];
  for (const item of node.items as YamlNode[]) {
    if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) return undefined;
    out.push(String(item.value));
  }
  return out;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

/** The severity a rule reports at, or undefined when it is off. */
export function effectiveSeverity(config: BotEthicsConfig, rule: RuleId, natural: Severity): Severity | undefined {
  const s = config.rules[rule];
  if (s === 'off') return undefined;
  return s ?? natural;
}
