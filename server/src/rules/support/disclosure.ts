/**
 * Does a bot text tell the user they are talking to a machine? Shared by
 * disclosure.missing (greetings) and disclosure.impersonation (answers to
 * "are you a bot?"). A text discloses when it has a disclosure term
 * (server/src/data/disclosure.json) that no negation in its clause takes
 * back, outside URLs and placeholders — `{bot_name}` alone says nothing. A
 * text that includes other messages (LG `${Intro()}`) also discloses when
 * every variation of an included message does.
 */
import type { BotEthicsConfig } from '../../core/config';
import { PhraseMatcher, type Match } from '../../core/matcher';
import type { BotMessage, Conversation, Lang, TextPiece, Variation } from '../../core/model';
import { protectedRanges } from '../../core/scan';
import data from '../../data/disclosure.json';
import { clauseAround, expandParts, hasNoWords, isNegationWord, lazy, sentences, wordsBefore } from './text-context';

const matcher = lazy(() => {
  const terms = data.terms.map((t) => ({ term: t.term, payload: t.category }));
  for (const combo of data.combinations) for (const term of expandParts([combo.adjectives, combo.nouns])) terms.push({ term, payload: combo.category });
  // the same word in both languages' lists (Chatbot) is one term
  const unique = new Map(terms.map((t) => [t.term.toLowerCase(), t]));
  return new PhraseMatcher(unique.values());
});

const negations = lazy(() => new Set([...data.negations.en, ...data.negations.de]));
/** "not just a bot", "nicht nur ein Bot": the negation limits, it does not deny */
const LIMITERS = new Set(['just', 'only', 'merely', 'simply', 'nur', 'bloß', 'bloss', 'einfach', 'irgendein', 'irgendeine', 'any', 'ordinary', 'gewöhnlicher', 'normaler']);

/** Disclosure terms in a text that are not negated ("I'm not a bot" is no disclosure). */
export function disclosureTerms(text: string, piece?: TextPiece): Match<string>[] {
  const skip = protectedRanges(text, piece);
  return [...matcher().findAll(text, skip), ...botNames(text, skip)].filter((m) => m.payload === 'not-human' || !deniedBefore(text, m.start));
}

// a bot's name written as one capitalised word ending in "Bot": BankBot, HelpBot (never Angebot: lower-case b)
const BOT_NAME = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]{0,30}[\p{Ll}\p{N}]Bot(?![\p{L}\p{N}])/gu;

function botNames(text: string, skip: { start: number; end: number }[]): Match<string>[] {
  const out: Match<string>[] = [];
  for (const m of text.matchAll(BOT_NAME)) {
    const end = m.index + m[0].length;
    if (!skip.some((r) => m.index < r.end && end > r.start)) out.push({ start: m.index, end, payload: 'bot', found: m[0] });
  }
  return out;
}

function deniedBefore(text: string, index: number): boolean {
  const words = wordsBefore(text, index, clauseAround(text, index).start, 3);
  const at = words.findIndex((w) => isNegationWord(w, negations()));
  return at >= 0 && !words.slice(at + 1).some((w) => LIMITERS.has(w));
}

/** Pieces a user reads as the bot speaking: not buttons or quick replies (those are the user's words). */
export function isSpokenPiece(piece: TextPiece): boolean {
  return piece.role !== 'button' && piece.role !== 'quick-reply';
}

/**
 * The piece a finding about a whole variation lands on: its main text, else
 * a card/title/speech text; undefined when the variation has no such text.
 */
export function mainPiece(variation: Variation): TextPiece | undefined {
  const spoken = variation.pieces.filter((p) => isSpokenPiece(p) && p.text.value.trim() !== '');
  return spoken.find((p) => p.role === 'text') ?? spoken[0];
}

/** Judges messages and variations, following LG template calls, with memory per run. */
export class DisclosureJudge {
  private readonly byVariation = new Map<Variation, boolean>();
  private readonly byMessageId = new Map<string, boolean>();

  constructor(private readonly model: Conversation) {}

  /** One variation: its own spoken text, or a message it includes that always discloses. */
  variationDiscloses(variation: Variation, depth = 0): boolean {
    const known = this.byVariation.get(variation);
    if (known !== undefined) return known;
    this.byVariation.set(variation, false); // a call cycle discloses nothing
    let result = false;
    for (const piece of variation.pieces) {
      if (!isSpokenPiece(piece)) continue;
      if (disclosureTerms(piece.text.value, piece).length) result = true;
      else if (depth < 6) result = (piece.calls ?? []).some((c) => this.messageIdDiscloses(c.message, depth + 1));
      if (result) break;
    }
    this.byVariation.set(variation, result);
    return result;
  }

  /** Every variation of every message with this id discloses (the user sees one of them). */
  messageIdDiscloses(id: string, depth = 0): boolean {
    const known = this.byMessageId.get(id);
    if (known !== undefined) return known;
    this.byMessageId.set(id, false);
    const variations = (this.model.messagesById.get(id) ?? []).flatMap((m) => m.variations);
    const result = variations.length > 0 && variations.every((v) => this.variationDiscloses(v, depth));
    this.byMessageId.set(id, result);
    return result;
  }

