import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dialogFormat, parseDialog } from '../../../../server/src/formats/botframework/dialog';
import { message, rangeOf, sourceOf, texts } from './helpers';

const FIXTURE = path.resolve(__dirname, '../../../../../test/fixtures/botframework/contoso');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURE, rel), 'utf8');

describe('dialog parser', () => {
  it('claims adaptive dialogs and their trigger files only', () => {
    assert.strictEqual(dialogFormat.claims('a/main.dialog', '{ "$kind": "Microsoft.AdaptiveDialog", "triggers": [] }'), true);
    assert.strictEqual(dialogFormat.claims('a/t.dialog', '{"$schema": "x", "$kind": "Microsoft.OnEndOfActions"}'), true);
    assert.strictEqual(dialogFormat.claims('a/x.dialog', '{"$schema": "sdk.schema", "triggers": []}'), true);
    // a nested $kind does not count: only the top level says what the file is
    assert.strictEqual(dialogFormat.claims('a/r.dialog', '{"recognizers": {"$kind": "Microsoft.AdaptiveDialog"}, "$kind": "Microsoft.LuisRecognizer"}'), false);
    assert.strictEqual(dialogFormat.claims('a/s.dialog', '{"$schema": "x", "$kind": "Microsoft.Test.Script"}'), false);
    assert.strictEqual(dialogFormat.claims('a/main.json', '{ "$kind": "Microsoft.AdaptiveDialog" }'), false);
    assert.strictEqual(dialogFormat.claims('a/main.dialog', '[1, 2]'), false);
  });

  it('turns the welcome trigger into a structural greeting of LG references and inline text', () => {
    const src = read('contoso.dialog');
    const file = 'contoso/contoso.dialog';
    const m = parseDialog(file, src);
    assert.deepStrictEqual(m.errors, []);
    assert.strictEqual(m.commentPrefix, undefined);
    assert.strictEqual(m.rootPriority, 10);
    assert.deepStrictEqual(
      m.greetings.map((g) => [g.basis, g.messages, g.opaque]),
      [['structural', ['SendActivity_Welcome', 'contoso#a2.activity'], undefined]],
    );
    assert.deepStrictEqual(m.greetings[0].at, rangeOf(src, '"Microsoft.OnConversationUpdateActivity"'));
    // the inline activity is a message of the .dialog with JSON escapes decoded
    const inline = message(m.messages, 'contoso#a2.activity');
    assert.deepStrictEqual(texts(inline), [[['text', 'Type "help" any time.\nI\'m here 24/7.']]]);
    const piece = inline.variations[0].pieces[0];
    assert.deepStrictEqual(piece.text.encoding, { kind: 'json' });
    assert.strictEqual(sourceOf(src, piece), 'Type \\"help\\" any time.\\nI\'m here 24/7.');
    const v = piece.text.value;
    assert.deepStrictEqual(piece.text.range(v.indexOf('help'), v.indexOf('help') + 4), rangeOf(src, 'help'));
    assert.deepStrictEqual(piece.text.range(v.indexOf('\n'), v.indexOf('\n') + 1), rangeOf(src, '\\n'));
    // the LG reference is a use at the `${...}` inside the string
    assert.deepStrictEqual(
      m.uses.map((u) => [u.message, src.slice(u.at.start, u.at.end)]),
      [
        ['SendActivity_Welcome', '${SendActivity_Welcome()}'],
        ['SendActivity_Handoff', '${SendActivity_Handoff()}'],
      ],
    );
  });

  it('records intents with their answers, opaque when another dialog answers', () => {
    const src = read('contoso.dialog');
    const m = parseDialog('contoso/contoso.dialog', src);
    assert.deepStrictEqual(
      m.intents.map((i) => [i.name, i.responses, i.opaqueResponse, src.slice(i.declaration.start, i.declaration.end)]),
      [
        ['SignUp', [], true, 'SignUp'],
        ['TalkToHuman', ['SendActivity_Handoff'], undefined, 'TalkToHuman'],
      ],
    );
    assert.deepStrictEqual(
      m.handoffs.map((h) => [h.kind, h.name, src.slice(h.at.start, h.at.end)]),
      [['activity', 'TalkToHuman', '"Microsoft.SendHandoffActivity"']],
    );
  });

  it('links input prompts to their typed variables and reads HttpRequest endpoints', () => {
    const src = read('dialogs/signup/signup.dialog');
    const m = parseDialog('contoso/dialogs/signup/signup.dialog', src);
    assert.deepStrictEqual(m.errors, []);
    assert.strictEqual(m.rootPriority, 1);
    assert.deepStrictEqual(
      m.variables.map((v) => [v.name, v.type, v.entities, src.slice(v.declaration.start, v.declaration.end)]),
      [['user.email', 'text', ['email'], 'user.email']],
    );
    assert.deepStrictEqual(
      m.prompts.map((p) => [p.variable, p.message]),
      [['user.email', 'TextInput_Prompt_ask_email']],
    );
    // the re-prompt written inline is bot text of the .dialog, not a prompt link
    assert.deepStrictEqual(texts(message(m.messages, 'signup#ask_email.invalidPrompt')), [[['text', 'That does not look like an e-mail address.']]]);
    assert.strictEqual(message(m.messages, 'signup#ask_email.invalidPrompt').role, 'prompt');
    const [endpoint] = m.endpoints;
    assert.strictEqual(endpoint.kind, 'http-request');
    assert.strictEqual(endpoint.url.value, 'http://crm.contoso.test/leads?mail=${user.email}');
    assert.deepStrictEqual(endpoint.url.fullRange, rangeOf(src, 'http://crm.contoso.test/leads?mail=${user.email}'));
    assert.deepStrictEqual(endpoint.carries, ['user.email', 'user.name']);
    assert.deepStrictEqual(
      endpoint.payload?.map((p) => p.value),
      ['${user.name}', '=user.email', 'signup'],
    );
  });

  it('types variables by input kind and entity, and reads Ask prompts and choices', () => {
    const src = JSON.stringify(
      {
        $kind: 'Microsoft.AdaptiveDialog',
        triggers: [
          {
            $kind: 'Microsoft.OnBeginDialog',
            actions: [
              { $kind: 'Microsoft.NumberInput', property: '$age', value: '=@number', prompt: 'How old are you?' },
              { $kind: 'Microsoft.ChoiceInput', $designer: { id: 'c1' }, property: 'user.plan', prompt: '${Plan_Prompt()}', choices: ['Basic', { value: 'pro', action: { title: 'Pro plan' } }] },
              { $kind: 'Microsoft.Ask', activity: '${Name_MissingPrompt()}', expectedProperties: ['Name'] },
              { $kind: 'Microsoft.SetProperty', property: 'user.phone', value: '=coalesce(@phonenumber, @@phone)' },
            ],
          },
        ],
      },
      null,
      2,
    );
    const m = parseDialog('bot/dialogs/profile/profile.dialog', src);
    assert.deepStrictEqual(
      m.variables.map((v) => [v.name, v.aliases, v.type, v.entities]),
      [
        ['dialog.age', ['$age'], 'number', ['number']],
        ['user.plan', undefined, 'categorical', undefined],
        ['user.phone', undefined, undefined, ['phonenumber', 'phone']],
      ],
    );
    assert.deepStrictEqual(
      m.prompts.map((p) => [p.variable, p.message]),
      [
        ['dialog.age', 'profile#triggers[0].actions[0].prompt'],
        ['user.plan', 'Plan_Prompt'],
        ['dialog.Name', 'Name_MissingPrompt'],
      ],
    );
    assert.deepStrictEqual(texts(message(m.messages, 'profile#c1.choices')), [
      [
        ['button', 'Basic'],
        ['button', 'Pro plan'],
      ],
    ]);
  });

  it('keeps IfCondition branches apart in the greeting and marks code it cannot see', () => {
    const src = JSON.stringify({
      $kind: 'Microsoft.AdaptiveDialog',
      triggers: [
        {
          $kind: 'Microsoft.OnConversationUpdateActivity',
          actions: [
            { $kind: 'Microsoft.SendActivity', activity: '${Hello()}' },
            {
              $kind: 'Microsoft.IfCondition',
              condition: 'exists(user.name)',
              actions: [{ $kind: 'Microsoft.SendActivity', activity: '${Returning()}' }],
              elseActions: [{ $kind: 'Microsoft.SendActivity', activity: '${New()}' }],
            },
            { $kind: 'Contoso.CustomGreeter' },
          ],
        },
      ],
    });
    const m = parseDialog('bot/bot.dialog', src);
    assert.deepStrictEqual(
      m.greetings.map((g) => [g.messages, g.opaque]),
      [
        [['Hello', 'Returning'], true],
        [['Hello', 'New'], true],
      ],
    );
  });

  it('ends the greeting at the first input: its question belongs to it, the answer after the user speaks does not', () => {
    const src = JSON.stringify({
      $kind: 'Microsoft.AdaptiveDialog',
      triggers: [
        {
          $kind: 'Microsoft.OnConversationUpdateActivity',
          actions: [
            {
              $kind: 'Microsoft.Foreach',
              itemsProperty: 'turn.Activity.membersAdded',
              actions: [
                { $kind: 'Microsoft.SendActivity', activity: '${Welcome()}' },
                {
                  $kind: 'Microsoft.IfCondition',
                  condition: 'exists(user.name)',
                  actions: [{ $kind: 'Microsoft.SendActivity', activity: '${Returning()}' }],
                  elseActions: [{ $kind: 'Microsoft.TextInput', prompt: '${AskName()}', property: 'user.name' }],
                },
                { $kind: 'Microsoft.SendActivity', activity: '${Thanks()}' },
              ],
            },
          ],
        },
      ],
    });
    const m = parseDialog('bot/bot.dialog', src);
    assert.deepStrictEqual(
      m.greetings.map((g) => g.messages),
      [
        ['Welcome', 'Returning', 'Thanks'],
        ['Welcome', 'AskName'],
      ],
    );
  });

  it('reads a Welcome dialog as a greeting by name, and a BeginDialog of a handoff dialog as a handoff', () => {
    const src = JSON.stringify({
      $kind: 'Microsoft.AdaptiveDialog',
      triggers: [
        { $kind: 'Microsoft.OnBeginDialog', actions: [{ $kind: 'Microsoft.SendActivity', activity: '${Hi()}' }] },
        { $kind: 'Microsoft.OnIntent', intent: 'Agent', actions: [{ $kind: 'Microsoft.BeginDialog', dialog: 'HandoffToHuman' }] },
      ],
    });
    const m = parseDialog('bot/dialogs/WelcomeDialog/WelcomeDialog.dialog', src);
    assert.deepStrictEqual(
      m.greetings.map((g) => [g.basis, g.messages]),
      [['name', ['Hi']]],
    );
    assert.deepStrictEqual(
      m.handoffs.map((h) => [h.kind, h.name]),
      [['action', 'HandoffToHuman']],
    );
  });

  it('tolerates a BOM left in place', () => {
    const src = '\ufeff{"$kind": "Microsoft.AdaptiveDialog", "triggers": [{"$kind": "Microsoft.OnConversationUpdateActivity", "actions": [{"$kind": "Microsoft.SendActivity", "activity": "Hi there"}]}]}';
    assert.strictEqual(dialogFormat.claims('bot/bot.dialog', src), true);
    const m = parseDialog('bot/bot.dialog', src);
    assert.deepStrictEqual(m.errors, []);
    assert.deepStrictEqual(
      m.greetings.map((g) => g.messages),
      [['bot#triggers[0].actions[0].activity']],
    );
    assert.deepStrictEqual(m.messages[0].variations[0].pieces[0].text.fullRange, rangeOf(src, 'Hi there'));
  });

  it('reports invalid JSON at its position and still reads what it can (CRLF, BOM-less)', () => {
    const src = '{\r\n  "$kind": "Microsoft.AdaptiveDialog",\r\n  "triggers": [\r\n    { "$kind": "Microsoft.OnConversationUpdateActivity", "actions": [ { "$kind": "Microsoft.SendActivity", "activity": "Hi \\u00e9 there" } ] }\r\n  ]\r\n  "oops": 1\r\n}\r\n';
    const m = parseDialog('bot/bot.dialog', src);
    assert.strictEqual(m.errors.length, 1);
    assert.match(m.errors[0].message, /Invalid JSON \(CommaExpected\)/);
    assert.strictEqual(m.errors[0].at.start, src.indexOf('"oops"'));
    const inline = m.messages[0].variations[0].pieces[0];
    assert.strictEqual(inline.text.value, 'Hi \u00e9 there');
    assert.deepStrictEqual(inline.text.range(3, 4), rangeOf(src, '\\u00e9'));
    assert.deepStrictEqual(inline.text.range(5, 10), rangeOf(src, 'there'));
  });
});
