/**
 * Bot Framework adaptive dialogs (.dialog JSON). Walks triggers and their
 * actions at any depth (IfCondition, SwitchCondition, Foreach, EditActions...)
 * and records what the conversation model needs:
 * - the welcome trigger (OnConversationUpdateActivity) → structural greeting
 *   of the messages it sends, in order;
 * - OnIntent → intent with the messages that answer it;
 * - inputs and Ask → prompts, and typed variables for their properties;
 * - HttpRequest → endpoint; SendHandoffActivity → handoff;
 * - `${Template()}` references → message uses (findings land on the .lg
 *   text); inline activity text → a message of the .dialog itself.
 */
import * as jsonc from 'jsonc-parser';
import { langFromPath } from '../../core/lang';
import { emptyFileModel, type BotMessage, type FileModel, type MessageRole, type TextPiece, type Variable } from '../../core/model';
import type { MappedText, SourceRange } from '../../core/text';
import type { FormatParser } from '../format';
import { jsonStringText } from '../json-text';
import { isAdaptiveDialog } from './dialog-detect';
import { expressionRefs, normalizePath, pathAliases } from './expression';
import { interpolations, onlyExpressions } from './interpolation';
import { contentRange, nodeRange, prop, stringNode, stringsIn, stringValue } from './json-nodes';

export const dialogFormat: FormatParser = {
  id: 'dialog',
  claims: (path, text) => /\.dialog$/i.test(path) && isAdaptiveDialog(text),
  parse: parseDialog,
};

/** Value types of the input actions' properties. */
const INPUT_TYPES: Readonly<Record<string, string | undefined>> = {
  TextInput: 'text',
  NumberInput: 'number',
  ConfirmInput: 'bool',
  ChoiceInput: 'categorical',
  DateTimeInput: 'date',
  AttachmentInput: 'attachment',
  OAuthInput: undefined,
};
/** Input fields that hold bot text; `prompt` is the question itself. */
const INPUT_MESSAGES = ['prompt', 'unrecognizedPrompt', 'invalidPrompt', 'defaultValueResponse'] as const;
const GREETING_TRIGGER = /(^|\.)On(ConversationUpdateActivity|MembersAdded)$/;
const HANDOFF_NAME = /hand[\s_-]?off|human|live[\s_-]?agent|escalat|transfer[\s_-]?to[\s_-]?agent/i;
const GREETING_DIALOG = /welcome|greeting/i;
/** Most alternative greeting orders kept per trigger. */
const MAX_PATHS = 16;
/** Actions after which the bot waits for the user: the greeting ends there. */
const TURN_ENDING = new RegExp(`(^|\\.)(${[...Object.keys(INPUT_TYPES), 'Ask', 'EndTurn'].join('|')})$`);

/** One order of messages a list of actions can send; `ended`: it stops at an input, waiting for the user. */
interface SendPath {
  messages: string[];
  ended: boolean;
}
const CALLS_ELSEWHERE = /^Microsoft\.(BeginDialog|ReplaceDialog|BeginSkill|RepeatDialog)$/;

interface Trigger {
  kind: string;
  at: SourceRange;
  intent?: jsonc.Node;
  /** message ids the trigger sends, in document order */
  sends: string[];
  /** it also runs something the model cannot see (another dialog, a skill, custom code) */
  opaque: boolean;
}

class DialogParser {
  readonly model: FileModel;
  private readonly name: string;
  private readonly handled = new Set<jsonc.Node>();
  private readonly variables = new Map<string, Variable>();
  /** message ids each action sends, for the greeting's possible orders */
  private readonly sentBy = new Map<jsonc.Node, string[]>();
  /** the question an input action or Ask sends before it waits for the user */
  private readonly questionOf = new Map<jsonc.Node, string[]>();

  constructor(
    private readonly file: string,
    private readonly src: string,
  ) {
    this.model = emptyFileModel(file, 'dialog', src);
    const lang = langFromPath(file);
    if (lang) this.model.lang = lang;
    this.name = baseName(file).replace(/\.dialog$/i, '');
  }

