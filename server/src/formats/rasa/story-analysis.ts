/**
 * What stories and rules say about the bot, whatever their syntax (YAML
 * `steps:` or 1.x Markdown `* intent` / `- action`): the opening messages
 * (greeting sequences), each intent's direct answers, and the ways to reach a
 * human. Both Rasa parsers turn their stories into {@link Story} and call
 * {@link analyseStories}.
 */
import type { FileModel } from '../../core/model';
import type { SourceRange } from '../../core/text';
import { addGreeting, addHandoff, addIntent } from './collect';
import { actionKind, isGreetIntent } from './names';

export interface NamedAt {
  name: string;
  at: SourceRange;
}

export type StoryStep =
  /** a user turn; several intents for an `or:` / `OR` */
  | { kind: 'user'; intents: NamedAt[]; at: SourceRange }
  | { kind: 'action'; name: string; at: SourceRange }
  /** a checkpoint inside a story: what follows may come from elsewhere */
  | { kind: 'boundary' }
  /** slot_was_set, active_loop, slot{...}, form{...}: neither user nor bot */
  | { kind: 'event' };

export interface Story {
  steps: StoryStep[];
  /** a rule with `conversation_start: true` */
  conversationStart: boolean;
  /** the story starts with a checkpoint: it continues another one */
  continues: boolean;
}

interface BotTurn {
  messages: string[];
  opaque: boolean;
  at?: SourceRange;
}

/** The bot actions from `from` up to the next user turn, checkpoint or action_listen. */
function botTurn(steps: StoryStep[], from: number): BotTurn {
  const turn: BotTurn = { messages: [], opaque: false };
  for (let i = from; i < steps.length; i++) {
    const s = steps[i];
    if (s.kind === 'event') continue;
    if (s.kind !== 'action') break;
    const kind = actionKind(s.name);
    if (kind === 'listen') break;
    turn.at = turn.at ? { start: turn.at.start, end: s.at.end } : { ...s.at };
    if (kind === 'message') turn.messages.push(s.name);
    else if (kind === 'code') turn.opaque = true;
  }
  return turn;
}

function firstStep(steps: StoryStep[]): number {
  return steps.findIndex((s) => s.kind !== 'event');
}

/** Greeting sequences, intent answers and handoff markers of these stories, added to `model`. */
export function analyseStories(stories: Story[], model: FileModel): void {
  for (const story of stories) {
    const greeting = openingTurn(story);
    if (greeting && (greeting.messages.length || greeting.opaque) && greeting.at) {
      addGreeting(model, { messages: greeting.messages, basis: 'structural', at: greeting.at, ...(greeting.opaque ? { opaque: true } : {}) });
    }
    story.steps.forEach((step, i) => {
      if (step.kind === 'action') addHandoff(model, 'action', step.name, step.at);
      if (step.kind !== 'user') return;
      const turn = botTurn(story.steps, i + 1);
      for (const intent of step.intents) {
        addHandoff(model, 'intent', intent.name, intent.at);
        addIntent(model, intent.name, intent.at, turn.messages, turn.opaque);
      }
    });
  }
}

/**
 * The bot's first turn if this story shows the start of a conversation: the
 * actions after an opening greet-like intent, or, for a conversation_start
 * rule, after its first intent (or its first actions when the bot speaks first).
 */
function openingTurn(story: Story): BotTurn | undefined {
  if (story.continues) return undefined;
  const first = firstStep(story.steps);
  if (first < 0) return undefined;
  const step = story.steps[first];
  if (step.kind === 'user') {
    if (!story.conversationStart && !step.intents.some((i) => isGreetIntent(i.name))) return undefined;
    return botTurn(story.steps, first + 1);
  }
  if (step.kind === 'action' && story.conversationStart) return botTurn(story.steps, first);
  return undefined;
}
