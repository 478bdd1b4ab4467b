import * as assert from 'assert';
import { luFormat, parseLu } from '../../../../server/src/formats/botframework/lu';
import { parseQna, qnaFormat } from '../../../../server/src/formats/botframework/qna';
import { message, rangeOf, sourceOf, texts } from './helpers';

describe('lu parser', () => {
  it('claims .lu files only', () => {
    assert.strictEqual(luFormat.claims('x/y.en-us.lu', ''), true);
    assert.strictEqual(luFormat.claims('x/y.lg', ''), false);
  });

  it('reads intents and utterances as training examples, never as bot text', () => {
    const src = '> comment\n> !# @app.name = demo\n[import](other.lu)\n# Greet\n- hello there   \n- hi {@name=Jane Doe}\n\n## Help\n* what can you do\n';
    const m = parseLu('bot/language-understanding/en-us/bot.en-us.lu', src);
    assert.deepStrictEqual(m.errors, []);
    assert.strictEqual(m.commentPrefix, '>');
    assert.strictEqual(m.lang, 'en');
    assert.deepStrictEqual(m.messages, []);
    assert.deepStrictEqual(
      m.intents.map((i) => [i.name, i.declaration, i.responses]),
      [
        ['Greet', rangeOf(src, 'Greet'), []],
        ['Help', rangeOf(src, 'Help'), []],
      ],
    );
    assert.deepStrictEqual(
      m.examples.map((e) => [e.intent, e.text.value, e.text.fullRange, e.lang]),
      [
        ['Greet', 'hello there', rangeOf(src, 'hello there'), 'en'],
        ['Greet', 'hi {@name=Jane Doe}', rangeOf(src, 'hi {@name=Jane Doe}'), 'en'],
        ['Help', 'what can you do', rangeOf(src, 'what can you do'), 'en'],
      ],
    );
    assert.strictEqual(m.examples[0].text.anchor, src.indexOf('- hello'));
  });

  it('types prebuilt entities (and their roles) as variables; list synonyms and ml children are not utterances', () => {
    const src = [
      '@ prebuilt email',
      '@ prebuilt personName hasRoles firstName, lastName',
      '@ prebuilt age userAge',
      '@ prebuilt number',
      '$PREBUILT:phonenumber',
      '@ list plan =',
      '    - gold :',
      '        - premium',
      '@ ml address',
      '    - @ number houseNumber',
      '# Order',
      '- buy {@plan=gold}',
      '',
    ].join('\n');
    const m = parseLu('x.lu', src);
    assert.deepStrictEqual(m.errors, []);
    assert.deepStrictEqual(
      m.variables.map((v) => [v.name, v.entities, v.type, v.aliases?.[0]]),
      [
        ['email', ['prebuilt:email'], undefined, '@email'],
        ['personName', ['prebuilt:personName'], undefined, '@personName'],
        ['firstName', ['prebuilt:personName'], undefined, '@firstName'],
        ['lastName', ['prebuilt:personName'], undefined, '@lastName'],
        ['age', ['prebuilt:age'], undefined, '@age'],
        ['userAge', ['prebuilt:age'], undefined, '@userAge'],
        ['number', ['prebuilt:number'], 'number', '@number'],
        ['phonenumber', ['prebuilt:phonenumber'], undefined, '@phonenumber'],
      ],
    );
    assert.deepStrictEqual(m.variables[0].declaration, rangeOf(src, 'email'));
    assert.deepStrictEqual(
      m.examples.map((e) => e.text.value),
      ['buy {@plan=gold}'],
    );
  });

  it('treats a heading followed by deeper headings as a section, not an intent', () => {
    const m = parseLu('x.lu', '# Section\n## First\n- one\n## Second\n- two\n');
    assert.deepStrictEqual(
      m.intents.map((i) => i.name),
      ['First', 'Second'],
    );
  });

  it('reports an utterance outside any intent once, and keeps reading', () => {
    const src = '- lost one\n- lost two\n# Real\n- found\n';
    const m = parseLu('x.lu', src);
    assert.deepStrictEqual(
      m.errors.map((e) => src.slice(e.at.start, e.at.end)),
      ['- lost one'],
    );
    assert.deepStrictEqual(
      m.examples.map((e) => e.text.value),
      ['found'],
    );
  });
});