  parse(): FileModel {
    const errors: jsonc.ParseError[] = [];
    const root = jsonc.parseTree(this.src, errors, { allowTrailingComma: true, disallowComments: false });
    // the project removes a BOM; one left in place is not the author's mistake
    const real = errors.filter((e) => !(e.offset === 0 && this.src.charCodeAt(0) === 0xfeff));
    if (real.length) {
      const e = real[0];
      this.model.errors.push({ file: this.file, message: `Invalid JSON (${jsonc.printParseErrorCode(e.error)}).`, at: { start: e.offset, end: e.offset + e.length } });
    }
    if (!root) return this.model;
    this.model.rootPriority = this.rootPriority(root);
    this.walk(root, undefined);
    this.model.variables.push(...this.variables.values());
    return this.model;
  }

  /** Root dialog: named like its folder (Composer's main dialog), or a top-level dialog with a recognizer. */
  private rootPriority(root: jsonc.Node): number {
    const parts = this.file.split(/[\\/]/);
    const folder = parts[parts.length - 2] ?? '';
    // Composer keeps child dialogs in dialogs/<name>/<name>.dialog: only the bot's own folder counts
    if (parts.some((p) => p.toLowerCase() === 'dialogs')) return 1;
    const recognizes = prop(root, 'recognizer') !== undefined;
    if (folder.toLowerCase() === this.name.toLowerCase()) return recognizes ? 10 : 5;
    return recognizes && prop(root, 'triggers') ? 5 : 1;
  }

  private walk(node: jsonc.Node, trigger: Trigger | undefined): void {
    if (node.type === 'string') {
      if (!this.handled.has(node)) this.usesIn(node);
      return;
    }
    if (node.type === 'object') {
      const kind = stringValue(prop(node, '$kind'));
      if (kind && /(^|\.)On[A-Z]\w*$/.test(kind) && !kind.startsWith('Microsoft.Test.')) {
        const t: Trigger = { kind, at: nodeRange(prop(node, '$kind')!), intent: prop(node, 'intent'), sends: [], opaque: false };
        this.children(node, t);
        this.finishTrigger(t, node);
        return;
      }
      if (kind) this.action(node, kind, trigger);
    }
    this.children(node, trigger);
  }

  private children(node: jsonc.Node, trigger: Trigger | undefined): void {
    for (const child of node.children ?? []) {
      // skip designer metadata: names and descriptions there are not shown to users
      if (child.type === 'property' && child.children?.[0]?.value === '$designer') continue;
      this.walk(child.type === 'property' ? child.children?.[1] ?? child : child, trigger);
    }
  }

  private finishTrigger(t: Trigger, node: jsonc.Node): void {
    const structural = GREETING_TRIGGER.test(t.kind);
    // a dialog named like a welcome (Composer's WelcomeDialog) greets when it begins
    const byName = !structural && /(^|\.)OnBeginDialog$/.test(t.kind) && GREETING_DIALOG.test(this.name);
    if (structural || byName) {
      const paths = this.paths(prop(node, 'actions')).map((p) => p.messages);
      const someMessages = paths.some((p) => p.length > 0);
      const seen = new Set<string>();
      for (const messages of paths) {
        const key = messages.join('\u0000');
        // an empty order is only worth keeping when it is all there is and code may speak instead
        if (seen.has(key) || (!messages.length && (someMessages || !t.opaque))) continue;
        seen.add(key);
        this.model.greetings.push({ messages, basis: structural ? 'structural' : 'name', ...(t.opaque ? { opaque: true } : {}), file: this.file, at: t.at });
      }
    }
    const intent = stringValue(t.intent);
    if (/(^|\.)OnIntent$/.test(t.kind) && intent) {
      this.model.intents.push({ name: intent, file: this.file, declaration: contentRange(t.intent!), responses: t.sends, ...(t.opaque ? { opaqueResponse: true } : {}) });
    }
  }

