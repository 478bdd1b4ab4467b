/**
 * Real-looking personal data written into a bot (pii.literal): e-mail
 * addresses, phone numbers, IBANs and card numbers, each validated the way
 * the real thing is (mod-97, Luhn, numbering plans via libphonenumber-js), and
 * each with a safe stand-in the fix writes that this file never flags again
 * (reserved domains, fictional number ranges, published example and test
 * numbers). All scanners are linear: simple regexes without nested
 * quantifiers over overlapping classes, plus hand-written loops.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { Lang } from '../../core/model';
import type { SourceRange } from '../../core/text';
import data from '../../data/pii-literals.json';

export type LiteralKind = 'email' | 'phone' | 'iban' | 'card';

export interface LiteralHit extends SourceRange {
  kind: LiteralKind;
  /** the literal as written */
  value: string;
  /** the safe stand-in a fix writes, in the literal's style */
  replacement: string;
}

const lowerSet = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
const RESERVED_DOMAINS = lowerSet(data.email.reservedDomains.domains);
const RESERVED_TLDS = lowerSet(data.email.reservedDomains.tlds);
const PLACEHOLDER_DOMAINS = lowerSet(data.email.placeholderDomains.domains);
const PLACEHOLDER_LOCALS = lowerSet(data.email.placeholderLocalParts.words);
const ROLE_WORDS = lowerSet(data.email.roleMailboxes.words);
const IBAN_LENGTHS = data.iban.lengths as unknown as Record<string, number>;
const EXAMPLE_IBANS = new Set([...Object.values(data.iban.documentationExamples.ibans), ...data.iban.documentationExamples.more]);
const TEST_CARDS = new Set(data.card.testNumbers.numbers);
const UK_DRAMA = data.phone.ukDramaPrefixes.prefixes;
const DE_FILM = data.phone.deFilmPrefixes.prefixes;
/** prefix + three digits: 030 23125 xxx is 10 national digits, 0221 4710 xxx 10 as well */
const DE_FILM_LENGTH = 10;

// ---------------------------------------------------------------- e-mail

// The lookbehind makes every start a boundary, so a failed attempt never rescans the same run.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** An address that can belong to a person: not reserved (RFC 2606/6761), not a stand-in, not a role mailbox. */
export function isPersonalEmail(address: string): boolean {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const tld = labels[labels.length - 1];
  if (!/^\p{L}{2,}$/u.test(tld)) return false;
  if (RESERVED_TLDS.has(tld) || RESERVED_DOMAINS.has(domain)) return false;
  for (const r of RESERVED_DOMAINS) if (domain.endsWith('.' + r)) return false;
  if (PLACEHOLDER_DOMAINS.has(domain) || PLACEHOLDER_LOCALS.has(local)) return false;
  if (/^(.)\1*$/u.test(local)) return false;
  return !local.split(/[._+-]/).some((w) => ROLE_WORDS.has(w));
}

export function findEmails(text: string, lang: Lang): LiteralHit[] {
  const out: LiteralHit[] = [];
  for (const m of text.matchAll(EMAIL)) {
    let value = m[0];
    // a sentence's full stop or a trailing hyphen is not part of the domain
    value = value.replace(/[.-]+$/, '');
    if (!isPersonalEmail(value)) continue;
    out.push({ kind: 'email', start: m.index, end: m.index + value.length, value, replacement: data.replacementEmail[lang] });
  }
  return out;
}

// ---------------------------------------------------------------- IBAN

/** ISO 13616 check: move the first four characters to the end, letters to 10..35, remainder mod 97 must be 1. */
export function ibanChecksumValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return false;
  const expected = IBAN_LENGTHS[s.slice(0, 2)];
  if (expected === undefined || s.length !== expected) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const n = code >= 65 ? code - 55 : code - 48;
    rest = n >= 10 ? (rest * 100 + n) % 97 : (rest * 10 + n) % 97;
  }
  return rest === 1;
}

const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;
const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** IBANs written compact or in groups separated by single spaces, any case; exact length per country. */
export function findIbans(text: string): LiteralHit[] {
  const out: LiteralHit[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const country = m[0].slice(0, 2).toUpperCase();
    const length = IBAN_LENGTHS[country];
    if (length === undefined) continue;
    let j = m.index;
    let compact = '';
    while (j < text.length && compact.length < length) {
      const c = text[j];
      if (isAlnum(c)) {
        compact += c;
        j++;
      } else if (c === ' ' && isAlnum(text[j - 1]) && isAlnum(text[j + 1]) && compact.length > 0) j++;
      else break;
    }
    if (compact.length !== length || isAlnum(text[j])) continue;
    const upper = compact.toUpperCase();
    if (!ibanChecksumValid(upper) || EXAMPLE_IBANS.has(upper)) continue;
    const value = text.slice(m.index, j);
    out.push({ kind: 'iban', start: m.index, end: j, value, replacement: ibanReplacement(country, value.includes(' ')) });
  }
  return out;
}

