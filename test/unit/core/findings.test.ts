import * as assert from 'assert';
import { isRuleId, msg, RULE_IDS } from '../../../server/src/core/findings';

describe('findings: rule ids and messages', () => {
  it('knows the ten rule ids of the spec, and nothing else', () => {
    assert.deepStrictEqual([...RULE_IDS], [
      'disclosure.missing',
      'disclosure.impersonation',
      'pii.echo',
      'pii.transfer',
      'pii.literal',
      'pii.notice',
      'pii.sensitive',
      'bias.wording',
      'autonomy.handoff',
      'autonomy.pressure',
    ]);
    for (const id of RULE_IDS) assert.ok(isRuleId(id), id);
    for (const id of ['parse.error', 'config.error', 'pii', 'PII.ECHO', 'pii.echo ', '']) assert.ok(!isRuleId(id), id);
  });

  it('msg keeps the template as the bundle key and adds args only when given', () => {
    assert.deepStrictEqual(msg('Hello'), { template: 'Hello' });
    assert.ok(!('args' in msg('Hello')));
    assert.deepStrictEqual(msg('{0} of {1}', 'a', 2), { template: '{0} of {1}', args: ['a', 2] });
  });
});