  /**
   * The orders in which the messages of a list of actions can be sent: IfCondition
   * and SwitchCondition branches are alternatives (the user sees one), other
   * containers run their actions in order. An input action (TextInput, Ask,
   * EndTurn...) ends the turn: its question still belongs to the opening, what
   * follows answers the user and does not. Capped, since branches multiply.
   */
  private paths(actions: jsonc.Node | undefined): SendPath[] {
    let out: SendPath[] = [{ messages: [], ended: false }];
    for (const action of actions?.type === 'array' ? actions.children ?? [] : []) {
      if (out.every((p) => p.ended)) break;
      const alternatives = this.alternatives(action);
      const next: SendPath[] = [];
      for (const a of out) {
        if (a.ended) {
          if (next.length < MAX_PATHS) next.push(a);
          continue;
        }
        for (const b of alternatives) if (next.length < MAX_PATHS) next.push({ messages: [...a.messages, ...b.messages], ended: b.ended });
      }
      out = next;
    }
    return out;
  }

  private alternatives(action: jsonc.Node): SendPath[] {
    const kind = stringValue(prop(action, '$kind')) ?? '';
    if (/(^|\.)IfCondition$/.test(kind)) return [...this.paths(prop(action, 'actions')), ...this.paths(prop(action, 'elseActions'))];
    if (/(^|\.)SwitchCondition$/.test(kind)) {
      const out: SendPath[] = [];
      for (const c of prop(action, 'cases')?.children ?? []) out.push(...this.paths(prop(c, 'actions')));
      out.push(...this.paths(prop(action, 'default')));
      return out.slice(0, MAX_PATHS);
    }
    if (TURN_ENDING.test(kind)) return [{ messages: this.questionOf.get(action) ?? [], ended: true }];
    const own = this.sentBy.get(action) ?? [];
    return this.paths(prop(action, 'actions')).map((p) => ({ messages: [...own, ...p.messages], ended: p.ended }));
  }

  private action(node: jsonc.Node, kind: string, trigger: Trigger | undefined): void {
    const short = kind.replace(/^Microsoft\./, '');
    if (short === 'SendActivity') this.send(trigger, this.messageField(node, 'activity', 'response'), node);
    else if (short === 'Ask') this.ask(node, trigger);
    else if (short in INPUT_TYPES) this.input(node, short, trigger);
    else if (short === 'SendHandoffActivity') this.handoff(node, 'activity', trigger?.intent ? stringValue(trigger.intent)! : this.name);
    else if (short === 'HttpRequest') this.httpRequest(node);
    else if (short === 'SetProperty') this.assignment(prop(node, 'property'), prop(node, 'value'), undefined);
    else if (short === 'SetProperties') for (const a of prop(node, 'assignments')?.children ?? []) this.assignment(prop(a, 'property'), prop(a, 'value'), undefined);
    if (CALLS_ELSEWHERE.test(kind)) {
      if (trigger) trigger.opaque = true;
      const target = stringValue(prop(node, 'dialog')) ?? stringValue(prop(node, 'skillAppId')) ?? '';
      if (HANDOFF_NAME.test(target)) this.handoff(node, 'action', target);
    } else if (!kind.startsWith('Microsoft.') && trigger) trigger.opaque = true; // a custom action: code we cannot read
  }

  private send(trigger: Trigger | undefined, ids: string[], action: jsonc.Node): void {
    if (trigger) trigger.sends.push(...ids);
    if (ids.length) this.sentBy.set(action, [...(this.sentBy.get(action) ?? []), ...ids]);
  }

  /** `activity` of Ask: what it says, and a prompt for each property it expects. */
  private ask(node: jsonc.Node, trigger: Trigger | undefined): void {
    const ids = this.messageField(node, 'activity', 'prompt');
    this.send(trigger, ids, node);
    this.questionOf.set(node, ids);
    for (const p of prop(node, 'expectedProperties')?.children ?? []) {
      const name = stringValue(p);
      if (!name) continue;
      for (const message of ids) this.model.prompts.push({ variable: normalizePath(name.startsWith('$') ? name : `$${name}`), message, file: this.file, at: contentRange(p) });
    }
  }

