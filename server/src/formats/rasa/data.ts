/**
 * Rasa YAML training data: `stories:` / `rules:` (and Rasa Pro `test_cases:`)
 * become {@link Story} steps for the shared analysis; `nlu:` intent examples
 * become TrainingExamples, one per `- ` line of an `examples: |` block, with
 * exact offsets (entity annotations such as `[Berlin](city)` are kept as
 * written). `synonym`, `regex` and `lookup` entries are data, not examples.
 * A `user:` line of an end-to-end story or test case is a user example too.
 */
import type { Node, YAMLMap } from 'yaml';
import type { TrainingExample } from '../../core/model';
import { sliceText } from '../yaml-text';
import { analyseStories, type NamedAt, type Story, type StoryStep } from './story-analysis';
import { asMap, asScalar, asSeq, get, getPair, itemsOf, keyName, pairsOf, rangeOf, shapeError, str, textOf, type YamlContext } from './yaml-nodes';

/** Reads `stories:`, `rules:` or `test_cases:` (key given) into the model. */
export function readStories(ctx: YamlContext, node: Node | undefined, key: string): void {
  const seq = asSeq(ctx, node);
  if (!seq) {
    if (node && asScalar(ctx, node)?.value !== null) shapeError(ctx, node, `\`${key}\` must be a list of ${key === 'rules' ? 'rules' : 'stories'}.`);
    return;
  }
  const stories: Story[] = [];
  for (const item of itemsOf(ctx, seq)) {
    const map = asMap(ctx, item);
    if (!map) {
      shapeError(ctx, item, `Each entry of \`${key}\` must be a mapping with \`steps\`.`);
      continue;
    }
    const stepsNode = get(ctx, map, 'steps');
    const stepsSeq = asSeq(ctx, stepsNode);
    if (!stepsSeq) {
      if (stepsNode && asScalar(ctx, stepsNode)?.value !== null) shapeError(ctx, stepsNode, '`steps` must be a list.');
      continue;
    }
    const steps: StoryStep[] = [];
    let continues = false;
    for (const stepNode of itemsOf(ctx, stepsSeq)) {
      const step = readStep(ctx, stepNode);
      if (step === 'checkpoint') {
        if (!steps.some((s) => s.kind !== 'event')) continues = true;
        else steps.push({ kind: 'boundary' });
      } else steps.push(step);
    }
    const conversationStart = asScalar(ctx, get(ctx, map, 'conversation_start'))?.value === true;
    stories.push({ steps, conversationStart, continues });
  }
  analyseStories(stories, ctx.model);
}

function readStep(ctx: YamlContext, node: Node): StoryStep | 'checkpoint' {
  const map = asMap(ctx, node);
  if (!map) return { kind: 'event' };
  const intent = named(ctx, map, 'intent');
  const user = getPair(ctx, map, 'user');
  if (user) {
    const text = textOf(ctx, user.value, rangeOf(user.key).start);
    if (text && text.value.trim()) addExample(ctx, { text, ...(intent ? { intent: intent.name } : {}) });
  }
  if (intent || user) return { kind: 'user', intents: intent ? [intent] : [], at: intent?.at ?? rangeOf(node) };
  const action = named(ctx, map, 'action') ?? named(ctx, map, 'utter');
  if (action) return { kind: 'action', name: action.name, at: action.at };
  const alternatives = get(ctx, map, 'or');
  if (alternatives) {
    const intents = itemsOf(ctx, asSeq(ctx, alternatives))
      .map((alt) => named(ctx, asMap(ctx, alt), 'intent'))
      .filter((i): i is NamedAt => i !== undefined);
    return intents.length ? { kind: 'user', intents, at: rangeOf(alternatives) } : { kind: 'event' };
  }
  if (getPair(ctx, map, 'checkpoint')) return 'checkpoint';
  return { kind: 'event' }; // slot_was_set, active_loop, bot: ...
}

/** A string value under `key` with the range of that value. */
function named(ctx: YamlContext, map: YAMLMap | undefined, key: string): NamedAt | undefined {
  if (!map) return undefined;
  const pair = getPair(ctx, map, key);
  const name = pair ? str(ctx, pair.value) : undefined;
  return pair && name ? { name, at: rangeOf(pair.value) } : undefined;
}

function addExample(ctx: YamlContext, example: TrainingExample): void {
  if (ctx.model.lang) example.lang = ctx.model.lang;
  ctx.model.examples.push(example);
}

export function readNlu(ctx: YamlContext, node: Node | undefined): void {
  const seq = asSeq(ctx, node);
  if (!seq) {
    if (node && asScalar(ctx, node)?.value !== null) shapeError(ctx, node, '`nlu` must be a list of intents, synonyms, regexes and lookups.');
    return;
  }
  for (const item of itemsOf(ctx, seq)) {
    const map = asMap(ctx, item);
    if (!map) {
      shapeError(ctx, item, 'Each `nlu` entry must be a mapping such as `intent:` with `examples:`.');
      continue;
    }
    const intent = str(ctx, get(ctx, map, 'intent'));
    if (intent === undefined) continue; // synonym, regex, lookup: data, not examples
    const examples = getPair(ctx, map, 'examples');
    if (!examples) continue;
    const anchorAt = rangeOf(examples.key).start;
    const list = asSeq(ctx, examples.value);
    if (list) {
      // the list form: `- text: ...` entries (with metadata), each one example
      for (const e of itemsOf(ctx, list)) {
        const em = asMap(ctx, e);
        const textPair = em ? pairsOf(em).find((p) => keyName(ctx, p) === 'text') : undefined;
        const t = textPair ? textOf(ctx, textPair.value, rangeOf(textPair.key).start) : textOf(ctx, e, rangeOf(e).start);
        if (t) addExample(ctx, { text: t, intent });
      }
      continue;
    }
    const block = textOf(ctx, examples.value, anchorAt);
    if (!block) continue;
    for (const [from, to] of exampleLines(block.value)) addExample(ctx, { text: sliceText(block, from, to), intent });
  }
}

/** Decoded index ranges of the examples in an `examples: |` block: each `- ` line without the dash and outer blanks. */
export function exampleLines(value: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start <= value.length) {
    let end = value.indexOf('\n', start);
    if (end < 0) end = value.length;
    let i = start;
    while (i < end && (value[i] === ' ' || value[i] === '\t')) i++;
    if (value[i] === '-') {
      i++;
      while (i < end && (value[i] === ' ' || value[i] === '\t')) i++;
      let j = end;
      while (j > i && (value[j - 1] === ' ' || value[j - 1] === '\t' || value[j - 1] === '\r')) j--;
      if (j > i) out.push([i, j]);
    }
    start = end + 1;
  }
  return out;
}
