/**
 * pii.literal: real-looking personal data written into the bot. Training
 * examples are often pasted from real chats: there, e-mail addresses, phone
 * numbers, IBANs and card numbers are reported. In bot text only personal
 * e-mail addresses and card numbers are: a company's own hotline or bank
 * account in a response is normal. File scope: depends on the file alone.
 */
import { msg } from '../core/findings';
import { detectLanguage } from '../core/lang';
import type { FileModel, Lang, TextPiece, TrainingExample } from '../core/model';
import { piecesOf } from '../core/model';
import type { Rule, RuleContext } from '../core/rule';
import type { MappedText } from '../core/text';
import { replaceInText } from './support/edit';
import { findLiterals, type LiteralHit, type LiteralKind } from './support/pii-literals';
import { placeholderKey, VariantMemo } from './support/text-memo';

/** One message per kind (exported for the translation test). */
export const LITERAL_MESSAGES: Record<LiteralKind, string> = {
  email: "This looks like a real person's e-mail address: personal data copied into a bot should be replaced with a placeholder.",
  phone: "This looks like a real person's phone number: personal data copied into a bot should be replaced with a placeholder.",
  iban: 'This is a valid IBAN: bank details copied into a bot should be replaced with a placeholder.',
  card: 'This is a valid payment card number: card numbers must not be stored in a bot, use a test number instead.',
};

const IN_EXAMPLES: readonly LiteralKind[] = ['email', 'phone', 'iban', 'card'];
const IN_BOT_TEXT: readonly LiteralKind[] = ['email', 'card'];

/**
 * The literals of a text depend on it, the kinds looked for, the language
 * (phone parsing, replacements) and the placeholders skipped: remembered by
 * content, so that after an edit only the edited text is scanned again.
 */
const inExamples = new VariantMemo<readonly LiteralHit[]>();
const inBotText: Record<Lang, VariantMemo<readonly LiteralHit[]>> = { en: new VariantMemo(), de: new VariantMemo() };

/** Most texts have no digit and no @: no literal, and cheaper to test than to look up. */
const MAYBE_LITERAL = /\d|@/;

function exampleLiterals(text: string, lang: Lang): readonly LiteralHit[] {
  if (!MAYBE_LITERAL.test(text)) return [];
  return inExamples.get(text, lang, () => findLiterals(text, IN_EXAMPLES, lang));
}

function botTextLiterals(piece: TextPiece, lang: Lang): readonly LiteralHit[] {
  if (!MAYBE_LITERAL.test(piece.text.value)) return [];
  return inBotText[lang].get(piece.text.value, placeholderKey(piece), () =>
    findLiterals(
      piece.text.value,
      IN_BOT_TEXT,
      lang,
      piece.placeholders.map((p) => ({ start: p.start, end: p.end })),
    ),
  );
}

function exampleLang(ex: TrainingExample, file: FileModel, ctx: RuleContext): Lang {
  if (ctx.config.language !== 'auto') return ctx.config.language;
  return ex.lang ?? file.lang ?? detectLanguage(ex.text.value) ?? 'en';
}

function report(text: MappedText, hit: LiteralHit, ctx: RuleContext): void {
  const edit = replaceInText(text, hit.start, hit.end, hit.replacement);
  ctx.report({
    ...text.locate(hit.start, hit.end),
    // the message does not repeat the value: findings travel to CLI output and CI logs
    message: msg(LITERAL_MESSAGES[hit.kind]),
    fixes: edit ? [{ title: msg('Replace with {0}', hit.replacement), edits: [edit], preferred: true }] : [],
    details: { kind: hit.kind },
  });
}

export const piiLiteral: Rule = {
  id: 'pii.literal',
  description: 'Real-looking personal data (e-mail, phone, IBAN, card number) is written into training examples or bot text.',
  tags: ['privacy', 'gdpr', 'personal-data', 'training-data'],
  defaultSeverity: 'warning',
  sources: ['GDPR Art. 5(1)(b)', 'GDPR Art. 5(1)(c)', 'GDPR Art. 25', 'PCI DSS Req. 3.2'],
  explain: {
    en: {
      title: 'Real personal data in the bot',
      why: 'Training examples are often copied from real conversations, and with them the e-mail addresses, phone numbers and bank details of real people. In a repository they are kept, copied and shared far beyond their purpose. Reserved example domains (example.com, *.test), role mailboxes (support@, info@), fictional phone ranges (US 555, UK drama numbers, 123456-style numbers), published example IBANs and test card numbers are not reported; in bot text only personal e-mail addresses and card numbers are.',
      fix: 'Replace the value with a placeholder of the same shape; the quick fix writes one that is reserved or fictional (jane.doe@example.com, +44 7700 900123, DE89 3704 0044 0532 0130 00, 4111 1111 1111 1111).',
    },
    de: {
      title: 'Echte personenbezogene Daten im Bot',
      why: 'Trainingsbeispiele werden oft aus echten Gesprächen kopiert – und mit ihnen E-Mail-Adressen, Telefonnummern und Bankdaten echter Menschen. Im Repository werden sie weit über ihren Zweck hinaus aufbewahrt, kopiert und geteilt. Reservierte Beispiel-Domains (example.com, *.test), Funktionspostfächer (support@, info@, kontakt@), fiktive Rufnummern (US 555, britische Drama-Nummern, Nummern wie 123456), veröffentlichte Beispiel-IBANs und Testkartennummern werden nicht gemeldet; in Bot-Texten nur persönliche E-Mail-Adressen und Kartennummern.',
      fix: 'Den Wert durch einen Platzhalter derselben Form ersetzen; die Schnellkorrektur schreibt einen reservierten oder fiktiven Wert (erika.mustermann@example.com, 030 1234567, DE89 3704 0044 0532 0130 00, 4111 1111 1111 1111).',
    },
  },
  checkFile(file, ctx) {
    for (const ex of file.examples) {
      for (const hit of exampleLiterals(ex.text.value, exampleLang(ex, file, ctx))) report(ex.text, hit, ctx);
    }
    for (const { variation, piece } of piecesOf(file.messages)) {
      for (const hit of botTextLiterals(piece, ctx.langOf(variation, piece))) report(piece.text, hit, ctx);
    }
  },
};
