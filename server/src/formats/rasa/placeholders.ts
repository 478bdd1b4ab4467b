/**
 * Variables inside Rasa response text. Rasa fills `{slot}` from the slot of
 * that name; `{{` and `}}` are escaped braces (payloads like
 * `/inform{{"x": 1}}`), never placeholders. A response marked
 * `metadata: {template: jinja}` is a Jinja template instead: `{{ slots.x }}`
 * and `{{ x }}` are variables there, single braces are literal. `{{ slots.x }}`
 * is read as Jinja everywhere, since nobody writes it as escaped text.
 */
import type { Placeholder } from '../../core/model';

const SLOT_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_\-.]*$/u;
const JINJA_SLOT = /^slots\.([\p{L}\p{N}_][\p{L}\p{N}_-]*)$/u;
const JINJA_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
/** an expression longer than this is code, not a variable */
const MAX_EXPR = 200;

export function responsePlaceholders(text: string, jinja: boolean): Placeholder[] {
  const out: Placeholder[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '{' && text[i + 1] === '{') {
      const close = text.indexOf('}}', i + 2);
      const expr = close >= 0 && close - i < MAX_EXPR ? jinjaVariable(text.slice(i + 2, close), jinja) : undefined;
      if (expr !== undefined) {
        out.push({ variable: expr, start: i, end: close + 2, syntax: 'jinja' });
        i = close + 2;
      } else i += 2; // an escaped brace
      continue;
    }
    if (c === '{' && text[i + 1] === '%') {
      const close = text.indexOf('%}', i + 2);
      i = close >= 0 ? close + 2 : i + 2; // a Jinja statement prints no variable by itself
      continue;
    }
    if (c === '}' && text[i + 1] === '}') {
      i += 2;
      continue;
    }
    if (c === '{' && !jinja) {
      const close = text.indexOf('}', i + 1);
      const name = close > i ? text.slice(i + 1, close) : '';
      if (close > i && !name.includes('{') && SLOT_NAME.test(name)) {
        out.push({ variable: name, start: i, end: close + 1, syntax: 'rasa' });
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** `slots.x | upper` → x; in a Jinja template also a bare `x`. */
function jinjaVariable(inner: string, jinja: boolean): string | undefined {
  const head = inner.split('|')[0].trim();
  const slot = JINJA_SLOT.exec(head);
  if (slot) return slot[1];
  return jinja && JINJA_NAME.test(head) ? head : undefined;
}
