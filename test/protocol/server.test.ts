/**
 * The built bundle (dist/server.js) as editors run it: a child process over
 * stdio (and node IPC, as VS Code starts it), a temp copy of a small Rasa
 * project, the real formats and rules. Tests that need a rule's findings
 * check that the rule exists (RULES) and are skipped loudly until it does.
 */
import * as assert from 'assert';
import { fork } from 'child_process';
import * as fs from 'fs';
import { IPCMessageReader, IPCMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type InitializeResult } from 'vscode-languageserver/node';
import { RULE_IDS } from '../../server/src/core/findings';
import { RULES } from '../../server/src/rules';
import type { DiagnosticData } from '../../server/src/lsp/protocol';
import { applyWorkspaceEdit, brief, EDITOR_CAPABILITIES, fileUri, LspTestClient, SERVER_BUNDLE } from './support/lsp-client';
import { rangeOf, TempWorkspace } from './support/workspace';

const hasRule = (id: string) => RULES.some((r) => r.id === id);
const ruleCodes = (ds: Diagnostic[]) => ds.filter((d) => d.code !== 'parse.error' && d.code !== 'config.error');

/** Skips a test that needs a rule's findings (one rule, or any), saying so in the output. */
function needsRule(ctx: Mocha.Context, id?: string): void {
  if (id ? hasRule(id) : RULES.length > 0) return;
  console.warn(`      ⚠ ${id ? `rule ${id} is` : 'no rules are'} not registered yet: skipped`);
  ctx.skip();
}

const INVALID_YAML = 'version: "3.1"\nresponses:\n  utter_x:\n    - text: "unclosed\n  - [\n';

