/**
 * bot-ethics judges English and German text. Messages in other languages
 * (a `*.fr-fr.lg` file, a Dialogflow message with languageCode `es`, text
 * that reads as Spanish) are hidden from the rules: an English word list on
 * French text would only cry wolf. The view keeps object identity where
 * nothing is hidden, so per-file caches keep working.
 */
import { detectTextLanguage, isForeignLocale, localeFromPath } from './lang';
import { joinedText, type BotMessage, type Conversation, type FileModel, type Variation } from './model';

const fileViews = new WeakMap<FileModel, FileModel>();
const conversationViews = new WeakMap<Conversation, Conversation>();

function isForeign(v: Variation, fileLocale: string | undefined): boolean {
  if (v.lang) return false;
  if (isForeignLocale(v.locale)) return true;
  if (v.locale) return false;
  if (isForeignLocale(fileLocale)) return true;
  // remembered by content (core/lang.ts): a variation copied by a re-parse costs a lookup
  return detectTextLanguage(joinedText(v.pieces)) === 'other';
}

/** The message without foreign variations; undefined when nothing is left; itself when nothing is hidden. */
function readableMessage(m: BotMessage, fileLocale: string | undefined): BotMessage | undefined {
  const kept = m.variations.filter((v) => !isForeign(v, fileLocale));
  if (kept.length === m.variations.length) return m;
  return kept.length ? { ...m, variations: kept } : undefined;
}

function readableMessages(messages: readonly BotMessage[], localeOf: (m: BotMessage) => string | undefined): BotMessage[] | undefined {
  let changed = false;
  const out: BotMessage[] = [];
  for (const m of messages) {
    const r = readableMessage(m, localeOf(m));
    if (r !== m) changed = true;
    if (r) out.push(r);
  }
  return changed ? out : undefined;
}

export function readableFile(fm: FileModel): FileModel {
  const cached = fileViews.get(fm);
  if (cached) return cached;
  const locale = fm.lang ? undefined : localeFromPath(fm.file);
  const messages = readableMessages(fm.messages, () => locale);
  const view = messages ? { ...fm, messages } : fm;
  fileViews.set(fm, view);
  return view;
}

export function readableConversation(c: Conversation): Conversation {
  const cached = conversationViews.get(c);
  if (cached) return cached;
  const locales = new Map<string, string | undefined>();
  const localeOf = (m: BotMessage) => {
    if (!locales.has(m.file)) locales.set(m.file, c.files.get(m.file)?.lang ? undefined : localeFromPath(m.file));
    return locales.get(m.file);
  };
  const messages = readableMessages(c.messages, localeOf);
  let view = c;
  if (messages) {
    const byId = new Map<string, BotMessage[]>();
    for (const m of messages) {
      const list = byId.get(m.id);
      if (list) list.push(m);
      else byId.set(m.id, [m]);
    }
    view = { ...c, messages, messagesById: byId };
  }
  conversationViews.set(c, view);
  return view;
}
