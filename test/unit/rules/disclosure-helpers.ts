/** Shared checks for the disclosure.* and autonomy.* rule tests. */
import * as assert from 'assert';
import type { Finding } from '../../../server/src/core/findings';
import type { BotMessage, FileModel } from '../../../server/src/core/model';
import { germanBundle } from '../../../server/src/l10n';
import { applyEdits, covered, ModelBuilder } from '../../support/model-builder';

export const SUPPRESS = 'Suppress {0} on the next line';

/** Every message and fix title has a German translation (the suppression fix is the engine's). */
export function assertTranslated(findings: Finding[]): void {
  for (const f of findings) {
    assert.ok(germanBundle[f.message.template], `no German for ${JSON.stringify(f.message.template)}`);
    for (const fix of f.fixes) if (fix.title.template !== SUPPRESS) assert.ok(germanBundle[fix.title.template], `no German for fix ${JSON.stringify(fix.title.template)}`);
  }
}

/** Fix titles, English templates with their arguments filled in. */
export function fixTitles(f: Finding): string[] {
  return f.fixes.map((x) => x.title.template.replace(/\{(\d+)\}/g, (_, i: string) => String(x.title.args?.[Number(i)])));
}

/** The finding's line after applying its first fix whose title template starts with `title`. */
export function fixedLine(files: FileModel[], f: Finding, title: string): string {
  const fix = f.fixes.find((x) => x.title.template.startsWith(title));
  assert.ok(fix, `no fix "${title}" among ${f.fixes.map((x) => x.title.template).join(' | ')}`);
  const fm = files.find((x) => x.file === fix.edits[0].file)!;
  const after = applyEdits(fm.text, fix.edits);
  const lineStart = fm.text.lastIndexOf('\n', f.start - 1) + 1;
  const lineEnd = fm.text.indexOf('\n', f.end);
  const delta = after.length - fm.text.length;
  return after.slice(lineStart, (lineEnd < 0 ? fm.text.length : lineEnd) + delta);
}

export function texts(files: FileModel[], findings: Finding[]): string[] {
  return findings.map((f) => covered(files, f));
}

/** Makes the first piece of a message's variation include other messages, as an LG `${Name()}` call does. */
export function withCalls(message: BotMessage, variation: number, calls: string[]): BotMessage {
  const piece = message.variations[variation].pieces[0];
  const value = piece.text.value;
  piece.calls = calls.map((name) => {
    const token = `\${${name}()}`;
    const start = value.indexOf(token);
    assert.ok(start >= 0, `${token} not in ${value}`);
    return { message: name, start, end: start + token.length };
  });
  return message;
}

/** A Rasa-like project: a domain file (the main file) plus whatever the test adds. */
export function domain(file = '/bot/domain.yml'): ModelBuilder {
  return new ModelBuilder(file).root(10);
}