describe('the built server bundle over stdio', function () {
  this.timeout(30_000);
  let ws: TempWorkspace;
  let client: LspTestClient;
  let domainUri: string;
  let domain: string;

  before(() => {
    if (!fs.existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is missing: run npm run build first`);
  });
  beforeEach(async () => {
    ws = TempWorkspace.fromFixture('rasa-basic');
    client = await LspTestClient.spawnBundle({ workspaceFolder: ws.root });
    domainUri = ws.uri('domain.yml');
    domain = ws.read('domain.yml');
  });
  afterEach(async () => {
    const err = client.stderr();
    await client.shutdown();
    ws.remove();
    assert.strictEqual(err, '', 'the server wrote nothing to stderr');
  });

  it('announces its capabilities', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepStrictEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.bot-ethics'], resolveProvider: false });
    assert.strictEqual(caps.hoverProvider, true);
    assert.deepStrictEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepStrictEqual(client.initializeResult.serverInfo, { name: 'bot-ethics' });
  });

  it('checks an opened Rasa domain: no parse error, and the real rules report on it', async () => {
    await client.open(domainUri, domain);
    const ds = await client.waitForCurrent(domainUri);
    assert.deepStrictEqual(ds.filter((d) => d.code === 'parse.error'), []);
    for (const d of ds) {
      assert.strictEqual(d.source, 'bot-ethics');
      assert.ok(RULE_IDS.includes(d.code as (typeof RULE_IDS)[number]), `known rule id: ${String(d.code)}`);
      assert.match(d.codeDescription!.href, new RegExp(`/docs/rules/${String(d.code).replace('.', '\\.')}\\.md$`));
      assert.strictEqual((d.data as DiagnosticData).version, 1);
    }
    if (RULES.length === 0) console.warn('      ⚠ no rules registered yet: only the absence of parse errors was checked');
    else assert.ok(ds.length > 0, `the fixture has findings for ${RULES.length} rules`);
  });

  it('bias.wording: the quick fix round trip removes the finding', async function () {
    needsRule(this, 'bias.wording');
    await client.open(domainUri, domain);
    const ds = await client.waitForCurrent(domainUri, (all) => all.some((d) => d.code === 'bias.wording'));
    const d = ds.find((x) => x.code === 'bias.wording')!;
    assert.deepStrictEqual(d.range, rangeOf(domain, 'guys'));
    const actions = (await client.codeActions(domainUri, d.range, [d])) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, `a preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Suppress bias.wording on the next line'));
    const fixed = applyWorkspaceEdit(preferred.edit!, domainUri, domain);
    assert.ok(!fixed.includes('guys'), fixed);
    await client.replaceText(domainUri, fixed);
    await client.waitForCurrent(domainUri, (all) => !all.some((x) => x.code === 'bias.wording'));
  });

  it('a fix made for an older version is not offered', async function () {
    needsRule(this);
    await client.open(domainUri, domain);
    const ds = await client.waitForCurrent(domainUri, (all) => ruleCodes(all).length > 0);
    const d = ruleCodes(ds).find((x) => (x.data as DiagnosticData).fixes.length > 0)!;
    assert.ok(((await client.codeActions(domainUri, d.range, [d])) as CodeAction[]).length > 0);
    await client.replaceText(domainUri, domain + '\n');
    assert.deepStrictEqual(await client.codeActions(domainUri, d.range, [d]), []);
  });

  it('fix all applies every preferred fix in one edit', async function () {
    needsRule(this, 'bias.wording');
    const text = domain.replace('Bye, see you soon!', 'Bye guys, see you soon!');
    await client.open(domainUri, text);
    await client.waitForCurrent(domainUri, (all) => all.filter((d) => d.code === 'bias.wording').length === 2);
    const whole = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
    const [action] = (await client.codeActions(domainUri, whole, [], ['source.fixAll'])) as CodeAction[];
    assert.strictEqual(action.kind, 'source.fixAll.bot-ethics');
    const fixed = applyWorkspaceEdit(action.edit!, domainUri, text);
    assert.ok(!/guys/.test(fixed), fixed);
    await client.replaceText(domainUri, fixed);
    await client.waitForCurrent(domainUri, (all) => !all.some((x) => x.code === 'bias.wording'));
  });

  it('settings change the severities; the config file overrides them', async function () {
    needsRule(this);
    await client.open(domainUri, domain);
    await client.waitForCurrent(domainUri, (all) => ruleCodes(all).length > 0);
    const every = (s: string) => Object.fromEntries(RULE_IDS.map((id) => [id, s]));
    await client.changeSettings({ rules: every('error') });
    await client.waitForDiagnostics(domainUri, (p) => p.diagnostics.length > 0 && p.diagnostics.every((d) => d.severity === DiagnosticSeverity.Error));
    await client.changeSettings({ rules: every('off') });
    await client.waitForDiagnostics(domainUri, (p) => p.diagnostics.length === 0);
    const configUri = ws.uri('.bot-ethics.yml');
    await client.open(configUri, `rules:\n${RULE_IDS.map((id) => `  ${id}: info`).join('\n')}\n`);
    await client.waitForDiagnostics(domainUri, (p) => p.diagnostics.length > 0 && p.diagnostics.every((d) => d.severity === DiagnosticSeverity.Information));
  });

  it('an edited config file re-checks and shows its own problems', async () => {
    await client.open(domainUri, domain);
    await client.waitForCurrent(domainUri);
    const configUri = ws.uri('.bot-ethics.yml');
    const text = 'language: fr\ngenderStyle: star\n';
    await client.open(configUri, text);
    const problems = await client.waitForCurrent(configUri, (ds) => ds.length > 0);
    assert.deepStrictEqual(problems.map(brief), [`config.error@${r(rangeOf(text, 'fr'))}`]);
    assert.strictEqual(problems[0].severity, DiagnosticSeverity.Error);
    await client.replaceText(configUri, 'language: en\n');
    assert.deepStrictEqual(await client.waitForCurrent(configUri), []);
    // broken YAML in the config: a parse error on it, the bot files are still checked
    await client.replaceText(configUri, 'rules: [\n');
    const broken = await client.waitForCurrent(configUri, (ds) => ds.length > 0);
    assert.strictEqual(broken[0].code, 'parse.error');
    await client.replaceText(domainUri, domain + '\n');
    const after = await client.waitForCurrent(domainUri);
    assert.deepStrictEqual(after.filter((d) => d.code === 'parse.error'), []);
  });

  it('invalid YAML is a parse.error at its position; closing clears it', async () => {
    const uri = ws.uri('data/broken.yml');
    await client.open(uri, INVALID_YAML);
    const ds = await client.waitForCurrent(uri, (all) => all.length > 0);
    assert.deepStrictEqual(ds.map(brief), ['parse.error@5:0-5:0']);
    const hover = await client.hover(uri, { line: 5, character: 0 });
    assert.match((hover!.contents as { value: string }).value, /^\*\*This file could not be parsed: /);
    assert.strictEqual(await client.hover(uri, { line: 0, character: 3 }), null);
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    await cleared;
  });

  it('positions are the same with CRLF line ends; lone CR line ends are lines too', async () => {
    const lf = ws.uri('data/lf.yml');
    const crlf = ws.uri('data/crlf.yml');
    const cr = ws.uri('data/cr.yml');
    const text = hasRule('bias.wording') ? domain : INVALID_YAML;
    await client.open(lf, text);
    await client.open(crlf, text.replace(/\n/g, '\r\n'));
    const expected = (await client.waitForCurrent(lf, (ds) => ds.length > 0)).map(brief);
    assert.deepStrictEqual((await client.waitForCurrent(crlf, (ds) => ds.length > 0)).map(brief), expected);
    // YAML itself may read a lone CR differently; whatever it reports must lie inside the document
    const crText = text.replace(/\n/g, '\r');
    await client.open(cr, crText);
    const lines = crText.split('\r');
    for (const d of await client.waitForCurrent(cr, (ds) => ds.length > 0)) {
      for (const p of [d.range.start, d.range.end]) {
        assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${brief(d)} inside ${lines.length} lines`);
      }
    }
  });

  it('survives binary junk, a 1 MB line and broken YAML, and keeps answering', async () => {
    const junk = ws.uri('data/junk.yml');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    await client.open(junk, bytes.toString('latin1'));
    await client.waitForCurrent(junk);
    const long = ws.uri('data/long.yml');
    const longText = `version: "3.1"\nresponses:\n  utter_long:\n    - text: "${'word '.repeat(200_000)}"\n`;
    await client.open(long, longText);
    await client.waitForCurrent(long);
    const broken = ws.uri('data/broken.yml');
    await client.open(broken, INVALID_YAML);
    assert.ok((await client.waitForCurrent(broken, (ds) => ds.length > 0)).some((d) => d.code === 'parse.error'));
    await client.open(ws.uri('data/empty.yml'), '');
    await client.waitForCurrent(ws.uri('data/empty.yml'));
    // requests with nonsense positions are answered, not crashed on
    assert.strictEqual(await client.hover(junk, { line: 10_000, character: 5 }), null);
    const far = { start: { line: 10_000, character: 0 }, end: { line: 20_000, character: 3 } };
    assert.deepStrictEqual(await client.codeActions(long, far, []), []);
    assert.ok(client.alive, 'the server process is still running');
  });

  it('the workspace check publishes every bot file, closed ones too', async () => {
    const result = await client.connection.sendRequest<{ projects: number; files: number }>('botEthics/checkWorkspace');
    assert.strictEqual(result.projects, 1);
    const files = ['config.yml', 'domain.yml', 'data/nlu.yml', 'data/stories.yml', 'data/rules.yml'];
    assert.strictEqual(result.files, files.length);
    assert.deepStrictEqual(new Set(client.published.map((p) => p.uri)), new Set(files.map((f) => ws.uri(f))));
    for (const p of client.published) for (const d of p.diagnostics) assert.strictEqual((d.data as DiagnosticData).version, -1);
  });
});

describe('the built server bundle over node IPC (as VS Code starts it)', function () {
  this.timeout(20_000);
  for (const args of [['--node-ipc'], []]) {
    it(`initializes and checks with ${args.length ? args.join(' ') : 'no transport flag'}`, async () => {
      const ws = TempWorkspace.fromFixture('rasa-basic');
      const child = fork(SERVER_BUNDLE, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
      conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
      conn.onRequest('client/registerCapability', () => null);
      const published = new Promise<{ uri: string; diagnostics: Diagnostic[] }>((resolve) =>
        conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => resolve(p)),
      );
      conn.listen();
      try {
        const init = await conn.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: fileUri(ws.root), workspaceFolders: [{ uri: fileUri(ws.root), name: 'ws' }], capabilities: EDITOR_CAPABILITIES });
        assert.strictEqual(init.capabilities.hoverProvider, true);
        await conn.sendNotification('initialized', {});
        const uri = ws.uri('data/broken.yml');
        await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: INVALID_YAML } });
        const p = await published;
        assert.strictEqual(p.uri, uri);
        assert.deepStrictEqual(p.diagnostics.map(brief), ['parse.error@5:0-5:0']);
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
        await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
        assert.strictEqual(child.exitCode, 0);
      } finally {
        conn.dispose();
        if (child.exitCode === null) child.kill();
        ws.remove();
      }
    });
  }
});

function r(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
