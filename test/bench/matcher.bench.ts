/**
 * Bias matching speed: every term of both word lists over ~5 MB of generated
 * bot messages (English and German customer-service sentences, some with
 * listed words in them), compared with "one regular expression per term" —
 * what alex/retext-style tools effectively do (one pattern per list entry,
 * each run over the text). alex itself is not installed here, so the
 * baseline is that strategy re-implemented on the same input and terms.
 *
 * Measures, never fails: prints messages/s, MB/s and the speed-up (best of
 * BENCH_ROUNDS passes, default 3; the slow baseline best of 2). BENCH_BIAS_MB sets the corpus size
 * (default 5), BENCH_BIAS_BASELINE_MB the baseline's slice (default 0.25).
 */
import type { Lang } from '../../server/src/core/model';
import { biasMatcher, ENGLISH, GERMAN, scanBias } from '../../server/src/rules/support/bias-scan';
import { machineLine, now, table } from './timing';
import { seededRandom as random } from '../support/seeded-random';

const TARGET_MB = Number(process.env.BENCH_BIAS_MB ?? 5);
/** the baseline is slow: measured on a slice and compared by throughput */
const BASELINE_MB = Math.min(TARGET_MB, Number(process.env.BENCH_BIAS_BASELINE_MB ?? 0.25));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Message {
  lang: Lang;
  text: string;
}

export async function run(): Promise<void> {
  const messages = generateBiasCorpus(TARGET_MB * 1024 * 1024);
  const bytes = messages.reduce((n, m) => n + Buffer.byteLength(m.text), 0);
  const settings = { genderStyle: 'colon' as const, words: { allow: [], deny: [] } };
  console.log(machineLine());
  const termCount = { en: countTerms('en'), de: countTerms('de') };
  console.log(`corpus: ${messages.length} generated bot messages, ${(bytes / 1048576).toFixed(2)} MB (en ${messages.filter((m) => m.lang === 'en').length}, de ${messages.filter((m) => m.lang === 'de').length}); terms and forms: en ${termCount.en}, de ${termCount.de}`);

  let t = now();
  biasMatcher('en');
  biasMatcher('de');
  const buildMs = now() - t;

  // warm-up, then alternating passes (best of ROUNDS): a loaded machine only ever makes a pass slower
  const scanPass = () => {
    let n = 0;
    for (const m of messages) n += scanBias(m.text, m.lang, settings).length;
    return n;
  };
  const matchPass = () => {
    let n = 0;
    for (const m of messages) n += biasMatcher(m.lang).findAll(m.text).length;
    return n;
  };
  scanPass();
  let hits = 0;
  let raw = 0;
  let scanMs = Infinity;
  let matchMs = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    t = now();
    hits = scanPass();
    scanMs = Math.min(scanMs, now() - t);
    t = now();
    raw = matchPass();
    matchMs = Math.min(matchMs, now() - t);
  }

  const slice = sliceOf(messages, BASELINE_MB * 1024 * 1024);
  const sliceBytes = slice.reduce((n, m) => n + Buffer.byteLength(m.text), 0);
  const regexes = { en: termRegexes('en'), de: termRegexes('de') };
  const baselinePass = () => {
    let n = 0;
    for (const m of slice) for (const r of regexes[m.lang]) n += matchAll(r, m.text);
    return n;
  };
  baselinePass(); // compiles every RegExp once
  let baselineHits = 0;
  let baselineMs = Infinity;
  for (let round = 0; round < Math.min(ROUNDS, 2); round++) {
    t = now();
    baselineHits = baselinePass();
    baselineMs = Math.min(baselineMs, now() - t);
  }

  const mbs = (b: number, ms: number) => b / 1048576 / (ms / 1000);
  const ops = (n: number, ms: number) => n / (ms / 1000);
  const rows = [
    ['bias.wording scan (match + context + alternatives)', fmtNum(ops(messages.length, scanMs)), mbs(bytes, scanMs).toFixed(2), `${hits} hits`],
    ['Aho–Corasick matcher only (one pass)', fmtNum(ops(messages.length, matchMs)), mbs(bytes, matchMs).toFixed(2), `${raw} raw matches`],
    [`baseline: one RegExp per term (${(sliceBytes / 1048576).toFixed(2)} MB slice)`, fmtNum(ops(slice.length, baselineMs)), mbs(sliceBytes, baselineMs).toFixed(3), `${baselineHits} raw matches`],
  ];
  console.log(table(['strategy', 'messages/s', 'MB/s', 'found'], rows));
  console.log(`matcher build (both languages, once): ${buildMs.toFixed(1)} ms`);
  console.log(`speed-up of the full scan over one-regex-per-term: ${(mbs(bytes, scanMs) / mbs(sliceBytes, baselineMs)).toFixed(0)}× (target ≥ 50× faster than alex); matcher alone: ${(mbs(bytes, matchMs) / mbs(sliceBytes, baselineMs)).toFixed(0)}×`);
  console.log('note: alex itself is not installed here; the baseline re-implements its strategy (one pattern per term) on the same terms and input.');
}

