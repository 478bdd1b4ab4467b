import * as assert from 'assert';
import { piiTransfer } from '../../../server/src/rules/pii-transfer';
import { ModelBuilder, runRules } from '../../support/model-builder';
import { assertSuppressible, assertTranslated, fixed, texts } from './pii-helpers';

function domain(withPii = true) {
  const d = new ModelBuilder('/p/domain.yml');
  d.variable('tracking_number', { type: 'text' });
  if (withPii) d.variable('email', { type: 'text', entities: ['email'] });
  return d;
}

function endpoints(url: string, opts: Parameters<ModelBuilder['endpoint']>[1] = { kind: 'action-server', carriesAll: true }) {
  return new ModelBuilder('/p/endpoints.yml').endpoint(url, opts);
}

describe('pii.transfer', () => {
  it('reports a plain-http action server on the internet when PII slots exist, and switches it to https', () => {
    const files = [domain().build(), endpoints('http://actions.example-bank.com:5055/webhook').build()];
    const findings = runRules([piiTransfer], files);
    assert.deepStrictEqual(texts(files, findings), ['http://actions.example-bank.com:5055/webhook']);
    const [f] = findings;
    assert.strictEqual(f.severity, 'error');
    assert.strictEqual(f.file, '/p/endpoints.yml');
    assert.deepStrictEqual(f.message, { template: 'Personal data ({0}) is sent to {1} over plain HTTP, readable by anyone on the way: use https://.', args: ['email', 'actions.example-bank.com'] });
    assert.strictEqual(fixed(files, f, 'Switch to https://'), '  url: https://actions.example-bank.com:5055/webhook');
    assertSuppressible(f);
    assertTranslated(findings);
  });

  it('does not report loopback, private or single-label hosts (not the internet)', () => {
    for (const url of ['http://localhost:5055/webhook', 'http://127.0.0.1:5055/webhook', 'http://[::1]:5055/webhook', 'http://0.0.0.0:5055', 'http://action_server:5055/webhook', 'http://rasa-actions:5055/webhook', 'http://host.docker.internal:5055/webhook', 'http://actions.bots.svc.cluster.local:5055/webhook', 'http://192.168.1.20:5055/webhook', 'http://10.0.3.7/webhook']) {
      assert.deepStrictEqual(runRules([piiTransfer], [domain().build(), endpoints(url).build()]), [], url);
    }
  });

  it('does not report https, or plain http that carries no PII', () => {
    assert.deepStrictEqual(runRules([piiTransfer], [domain().build(), endpoints('https://actions.example-bank.com/webhook').build()]), []);
    assert.deepStrictEqual(runRules([piiTransfer], [domain(false).build(), endpoints('http://actions.example-bank.com/webhook').build()]), []);
    const hook = endpoints('http://hooks.example-bank.com/df', { kind: 'webhook', carries: ['tracking_number'] });
    assert.deepStrictEqual(runRules([piiTransfer], [domain().build(), hook.build()]), []);
  });

  it('reports a webhook that receives named PII variables, listing them', () => {
    const hook = endpoints('HTTP://hooks.example-bank.com/df', { kind: 'webhook', carries: ['tracking_number', 'email', 'iban'] });
    const files = [domain().build(), hook.build()];
    const [f] = runRules([piiTransfer], files);
    assert.deepStrictEqual(f.message.args, ['email, iban', 'hooks.example-bank.com']);
    assert.strictEqual(fixed(files, f, 'Switch to https://'), '  url: https://hooks.example-bank.com/df');
  });

  it('reports PII in a query string even over https, without an automatic fix', () => {
    const hook = endpoints('https://api.example-travel.com/v1/bookings?email=${user.email}&trip=${dialog.trip}', { kind: 'http-request', carries: ['user.email', 'dialog.trip'] });
    const files = [hook.build()];
    const findings = runRules([piiTransfer], files);
    assert.deepStrictEqual(texts(files, findings), ['https://api.example-travel.com/v1/bookings?email=${user.email}&trip=${dialog.trip}']);
    assert.deepStrictEqual(findings[0].message.args, ['user.email']);
    assert.deepStrictEqual(findings[0].fixes.map((x) => x.title.template), ['Suppress {0} on the next line']);
    assertTranslated(findings);
  });

  it('reports a plain-http URL with PII in its query twice: the scheme (with a fix) and the query', () => {
    const hook = endpoints('http://api.example-travel.com/v1/bookings?email=${user.email}', { kind: 'http-request', carries: ['user.email'] });
    const files = [hook.build()];
    const findings = runRules([piiTransfer], files);
    assert.deepStrictEqual(texts(files, findings), ['http://api.example-travel.com/v1/bookings?email=${user.email}', 'http://api.example-travel.com/v1/bookings?email=${user.email}']);
    assert.deepStrictEqual(findings.map((f) => f.message.template.startsWith('Personal data ({0}) is sent')), [true, false]);
  });

  it('ignores the path, settings and non-PII values in the query', () => {
    const hook = endpoints('https://api.example.com/users/${user.email}?key=${settings.apiKey}&lang=${turn.locale}', { kind: 'http-request', carries: ['user.email'] });
    assert.deepStrictEqual(runRules([piiTransfer], [hook.build()]), []);
  });

  it('warns about a Dialogflow CX PII parameter that goes to a webhook unredacted, on its declaration', () => {
    const page = new ModelBuilder('/p/flows/Default Start Flow/pages/Termin.json', 'dialogflow-cx', { kind: 'json' });
    page.variable('email', { aliases: ['session.params.email'], entities: ['sys.email'] });
    page.variable('telefon', { aliases: ['session.params.telefon'], entities: ['sys.phone-number'], redact: true });
    page.variable('anliegen', { aliases: ['session.params.anliegen'], entities: ['anliegen'] });
    page.variable('geburtsdatum', { aliases: ['session.params.geburtsdatum'], entities: ['sys.date'] });
    const hook = new ModelBuilder('/p/webhooks/termin.json', 'dialogflow-cx', { kind: 'json' }).endpoint('https://termine.example.de/api', { kind: 'webhook', carries: ['session.params.email', 'session.params.telefon', 'session.params.anliegen'] });
    const files = [page.build(), hook.build()];
    const findings = runRules([piiTransfer], files);
    assert.deepStrictEqual(texts(files, findings), ['email'], 'telefon is redacted, geburtsdatum does not go to the webhook, anliegen is no PII');
    assert.strictEqual(findings[0].severity, 'warning');
    assert.strictEqual(findings[0].file, '/p/flows/Default Start Flow/pages/Termin.json');
    assertTranslated(findings);
  });

  it('does not apply the redaction check outside Dialogflow CX', () => {
    const files = [domain().build(), endpoints('https://actions.example.com/webhook').build()];
    assert.deepStrictEqual(runRules([piiTransfer], files), []);
  });
});
