/**
 * The LSP layer in-process over in-memory streams, with two test rules
 * (support/test-rules.ts) over the real format parsers: exact ranges, fixes,
 * stale versions, fix-all, hovers, settings and config layering, cross-file
 * re-checks, closing, the workspace check. The built bundle with the real
 * rules is tested in server.test.ts.
 */
import * as assert from 'assert';
import { createConnection, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { startServer, type ServerOptions } from '../../server/src/lsp/session';
import { FIX_ALL_KIND, type DiagnosticData } from '../../server/src/lsp/protocol';
import { applyWorkspaceEdit, brief, LspTestClient, type StartOptions } from './support/lsp-client';
import { testHandoffRule, testWordRule } from './support/test-rules';
import { rangeOf, TempWorkspace } from './support/workspace';

const MAIN_LG = '# Welcome\n- Hi guys, welcome!\n- Hello there\n';
const HELP_LG = '# Help\n- I can help you with orders.\n';

function startInMemory(options: StartOptions, server: ServerOptions = {}): Promise<LspTestClient> {
  return LspTestClient.inMemory(options, (input, output) =>
    startServer(createConnection(new StreamMessageReader(input), new StreamMessageWriter(output)), { rules: [testWordRule, testHandoffRule], debounceMs: 5, ...server }),
  );
}

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));

