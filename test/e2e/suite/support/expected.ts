/**
 * What the test workspace (test/e2e/workspace) must show, file by file, before
 * any test edits it: every problem was written into those files on purpose.
 * Lines and characters are 0-based (VS Code's API), ranges end-exclusive.
 */
import type { Expected } from './diagnostics';

export const RASA_DOMAIN = 'rasa/domain.yml';
export const RASA_NLU = 'rasa/data/nlu.yml';
export const RASA_ENDPOINTS = 'rasa/endpoints.yml';
export const RASA_CONFIG = 'rasa/.bot-ethics.yml';
export const RASA_DE_DOMAIN = 'rasa-de/domain.yml';
export const LG = 'composer/language-generation/en-us/spokebikerepair.en-us.lg';
export const LU = 'composer/language-understanding/en-us/spokebikerepair.en-us.lu';
export const DIALOG = 'composer/spokebikerepair.dialog';
export const ES_AGENT = 'dialogflow/agent.json';
export const ES_INTENT = 'dialogflow/intents/book_tickets.json';
export const ES_USERSAYS = 'dialogflow/intents/book_tickets_usersays_en.json';
export const ES_CONFIG = 'dialogflow/.bot-ethics.yml';

export const BASELINE: Record<string, Expected[]> = {
  [RASA_DOMAIN]: [
    ['disclosure.missing', 'warning', [33, 13, 33, 54], 'Hi! Which book are you looking for today?'],
    ['pii.notice', 'warning', [37, 13, 37, 40], 'What is your email address?'],
    ['bias.wording', 'warning', [39, 21, 39, 25], 'guys'],
    ['pii.echo', 'warning', [39, 44, 39, 51], '{email}'],
    ['bias.wording', 'warning', [41, 17, 41, 25], 'chairman'],
  ],
  [RASA_NLU]: [['pii.literal', 'warning', [10, 65, 10, 85], 'tom.becker@gmail.com']],
  [RASA_ENDPOINTS]: [['pii.transfer', 'error', [1, 8, 1, 52], 'http://actions.riverside-library.net/webhook']],
  [LG]: [
    ['pii.notice', 'warning', [6, 2, 6, 33], 'Please type your email address.'],
    ['bias.wording', 'warning', [9, 12, 9, 21], 'repairman'],
    ['pii.echo', 'warning', [9, 33, 9, 46], '${user.email}'],
    ['disclosure.impersonation', 'error', [12, 2, 12, 53], "What do you think? Let's get your bike fixed first."],
    ['pii.echo', 'error', [18, 45, 18, 57], '${user.iban}'],
  ],
  [LU]: [['pii.literal', 'warning', [2, 37, 2, 62], 'anna.kowalski@outlook.com']],
  [DIALOG]: [['pii.transfer', 'error', [39, 18, 39, 55], 'http://api.spoke-repairs.net/bookings']],
  [ES_AGENT]: [['pii.transfer', 'error', [6, 12, 6, 54], 'http://tickets.city-museum.net/fulfillment']],
  [ES_INTENT]: [
    ['pii.notice', 'warning', [16, 48, 16, 75], 'What is your email address?'],
    ['pii.echo', 'warning', [24, 48, 24, 54], '$email'],
    ['autonomy.pressure', 'warning', [24, 56, 24, 66], 'Only today'],
    ['autonomy.pressure', 'warning', [24, 68, 24, 75], 'act now'],
  ],
  [ES_USERSAYS]: [['pii.literal', 'warning', [12, 17, 12, 38], 'maria.lopez@yahoo.com']],
  [RASA_DE_DOMAIN]: [
    ['autonomy.handoff', 'info', [0, 0, 0, 14], 'version: "3.1"'],
    ['bias.wording', 'warning', [21, 18, 21, 24], 'Kunden'],
    ['pii.sensitive', 'warning', [23, 13, 23, 82], 'Haben Sie eine Behinderung, die wir bei der Ausleihe beachten sollen?'],
  ],
};

/** A baseline list with some entries replaced or removed (by rule id and start line). */
export function baselineWithout(file: string, ...drop: [code: string, line: number][]): Expected[] {
  return BASELINE[file].filter((e) => !drop.some(([code, ln]) => e[0] === code && e[2][0] === ln));
}
