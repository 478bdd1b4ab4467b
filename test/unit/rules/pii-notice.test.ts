import * as assert from 'assert';
import { piiNotice } from '../../../server/src/rules/pii-notice';
import { ModelBuilder, runRules } from '../../support/model-builder';
import { assertSuppressible, assertTranslated, fixed, texts } from './pii-helpers';

function domain() {
  const d = new ModelBuilder('/p/domain.yml');
  d.variable('email', { type: 'text', entities: ['email'] });
  d.variable('iban', { type: 'text' });
  d.variable('first_name', { type: 'text' });
  d.variable('tracking_number', { type: 'text' });
  d.message('utter_greet', ['Hi, welcome to Swiftparcel!']);
  d.greeting(['utter_greet']);
  return d;
}

describe('pii.notice', () => {
  it('reports a PII prompt without a purpose on its text, and appends a purpose sentence', () => {
    const d = domain();
    d.message('utter_ask_email', ["What's your email address?"]);
    d.prompt('email', 'utter_ask_email');
    const files = [d.build()];
    const findings = runRules([piiNotice], files);
    assert.deepStrictEqual(texts(files, findings), ["What's your email address?"]);
    const [f] = findings;
    assert.strictEqual(f.severity, 'warning');
    assert.deepStrictEqual(f.message.args, ['email']);
    assert.strictEqual(fixed(files, f, 'Add a purpose and privacy sentence'), "  - What's your email address? We use this only to handle your request.");
    assertSuppressible(f);
    assertTranslated(findings);
  });

  it('uses the configured privacy policy URL and the message language', () => {
    const d = domain();
    d.message('utter_ask_iban', ['Wie lautet Ihre IBAN'], { lang: 'de' });
    d.prompt('iban', 'utter_ask_iban');
    const files = [d.build()];
    const [f] = runRules([piiNotice], files, { privacyPolicyUrl: 'https://stadtwerke.example/datenschutz' });
    assert.strictEqual(
      fixed(files, f, 'Add a purpose and privacy sentence'),
      // ": " cannot stand in a plain YAML scalar: the scalar is rewritten quoted
      '  - "Wie lautet Ihre IBAN. Wir verwenden diese Angabe nur zur Bearbeitung Ihres Anliegens; Datenschutzhinweise: https://stadtwerke.example/datenschutz"',
    );
  });

  it('judges each variation alone', () => {
    const d = domain();
    d.message('utter_ask_email', ['So that we can send you updates, what is your email?', 'Your email, please?', 'Damit wir Sie informieren können: Ihre E-Mail-Adresse?']);
    d.prompt('email', 'utter_ask_email');
    const files = [d.build()];
    assert.deepStrictEqual(texts(files, runRules([piiNotice], files)), ['Your email, please?']);
  });

  it('is satisfied by a privacy notice or link in any greeting message', () => {
    for (const greeting of ['I am a bot. Our privacy policy: https://swiftparcel.example/p', 'Infos zum Datenschutz finden Sie hier.', 'More: https://swiftparcel.example/legal/privacy']) {
      const d = domain();
      d.message('utter_intro', [greeting]);
      d.greeting(['utter_greet', 'utter_intro']);
      d.message('utter_ask_email', ["What's your email address?"]);
      d.prompt('email', 'utter_ask_email');
      assert.deepStrictEqual(runRules([piiNotice], [d.build()]), [], greeting);
    }
  });

  it('is not satisfied by a notice in a message that is no greeting', () => {
    const d = domain();
    d.message('utter_privacy', ['Our privacy policy: https://swiftparcel.example/privacy']);
    d.message('utter_ask_email', ["What's your email address?"]);
    d.prompt('email', 'utter_ask_email');
    assert.strictEqual(runRules([piiNotice], [d.build()]).length, 1);
  });

  it('reads messages a variation includes by reference (LG template calls)', () => {
    const lg = new ModelBuilder('/p/bot.en-us.lg', 'lg', { kind: 'lg' });
    lg.message('PrivacyNote', ['See our privacy policy at https://northwind.example/privacy.']);
    const ask = lg.message('AskEmail', ["${PrivacyNote()} What's your email?"]);
    ask.variations[0].pieces[0].calls = [{ message: 'PrivacyNote', start: 0, end: 16 }];
    ask.variations[0].pieces[0].placeholders = [];
    lg.prompt('user.email', 'AskEmail');
    assert.deepStrictEqual(runRules([piiNotice], [lg.build()]), []);
  });

  it('a purpose in a CX page entry covers the form prompts of that page only, when every entry variation states it', () => {
    const cx = new ModelBuilder('/p/flows/Main/pages/Report.json', 'dialogflow-cx', { kind: 'json' });
    cx.variable('session.params.zip_code', { entities: ['sys.zip-code'] });
    cx.variable('session.params.email', { entities: ['sys.email'] });
    cx.message('Main/Report#entry', ['Sorry to hear that.']);
    cx.message('Main/Report#entry#message-2', ['I need a few details so we can get started on cleaning it up.', 'Thanks for calling. I need a few details so we can send a crew.']);
    cx.message('Main/Report#param:zip_code', ['Can you please share the postal code?'], { role: 'prompt' });
    cx.prompt('session.params.zip_code', 'Main/Report#param:zip_code');
    cx.message('Main/Other#entry', ['Sorry to hear that.', 'I need a few details so we can help.']);
    cx.message('Main/Other#param:email', ['What is your email address?'], { role: 'prompt' });
    cx.prompt('session.params.email', 'Main/Other#param:email');
    const files = [cx.build()];
    assert.deepStrictEqual(texts(files, runRules([piiNotice], files)), ['What is your email address?']);
    // the same ids in a Rasa domain are names, not a page order
    const d = domain();
    d.variable('zip_code', { type: 'text' });
    d.message('Main/Report#entry', ['I need a few details so we can get started.']);
    d.message('Main/Report#param:zip_code', ['Can you please share the postal code?'], { role: 'prompt' });
    d.prompt('zip_code', 'Main/Report#param:zip_code');
    const rasa = [d.build()];
    assert.deepStrictEqual(texts(rasa, runRules([piiNotice], rasa)), ['Can you please share the postal code?']);
  });

  it('does not report prompts for non-PII variables, and names only with reportPersonNames', () => {
    const d = domain();
    d.message('utter_ask_tracking_number', ["What's the tracking number?"]);
    d.prompt('tracking_number', 'utter_ask_tracking_number');
    d.message('utter_ask_first_name', ['What is your first name?']);
    d.prompt('first_name', 'utter_ask_first_name');
    const files = [d.build()];
    assert.deepStrictEqual(runRules([piiNotice], files), []);
    assert.deepStrictEqual(texts(files, runRules([piiNotice], files, { reportPersonNames: true })), ['What is your first name?']);
  });

  it('a yes/no question about a stored value (use_previous_email) is no prompt for that value', () => {
    const d = domain();
    d.variable('previous_email', { type: 'text' });
    d.message('utter_ask_use_previous_email', ['Would you like to use the last email address you used, {previous_email}?']);
    d.prompt('use_previous_email', 'utter_ask_use_previous_email');
    d.message('utter_ask_is_iban_ok', ['Is this IBAN right?']);
    d.prompt('is_iban_ok', 'utter_ask_is_iban_ok');
    d.message('utter_ask_refund_form_previous_email', ['Which email address did you use before?']);
    d.prompt('refund_form_previous_email', 'utter_ask_refund_form_previous_email');
    const files = [d.build()];
    const found = runRules([piiNotice], files);
    assert.deepStrictEqual(texts(files, found), ['Which email address did you use before?']);
    assert.deepStrictEqual(found[0].message.args, ['previous_email']);
  });

  it('resolves a form-specific prompt name to the slot it asks for', () => {
    const d = domain();
    d.message('utter_ask_refund_form_iban', ['Which IBAN?']);
    d.prompt('refund_form_iban', 'utter_ask_refund_form_iban');
    const [f] = runRules([piiNotice], [d.build()]);
    assert.deepStrictEqual(f.message.args, ['iban']);
  });

  it('reports a variation once even when several prompts use the message', () => {
    const d = domain();
    d.message('utter_ask_email', ["What's your email address?"]);
    d.prompt('email', 'utter_ask_email').prompt('email', 'utter_ask_email');
    assert.strictEqual(runRules([piiNotice], [d.build()]).length, 1);
  });
});
