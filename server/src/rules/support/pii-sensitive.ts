/**
 * Does a bot text ASK for special-category data (GDPR Art. 9/10)? Only a
 * question or a request that addresses the user counts ("What is your
 * diagnosis?", "Welche Medikamente nehmen Sie?", "Please list your
 * allergies"), never a mention ("We don't store health data") or an offer of
 * information ("Do you have questions about your medication?"). Vocabulary:
 * data/sensitive.json.
 */
import { PhraseMatcher, type MatchTerm } from '../../core/matcher';
import type { TextPiece } from '../../core/model';
import { protectedRanges } from '../../core/scan';
import data from '../../data/sensitive.json';
import type { SensitiveCategory } from './pii';
import { placeholderKey, VariantMemo } from './text-memo';

type Payload = { kind: 'topic'; category: SensitiveCategory } | { kind: 'not-asking' } | { kind: 'request' };

let matcher: PhraseMatcher<Payload> | undefined;

function phrases(): PhraseMatcher<Payload> {
  if (matcher) return matcher;
  const terms: MatchTerm<Payload>[] = [];
  for (const t of data.phrases) terms.push({ term: t.term, payload: { kind: 'topic', category: t.category as SensitiveCategory }, openEnd: t.prefix === true });
  for (const t of data.notAsking) terms.push({ term: t.term, payload: { kind: 'not-asking' } });
  for (const t of data.requests) terms.push({ term: t.term, payload: { kind: 'request' } });
  matcher = new PhraseMatcher(terms);
  return matcher;
}

const ADDRESSEE = new Set(data.addressee.words);
const SENTENCE = /[^.!?\n]+[.!?]*/gu;
const WORD = /[\p{L}'’]+/gu;

export interface SensitiveAsk {
  category: SensitiveCategory;
  /** the words that name the topic, as written */
  found: string;
}

/** Pieces a question can be in: not button titles or quick replies (those are the user's answers). */
export function canAsk(piece: TextPiece): boolean {
  return piece.role !== 'button' && piece.role !== 'quick-reply';
}

/**
 * The first special-category topic the text asks the user about, if any.
 * `isPrompt`: the text is the prompt of a variable, so the question needs no
 * "you/Sie" to be addressed to the user ("Any allergies?").
 */
export function asksForSensitiveData(piece: TextPiece, isPrompt: boolean): SensitiveAsk | undefined {
  if (!canAsk(piece)) return undefined;
  return (isPrompt ? inPrompts : inTexts).get(piece.text.value, placeholderKey(piece), () => findAsk(piece, isPrompt));
}

// a pure function of the text, its placeholders and whether it is a prompt: remembered by content (shared results: do not mutate)
const inPrompts = new VariantMemo<SensitiveAsk | undefined>();
const inTexts = new VariantMemo<SensitiveAsk | undefined>();

function findAsk(piece: TextPiece, isPrompt: boolean): SensitiveAsk | undefined {
  const text = piece.text.value;
  // most texts name no topic: look for one before computing the protected ranges
  if (!phrases().findAll(text).some((m) => m.payload.kind === 'topic')) return undefined;
  const matches = phrases().findAll(text, protectedRanges(text, piece));
  for (const s of text.matchAll(SENTENCE)) {
    const from = s.index;
    const to = from + s[0].length;
    const inside = matches.filter((m) => m.start >= from && m.end <= to);
    const topic = inside.find((m) => m.payload.kind === 'topic');
    if (!topic || topic.payload.kind !== 'topic') continue;
    if (inside.some((m) => m.payload.kind === 'not-asking')) continue;
    const asking = s[0].trimEnd().endsWith('?') || inside.some((m) => m.payload.kind === 'request');
    if (!asking) continue;
    const addressed = isPrompt || [...s[0].matchAll(WORD)].some((w) => ADDRESSEE.has(w[0].toLowerCase().replace('’', "'")));
    if (addressed) return { category: topic.payload.category, found: topic.found };
  }
  return undefined;
}
