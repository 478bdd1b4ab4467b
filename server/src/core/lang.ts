/**
 * Language detection for bot text, English or German. Bot messages are short,
 * so this counts function words and German letters instead of n-gram models.
 */
import { TextMemo } from './memo';
import type { Lang } from './model';

const DE = new Set(
  'und oder nicht ich du sie wir ihr ist sind bin bist war wird werden haben hat habe ein eine einen einem einer der die das den dem des mit für fur auf aus bei nach von zu zum zur im ins uns euch ihnen ihre ihr mein meine dein deine sein seine kein keine bitte danke gerne gern wie was wer wo warum wann kann können könnte möchten möchte müssen muss soll sollen hallo willkommen tschüss auch noch schon nur sehr hier dort jetzt heute mehr ja nein mal man es dass wenn aber denn weil ob über unter zwischen gibt ihnen ihrem ihren'.split(' '),
);
const EN = new Set(
  'and or not i you he she we they is are am was were will be been have has had a an the with for on from at by to of in into our your my his her their no yes please thanks thank how what who where why when can could would should must may hello hi welcome bye also only very here there now today more it that if but because about this these those do does did'.split(' '),
);

/** English or German, or undefined when the text gives no evidence either way. */
export function detectLanguage(text: string): Lang | undefined {
  return detected.get(text);
}

// by content: after an edit, every other text of the file is the same string again
const detected = new TextMemo(countLanguage);

function countLanguage(text: string): Lang | undefined {
  let de = 0;
  let en = 0;
  for (const m of text.toLowerCase().matchAll(/[\p{L}']+/gu)) {
    const w = m[0];
    if (DE.has(w)) de++;
    if (EN.has(w)) en++;
    if (/[äöüß]/.test(w)) de += 0.5;
  }
  if (de === en) return undefined;
  return de > en ? 'de' : 'en';
}

/** `de`, `de-DE`, `de_de`, `de.UTF-8` (POSIX), `German` → 'de'; `en*` → 'en'. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const l = locale.trim().toLowerCase();
  if (/^de(?:[-_.@]|$)|^german$|^deutsch$/.test(l)) return 'de';
  if (/^en(?:[-_.@]|$)|^english$/.test(l)) return 'en';
  return undefined;
}

/** Locale in a file path: `*.de-de.lg`, `/de/`, `/de-de/`, `_usersays_de.json`. */
export function langFromPath(path: string): Lang | undefined {
  const m = /(?:^|[\\/._-])(de|en)(?:[-_][a-z]{2})?(?=[\\/._]|$)/i.exec(path.replace(/\.[a-z]+$/i, '').slice(-40));
  return m ? langFromLocale(m[1]) : undefined;
}

/** Languages bot-ethics has no word lists for; their text is not judged. */
const OTHER_STOPWORDS = new Set(
  // es, fr, it, pt, nl: frequent function words that are not English or German words
  'el los las una unos por para como pero muy está estás usted gracias hola qué cómo le les du des une est vous nous pour avec mais très merci bonjour êtes il les ce cette qui que dans sur pas sont gli della delle degli sono grazie ciao questo questa perché você obrigado olá não está são het een zijn jij wij niet voor bedankt hoi'.split(' '),
);

/**
 * English, German, 'other' (a language bot-ethics does not judge: Spanish,
 * French...), or undefined when the text gives no evidence.
 */
export function detectTextLanguage(text: string): Lang | 'other' | undefined {
  return detectedOrOther.get(text);
}

const detectedOrOther = new TextMemo(judgeLanguage);

function judgeLanguage(text: string): Lang | 'other' | undefined {
  let other = 0;
  let words = 0;
  for (const m of text.toLowerCase().matchAll(/[\p{L}']+/gu)) {
    words++;
    if (OTHER_STOPWORDS.has(m[0])) other++;
  }
  const known = detectLanguage(text);
  if (other >= 2 && other * 4 >= words * 0.5) {
    // more "other" function words than English/German evidence
    const de = (text.match(/\b(?:und|der|die|das|ich|sie|nicht|ist)\b/gi) ?? []).length;
    const en = (text.match(/\b(?:the|and|you|is|are|not|to|of)\b/gi) ?? []).length;
    if (other > Math.max(de, en)) return 'other';
  }
  return known;
}

const ISO_639_1 = new Set('ar bg ca cs da de el en es et fa fi fr he hi hr hu id it ja ko lt lv nb nl no pl pt ro ru sk sl sr sv th tr uk vi zh'.split(' '));

/**
 * The locale a path names (`*.fr-fr.lg`, `/es-es/`, `_usersays_it.json`), as
 * a two-letter code; undefined when the path names none.
 */
export function localeFromPath(path: string): string | undefined {
  const tail = path.replace(/\\/g, '/').split('/').slice(-3).join('/');
  let found: string | undefined;
  for (const m of tail.matchAll(/(?:^|[/._-])([a-z]{2})(?:[-_][a-z]{2,4})?(?=[/._]|$)/gi)) {
    const code = m[1].toLowerCase();
    if (ISO_639_1.has(code)) found = code;
  }
  return found;
}

/** A locale that is given and is neither English nor German. */
export function isForeignLocale(locale: string | undefined): boolean {
  return !!locale && langFromLocale(locale) === undefined && ISO_639_1.has(locale.slice(0, 2).toLowerCase());
}
