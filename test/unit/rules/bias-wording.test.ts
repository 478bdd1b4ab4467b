import * as assert from 'assert';
import type { BotEthicsConfig } from '../../../server/src/core/config';
import type { Finding } from '../../../server/src/core/findings';
import type { FileModel, Lang } from '../../../server/src/core/model';
import type { Encoding } from '../../../server/src/core/text';
import { germanBundle, localize } from '../../../server/src/l10n';
import { BIAS_TEMPLATES, biasWording } from '../../../server/src/rules/bias-wording';
import { applyEdits, covered, ModelBuilder, runRules } from '../../support/model-builder';

interface Seen {
  /** the source text the finding covers */
  text: string;
  severity: string;
  /** the finding's line after applying its quick fix; undefined: no fix besides suppression */
  fixed?: string;
  message: string;
  messageDe: string;
  finding: Finding;
}

interface RunOptions {
  lang?: Lang;
  config?: Partial<BotEthicsConfig>;
  encoding?: Encoding;
}

/** One message per text (each on its own line); returns what bias.wording reports, in order. */
function check(texts: string[], opts: RunOptions = {}): Seen[] {
  const b = new ModelBuilder('domain.yml', 'rasa', opts.encoding ?? { kind: 'yaml-plain' });
  texts.forEach((t, i) => b.message(`utter_${i}`, [t], { lang: opts.lang }));
  const fm = b.build();
  return runRules([biasWording], [fm], opts.config).map((f) => seen(fm, f));
}

function seen(fm: FileModel, f: Finding): Seen {
  const own = f.fixes.filter((x) => x.title.template !== 'Suppress {0} on the next line');
  let fixed: string | undefined;
  if (own.length) {
    const after = applyEdits(fm.text, own[0].edits);
    const lineStart = fm.text.lastIndexOf('\n', f.start - 1) + 1;
    const lineEnd = after.indexOf('\n', lineStart);
    fixed = after.slice(lineStart, lineEnd).replace(/^ {2}- /, '');
  }
  return { text: covered([fm], f), severity: f.severity, fixed, message: localize(f.message, 'en'), messageDe: localize(f.message, 'de'), finding: f };
}

/** covered text → fixed line, for compact assertions */
function summary(list: Seen[]): [string, string | undefined][] {
  return list.map((s) => [s.text, s.fixed]);
}

