import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BotProject } from '../../../../server/src/core/project';
import { resolvedGreetings } from '../../../../server/src/rules/support/greetings';
import { filesOf } from '../../../support/fixture-project';
import { fixture, find, slice } from './helpers';

function load(name: string): BotProject {
  const root = fixture(name);
  const project = new BotProject(root);
  for (const f of filesOf(root)) project.update(f, fs.readFileSync(path.join(root, f), 'utf8'), 1);
  return project;
}

describe('rasa: whole projects', () => {
  it('claims the Rasa files of a project and nothing else', () => {
    const project = load('project');
    const claimed = project.files.filter((f) => project.model(f)).sort();
    assert.deepStrictEqual(claimed, ['config.yml', 'data/nlu.yml', 'data/rules.yml', 'data/stories.yml', 'domain.yml', 'endpoints.yml']);
    for (const f of claimed) assert.deepStrictEqual(project.model(f)?.errors, [], f);
  });

  it('merges a Rasa 3 project into one conversation', () => {
    const project = load('project');
    const c = project.conversation();
    const domain = project.text('domain.yml')!;
    assert.strictEqual(c.mainFile, 'domain.yml');

    // the greeting: the story's opening (structural) wins over the name-only one
    const greetings = resolvedGreetings(c);
    assert.deepStrictEqual(
      greetings.map((g) => [g.sequence.basis, g.sequence.file, g.steps.map((s) => s.map((m) => `${m.file}#${m.id}`))]),
      [['structural', 'data/stories.yml', [['domain.yml#utter_greet']]]],
    );

    // the email slot is filled from the email entity; the prompt for it resolves to the domain's response
    assert.deepStrictEqual(c.variables.get('email')?.entities, ['email']);
    assert.deepStrictEqual(c.variables.get('newsletter_opt_in')?.type, 'bool');
    const emailPrompts = c.prompts
      .filter((p) => p.variable === 'email')
      .map((p) => [p.message, (c.messagesById.get(p.message) ?? []).length])
      .sort();
    assert.deepStrictEqual(emailPrompts, [
      ['utter_ask_email', 1],
      ['utter_ask_newsletter_form_email', 0],
    ]);
    const ask = c.messagesById.get('utter_ask_email')![0].variations[0].pieces[0].text;
    assert.strictEqual(slice(domain, ask.range(ask.value.indexOf('newsletter'), ask.value.indexOf('newsletter') + 10)), 'newsletter');

    // {email} in the confirmation
    const confirm = c.messagesById.get('utter_confirm')![0].variations[0].pieces[0];
    assert.deepStrictEqual(
      confirm.placeholders.map((p) => [p.variable, slice(domain, confirm.text.range(p.start, p.end))]),
      [['email', '{email}']],
    );

    // the bot challenge answer
    assert.deepStrictEqual(c.intents.filter((i) => i.name === 'bot_challenge').map((i) => [i.file, i.responses]), [['data/rules.yml', ['utter_iamabot']]]);

    // ways to a human: the domain's intent and action, the rule's steps
    assert.deepStrictEqual(
      c.handoffs.map((h) => `${h.file}:${h.kind}:${h.name}`),
      [
        'data/rules.yml:intent:talk_to_human',
        'data/rules.yml:action:utter_handoff',
        'data/rules.yml:action:action_handoff_to_agent',
        'domain.yml:intent:talk_to_human',
        'domain.yml:action:action_handoff_to_agent',
      ],
    );

    // examples are user text, never bot text
    assert.deepStrictEqual(
      c.examples.map((e) => e.text.value),
      ['hi', 'good morning', 'my address is [max.mustermann@mail.de](email)', 'write to [test@example.com](email)'],
    );
    assert.ok(!c.messages.some((m) => m.variations.some((v) => v.pieces.some((p) => p.text.value.includes('good morning')))));

    // the action server gets every slot, over plain http
    assert.deepStrictEqual(
      c.endpoints.map((e) => [e.kind, e.url.value, e.carriesAll, e.file]),
      [['action-server', 'http://actions.internal.test:5055/webhook', true, 'endpoints.yml']],
    );
    assert.deepStrictEqual(c.endpoints[0].url.fullRange, find(project.text('endpoints.yml')!, 'http://actions.internal.test:5055/webhook'));
  });

  it('reads a Rasa 1.x project: templates, Markdown nlu and stories', () => {
    const project = load('legacy');
    const c = project.conversation();
    assert.deepStrictEqual(
      project.files.sort().map((f) => [f, project.model(f)?.format]),
      [
        ['data/nlu.md', 'rasa-md'],
        ['data/stories.md', 'rasa-md'],
        ['domain.yml', 'rasa'],
      ],
    );
    assert.deepStrictEqual(c.variables.get('name')?.entities, ['name']);
    assert.deepStrictEqual(c.variables.get('name')?.type, 'any');
    assert.deepStrictEqual(resolvedGreetings(c).map((g) => [g.sequence.basis, g.steps.map((s) => s[0].id)]), [['structural', ['utter_greet']]]);
    assert.deepStrictEqual(c.examples.map((e) => [e.intent, e.text.value]), [
      ['greet', 'hallo'],
      ['greet', 'guten Tag'],
      ['ask_name', 'ich heiße [Erika](name)'],
    ]);
    assert.deepStrictEqual(c.intents.map((i) => [i.name, i.responses]), [
      ['greet', ['utter_greet']],
      ['ask_name', ['utter_say_name']],
    ]);
  });

  it('reads a CALM project: session start greeting, collect prompts, no handoff from the default pattern', () => {
    const project = load('calm');
    const c = project.conversation();
    assert.deepStrictEqual(resolvedGreetings(c).map((g) => [g.sequence.basis, g.sequence.file, g.steps.map((s) => s[0].id)]), [
      ['structural', 'data/flows.yml', ['utter_session_welcome']],
    ]);
    assert.deepStrictEqual(
      c.prompts.map((p) => [p.variable, p.message, p.file]),
      [
        ['phone_number', 'utter_ask_phone_number', 'data/flows.yml'],
        ['phone_number', 'utter_ask_phone_number', 'domain.yml'],
      ],
    );
    assert.deepStrictEqual(c.handoffs, []);
  });
});
