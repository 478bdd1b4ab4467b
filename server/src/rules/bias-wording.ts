/**
 * bias.wording: non-inclusive or biased wording in bot text — gendered
 * generic terms (guys, chairman; the German generic masculine: Mitarbeiter,
 * Kunden), ableist, racist, ageist and condescending wording, slurs, and
 * technical terms with racial connotations (blacklist, master/slave).
 *
 * Per file: each bot text piece is matched once with the word list of its
 * language (support/bias-scan.ts); the lists are data (server/src/data/bias-*.json,
 * documented in docs/word-lists.md). User training examples are never bot text.
 */
import { msg, type Message } from '../core/findings';
import type { FileModel } from '../core/model';
import type { Rule, RuleContext } from '../core/rule';
import { protectedRanges } from '../core/scan';
import { replaceInText } from './support/edit';
import { scanBias, type BiasHit } from './support/bias-scan';

/** English message templates by category: [with a suggestion, without]. German in l10n/bias.de.json. */
const TEMPLATES: Record<BiasHit['category'], [string, string]> = {
  gender: ['“{0}” is gendered language that leaves people out; consider “{1}”.', '“{0}” is gendered language that leaves people out; rephrase it.'],
  ability: ['“{0}” is ableist language that can hurt disabled people; consider “{1}”.', '“{0}” is ableist language that can hurt disabled people; rephrase it.'],
  race: ['“{0}” has racist connotations; consider “{1}”.', '“{0}” has racist connotations; rephrase it.'],
  lgbtq: ['“{0}” can hurt LGBTQ+ people; consider “{1}”.', '“{0}” can hurt LGBTQ+ people; rephrase it.'],
  age: ['“{0}” is ageist language; consider “{1}”.', '“{0}” is ageist language; rephrase it.'],
  condescending: ['“{0}” can sound condescending to users who find this hard; consider “{1}”.', '“{0}” can sound condescending to users who find this hard; leave it out or rephrase.'],
  slur: ['“{0}” is a slur; use “{1}”.', '“{0}” is a slur; remove it.'],
  tech: ['“{0}” carries connotations of race or slavery; consider “{1}”.', '“{0}” carries connotations of race or slavery; rephrase it.'],
  custom: ['“{0}” is on this project’s list of words to avoid; consider “{1}”.', '“{0}” is on this project’s list of words to avoid.'],
};
const GENERIC_MASCULINE = '“{0}” is the generic masculine and leaves out women and non-binary people; consider “{1}”.';
const FIX_TITLE = 'Replace with “{0}”';

/** Every template this rule uses (for the translation check). */
export const BIAS_TEMPLATES: readonly string[] = [...Object.values(TEMPLATES).flat(), GENERIC_MASCULINE, FIX_TITLE];

function messageOf(hit: BiasHit): Message {
  if (hit.customMessage) return msg(hit.customMessage);
  if (hit.genericMasculine && hit.suggestion) return msg(GENERIC_MASCULINE, hit.found, hit.suggestion);
  const [withAlt, without] = TEMPLATES[hit.category];
  return hit.suggestion ? msg(withAlt, hit.found, hit.suggestion) : msg(without, hit.found);
}

function checkFile(file: FileModel, ctx: RuleContext): void {
  const settings = { genderStyle: ctx.config.genderStyle, words: ctx.config.words };
  for (const message of file.messages) {
    for (const variation of message.variations) {
      for (const piece of variation.pieces) {
        const text = piece.text;
        if (!text.value.trim()) continue;
        const skip = protectedRanges(text.value, piece);
        for (const call of piece.calls ?? []) skip.push({ start: call.start, end: call.end });
        const lang = ctx.langOf(variation, piece);
        for (const hit of scanBias(text.value, lang, settings, skip)) {
          const edit = hit.replace && replaceInText(text, hit.replace.from, hit.replace.to, hit.replace.text);
          ctx.report({
            ...text.locate(hit.start, hit.end),
            severity: hit.severity,
            message: messageOf(hit),
            fixes: edit ? [{ title: msg(FIX_TITLE, hit.replace!.text), edits: [edit], preferred: true }] : [],
            details: details(hit, lang),
          });
        }
      }
    }
  }
}

function details(hit: BiasHit, lang: string): Record<string, string> {
  const d: Record<string, string> = { term: hit.term, category: hit.category, found: hit.found, language: lang };
  if (hit.alternatives.length) d.alternatives = hit.alternatives.join(' | ');
  if (hit.note) {
    d.note = hit.note.en;
    d.noteDe = hit.note.de;
  }
  return d;
}

export const biasWording: Rule = {
  id: 'bias.wording',
  description: 'Non-inclusive or biased wording in bot text: gendered generic terms, the German generic masculine, ableist, racist, ageist or condescending words, slurs.',
  tags: ['inclusion', 'wording', 'gender', 'accessibility'],
  defaultSeverity: 'warning',
  sources: ['EU Charter of Fundamental Rights Art. 21 (non-discrimination)', 'AGG § 1 (Allgemeines Gleichbehandlungsgesetz)', 'UN CRPD Art. 8 (awareness-raising)', 'EU AI Act Recital 27 (diversity, non-discrimination and fairness)'],
  explain: {
    en: {
      title: 'Inclusive wording',
      why: 'A bot speaks to everyone. Words that assume a gender ("guys", "chairman", German generic masculine such as "Kunden"), use disability as an insult ("crazy", "lame"), carry racist history ("blacklist", "grandfathered") or are slurs make some users feel unwelcome or hurt — and they reflect on the company behind the bot.',
      fix: 'Use the suggested alternative (quick fix). German alternatives follow the configured `genderStyle` (colon, star, neutral or pair). Allow a term for the project with `words.allow` in `.bot-ethics.yml`, add your own with `words.deny`.',
    },
    de: {
      title: 'Inklusive Sprache',
      why: 'Ein Bot spricht mit allen. Wörter, die ein Geschlecht voraussetzen (generisches Maskulinum wie „Kunden“, „Mitarbeiter“; „Guys“), Behinderung als Schimpfwort benutzen („behindert“, „verrückt“), eine rassistische Geschichte tragen („Blacklist“, „Zigeuner“) oder Beleidigungen sind, schließen Menschen aus oder verletzen sie — und fallen auf das Unternehmen hinter dem Bot zurück.',
      fix: 'Die vorgeschlagene Alternative übernehmen (Schnellkorrektur). Deutsche Alternativen folgen dem eingestellten `genderStyle` (colon: Kund:innen, star: Kund*innen, neutral: Mitarbeitende, pair: Kundinnen und Kunden). Mit `words.allow` in `.bot-ethics.yml` lässt sich ein Begriff für das Projekt erlauben, mit `words.deny` ein eigener hinzufügen.',
    },
  },
  checkFile,
};
