/**
 * `botEthics.*` editor settings as the bottom config layer (the config file
 * wins). Settings are validated by the config file's own parser, so a value
 * means the same in settings.json and in `.bot-ethics.yml`. The resulting
 * object keeps its identity until a setting really changes, because the
 * engine caches rule results per config object.
 */
import { DEFAULT_CONFIG, layerConfig, parseConfig, type BotEthicsConfig } from '../core/config';
import { localize } from '../l10n';

export const SETTINGS_SECTION = 'botEthics';

/** The settings that map onto config keys (trace.server belongs to the client library). */
const CONFIG_KEYS = ['rules', 'language', 'genderStyle', 'privacyPolicyUrl', 'disclosureText', 'reportPersonNames'] as const;

export interface SettingsLayer {
  config: BotEthicsConfig;
  /** English descriptions of values that were ignored, for the log */
  problems: string[];
}

export function settingsLayer(raw: unknown): SettingsLayer {
  const picked = pickSettings(raw);
  if (!Object.keys(picked).length) return { config: DEFAULT_CONFIG, problems: [] };
  // JSON is YAML: the config parser validates settings exactly like the file
  const parsed = parseConfig(JSON.stringify(picked), 'settings');
  return {
    config: layerConfig(DEFAULT_CONFIG, parsed.config),
    problems: parsed.problems.map((p) => localize(p.message, 'en')),
  };
}

/** Known keys with a value; empty strings and nulls are "not set" in the settings UI. */
function pickSettings(raw: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!raw || typeof raw !== 'object') return out;
  const source = raw as Record<string, unknown>;
  for (const key of CONFIG_KEYS) {
    const value = dropEmpty(source[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function dropEmpty(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (Array.isArray(value) || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const kept = dropEmpty(v);
    if (kept !== undefined) out[k] = kept;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Settings per scope (a project root's URI, or '' for the window), each kept
 * as the same object until its content changes.
 */
export class SettingsStore {
  private readonly byScope = new Map<string, { json: string; layer: SettingsLayer }>();

  /** Stores the raw settings of a scope; true when they differ from before. */
  set(scope: string, raw: unknown): boolean {
    const json = JSON.stringify(pickSettings(raw));
    const prev = this.byScope.get(scope);
    if (prev && prev.json === json) return false;
    this.byScope.set(scope, { json, layer: settingsLayer(raw) });
    return true;
  }

  get(scope: string): SettingsLayer {
    return this.byScope.get(scope)?.layer ?? this.byScope.get('')?.layer ?? { config: DEFAULT_CONFIG, problems: [] };
  }

  has(scope: string): boolean {
    return this.byScope.has(scope);
  }
}