function fmtNum(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0);
}

/** Every matchable surface form of a language's list. */
function listForms(lang: Lang): string[] {
  const terms = lang === 'en' ? ENGLISH.terms : GERMAN.terms;
  const forms = terms.flatMap((e) => Object.keys(e.forms ?? { [e.term]: [] }));
  if (lang === 'de') for (const p of GERMAN.persons) forms.push(...Object.keys(p.forms), p.feminine.sg, p.feminine.pl);
  return [...new Set(forms)];
}

function countTerms(lang: Lang): number {
  return listForms(lang).length;
}

function termRegexes(lang: Lang): RegExp[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
  return listForms(lang).map((f) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(f)}(?![\\p{L}\\p{N}])`, 'giu'));
}

function matchAll(r: RegExp, text: string): number {
  r.lastIndex = 0;
  let n = 0;
  while (r.exec(text)) n++;
  return n;
}

function sliceOf(messages: Message[], bytes: number): Message[] {
  const out: Message[] = [];
  let n = 0;
  for (const m of messages) {
    if (n >= bytes) break;
    out.push(m);
    n += Buffer.byteLength(m.text);
  }
  return out;
}

// ------------------------------------------------------------------ corpus

const EN_SENTENCES = [
  'Thanks for contacting {company}, how can I help you today?',
  'Your order {order} has been shipped and should arrive within 3 business days.',
  'I can help you reset your password, check a bill or change your plan.',
  'Please enter the last four digits of your card so I can find your account.',
  'Our support team is available Monday to Friday from 8 am to 6 pm.',
  'You can track your parcel at https://track.example.com/{order} at any time.',
  'Would you like me to connect you with a member of our service team?',
  'Simply click the link in the email we sent to {email} to confirm.',
  'Your current balance is {amount}; the next payment is due on the 15th.',
  'I am a virtual assistant and I can answer questions about your contract.',
];
const EN_WITH_TERM = ['Hi {term}, welcome back!', 'Our {term} will get back to you shortly.', 'That is a {term} offer for new customers.', 'Please note: {term} applies to this tariff.'];
const DE_SENTENCES = [
  'Vielen Dank für Ihre Nachricht an {company}, wie kann ich Ihnen helfen?',
  'Ihre Bestellung {order} wurde versendet und kommt in drei Werktagen an.',
  'Ich kann Ihr Passwort zurücksetzen, eine Rechnung prüfen oder Ihren Tarif ändern.',
  'Bitte geben Sie die letzten vier Ziffern Ihrer Karte ein, damit ich Ihr Konto finde.',
  'Unser Serviceteam ist montags bis freitags von 8 bis 18 Uhr erreichbar.',
  'Den Status Ihrer Sendung finden Sie jederzeit unter https://track.example.de/{order}.',
  'Möchten Sie mit einer Person aus unserem Team sprechen?',
  'Ihre Kundennummer finden Sie oben rechts auf Ihrer Rechnung.',
  'Ich bin ein digitaler Assistent und beantworte Fragen zu Ihrem Vertrag.',
  'Liebe Kundinnen und Kunden, unsere Filialen sind am Feiertag geschlossen.',
];
const DE_WITH_TERM = ['Unsere {term} helfen Ihnen gerne weiter.', 'Bitte wenden Sie sich an Ihren {term}.', 'Das ist ein {term} Angebot.', 'Als {term} erhalten Sie einen Rabatt.'];

/** Bot messages in both languages; about one in five sentences carries a listed word (far more than real bots). */
export function generateBiasCorpus(bytes: number): Message[] {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const forms = { en: listForms('en'), de: listForms('de') };
  const fill = (s: string) => s.replace('{company}', pick(['Swiftparcel', 'Northwind', 'Stadtwerke Musterstadt'])).replace('{order}', String(100000 + Math.floor(rnd() * 900000))).replace('{email}', '{email}').replace('{amount}', `${(rnd() * 200).toFixed(2)} EUR`);
  const out: Message[] = [];
  let n = 0;
  while (n < bytes) {
    const lang: Lang = rnd() < 0.5 ? 'en' : 'de';
    const parts: string[] = [];
    const sentences = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < sentences; i++) {
      if (rnd() < 0.15) parts.push(pick(lang === 'en' ? EN_WITH_TERM : DE_WITH_TERM).replace('{term}', pick(forms[lang])));
      else parts.push(fill(pick(lang === 'en' ? EN_SENTENCES : DE_SENTENCES)));
    }
    const text = parts.join(' ');
    out.push({ lang, text });
    n += Buffer.byteLength(text);
  }
  return out;
}
