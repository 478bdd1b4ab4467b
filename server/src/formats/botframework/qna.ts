/**
 * QnA Maker knowledge bases (.qna): each `# ? question` pair is a user intent
 * whose questions (the heading and the `- ` lines below it) are training
 * examples, and whose fenced answer is a bot message (role 'answer', id
 * `qna:<first question>`). `**Prompts:**` follow-up links are its buttons;
 * `**Filters:**` metadata, `<a id>` anchors and `>` comments are skipped.
 */
import { langFromPath } from '../../core/lang';
import { emptyFileModel, type BotMessage, type FileModel, type TextPiece } from '../../core/model';
import { MappedText, type SourceRange } from '../../core/text';
import type { FormatParser } from '../format';
import { firstNonBlank, skipBlanks, splitLines, trimEnd, type Lines } from './lines';

export const qnaFormat: FormatParser = {
  id: 'qna',
  claims: (path) => /\.qna$/i.test(path),
  parse: parseQna,
};

const FENCE = '```';
/** Composer's cross-training pairs answer with a routing instruction, not with text for the user. */
const DEFER = /^intent\s*=\s*DeferToRecognizer_/;

interface Pair {
  message: BotMessage;
  section: 'questions' | 'filters' | 'prompts' | 'answered';
  answer?: TextPiece;
  prompts: TextPiece[];
  /** a cross-trained pair that hands the question to the recognizer */
  deferred?: boolean;
}

export function parseQna(file: string, text: string): FileModel {
  const model = emptyFileModel(file, 'qna', text);
  model.commentPrefix = '>';
  const lang = langFromPath(file);
  if (lang) model.lang = lang;
  const lines = splitLines(text);
  const error = (message: string, at: SourceRange) => model.errors.push({ file, message, at });
  let pair: Pair | undefined;
  let lastBad = -2;

  const finish = () => {
    if (!pair) return;
    const pieces = [...(pair.answer ? [pair.answer] : []), ...pair.prompts];
    if (pieces.length) pair.message.variations.push({ pieces, ...(lang ? { lang } : {}) });
    if (!pair.answer && !pair.deferred) error('Question without an answer: add the answer in a ``` block below it.', pair.message.declaration);
  };

  for (let li = 0; li < lines.starts.length; li++) {
    const s = firstNonBlank(text, lines, li);
    const e = trimEnd(text, s, lines.ends[li]);
    if (s >= e) continue;
    const c = text[s];
    if (c === '>' || c === '<' || c === '[' || c === '@' || c === '$') continue; // comments, options, anchors, imports, entity lines
    if (c === '#') {
      finish();
      pair = question(model, text, s, e, lang, lines.starts[li]);
      if (!pair) error('QnA heading without a question: write `# ? question`.', { start: s, end: e });
      continue;
    }
    const lower = text.slice(s, e).toLowerCase();
    if (lower.startsWith('**filters:**')) {
      if (pair) pair.section = 'filters';
    } else if (lower.startsWith('**prompts:**')) {
      if (pair) pair.section = 'prompts';
    } else if (text.startsWith(FENCE, s)) {
      const read = answer(file, text, lines, li, s);
      if (read.unclosed) error('This answer block is never closed with ```.', { start: s, end: s + 3 });
      if (pair && read.piece && DEFER.test(read.piece.text.value)) pair.deferred = true;
      else if (pair && !pair.answer && read.piece) pair.answer = read.piece;
      else if (!pair) error('Answer outside any question: add a `# ? question` line above it.', { start: s, end: e });
      if (pair) pair.section = 'answered';
      li = read.lastLine;
    } else if (c === '-' || c === '*' || c === '+') {
      if (!pair) {
        if (li !== lastBad + 1) error('Question outside any QnA pair: add a `# ? question` line above it.', { start: s, end: e });
        lastBad = li;
      } else if (pair.section === 'questions') {
        const start = skipBlanks(text, s + 1, e);
        if (start < e) model.examples.push({ text: MappedText.verbatim(file, text.slice(start, e), start, { kind: 'raw' }, lines.starts[li]), intent: pair.message.id, ...(lang ? { lang } : {}) });
      } else if (pair.section === 'prompts') {
        const button = promptButton(file, text, s, e, lines.starts[li]);
        if (button) pair.prompts.push(button);
      }
    } else if (li !== lastBad + 1) {
      error('Unexpected text: questions start with `# ?` or `- `, answers stand in ``` blocks.', { start: s, end: e });
      lastBad = li;
    }
  }
  finish();
  return model;
}

