/**
 * Translations of the server's messages, in the format of VS Code's l10n
 * bundles (English template → translation). One part per area so that
 * rules own their strings; merged here into one German bundle.
 */
import type { Message } from '../core/findings';
import core from './core.de.json';
import disclosure from './disclosure.de.json';
import pii from './pii.de.json';
import bias from './bias.de.json';
import lsp from './lsp.de.json';
import cli from './cli.de.json';

export type UiLang = 'en' | 'de';

const GERMAN: Record<string, string> = { ...core, ...disclosure, ...pii, ...bias, ...lsp, ...cli };

/** Fills `{0}`-style arguments; unknown templates fall back to English. */
export function localize(message: Message | string, lang: UiLang): string {
  const m = typeof message === 'string' ? { template: message } : message;
  const template = lang === 'de' ? GERMAN[m.template] ?? m.template : m.template;
  return template.replace(/\{(\d+)\}/g, (all, i: string) => {
    const arg = m.args?.[Number(i)];
    return arg === undefined ? all : String(arg);
  });
}

/** `de`, `de-DE`, `de_DE.UTF-8` → de; anything else → en. */
export function uiLangFrom(locale: string | undefined): UiLang {
  return locale && /^de(?:[-_.]|$)/i.test(locale) ? 'de' : 'en';
}

/** The German bundle, for tests that check every template has a translation. */
export const germanBundle: Readonly<Record<string, string>> = GERMAN;
