import * as assert from 'assert';
import * as path from 'path';
import { parseFile } from '../../../../server/src/core/project';
import { FIXTURES, loadProject, message, messagesWithId, rangeOf, texts } from './helpers';

const CX = path.join(FIXTURES, 'cx-agent');
const START = 'flows/Default Start Flow/Default Start Flow.json';
const EMAIL_PAGE = 'flows/Default Start Flow/pages/Collect Email.json';

describe('Dialogflow CX parser', () => {
  const project = loadProject(CX);
  const c = project.conversation;
  const start = project.model(START);
  const page = project.model(EMAIL_PAGE);

  it('claims agent, flows, pages, webhooks, intents, phrases; not entity types, generators, generative settings, playbooks', () => {
    assert.deepStrictEqual([...project.models.keys()], [
      'agent.json',
      'flows/Billing/Billing.json',
      'flows/Billing/pages/Human%3a Escalation.json',
      START,
      EMAIL_PAGE,
      'intents/Default Welcome Intent/Default Welcome Intent.json',
      'intents/Default Welcome Intent/trainingPhrases/en.json',
      'intents/order/order.json',
      'intents/order/trainingPhrases/de.json',
      'webhooks/crm.json',
      'webhooks/notify%3aemail.json',
    ]);
    assert.deepStrictEqual(project.unclaimed, [
      'entityTypes/product/entities/en.json',
      'entityTypes/product/product.json',
      'generativeSettings/en.json',
      'generators/Welcome/Welcome.json',
      'generators/Welcome/phrases/en.json',
      'playbooks/Helper/Helper.json',
    ]);
    for (const m of project.models.values()) {
      assert.strictEqual(m.format, 'dialogflow-cx');
      assert.strictEqual(m.commentPrefix, undefined);
      assert.deepStrictEqual(m.errors, []);
    }
    const agent = project.model('agent.json');
    assert.strictEqual(agent.rootPriority, 10);
    assert.strictEqual(agent.lang, 'en');
    assert.strictEqual(c.mainFile, 'agent.json');
  });

  it('reads route fulfillments per language', () => {
    const id = 'Default Start Flow#route:Default Welcome Intent';
    assert.deepStrictEqual(texts(message(start.messages, id, 'en')), [[['text', 'Hi! Welcome to the shop.']], [['text', 'Hello there!']]]);
    assert.deepStrictEqual(texts(message(start.messages, id, 'de')), [[['text', 'Hallo! Willkommen im Shop.']]]);
    assert.strictEqual(message(start.messages, 'Default Start Flow#event:sys.no-match-default').role, 'fallback');
  });

  it('reads the start flow welcome route and the target page entry as the greeting', () => {
    assert.strictEqual(start.greetings.length, 1);
    const g = start.greetings[0];
    assert.strictEqual(g.basis, 'structural');
    assert.strictEqual(g.opaque, undefined);
    assert.deepStrictEqual(start.text.slice(g.at.start, g.at.end), '"Default Welcome Intent"');
    assert.deepStrictEqual(g.messages.slice(0, 4), [
      'Default Start Flow#route:Default Welcome Intent',
      'Default Start Flow/Collect Email#entry',
      'Default Start Flow/Collect Email#entry#message-2',
      'Default Start Flow/Collect Email#entry#message-3',
    ]);
    // resolved against the project, the greeting is the route then the page's three entry messages
    const steps = g.messages.map((id) => c.messagesById.get(id) ?? []).filter((s) => s.length > 0);
    assert.deepStrictEqual(steps.map((s) => s.length), [2, 1, 1, 1]);
    // the Billing flow is no start flow
    assert.deepStrictEqual(project.model('flows/Billing/Billing.json').greetings, []);
  });

  it('reads entry messages: \\n and \\" escapes, audio text, conditional cases; payloads are not bot text', () => {
    const entry = message(page.messages, 'Default Start Flow/Collect Email#entry');
    const t = entry.variations[0].pieces[0].text;
    assert.strictEqual(t.value, 'I\'m a virtual agent.\nI can take your "order".');
    const nl = t.value.indexOf('\n');
    assert.deepStrictEqual(t.range(nl, nl + 1), rangeOf(page.text, '\\n'));
    const q = t.value.indexOf('"order"');
    assert.deepStrictEqual(t.range(q, q + 7), rangeOf(page.text, '\\"order\\"'));
    assert.deepStrictEqual(texts(message(page.messages, 'Default Start Flow/Collect Email#entry#message-2')), [[['speech', "<speak>Let's start.</speak>"]]]);
    const cond = message(page.messages, 'Default Start Flow/Collect Email#entry#message-3');
    assert.deepStrictEqual(
      cond.variations.map((v) => [v.condition, v.pieces[0].text.value]),
      [
        ['$session.params.vip = true', 'Welcome back, $session.params.name!'],
        [undefined, 'Nice to meet you.'],
      ],
    );
    assert.ok(!page.messages.some((m) => texts(m).flat().some(([, s]) => s === 'Order')));
  });

  it('reads form parameters as variables (name, session/page aliases, entity, redact)', () => {
    assert.deepStrictEqual(
      page.variables.map((v) => [v.name, v.aliases, v.entities, v.redact, page.text.slice(v.declaration.start, v.declaration.end)]),
      [
        ['email', ['session.params.email', 'page.params.email'], ['sys.email'], true, '"email"'],
        ['flow.nickname', undefined, ['nick-type'], undefined, '"$flow.nickname"'],
      ],
    );
    // the intent's parameter of the same name is the same session parameter
    const email = c.variables.get('session.params.email');
    assert.ok(email);
    assert.strictEqual(c.variables.get('intent.params.email'), email);
    assert.strictEqual(c.variables.get('page.params.email'), email);
    assert.strictEqual(email.redact, true);
    assert.deepStrictEqual(email.entities, ['sys.email']);
    assert.strictEqual(c.variables.get('session.params.card')?.redact, true);
  });

  it('reads form prompts per language as prompts of the variable; an optional parameter is not asked for', () => {
    const id = 'Default Start Flow/Collect Email#param:email';
    assert.deepStrictEqual(
      messagesWithId(page.messages, id).map((m) => [m.role, m.variations[0].lang, m.variations[0].pieces[0].text.value]),
      [
        ['prompt', 'en', "What's your e-mail? \u{1f4e7}"],
        ['prompt', 'de', 'Wie lautet Ihre E-Mail-Adresse für die Rechnung?'],
      ],
    );
    const en = message(page.messages, id, 'en').variations[0].pieces[0].text;
    const mail = en.value.indexOf('\u{1f4e7}');
    assert.deepStrictEqual(en.range(mail, mail + 2), rangeOf(page.text, '\\ud83d\\udce7'));
    const de = message(page.messages, id, 'de').variations[0].pieces[0].text;
    const ue = de.value.indexOf('ü');
    assert.deepStrictEqual(de.range(ue, ue + 1), rangeOf(page.text, '\\u00fc'));
    assert.deepStrictEqual(page.prompts.map((p) => [p.variable, p.message, page.text.slice(p.at.start, p.at.end)]), [['email', id, '"email"']]);
    assert.strictEqual(message(page.messages, `${id}#event:sys.no-match-1`).role, 'fallback');
    assert.strictEqual(message(page.messages, 'Default Start Flow/Collect Email#param:$flow.nickname').role, 'prompt');
  });

  it('finds $session.params placeholders at exact ranges', () => {
    const thanks = message(page.messages, 'Default Start Flow/Collect Email#route:1').variations[0].pieces[0];
    assert.deepStrictEqual(thanks.placeholders.map((p) => [p.variable, p.syntax]), [['session.params.email', 'dialogflow-cx']]);
    const p = thanks.placeholders[0];
    assert.deepStrictEqual(thanks.text.range(p.start, p.end), rangeOf(page.text, '$session.params.email'));
  });

  it('reads webhooks: a standard one carries the session and the calling page form, a flexible one what its request names', () => {
    const crm = project.model('webhooks/crm.json').endpoints[0];
    assert.strictEqual(crm.url.value, 'http://crm.example.org/save');
    assert.strictEqual(crm.carriesAll, true);
    assert.deepStrictEqual(crm.carries, []);
    const merged = c.endpoints.find((e) => e.url.value === 'http://crm.example.org/save');
    assert.deepStrictEqual(merged?.carries, ['email', 'flow.nickname']);
    assert.deepStrictEqual(page.endpointUses?.map((u) => [u.endpoint, page.text.slice(u.at.start, u.at.end)]), [['dialogflow-cx:#webhook:crm', '"crm"']]);

    const notifyModel = project.model('webhooks/notify%3aemail.json');
    const notify = notifyModel.endpoints[0];
    assert.strictEqual(notify.carriesAll, false);
    assert.strictEqual(notify.key, undefined);
    assert.deepStrictEqual(notify.carries, ['session.params.lang', 'session.params.email', 'flow.nickname', 'session.params.customer_id']);
    const body = notify.payload![0];
    assert.strictEqual(body.value, '{\n  "to": "$session.params.email",\n  "nick": "$flow.nickname",\n  "note": "gr\\u00fc\\u00dfe"\n}');
    // a placeholder inside the JSON-in-JSON string lands on its characters in the outer literal
    const at = body.value.indexOf('$session.params.email');
    assert.deepStrictEqual(body.range(at, at + '$session.params.email'.length), rangeOf(notifyModel.text, '$session.params.email'));
    // the inner quotes are escapes in the outer string
    assert.deepStrictEqual(body.range(at - 1, at), { start: rangeOf(notifyModel.text, '$session.params.email').start - 2, end: rangeOf(notifyModel.text, '$session.params.email').start });
    const nl = body.value.indexOf('\n');
    assert.deepStrictEqual(body.range(nl, nl + 1), rangeOf(notifyModel.text, '\\n'));
    // \\u00fc inside the body is text of the inner JSON: two source chars for its backslash
    const bs = body.value.indexOf('\\');
    assert.deepStrictEqual(body.range(bs, bs + 6), rangeOf(notifyModel.text, '\\\\u00fc'));
    assert.deepStrictEqual(notify.payload![1].value, '$session.params.customer_id');
  });

  it('finds handoffs: live agent message, human intent that connects, escalation target', () => {
    const found = [...project.models.values()].flatMap((m) => m.handoffs.map((h) => [h.kind, h.name, m.text.slice(h.at.start, h.at.end)]));
    assert.deepStrictEqual(found, [
      ['flow', 'END_FLOW_WITH_HUMAN_ESCALATION', '"END_FLOW_WITH_HUMAN_ESCALATION"'],
      ['live-agent', 'liveAgentHandoff', '"liveAgentHandoff"'],
      ['intent', 'talk_to_agent', '"talk_to_agent"'],
    ]);
  });

  it('records intents from routes; a route that only moves on is answered by the target page', () => {
    assert.deepStrictEqual(
      start.intents.map((i) => [i.name, i.responses, start.text.slice(i.declaration.start, i.declaration.end)]),
      [
        ['Default Welcome Intent', ['Default Start Flow#route:Default Welcome Intent'], '"Default Welcome Intent"'],
        ['talk_to_agent', ['Default Start Flow#route:talk_to_agent'], '"talk_to_agent"'],
        ['order', ['Default Start Flow/Collect Email#entry'], '"order"'],
      ],
    );
  });

  it('reads training phrases joined from parts, with exact offsets, never as bot text', () => {
    const de = project.model('intents/order/trainingPhrases/de.json');
    assert.strictEqual(de.lang, 'de');
    assert.deepStrictEqual(de.examples.map((e) => [e.text.value, e.intent, e.lang]), [['Bestell an jürgen@firma.de "bitte"', 'order', 'de']]);
    const ex = de.examples[0].text;
    const mail = ex.value.indexOf('jürgen');
    assert.deepStrictEqual(ex.range(mail, mail + 'jürgen@firma.de'.length), rangeOf(de.text, 'j\\u00fcrgen@firma.de'));
    const quote = ex.value.indexOf('"');
    assert.deepStrictEqual(ex.range(quote, quote + 1), rangeOf(de.text, '\\"'));
    assert.deepStrictEqual(project.model('intents/Default Welcome Intent/trainingPhrases/en.json').examples.map((e) => [e.text.value, e.intent, e.lang]), [['hi', 'Default Welcome Intent', 'en']]);
  });

  it('decodes %3a in file names: page flow and display names', () => {
    const esc = project.model('flows/Billing/pages/Human%3a Escalation.json');
    assert.deepStrictEqual(esc.messages.map((m) => m.id), ['Billing/Human: Escalation#entry']);
  });

  it('reads knowledge answers of flows and pages as answers', () => {
    const text = String.raw`{"displayName": "FAQ", "entryFulfillment": {}, "knowledgeConnectorSettings": {"enabled": true,
 "triggerFulfillment": {"messages": [{"text": {"text": ["From our help center: $request.knowledge.answers[0]"]}, "languageCode": "de"}]}}}`;
    const m = parseFile('flows/Help/pages/FAQ.json', text);
    assert.ok(m);
    const answer = message(m.messages, 'Help/FAQ#knowledge');
    assert.strictEqual(answer.role, 'answer');
    assert.strictEqual(answer.variations[0].lang, 'de');
    assert.deepStrictEqual(answer.variations[0].pieces[0].placeholders.map((p) => p.variable), ['request.knowledge.answers[0]']);
  });
});
