/**
 * Every kind of quick fix, run the way the light bulb runs it: VS Code asks
 * the extension for code actions at the diagnostic's range
 * (`vscode.executeCodeActionProvider`) and applies the chosen one's edit
 * (`vscode.workspace.applyEdit`). Each test checks the new text and that the
 * finding is gone, then puts the file back.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { expectDiagnostics, findAt } from './support/diagnostics';
import { activateExtension, applyQuickFix, closeAllEditors, codeActionsAt, exists, line, open, readDisk, snapshot, wsUri } from './support/editor';
import { BASELINE, DIALOG, ES_CONFIG, ES_INTENT, LG, LU, RASA_DOMAIN, baselineWithout } from './support/expected';

describe('quick fixes', () => {
  let restore: (() => Promise<void>) | undefined;

  before(activateExtension);
  afterEach(async () => {
    await restore?.();
    restore = undefined;
  });
  after(closeAllEditors);

  /** Opens a file the test will edit, waits for its baseline diagnostics. */
  async function start(file: string) {
    restore = (await snapshot(file)).restore;
    const doc = await open(file);
    const diagnostics = await expectDiagnostics(doc.uri, doc.getText(), BASELINE[file]);
    return { doc, diagnostics };
  }

  it('disclosure.missing: inserts a disclosure into the greeting variation (Rasa response)', async () => {
    const { doc, diagnostics } = await start(RASA_DOMAIN);
    await applyQuickFix(doc.uri, findAt(diagnostics, 'disclosure.missing', 33), 'Add the disclosure "I\'m a virtual assistant."');
    assert.strictEqual(line(doc, 33), '    - text: "Hi! I\'m a virtual assistant. Which book are you looking for today?"');
    await expectDiagnostics(doc.uri, doc.getText(), baselineWithout(RASA_DOMAIN, ['disclosure.missing', 33]));
  });

  it('disclosure.impersonation: replaces an evasive answer to "are you a bot?" with an honest one (LG)', async () => {
    const { doc, diagnostics } = await start(LG);
    await applyQuickFix(doc.uri, findAt(diagnostics, 'disclosure.impersonation', 12), 'Replace with the honest answer "I\'m a virtual assistant, not a human."');
    assert.strictEqual(line(doc, 12), "- I'm a virtual assistant, not a human.");
    await expectDiagnostics(doc.uri, doc.getText(), baselineWithout(LG, ['disclosure.impersonation', 12]));
  });

  it('bias.wording: replaces the term with the suggestion (Rasa response)', async () => {
    const { doc, diagnostics } = await start(RASA_DOMAIN);
    await applyQuickFix(doc.uri, findAt(diagnostics, 'bias.wording', 39), 'Replace with “everyone”');
    assert.strictEqual(line(doc, 39), '    - text: "Thanks, everyone! We will write to {email} when {book_title} is ready."');
    await expectDiagnostics(doc.uri, doc.getText(), [
      ...baselineWithout(RASA_DOMAIN, ['bias.wording', 39], ['pii.echo', 39]),
      ['pii.echo', 'warning', [39, 48, 39, 55], '{email}'], // moved by the longer word
    ]);
  });

  it('pii.echo: removes the placeholder (Rasa response)', async () => {
    const { doc, diagnostics } = await start(RASA_DOMAIN);
    await applyQuickFix(doc.uri, findAt(diagnostics, 'pii.echo', 39), 'Remove email from the message');
    assert.strictEqual(line(doc, 39), '    - text: "Thanks, guys! We will write to when {book_title} is ready."');
    await expectDiagnostics(doc.uri, doc.getText(), baselineWithout(RASA_DOMAIN, ['pii.echo', 39]));
  });

  it('pii.echo: masks all but the last 4 characters (LG expression)', async () => {
    const { doc, diagnostics } = await start(LG);
    await applyQuickFix(doc.uri, findAt(diagnostics, 'pii.echo', 18), 'Show only the last 4 characters of user.iban');
    assert.strictEqual(
      line(doc, 18),
      "- We will refund your deposit to the account ${if(length(string(user.iban)) > 4, concat('****', substring(string(user.iban), length(string(user.iban)) - 4)), '****')}.",
    );
    await expectDiagnostics(doc.uri, doc.getText(), baselineWithout(LG, ['pii.echo', 18]));
  });

  it('pii.notice: appends a purpose sentence with the project’s privacy URL (Rasa prompt)', async () => {
    const { doc, diagnostics } = await start(RASA_DOMAIN);
    await applyQuickFix(doc.uri, findAt(diagnostics, 'pii.notice', 37), 'Add a purpose and privacy sentence');
    assert.strictEqual(
      line(doc, 37),
      '    - text: "What is your email address? We use this only to handle your request; see our privacy policy: https://riverside-library.example/privacy"',
    );
    await expectDiagnostics(doc.uri, doc.getText(), baselineWithout(RASA_DOMAIN, ['pii.notice', 37]));
  });

  it('pii.literal: replaces a real-looking address with a safe placeholder (LU example)', async () => {
    const { doc, diagnostics } = await start(LU);
    await applyQuickFix(doc.uri, findAt(diagnostics, 'pii.literal', 2), 'Replace with jane.doe@example.com');
    assert.strictEqual(line(doc, 2), '- book a repair, you can reach me at jane.doe@example.com');
    await expectDiagnostics(doc.uri, doc.getText(), []);
  });

  it('pii.transfer: switches the URL to https (.dialog HttpRequest)', async () => {
    const { doc, diagnostics } = await start(DIALOG);
    await applyQuickFix(doc.uri, findAt(diagnostics, 'pii.transfer', 39), 'Switch to https://');
    assert.strictEqual(line(doc, 39), '          "url": "https://api.spoke-repairs.net/bookings",');
    await expectDiagnostics(doc.uri, doc.getText(), []);
  });

  it('suppression: a YAML comment above the line silences that rule only', async () => {
    const { doc, diagnostics } = await start(RASA_DOMAIN);
    await applyQuickFix(doc.uri, findAt(diagnostics, 'bias.wording', 41), 'Suppress bias.wording on the next line');
    assert.strictEqual(line(doc, 41), '    # bot-ethics-disable-next-line bias.wording');
    assert.strictEqual(line(doc, 42), '    - text: "The chairman of the library board decides about late fees."');
    await expectDiagnostics(doc.uri, doc.getText(), baselineWithout(RASA_DOMAIN, ['bias.wording', 41]));
  });

  it('suppression: an LG comment (">") above the variation silences that rule only', async () => {
    const { doc, diagnostics } = await start(LG);
    await applyQuickFix(doc.uri, findAt(diagnostics, 'pii.echo', 9), 'Suppress pii.echo on the next line');
    assert.strictEqual(line(doc, 9), '> bot-ethics-disable-next-line pii.echo');
    assert.strictEqual(line(doc, 10), '- Done! Our repairman will email ${user.email} with a pickup time.');
    await expectDiagnostics(doc.uri, doc.getText(), [
      ['pii.notice', 'warning', [6, 2, 6, 33], 'Please type your email address.'],
      ['bias.wording', 'warning', [10, 12, 10, 21], 'repairman'],
      ['disclosure.impersonation', 'error', [13, 2, 13, 53], "What do you think? Let's get your bike fixed first."],
      ['pii.echo', 'error', [19, 45, 19, 57], '${user.iban}'],
    ]);
  });

  it('suppression in JSON: the fix creates .bot-ethics.yml with an ignore entry (Dialogflow)', async () => {
    assert.ok(!(await exists(ES_CONFIG)), 'the Dialogflow agent has no config file yet');
    const { doc, diagnostics } = await start(ES_INTENT);
    try {
      await applyQuickFix(doc.uri, findAt(diagnostics, 'pii.echo', 24), 'Suppress pii.echo in this file (creates .bot-ethics.yml)');
      const config = await vscode.workspace.openTextDocument(wsUri(ES_CONFIG));
      assert.strictEqual(config.getText(), 'ignore:\n  - "intents/book_tickets.json#pii.echo"\n');
      assert.ok(await config.save(), 'the new config file is saved');
      assert.strictEqual(await readDisk(ES_CONFIG), 'ignore:\n  - "intents/book_tickets.json#pii.echo"\n');
      assert.strictEqual(doc.getText(), await readDisk(ES_INTENT), 'the intent file itself is untouched');
      await expectDiagnostics(doc.uri, doc.getText(), baselineWithout(ES_INTENT, ['pii.echo', 24]));
    } finally {
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(wsUri(ES_CONFIG), { ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(remove);
    }
    // without the config file the finding is back
    await expectDiagnostics(doc.uri, doc.getText(), BASELINE[ES_INTENT]);
  });

  it('fix all: one source action applies every preferred fix of the file', async () => {
    const { doc } = await start(RASA_DOMAIN);
    const full = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = await codeActionsAt(doc.uri, full, 'source.fixAll.bot-ethics');
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.kind?.value]),
      [['Fix all bot-ethics problems', 'source.fixAll.bot-ethics']],
    );
    assert.ok(actions[0].edit && (await vscode.workspace.applyEdit(actions[0].edit)));
    assert.deepStrictEqual(
      [33, 37, 39, 41].map((n) => line(doc, n)),
      [
        '    - text: "Hi! I\'m a virtual assistant. Which book are you looking for today?"',
        '    - text: "What is your email address? We use this only to handle your request; see our privacy policy: https://riverside-library.example/privacy"',
        '    - text: "Thanks, everyone! We will write to {email} when {book_title} is ready."',
        '    - text: "The chair of the library board decides about late fees."',
      ],
    );
    // the echo has no preferred fix (removing data from a sentence needs a human): it stays
    await expectDiagnostics(doc.uri, doc.getText(), [['pii.echo', 'warning', [39, 48, 39, 55], '{email}']]);
  });

  it('offers no quick fix for a range without a bot-ethics problem', async () => {
    const { doc } = await start(RASA_DOMAIN);
    const actions = await codeActionsAt(doc.uri, new vscode.Range(0, 0, 0, 5), vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual(actions.map((a) => a.title), []);
  });
});
