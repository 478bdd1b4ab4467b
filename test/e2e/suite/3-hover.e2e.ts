/** Hovering a finding explains it: the message, why it matters, how to fix it, the sources, a link. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { expectDiagnostics } from './support/diagnostics';
import { activateExtension, closeAllEditors, open } from './support/editor';
import { BASELINE, RASA_DOMAIN } from './support/expected';

/** The Markdown of the hovers at a position that come from bot-ethics (they name the rule id in code style). */
async function botEthicsHovers(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; range?: vscode.Range }[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .map((h) => ({ text: h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'), range: h.range }))
    .filter((h) => /`(bias|pii|disclosure|autonomy)\.[a-z]+`/.test(h.text));
}

describe('hover', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('over a flagged word: message, explanation, fix, sources and the rule’s page', async () => {
    const doc = await open(RASA_DOMAIN);
    await expectDiagnostics(doc.uri, doc.getText(), BASELINE[RASA_DOMAIN]);
    const hovers = await botEthicsHovers(doc.uri, new vscode.Position(39, 23)); // inside "guys"
    assert.strictEqual(hovers.length, 1, 'one bot-ethics hover');
    const { text, range } = hovers[0];
    assert.ok(range?.isEqual(new vscode.Range(39, 21, 39, 25)), `the hover covers the finding: ${JSON.stringify(range)}`);
    for (const part of [
      '**“guys” is gendered language that leaves people out; consider “everyone”.** `bias.wording`',
      '**Inclusive wording**',
      '**How to fix:** Use the suggested alternative (quick fix).',
      'Sources: EU Charter of Fundamental Rights Art. 21 (non-discrimination);',
      '[Rule documentation](https://github.com/bot-ethics/bot-ethics/blob/main/docs/rules/bias.wording.md)',
    ]) {
      assert.ok(text.includes(part), `the hover says ${JSON.stringify(part)}:\n${text}`);
    }
  });

  it('over a placeholder: the pii.echo explanation', async () => {
    const doc = await open(RASA_DOMAIN);
    await expectDiagnostics(doc.uri, doc.getText(), BASELINE[RASA_DOMAIN]);
    const hovers = await botEthicsHovers(doc.uri, new vscode.Position(39, 51)); // just after "{email}": still inside
    assert.strictEqual(hovers.length, 1);
    assert.ok(hovers[0].text.includes('`pii.echo`'), hovers[0].text);
    assert.ok(hovers[0].text.includes('**Personal data read back in a bot message**'), hovers[0].text);
  });

  it('nothing from bot-ethics where there is no finding', async () => {
    const doc = await open(RASA_DOMAIN);
    await expectDiagnostics(doc.uri, doc.getText(), BASELINE[RASA_DOMAIN]);
    assert.deepStrictEqual(await botEthicsHovers(doc.uri, new vscode.Position(35, 20)), []);
  });
});