describe('qna parser', () => {
  it('claims .qna files only', () => {
    assert.strictEqual(qnaFormat.claims('kb/x.qna', ''), true);
    assert.strictEqual(qnaFormat.claims('kb/x.lu', ''), false);
  });

  it('reads questions as examples and the fenced answer as bot text with exact offsets', () => {
    const src = [
      '> !# @qna.pair.source = editorial',
      '<a id = "1"></a>',
      '',
      '### ? Are you a person?',
      '- Am I talking to a human?',
      '',
      '**Filters:**',
      '- topic = identity',
      '',
      '```markdown',
      '    I am a virtual assistant.',
      '      Ask me anything.',
      '```',
      '',
      '**Prompts:**',
      '- [Talk to a human](#?talk-to-human) `context-only`',
      '',
    ].join('\r\n');
    const m = parseQna('kb/en-us/faq.en-us.qna', src);
    assert.deepStrictEqual(m.errors, []);
    assert.strictEqual(m.lang, 'en');
    const id = 'qna:Are you a person?';
    const answer = message(m.messages, id);
    assert.strictEqual(answer.role, 'answer');
    assert.deepStrictEqual(answer.declaration, rangeOf(src, 'Are you a person?'));
    assert.deepStrictEqual(texts(answer), [
      [
        ['text', 'I am a virtual assistant.\n  Ask me anything.'],
        ['button', 'Talk to a human'],
      ],
    ]);
    const text = answer.variations[0].pieces[0].text;
    const ask = text.value.indexOf('Ask');
    assert.deepStrictEqual(text.range(ask, ask + 3), rangeOf(src, 'Ask'));
    assert.strictEqual(text.sourceStart(0), src.indexOf('I am a virtual'));
    assert.strictEqual(text.anchor, src.indexOf('```markdown'));
    assert.strictEqual(sourceOf(src, answer.variations[0].pieces[1]), 'Talk to a human');
    assert.deepStrictEqual(
      m.examples.map((e) => [e.intent, e.text.value]),
      [
        [id, 'Are you a person?'],
        [id, 'Am I talking to a human?'],
      ],
    );
    assert.deepStrictEqual(
      m.intents.map((i) => [i.name, i.responses]),
      [[id, [id]]],
    );
  });

  it('reads a one-line fenced answer, skips cross-training routing answers', () => {
    const src = '# ? hi\n```Hello, I am a bot.```\n# ? weather\n```\nintent=DeferToRecognizer_LUIS_Bot\n```\n';
    const m = parseQna('x.qna', src);
    assert.deepStrictEqual(m.errors, []);
    assert.deepStrictEqual(texts(message(m.messages, 'qna:hi')), [[['text', 'Hello, I am a bot.']]]);
    assert.deepStrictEqual(message(m.messages, 'qna:hi').variations[0].pieces[0].text.fullRange, rangeOf(src, 'Hello, I am a bot.'));
    assert.deepStrictEqual(message(m.messages, 'qna:weather').variations, []);
  });

  it('reports a question without an answer and an unclosed answer, and keeps reading', () => {
    const src = '# ? first\n- alt\n# ? second\n```\nsecond answer\n';
    const m = parseQna('x.qna', src);
    assert.deepStrictEqual(
      m.errors.map((e) => [e.message.split(':')[0], src.slice(e.at.start, e.at.end)]),
      [
        ['Question without an answer', 'first'],
        ['This answer block is never closed with ```.', '```'],
      ],
    );
    assert.deepStrictEqual(texts(message(m.messages, 'qna:second')), [[['text', 'second answer']]]);
  });
});