  /**
   * The variations a user may actually read in place of this one, where it
   * does not disclose: the variation itself, or — when it only includes other
   * messages (`- ${Greeting()}`) — their variations that do not disclose, so
   * that the finding lands on the text a writer edits.
   */
  undisclosedLeaves(variation: Variation, depth = 0, seen = new Set<Variation>()): Variation[] {
    if (seen.has(variation) || this.variationDiscloses(variation)) return [];
    seen.add(variation);
    const main = mainPiece(variation);
    const calls = main?.calls ?? [];
    if (!main || !calls.length || depth >= 6 || !onlyCalls(main)) return main ? [variation] : [];
    const out: Variation[] = [];
    for (const call of calls) {
      for (const message of this.model.messagesById.get(call.message) ?? []) {
        for (const v of message.variations) out.push(...this.undisclosedLeaves(v, depth + 1, seen));
      }
    }
    return out;
  }
}

/** The text is nothing but message calls and placeholders (plus spaces/punctuation). */
function onlyCalls(piece: TextPiece): boolean {
  const value = piece.text.value;
  const holes = [...(piece.calls ?? []), ...piece.placeholders].sort((a, b) => a.start - b.start);
  let rest = '';
  let at = 0;
  for (const h of holes) {
    if (h.start > at) rest += value.slice(at, h.start);
    at = Math.max(at, h.end);
  }
  rest += value.slice(at);
  return hasNoWords(rest);
}

/** The sentence the quick fix inserts: config `disclosureText.<lang>`, else the default for the language. */
export function disclosureSentence(config: BotEthicsConfig, lang: Lang): string {
  return asSentence(config.disclosureText[lang]) ?? data.defaultText[lang];
}

/** An honest answer to "are you a bot?": the configured disclosure, else "I'm a virtual assistant, not a human." */
export function honestAnswer(config: BotEthicsConfig, lang: Lang): string {
  return asSentence(config.disclosureText[lang]) ?? data.honestAnswer[lang];
}

/** A configured text as one sentence: trimmed, with an end mark so the text after it still reads ("I am Ava, a chatbot" → "… chatbot."). */
function asSentence(text: string | undefined): string | undefined {
  const t = text?.trim().replace(/\s+/g, ' ');
  if (!t) return undefined;
  return /[.!?…。]["'”»)]*$/.test(t) ? t : `${t}.`;
}

/** Greetings open with a short salutation ("Hi!", "Welcome to ACME Bank!"); the disclosure goes right after it. */
const MAX_SALUTATION_WORDS = 8;

/**
 * Where a disclosure sentence reads naturally in `text`, as a replacement of
 * [from, to): after a short first sentence ("Hi! ⟨I'm a virtual assistant.⟩
 * How can I help?"), else at the start. The new text never begins with white
 * space or punctuation, so it can stand inline even in a plain YAML scalar.
 */
export function disclosureInsertion(text: string, sentence: string, piece?: TextPiece): { from: number; to: number; replacement: string } {
  const skip = protectedRanges(text, piece);
  const all = sentences(text);
  const first = all[0];
  const leading = text.length - text.trimStart().length;
  if (first) {
    const firstText = text.slice(first.start, first.end).trimEnd();
    const words = firstText.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    const end = first.start + firstText.length;
    // after a question ("How can I help?") a statement reads oddly: then it goes first
    const ended = /[.!]$/.test(firstText);
    const inProtected = skip.some((r) => end > r.start && end <= r.end);
    if (ended && !inProtected && words > 0 && words <= MAX_SALUTATION_WORDS) {
      const second = all[1];
      if (second) {
        const at = second.start + (text.slice(second.start).length - text.slice(second.start).trimStart().length);
        return { from: at, to: at, replacement: `${sentence} ` };
      }
      // append: rewrite from the last word character so the edit starts with it ("Hi!" → "Hi! I'm ...")
      let from = end;
      while (from > 0 && !/[\p{L}\p{N}]/u.test(text[from - 1])) from--;
      from = Math.max(0, from - 1);
      return { from, to: end, replacement: `${text.slice(from, end)} ${sentence}` };
    }
  }
  return { from: leading, to: leading, replacement: `${sentence} ` };
}

/**
 * Does one step of a sequence (the messages sent under one id) always
 * disclose, for a reader of `lang`? Only the step's variations in that
 * language count (a template exists per locale), all of them when none is.
 */
export function stepDiscloses(step: readonly BotMessage[], lang: Lang, judge: DisclosureJudge, langOf: (v: Variation) => Lang): boolean {
  const variations = sameLanguage(step, lang, langOf);
  return variations.length > 0 && variations.every((v) => judge.variationDiscloses(v));
}

/** Messages of a step in the same language as the variation being judged (all when none is). */
function sameLanguage(messages: readonly BotMessage[], lang: Lang, langOf: (v: Variation) => Lang): Variation[] {
  const all = messages.flatMap((m) => m.variations).filter((v) => mainPiece(v) || v.pieces.some((p) => p.calls?.length));
  const inLang = all.filter((v) => langOf(v) === lang);
  return inLang.length ? inLang : all;
}
