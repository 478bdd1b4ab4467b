/**
 * pii.notice: a prompt that asks for personal data without saying why or
 * where the privacy policy is (GDPR Art. 13: inform when collecting). A
 * privacy notice or link anywhere in the greeting covers every prompt, and a
 * purpose in a Dialogflow CX page's entry fulfillment covers its form prompts.
 * Reported per variation, since the user sees only one. Project scope:
 * prompts, variables, messages and greetings live in different files.
 */
import { msg, type Edit } from '../core/findings';
import type { BotMessage, Conversation, TextPiece } from '../core/model';
import type { Rule } from '../core/rule';
import type { MappedText } from '../core/text';
import { insertInText, replaceInText } from './support/edit';
import { greetingMessages } from './support/greetings';
import { piiCategory } from './support/pii';
import { mainPiece, promptVariable, spokenText } from './support/pii-prompt';
import { givesPrivacyNotice, givesPurposeOrPrivacy, purposeSentence } from './support/pii-purpose';

/**
 * Appends after decoded index `end`. In a plain YAML scalar an insertion that
 * starts with a space cannot stand alone, so the last word is rewritten
 * together with it: the scalar stays plain where it can.
 */
function appendEdit(text: MappedText, end: number, addition: string): Edit | undefined {
  if (text.encoding.kind !== 'yaml-plain') return insertInText(text, end, addition);
  const wordStart = text.value.slice(0, end).search(/\S+$/);
  return wordStart < 0 ? insertInText(text, end, addition) : replaceInText(text, wordStart, end, text.value.slice(wordStart, end) + addition);
}

function greetingGivesNotice(model: Conversation): boolean {
  return greetingMessages(model).some((m: BotMessage) => m.variations.some((v) => givesPrivacyNotice(spokenText(v, model))));
}

/** A Dialogflow CX page says what its entry fulfillment says before it prompts for its form parameters. */
const CX_FORM_PROMPT = /^(.+)#param:[^#]+$/u;
/** how many messages of one entry fulfillment are looked at (`#entry`, `#entry#message-2`, ...) */
const ENTRY_MESSAGES = 10;

/**
 * A CX form prompt (`<flow>/<page>#param:<name>`) is always preceded by the
 * page's entry fulfillment (`<flow>/<page>#entry`): a purpose stated there
 * ("I need a few details so we can get started") covers the page's prompts.
 * Only when every variation of an entry message states it, since the user
 * sees one of them. Other formats have no such fixed order in the model.
 */
function pageEntryGivesPurpose(model: Conversation, promptMessage: BotMessage, cache: Map<string, boolean>): boolean {
  if (model.files.get(promptMessage.file)?.format !== 'dialogflow-cx') return false;
  const scope = CX_FORM_PROMPT.exec(promptMessage.id)?.[1];
  if (!scope) return false;
  const known = cache.get(scope);
  if (known !== undefined) return known;
  let result = false;
  for (let i = 0; i < ENTRY_MESSAGES && !result; i++) {
    const id = i === 0 ? `${scope}#entry` : `${scope}#entry#message-${i + 1}`;
    const entries = model.messagesById.get(id);
    if (!entries) break;
    result = entries.some((m) => m.variations.length > 0 && m.variations.every((v) => givesPurposeOrPrivacy(spokenText(v, model))));
  }
  cache.set(scope, result);
  return result;
}

export const piiNotice: Rule = {
  id: 'pii.notice',
  description: 'A prompt asks for personal data without saying what it is used for or where the privacy policy is.',
  tags: ['privacy', 'gdpr', 'transparency'],
  defaultSeverity: 'warning',
  sources: ['GDPR Art. 13(1)(c)', 'GDPR Art. 12(1)', 'GDPR Art. 5(1)(a)'],
  explain: {
    en: {
      title: 'Personal data asked for without a reason',
      why: 'When a bot collects personal data, the user must be told what it is used for and where to find the privacy information (GDPR Art. 13). A short reason in the prompt ("so we can send you the receipt") or a privacy notice or link in the greeting is enough; a privacy notice in the greeting covers every prompt.',
      fix: 'Say why you ask ("To send you the receipt, ...", "Damit wir ..."), or link the privacy policy in the greeting. The quick fix appends a purpose sentence with the `privacyPolicyUrl` from `.bot-ethics.yml`.',
    },
    de: {
      title: 'Personenbezogene Daten ohne Begründung abgefragt',
      why: 'Wer personenbezogene Daten erhebt, muss sagen, wofür sie verwendet werden und wo die Datenschutzhinweise stehen (Art. 13 DSGVO). Ein kurzer Zweck in der Frage („damit wir Ihnen die Rechnung schicken können“) oder ein Datenschutzhinweis bzw. -link in der Begrüßung genügt; ein Hinweis in der Begrüßung gilt für alle Abfragen.',
      fix: 'Den Zweck nennen („Um Ihnen die Bestätigung zu senden, …“) oder in der Begrüßung auf die Datenschutzerklärung verlinken. Die Schnellkorrektur hängt einen Zweck-Satz mit der `privacyPolicyUrl` aus `.bot-ethics.yml` an.',
    },
  },
  checkProject(model, ctx) {
    if (!model.prompts.length || greetingGivesNotice(model)) return;
    const done = new Set<TextPiece>();
    const entryPurpose = new Map<string, boolean>();
    for (const prompt of model.prompts) {
      const asked = promptVariable(model, prompt.variable);
      const pii = piiCategory(asked.variable, asked.name);
      if (!pii || (pii.category === 'person-name' && !ctx.config.reportPersonNames)) continue;
      for (const message of model.messagesById.get(prompt.message) ?? []) {
        if (pageEntryGivesPurpose(model, message, entryPurpose)) continue;
        for (const variation of message.variations) {
          const main = mainPiece(variation);
          if (!main || done.has(main)) continue;
          done.add(main);
          if (givesPurposeOrPrivacy(spokenText(variation, model))) continue;
          const value = main.text.value;
          const end = value.trimEnd().length;
          const joint = /[\p{L}\p{N}]$/u.test(value.slice(0, end)) ? '. ' : ' ';
          const edit = appendEdit(main.text, end, joint + purposeSentence(ctx.langOf(variation, main), ctx.config.privacyPolicyUrl));
          ctx.report({
            ...main.text.locate(),
            message: msg('This prompt asks for {0} without saying what it is used for or where the privacy policy is.', asked.name),
            fixes: edit ? [{ title: msg('Add a purpose and privacy sentence'), edits: [edit], preferred: true }] : [],
            details: { variable: asked.name, category: pii.category },
          });
        }
      }
    }
  },
};