function ibanReplacement(country: string, spaced: boolean): string {
  const examples = data.iban.documentationExamples.ibans as Record<string, string>;
  const iban = examples[country] ?? examples.DE;
  return spaced ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban;
}

// ---------------------------------------------------------------- cards

/** Luhn (mod 10) check over the digits of `number` (separators ignored). */
export function luhnValid(number: string): boolean {
  const digits = number.replace(/\D/g, '');
  if (!digits.length) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Does the number start like a card of a scheme that issues that length (Visa, Mastercard, Amex, Discover, Diners, JCB, Maestro, UnionPay, Mir)? */
export function knownCardPrefix(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16;
  if (p2 === 34 || p2 === 37) return n === 15;
  if (p4 >= 2200 && p4 <= 2204) return n >= 16;
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16;
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 13;
  return false;
}

// Each repetition takes exactly one digit (the separator is optional and no digit), so it cannot backtrack badly.
const CARD = /(?<![\p{L}\p{N}.,+/=&#_-])\d(?:[ -]?\d){12,18}(?![\p{L}\p{N}])/gu;

const CARD_GROUPINGS = ['4,6,5', '4,6,4'];

/** Plausible writing: compact, or one separator kind in groups of four (4-6-5 for Amex). */
function plausibleGrouping(value: string): boolean {
  const seps = new Set(value.replace(/\d/g, ''));
  if (seps.size === 0) return true;
  if (seps.size > 1) return false;
  const groups = value.split(/[ -]/).map((g) => g.length);
  if (CARD_GROUPINGS.includes(groups.join(','))) return true;
  return groups.slice(0, -1).every((g) => g === 4) && groups[groups.length - 1] >= 1 && groups[groups.length - 1] <= 4;
}

export function findCards(text: string): LiteralHit[] {
  const out: LiteralHit[] = [];
  for (const m of text.matchAll(CARD)) {
    const value = m[0];
    const digits = value.replace(/\D/g, '');
    if (digits.length < 13 || !plausibleGrouping(value)) continue;
    if (/^(\d)\1+$/.test(digits) || TEST_CARDS.has(digits)) continue;
    if (!knownCardPrefix(digits) || !luhnValid(digits) || labelledAsOther(text, m.index, LABELS.cardCues)) continue;
    out.push({ kind: 'card', start: m.index, end: m.index + value.length, value, replacement: cardReplacement(value) });
  }
  return out;
}

function cardReplacement(original: string): string {
  const sep = original.replace(/\d/g, '')[0];
  return sep ? data.card.replacement.replace(/(\d{4})(?=\d)/g, '$1' + sep) : data.card.replacement;
}

// ---------------------------------------------------------------- phones

// A phone-like run: optional +, optional (, digits with single separators; bounded, no nested quantifier.
const PHONE = /(?<![\p{L}\p{N}+/=&#.@_-])\+?\(?\d[\d \t().\/-]{5,22}\d(?![\p{L}\p{N}])/gu;
const NANP_FORMAT = /^(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;

type ReplacementCountry = 'US' | 'GB' | 'DE' | 'AT' | 'CH' | 'other';

/** Made-up numbers: Ofcom drama ranges, German film/TV ranges, the US 555 exchange, and runs such as 123456 / 000000. */
export function isFictionalPhone(p: PhoneNumber): boolean {
  const nsn = String(p.nationalNumber);
  if (p.countryCallingCode === '44' && UK_DRAMA.some((prefix) => nsn.startsWith(prefix))) return true;
  if (p.countryCallingCode === '49' && nsn.length === DE_FILM_LENGTH && DE_FILM.some((prefix) => nsn.startsWith(prefix))) return true;
  if (p.countryCallingCode === '1' && nsn.slice(3, 6) === data.phone.usFictionalExchange.exchange) return true;
  return hasMadeUpRun(nsn, data.phone.madeUpRun.length);
}

/** A run of `length` digits each one more, one less, or the same as the one before (123456, 987654, 000000). */
export function hasMadeUpRun(digits: string, length: number): boolean {
  for (const step of [1, -1, 0]) {
    let run = 1;
    for (let i = 1; i < digits.length; i++) {
      const d = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
      run = d === step || (step === 1 && digits[i - 1] === '9' && digits[i] === '0') ? run + 1 : 1;
      if (run >= length) return true;
    }
  }
  return false;
}

/** A UK drama number written nationally (07700 900123): libphonenumber calls it invalid for GB, but it may pass as another country's number. */
function isNationalDramaNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return digits[0] === '0' && digits[1] !== '0' && UK_DRAMA.some((prefix) => digits.startsWith(prefix, 1));
}

function replacementCountry(country: string | undefined): ReplacementCountry {
  if (country === 'US' || country === 'CA') return 'US';
  if (country === 'GB' || country === 'GG' || country === 'JE' || country === 'IM') return 'GB';
  if (country === 'DE' || country === 'AT' || country === 'CH') return country;
  return 'other';
}

/** Parses a candidate the way it is written: international, national with trunk 0 (DE/AT/CH/GB), or US format. */
function parseCandidate(value: string, lang: Lang): { numbers: PhoneNumber[]; international: boolean } | undefined {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 17) return undefined;
  if (/[ \t.\/-]{2,}/.test(value) || DATE_LIKE.test(value)) return undefined;
  const bare = value.replace(/^\(/, '');
  if (value.startsWith('+') || bare.startsWith('00')) {
    const p = parsePhoneNumberFromString('+' + (value.startsWith('+') ? digits : digits.slice(2)));
    return p?.isValid() ? { numbers: [p], international: true } : undefined;
  }
  if (bare.startsWith('0')) {
    if (digits.length < 8) return undefined;
    const order: CountryCode[] = lang === 'de' ? ['DE', 'AT', 'CH', 'GB'] : ['GB', 'DE', 'AT', 'CH'];
    const numbers = order.map((c) => parsePhoneNumberFromString(value, c)).filter((p): p is PhoneNumber => !!p && p.isValid());
    return numbers.length ? { numbers, international: false } : undefined;
  }
  // US numbers only in their usual written form: a bare 10-digit run is as likely an order or account number
  if (!NANP_FORMAT.test(value)) return undefined;
  const p = parsePhoneNumberFromString(value, 'US');
  return p?.isValid() ? { numbers: [p], international: value.startsWith('+') } : undefined;
}

export function findPhones(text: string, lang: Lang): LiteralHit[] {
  const out: LiteralHit[] = [];
  for (const m of text.matchAll(PHONE)) {
    const value = m[0];
    if (isNationalDramaNumber(value)) continue;
    const parsed = parseCandidate(value, lang);
    if (!parsed || parsed.numbers.some(isFictionalPhone)) continue;
    // a leading + or 00 says "phone"; a national number may be any other number
    if (!parsed.international && labelledAsOther(text, m.index, LABELS.phoneCues)) continue;
    const table = data.phone.replacements as Record<ReplacementCountry, { international: string; national: string }>;
    const r = table[replacementCountry(parsed.numbers[0].country)];
    out.push({ kind: 'phone', start: m.index, end: m.index + value.length, value, replacement: parsed.international ? r.international : r.national });
  }
  return out;
}

// ---------------------------------------------------------------- context

const LABELS = data.numberLabels;
const OTHER_LABELS = new Set(LABELS.other);

function isCue(word: string, cues: readonly string[]): boolean {
  return cues.some((c) => word.startsWith(c) || (c.length >= 5 && word.endsWith(c)));
}

/**
 * Do the words just before `start` say the number is something else — an
 * order, customer or contract number ("Kundennummer 0815 4711", "order
 * 4539 1488 0343 6467")? A cue for the kind itself ("Telefonnummer",
 * "card") wins.
 */
export function labelledAsOther(text: string, start: number, cues: readonly string[]): boolean {
  const words = (text.slice(Math.max(0, start - 48), start).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(-3);
  if (words.some((w) => isCue(w, cues))) return false;
  return words.some((w) => OTHER_LABELS.has(w) || LABELS.suffixes.some((x) => w.length > x.length + 2 && w.endsWith(x)));
}

// ---------------------------------------------------------------- all

const URL = /\b(?:https?|ftp):\/\/[^\s<>"'\])]*|\bwww\.[^\s<>"'\])]+/giu;

/** Index ranges of URLs (digits in a URL are ids, not phone or card numbers). */
export function urlRanges(text: string): SourceRange[] {
  return [...text.matchAll(URL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const overlaps = (a: SourceRange, bs: readonly SourceRange[]) => bs.some((b) => a.start < b.end && a.end > b.start);

/**
 * The literals of the given kinds in `text`, not overlapping `skip` ranges
 * (placeholders) or URLs, and never two on the same characters (an IBAN's
 * digits are not also a phone number).
 */
export function findLiterals(text: string, kinds: readonly LiteralKind[], lang: Lang, skip: readonly SourceRange[] = []): LiteralHit[] {
  if (!/\d|@/.test(text)) return [];
  const blocked: SourceRange[] = [...skip];
  const urls = urlRanges(text);
  const out: LiteralHit[] = [];
  const take = (hits: LiteralHit[], avoidUrls: boolean, report = true) => {
    for (const h of hits) {
      if (overlaps(h, blocked) || (avoidUrls && overlaps(h, urls))) continue;
      if (report) out.push(h);
      blocked.push(h);
    }
  };
  // mailto: links are URLs, and the address in one is still an address
  if (kinds.includes('email') && text.includes('@')) take(findEmails(text, lang), false);
  // an IBAN's digits are no card number, even where IBANs are not reported (bot text)
  take(findIbans(text), true, kinds.includes('iban'));
  if (kinds.includes('card')) take(findCards(text), true);
  if (kinds.includes('phone')) take(findPhones(text, lang), true);
  return out.sort((a, b) => a.start - b.start);
}
