/**
 * The pii.* rules on real third-party bot projects (/work/shared/corpus, read
 * only; never copied): they must not throw, every range must lie in its file,
 * and every quick fix must leave a file that its parser still reads without
 * new errors. A few precision checks state what must NOT be reported there.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../../server/src/core/config';
import { Checker } from '../../../server/src/core/engine';
import type { Finding } from '../../../server/src/core/findings';
import { BotProject, parseFile } from '../../../server/src/core/project';
import { CANDIDATE_EXTENSIONS } from '../../../server/src/formats';
import { piiEcho } from '../../../server/src/rules/pii-echo';
import { piiLiteral } from '../../../server/src/rules/pii-literal';
import { piiNotice } from '../../../server/src/rules/pii-notice';
import { piiSensitive } from '../../../server/src/rules/pii-sensitive';
import { piiTransfer } from '../../../server/src/rules/pii-transfer';
import { applyEdits } from '../../support/model-builder';
import { CORPUS } from '../../support/corpus';

const RULES = [piiEcho, piiTransfer, piiLiteral, piiNotice, piiSensitive];

function filesOf(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesOf(root, p));
    else if (CANDIDATE_EXTENSIONS.some((x) => e.name.endsWith(x))) out.push(path.relative(root, p).split(path.sep).join('/'));
  }
  return out.sort();
}

function checkProject(name: string): { project: BotProject; findings: Finding[] } {
  const root = path.join(CORPUS, name);
  const project = new BotProject(root);
  for (const f of filesOf(root)) project.update(f, fs.readFileSync(path.join(root, f), 'utf8'), 1);
  const findings = [...new Checker(RULES).check(project.conversation(), DEFAULT_CONFIG).values()].flat();
  return { project, findings };
}

describe('pii rules on the real-bot corpus', function () {
  this.timeout(120_000);
  const present = fs.existsSync(CORPUS);
  if (!present) {
    it('corpus missing', function () {
      console.warn(`\n  ⚠⚠⚠ corpus not found at ${CORPUS}: set BOT_ETHICS_CORPUS; pii corpus tests SKIPPED ⚠⚠⚠\n`);
      this.skip();
    });
    return;
  }
  const projects = fs.readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const results = new Map<string, { project: BotProject; findings: Finding[] }>();
  const result = (name: string) => {
    let r = results.get(name);
    if (!r) results.set(name, (r = checkProject(name)));
    return r;
  };

  for (const name of projects) {
    it(`${name}: ranges lie in their files and every fix keeps the file readable`, () => {
      const { project, findings } = result(name);
      const errorsOf = new Map<string, number>();
      const errorsBefore = (file: string, text: string) => {
        if (!errorsOf.has(file)) errorsOf.set(file, parseFile(file, text)?.errors.length ?? 0);
        return errorsOf.get(file)!;
      };
      for (const f of findings.filter((x) => x.code.startsWith('pii.'))) {
        const text = project.text(f.file)!;
        assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.file} ${f.start}-${f.end}`);
        for (const fix of f.fixes) {
          const byFile = new Map<string, typeof fix.edits>();
          for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
          for (const [file, edits] of byFile) {
            const before = project.text(file);
            if (before === undefined) continue; // a file the fix creates (config)
            const after = applyEdits(before, edits);
            const errorsAfter = parseFile(file, after)?.errors.length ?? 0;
            assert.ok(errorsAfter <= errorsBefore(file, before), `${f.code} fix "${fix.title.template}" breaks ${file}`);
          }
        }
      }
    });
  }

  it('no pii.literal on phone numbers or IBANs in bot text (a company hotline is normal)', () => {
    for (const name of projects) {
      const { project, findings } = result(name);
      const botTextFiles = new Set(project.models().filter((m) => m.messages.length && !m.examples.length).map((m) => m.file));
      const wrong = findings.filter((f) => f.code === 'pii.literal' && botTextFiles.has(f.file) && (f.details?.kind === 'phone' || f.details?.kind === 'iban'));
      assert.deepStrictEqual(wrong.map((f) => `${name}/${f.file}`), []);
    }
  });

  it('no pii.transfer on loopback or single-label hosts', () => {
    for (const name of projects) {
      const { project, findings } = result(name);
      const wrong = findings.filter((f) => f.code === 'pii.transfer' && /^\s*"?http:\/\/(localhost|127\.|\[?::1|[\w-]+[:/])/.test(project.text(f.file)!.slice(f.start, f.end)));
      assert.deepStrictEqual(wrong.map((f) => `${name}/${f.file}`), []);
    }
  });

  it('pii.sensitive only on texts that ask (a question or a request)', () => {
    for (const name of projects) {
      const { project, findings } = result(name);
      for (const f of findings.filter((x) => x.code === 'pii.sensitive' && !x.details?.variable)) {
        const text = project.text(f.file)!.slice(f.start, f.end);
        assert.ok(/\?|please|bitte|tell|describe|nennen|geben|let (us|me) know/i.test(text), `${name}/${f.file}`);
      }
    }
  });
});
