/**
 * Rasa 1.x Markdown training data (format 'rasa-md'). NLU files: `## intent:x`
 * sections whose `- example` lines are TrainingExamples (entity annotations
 * kept as written); `## synonym:`, `## regex:`, `## lookup:` sections are data.
 * Story files: `## story`, `* intent` user turns (`* a OR b`, `* form: x`,
 * end-to-end `* intent: user text`), `  - action` bot actions, `- slot{..}` /
 * `- form{..}` events, `> checkpoint`s; analysed like YAML stories.
 * A .md file is claimed only when it has these markers, never README prose.
 * HTML comments `<!-- -->` are skipped; the format has no line comment, so
 * findings here are suppressed through the config's `ignore`.
 */
import type { FormatParser } from '../format';
import { emptyFileModel, type FileModel, type TrainingExample } from '../../core/model';
import { langFromPath } from '../../core/lang';
import { MappedText } from '../../core/text';
import { analyseStories, type NamedAt, type Story, type StoryStep } from './story-analysis';

interface Line {
  /** source offset of the line start */
  start: number;
  text: string;
}

/** Lines with their offsets, HTML comment lines blanked out. */
function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let inComment = false;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const trimmed = line.trim();
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      line = '';
    } else if (trimmed.startsWith('<!--')) {
      inComment = !trimmed.includes('-->', 4);
      line = '';
    }
    out.push({ start, text: line });
    start = end + 1;
  }
  return out;
}

const NLU_HEADER = /^##\s*(intent|synonym|regex|lookup):(.*)$/;
const ID_CHAR = /[\p{L}\p{N}_\-/.]/u;

/** Length of the identifier at `from` (intent and action names: letters, digits, `_ - / .`). */
function identifierEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && ID_CHAR.test(s[i])) i++;
  return i;
}

/**
 * `* intent...`: the offset of the intent name inside the line, or -1. Rasa
 * reads everything up to `{` as the name, so exported Dialogflow intents keep
 * their spaces (`* Default Welcome Intent`).
 */
function userLineStart(line: string): number {
  if (!line.startsWith('*')) return -1;
  let i = 1;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (line.startsWith('form:', i)) {
    i += 5;
    while (line[i] === ' ') i++;
  }
  return identifierEnd(line, i) > i ? i : -1;
}

/** `* Install Rasa` in prose has words; a story's `* greet{..}` has one name. */
function looksLikeIntentLine(line: string): boolean {
  const at = userLineStart(line);
  if (at < 0) return false;
  const rest = line.slice(identifierEnd(line, at)).trimEnd();
  return rest === '' || rest[0] === '{' || rest[0] === ':' || /^\s+OR\s/.test(rest);
}

/** `  - action` (indented or not): the offset of the action name, or -1. */
function actionLineStart(line: string): number {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (line[i] !== '-') return -1;
  i++;
  while (line[i] === ' ' || line[i] === '\t') i++;
  const end = identifierEnd(line, i);
  if (end === i) return -1;
  const rest = line.slice(end).trimEnd();
  return rest === '' || rest[0] === '{' ? i : -1;
}

/** Rasa action names have an underscore (utter_x, action_x, x_form); a prose bullet rarely does. */
function looksLikeActionLine(line: string): boolean {
  const at = actionLineStart(line);
  return at >= 0 && line.slice(at, identifierEnd(line, at)).includes('_');
}

export function claimsRasaMarkdown(path: string, text: string): boolean {
  if (!/\.md$/i.test(path)) return false;
  const lines = linesOf(text).map((l) => l.text).filter((l) => l.trim() !== '');
  for (let n = 0; n < lines.length; n++) {
    if (NLU_HEADER.test(lines[n])) return true;
    // a story: a `##` header, then `* intent`, then `- action`
    if (lines[n].startsWith('##') && n + 2 < lines.length && looksLikeIntentLine(lines[n + 1]) && looksLikeActionLine(lines[n + 2])) return true;
  }
  return false;
}

