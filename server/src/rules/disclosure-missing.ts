/**
 * disclosure.missing: a greeting variation that never tells the user they
 * are talking to a bot. Each variation is judged alone, since the user sees
 * only one; the greeting's other messages count too ("Hi!" followed by "I'm
 * the ACME virtual assistant." is fine when every variation of that second
 * message discloses). A greeting that also runs custom code (a Rasa custom
 * action, a webhook) is not judged: that code may send the disclosure.
 */
import { msg, type Fix } from '../core/findings';
import type { BotMessage, Conversation, GreetingSequence, Lang, TextPiece, Variation } from '../core/model';
import type { Rule, RuleContext } from '../core/rule';
import { DisclosureJudge, disclosureInsertion, disclosureSentence, mainPiece, stepDiscloses } from './support/disclosure';
import { replaceInText } from './support/edit';
import { resolvedGreetings } from './support/greetings';

export const disclosureMissing: Rule = {
  id: 'disclosure.missing',
  description: 'A greeting that does not tell the user they are talking to a bot, AI or automated system.',
  tags: ['transparency', 'ai-disclosure'],
  defaultSeverity: 'warning',
  sources: ['EU AI Act Art. 50(1)', 'California BPC § 17941', 'UN Human Rights Council A/HRC/48/31 (transparency)'],
  explain: {
    en: {
      title: 'Say that the user is talking to a bot',
      why: 'People must know when they are talking to a machine, from the first message on: the EU AI Act (Art. 50(1)) requires AI systems that interact with people to say so, and California (BPC § 17941) forbids bots that hide being bots to influence a sale or a vote. Every variation of the greeting counts, because the user sees only one of them.',
      fix: 'Add a short sentence such as "I\'m a virtual assistant." to the greeting (the quick fix inserts it; set `disclosureText` in `.bot-ethics.yml` to use your own wording), or disclose it in the next message of the greeting.',
    },
    de: {
      title: 'Sagen, dass hier ein Bot antwortet',
      why: 'Menschen müssen von der ersten Nachricht an wissen, dass sie mit einer Maschine sprechen: Der AI Act der EU (Art. 50 Abs. 1) verlangt, dass KI-Systeme, die mit Menschen interagieren, dies offenlegen, und Kalifornien (BPC § 17941) verbietet Bots, die sich verstecken, um Kauf- oder Wahlentscheidungen zu beeinflussen. Jede Variante der Begrüßung zählt, denn Nutzende sehen nur eine davon.',
      fix: 'Ergänzen Sie einen kurzen Satz wie „Ich bin ein digitaler Assistent (KI).“ (die Schnellkorrektur fügt ihn ein; mit `disclosureText` in `.bot-ethics.yml` legen Sie eigene Worte fest), oder legen Sie es in der nächsten Nachricht der Begrüßung offen.',
    },
  },
  checkProject(model, ctx) {
    const judge = new DisclosureJudge(model);
    const reported = new Set<TextPiece>();
    const langOf = (v: Variation): Lang => ctx.langOf(v, mainPiece(v));
    const answeredBy = intentsAnswering(model);
    for (const greeting of resolvedGreetings(model)) {
      if (greeting.sequence.opaque || answersSomethingElse(greeting.sequence, answeredBy)) continue;
      const { steps } = greeting;
      steps.forEach((step, i) => {
        // another message of the same greeting that always discloses covers this one
        const coveredElsewhere = (lang: Lang) => steps.some((other, j) => j !== i && stepDiscloses(other, lang, judge, langOf));
        for (const message of step) {
          for (const variation of message.variations) {
            for (const leaf of judge.undisclosedLeaves(variation)) {
              const piece = mainPiece(leaf);
              if (!piece || reported.has(piece)) continue;
              const lang = ctx.langOf(leaf, piece);
              if (coveredElsewhere(lang)) continue;
              reported.add(piece);
              report(ctx, message, piece, lang);
            }
          }
        }
      });
    }
  },
};

/** For each message id, the intents it answers. */
function intentsAnswering(model: Conversation): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const intent of model.intents) {
    for (const id of intent.responses) out.set(id, [...(out.get(id) ?? []), intent.name]);
  }
  return out;
}

const GREET_WORDS = /(?:^|[^\p{L}])(?:greet\w*|hello|hi|hey|hallo|start\w*|welcome|willkommen|begin\w*|begrüßung|begruessung|session)(?:$|[^\p{L}])/iu;

/**
 * A greeting only by its name (utter_welcome) that the stories show answering
 * other intents only ("thank" → "You're welcome!") is no greeting.
 */
function answersSomethingElse(sequence: GreetingSequence, answeredBy: Map<string, string[]>): boolean {
  if (sequence.basis !== 'name') return false;
  return sequence.messages.every((id) => {
    const intents = answeredBy.get(id);
    return intents !== undefined && intents.length > 0 && !intents.some((name) => GREET_WORDS.test(name.replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')));
  });
}

function report(ctx: RuleContext, message: BotMessage, piece: TextPiece, lang: Lang): void {
  const sentence = disclosureSentence(ctx.config, lang);
  const { from, to, replacement } = disclosureInsertion(piece.text.value, sentence, piece);
  const edit = replaceInText(piece.text, from, to, replacement);
  const fixes: Fix[] = edit ? [{ title: msg('Add the disclosure "{0}"', sentence), edits: [edit], preferred: true }] : [];
  ctx.report({
    ...piece.text.locate(),
    message: msg('This greeting does not tell the user they are talking to a bot, so they may believe a person is answering.'),
    fixes,
    details: { greeting: message.id, language: lang },
  });
}
