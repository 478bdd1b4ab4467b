/**
 * disclosure.impersonation: the bot pretends to be human. Two ways:
 * - per file: bot text that claims it ("I'm a real person", "Ich bin kein
 *   Bot"), see support/human-claims.ts;
 * - per project: the answer to a bot-challenge intent ("are you a bot?")
 *   that does not clearly say it is a bot ("What do you think?"). The answers
 *   count together like a greeting: one answer message that always discloses
 *   covers the others. An answer that also runs custom code is not judged.
 */
import { msg, type Fix } from '../core/findings';
import type { BotMessage, Conversation, Intent, Lang, TextPiece, Variation } from '../core/model';
import type { Rule, RuleContext } from '../core/rule';
import { isBotChallengeIntent } from './support/bot-challenge';
import { DisclosureJudge, honestAnswer, mainPiece, stepDiscloses } from './support/disclosure';
import { replaceInText } from './support/edit';
import { humanClaims, type HumanClaim } from './support/human-claims';
import { sentenceAround } from './support/text-context';

export const disclosureImpersonation: Rule = {
  id: 'disclosure.impersonation',
  description: 'Bot text that claims to be human, or an evasive answer when the user asks whether it is a bot.',
  tags: ['transparency', 'ai-disclosure', 'deception'],
  defaultSeverity: 'error',
  sources: ['EU AI Act Art. 50(1)', 'California BPC § 17941', 'EU UCPD 2005/29/EC Art. 6 (misleading actions)'],
  explain: {
    en: {
      title: 'Never pretend to be human',
      why: 'A bot that says it is a person, or dodges the question "are you a bot?", deceives users about who they are dealing with. The EU AI Act (Art. 50(1)) requires AI systems to make clear that they are AI, and California (BPC § 17941) makes it unlawful for a bot to mislead people about its artificial identity. Users who ask directly must get a clear answer.',
      fix: 'Answer honestly, e.g. "I\'m a virtual assistant, not a human." The quick fix replaces the claim or the evasive answer (set `disclosureText` in `.bot-ethics.yml` for your own wording).',
    },
    de: {
      title: 'Nie vorgeben, ein Mensch zu sein',
      why: 'Ein Bot, der behauptet, ein Mensch zu sein, oder der Frage „Bist du ein Bot?“ ausweicht, täuscht Nutzende darüber, mit wem sie es zu tun haben. Der AI Act der EU (Art. 50 Abs. 1) verlangt, dass KI-Systeme sich als KI zu erkennen geben, und Kalifornien (BPC § 17941) verbietet Bots, über ihre künstliche Identität zu täuschen. Wer direkt fragt, muss eine klare Antwort bekommen.',
      fix: 'Antworten Sie ehrlich, z. B. „Ich bin ein virtueller Assistent, kein Mensch.“ Die Schnellkorrektur ersetzt die Behauptung oder die ausweichende Antwort (mit `disclosureText` in `.bot-ethics.yml` legen Sie eigene Worte fest).',
    },
  },
  checkFile(file, ctx) {
    for (const message of file.messages) {
      for (const variation of message.variations) {
        for (const piece of variation.pieces) for (const claim of humanClaims(piece)) reportClaim(ctx, variation, piece, claim);
      }
    }
  },
  checkProject(model, ctx) {
    const judge = new DisclosureJudge(model);
    const reported = new Set<TextPiece>();
    const langOf = (v: Variation): Lang => ctx.langOf(v, mainPiece(v));
    for (const [name, answer] of challengeAnswers(model)) {
      const steps = answer.map((id) => [...(model.messagesById.get(id) ?? [])]).filter((s) => s.length > 0);
      steps.forEach((step, i) => {
        for (const message of step) {
          for (const variation of message.variations) {
            for (const leaf of judge.undisclosedLeaves(variation)) {
              const piece = mainPiece(leaf);
              // a claim to be human is reported by the file check already
              if (!piece || reported.has(piece) || humanClaims(piece).length) continue;
              const lang = ctx.langOf(leaf, piece);
              if (steps.some((other, j) => j !== i && stepDiscloses(other, lang, judge, langOf))) continue;
              reported.add(piece);
              reportEvasive(ctx, name, message, piece, lang);
            }
          }
        }
      });
    }
  },
};

