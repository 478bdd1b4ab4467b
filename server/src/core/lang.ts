/**
 * Language detection for bot text, English or German. Bot messages are short,
 * so this counts function words and German letters instead of n-gram models.
 */
import type { Lang } from './model';

const DE = new Set(
  'und oder nicht ich du sie wir ihr ist sind bin bist war wird werden haben hat habe ein eine einen einem einer der die das den dem des mit für fur auf aus bei nach von zu zum zur im ins uns euch ihnen ihre ihr mein meine dein deine sein seine kein keine bitte danke gerne gern wie was wer wo warum wann kann können könnte möchten möchte müssen muss soll sollen hallo willkommen tschüss auch noch schon nur sehr hier dort jetzt heute mehr ja nein mal man es dass wenn aber denn weil ob über unter zwischen gibt ihnen ihrem ihren'.split(' '),
);
const EN = new Set(
  'and or not i you he she we they is are am was were will be been have has had a an the with for on from at by to of in into our your my his her their no yes please thanks thank how what who where why when can could would should must may hello hi welcome bye also only very here there now today more it that if but because about this these those do does did'.split(' '),
);

/** English or German, or undefined when the text gives no evidence either way. */
export function detectLanguage(text: string): Lang | undefined {
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

/** `de`, `de-DE`, `de_de`, `German` → 'de'; `en*` → 'en'. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const l = locale.toLowerCase();
  if (/^de([-_]|$)|^german$|^deutsch$/.test(l)) return 'de';
  if (/^en([-_]|$)|^english$/.test(l)) return 'en';
  return undefined;
}

/** Locale in a file path: `*.de-de.lg`, `/de/`, `/de-de/`, `_usersays_de.json`. */
export function langFromPath(path: string): Lang | undefined {
  const m = /(?:^|[\\/._-])(de|en)(?:[-_][a-z]{2})?(?=[\\/._]|$)/i.exec(path.replace(/\.[a-z]+$/i, '').slice(-40));
  return m ? langFromLocale(m[1]) : undefined;
}