  private input(node: jsonc.Node, short: string, trigger: Trigger | undefined): void {
    const property = prop(node, 'property');
    const variable = this.assignment(property, prop(node, 'value'), INPUT_TYPES[short]);
    for (const field of INPUT_MESSAGES) {
      const ids = this.messageField(node, field, field === 'defaultValueResponse' ? 'response' : 'prompt');
      if (field === 'prompt' || field === 'defaultValueResponse') this.send(trigger, ids, node);
      if (field === 'prompt') this.questionOf.set(node, ids);
      if (field === 'prompt' && variable) for (const message of ids) this.model.prompts.push({ variable: variable.name, message, file: this.file, at: contentRange(prop(node, field)!) });
    }
    for (const key of ['choices', 'confirmChoices']) this.choices(node, key);
  }

  /** ChoiceInput `choices` (strings or `{ value, action: { title } }`): the buttons the user sees. */
  private choices(node: jsonc.Node, key: string): void {
    const list = prop(node, key);
    if (list?.type !== 'array') return;
    const pieces: TextPiece[] = [];
    for (const item of list.children ?? []) {
      const label = item.type === 'string' ? item : stringNode(prop(prop(item, 'action'), 'title')) ?? stringNode(prop(item, 'value'));
      if (!label) continue;
      this.handled.add(label);
      const text = jsonStringText(this.file, this.src, label);
      if (text.value.trim()) pieces.push(this.piece(text, 'button'));
    }
    if (pieces.length) this.inlineMessage(`${this.actionId(node)}.${key}`, list, pieces, 'response');
  }

  /**
   * A text field (activity, prompt...): `${Template()}` alone references LG
   * templates (their ids are returned); any other text is an inline message
   * of this file. Returns the message ids the field sends.
   */
  private messageField(node: jsonc.Node, field: string, role: MessageRole): string[] {
    const value = prop(node, field);
    if (!value) return [];
    if (value.type === 'object') return this.activityObject(node, field, value, role);
    if (value.type !== 'string') return [];
    this.handled.add(value);
    const text = jsonStringText(this.file, this.src, value);
    if (!text.value.trim()) return [];
    const piece = this.piece(text, 'text');
    for (const call of piece.calls ?? []) this.model.uses.push({ message: call.message, file: this.file, at: text.range(call.start, call.end) });
    const calls = piece.calls ?? [];
    if (calls.length && onlyExpressions(text.value, [...calls, ...piece.placeholders])) return [...new Set(calls.map((c) => c.message))];
    const id = `${this.actionId(node)}.${field}`;
    this.inlineMessage(id, value, [piece], role);
    return [id];
  }

  /** An inline activity object `{ "type": "message", "text": ..., "speak": ... }`. */
  private activityObject(node: jsonc.Node, field: string, activity: jsonc.Node, role: MessageRole): string[] {
    const pieces: TextPiece[] = [];
    for (const [key, pieceRole] of [['text', 'text'], ['speak', 'speech']] as const) {
      const s = stringNode(prop(activity, key));
      if (!s) continue;
      this.handled.add(s);
      const text = jsonStringText(this.file, this.src, s);
      if (text.value.trim()) pieces.push(this.piece(text, pieceRole));
    }
    if (!pieces.length) return [];
    const id = `${this.actionId(node)}.${field}`;
    this.inlineMessage(id, activity, pieces, role);
    return [id];
  }

  private piece(text: MappedText, role: TextPiece['role']): TextPiece {
    const { placeholders, calls } = interpolations(text.value);
    return { text, role, placeholders, ...(calls.length ? { calls } : {}) };
  }

  private inlineMessage(id: string, at: jsonc.Node, pieces: TextPiece[], role: MessageRole): void {
    const message: BotMessage = { id, file: this.file, declaration: nodeRange(at), variations: [{ pieces, ...(this.model.lang ? { lang: this.model.lang } : {}) }], role };
    this.model.messages.push(message);
  }

