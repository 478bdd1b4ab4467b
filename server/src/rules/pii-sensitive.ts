/**
 * pii.sensitive: the bot asks for special-category data (GDPR Art. 9: health,
 * religion, ethnicity, sexual orientation, political opinion, union
 * membership, genetic and biometric data; Art. 10: criminal records). Found
 * two ways: by the text of a question the bot asks (file scope: depends on
 * that file alone), and by the variable a prompt fills (project scope: the
 * variable and the prompt text are often in different files). Each text is
 * reported once. No quick fix: whether and how to ask needs a human decision.
 */
import { msg, type Message } from '../core/findings';
import type { BotMessage, Conversation, FileModel, TextPiece } from '../core/model';
import type { Rule, RuleContext } from '../core/rule';
import { sensitiveCategory } from './support/pii';
import { mainPiece, promptVariable } from './support/pii-prompt';
import { asksForSensitiveData } from './support/pii-sensitive';

/** A message the bot uses to ask for a variable, known from its own file (so the file-scope result can be cached). */
function isPromptIn(message: BotMessage, file: FileModel | undefined): boolean {
  return message.role === 'prompt' || (file !== undefined && promptMessages(file.prompts).has(message.id));
}

/**
 * The message ids a file's prompts name, once per prompt list (a file view
 * and an incremental re-parse share it): asked for every message, a scan of
 * the list each time grows with messages × prompts.
 */
function promptMessages(prompts: FileModel['prompts']): ReadonlySet<string> {
  let ids = promptIds.get(prompts);
  if (!ids) {
    ids = new Set(prompts.map((p) => p.message));
    promptIds.set(prompts, ids);
  }
  return ids;
}

const promptIds = new WeakMap<FileModel['prompts'], ReadonlySet<string>>();

function report(piece: TextPiece, message: Message, details: Record<string, string>, ctx: RuleContext): void {
  ctx.report({ ...piece.text.locate(), message, fixes: [], details });
}

/** Does the text check already report this variation (so the variable check need not)? */
function reportedByText(model: Conversation, message: BotMessage, pieces: readonly TextPiece[]): boolean {
  const isPrompt = isPromptIn(message, model.files.get(message.file));
  return pieces.some((p) => asksForSensitiveData(p, isPrompt) !== undefined);
}

export const piiSensitive: Rule = {
  id: 'pii.sensitive',
  description: 'A prompt asks for special-category data (health, religion, ethnicity, sexual orientation, political opinion, union membership, biometric or genetic data, criminal records).',
  tags: ['privacy', 'gdpr', 'special-category-data'],
  defaultSeverity: 'warning',
  sources: ['GDPR Art. 9(1)', 'GDPR Art. 9(2)(a)', 'GDPR Art. 10'],
  explain: {
    en: {
      title: 'The bot asks for special-category data',
      why: 'Health data, religion, ethnic origin, sexual orientation, political opinions, union membership, genetic and biometric data (GDPR Art. 9) and criminal records (Art. 10) may only be processed under strict conditions — for a chatbot usually the explicit consent of the user (Art. 9(2)(a)): a clear, separate yes, after saying what the data is used for, and a way to say no. Only questions the bot asks are reported, not mentions such as "we do not store health data".',
      fix: 'Ask only if the service really needs it. Before the question, ask for explicit consent, say what the answer is used for and who sees it, and offer a way to continue without answering. No quick fix: this needs a human decision.',
    },
    de: {
      title: 'Der Bot fragt nach besonderen Kategorien personenbezogener Daten',
      why: 'Gesundheitsdaten, Religion, ethnische Herkunft, sexuelle Orientierung, politische Meinungen, Gewerkschaftszugehörigkeit, genetische und biometrische Daten (Art. 9 DSGVO) sowie Straftaten (Art. 10) dürfen nur unter engen Voraussetzungen verarbeitet werden – bei einem Chatbot meist mit ausdrücklicher Einwilligung (Art. 9 Abs. 2 lit. a): ein klares, eigenes Ja, nachdem der Zweck genannt wurde, und die Möglichkeit, Nein zu sagen. Gemeldet werden nur Fragen des Bots, keine Erwähnungen wie „Wir speichern keine Gesundheitsdaten“.',
      fix: 'Nur fragen, wenn der Dienst es wirklich braucht. Vor der Frage ausdrücklich einwilligen lassen, Zweck und Empfänger nennen und einen Weg ohne Antwort anbieten. Keine Schnellkorrektur: Das muss ein Mensch entscheiden.',
    },
  },
  checkFile(file, ctx) {
    for (const message of file.messages) {
      const isPrompt = isPromptIn(message, file);
      for (const variation of message.variations) {
        for (const piece of variation.pieces) {
          const ask = asksForSensitiveData(piece, isPrompt);
          if (!ask) continue;
          report(piece, msg('This question asks for special-category data ("{0}"): collecting it needs explicit consent (GDPR Art. 9(2)(a)) and a clear reason.', ask.found), { category: ask.category, term: ask.found }, ctx);
        }
      }
    }
  },
  checkProject(model, ctx) {
    const done = new Set<TextPiece>();
    for (const prompt of model.prompts) {
      const asked = promptVariable(model, prompt.variable);
      const sensitive = sensitiveCategory(asked.variable, asked.name);
      if (!sensitive) continue;
      for (const message of model.messagesById.get(prompt.message) ?? []) {
        for (const variation of message.variations) {
          const main = mainPiece(variation);
          if (!main || done.has(main)) continue;
          done.add(main);
          if (reportedByText(model, message, variation.pieces)) continue;
          report(main, msg('This prompt asks for {0}, which is special-category data: collecting it needs explicit consent (GDPR Art. 9(2)(a)) and a clear reason.', asked.name), { category: sensitive.category, variable: asked.name }, ctx);
        }
      }
    }
  },
};
