import * as assert from 'assert';
import { piiSensitive } from '../../../server/src/rules/pii-sensitive';
import { ModelBuilder, runRules } from '../../support/model-builder';
import { assertSuppressible, assertTranslated, texts } from './pii-helpers';

describe('pii.sensitive', () => {
  it('reports questions that ask the user for special-category data, in English and German', () => {
    const d = new ModelBuilder('/p/domain.yml');
    d.message('utter_health', ['What is your diagnosis?']);
    d.message('utter_meds', ['Welche Medikamente nehmen Sie?'], { lang: 'de' });
    d.message('utter_conditions', ['Thanks. Do you have any health conditions we should know about?']);
    d.message('utter_religion', ['Welcher Religion gehören Sie an?'], { lang: 'de' });
    d.message('utter_describe', ['Please describe your symptoms briefly.']);
    d.message('utter_record', ['Haben Sie Vorstrafen?'], { lang: 'de' });
    const files = [d.build()];
    const findings = runRules([piiSensitive], files);
    assert.deepStrictEqual(texts(files, findings), [
      'What is your diagnosis?',
      'Welche Medikamente nehmen Sie?',
      'Thanks. Do you have any health conditions we should know about?',
      'Welcher Religion gehören Sie an?',
      'Please describe your symptoms briefly.',
      'Haben Sie Vorstrafen?',
    ]);
    assert.deepStrictEqual(findings.map((f) => f.details?.category), ['health', 'health', 'health', 'religion', 'health', 'criminal']);
    for (const f of findings) {
      assert.strictEqual(f.severity, 'warning');
      assertSuppressible(f);
      assert.deepStrictEqual(f.fixes.length, 1, 'no fix but the suppression');
    }
    assertTranslated(findings);
  });

  it('does not report mentions, offers of information or button titles', () => {
    const d = new ModelBuilder('/p/domain.yml');
    d.message('utter_policy', ["We don't store health data.", 'Wir speichern keine Angaben zu Ihrer Religion.']);
    d.message('utter_offer', ['Do you have questions about your medication?', 'Möchten Sie mehr über Allergien erfahren?', 'Want to learn more about mental health?', 'Haben Sie Fragen zu Ihren Medikamenten?']);
    d.message('utter_topics', [[{ text: 'Pick a topic:' }, { text: 'Diabetes and allergies?', role: 'button' }]]);
    d.message('utter_other', ['Is the package for your diagnosis_center?', 'What is the name of the disease_id field?']);
    assert.deepStrictEqual(runRules([piiSensitive], [d.build()]), []);
  });

  it('heart conditions, diabetes and iron deficiency are health data, also in German compounds', () => {
    const d = new ModelBuilder('/p/domain.yml');
    d.message('utter_donor', ['Do you have a heart condition or are you low in iron?']);
    d.message('utter_spender', ['Haben Sie eine Herzerkrankung oder eine chronische Erkrankung?'], { lang: 'de' });
    d.message('utter_sugar', ['Are you diabetic?', 'Leiden Sie an Bluthochdruck?']);
    d.message('utter_info', ['Do you want to learn more about heart disease?', 'Our heart-healthy menu is popular.']);
    const files = [d.build()];
    assert.deepStrictEqual(texts(files, runRules([piiSensitive], files)), [
      'Do you have a heart condition or are you low in iron?',
      'Haben Sie eine Herzerkrankung oder eine chronische Erkrankung?',
      'Are you diabetic?',
      'Leiden Sie an Bluthochdruck?',
    ]);
  });

  it('needs the user addressed, except in a prompt', () => {
    const d = new ModelBuilder('/p/domain.yml');
    d.message('utter_quiz', ['Which disease did Pasteur study?', 'Welche Krankheit erforschte Pasteur?']);
    d.message('utter_ask_allergies', ['Any allergies?']);
    const files = [d.build()];
    assert.deepStrictEqual(texts(files, runRules([piiSensitive], files)), ['Any allergies?']);
  });

  it('reports a prompt for a special-category variable whose text names no topic, once', () => {
    const d = new ModelBuilder('/p/domain.yml');
    d.variable('konfession', { type: 'text' });
    d.variable('diagnosis', { type: 'text' });
    d.message('utter_ask_konfession', ['Bitte wählen Sie aus der Liste.'], { lang: 'de' });
    d.message('utter_ask_diagnosis', ['What is your diagnosis?']);
    d.prompt('konfession', 'utter_ask_konfession').prompt('diagnosis', 'utter_ask_diagnosis');
    const files = [d.build()];
    const findings = runRules([piiSensitive], files);
    assert.deepStrictEqual(texts(files, findings), ['Bitte wählen Sie aus der Liste.', 'What is your diagnosis?']);
    assert.deepStrictEqual(findings[0].message, {
      template: 'This prompt asks for {0}, which is special-category data: collecting it needs explicit consent (GDPR Art. 9(2)(a)) and a clear reason.',
      args: ['konfession'],
    });
    assert.deepStrictEqual(findings[1].message.args, ['diagnosis']);
    assertTranslated(findings);
  });

  it('finds the prompt when the variable and its prompt are in different files', () => {
    const domain = new ModelBuilder('/p/domain.yml');
    domain.variable('has_disability', { type: 'bool' });
    domain.prompt('has_disability', 'utter_ask_has_disability');
    const responses = new ModelBuilder('/p/responses.yml');
    responses.message('utter_ask_has_disability', ['Should we plan extra time at the door?'], { role: 'response' });
    const files = [domain.build(), responses.build()];
    const findings = runRules([piiSensitive], files);
    assert.deepStrictEqual(texts(files, findings), ['Should we plan extra time at the door?']);
    assert.strictEqual(findings[0].file, '/p/responses.yml');
  });
});
