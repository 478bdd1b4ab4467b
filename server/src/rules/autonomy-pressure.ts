/**
 * autonomy.pressure: manipulative wording that pushes users instead of
 * letting them decide — false urgency ("only today", "letzte Chance"),
 * confirmshaming in buttons ("No thanks, I don't like saving money") and
 * guilt-tripping ("Are you sure you want to leave us?"). Per file; reported
 * on the phrase; no quick fix (the honest wording depends on the offer).
 */
import { msg, type Message } from '../core/findings';
import type { Rule } from '../core/rule';
import { pressureIn, type PressureCategory } from './support/pressure';

const MESSAGES: Record<PressureCategory, (found: string) => Message> = {
  urgency: (found) => msg('"{0}" creates false urgency, which pushes users to decide before they have thought it over.', found),
  confirmshaming: (found) => msg('"{0}" shames users for declining, which pressures them into accepting.', found),
  guilt: (found) => msg('"{0}" makes users feel guilty, which pressures them instead of letting them decide freely.', found),
};

export const autonomyPressure: Rule = {
  id: 'autonomy.pressure',
  description: 'Manipulative wording: false urgency, confirmshaming, guilt-tripping.',
  tags: ['autonomy', 'dark-patterns'],
  defaultSeverity: 'warning',
  sources: ['EU AI Act Art. 5(1)(a) (manipulative techniques)', 'EU UCPD 2005/29/EC Annex I No. 7 (false "limited time" claims)', 'EU DSA Art. 25 (dark patterns)', 'German UWG § 4a (aggressive practices)'],
  explain: {
    en: {
      title: 'Let users decide without pressure',
      why: 'False urgency ("only today", "last chance"), options that shame users for saying no ("No thanks, I don\'t like saving money") and guilt-tripping ("We\'ll be sad if you leave") are dark patterns: they steer people against their own interest. EU consumer law forbids false claims that an offer is available only for a very limited time (UCPD Annex I No. 7), the Digital Services Act bans interfaces that impair free decisions (Art. 25), and the AI Act prohibits AI systems that manipulate behaviour (Art. 5(1)(a)).',
      fix: 'State facts neutrally: the real end date of an offer, a neutral "No, thanks" option, a plain goodbye. There is no automatic fix, because the honest wording depends on the offer.',
    },
    de: {
      title: 'Nutzende ohne Druck entscheiden lassen',
      why: 'Falsche Dringlichkeit („nur heute“, „letzte Chance“), Auswahlmöglichkeiten, die Nutzende für ein Nein beschämen („Nein danke, ich zahle lieber mehr“), und Schuldgefühle („Wir wären traurig, wenn Sie gehen“) sind Dark Patterns: Sie lenken Menschen gegen ihre eigenen Interessen. Das EU-Verbraucherrecht verbietet die falsche Behauptung, ein Angebot gelte nur sehr kurz (UGP-Richtlinie Anhang I Nr. 7; UWG Anhang Nr. 7), der Digital Services Act verbietet Oberflächen, die freie Entscheidungen beeinträchtigen (Art. 25), und der AI Act verbietet manipulierende KI-Systeme (Art. 5 Abs. 1 lit. a).',
      fix: 'Nennen Sie Tatsachen neutral: das echte Enddatum eines Angebots, eine neutrale Option „Nein, danke“, eine schlichte Verabschiedung. Eine automatische Korrektur gibt es nicht, denn die ehrliche Formulierung hängt vom Angebot ab.',
    },
  },
  checkFile(file, ctx) {
    for (const message of file.messages) {
      for (const variation of message.variations) {
        for (const piece of variation.pieces) {
          for (const p of pressureIn(piece)) {
            ctx.report({
              ...piece.text.locate(p.start, p.end),
              message: MESSAGES[p.category](p.found),
              fixes: [],
              details: { category: p.category, phrase: p.found },
            });
          }
        }
      }
    }
  },
};
