/**
 * `${...}` parts of an already decoded text (a JSON string in a .dialog or in
 * an Adaptive Card): placeholders for the memory paths they read and calls of
 * the LG templates they include. Indices are decoded-text indices.
 */
import type { MessageCall, Placeholder } from '../../core/model';
import { expressionEnd, expressionRefs } from './expression';

export interface Interpolations {
  placeholders: Placeholder[];
  calls: MessageCall[];
}

export function interpolations(value: string): Interpolations {
  const placeholders: Placeholder[] = [];
  const calls: MessageCall[] = [];
  let i = value.indexOf('${');
  while (i >= 0) {
    if (i > 0 && value[i - 1] === '\\') {
      i = value.indexOf('${', i + 2);
      continue;
    }
    const e = expressionEnd(value, i);
    const end = e < 0 ? value.length : e;
    const refs = expressionRefs(value.slice(i + 2, e < 0 ? end : end - 1));
    for (const variable of refs.paths) placeholders.push({ variable, start: i, end, syntax: 'lg' });
    for (const message of refs.calls) calls.push({ message, start: i, end });
    i = value.indexOf('${', end);
  }
  return { placeholders, calls };
}

/** True when the text is nothing but `${...}` parts and blanks (it only includes other messages/values). */
export function onlyExpressions(value: string, parts: readonly { start: number; end: number }[]): boolean {
  let rest = '';
  let at = 0;
  for (const p of [...parts].sort((a, b) => a.start - b.start)) {
    if (p.start < at) continue;
    rest += value.slice(at, p.start);
    at = p.end;
  }
  rest += value.slice(at);
  return rest.trim() === '';
}
