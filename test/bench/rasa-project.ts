/**
 * A large, realistic Rasa 3 project written in code (deterministic, our own
 * text): a domain of a given number of lines with slots, forms, buttons,
 * conditional variations and the odd ethics problem a real bot has, plus
 * NLU, stories, rules and endpoints. Used by the edit benchmark and by the
 * structural performance tests; never a fixture copied from elsewhere.
 */

import { seededRandom as random } from '../support/seeded-random';

const TOPICS = ['parcel', 'invoice', 'tariff', 'meter', 'contract', 'appointment', 'refund', 'delivery', 'account', 'voucher', 'claim', 'payment'];
const ACTIONS = ['status', 'change', 'cancel', 'explain', 'confirm', 'reminder', 'options', 'help', 'summary', 'next_steps'];
const SLOTS: { name: string; type: string; entity?: string }[] = [
  { name: 'email', type: 'text', entity: 'email' },
  { name: 'phone_number', type: 'text', entity: 'phone_number' },
  { name: 'customer_name', type: 'text', entity: 'person' },
  { name: 'iban', type: 'text' },
  { name: 'birth_date', type: 'text' },
  { name: 'street_address', type: 'text' },
  { name: 'zip_code', type: 'text' },
  { name: 'tracking_id', type: 'text', entity: 'tracking_id' },
  { name: 'order_id', type: 'text', entity: 'order_id' },
  { name: 'delivery_date', type: 'text', entity: 'time' },
  { name: 'amount', type: 'float', entity: 'amount' },
  { name: 'logged_in', type: 'bool' },
  { name: 'email_verified', type: 'bool' },
  { name: 'preferred_channel', type: 'categorical' },
  { name: 'health_condition', type: 'text' },
  { name: 'meter_reading', type: 'float', entity: 'number' },
];
const OPENERS = ['Sure!', 'Alright.', 'Thanks for waiting.', 'Good question.', 'Okay.', 'Got it.', 'No problem.', 'Of course.'];
const BODIES = [
  'Your {topic} is being handled and you will get an update within two working days.',
  'I can help you with your {topic}. What would you like to do next?',
  'Here is what I found about your {topic}: everything looks fine on our side.',
  'To {action} your {topic}, please choose one of the options below.',
  'The {topic} team reviews requests in the order they arrive, usually within a day.',
  'You can also manage your {topic} in the customer portal under \\"My account\\".',
  'I have noted your request about the {topic} and passed it on to the right team.',
  'Please check the details of your {topic} before we continue.',
];
const DE_BODIES = [
  'Ihr Anliegen zu {topic} wird bearbeitet, Sie erhalten innerhalb von zwei Werktagen eine Nachricht.',
  'Ich helfe Ihnen gerne bei {topic}. Was möchten Sie als Nächstes tun?',
  'Bitte prüfen Sie die Angaben zu {topic}, bevor wir weitermachen.',
];
/** Problems real bots have, at a low rate: the rules must find them among thousands of clean lines. */
const PROBLEMS = [
  'Hey guys, thanks for reaching out about your {topic}!',
  'We sent the confirmation to {email}.',
  'Only today: upgrade your {topic} and save 20%!',
  'Please add our domain to your whitelist so our {topic} mails arrive.',
  'Unsere Mitarbeiter kümmern sich um Ihr Anliegen.',
];

export interface GeneratedProject {
  /** relative path → text */
  files: Record<string, string>;
  /** the domain's relative path */
  domain: string;
  /** offsets (into the domain text) of letters inside response texts: where the edit benchmark types */
  editable: number[];
}

