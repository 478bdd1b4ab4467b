/**
 * pii.echo: a PII variable interpolated into bot text. Whatever the bot says
 * ends up on screens, in transcripts, push notifications and chat logs, so a
 * card number, password or e-mail address read back in full leaks. Project
 * scope: the variable's type often comes from another file (domain, entity,
 * form). Names are not reported unless `reportPersonNames` is set.
 */
import { msg, type Fix, type Message } from '../core/findings';
import { piecesOf } from '../core/model';
import type { Rule } from '../core/rule';
import { describeFix, maskFix, isMaskedPlaceholder, removeFix } from './support/pii-fix';
import { piiCategory, type PiiCategory } from './support/pii';

/** One message per category (exported for the translation test). */
export const ECHO_MESSAGES: Record<PiiCategory, string> = {
  secret: 'The bot reads back the secret {0}: a password, PIN or one-time code must never appear in a chat.',
  financial: 'The bot reads back the payment data {0} in full: show at most its last 4 characters.',
  'government-id': 'The bot reads back the ID number {0} in full: show at most its last 4 characters.',
  health: 'The bot reads back the health data {0}: special-category data does not belong in chat transcripts.',
  contact: 'The bot reads back the personal data {0}: anyone who sees the screen or the chat log sees it too.',
  'person-name': 'The bot reads back the name {0}, which is personal data.',
};

export const piiEcho: Rule = {
  id: 'pii.echo',
  description: 'A personal-data variable (e-mail, phone, card number, password, ...) is read back in bot text.',
  tags: ['privacy', 'gdpr', 'personal-data'],
  defaultSeverity: 'error',
  sources: ['GDPR Art. 5(1)(c)', 'GDPR Art. 5(1)(f)', 'GDPR Art. 32', 'PCI DSS Req. 3.4.1'],
  explain: {
    en: {
      title: 'Personal data read back in a bot message',
      why: 'Whatever a bot says is shown on screens, kept in chat transcripts, logs and notifications. Reading back a card number, password or e-mail address in full repeats personal data where it is not needed (GDPR data minimisation, Art. 5(1)(c)) and exposes it to anyone who sees the conversation. Secrets and card, account and ID numbers are errors; contact details warnings; names are only reported when `reportPersonNames` is set.',
      fix: 'Leave the value out ("We have sent the code to your e-mail address") or show only part of it (last 4 digits). In LG and Jinja the quick fix masks the value; in Rasa and Dialogflow it removes the placeholder.',
    },
    de: {
      title: 'Personenbezogene Daten in einer Bot-Nachricht wiederholt',
      why: 'Was ein Bot schreibt, erscheint auf Bildschirmen, in Chatverläufen, Logs und Benachrichtigungen. Wer eine Kartennummer, ein Passwort oder eine E-Mail-Adresse vollständig wiederholt, verbreitet personenbezogene Daten ohne Not (Datenminimierung, Art. 5 Abs. 1 lit. c DSGVO) und zeigt sie allen, die das Gespräch sehen. Geheimnisse sowie Karten-, Konto- und Ausweisnummern sind Fehler, Kontaktdaten Warnungen; Namen werden nur mit `reportPersonNames` gemeldet.',
      fix: 'Den Wert weglassen („Wir haben den Code an Ihre E-Mail-Adresse geschickt“) oder nur teilweise zeigen (letzte 4 Stellen). In LG und Jinja maskiert die Schnellkorrektur den Wert, in Rasa und Dialogflow entfernt sie den Platzhalter.',
    },
  },
  checkProject(model, ctx) {
    for (const { piece, variation } of piecesOf(model.messages)) {
      for (const ph of piece.placeholders) {
        const pii = piiCategory(model.variables.get(ph.variable), ph.variable);
        // an age read back to its owner is no leak; names only on request (config reportPersonNames)
        if (!pii || !pii.echo || (pii.category === 'person-name' && !ctx.config.reportPersonNames)) continue;
        if (isMaskedPlaceholder(piece.text.value.slice(ph.start, ph.end))) continue;
        const fixes: Fix[] = [];
        // a secret must not show even in part; a partial e-mail address or name says nothing useful
        if (pii.mask) {
          const mask = maskFix(piece, ph);
          if (mask) fixes.push(mask);
        }
        const described = describeFix(piece, ph, pii.term, ctx.langOf(variation, piece));
        if (described) fixes.push(described);
        const remove = removeFix(piece, ph);
        if (remove) fixes.push(remove);
        const message: Message = msg(ECHO_MESSAGES[pii.category], ph.variable);
        ctx.report({
          ...piece.text.locate(ph.start, ph.end),
          message,
          fixes,
          severity: pii.severity,
          details: { variable: ph.variable, category: pii.category, term: pii.term, basis: pii.basis },
        });
      }
    }
  },
};
