/**
 * Builds conversation-model fragments for rule unit tests without a parser:
 * every text is appended as a line of a synthetic file, so offsets are real
 * and a finding's range can be checked against the file text. Integration
 * tests go through the real parsers instead.
 */
import { Checker } from '../../server/src/core/engine';
import { DEFAULT_CONFIG, layerConfig, type BotEthicsConfig } from '../../server/src/core/config';
import type { Finding } from '../../server/src/core/findings';
import {
  emptyFileModel,
  mergeProject,
  type BotMessage,
  type FileModel,
  type FormatId,
  type Lang,
  type MessageRole,
  type PieceRole,
  type Placeholder,
  type TextPiece,
  type Variable,
} from '../../server/src/core/model';
import type { Rule } from '../../server/src/core/rule';
import { MappedText, type Encoding } from '../../server/src/core/text';

export interface TextSpec {
  text: string;
  role?: PieceRole;
}

export class ModelBuilder {
  private text = '';
  readonly model: FileModel;

  constructor(
    readonly file: string,
    format: FormatId = 'rasa',
    readonly encoding: Encoding = { kind: 'yaml-plain' },
  ) {
    this.model = emptyFileModel(file, format, '');
    this.model.commentPrefix = format === 'lg' || format === 'lu' ? '>' : format.startsWith('dialogflow') || format === 'dialog' ? undefined : '#';
  }

  /** Appends `prefix + value` as a new line; returns the value as MappedText. */
  line(value: string, prefix = '  - '): MappedText {
    const lineStart = this.text.length;
    const start = lineStart + prefix.length;
    this.text += prefix + value + '\n';
    this.model.text = this.text;
    return MappedText.verbatim(this.file, value, start, this.encoding, lineStart);
  }

  piece(value: string, role: PieceRole = 'text'): TextPiece {
    const text = this.line(value);
    return { text, role, placeholders: findPlaceholders(value) };
  }

  /** A message with one variation per entry (a string, or several pieces). */
  message(id: string, variations: (string | TextSpec[])[], opts: { role?: MessageRole; lang?: Lang } = {}): BotMessage {
    const declStart = this.text.length;
    this.text += `${id}:\n`;
    const msg: BotMessage = {
      id,
      file: this.file,
      declaration: { start: declStart, end: declStart + id.length },
      role: opts.role ?? (id.startsWith('utter_ask_') ? 'prompt' : 'response'),
      variations: variations.map((v) => ({
        lang: opts.lang,
        pieces: typeof v === 'string' ? [this.piece(v)] : v.map((p) => this.piece(p.text, p.role)),
      })),
    };
    this.model.text = this.text;
    this.model.messages.push(msg);
    return msg;
  }

  variable(name: string, opts: Partial<Omit<Variable, 'name' | 'file' | 'declaration'>> = {}): Variable {
    const start = this.text.length;
    this.text += `${name}:\n`;
    this.model.text = this.text;
    const v: Variable = { name, file: this.file, declaration: { start, end: start + name.length }, ...opts };
    this.model.variables.push(v);
    return v;
  }

  greeting(messages: string[], basis: 'structural' | 'name' = 'structural', opaque = false): this {
    this.model.greetings.push({ messages, basis, opaque, file: this.file, at: { start: 0, end: 0 } });
    return this;
  }

  prompt(variable: string, message: string): this {
    this.model.prompts.push({ variable, message, file: this.file, at: { start: 0, end: 0 } });
    return this;
  }

  intent(name: string, responses: string[]): this {
    const start = this.text.length;
    this.text += `- intent: ${name}\n`;
    this.model.text = this.text;
    this.model.intents.push({ name, file: this.file, declaration: { start: start + 10, end: start + 10 + name.length }, responses });
    return this;
  }

  example(text: string, intent?: string, lang?: Lang): MappedText {
    const t = this.line(text, '    - ');
    this.model.examples.push({ text: t, intent, lang });
    return t;
  }

  endpoint(url: string, opts: { kind?: 'action-server' | 'webhook' | 'http-request' | 'tracker-store' | 'other'; carries?: string[]; carriesAll?: boolean } = {}): this {
    const u = this.line(url, '  url: ');
    this.model.endpoints.push({ kind: opts.kind ?? 'webhook', url: u, carries: opts.carries ?? [], carriesAll: opts.carriesAll, file: this.file });
    return this;
  }

  handoff(name: string, kind: 'intent' | 'action' | 'live-agent' | 'flow' | 'activity' = 'action'): this {
    this.model.handoffs.push({ kind, name, file: this.file, at: { start: 0, end: 0 } });
    return this;
  }

  /** Raw text, e.g. a suppression comment line. */
  raw(line: string): this {
    this.text += line + '\n';
    this.model.text = this.text;
    return this;
  }

  root(priority = 10): this {
    this.model.rootPriority = priority;
    return this;
  }

  build(): FileModel {
    this.model.text = this.text;
    return this.model;
  }
}

/** `{slot}` (Rasa) and `${path}` (LG) placeholders in a test text. */
export function findPlaceholders(value: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of value.matchAll(/\$\{([\w.]+)\}|(?<![{$])\{([\w-]+)\}(?!\})/g)) {
    out.push({ variable: m[1] ?? m[2], start: m.index, end: m.index + m[0].length, syntax: m[1] ? 'lg' : 'rasa' });
  }
  return out;
}

/** Runs rules over fragments; returns all findings (every file), sorted by file then offset. */
export function runRules(rules: Rule[], files: FileModel[], config: Partial<BotEthicsConfig> = {}): Finding[] {
  const checker = new Checker(rules);
  const byFile = checker.check(mergeProject(files), layerConfig({ ...DEFAULT_CONFIG }, config));
  return [...byFile.values()].flat();
}

/** The source text a finding covers. */
export function covered(files: FileModel[], f: Finding): string {
  const fm = files.find((x) => x.file === f.file)!;
  return fm.text.slice(f.start, f.end);
}

/** Applies a fix's edits to a file text (edits sorted back to front). */
export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}
