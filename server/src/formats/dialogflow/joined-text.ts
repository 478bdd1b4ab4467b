/**
 * One text from several JSON string literals: Dialogflow splits a training
 * example into parts (`data[].text`, `parts[].text`) at entity annotations,
 * but it is one sentence the user typed. Every character keeps its exact
 * source offset in its own literal.
 */
import { MappedText } from '../../core/text';
import { jsonStringText } from '../json-text';
import type { JsonNode } from './json-tree';

export function joinedText(file: string, text: string, literals: JsonNode[]): MappedText {
  const b = MappedText.builder(file, { kind: 'json' });
  for (const lit of literals) {
    const part = jsonStringText(file, text, lit);
    for (let i = 0; i < part.length; i++) {
      const s = part.sourceStart(i);
      const e = part.sourceEnd(i + 1);
      // one source char per decoded char: copied as is; otherwise an escape such as \n or \u00fc
      if (e - s === 1) b.verbatim(part.value[i], s);
      else b.escape(part.value[i], s, e);
    }
  }
  const first = literals[0];
  const last = literals[literals.length - 1];
  if (first && last) b.node({ start: first.offset, end: last.offset + last.length });
  return b.build(first?.offset);
}
