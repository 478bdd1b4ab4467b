/**
 * The rule catalogue as a whole: every rule of the spec is registered once,
 * explains itself in both UI languages with its sources, and has a docs page
 * in English and German that the diagnostics link to.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS } from '../../../server/src/core/findings';
import { ruleDocUrl, REPOSITORY_URL } from '../../../server/src/lsp/links';
import { RULES } from '../../../server/src/rules';

const root = path.resolve(__dirname, '../../../..');

describe('rule catalogue', () => {
  it('registers exactly the spec\'s rules, once each', () => {
    assert.deepStrictEqual(RULES.map((r) => r.id).sort(), [...RULE_IDS].sort());
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('explains what, why and how to fix in English and German, citing its sources', () => {
        for (const lang of ['en', 'de'] as const) {
          const e = rule.explain[lang];
          assert.ok(e.title.trim() && e.why.trim().length > 40 && e.fix.trim().length > 10, `${lang} explanation is substantial`);
        }
        assert.notStrictEqual(rule.explain.de.why, rule.explain.en.why, 'German is not a copy of the English');
        assert.ok(rule.sources.length > 0 && rule.sources.every((s) => s.trim()), 'cites its sources');
        assert.ok(rule.description.trim() && rule.tags.length, 'description and tags');
      });

      it('has docs pages in English and German that the diagnostics link to', () => {
        for (const lang of ['en', 'de'] as const) {
          const file = path.join(root, 'docs/rules', lang === 'en' ? `${rule.id}.md` : `${rule.id}.de.md`);
          const text = fs.readFileSync(file, 'utf8');
          assert.ok(text.includes(rule.id), `${file} names the rule`);
          assert.ok(text.length > 800, `${file} says enough`);
          const url = ruleDocUrl(rule.id, lang);
          assert.ok(url?.startsWith(REPOSITORY_URL) && url.endsWith(path.relative(root, file).split(path.sep).join('/')), `${url} points at ${file}`);
        }
      });
    });
  }

  it('the spec\'s principles are cited where they apply', () => {
    const cites = (id: string, what: RegExp) => assert.ok(RULES.find((r) => r.id === id)!.sources.some((s) => what.test(s)), `${id} cites ${what}`);
    cites('disclosure.missing', /AI Act.*50/);
    cites('disclosure.impersonation', /17941/);
    cites('pii.echo', /GDPR.*5/);
    cites('pii.transfer', /GDPR.*32/);
    cites('pii.notice', /GDPR.*13/);
    cites('pii.sensitive', /GDPR.*9/);
  });
});
