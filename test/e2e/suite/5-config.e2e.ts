/**
 * The project's `.bot-ethics.yml` governs its open files: an edit in the
 * editor re-checks them at once (before saving), and it wins over settings.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { expectDiagnostics } from './support/diagnostics';
import { activateExtension, closeAllEditors, open, snapshot } from './support/editor';
import { BASELINE, RASA_CONFIG, RASA_DOMAIN } from './support/expected';

describe('.bot-ethics.yml', () => {
  let restore: (() => Promise<void>) | undefined;
  const settings = () => vscode.workspace.getConfiguration('botEthics');

  before(activateExtension);
  afterEach(async () => {
    await restore?.();
    restore = undefined;
    await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });
  after(closeAllEditors);

  async function appendToConfig(text: string): Promise<vscode.TextDocument> {
    const config = await open(RASA_CONFIG);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(config.uri, config.positionAt(config.getText().length), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    return config;
  }

  it('an edit re-checks the open files of the project, saved or not', async () => {
    restore = (await snapshot(RASA_CONFIG)).restore;
    const domain = await open(RASA_DOMAIN);
    await expectDiagnostics(domain.uri, domain.getText(), BASELINE[RASA_DOMAIN]);

    const config = await appendToConfig('rules:\n  pii.echo: off\n  bias.wording: info\n');
    assert.ok(config.isDirty, 'not saved yet');
    const changed: Parameters<typeof expectDiagnostics>[2] = [
      ['disclosure.missing', 'warning', [33, 13, 33, 54], 'Hi! Which book are you looking for today?'],
      ['pii.notice', 'warning', [37, 13, 37, 40], 'What is your email address?'],
      ['bias.wording', 'info', [39, 21, 39, 25], 'guys'],
      ['bias.wording', 'info', [41, 17, 41, 25], 'chairman'],
    ];
    await expectDiagnostics(domain.uri, domain.getText(), changed);
    assert.ok(await config.save());
    await expectDiagnostics(domain.uri, domain.getText(), changed);

    await restore();
    restore = undefined;
    await expectDiagnostics(domain.uri, domain.getText(), BASELINE[RASA_DOMAIN]);
  });

  it('the config file wins over the settings', async () => {
    restore = (await snapshot(RASA_CONFIG)).restore;
    const domain = await open(RASA_DOMAIN);
    await settings().update('rules', { 'bias.wording': 'error' }, vscode.ConfigurationTarget.Workspace);
    await expectDiagnostics(domain.uri, domain.getText(), [
      ['disclosure.missing', 'warning', [33, 13, 33, 54], 'Hi! Which book are you looking for today?'],
      ['pii.notice', 'warning', [37, 13, 37, 40], 'What is your email address?'],
      ['bias.wording', 'error', [39, 21, 39, 25], 'guys'],
      ['pii.echo', 'warning', [39, 44, 39, 51], '{email}'],
      ['bias.wording', 'error', [41, 17, 41, 25], 'chairman'],
    ]);
    await appendToConfig('rules:\n  bias.wording: "off"\n');
    await expectDiagnostics(domain.uri, domain.getText(), [
      ['disclosure.missing', 'warning', [33, 13, 33, 54], 'Hi! Which book are you looking for today?'],
      ['pii.notice', 'warning', [37, 13, 37, 40], 'What is your email address?'],
      ['pii.echo', 'warning', [39, 44, 39, 51], '{email}'],
    ]);
  });
});
