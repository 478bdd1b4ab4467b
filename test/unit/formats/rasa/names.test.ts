import * as assert from 'assert';
import { actionKind, askedSlot, isGreetIntent, isGreetingResponseName, isHandoffName, nameWords } from '../../../../server/src/formats/rasa/names';

describe('rasa: what names say', () => {
  it('splits names into words', () => {
    assert.deepStrictEqual(nameWords('humanHandoff_now-please/x.y'), ['human', 'handoff', 'now', 'please', 'x', 'y']);
    assert.deepStrictEqual(nameWords('Default Welcome Intent'), ['default', 'welcome', 'intent']);
  });

  it('knows greet-like intents', () => {
    const yes = ['greet', 'greeting', 'hello', 'hi', 'start', 'start_dialogue', 'start-dialogue', 'session_start', 'welcome', 'begin', 'user_greets', 'Default Welcome Intent', 'begruessung'];
    const no = ['restart', 'goodbye', 'greeting_goodbye', 'vocative_you_welcome', 'thank', 'how_to_get_started', 'whatsapp_api_start_using', 'affirm', 'bot_challenge'];
    for (const n of yes) assert.ok(isGreetIntent(n), n);
    for (const n of no) assert.ok(!isGreetIntent(n), n);
  });

  it('knows greeting responses by name', () => {
    for (const n of ['utter_greet', 'utter_greet_name', 'utter_welcome_back', 'utter_hello', 'utter_intro', 'utter_greeting_hello_introduced_false']) assert.ok(isGreetingResponseName(n), n);
    for (const n of ['utter_goodbye', 'utter_greeting_goodbye', 'utter_greet_thanks', 'utter_ask_name', 'greet']) assert.ok(!isGreetingResponseName(n), n);
  });

  it('knows handoff names, not bot challenges or refusals', () => {
    const yes = ['human_handoff', 'handoff', 'trigger_handoff', 'action_handoff', 'action_human_handoff', 'utter_handoff', 'talk_to_human', 'speak_to_human', 'live_agent', 'agent', 'request_agent', 'hand_off', 'handover', 'connect_to_person', 'mit_mitarbeiter_sprechen'];
    const no = ['check_human', 'are_you_human', 'are_you_a_real_human', 'bot_challenge', 'utter_human_handoff_not_available', 'utter_no_handoff', 'utter_wouldve_handed_off', 'user_agent_info', 'real_person'];
    for (const n of yes) assert.ok(isHandoffName(n), n);
    for (const n of no) assert.ok(!isHandoffName(n), n);
  });

  it('sorts actions by what they do', () => {
    assert.strictEqual(actionKind('utter_greet'), 'message');
    assert.strictEqual(actionKind('action_listen'), 'listen');
    assert.strictEqual(actionKind('action_restart'), 'silent');
    assert.strictEqual(actionKind('action_greet_user'), 'code');
    assert.strictEqual(actionKind('facility_form'), 'code');
    assert.strictEqual(askedSlot('utter_ask_email'), 'email');
    assert.strictEqual(askedSlot('utter_email'), undefined);
  });
});
