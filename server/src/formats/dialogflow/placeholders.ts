/**
 * Parameter references inside Dialogflow bot text.
 *
 * ES: `$param`, `$param.original`, `#context.param`, `#context.param.original`.
 * The placeholder's variable is the parameter name (`email`): a context
 * parameter is the intent parameter of the same name, so rules find its type.
 *
 * CX: `$session.params.x`, `$page.params.x`, `$intent.params.x`, `$flow.x`,
 * `$request.…`. The variable is the reference without `$` and without field
 * access into the value (`$session.params.address.city` → `session.params.address`);
 * form parameters declare these keys as aliases (see cx-page.ts).
 * `$sys.…` (functions, counters) reads no user data and is not a placeholder.
 */
import type { Placeholder } from '../../core/model';

// Linear patterns: every repeated group starts with a character its neighbour cannot match.
const ES_PARAM = /(?<![\w$\\])\$([A-Za-z_][\w-]*)(?:\.original(?![\w-]))?/g;
const ES_CONTEXT = /(?<![\w#&\\])#([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\.original(?![\w-]))?/g;
const CX_REF = /(?<![\w$\\])\$([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\d+\])*)/g;

export function esPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of text.matchAll(ES_PARAM)) {
    const name = trimHyphens(m[1]);
    const end = m[0].endsWith('.original') ? m.index + m[0].length : m.index + 1 + name.length;
    out.push({ variable: name, start: m.index, end, syntax: 'dialogflow-es' });
  }
  for (const m of text.matchAll(ES_CONTEXT)) {
    const name = trimHyphens(m[2]);
    const end = m[0].endsWith('.original') ? m.index + m[0].length : m.index + 2 + m[1].length + name.length;
    out.push({ variable: name, start: m.index, end, syntax: 'dialogflow-es' });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function cxPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of text.matchAll(CX_REF)) {
    const whole = trimHyphens(m[0]);
    const parts = whole.slice(1).split('.');
    const variable = cxVariable(parts);
    if (variable) out.push({ variable, start: m.index, end: m.index + whole.length, syntax: 'dialogflow-cx' });
  }
  return out;
}

/** The variable key of a CX reference split at dots (`['session','params','email']`). */
function cxVariable(parts: string[]): string | undefined {
  const [scope, second, third] = parts;
  if ((scope === 'session' || scope === 'page' || scope === 'intent') && second === 'params' && third) return `${scope}.params.${stripIndex(third)}`;
  if (scope === 'flow' && second) return `flow.${stripIndex(second)}`;
  if (scope === 'request' && second) return parts.join('.');
  return undefined;
}

function stripIndex(s: string): string {
  const i = s.indexOf('[');
  return i < 0 ? s : s.slice(0, i);
}

function trimHyphens(s: string): string {
  let end = s.length;
  while (end > 1 && s[end - 1] === '-') end--;
  return s.slice(0, end);
}
