/**
 * Robustness on real third-party bots (read-only corpus, never copied): the
 * bundle checks the whole corpus as one workspace, every diagnostic lies
 * inside its file, the server stays up and writes nothing to stderr; editing
 * opened files keeps working.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { fileURLToPath } from 'url';
import type { CheckWorkspaceResult } from '../../server/src/lsp/protocol';
import { brief, LspTestClient } from './support/lsp-client';
import { CORPUS } from '../support/corpus';


describe('the built server on the real-bot corpus', function () {
  this.timeout(120_000);
  let client: LspTestClient;

  before(async function () {
    if (!fs.existsSync(CORPUS)) {
      console.warn(`\n      ⚠⚠⚠ corpus not found at ${CORPUS} (set BOT_ETHICS_CORPUS): corpus tests SKIPPED ⚠⚠⚠\n`);
      this.skip();
    }
    client = await LspTestClient.spawnBundle({ workspaceFolder: CORPUS });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('checks the whole corpus; every diagnostic lies inside its file', async () => {
    const result = await client.connection.sendRequest<CheckWorkspaceResult>('botEthics/checkWorkspace');
    assert.ok(result.projects > 5 && result.files > 100, JSON.stringify(result));
    const latest = new Map(client.published.map((p) => [p.uri, p]));
    let parseErrors = 0;
    for (const [uri, p] of latest) {
      let text = fs.readFileSync(fileURLToPath(uri), 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of p.diagnostics) {
        if (d.code === 'parse.error') parseErrors++;
        for (const pos of [d.range.start, d.range.end]) {
          assert.ok(pos.line < lines.length && pos.character <= lines[pos.line].length, `${uri}: ${brief(d)} outside the file`);
        }
      }
    }
    console.log(`      corpus: ${JSON.stringify(result)}, ${parseErrors} parse errors`);
    assert.strictEqual(client.stderr(), '');
    assert.ok(client.alive);
  });

  it('opens and edits the corpus domains and dialogs without losing the server', async () => {
    const uris = [...new Set(client.published.map((p) => p.uri))].filter((u) => /\/domain\.yml$|\.lg$/.test(u)).slice(0, 12);
    assert.ok(uris.length > 3);
    for (const uri of uris) {
      const text = fs.readFileSync(fileURLToPath(uri), 'utf8').replace(/^\uFEFF/, '');
      await client.open(uri, text);
      await client.waitForCurrent(uri);
      // typing into the middle of the file: an incremental change
      const mid = client.document(uri).positionAt(Math.floor(text.length / 2));
      await client.edit(uri, { start: mid, end: mid }, ' x');
      await client.waitForCurrent(uri);
      await client.close(uri);
    }
    assert.strictEqual(client.stderr(), '');
    assert.ok(client.alive);
  });
});
