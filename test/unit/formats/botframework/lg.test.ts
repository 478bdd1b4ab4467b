import * as assert from 'assert';
import { lgFormat, parseLg } from '../../../../server/src/formats/botframework/lg';
import { lineStartAt, message, rangeOf, sourceOf, texts } from './helpers';

describe('lg parser', () => {
  it('claims .lg files only', () => {
    assert.strictEqual(lgFormat.claims('a/b/main.en-us.lg', ''), true);
    assert.strictEqual(lgFormat.claims('a/b/main.lu', ''), false);
  });

  it('reads templates, variations and their exact ranges', () => {
    const src = '> greeting\n# Welcome(name)\n- Hi, I am a bot.\n-Second one   \n\n# Other\n* starred\n+ plussed\n';
    const m = parseLg('x.lg', src);
    assert.deepStrictEqual(m.errors, []);
    assert.strictEqual(m.commentPrefix, '>');
    const w = message(m.messages, 'Welcome');
    assert.deepStrictEqual(w.declaration, rangeOf(src, 'Welcome'));
    assert.strictEqual(w.role, 'response');
    assert.deepStrictEqual(texts(w), [[['text', 'Hi, I am a bot.']], [['text', 'Second one']]]);
    const first = w.variations[0].pieces[0].text;
    assert.deepStrictEqual(first.fullRange, rangeOf(src, 'Hi, I am a bot.'));
    assert.strictEqual(first.anchor, src.indexOf('- Hi'));
    assert.deepStrictEqual(first.encoding, { kind: 'lg' });
    assert.deepStrictEqual(w.variations[1].pieces[0].text.fullRange, rangeOf(src, 'Second one'));
    assert.deepStrictEqual(texts(message(m.messages, 'Other')), [[['text', 'starred']], [['text', 'plussed']]]);
  });

  it('turns memory paths into placeholders and template calls into calls and uses', () => {
    const src = '# T\n- Mail ${user.email}, ${toUpper(user.name)} ${$email} ${Footer()} ${Card(user.phone)}\n';
    const m = parseLg('x.lg', src);
    const piece = m.messages[0].variations[0].pieces[0];
    const value = piece.text.value;
    const ph = piece.placeholders.map((p) => [p.variable, value.slice(p.start, p.end), p.syntax]);
    assert.deepStrictEqual(ph, [
      ['user.email', '${user.email}', 'lg'],
      ['user.name', '${toUpper(user.name)}', 'lg'],
      ['dialog.email', '${$email}', 'lg'],
      ['user.phone', '${Card(user.phone)}', 'lg'],
    ]);
    assert.deepStrictEqual(
      piece.calls?.map((c) => [c.message, value.slice(c.start, c.end)]),
      [
        ['Footer', '${Footer()}'],
        ['Card', '${Card(user.phone)}'],
      ],
    );
    assert.deepStrictEqual(
      m.uses.map((u) => [u.message, u.at]),
      [
        ['Footer', rangeOf(src, '${Footer()}')],
        ['Card', rangeOf(src, '${Card(user.phone)}')],
      ],
    );
  });

  it('decodes escapes with exact offsets', () => {
    const src = '# T\n- Price \\${x} and \\- dash \\\\ back, then word\n';
    const piece = parseLg('x.lg', src).messages[0].variations[0].pieces[0];
    assert.strictEqual(piece.text.value, 'Price ${x} and - dash \\ back, then word');
    assert.deepStrictEqual(piece.placeholders, []);
    const i = piece.text.value.indexOf('word');
    assert.deepStrictEqual(piece.text.range(i, i + 4), rangeOf(src, 'word'));
    // the escaped `$` is one decoded char for two source chars
    const d = piece.text.value.indexOf('$');
    assert.deepStrictEqual(piece.text.range(d, d + 1), rangeOf(src, '\\$'));
  });

  it('gives IF/ELSEIF/ELSE and SWITCH/CASE/DEFAULT branches their conditions', () => {
    const src = [
      '# Greet',
      "- IF: ${hour < 12}",
      '    - Good morning',
      "- ELSEIF: ${hour < 18}",
      '    - Good afternoon',
      '- ELSE:',
      '    - Good evening',
      '    - Hello',
      '# Pick',
      '- SWITCH: ${user.plan}',
      "- CASE: ${'gold'}",
      '    - Welcome back, gold member',
      '- DEFAULT:',
      '    - Welcome',
      '',
    ].join('\n');
    const m = parseLg('x.lg', src);
    assert.deepStrictEqual(m.errors, []);
    const greet = message(m.messages, 'Greet');
    assert.deepStrictEqual(
      greet.variations.map((v) => [v.condition, v.pieces[0].text.value]),
      [
        ['hour < 12', 'Good morning'],
        ['hour < 18', 'Good afternoon'],
        ['else', 'Good evening'],
        ['else', 'Hello'],
      ],
    );
    assert.deepStrictEqual(greet.variations[0].pieces[0].text.fullRange, rangeOf(src, 'Good morning'));
    assert.deepStrictEqual(
      message(m.messages, 'Pick').variations.map((v) => [v.condition, v.pieces[0].text.value]),
      [
        ["user.plan == 'gold'", 'Welcome back, gold member'],
        ['default', 'Welcome'],
      ],
    );
  });

  it('reads structured Activity, cards and card actions as pieces', () => {
    const src = [
      '# Ask',
      '[Activity',
      '    Text = What is your ${Topic()}?',
      '> a comment inside',
      '    Speak = Tell me, please.',
      '    SuggestedActions = Yes | No thanks | ${Later()}',
      '    Attachments = ${HeroCard()}',
      '    InputHint = expectingInput',
      ']',
      '# HeroCard',
      '[HeroCard',
      '    title = Our offer',
      '    subtitle = Only for you',
      '    text = Pick a plan.',
      '    image = https://example.com/x.png',
      '    buttons = Buy now | ${cardAction()}',
      ']',
      '# cardAction',
      '[CardAction',
      '    Type = imBack',
      '    Title = Show more',
      '    Value = more',
      ']',
      '',
    ].join('\n');
    const m = parseLg('x.lg', src);
    assert.deepStrictEqual(m.errors, []);
    assert.deepStrictEqual(texts(message(m.messages, 'Ask')), [
      [
        ['text', 'What is your ${Topic()}?'],
        ['speech', 'Tell me, please.'],
        ['quick-reply', 'Yes'],
        ['quick-reply', 'No thanks'],
        ['quick-reply', '${Later()}'],
        ['card', '${HeroCard()}'],
      ],
    ]);
    const ask = message(m.messages, 'Ask').variations[0].pieces;
    assert.deepStrictEqual(ask[3].text.fullRange, rangeOf(src, 'No thanks'));
    assert.strictEqual(ask[3].text.anchor, lineStartAt(src, rangeOf(src, 'No thanks').start));
    assert.deepStrictEqual(texts(message(m.messages, 'HeroCard')), [
      [
        ['title', 'Our offer'],
        ['title', 'Only for you'],
        ['card', 'Pick a plan.'],
        ['button', 'Buy now'],
        ['button', '${cardAction()}'],
      ],
    ]);
    assert.deepStrictEqual(texts(message(m.messages, 'cardAction')), [[['button', 'Show more']]]);
    assert.deepStrictEqual(
      m.uses.map((u) => u.message),
      ['Topic', 'Later', 'HeroCard', 'cardAction'],
    );
  });

  it('reads a ``` block as one multi-line variation with exact offsets (CRLF too)', () => {
    const src = '# Help\r\n- ```Line one\r\nsecond ${user.name} line```\r\n- after\r\n';
    const m = parseLg('x.lg', src);
    assert.deepStrictEqual(m.errors, []);
    const [block, after] = message(m.messages, 'Help').variations.map((v) => v.pieces[0]);
    assert.strictEqual(block.text.value, 'Line one\nsecond ${user.name} line');
    assert.deepStrictEqual(block.text.fullRange, { start: src.indexOf('Line one'), end: src.indexOf(' line```') + 5 });
    const second = block.text.value.indexOf('second');
    assert.deepStrictEqual(block.text.range(second, second + 6), rangeOf(src, 'second'));
    assert.deepStrictEqual(block.placeholders.map((p) => p.variable), ['user.name']);
    assert.strictEqual(after.text.value, 'after');
  });

  it('extracts Adaptive Card strings from a JSON block without choking on base64', () => {
    const base64 = 'A'.repeat(2_000_000);
    const src = [
      '# Card',
      '- ```',
      '{',
      '  "type": "AdaptiveCard",',
      `  "backgroundImage": "data:image/png;base64,${base64}",`,
      '  "speak": "Welcome aboard",',
      '  "body": [',
      '    { "type": "Image", "url": "https://example.com/a.png" },',
      '    { "type": "TextBlock", "text": "Hello \\"friend\\", ${user.name}" },',
      '    { "type": "FactSet", "facts": [ { "title": "Mail", "value": "${user.email}" } ] },',
      '    { "type": "TextBlock", "text": "${Title()}" }',
      '  ],',
      '  "items": ${json(More())},',
      '  "actions": [ { "type": "Action.Submit", "title": "Start" } ]',
      '}',
      '```',
      '',
    ].join('\n');
    const t0 = Date.now();
    const m = parseLg('x.lg', src);
    assert.ok(Date.now() - t0 < 2000, 'linear in the size of the card');
    assert.deepStrictEqual(m.errors, []);
    const v = message(m.messages, 'Card').variations;
    assert.strictEqual(v.length, 1);
    assert.deepStrictEqual(
      v[0].pieces.map((p) => [p.role, p.text.value]),
      [
        ['speech', 'Welcome aboard'],
        ['card', 'Hello "friend", ${user.name}'],
        ['card', 'Mail'],
        ['card', '${user.email}'],
        ['card', '${Title()}'],
        ['button', 'Start'],
      ],
    );
    const hello = v[0].pieces[1];
    assert.deepStrictEqual(hello.text.encoding, { kind: 'json' });
    assert.strictEqual(sourceOf(src, hello), 'Hello \\"friend\\", ${user.name}');
    assert.strictEqual(hello.text.anchor, src.indexOf('- ```'));
    assert.deepStrictEqual(hello.placeholders.map((p) => p.variable), ['user.name']);
    assert.deepStrictEqual(v[0].pieces[3].placeholders.map((p) => p.variable), ['user.email']);
    assert.deepStrictEqual(m.uses.map((u) => u.message), ['Title', 'More']);
  });

  it('reads an expression that spans lines', () => {
    const src = "# T\n- ${if(user.vip,\n    'Hello VIP',\n    'Hello')}\n- next\n";
    const m = parseLg('x.lg', src);
    assert.deepStrictEqual(m.errors, []);
    const v = m.messages[0].variations;
    assert.deepStrictEqual(
      v.map((x) => x.pieces[0].text.value),
      ["${if(user.vip,\n    'Hello VIP',\n    'Hello')}", 'next'],
    );
    assert.deepStrictEqual(v[0].pieces[0].placeholders.map((p) => p.variable), ['user.vip']);
  });

  it('takes the language from the file name or the locale folder, and skips imports and options', () => {
    const src = '[import](common.lg)\n> !# @Namespace = foo\n# T\n- Hallo\n';
    assert.strictEqual(parseLg('bot/main.de-de.lg', src).lang, 'de');
    const m = parseLg('bot/language-generation/de-de/main.lg', src);
    assert.strictEqual(m.lang, 'de');
    assert.strictEqual(m.messages[0].variations[0].lang, 'de');
    assert.deepStrictEqual(m.errors, []);
    assert.strictEqual(parseLg('bot/main.lg', src).lang, undefined);
  });

  it('survives a BOM that was not stripped', () => {
    const src = '\ufeff# T\n- hi\n';
    const m = parseLg('x.lg', src);
    assert.deepStrictEqual(m.errors, []);
    assert.deepStrictEqual(message(m.messages, 'T').declaration, rangeOf(src, 'T'));
  });

  it('marks greetings by name and prompts by name', () => {
    const m = parseLg('x.lg', '# WelcomeUser\n- hi\n# TextInput_Prompt_x1()\n- Your e-mail?\n# Bye\n- bye\n');
    assert.deepStrictEqual(
      m.greetings.map((g) => [g.messages, g.basis]),
      [[['WelcomeUser'], 'name']],
    );
    assert.strictEqual(message(m.messages, 'TextInput_Prompt_x1').role, 'prompt');
    assert.strictEqual(message(m.messages, 'Bye').role, 'response');
  });

  it('reports broken structure with a position and keeps parsing', () => {
    const src = ['- stray variation', '# A', '- ok ${user.name', '- still read', '# B', '[Activity', '    Text = unclosed', '# C', '- Hi {name} there', '- fine', ''].join('\n');
    const m = parseLg('x.lg', src);
    assert.deepStrictEqual(
      m.errors.map((e) => [e.message.split(':')[0], src.slice(e.at.start, e.at.end)]),
      [
        ['Variation outside any template', '- stray variation'],
        ['This `${` expression is never closed with `}`.', '${'],
        ['This structured template is never closed with `]`.', '[Activity'],
        ['Placeholder without `$`', '{name}'],
      ],
    );
    assert.deepStrictEqual(texts(message(m.messages, 'A')), [[['text', 'ok ${user.name']], [['text', 'still read']]]);
    assert.deepStrictEqual(texts(message(m.messages, 'B')), [[['text', 'unclosed']]]);
    assert.deepStrictEqual(texts(message(m.messages, 'C')), [[['text', 'Hi {name} there']], [['text', 'fine']]]);
  });

  it('reports text that is not LG once per run of lines', () => {
    const src = '# A\n- ok\nplain text\nmore text\n- ok too\n';
    const m = parseLg('x.lg', src);
    assert.deepStrictEqual(
      m.errors.map((e) => src.slice(e.at.start, e.at.end)),
      ['plain text'],
    );
    assert.strictEqual(message(m.messages, 'A').variations.length, 2);
  });
});
