/**
 * Editor settings are the fallback below the config file: changing
 * `botEthics.rules` re-checks open files with the new severities at once.
 */
import * as vscode from 'vscode';
import { expectDiagnostics } from './support/diagnostics';
import { activateExtension, closeAllEditors, open } from './support/editor';
import { BASELINE, LG, RASA_DOMAIN } from './support/expected';

describe('settings', () => {
  const settings = () => vscode.workspace.getConfiguration('botEthics');

  before(activateExtension);
  after(async () => {
    await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('botEthics.rules re-severities and switches off rules in every open file', async () => {
    const domain = await open(RASA_DOMAIN);
    const lg = await open(LG);
    await expectDiagnostics(domain.uri, domain.getText(), BASELINE[RASA_DOMAIN]);
    await expectDiagnostics(lg.uri, lg.getText(), BASELINE[LG]);

    await settings().update('rules', { 'bias.wording': 'error', 'pii.notice': 'off' }, vscode.ConfigurationTarget.Workspace);
    await expectDiagnostics(domain.uri, domain.getText(), [
      ['disclosure.missing', 'warning', [33, 13, 33, 54], 'Hi! Which book are you looking for today?'],
      ['bias.wording', 'error', [39, 21, 39, 25], 'guys'],
      ['pii.echo', 'warning', [39, 44, 39, 51], '{email}'],
      ['bias.wording', 'error', [41, 17, 41, 25], 'chairman'],
    ]);
    await expectDiagnostics(lg.uri, lg.getText(), [
      ['bias.wording', 'error', [9, 12, 9, 21], 'repairman'],
      ['pii.echo', 'warning', [9, 33, 9, 46], '${user.email}'],
      ['disclosure.impersonation', 'error', [12, 2, 12, 53], "What do you think? Let's get your bike fixed first."],
      ['pii.echo', 'error', [18, 45, 18, 57], '${user.iban}'],
    ]);

    await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await expectDiagnostics(domain.uri, domain.getText(), BASELINE[RASA_DOMAIN]);
    await expectDiagnostics(lg.uri, lg.getText(), BASELINE[LG]);
  });
});