/** `# ? question` (any number of `#`): a new pair; its message, intent and first example. */
function question(model: FileModel, text: string, s: number, e: number, lang: FileModel['lang'], anchor: number): Pair | undefined {
  let i = s;
  while (text[i] === '#') i++;
  i = skipBlanks(text, i, e);
  if (text[i] !== '?') return undefined;
  const start = skipBlanks(text, i + 1, e);
  if (start >= e) return undefined;
  const q = text.slice(start, e);
  const id = `qna:${q}`;
  const declaration = { start, end: e };
  const message: BotMessage = { id, file: model.file, declaration, variations: [], role: 'answer' };
  model.messages.push(message);
  model.intents.push({ name: id, file: model.file, declaration, responses: [id] });
  model.examples.push({ text: MappedText.verbatim(model.file, q, start, { kind: 'raw' }, anchor), intent: id, ...(lang ? { lang } : {}) });
  return { message, section: 'questions', prompts: [] };
}

/**
 * A fenced answer from the line of its opening fence: the lines up to the
 * closing fence, with their common indentation removed, joined by `\n`.
 */
function answer(file: string, text: string, lines: Lines, li: number, fenceAt: number): { piece?: TextPiece; lastLine: number; unclosed: boolean } {
  const b = MappedText.builder(file, { kind: 'raw' }).anchor(lines.starts[li]);
  // ```markdown: the info string is not part of the answer; text after it on the same line is
  let first = fenceAt + 3;
  const infoEnd = /^[A-Za-z]*/.exec(text.slice(first, first + 20))![0].length;
  const sameLineClose = text.indexOf(FENCE, first + infoEnd);
  const lineEnd = lines.ends[li];
  if (sameLineClose >= 0 && sameLineClose < lineEnd) {
    const start = skipBlanks(text, first + (infoEnd && text[first + infoEnd] === ' ' ? infoEnd : 0), sameLineClose);
    const end = trimEnd(text, start, sameLineClose);
    return { piece: end > start ? piece(b.verbatim(text.slice(start, end), start).build()) : undefined, lastLine: li, unclosed: false };
  }
  first += infoEnd;
  // content lines: the rest of the fence line (if any), then whole lines up to the closing fence
  const content: SourceRange[] = [];
  const rest = skipBlanks(text, first, lineEnd);
  if (rest < lineEnd) content.push({ start: rest, end: trimEnd(text, rest, lineEnd) });
  let k = li + 1;
  let closed = false;
  for (; k < lines.starts.length; k++) {
    const ls = lines.starts[k];
    const le = lines.ends[k];
    const close = text.indexOf(FENCE, ls);
    if (close >= 0 && close < le) {
      if (trimEnd(text, ls, close) > ls) content.push({ start: ls, end: trimEnd(text, ls, close) });
      closed = true;
      break;
    }
    content.push({ start: ls, end: trimEnd(text, ls, le) });
  }
  while (content.length && content[0].end === firstContent(text, content[0])) content.shift();
  while (content.length && content[content.length - 1].end === firstContent(text, content[content.length - 1])) content.pop();
  const indent = Math.min(...content.filter((r) => firstContent(text, r) < r.end).map((r) => firstContent(text, r) - r.start));
  content.forEach((r, n) => {
    const from = Math.min(r.start + indent, r.end);
    // the line break stands for the previous line's end, the break and this line's indentation
    if (n > 0) b.escape('\n', content[n - 1].end, from);
    b.verbatim(text.slice(from, r.end), from);
  });
  const built = b.build(rest);
  return { piece: built.value.trim() ? piece(built) : undefined, lastLine: closed ? k : k - 1, unclosed: !closed };
}

function firstContent(text: string, r: SourceRange): number {
  return skipBlanks(text, r.start, r.end);
}

function piece(text: MappedText): TextPiece {
  return { text, role: 'text', placeholders: [] };
}

/** `- [Display text](#?question) `context-only``: the display text is a button the user sees. */
function promptButton(file: string, text: string, s: number, e: number, anchor: number): TextPiece | undefined {
  const open = text.indexOf('[', s);
  if (open < 0 || open >= e) return undefined;
  const close = text.indexOf(']', open);
  if (close < 0 || close >= e) return undefined;
  const start = skipBlanks(text, open + 1, close);
  const end = trimEnd(text, start, close);
  if (end <= start) return undefined;
  return { text: MappedText.verbatim(file, text.slice(start, end), start, { kind: 'raw' }, anchor), role: 'button', placeholders: [] };
}
