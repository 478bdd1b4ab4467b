/**
 * The four Bot Framework formats together, through the project (format
 * selection, BOM removal, merge): what rules see of a Composer bot.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { piecesOf } from '../../../../server/src/core/model';
import { BotProject } from '../../../../server/src/core/project';
import { resolvedGreetings } from '../../../../server/src/rules/support/greetings';

const FIXTURE = path.resolve(__dirname, '../../../../../test/fixtures/botframework/contoso');

function load(files: string[], withBom = false): BotProject {
  const project = new BotProject('contoso');
  for (const rel of files) {
    const text = fs.readFileSync(path.join(FIXTURE, rel), 'utf8');
    project.update(`contoso/${rel}`, (withBom ? '\ufeff' : '') + text, 1);
  }
  return project;
}

const ALL = [
  'contoso.dialog',
  'dialogs/signup/signup.dialog',
  'language-generation/en-us/contoso.en-us.lg',
  'language-generation/de-de/contoso.de-de.lg',
  'language-understanding/en-us/contoso.en-us.lu',
  'knowledge-base/en-us/contoso.en-us.qna',
];

describe('Bot Framework project', () => {
  it('picks the parser per file and reads every fixture without errors (BOM removed)', () => {
    const project = load(ALL, true);
    assert.deepStrictEqual(
      project.models().map((m) => [m.file.replace('contoso/', ''), m.format, m.errors.length]),
      ALL.map((f) => [f, /\.(\w+)$/.exec(f)![1], 0]),
    );
    const lg = project.model('contoso/language-generation/en-us/contoso.en-us.lg')!;
    const text = project.text('contoso/language-generation/en-us/contoso.en-us.lg')!;
    const welcome = lg.messages.find((m) => m.id === 'SendActivity_Welcome')!;
    const r = welcome.variations[0].pieces[0].text.fullRange;
    assert.strictEqual(text.slice(r.start, r.end), "Hi! I'm Contoso's virtual assistant.");
  });

  it('resolves the welcome trigger to the LG templates of every locale', () => {
    const conversation = load(ALL).conversation();
    assert.strictEqual(conversation.mainFile, 'contoso/contoso.dialog');
    const [greeting] = resolvedGreetings(conversation);
    assert.deepStrictEqual(greeting.sequence.messages, ['SendActivity_Welcome', 'contoso#a2.activity']);
    assert.deepStrictEqual(
      greeting.steps.map((step) => step.map((m) => [m.file.replace('contoso/', ''), m.variations.map((v) => v.lang ?? '?')])),
      [
        [
          ['language-generation/de-de/contoso.de-de.lg', ['de']],
          ['language-generation/en-us/contoso.en-us.lg', ['en', 'en']],
        ],
        [['contoso.dialog', ['?']]],
      ],
    );
  });

  it('links the e-mail prompt to the LG prompt template and types the variable through the LU prebuilt', () => {
    const conversation = load(ALL).conversation();
    const [prompt] = conversation.prompts;
    assert.strictEqual(prompt.variable, 'user.email');
    const [template] = conversation.messagesById.get(prompt.message) ?? [];
    assert.strictEqual(template.role, 'prompt');
    assert.deepStrictEqual(
      template.variations[0].pieces.map((p) => [p.role, p.text.value]),
      [
        ['text', 'What is your e-mail address?'],
        ['speech', 'Please tell me your e-mail address.'],
      ],
    );
    // user.email is filled from the LU entity `email`, which is the prebuilt email
    const variable = conversation.variables.get('user.email')!;
    assert.deepStrictEqual(variable.entities, ['email']);
    assert.deepStrictEqual(conversation.variables.get('@email')?.entities, ['prebuilt:email']);
    // and the LG text that echoes it carries the placeholder
    const done = [...piecesOf(conversation.messagesById.get('SendActivity_Done') ?? [])].map((x) => x.piece);
    assert.deepStrictEqual(
      done.flatMap((p) => p.placeholders.map((ph) => ph.variable)),
      ['user.email'],
    );
  });

  it('keeps user examples apart from bot text, and finds the handoff and the endpoint', () => {
    const conversation = load(ALL).conversation();
    assert.deepStrictEqual(
      conversation.examples.map((e) => e.text.value),
      ['Are you a bot?', 'am I talking to a human?', 'sign me up with {@email=jane.doe@example.com}', 'I want to register', 'talk to a person'],
    );
    const botTexts = [...piecesOf(conversation.messages)].map((x) => x.piece.text.value);
    assert.ok(!botTexts.some((t) => t.includes('jane.doe')));
    assert.ok(botTexts.includes("Yes, I'm a virtual assistant."));
    assert.deepStrictEqual(
      conversation.handoffs.map((h) => [h.kind, h.name]),
      [['activity', 'TalkToHuman']],
    );
    assert.deepStrictEqual(
      conversation.endpoints.map((e) => [e.kind, e.url.value.split('?')[0], e.carries]),
      [['http-request', 'http://crm.contoso.test/leads', ['user.email', 'user.name']]],
    );
    assert.deepStrictEqual(
      conversation.intents.map((i) => [i.name, i.responses]),
      [
        ['SignUp', []],
        ['TalkToHuman', ['SendActivity_Handoff']],
        ['qna:Are you a bot?', ['qna:Are you a bot?']],
        ['SignUp', []],
        ['TalkToHuman', []],
      ],
    );
  });
});