describe('bias.wording', () => {
  describe('English', () => {
    it('flags gendered terms and fixes them in the word’s case', () => {
      const got = check(['Hi guys, how can I help?', 'GUYS, our salesman will call you.', 'Thank you guys for waiting.', 'Our chairman and our manpower.'], { lang: 'en' });
      assert.deepStrictEqual(summary(got), [
        ['guys', 'Hi everyone, how can I help?'],
        ['GUYS', 'EVERYONE, our salesman will call you.'],
        ['salesman', 'GUYS, our salesperson will call you.'],
        ['you guys', 'Thank you all for waiting.'],
        ['chairman', 'Our chair and our manpower.'],
        ['manpower', 'Our chairman and our workforce.'],
      ]);
      assert.strictEqual(got[0].severity, 'warning');
      assert.strictEqual(got[0].message, '“guys” is gendered language that leaves people out; consider “everyone”.');
      assert.strictEqual(got[0].messageDe, '„guys“ ist geschlechtsbezogene Sprache, die Menschen ausschließt; besser: „everyone“.');
    });

    it('flags "bro" and "dude" as an address, not a brother in a family context', () => {
      const got = check(["What's up bro? Let's add a task.", 'Hey dude, welcome back!', 'Is your bro coming too?', 'My little bro loves the app.', 'Brother and sister tickets are half price.'], { lang: 'en' });
      assert.deepStrictEqual(summary(got), [
        ['bro', "What's up there? Let's add a task."],
        ['dude', 'Hey there, welcome back!'],
      ]);
    });

    it('adjusts a/an before the replacement', () => {
      const got = check(['That is a crazy deal.', 'An elderly customer called.'], { lang: 'en' });
      assert.deepStrictEqual(summary(got), [
        ['crazy', 'That is an unbelievable deal.'],
        ['elderly', 'An older customer called.'],
      ]);
    });

    it('flags ableist, racist, LGBTQ, ageist and technical terms', () => {
      const got = check(
        [
          'Your number was blacklisted; ask us to whitelist it.',
          'The master/slave setup is lame.',
          'Your plan is grandfathered.',
          'Customers who suffer from diabetes get a discount.',
          'Parking for wheelchair-bound visitors.',
          'The elderly are welcome.',
          'What is your sexual preference?',
        ],
        { lang: 'en' },
      );
      assert.deepStrictEqual(summary(got), [
        ['blacklisted', 'Your number was blocked; ask us to whitelist it.'],
        ['whitelist', 'Your number was blacklisted; ask us to allowlist it.'],
        ['master/slave', 'The primary/replica setup is lame.'],
        ['lame', 'The master/slave setup is weak.'],
        ['grandfathered', 'Your plan is legacy.'],
        ['suffer from', 'Customers who live with diabetes get a discount.'],
        ['wheelchair-bound', 'Parking for wheelchair-using visitors.'],
        ['The elderly', 'Older people are welcome.'],
        ['sexual preference', 'What is your sexual orientation?'],
      ]);
      assert.ok(got.every((s) => s.severity === 'warning'));
      assert.strictEqual(got[2].message, '“master/slave” carries connotations of race or slavery; consider “primary/replica”.');
    });

    it('reports “suffers from” before a disability or chronic condition', () => {
      const got = check(['We support people suffering from depression.', 'Does your child suffer from a chronic illness?'], { lang: 'en' });
      assert.deepStrictEqual(summary(got), [
        ['suffering from', 'We support people living with depression.'],
        ['suffer from', 'Does your child live with a chronic illness?'],
      ]);
      assert.deepStrictEqual(summary(check(['Ihr Kind leidet an einer Allergie.', 'Ihr Vater leidet an Demenz.'], { lang: 'de' })), [['leidet an', 'Ihr Vater hat Demenz.']]);
    });

    it('reports slurs as errors, without a fix when there is no alternative', () => {
      const got = check(['Do not be such a retard.', 'No trannies allowed.'], { lang: 'en' });
      assert.deepStrictEqual(summary(got), [
        ['retard', undefined],
        ['trannies', undefined],
      ]);
      assert.deepStrictEqual(
        got.map((s) => s.severity),
        ['error', 'error'],
      );
      assert.strictEqual(got[0].message, '“retard” is a slur; remove it.');
      assert.strictEqual(got[0].messageDe, '„retard“ ist eine Beleidigung; bitte entfernen.');
    });

    it('flags only strongly condescending phrases, without a fix', () => {
      const got = check(['Obviously, you need to log in first.', 'As I already told you, the shop is closed.'], { lang: 'en' });
      assert.deepStrictEqual(summary(got), [
        ['Obviously', undefined],
        ['As I already told you', undefined],
      ]);
      assert.strictEqual(got[0].message, '“Obviously” can sound condescending to users who find this hard; leave it out or rephrase.');
    });

    it('does not flag everyday customer-service wording (precision traps)', () => {
      const got = check(
        [
          'Simply click the button. It is easy: just type your email.',
          'Click the disabled button to see why it is greyed out.',
          'Our service suffers from delays today.',
          'Do you suffer from any allergies we should know about?',
          'Pay with Mastercard. Do you have a master’s degree?',
          'Homo sapiens is our species. He is a lame duck.',
          'Our manager will disguise the manual in Manhattan.',
          'The blind spot mirror and the human touch.',
          'Your bank may charge a fee; a woman or man may apply.',
        ],
        { lang: 'en' },
      );
      assert.deepStrictEqual(summary(got), []);
    });

    it('never looks into URLs, e-mail addresses, placeholders or identifiers', () => {
      const got = check(['See https://example.com/blacklist or write to guys@example.com, {guys} and ${crazy} and crazy_mode.'], { lang: 'en' });
      assert.deepStrictEqual(summary(got), []);
    });
  });

  describe('German generic masculine', () => {
    it('replaces plural and singular forms in the colon style (default)', () => {
      const got = check(
        [
          'Unsere Mitarbeiter helfen Ihnen gerne.',
          'Ein Mitarbeiter meldet sich bei Ihnen.',
          'Ich verbinde Sie mit einem Mitarbeiter.',
          'Bitte wenden Sie sich an Ihren Ansprechpartner.',
          'Als Kunde erhalten Sie 10 % Rabatt.',
          'Mit unseren Kunden sprechen wir oft.',
        ],
        { lang: 'de' },
      );
      assert.deepStrictEqual(summary(got), [
        ['Mitarbeiter', 'Unsere Mitarbeiter:innen helfen Ihnen gerne.'],
        ['Mitarbeiter', 'Ein:e Mitarbeiter:in meldet sich bei Ihnen.'],
        ['Mitarbeiter', 'Ich verbinde Sie mit einer:m Mitarbeiter:in.'],
        ['Ansprechpartner', 'Bitte wenden Sie sich an Ihre:n Ansprechpartner:in.'],
        ['Kunde', 'Als Kund:in erhalten Sie 10 % Rabatt.'],
        ['Kunden', 'Mit unseren Kund:innen sprechen wir oft.'],
      ]);
      assert.strictEqual(got[0].message, '“Mitarbeiter” is the generic masculine and leaves out women and non-binary people; consider “Mitarbeiter:innen”.');
      assert.strictEqual(got[0].messageDe, '„Mitarbeiter“ ist ein generisches Maskulinum und schließt Frauen und nicht-binäre Menschen aus; besser: „Mitarbeiter:innen“.');
      assert.strictEqual(got[1].finding.fixes[0].title.template, 'Replace with “{0}”');
      assert.strictEqual(localize(got[1].finding.fixes[0].title, 'de'), 'Durch „Ein:e Mitarbeiter:in“ ersetzen');
    });

    it('follows genderStyle star, pair and neutral', () => {
      const texts = ['Unsere Mitarbeiter helfen Ihnen gerne.', 'Ein Mitarbeiter meldet sich.', 'Ihr Ansprechpartner ruft an.', 'Alle Teilnehmer erhalten eine E-Mail.'];
      assert.deepStrictEqual(summary(check(texts, { lang: 'de', config: { genderStyle: 'star' } })), [
        ['Mitarbeiter', 'Unsere Mitarbeiter*innen helfen Ihnen gerne.'],
        ['Mitarbeiter', 'Ein*e Mitarbeiter*in meldet sich.'],
        ['Ansprechpartner', 'Ihr*e Ansprechpartner*in ruft an.'],
        ['Teilnehmer', 'Alle Teilnehmer*innen erhalten eine E-Mail.'],
      ]);
      assert.deepStrictEqual(summary(check(texts, { lang: 'de', config: { genderStyle: 'pair' } })), [
        ['Mitarbeiter', 'Unsere Mitarbeiterinnen und Mitarbeiter helfen Ihnen gerne.'],
        ['Mitarbeiter', 'Eine Mitarbeiterin oder ein Mitarbeiter meldet sich.'],
        ['Ansprechpartner', 'Ihre Ansprechpartnerin oder Ihr Ansprechpartner ruft an.'],
        ['Teilnehmer', 'Alle Teilnehmerinnen und Teilnehmer erhalten eine E-Mail.'],
      ]);
      // neutral: participles take -n after a determiner; no neutral singular for Mitarbeiter → pair
      assert.deepStrictEqual(summary(check(texts, { lang: 'de', config: { genderStyle: 'neutral' } })), [
        ['Mitarbeiter', 'Unsere Mitarbeitenden helfen Ihnen gerne.'],
        ['Mitarbeiter', 'Eine Mitarbeiterin oder ein Mitarbeiter meldet sich.'],
        ['Ansprechpartner', 'Ihre Ansprechperson ruft an.'],
        ['Teilnehmer', 'Alle Teilnehmenden erhalten eine E-Mail.'],
      ]);
      assert.deepStrictEqual(summary(check(['Teilnehmer erhalten eine E-Mail.', 'Wir danken allen Nutzern.'], { lang: 'de', config: { genderStyle: 'neutral' } })), [
        ['Teilnehmer', 'Teilnehmende erhalten eine E-Mail.'],
        ['Nutzern', 'Wir danken allen Nutzenden.'],
      ]);
    });

    it('reads number and case from the determiner', () => {
      const got = check(
        [
          'Die Zufriedenheit der Mitarbeiter ist uns wichtig.',
          'Der Mitarbeiter ruft Sie zurück.',
          'Beim Kunden vor Ort prüfen wir alles.',
          'Gehen Sie zum Arzt. Ärzte und Zahnärzte helfen.',
          'Die Daten des Kunden sind sicher.',
        ],
        { lang: 'de' },
      );
      assert.deepStrictEqual(summary(got), [
        ['Mitarbeiter', 'Die Zufriedenheit der Mitarbeiter:innen ist uns wichtig.'],
        ['Mitarbeiter', 'Der:die Mitarbeiter:in ruft Sie zurück.'],
        ['Kunden', 'Bei dem:der Kund:in vor Ort prüfen wir alles.'],
        ['Arzt', 'Gehen Sie zu dem:der Ärzt:in. Ärzte und Zahnärzte helfen.'],
        ['Ärzte', 'Gehen Sie zum Arzt. Ärzt:innen und Zahnärzte helfen.'],
        ['Zahnärzte', 'Gehen Sie zum Arzt. Ärzte und Zahnärzt:innen helfen.'],
        ['Kunden', 'Die Daten des:der Kund:in sind sicher.'],
      ]);
    });

    it('reports without a fix where the number is unclear or adjectives would need new endings', () => {
      const got = check(['Wir danken unseren Kunden.', 'Wir haben einen neuen Mitarbeiter.'], { lang: 'de' });
      assert.deepStrictEqual(summary(got), [
        ['Kunden', undefined],
        ['Mitarbeiter', undefined],
      ]);
      assert.strictEqual(got[0].message, '“Kunden” is the generic masculine and leaves out women and non-binary people; consider “Kund:in / Kund:innen”.');
      assert.strictEqual(got[1].message, '“Mitarbeiter” is the generic masculine and leaves out women and non-binary people; consider “Mitarbeiter:in”.');
      // the suppression fix is always there
      assert.ok(got.every((s) => s.finding.fixes.some((f) => f.title.template === 'Suppress {0} on the next line')));
    });

    it('flags compounds whose head is a person noun', () => {
      const got = check(['Ihr Kundenberater meldet sich.', 'Servicemitarbeiter sind erreichbar.', 'Für Online-Kunden und Neukunden gibt es Rabatt.', 'Bitte fragen Sie Ihren Hausarzt.'], { lang: 'de' });
      assert.deepStrictEqual(summary(got), [
        ['Kundenberater', 'Ihr:e Kundenberater:in meldet sich.'],
        ['Servicemitarbeiter', 'Servicemitarbeiter:innen sind erreichbar.'],
        ['Kunden', 'Für Online-Kund:innen und Neukunden gibt es Rabatt.'],
        ['Neukunden', 'Für Online-Kunden und Neukund:innen gibt es Rabatt.'],
        ['Hausarzt', 'Bitte fragen Sie Ihre:n Hausärzt:in.'],
      ]);
    });

    it('leaves inclusive forms, pairs and non-person words alone', () => {
      const got = check(
        [
          'Liebe Kundinnen und Kunden, willkommen!',
          'Liebe Kund:innen, Kund*innen, KundInnen und Mitarbeiter/-innen.',
          'Mitarbeiter*innen und Mitarbeiter_innen und Mitarbeiter(innen) helfen.',
          'Ein Mitarbeiter oder eine Mitarbeiterin meldet sich.',
          'Bitte geben Sie Ihre Kundennummer ein. Die Geburtsurkunde liegt vor.',
          'Die Zahnheilkunde ist versichert. Die frohe Kunde erreichte uns.',
          'Unsere Kunden-Hotline hilft bei Kunden- und Mitarbeiterdaten.',
          'Alle Mitglieder, Mitarbeitenden und Fachleute sind eingeladen.',
          'Man kann das Formular online ausfüllen. Jede Person ist willkommen.',
          'Der Schwerbehindertenausweis wird anerkannt.',
        ],
        { lang: 'de' },
      );
      assert.deepStrictEqual(summary(got), []);
    });

    it('does not treat the bot itself or a named man as a generic masculine', () => {
      const got = check(['Ich bin Ihr virtueller Assistent und digitaler Berater.', 'Ihr Berater Herr Müller meldet sich.', 'Frau Richter ist für Sie da. Ein KI-Berater antwortet sofort.', 'Dr. Richter und meine Robo-Kollegen helfen.', 'Ihr KI-gestützter Berater ist jederzeit da.'], { lang: 'de' });
      assert.deepStrictEqual(summary(got), []);
    });

    it('matches German lower-case chat text only when the whole text is lower case', () => {
      assert.deepStrictEqual(summary(check(['hallo, unsere mitarbeiter sind gleich da'], { lang: 'de' })), [['mitarbeiter', 'hallo, unsere Mitarbeiter:innen sind gleich da']]);
      assert.deepStrictEqual(summary(check(['Hallo, die kunden-Nr. bitte'], { lang: 'de' })), []);
    });
  });

  it('still flags a person noun after an unrelated “digital” earlier in the sentence', () => {
    assert.deepStrictEqual(summary(check(['Unsere digitalen Services helfen Kunden schnell.'], { lang: 'de' })), [['Kunden', 'Unsere digitalen Services helfen Kund:innen schnell.']]);
  });

  describe('German terms', () => {
    it('flags ableist, racist and gendered phrases and slurs', () => {
      const got = check(
        [
          'Das ist ein verrücktes Angebot.',
          'Ihr Kind leidet an Asthma?',
          'Er ist an den Rollstuhl gefesselt.',
          'Heute gibt es Zigeunerschnitzel.',
          'Die Mannschaft hilft jedermann.',
          'Das ist voll behindert.',
          'Hallo Guys, wir haben eine Blacklist.',
          'Barrierefrei für behinderte Menschen.',
        ],
        { lang: 'de' },
      );
      assert.deepStrictEqual(summary(got), [
        ['verrücktes', 'Das ist ein unglaubliches Angebot.'],
        ['leidet an', 'Ihr Kind hat Asthma?'],
        ['ist an den Rollstuhl gefesselt', 'Er sitzt im Rollstuhl.'],
        ['Zigeunerschnitzel', 'Heute gibt es Paprikaschnitzel.'],
        ['Mannschaft', 'Die Belegschaft hilft jedermann.'],
        ['jedermann', 'Die Mannschaft hilft jede Person.'],
        ['voll behindert', undefined],
        ['Guys', 'Hallo Leute, wir haben eine Blacklist.'],
        ['Blacklist', 'Hallo Guys, wir haben eine Sperrliste.'],
        ['behinderte Menschen', 'Barrierefrei für Menschen mit Behinderung.'],
      ]);
      assert.strictEqual(got[6].severity, 'error');
      assert.strictEqual(got[6].messageDe, '„voll behindert“ ist eine Beleidigung; bitte entfernen.');
      assert.strictEqual(got[1].messageDe, '„leidet an“ ist ableistische Sprache, die behinderte Menschen verletzen kann; besser: „hat“.');
    });

    it('reports a slur as an error and offers no fix where the sentence must be rewritten', () => {
      const got = check(['Keine Zigeuner, keine Krüppel.'], { lang: 'de' });
      assert.deepStrictEqual(summary(got), [
        ['Zigeuner', undefined],
        ['Krüppel', undefined],
      ]);
      assert.deepStrictEqual(
        got.map((s) => s.severity),
        ['error', 'error'],
      );
      assert.strictEqual(got[0].message, '“Zigeuner” is a slur; use “Sinti und Roma”.');
    });
  });

  describe('language and scope', () => {
    it('picks the list by the message language (detected when the format does not say)', () => {
      const got = check(['Unsere Mitarbeiter helfen Ihnen gerne weiter, bitte warten Sie.', 'Our guys will be with you in a moment, please wait.']);
      assert.deepStrictEqual(summary(got), [
        ['Mitarbeiter', 'Unsere Mitarbeiter:innen helfen Ihnen gerne weiter, bitte warten Sie.'],
        ['Our guys', 'Our team will be with you in a moment, please wait.'],
      ]);
    });

    it('does not apply the German list to English text or the English list to German text', () => {
      assert.deepStrictEqual(summary(check(['Our Kunden program is crazy good.'], { lang: 'en' })), [['crazy', 'Our Kunden program is unbelievable good.']]);
      assert.deepStrictEqual(summary(check(['Das ist lame und insane.'], { lang: 'de' })), []);
    });

    it('never reads user training examples', () => {
      const b = new ModelBuilder('data/nlu.yml');
      b.example('hey guys, my crazy question', 'greet', 'en');
      b.example('ich will einen Mitarbeiter sprechen', 'handoff', 'de');
      assert.deepStrictEqual(runRules([biasWording], [b.build()]), []);
    });

    it('lands on the term and keeps a suppression comment above the message', () => {
      const b = new ModelBuilder('domain.yml');
      b.message('utter_hi', ['Hi guys!'], { lang: 'en' });
      const fm = b.build();
      const [f] = runRules([biasWording], [fm]);
      assert.strictEqual(fm.text.slice(f.start, f.end), 'guys');
      const suppress = f.fixes.find((x) => x.title.template === 'Suppress {0} on the next line')!;
      assert.strictEqual(applyEdits(fm.text, suppress.edits), 'utter_hi:\n  # bot-ethics-disable-next-line bias.wording\n  - Hi guys!\n');
      const suppressed = new ModelBuilder('domain.yml');
      suppressed.raw('utter_hi:').raw('  # bot-ethics-disable-next-line bias.wording');
      suppressed.model.messages.push({ id: 'utter_hi', file: 'domain.yml', declaration: { start: 0, end: 8 }, role: 'response', variations: [{ lang: 'en', pieces: [suppressed.piece('Hi guys!')] }] });
      assert.deepStrictEqual(runRules([biasWording], [suppressed.build()]), []);
    });

    it('escapes the replacement for JSON strings', () => {
      const b = new ModelBuilder('agent/intents/x.json', 'dialogflow-es', { kind: 'json' });
      b.message('intent:x', ['Hi guys'], { lang: 'en' });
      const fm = b.build();
      const [f] = runRules([biasWording], [fm], { words: { allow: [], deny: [{ term: 'guys', replacement: '"folks"' }] } });
      assert.strictEqual(fm.text.slice(f.start, f.end), 'guys');
      assert.deepStrictEqual(f.fixes.map((x) => x.edits[0].newText), ['\\"folks\\"']);
    });
  });

  it('has a German translation of every message, with the same arguments', () => {
    assert.strictEqual(BIAS_TEMPLATES.length, 20);
    for (const t of BIAS_TEMPLATES) {
      const de = germanBundle[t];
      assert.ok(de, `no German for: ${t}`);
      assert.deepStrictEqual(de.match(/\{\d\}/g)?.sort(), t.match(/\{\d\}/g)?.sort(), t);
    }
  });

  describe('configuration', () => {
    it('words.allow silences a term and all its forms; words.deny adds terms with replacement and message', () => {
      const config: Partial<BotEthicsConfig> = {
        words: {
          allow: ['Kunde', 'guys'],
          deny: [{ term: 'Gedöns', replacement: 'Aufwand' }, { term: 'ASAP', message: 'Write out “as soon as possible”.' }],
        },
      };
      const got = check(['Hi guys, ASAP please.', 'Unsere Kunden haben viel Gedöns, die Mitarbeiter auch.'], { config });
      assert.deepStrictEqual(summary(got), [
        ['ASAP', undefined],
        ['Gedöns', 'Unsere Kunden haben viel Aufwand, die Mitarbeiter auch.'],
        ['Mitarbeiter', 'Unsere Kunden haben viel Gedöns, die Mitarbeiter:innen auch.'],
      ]);
      assert.strictEqual(got[0].message, 'Write out “as soon as possible”.');
      assert.strictEqual(got[1].message, '“Gedöns” is on this project’s list of words to avoid; consider “Aufwand”.');
    });

    it('uses the configured rule severity for every finding, slurs included', () => {
      const got = check(['Hi guys, no retards.'], { lang: 'en', config: { rules: { 'bias.wording': 'info' } } });
      assert.deepStrictEqual(
        got.map((s) => [s.text, s.severity]),
        [
          ['guys', 'info'],
          ['retards', 'info'],
        ],
      );
      assert.deepStrictEqual(check(['Hi guys'], { lang: 'en', config: { rules: { 'bias.wording': 'off' } } }), []);
    });
  });
});