  /** `<dialog>#<designer id>` (or the action's JSON path): a readable, stable id for inline messages. */
  private actionId(node: jsonc.Node): string {
    const designer = stringValue(prop(prop(node, '$designer'), 'id'));
    if (designer) return `${this.name}#${designer}`;
    const path = jsonc.getNodePath(node).map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
    return `${this.name}#${path.replace(/^\./, '')}`;
  }

  /** `property` (+ `value` like `=@email`): the variable it fills. */
  private assignment(property: jsonc.Node | undefined, value: jsonc.Node | undefined, type: string | undefined): Variable | undefined {
    const raw = stringValue(property);
    if (!raw || raw.startsWith('=')) return undefined;
    const name = normalizePath(raw.trim());
    const entities = entitiesOf(stringValue(value));
    const existing = this.variables.get(name);
    if (existing) {
      existing.type ??= type;
      if (entities.length) existing.entities = [...new Set([...(existing.entities ?? []), ...entities])];
      return existing;
    }
    const aliases = [...new Set([...pathAliases(name), ...(raw.trim() !== name ? [raw.trim()] : [])])];
    const v: Variable = { name, file: this.file, declaration: contentRange(property!), ...(aliases.length ? { aliases } : {}), ...(type ? { type } : {}), ...(entities.length ? { entities } : {}) };
    this.variables.set(name, v);
    return v;
  }

  private handoff(node: jsonc.Node, kind: 'activity' | 'action', name: string): void {
    this.model.handoffs.push({ kind, name, file: this.file, at: nodeRange(prop(node, '$kind') ?? node) });
  }

  /** HttpRequest: the url, and every property path the url, headers and body carry. */
  private httpRequest(node: jsonc.Node): void {
    const urlNode = stringNode(prop(node, 'url'));
    if (!urlNode) return;
    this.handled.add(urlNode);
    const url = jsonStringText(this.file, this.src, urlNode);
    const carries = new Set<string>(pathsIn(url.value));
    const payload: MappedText[] = [];
    for (const part of [prop(node, 'headers'), prop(node, 'body')]) {
      for (const s of stringsIn(part)) {
        const text = jsonStringText(this.file, this.src, s);
        payload.push(text);
        for (const p of pathsIn(text.value)) carries.add(p);
      }
    }
    this.model.endpoints.push({ kind: 'http-request', url, carries: [...carries], ...(payload.length ? { payload } : {}), file: this.file });
    for (const call of interpolations(url.value).calls) this.model.uses.push({ message: call.message, file: this.file, at: url.range(call.start, call.end) });
  }

  /** `${Template()}` inside any other string: a use, so findings can point back here. */
  private usesIn(node: jsonc.Node): void {
    const raw = String(node.value ?? '');
    if (!raw.includes('${')) return;
    const text = jsonStringText(this.file, this.src, node);
    for (const call of interpolations(text.value).calls) this.model.uses.push({ message: call.message, file: this.file, at: text.range(call.start, call.end) });
  }
}

export function parseDialog(file: string, text: string): FileModel {
  return new DialogParser(file, text).parse();
}

/** Paths read by a value: `=expr` is an expression, anything else text with `${}` parts. */
function pathsIn(value: string): string[] {
  const trimmed = value.trimStart();
  if (trimmed.startsWith('=')) return expressionRefs(trimmed.slice(1)).paths;
  return [...new Set(interpolations(value).placeholders.map((p) => p.variable))];
}

/** Entities a value expression reads from: `=@email`, `=coalesce(@email, @@email)`, `=@personName.first`. */
function entitiesOf(value: string | undefined): string[] {
  if (!value) return [];
  const expr = value.trimStart().replace(/^=/, '');
  const out: string[] = [];
  for (const p of expressionRefs(expr).paths) {
    const m = /^@@?([A-Za-z_][\w]*)/.exec(p) ?? /^turn\.recognized\.entities\.([A-Za-z_][\w]*)/i.exec(p);
    if (m && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}
