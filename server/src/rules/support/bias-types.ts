/**
 * The shape of the bias word lists (server/src/data/bias-en.json and
 * bias-de.json). The lists are data; docs/word-lists.md explains every field
 * and how to add an entry.
 */

export type BiasCategory = 'gender' | 'ability' | 'race' | 'lgbtq' | 'age' | 'condescending' | 'slur' | 'tech';

/** A short explanation in both UI languages, shown in the hover. */
export interface BilingualNote {
  en: string;
  de: string;
}

/**
 * A word or phrase with its replacements. Used for all English entries and
 * for German entries that are not person nouns (ableist adjectives, slurs,
 * phrases such as "an den Rollstuhl gefesselt").
 */
export interface TermEntry {
  /** the headword as listed; also the key `words.allow` matches */
  term: string;
  category: BiasCategory;
  /** default: error for slurs, else warning */
  severity?: 'warning' | 'error';
  /** replacements for the headword, best first; empty: none (no quick fix) */
  alternatives: string[];
  /**
   * Surface forms (inflections, spellings) → their own replacements, in the
   * same order of preference. Without it, only the headword itself matches.
   */
  forms?: Record<string, string[]>;
  note?: BilingualNote;
  /** false: the alternative needs a rewrite of the sentence; suggest it but offer no quick fix */
  fix?: boolean;
  /** matches only when the word before is one of these (lower case) */
  before?: string[];
  /** never when the word before is one of these */
  notBefore?: string[];
  /** never when the word after is one of these */
  notAfter?: string[];
  /**
   * a noun use only ("the disabled are…", not "the disabled button"): the next
   * word, if any, must be one of these function words; punctuation or the end is fine
   */
  after?: string[];
  /** a noun use only: never when the next word is capitalised (a German attributive adjective) */
  standalone?: boolean;
  /**
   * only when one of the next three words starts with one of these stems
   * (lower case): "suffers from" only before a disability or chronic
   * condition ("…from diabetes"), not "…from any allergies"
   */
  followedBy?: string[];
}

/** German case/number readings of a masculine form: `sg.nom`, `pl.dat`... */
export type Reading = `${'sg' | 'pl'}.${'nom' | 'gen' | 'dat' | 'acc'}`;

export interface NumberForms {
  sg: string;
  pl: string;
}

/**
 * The neutral alternative of a German person noun, by how it behaves in a
 * sentence:
 * - adjectival: a participle/adjective noun (Mitarbeitende): plural takes -n
 *   after a determiner and in the dative; it has no gender-neutral singular.
 * - noun: a feminine noun that works in both numbers (Ansprechperson,
 *   Lehrkraft): the singular needs feminine determiners.
 * - collective: a singular collective (Kundschaft, Belegschaft): replacing a
 *   plural with it would break the verb, so it is suggested, never applied.
 */
export interface NeutralForms {
  kind: 'adjectival' | 'noun' | 'collective';
  sg?: string;
  pl?: string;
  /** dative plural where it differs from `pl` (Lehrkräften, Fachleuten) */
  plDat?: string;
}

/** A German person noun in the generic masculine. */
export interface PersonEntry {
  /** nominative singular (the lemma); also the key `words.allow` matches */
  term: string;
  /** every masculine surface form → the case/number readings it can have */
  forms: Record<string, Reading[]>;
  /** the feminine forms, for pair forms and for recognising existing pairs */
  feminine: NumberForms;
  /** gender colon (Kund:in, Kund:innen); null where the word has no such form (Fachmann) */
  colon: NumberForms | null;
  /** gender star (Kund*in, Kund*innen); null like colon */
  star: NumberForms | null;
  /** pair forms in the nominative (Kundin oder Kunde, Kundinnen und Kunden); other cases are built from the found form */
  pair: NumberForms;
  neutral?: NeutralForms;
  /**
   * Whether the noun is also found as the head of a compound: "any" for heads
   * whose every compound is a person (…mitarbeiter, …berater), or the list of
   * modifiers allowed (kunde: neu, stamm, privat… — never Urkunde, Heilkunde).
   */
  compound?: 'any' | string[];
  note?: BilingualNote;
}

/** Words that show a noun means the bot itself ("virtueller Assistent", "KI-Berater"): no person, no gender. */
export interface BotWords {
  /** adjective stems before the noun (lower case): virtuell, digital… */
  adjectives: string[];
  /** compound modifiers (lower case, without hyphen): ki, chat, bot… */
  modifiers: string[];
}

export interface EnglishList {
  language: 'en';
  terms: TermEntry[];
}

export interface GermanList {
  language: 'de';
  persons: PersonEntry[];
  terms: TermEntry[];
  botWords: BotWords;
}

export const READINGS: readonly Reading[] = ['sg.nom', 'sg.gen', 'sg.dat', 'sg.acc', 'pl.nom', 'pl.gen', 'pl.dat', 'pl.acc'];
export const CATEGORIES: readonly BiasCategory[] = ['gender', 'ability', 'race', 'lgbtq', 'age', 'condescending', 'slur', 'tech'];