describe('LSP handlers (in-process, test rules)', function () {
  this.timeout(20_000);
  let ws: TempWorkspace;
  let client: LspTestClient;

  beforeEach(async () => {
    ws = new TempWorkspace({ 'main.lg': MAIN_LG, 'help.lg': HELP_LG });
    client = await startInMemory({ workspaceFolder: ws.root });
  });
  afterEach(async () => {
    await client.shutdown();
    ws.remove();
  });

  it('publishes a finding with exact range, severity, code, doc link and typed fix data', async () => {
    const uri = ws.uri('main.lg');
    await client.open(uri, MAIN_LG, 'lg');
    const ds = await client.waitForCurrent(uri, (d) => d.length > 0);
    assert.deepStrictEqual(ds.map(brief), ['bias.wording@1:5-1:9']);
    const d = ds[0];
    assert.deepStrictEqual(d.range, rangeOf(MAIN_LG, 'guys'));
    assert.strictEqual(d.severity, DiagnosticSeverity.Warning);
    assert.strictEqual(d.source, 'bot-ethics');
    assert.strictEqual(d.message, '"guys" excludes people.');
    assert.strictEqual(d.codeDescription?.href, 'https://github.com/bot-ethics/bot-ethics/blob/main/docs/rules/bias.wording.md');
    const data = d.data as DiagnosticData;
    assert.strictEqual(data.version, 1);
    assert.deepStrictEqual(data.details, { term: 'guys' });
    assert.deepStrictEqual(
      data.fixes.map((f) => [f.title, f.preferred ?? false]),
      [
        ['Replace with "everyone"', true],
        ['Suppress bias.wording on the next line', false],
      ],
    );
    assert.deepStrictEqual(data.fixes[0].edits, [{ uri, range: rangeOf(MAIN_LG, 'guys'), newText: 'everyone' }]);
  });

  it('offers the fixes as quick fixes; applying one and sending the change clears the finding', async () => {
    const uri = ws.uri('main.lg');
    await client.open(uri, MAIN_LG, 'lg');
    const [d] = await client.waitForCurrent(uri, (ds) => ds.length > 0);
    const actions = (await client.codeActions(uri, d.range, [d])) as CodeAction[];
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['Replace with "everyone"', 'quickfix', true],
        ['Suppress bias.wording on the next line', 'quickfix', false],
      ],
    );
    assert.deepStrictEqual(actions[0].diagnostics, [d]);
    // the edit is versioned: an editor refuses it once the document moved on
    const change = actions[0].edit!.documentChanges![0] as { textDocument: { uri: string; version: number } };
    assert.deepStrictEqual(change.textDocument, { uri, version: 1 });
    const fixed = applyWorkspaceEdit(actions[0].edit!, uri, MAIN_LG);
    assert.strictEqual(fixed, '# Welcome\n- Hi everyone, welcome!\n- Hello there\n');
    await client.replaceText(uri, fixed);
    assert.deepStrictEqual(await client.waitForCurrent(uri), []);

    const suppressed = applyWorkspaceEdit(actions[1].edit!, uri, MAIN_LG);
    assert.strictEqual(suppressed, '# Welcome\n> bot-ethics-disable-next-line bias.wording\n- Hi guys, welcome!\n- Hello there\n');
    await client.replaceText(uri, suppressed);
    assert.deepStrictEqual(await client.waitForCurrent(uri), []);
  });

  it('offers no fix from a diagnostic made for an older version of the document', async () => {
    const uri = ws.uri('main.lg');
    await client.open(uri, MAIN_LG, 'lg');
    const [old] = await client.waitForCurrent(uri, (ds) => ds.length > 0);
    const text = MAIN_LG.replace('welcome!', 'welcome, friends!');
    await client.replaceText(uri, text);
    const [fresh] = await client.waitForCurrent(uri, (ds) => ds.length > 0);
    assert.strictEqual((fresh.data as DiagnosticData).version, 2);
    assert.deepStrictEqual(await client.codeActions(uri, old.range, [old]), []);
    assert.strictEqual(((await client.codeActions(uri, fresh.range, [fresh])) as CodeAction[]).length, 2);
  });

  it('ignores foreign and malformed diagnostics; without ours in the context, offers the fixes at the range', async () => {
    const uri = ws.uri('main.lg');
    await client.open(uri, MAIN_LG, 'lg');
    const [d] = await client.waitForCurrent(uri, (ds) => ds.length > 0);
    const titles = (as: CodeAction[] | null) => (as ?? []).map((a) => a.title);
    const expected = ['Replace with "everyone"', 'Suppress bias.wording on the next line'];
    const foreign = { ...d, source: 'eslint' };
    const broken = { ...d, data: { version: 1, fixes: [{ title: 'x', edits: [{ uri, range: null, newText: 'y' }] }] } };
    assert.deepStrictEqual(titles(await client.codeActions(uri, d.range, [foreign, broken as unknown as Diagnostic])), expected);
    assert.deepStrictEqual(titles(await client.codeActions(uri, d.range, [])), expected);
    assert.deepStrictEqual(titles(await client.codeActions(uri, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, [])), []);
    // Neovim 0.7 echoes only code and data
    const partial = { code: d.code, data: d.data } as unknown as Diagnostic;
    assert.deepStrictEqual(titles(await client.codeActions(uri, d.range, [partial])), expected);
  });

  it('fix all: every preferred fix of the document in one edit, only when asked for source actions', async () => {
    const uri = ws.uri('main.lg');
    const text = '# Welcome\n- Hi guys, welcome!\n- Hello guys and GUYS\n';
    await client.open(uri, text, 'lg');
    await client.waitForCurrent(uri, (ds) => ds.length === 3);
    const whole = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    const unasked = ((await client.codeActions(uri, whole, [])) as CodeAction[]).map((a) => a.kind);
    assert.deepStrictEqual([...new Set(unasked)], ['quickfix'], 'no source action unless requested');
    for (const only of [['source.fixAll'], [FIX_ALL_KIND], ['source']]) {
      const actions = (await client.codeActions(uri, whole, [], only)) as CodeAction[];
      assert.deepStrictEqual(
        actions.map((a) => [a.title, a.kind]),
        [['Fix all bot-ethics problems', FIX_ALL_KIND]],
        `only ${only.join(',')}`,
      );
      assert.strictEqual(applyWorkspaceEdit(actions[0].edit!, uri, text), '# Welcome\n- Hi everyone, welcome!\n- Hello everyone and everyone\n');
    }
    assert.deepStrictEqual(await client.codeActions(uri, whole, [], ['refactor']), []);
  });

  it('fix all checks the current text first when the document changed since the last publish', async () => {
    const uri = ws.uri('main.lg');
    await client.open(uri, MAIN_LG, 'lg');
    await client.waitForCurrent(uri, (ds) => ds.length === 1);
    const text = MAIN_LG + '- See you guys\n';
    await client.replaceText(uri, text); // no waiting: the request must see version 2
    const whole = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
    const [action] = (await client.codeActions(uri, whole, [], ['source.fixAll'])) as CodeAction[];
    assert.strictEqual(applyWorkspaceEdit(action.edit!, uri, text), MAIN_LG.replace('guys', 'everyone') + '- See you everyone\n');
  });

  it('hover shows message, explanation, sources and link over a finding, nothing elsewhere', async () => {
    const uri = ws.uri('main.lg');
    await client.open(uri, MAIN_LG, 'lg');
    await client.waitForCurrent(uri, (ds) => ds.length > 0);
    const hover = await client.hover(uri, { line: 1, character: 7 });
    assert.ok(hover);
    assert.deepStrictEqual(hover.range, rangeOf(MAIN_LG, 'guys'));
    const value = (hover.contents as { kind: string; value: string }).value;
    assert.strictEqual((hover.contents as { kind: string }).kind, 'markdown');
    assert.strictEqual(
      value,
      [
        '**"guys" excludes people.** `bias.wording`',
        '**Gendered generic term**',
        'It leaves people out.',
        '**How to fix:** Say *everyone*.',
        'Sources: Test source A; Test source B',
        '[Rule documentation](https://github.com/bot-ethics/bot-ethics/blob/main/docs/rules/bias.wording.md)',
      ].join('\n\n'),
    );
    assert.strictEqual(await client.hover(uri, { line: 2, character: 3 }), null);
    assert.strictEqual(await client.hover(uri, { line: 999, character: 999 }), null, 'out-of-range position');
    assert.strictEqual(await client.hover(ws.uri('not-open.lg'), { line: 0, character: 0 }), null);
  });

  it('settings change severities and turn rules off; the config file wins over settings', async () => {
    const uri = ws.uri('main.lg');
    await client.open(uri, MAIN_LG, 'lg');
    await client.waitForCurrent(uri, (ds) => ds[0]?.severity === DiagnosticSeverity.Warning);
    await client.changeSettings({ rules: { 'bias.wording': 'error' } });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Error);
    await client.changeSettings({ rules: { 'bias.wording': 'off' } });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);

    // the config file appears on disk: it overrides the setting
    ws.write('.bot-ethics.yml', 'rules:\n  bias.wording: info\n');
    await client.watchedFiles([{ uri: ws.uri('.bot-ethics.yml'), type: 1 }]);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Information);
  });

  it('re-checks when the config file is edited in the editor, and reports its problems on it', async () => {
    ws.write('.bot-ethics.yml', 'rules:\n  bias.wording: error\n');
    const uri = ws.uri('main.lg');
    await client.open(uri, MAIN_LG, 'lg');
    await client.waitForCurrent(uri, (ds) => ds[0]?.severity === DiagnosticSeverity.Error);
    const configUri = ws.uri('.bot-ethics.yml');
    const bad = 'rules:\n  bias.wording: off\n  no.such: error\n';
    await client.open(configUri, 'rules:\n  bias.wording: error\n');
    await client.replaceText(configUri, bad); // unsaved: the editor's text counts
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    const problems = await client.waitForCurrent(configUri, (ds) => ds.length > 0);
    assert.deepStrictEqual(problems.map(brief), ['config.error@2:2-2:9']);
    assert.match(String(problems[0].message), /Unknown rule `no\.such`/);
    // closing without saving: the file on disk applies again
    await client.close(configUri);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Error);
  });

  it('a change in one file re-checks the other open files of the project', async () => {
    const main = ws.uri('main.lg');
    const help = ws.uri('help.lg');
    await client.open(main, MAIN_LG, 'lg');
    await client.open(help, HELP_LG, 'lg');
    // the project-wide finding lands on the project's main file (first by name: help.lg)
    const ds = await client.waitForCurrent(help, (d) => d.length > 0);
    assert.deepStrictEqual(ds.map(brief), ['autonomy.handoff@0:0-0:6']);
    assert.strictEqual(ds[0].severity, DiagnosticSeverity.Information);
    await client.replaceText(main, MAIN_LG + '- Or talk to a human.\n');
    await client.waitForDiagnostics(help, (p) => p.diagnostics.length === 0);
  });

  it('files created and deleted on disk join and leave the project', async () => {
    const help = ws.uri('help.lg');
    await client.open(help, HELP_LG, 'lg');
    await client.waitForCurrent(help, (ds) => ds.some((d) => d.code === 'autonomy.handoff'));
    ws.write('handoff.lg', '# Handoff\n- Let me get a human colleague for you.\n');
    await client.watchedFiles([{ uri: ws.uri('handoff.lg'), type: 1 }]);
    await client.waitForDiagnostics(help, (p) => p.diagnostics.length === 0);
    ws.delete('handoff.lg');
    await client.watchedFiles([{ uri: ws.uri('handoff.lg'), type: 3 }]);
    await client.waitForDiagnostics(help, (p) => p.diagnostics.some((d) => d.code === 'autonomy.handoff'));
  });

  it('handles paths with spaces and umlauts', async () => {
    const rel = 'Bürger Service/main.lg';
    ws.write(rel, MAIN_LG);
    const uri = ws.uri(rel);
    assert.match(uri, /B%C3%BCrger%20Service\/main\.lg$/);
    await client.open(uri, MAIN_LG, 'lg');
    const ds = await client.waitForCurrent(uri, (all) => all.some((d) => d.code === 'bias.wording'));
    const d = ds.find((x) => x.code === 'bias.wording')!;
    assert.deepStrictEqual((d.data as DiagnosticData).fixes[0].edits[0].uri, uri);
  });

  it('maps positions through CRLF and lone CR line ends', async () => {
    for (const [name, eol] of [['crlf.lg', '\r\n'], ['cr.lg', '\r']]) {
      const text = MAIN_LG.replace(/\n/g, eol);
      const uri = ws.uri(name);
      await client.open(uri, text, 'lg');
      const ds = await client.waitForCurrent(uri, (all) => all.some((d) => d.code === 'bias.wording'));
      assert.deepStrictEqual(ds.find((d) => d.code === 'bias.wording')!.range, rangeOf(text, 'guys'), name);
      assert.deepStrictEqual(rangeOf(text, 'guys'), { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } });
      // the suppression comment keeps the file's line ends
      const d = ds.find((x) => x.code === 'bias.wording')!;
      const actions = (await client.codeActions(uri, d.range, [d])) as CodeAction[];
      const suppress = actions.find((a) => a.title.startsWith('Suppress'))!;
      assert.strictEqual(applyWorkspaceEdit(suppress.edit!, uri, text), `# Welcome${eol}> bot-ethics-disable-next-line bias.wording${eol}- Hi guys, welcome!${eol}- Hello there${eol}`);
    }
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = ws.uri('main.lg');
    await client.open(uri, MAIN_LG, 'lg');
    await client.waitForCurrent(uri, (ds) => ds.length > 0);
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    await cleared;
  });

  it('never publishes closed files, until the workspace check shows them all', async () => {
    const uri = ws.uri('main.lg');
    await client.open(uri, MAIN_LG, 'lg');
    await client.waitForCurrent(uri, (ds) => ds.length > 0);
    assert.deepStrictEqual(new Set(client.published.map((p) => p.uri)), new Set([uri]));
    const result = await client.connection.sendRequest('botEthics/checkWorkspace');
    assert.deepStrictEqual(result, { projects: 1, files: 2, errors: 0, warnings: 1, infos: 1 });
    const help = client.latest(ws.uri('help.lg'));
    assert.ok(help, 'the closed file got diagnostics');
    assert.strictEqual(help.version, undefined);
    assert.deepStrictEqual(help.diagnostics.map(brief), ['autonomy.handoff@0:0-0:6']);
    assert.strictEqual((help.diagnostics[0].data as DiagnosticData).version, -1);
    // a shown file stays current when the disk changes
    ws.write('help.lg', '# Help\n- Ask for a human any time.\n');
    await client.watchedFiles([{ uri: ws.uri('help.lg'), type: 2 }]);
    await client.waitForDiagnostics(ws.uri('help.lg'), (p) => p.diagnostics.length === 0);
  });

  it('JSON formats get an ignore entry fix that creates the config file', async () => {
    const dialog = '{\n  "$kind": "Microsoft.AdaptiveDialog",\n  "triggers": [\n    { "$kind": "Microsoft.OnUnknownIntent", "actions": [ { "$kind": "Microsoft.SendActivity", "activity": "Hi guys" } ] }\n  ]\n}\n';
    ws.write('main.dialog', dialog);
    const uri = ws.uri('main.dialog');
    await client.open(uri, dialog, 'json');
    const ds = await client.waitForCurrent(uri, (all) => all.some((x) => x.code === 'bias.wording'));
    const d = ds.find((x) => x.code === 'bias.wording')!;
    assert.deepStrictEqual(d.range, rangeOf(dialog, 'guys'));
    const actions = (await client.codeActions(uri, d.range, [d])) as CodeAction[];
    const ignore = actions.find((a) => a.title.includes('.bot-ethics.yml'));
    assert.ok(ignore, `an ignore entry fix among ${actions.map((a) => a.title).join(' | ')}`);
    const configUri = ws.uri('.bot-ethics.yml');
    assert.deepStrictEqual(ignore.edit!.documentChanges![0], { kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    assert.deepStrictEqual(ignore.edit!.documentChanges![1], {
      textDocument: { uri: configUri, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'ignore:\n  - "main.dialog#bias.wording"\n' }],
    });
  });
});