export const rasaMarkdownParser: FormatParser = {
  id: 'rasa-md',
  claims: claimsRasaMarkdown,
  parse(path: string, source: string): FileModel {
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    const model = emptyFileModel(path, 'rasa-md', text);
    const lang = langFromPath(path);
    if (lang) model.lang = lang;
    const stories: Story[] = [];
    let section: { kind: 'intent'; name: string } | { kind: 'data' } | { kind: 'story'; story: Story } | undefined;
    for (const line of linesOf(text)) {
      const t = line.text;
      if (t.startsWith('##')) {
        const nlu = NLU_HEADER.exec(t);
        if (nlu) section = nlu[1] === 'intent' ? { kind: 'intent', name: nlu[2].trim() } : { kind: 'data' };
        else {
          const story: Story = { steps: [], conversationStart: false, continues: false };
          stories.push(story);
          section = { kind: 'story', story };
        }
        continue;
      }
      if (section?.kind === 'intent') readExample(model, line, section.name);
      else if (section?.kind === 'story') readStoryLine(model, line, section.story);
    }
    analyseStories(stories, model);
    return model;
  },
};

/** `- example` (or `*`, `+`) under an intent header. */
function readExample(model: FileModel, line: Line, intent: string): void {
  const t = line.text;
  let i = 0;
  while (t[i] === ' ' || t[i] === '\t') i++;
  if (t[i] !== '-' && t[i] !== '*' && t[i] !== '+') return;
  i++;
  if (t[i] !== ' ' && t[i] !== '\t') return;
  while (t[i] === ' ' || t[i] === '\t') i++;
  const value = t.slice(i).trimEnd();
  if (!value) return;
  const example: TrainingExample = { text: MappedText.verbatim(model.file, value, line.start + i), intent };
  if (model.lang) example.lang = model.lang;
  model.examples.push(example);
}

function readStoryLine(model: FileModel, line: Line, story: Story): void {
  const t = line.text;
  const user = userLineStart(t);
  if (user >= 0) {
    story.steps.push(userStep(model, line, user));
    return;
  }
  if (t.trimStart().startsWith('>')) {
    // a checkpoint: at the start the story continues another one
    if (!story.steps.some((s) => s.kind !== 'event')) story.continues = true;
    else story.steps.push({ kind: 'boundary' });
    return;
  }
  const action = actionLineStart(t);
  if (action < 0) return;
  const end = identifierEnd(t, action);
  if (t[end] === '{') {
    story.steps.push({ kind: 'event' }); // slot{...}, form{...}, active_loop{...}
    return;
  }
  story.steps.push({ kind: 'action', name: t.slice(action, end), at: { start: line.start + action, end: line.start + end } });
}

/** `* a OR b`, `* intent{"entity": ..}`, `* intent: user text` (the text is a user example). */
function userStep(model: FileModel, line: Line, from: number): StoryStep {
  const t = line.text;
  const intents: NamedAt[] = [];
  let i = from;
  for (;;) {
    // a name runs to `{`, `:` or ` OR `
    let end = i;
    while (end < t.length && t[end] !== '{' && t[end] !== ':' && !isOrAt(t, end)) end++;
    let s = i;
    let e = end;
    while (s < e && (t[s] === ' ' || t[s] === '\t')) s++;
    while (e > s && (t[e - 1] === ' ' || t[e - 1] === '\t')) e--;
    if (e > s) intents.push({ name: t.slice(s, e), at: { start: line.start + s, end: line.start + e } });
    i = end;
    if (t[i] === '{') i = skipJson(t, i);
    if (!isOrAt(t, i)) break;
    i = t.indexOf('OR', i) + 2;
  }
  if (t[i] === ':' && intents.length === 1) {
    let s = i + 1;
    while (t[s] === ' ' || t[s] === '\t') s++;
    const value = t.slice(s).trimEnd();
    if (value) {
      const example: TrainingExample = { text: MappedText.verbatim(model.file, value, line.start + s), intent: intents[0].name };
      if (model.lang) example.lang = model.lang;
      model.examples.push(example);
    }
  }
  const at = intents.length ? { start: intents[0].at.start, end: intents[intents.length - 1].at.end } : { start: line.start, end: line.start + t.length };
  return { kind: 'user', intents, at };
}

/** ` OR ` (blanks around) at `i`. */
function isOrAt(t: string, i: number): boolean {
  if (t[i] !== ' ' && t[i] !== '\t') return false;
  let k = i;
  while (t[k] === ' ' || t[k] === '\t') k++;
  return t.startsWith('OR', k) && (t[k + 2] === ' ' || t[k + 2] === '\t');
}

/** Index just past a balanced `{...}` starting at `from` (strings respected), or the line end. */
function skipJson(s: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return s.length;
}
