/**
 * autonomy.handoff: the whole bot offers no way to reach a human. A way is a
 * handoff the parsers found (live-agent handoff, SendHandoffActivity, a
 * handoff action/flow, a handoff intent), or any bot text that offers a
 * person or gives a human contact (support/human-contact.ts). A text that
 * says no human is available does not count. Reported once, on the first
 * line of the project's main file, and only for a real bot: one that has
 * bot text and a main file (domain, agent, root dialog) among the files
 * checked — a lone fragment (one .lg file given to the CLI) is not judged.
 */
import { msg } from '../core/findings';
import type { Conversation, HandoffMarker } from '../core/model';
import type { Rule } from '../core/rule';
import { isBotChallengeIntent } from './support/bot-challenge';
import { offersHuman } from './support/human-contact';
import { humanClaims } from './support/human-claims';

export const autonomyHandoff: Rule = {
  id: 'autonomy.handoff',
  description: 'The bot offers no way to reach a human: no handoff, no contact, no "talk to a person".',
  tags: ['autonomy', 'human-oversight'],
  defaultSeverity: 'info',
  sources: ['GDPR Art. 22(3) (right to human intervention)', 'EU AI Act Art. 14 (human oversight)', 'EU DSA Art. 12(1) (contact points must not rely solely on automated tools)'],
  explain: {
    en: {
      title: 'Offer a way to reach a human',
      why: 'Users who get stuck with a bot, need an exception or want to contest a decision must be able to reach a person. Automated decisions need a way to obtain human intervention (GDPR Art. 22(3)), and AI systems are meant to stay under human oversight (EU AI Act Art. 14). This bot never hands over and never says how to contact a person.',
      fix: 'Add a handoff: an intent such as "talk to a human" whose answer connects the user to an agent (live-agent handoff, SendHandoffActivity, a handoff action), or at least a response that gives a phone number, e-mail address or contact form of your team.',
    },
    de: {
      title: 'Einen Weg zu einem Menschen anbieten',
      why: 'Wer mit einem Bot nicht weiterkommt, eine Ausnahme braucht oder eine Entscheidung anfechten will, muss einen Menschen erreichen können. Automatisierte Entscheidungen brauchen die Möglichkeit menschlichen Eingreifens (DSGVO Art. 22 Abs. 3), und KI-Systeme sollen unter menschlicher Aufsicht bleiben (AI Act Art. 14). Dieser Bot übergibt nie an Menschen und nennt keinen Kontakt.',
      fix: 'Ergänzen Sie eine Übergabe: einen Intent wie „mit einem Menschen sprechen“, dessen Antwort an einen Mitarbeitenden weiterleitet (Live-Agent-Übergabe, SendHandoffActivity, eine Handoff-Aktion), oder wenigstens eine Antwort mit Telefonnummer, E-Mail-Adresse oder Kontaktformular Ihres Teams.',
    },
  },
  checkProject(model, ctx) {
    if (!hasBotText(model) || !hasMainFile(model) || reachesHuman(model)) return;
    const file = model.mainFile && model.files.get(model.mainFile);
    if (!file) return;
    const lineEnd = firstLineEnd(file.text);
    ctx.report({
      file: file.file,
      start: 0,
      end: lineEnd,
      anchor: 0,
      message: msg('This bot offers no way to reach a human (no handoff, no contact, no "talk to a person"), so users cannot get past the automated conversation.'),
      fixes: [],
      details: { messages: model.messages.length },
    });
  },
};

function hasBotText(model: Conversation): boolean {
  return model.messages.some((m) => m.variations.some((v) => v.pieces.some((p) => p.text.value.trim() !== '')));
}

function hasMainFile(model: Conversation): boolean {
  for (const f of model.files.values()) if (f.rootPriority !== undefined) return true;
  return false;
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf('\n');
  const end = nl < 0 ? text.length : nl;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

function reachesHuman(model: Conversation): boolean {
  if (model.handoffs.some((h) => markerCounts(h, model))) return true;
  // an intent asking for a human whose answer runs custom code: that code may hand over
  if (model.intents.some((i) => i.opaqueResponse && asksForHuman(i.name))) return true;
  for (const message of model.messages) {
    for (const variation of message.variations) {
      // "I'm a real person" names a human but offers none
      for (const piece of variation.pieces) if (offersHuman(piece.text.value) && !humanClaims(piece).length) return true;
    }
  }
  return false;
}

/**
 * A handoff found by a parser counts; one that is only an intent's name
 * counts unless the model shows what the intent answers — then the answer's
 * text decides (Rasa Pro's "no human is available" answer does not hand over).
 */
function markerCounts(marker: HandoffMarker, model: Conversation): boolean {
  if (marker.kind !== 'intent') return true;
  const intents = model.intents.filter((i) => i.name === marker.name);
  if (!intents.length || intents.some((i) => i.opaqueResponse)) return true;
  return intents.every((i) => i.responses.length === 0);
}

const HUMAN_WORDS = new Set(['human', 'person', 'agent', 'operator', 'representative', 'staff', 'mensch', 'mitarbeiter', 'berater', 'support']);
const HANDOVER_WORDS = new Set(['handoff', 'handover', 'escalate', 'escalation', 'liveagent']);

/** human_handoff, talk_to_agent, speakToHuman, mit_mensch_sprechen; not are_you_human (a bot challenge). */
function asksForHuman(name: string): boolean {
  if (isBotChallengeIntent(name)) return false;
  const words = name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  return words.some((w) => HANDOVER_WORDS.has(w) || HUMAN_WORDS.has(w));
}