/**
 * The answers of each bot-challenge intent, by intent name (one intent can be
 * declared in several files). Intents whose answer runs custom code are left
 * out. Without a recorded answer, Rasa's naming convention `utter_<intent>`
 * is used — also for intents known only from training examples and for
 * retrieval intents (`chitchat/ask_isbot` → `utter_chitchat/ask_isbot`).
 */
function challengeAnswers(model: Conversation): Map<string, string[]> {
  const byName = new Map<string, Intent[]>();
  // every training example names its intent: each name is judged once, not once per example
  const judged = new Set<string>();
  const consider = (name: string | undefined) => {
    if (!name || judged.has(name)) return;
    judged.add(name);
    if (isBotChallengeIntent(retrievalPart(name))) byName.set(name, []);
  };
  for (const intent of model.intents) {
    consider(intent.name);
    byName.get(intent.name)?.push(intent);
  }
  for (const example of model.examples) consider(example.intent);
  for (const id of model.messagesById.keys()) if (id.startsWith('utter_') && id.includes('/')) consider(id.slice('utter_'.length));
  const out = new Map<string, string[]>();
  for (const [name, intents] of byName) {
    if (intents.some((i) => i.opaqueResponse)) continue;
    const ids = [...new Set(intents.flatMap((i) => i.responses))];
    if (!ids.length && model.messagesById.has(`utter_${name}`)) ids.push(`utter_${name}`);
    if (ids.length) out.set(name, ids);
  }
  return out;
}

/** `chitchat/ask_isbot` → `ask_isbot`: the retrieval intent's own name says what is asked. */
function retrievalPart(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

function reportClaim(ctx: RuleContext, variation: Variation, piece: TextPiece, claim: HumanClaim): void {
  const text = piece.text;
  const lang = ctx.langOf(variation, piece);
  const honest = honestAnswer(ctx.config, lang);
  const { from, to, replacement } = honestRewrite(text.value, claim, honest);
  const edit = replaceInText(text, from, to, replacement);
  const fixes: Fix[] = edit ? [{ title: msg('Replace with the honest answer "{0}"', honest), edits: [edit], preferred: true }] : [];
  ctx.report({
    ...text.locate(claim.start, claim.end),
    message: msg('This text claims the bot is human ("{0}"), which deceives users about talking to a machine.', claim.found),
    fixes,
    details: { claim: claim.category, language: lang },
  });
}

const SELF = /^(?:I'm|I am|Ich bin) /;

/**
 * What replaces a claim: from the claim to the end of its sentence, so that
 * what comes before stays ("Don't worry, ⟨I'm a virtual assistant, not a
 * human.⟩"). After a self-introduction ("I'm Tom, a real person") the answer
 * continues it ("I'm Tom, a virtual assistant, not a human."); where the
 * answer cannot (a configured text of another shape), the sentence is
 * replaced whole. Mid-sentence, German "Ich" is lower-cased.
 */
function honestRewrite(text: string, claim: HumanClaim, honest: string): { from: number; to: number; replacement: string } {
  const sentence = sentenceAround(text, claim.start, claim.end);
  let start = sentence.start;
  while (start < claim.start && /\s/.test(text[start])) start++;
  let end = sentence.end;
  while (end < text.length && '.!'.includes(text[end])) end++;
  if (claim.appended) {
    if (SELF.test(honest)) return { from: claim.start, to: end, replacement: honest.replace(SELF, '') };
    return { from: start, to: end, replacement: honest };
  }
  const midSentence = claim.start > start;
  return { from: claim.start, to: end, replacement: midSentence ? honest.replace(/^Ich /, 'ich ') : honest };
}

function reportEvasive(ctx: RuleContext, intent: string, message: BotMessage, piece: TextPiece, lang: Lang): void {
  const honest = honestAnswer(ctx.config, lang);
  const edit = replaceInText(piece.text, 0, piece.text.value.length, honest);
  const fixes: Fix[] = edit ? [{ title: msg('Replace with the honest answer "{0}"', honest), edits: [edit], preferred: true }] : [];
  ctx.report({
    ...piece.text.locate(),
    message: msg('This answer to "are you a bot?" (intent "{0}") does not clearly say that the user is talking to a bot.', intent),
    fixes,
    details: { intent, answer: message.id, language: lang },
  });
}