describe('LSP handlers: registrations', function () {
  this.timeout(20_000);
  for (const clientWatchesFiles of [false, true]) {
    it(`${clientWatchesFiles ? 'leaves file watching to a client that does it' : 'asks the client to watch bot files and the config'}`, async () => {
      const ws = new TempWorkspace({ 'main.lg': MAIN_LG });
      const client = await startInMemory({ workspaceFolder: ws.root, initializationOptions: clientWatchesFiles ? { clientWatchesFiles } : undefined });
      try {
        // a request's answer comes after whatever the server sent while handling `initialized`
        await client.hover(ws.uri('main.lg'), { line: 0, character: 0 });
        const watched = client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
        const expected = [{ watchers: ['**/.bot-ethics.yml', '**/*.{yml,yaml,md,lg,lu,qna,dialog,json}', '**/*.botproj'].map((globPattern) => ({ globPattern })) }];
        assert.deepStrictEqual(
          watched.map((r) => r.registerOptions),
          clientWatchesFiles ? [] : expected,
        );
        assert.deepStrictEqual(
          client.registrations.filter((r) => r.method === 'workspace/didChangeConfiguration').map((r) => r.registerOptions),
          [{ section: 'botEthics' }],
        );
      } finally {
        await client.shutdown();
        ws.remove();
      }
    });
  }
});

describe('LSP handlers in German (in-process, test rules)', function () {
  this.timeout(20_000);
  it('localizes the hover and links the German rule page', async () => {
    const ws = new TempWorkspace({ 'main.lg': MAIN_LG });
    const client = await startInMemory({ workspaceFolder: ws.root, locale: 'de-DE' });
    try {
      const uri = ws.uri('main.lg');
      await client.open(uri, MAIN_LG, 'lg');
      const ds = await client.waitForCurrent(uri, (all) => all.some((x) => x.code === 'bias.wording'));
      const d = ds.find((x) => x.code === 'bias.wording')!;
      assert.strictEqual(d.codeDescription?.href, 'https://github.com/bot-ethics/bot-ethics/blob/main/docs/rules/bias.wording.de.md');
      const hover = await client.hover(uri, d.range.start);
      const value = (hover!.contents as { value: string }).value;
      assert.match(value, /\*\*Gegendertes Sammelwort\*\*\n\nEs schließt Menschen aus\.\n\n\*\*So beheben Sie es:\*\* Sagen Sie \*alle\*\.\n\nQuellen: Test source A; Test source B\n\n\[Dokumentation der Regel\]/);
    } finally {
      await client.shutdown();
      ws.remove();
    }
  });
});
