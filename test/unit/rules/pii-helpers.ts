/** Shared checks for the pii.* rule tests. */
import * as assert from 'assert';
import type { Finding } from '../../../server/src/core/findings';
import type { FileModel } from '../../../server/src/core/model';
import { germanBundle, localize } from '../../../server/src/l10n';
import { applyEdits, covered } from '../../support/model-builder';

/** Every finding's message and fix titles have a German translation. */
export function assertTranslated(findings: Finding[]): void {
  for (const f of findings) {
    assert.ok(germanBundle[f.message.template], `no German for ${JSON.stringify(f.message.template)}`);
    // the suppression fix is the engine's, translated with the core strings
    for (const fix of f.fixes) if (fix.title.template !== 'Suppress {0} on the next line') assert.ok(germanBundle[fix.title.template], `no German for fix ${JSON.stringify(fix.title.template)}`);
  }
}

/** The finding has the engine's suppression fix (formats with line comments). */
export function assertSuppressible(f: Finding): void {
  assert.ok(
    f.fixes.some((x) => x.title.template === 'Suppress {0} on the next line'),
    `no suppression fix among ${f.fixes.map((x) => localize(x.title, 'en')).join(' | ')}`,
  );
}

/** What a fix leaves in the file, sliced to the line(s) it touched. */
export function fixed(files: FileModel[], f: Finding, title: string): string {
  const fix = f.fixes.find((x) => x.title.template === title);
  assert.ok(fix, `no fix ${title} among ${f.fixes.map((x) => x.title.template).join(' | ')}`);
  const fm = files.find((x) => x.file === fix.edits[0].file)!;
  const after = applyEdits(fm.text, fix.edits);
  const lineStart = fm.text.lastIndexOf('\n', f.start - 1) + 1;
  const delta = after.length - fm.text.length;
  const lineEnd = fm.text.indexOf('\n', f.end);
  return after.slice(lineStart, (lineEnd < 0 ? fm.text.length : lineEnd) + delta);
}

export function texts(files: FileModel[], findings: Finding[]): string[] {
  return findings.map((f) => covered(files, f));
}
