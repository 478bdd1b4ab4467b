import * as assert from 'assert';
import { parseFile } from '../../../../server/src/core/project';
import { dialogflowCx } from '../../../../server/src/formats/dialogflow/cx';
import { dialogflowEs } from '../../../../server/src/formats/dialogflow/es';
import { formatFor } from '../../../../server/src/formats';

function claimedBy(path: string, text: string): string | undefined {
  return formatFor(path, text)?.id;
}

describe('Dialogflow detection', () => {
  const notBotFiles: [string, string][] = [
    ['package.json', '{"name": "bot", "displayName": "Bot", "version": "1.0.0", "contributes": {"commands": []}}'],
    ['tsconfig.json', '{"compilerOptions": {"strict": true}, "include": ["src"]}'],
    ['appsettings.json', '{"MicrosoftAppId": "", "defaultLanguage": "en-us", "luis": {"name": "x"}, "runtime": {"command": "dotnet run"}}'],
    ['data/nlu.json', '{"rasa_nlu_data": {"common_examples": [{"text": "hi", "intent": "greet", "entities": []}]}}'],
    ['cards/welcome.json', '{"type": "AdaptiveCard", "version": "1.3", "body": [{"type": "TextBlock", "text": "Hi guys"}]}'],
    ['.vscode/launch.json', '{"version": "0.2.0", "configurations": [{"type": "node", "name": "Launch", "request": "launch"}]}'],
    ['tools/agent.json', '{"name": "agent", "language": "python", "entry": "main.py"}'],
    ['entities/product_entries_en.json', '[{"value": "shoe", "synonyms": ["shoe", "sneaker"]}]'],
    ['agent/generativeSettings/en.json', '{"fallbackSettings": {"promptTemplates": [{"displayName": "P", "promptText": "You are nice."}]}, "languageCode": "en"}'],
    ['agent/generators/G/phrases/en.json', '{"promptTexts": [{"text": "Greet the user.", "languageCode": "en"}]}'],
    ['agent/entityTypes/size/size.json', '{"name": "e", "displayName": "size", "kind": "KIND_MAP"}'],
    ['agent/testCases/t1.json', '{"name": "t", "displayName": "Greets", "testCaseConversationTurns": [{"userInput": {"input": {"text": {"text": "hi"}}}}]}'],
    ['agent/playbooks/Helper/Helper.json', '{"name": "pb", "displayName": "Helper", "goal": "Help.", "instruction": {"steps": [{"text": "Ask."}]}}'],
    ['web/pages/index.json', '{"displayName": "Home", "title": "Start", "form": {"fields": [{"name": "q"}]}}'],
    ['intents/x.yml', '{"name": "x", "responses": [], "webhookUsed": false}'],
    ['intents/empty.json', ''],
    ['intents/null.json', 'null'],
    ['intents/list.json', '[1, 2]'],
  ];
  for (const [path, text] of notBotFiles) {
    it(`does not claim ${path}`, () => {
      assert.strictEqual(dialogflowEs.claims(path, text), false);
      assert.strictEqual(dialogflowCx.claims(path, text), false);
      assert.strictEqual(parseFile(path, text), undefined);
    });
  }

  it('tells ES and CX apart by content', () => {
    assert.strictEqual(claimedBy('a/agent.json', '{"language": "en", "webhook": {"url": ""}}'), 'dialogflow-es');
    assert.strictEqual(claimedBy('a/agent.json', '{"defaultLanguageCode": "en", "startFlow": "Default Start Flow"}'), 'dialogflow-cx');
    assert.strictEqual(claimedBy('a/intents/Hi.json', '{"name": "Hi", "responses": [], "contexts": []}'), 'dialogflow-es');
    assert.strictEqual(claimedBy('a/intents/Hi/Hi.json', '{"name": "1", "displayName": "Hi", "priority": 500000}'), 'dialogflow-cx');
    assert.strictEqual(claimedBy('a/intents/Hi_usersays_de.json', '[{"data": [{"text": "hallo"}], "isTemplate": false}]'), 'dialogflow-es');
    assert.strictEqual(claimedBy('a/intents/Hi/trainingPhrases/de.json', '{"trainingPhrases": [{"parts": [{"text": "hallo"}]}]}'), 'dialogflow-cx');
    assert.strictEqual(claimedBy('a/webhooks/w.json', '{"displayName": "w", "genericWebService": {"uri": "https://x.example"}}'), 'dialogflow-cx');
    // a page outside its folder is still a page by its keys
    assert.strictEqual(claimedBy('loose.json', '{"displayName": "P", "entryFulfillment": {}}'), 'dialogflow-cx');
    assert.strictEqual(claimedBy('flows/F/F.json', '{"displayName": "F", "transitionRoutes": []}'), 'dialogflow-cx');
    assert.strictEqual(claimedBy('a/intents/Hi/Hi-v2.json', '{"displayName": "Hi", "parameters": [{"id": "x", "entityType": "@sys.any"}]}'), 'dialogflow-cx');
    assert.strictEqual(claimedBy('a/intents/Hi/notes.json', '{"displayName": "Hi", "author": "me"}'), undefined);
  });

  it('reads names with %3a and spaces from usersays file names', () => {
    const m = parseFile('bot/intents/faq%3aopening hours_usersays_de.json', '[{"data": [{"text": "Wann habt ihr auf?"}], "isTemplate": false, "count": 0}]');
    assert.ok(m);
    assert.deepStrictEqual(m.examples.map((e) => [e.intent, e.lang, e.text.value]), [['faq:opening hours', 'de', 'Wann habt ihr auf?']]);
  });

  it('reports broken ES JSON at the exact position and keeps what it could read', () => {
    const text = '{\n  "name": "hi",\n  "responses": [{"messages": [{"type": 0, "speech": "Hello guys"}]}]\n  "webhookUsed": false\n}';
    const m = parseFile('intents/hi.json', text);
    assert.ok(m);
    assert.strictEqual(m.format, 'dialogflow-es');
    assert.deepStrictEqual(m.errors.map((e) => [e.message, e.at]), [['invalid JSON: comma expected', { start: text.indexOf('"webhookUsed"'), end: text.indexOf('"webhookUsed"') + 13 }]]);
    assert.deepStrictEqual(m.messages.map((x) => x.variations[0].pieces[0].text.value), ['Hello guys']);
  });

  it('reports a trailing comma and an unterminated string in CX files', () => {
    const trailing = '{"displayName": "P", "entryFulfillment": {"messages": [{"text": {"text": ["Hi"]}},]}}';
    const page = parseFile('flows/F/pages/P.json', trailing);
    assert.ok(page);
    assert.strictEqual(page.format, 'dialogflow-cx');
    const comma = trailing.indexOf(',]');
    assert.deepStrictEqual(page.errors.map((e) => [e.message, e.at]), [['invalid JSON: value expected', { start: comma + 1, end: comma + 2 }]]);
    assert.deepStrictEqual(page.messages.map((x) => x.id), ['F/P#entry']);

    const open = '{"displayName": "P", "entryFulfillment": {"messages": [{"text": {"text": ["Hi there';
    const cut = parseFile('flows/F/pages/P.json', open);
    assert.ok(cut);
    assert.ok(cut.errors.length > 0);
    assert.deepStrictEqual(cut.errors[0].at, { start: open.indexOf('"Hi there'), end: open.length });
    assert.strictEqual(cut.errors[0].message, 'invalid JSON: unexpected end of string');
  });

  it('claims a broken file where an export keeps it, even when nothing could be read', () => {
    const text = '{"displayName": "P" "transitionRoutes": [';
    const m = parseFile('agent/flows/F/F.json', text);
    assert.ok(m);
    assert.strictEqual(m.format, 'dialogflow-cx');
    assert.ok(m.errors.length >= 1);
    assert.deepStrictEqual(m.errors[0].at, { start: text.indexOf('"transitionRoutes"'), end: text.indexOf('"transitionRoutes"') + 18 });
  });

  it('rejects comments (Dialogflow imports strict JSON)', () => {
    const text = '{\n  // note\n  "name": "hi", "responses": [], "webhookUsed": false\n}';
    const m = parseFile('intents/hi.json', text);
    assert.ok(m);
    assert.deepStrictEqual(m.errors.map((e) => [e.message, e.at]), [['invalid JSON: invalid comment token', { start: 4, end: 11 }]]);
  });
});