/** A Rasa project whose domain.yml has at least `domainLines` lines. */
export function generateRasaProject(domainLines = 5000, seed = 42): GeneratedProject {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const intents = TOPICS.flatMap((t) => ACTIONS.map((a) => `${a}_${t}`));
  const forms = TOPICS.map((t, i) => ({ name: `${t}_form`, slots: [SLOTS[i % 7].name, SLOTS[(i + 3) % 7].name, 'order_id'] }));

  const out: string[] = ['version: "3.1"', '', 'intents:'];
  for (const i of ['greet', 'goodbye', 'affirm', 'deny', 'bot_challenge', 'human_handoff', ...intents]) out.push(`  - ${i}`);
  out.push('', 'entities:');
  for (const e of [...new Set(SLOTS.map((s) => s.entity).filter((e): e is string => !!e))]) out.push(`  - ${e}`);
  out.push('', 'slots:');
  for (const s of SLOTS) {
    out.push(`  ${s.name}:`, `    type: ${s.type}`);
    if (s.type === 'categorical') out.push('    values:', '      - email', '      - phone', '      - letter');
    out.push('    influence_conversation: false', '    mappings:');
    if (s.entity) out.push('      - type: from_entity', `        entity: ${s.entity}`);
    else out.push('      - type: from_text', '        conditions:', '          - active_loop: ' + forms[SLOTS.indexOf(s) % forms.length].name);
  }
  out.push('', 'forms:');
  for (const f of forms) {
    out.push(`  ${f.name}:`, '    required_slots:');
    for (const s of f.slots) out.push(`      - ${s}`);
  }
  out.push('', 'actions:');
  for (const t of TOPICS) out.push(`  - action_lookup_${t}`, `  - validate_${t}_form`);
  out.push('', 'responses:');
  out.push('  utter_greet:', '    - text: "Hello! How can I help you today?"', '    - text: "Hi there, what can I do for you?"');
  out.push('  utter_iamabot:', '    - text: "I am a virtual assistant, not a human."');
  out.push('  utter_handoff:', '    - text: "I will connect you with a colleague from our service team."');
  for (const s of SLOTS.slice(0, 7)) out.push(`  utter_ask_${s.name}:`, `    - text: "What is your ${s.name.replace(/_/g, ' ')}?"`);

  const editable: number[] = [];
  const tail = ['', 'session_config:', '  session_expiration_time: 60', '  carry_over_slots_to_new_session: true', ''];
  for (let n = 0; out.length + tail.length < domainLines; n++) {
    const topic = TOPICS[n % TOPICS.length];
    const action = ACTIONS[Math.floor(n / TOPICS.length) % ACTIONS.length];
    out.push(`  utter_${action}_${topic}_${n}:`);
    const variations = 1 + Math.floor(rnd() * 3);
    for (let v = 0; v < variations; v++) {
      const problem = rnd() < 0.02;
      const german = !problem && rnd() < 0.08;
      const body = (problem ? pick(PROBLEMS) : german ? pick(DE_BODIES) : `${pick(OPENERS)} ${pick(BODIES)}`).replace('{topic}', topic).replace('{action}', action);
      if (rnd() < 0.1) out.push('    - condition:', '        - type: slot', '          name: logged_in', '          value: true', `      text: "${body}"`);
      else out.push(`    - text: "${body}"`);
      editable.push(out.length - 1);
      if (rnd() < 0.25) {
        out.push('      buttons:');
        for (const b of ['Yes, please', 'No, thanks', 'Talk to a person'].slice(0, 2 + Math.floor(rnd() * 2))) {
          out.push(`        - title: "${b}"`, `          payload: "/${b.startsWith('Yes') ? 'affirm' : b.startsWith('No') ? 'deny' : 'human_handoff'}"`);
        }
      }
    }
  }
  out.push(...tail);
  const domain = out.join('\n');
  return {
    files: {
      'domain.yml': domain,
      'config.yml': 'recipe: default.v1\nlanguage: en\npipeline:\n  - name: WhitespaceTokenizer\n  - name: DIETClassifier\n    epochs: 100\npolicies:\n  - name: RulePolicy\n',
      'endpoints.yml': 'action_endpoint:\n  url: "https://actions.example.com/webhook"\n',
      'data/nlu.yml': nlu(intents, rnd),
      'data/stories.yml': stories(intents, forms),
      'data/rules.yml': rules(),
    },
    domain: 'domain.yml',
    editable: editableOffsets(out, editable),
  };
}

/** Offsets of the letters in the quoted text on the given lines (skipping placeholders). */
function editableOffsets(lines: string[], lineNumbers: number[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const offsets: number[] = [];
  for (const n of lineNumbers) {
    const line = lines[n];
    const open = line.indexOf('"');
    let depth = 0;
    for (let i = open + 1; i < line.length - 1; i++) {
      if (line[i] === '{') depth++;
      else if (line[i] === '}') depth--;
      else if (depth === 0 && /[a-z]/.test(line[i])) {
        offsets.push(starts[n] + i);
        break; // one place per text: edits spread over the whole file
      }
    }
  }
  return offsets;
}

function nlu(intents: string[], rnd: () => number): string {
  const out = ['version: "3.1"', 'nlu:'];
  const say = ['I want to', 'can you', 'please', 'how do I', 'help me'];
  for (const i of intents) {
    const [action, topic] = [i.slice(0, i.lastIndexOf('_')), i.slice(i.lastIndexOf('_') + 1)];
    out.push(`- intent: ${i}`, '  examples: |');
    for (let k = 0; k < 8; k++) out.push(`    - ${say[Math.floor(rnd() * say.length)]} ${action.replace(/_/g, ' ')} my ${topic}${k % 3 === 0 ? ' [1234567](order_id)' : ''}`);
  }
  out.push('- intent: greet', '  examples: |', '    - hi', '    - hello', '    - good morning');
  out.push('- intent: bot_challenge', '  examples: |', '    - are you a bot?', '    - am I talking to a human?');
  return out.join('\n') + '\n';
}

function stories(intents: string[], forms: { name: string }[]): string {
  const out = ['version: "3.1"', 'stories:', '- story: greet and ask', '  steps:', '  - intent: greet', '  - action: utter_greet'];
  intents.forEach((i, n) => {
    const form = forms[n % forms.length].name;
    out.push(`- story: ${i} path`, '  steps:', `  - intent: ${i}`, `  - action: ${form}`, `  - active_loop: ${form}`, '  - active_loop: null', `  - action: action_lookup_${i.slice(i.lastIndexOf('_') + 1)}`);
  });
  return out.join('\n') + '\n';
}

function rules(): string {
  return [
    'version: "3.1"',
    'rules:',
    '- rule: say hello',
    '  conversation_start: true',
    '  steps:',
    '  - intent: greet',
    '  - action: utter_greet',
    '- rule: bot challenge',
    '  steps:',
    '  - intent: bot_challenge',
    '  - action: utter_iamabot',
    '- rule: human handoff',
    '  steps:',
    '  - intent: human_handoff',
    '  - action: utter_handoff',
    '',
  ].join('\n');
}
