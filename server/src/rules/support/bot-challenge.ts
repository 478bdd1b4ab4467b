/**
 * Is an intent the user's question "are you a bot?"? Judged by the words of
 * its name against a closed vocabulary (server/src/data/bot-challenge.json),
 * so that bot_challenge, are_you_a_bot, ask_isbot, areyouabot,
 * smalltalk.agent.chatbot, agent.are_you_a_bot, BotFrage and "Bist du ein Bot" are, and talk_to_human,
 * ask_human, human_handoff or real_estate are not.
 */
import data from '../../data/bot-challenge.json';
import { lazy } from './text-context';

const subjects = lazy(() => new Set(data.subjects));
const questions = lazy(() => new Set(data.questions));
const nounQuestions = lazy(() => new Set(data.nounQuestions));
const machineSubjects = lazy(() => new Set(data.machineSubjects));
const vocabulary = lazy(() => new Set([...data.vocabulary, ...data.subjects, ...data.questions, ...data.nounQuestions]));
const longestWord = lazy(() => Math.max(...[...vocabulary()].map((w) => w.length)));

/** Lower-case words of a name: `are_you_a_bot`, `areYouABot`, `chitchat/ask_isbot`, "Are you a bot?". */
function nameWords(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !/^\d+$/.test(w));
}

/**
 * Splits a run-together word into vocabulary words (`areyouabot` → are you a
 * bot), preferring the fewest pieces; undefined when it cannot be split.
 * Dynamic programming over a word of at most a few dozen letters: linear in
 * practice, no backtracking.
 */
function segment(word: string): string[] | undefined {
  if (vocabulary().has(word)) return [word];
  if (word.length > 40) return undefined;
  const best: (string[] | undefined)[] = new Array(word.length + 1).fill(undefined);
  best[0] = [];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - longestWord()); start < end; start++) {
      const head = best[start];
      const piece = word.slice(start, end);
      if (!head || !vocabulary().has(piece)) continue;
      if (!best[end] || head.length + 1 < best[end]!.length) best[end] = [...head, piece];
    }
  }
  return best[word.length];
}

/** Drops Dialogflow's `smalltalk.agent.` prefix; returns whether it was there. */
function withoutSmalltalkPrefix(words: string[]): { rest: string[]; smalltalk: boolean } {
  for (const prefix of data.smalltalkPrefixes) {
    if (prefix.every((w, i) => words[i] === w)) return { rest: words.slice(prefix.length), smalltalk: true };
  }
  return { rest: words, smalltalk: false };
}

export function isBotChallengeIntent(name: string): boolean {
  if (isChallengeName(name)) return true;
  // a namespace of the team's own (`agent.`, `faq/`, `smalltalk.bot.`): judge what follows it
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if ((c === '.' || c === '/') && i + 1 < name.length && isChallengeName(name.slice(i + 1))) return true;
  }
  return false;
}

function isChallengeName(name: string): boolean {
  const { rest, smalltalk } = withoutSmalltalkPrefix(nameWords(name));
  const words: string[] = [];
  for (const w of rest) {
    const parts = segment(w);
    if (!parts) return false;
    words.push(...parts);
  }
  if (!words.some((w) => subjects().has(w))) return false;
  if (smalltalk || words.some((w) => questions().has(w))) return true;
  // "BotFrage", "frage_bot": the noun "question" about a machine (never "frage_mensch")
  return words.some((w) => nounQuestions().has(w)) && words.some((w) => machineSubjects().has(w));
}
