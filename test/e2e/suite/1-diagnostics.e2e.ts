/**
 * Opening a bot file shows its problems: exact rule, range, severity and
 * source for every format of the test workspace (Rasa YAML, Bot Framework
 * .lg/.lu/.dialog, a Dialogflow ES export). Files nobody opened show nothing
 * until the workspace is checked (see 7-check-workspace).
 */
import * as assert from 'assert';
import { expectDiagnostics, ours } from './support/diagnostics';
import { activateExtension, closeAllEditors, open, wsUri } from './support/editor';
import { BASELINE, DIALOG, ES_AGENT, ES_INTENT, ES_USERSAYS, LG, LU, RASA_DE_DOMAIN, RASA_DOMAIN, RASA_ENDPOINTS, RASA_NLU } from './support/expected';

describe('diagnostics of opened files', () => {
  before(activateExtension);
  after(closeAllEditors);

  for (const file of [RASA_DOMAIN, RASA_ENDPOINTS, LG, LU, DIALOG, ES_AGENT, ES_INTENT]) {
    it(`${file}: exactly the planted problems`, async () => {
      const doc = await open(file);
      await expectDiagnostics(doc.uri, doc.getText(), BASELINE[file]);
    });
  }

  it('files that were never opened have no diagnostics yet', () => {
    for (const file of [RASA_NLU, ES_USERSAYS, RASA_DE_DOMAIN]) assert.deepStrictEqual(ours(wsUri(file)), [], file);
  });
});
