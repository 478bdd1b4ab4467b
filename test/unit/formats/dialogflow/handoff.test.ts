import * as assert from 'assert';
import * as jsonc from 'jsonc-parser';
import { asksForHuman, handsOver, isHandoffAction, payloadHandsOver } from '../../../../server/src/formats/dialogflow/handoff';

describe('Dialogflow handoff heuristics', () => {
  it('recognises intent names that ask for a human', () => {
    for (const name of ['talk_to_human', 'speakToAgent', 'human-handoff', 'prebuilt_components_escalate_human_agent', 'mensch.sprechen', 'Mitarbeiter verlangen', 'live agent', 'user_wants_human']) {
      assert.strictEqual(asksForHuman(name), true, name);
    }
    for (const name of ['Default Welcome Intent', 'order', 'smalltalk.agent.age', 'browser.user_agent', 'are_you_a_bot', 'humanity']) {
      assert.strictEqual(asksForHuman(name), false, name);
    }
  });

  it('recognises actions that hand over, not money transfers', () => {
    for (const a of ['handoff.human', 'live_agent', 'escalate', 'transfer_call', 'telephony_transfer_call', 'connectToAgent', 'liveAgentHandoff']) assert.strictEqual(isHandoffAction(a), true, a);
    for (const a of ['input.welcome', 'transfer.money', 'order.create', 'agent.name']) assert.strictEqual(isHandoffAction(a), false, a);
  });

  it('recognises answers that connect or give a contact, in English and German', () => {
    for (const t of ["I'll connect you with a colleague.", 'Ich leite Sie an das Team weiter, Sie werden weitergeleitet.', 'Rufen Sie uns an: +49 30 1234567', 'Write to team@shop.example.org', 'Ich verbinde Sie jetzt.']) {
      assert.strictEqual(handsOver(t), true, t);
    }
    for (const t of ['What do you think?', 'Open from 09:00 to 18:00.', 'Order 2024 is ready.', 'Ich bin ein Bot.']) assert.strictEqual(handsOver(t), false, t);
  });

  it('reads live-agent payloads and ignores switched-off ones', () => {
    const yes = ['{"liveAgentHandoff": true}', '{"telegram": {"handoff": {"queue": "sales"}}}', '[{"type": "live_agent_handoff"}]', '{"action": "escalate_to_agent"}'];
    const no = ['{"liveAgentHandoff": false}', '{"handoff": null}', '{"richContent": [[{"type": "chips", "options": [{"text": "Talk to an agent"}]}]]}', '{"escalation_level": 0}'];
    for (const t of yes) assert.strictEqual(payloadHandsOver(jsonc.parseTree(t)), true, t);
    for (const t of no) assert.strictEqual(payloadHandsOver(jsonc.parseTree(t)), false, t);
  });
});
