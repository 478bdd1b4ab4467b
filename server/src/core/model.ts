/**
 * The conversation model: the one format-independent picture of a bot that
 * every rule reads. Each format parser turns one file into a {@link FileModel}
 * (a fragment); {@link mergeProject} joins the fragments of a project into a
 * {@link Conversation}. Rules never see a format.
 */
import type { MappedText, SourceRange } from './text';

export type Lang = 'en' | 'de';

/** Which parser produced a file (also the "kind" shown in debug output). */
export type FormatId =
  | 'rasa'
  | 'rasa-md'
  | 'lg'
  | 'lu'
  | 'qna'
  | 'dialog'
  | 'dialogflow-es'
  | 'dialogflow-cx';

/** How a variable is written inside bot text; decides what a fix may write. */
export type PlaceholderSyntax = 'rasa' | 'jinja' | 'lg' | 'dialogflow-es' | 'dialogflow-cx';

/** A variable interpolated into a text: `{email}`, `${user.email}`, `$email`, `$session.params.email`. */
export interface Placeholder {
  /** variable key as in {@link Variable.name} (e.g. `email`, `user.email`, `session.params.email`) */
  variable: string;
  /** decoded-text index range of the whole placeholder including its delimiters */
  start: number;
  end: number;
  syntax: PlaceholderSyntax;
}

export type PieceRole = 'text' | 'button' | 'quick-reply' | 'card' | 'speech' | 'title';

/**
 * A call of another message inside a text (LG `${Welcome()}`): when the bot
 * speaks, the called message's text stands in its place.
 */
export interface MessageCall {
  /** message id of the called template */
  message: string;
  /** decoded-text index range of the whole call including its delimiters */
  start: number;
  end: number;
}

/** One string of a variation: its main text, a button title, a card text... */
export interface TextPiece {
  text: MappedText;
  role: PieceRole;
  placeholders: Placeholder[];
  /** messages this text includes by reference (LG template calls); undefined: none */
  calls?: MessageCall[];
}

/** One alternative of a message; the user sees exactly one variation. */
export interface Variation {
  pieces: TextPiece[];
  /** language given by the format (locale file, languageCode, agent language); undefined: detect */
  lang?: Lang;
  /** the locale the format gives when it is not English or German (`es`, `fr-FR`): such text is not judged */
  locale?: string;
  /** a condition/channel the variation is restricted to, for display */
  condition?: string;
}

export type MessageRole = 'response' | 'prompt' | 'answer' | 'fallback';

/** Something the bot says: a Rasa response, an LG template, a Dialogflow intent's messages, a CX fulfillment. */
export interface BotMessage {
  /**
   * Reference key: Rasa `utter_greet`, LG template name, Dialogflow
   * `intent:<name>` or `<flow>/<page>#entry`. Several messages can share a key
   * (one LG template per locale file): references reach all of them.
   */
  id: string;
  file: string;
  /** where the message is declared (its name), for findings about the message as a whole */
  declaration: SourceRange;
  variations: Variation[];
  role: MessageRole;
}

/** A slot / parameter / property that holds a value at run time. */
export interface Variable {
  /** key used by placeholders: `email`, `user.email`, `session.params.email` (see parser docs) */
  name: string;
  /** other keys the same value is reachable by (`$email`, `#ctx.email`, `page.params.email`) */
  aliases?: string[];
  file: string;
  declaration: SourceRange;
  /** declared value type: text, bool, float, categorical, list, any, number, date, email... (lower case) */
  type?: string;
  /** entity / system entity / prebuilt that fills it: `email`, `sys.email`, `phonenumber`, `duckling:email` */
  entities?: string[];
  /** Dialogflow CX `redact` flag; undefined where the format has none or it is unset */
  redact?: boolean;
}

/** The bot's opening messages: consecutive bot messages at the start of a conversation. */
export interface GreetingSequence {
  /** message ids in the order the bot sends them */
  messages: string[];
  /** structural: found through a story/rule/trigger/event; name: only the name looks like a greeting */
  basis: 'structural' | 'name';
  /** the sequence contains actions the model cannot see (custom code) that may say more */
  opaque?: boolean;
  file: string;
  at: SourceRange;
}

/** A place where the bot asks the user for a variable's value. */
export interface Prompt {
  variable: string;
  /** message id of the prompt text */
  message: string;
  file: string;
  at: SourceRange;
}

/** An intent: what the user says and what the bot answers. */
export interface Intent {
  name: string;
  file: string;
  declaration: SourceRange;
  /** message ids of the bot's direct answers to it (from stories, rules, triggers, intent responses) */
  responses: string[];
  /** the answer also runs code the model cannot see */
  opaqueResponse?: boolean;
}

/** A user training example: never bot text. */
export interface TrainingExample {
  text: MappedText;
  intent?: string;
  lang?: Lang;
}

/** Where data leaves the bot. */
export interface Endpoint {
  kind: 'action-server' | 'webhook' | 'http-request' | 'tracker-store' | 'other';
  url: MappedText;
  /** variables the request carries (body, headers, url placeholders) */
  carries: string[];
  /** the endpoint receives every slot/parameter (Rasa action server, ES fulfillment) */
  carriesAll?: boolean;
  /** request body/headers as text, for placeholders and query analysis */
  payload?: MappedText[];
  file: string;
  /**
   * Name by which other files send data here ({@link EndpointUse}): a
   * Dialogflow webhook is declared in one file and called from others. The
   * merged conversation adds their variables to `carries`.
   */
  key?: string;
}

/** Variables a file sends to an endpoint declared in another file (ES intent with `webhookUsed`, CX fulfillment naming a webhook). */
export interface EndpointUse {
  /** {@link Endpoint.key} of the receiving endpoint */
  endpoint: string;
  variables: string[];
  file: string;
  at: SourceRange;
}

/** A structural way to reach a human. */
export interface HandoffMarker {
  kind: 'intent' | 'action' | 'live-agent' | 'flow' | 'activity';
  name: string;
  file: string;
  at: SourceRange;
}

export interface ParseError {
  file: string;
  message: string;
  at: SourceRange;
}

/** A reference from one file into another's messages, resolved at merge (`${Template()}` in a .dialog). */
export interface MessageUse {
  message: string;
  file: string;
  at: SourceRange;
}

/** What one parser found in one file. */
export interface FileModel {
  file: string;
  format: FormatId;
  /** the file text the offsets refer to (BOM removed) */
  text: string;
  /** the format's line-comment marker, for suppression comments; undefined: JSON (use config `ignore`) */
  commentPrefix?: '#' | '>';
  /** language of the whole file if the format says so (locale in name, languageCode) */
  lang?: Lang;
  messages: BotMessage[];
  variables: Variable[];
  greetings: GreetingSequence[];
  prompts: Prompt[];
  intents: Intent[];
  examples: TrainingExample[];
  endpoints: Endpoint[];
  handoffs: HandoffMarker[];
  uses: MessageUse[];
  /** data sent to endpoints declared in other files; undefined: none */
  endpointUses?: EndpointUse[];
  /** candidate main file of the project (domain, agent, root dialog); higher wins */
  rootPriority?: number;
  errors: ParseError[];
}

export function emptyFileModel(file: string, format: FormatId, text: string): FileModel {
  return {
    file,
    format,
    text,
    messages: [],
    variables: [],
    greetings: [],
    prompts: [],
    intents: [],
    examples: [],
    endpoints: [],
    handoffs: [],
    uses: [],
    errors: [],
  };
}

/** A whole bot project, merged from its files. */
export interface Conversation {
  files: ReadonlyMap<string, FileModel>;
  messages: readonly BotMessage[];
  /** all messages with a given id */
  messagesById: ReadonlyMap<string, readonly BotMessage[]>;
  variables: ReadonlyMap<string, Variable>;
  greetings: readonly GreetingSequence[];
  prompts: readonly Prompt[];
  intents: readonly Intent[];
  examples: readonly TrainingExample[];
  endpoints: readonly Endpoint[];
  handoffs: readonly HandoffMarker[];
  uses: readonly MessageUse[];
  /** the file project-wide findings are reported on (first line) */
  mainFile?: string;
}

/** Joins file fragments into one conversation. Cheap: no parsing, only lists. */
export function mergeProject(models: Iterable<FileModel>): Conversation {
  const files = new Map<string, FileModel>();
  const messages: BotMessage[] = [];
  const messagesById = new Map<string, BotMessage[]>();
  const variables = new Map<string, Variable>();
  const greetings: GreetingSequence[] = [];
  const prompts: Prompt[] = [];
  const intents: Intent[] = [];
  const examples: TrainingExample[] = [];
  const endpoints: Endpoint[] = [];
  const handoffs: HandoffMarker[] = [];
  const uses: MessageUse[] = [];
  const endpointUses: EndpointUse[] = [];
  let main: { file: string; priority: number } | undefined;

  const sorted = [...models].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const m of sorted) {
    files.set(m.file, m);
    for (const msg of m.messages) {
      messages.push(msg);
      const list = messagesById.get(msg.id);
      if (list) list.push(msg);
      else messagesById.set(msg.id, [msg]);
    }
    for (const v of m.variables) mergeVariable(variables, v);
    greetings.push(...m.greetings);
    prompts.push(...m.prompts);
    intents.push(...m.intents);
    examples.push(...m.examples);
    endpoints.push(...m.endpoints);
    handoffs.push(...m.handoffs);
    uses.push(...m.uses);
    if (m.endpointUses) endpointUses.push(...m.endpointUses);
    if (m.rootPriority !== undefined && (!main || m.rootPriority > main.priority)) main = { file: m.file, priority: m.rootPriority };
  }
  const resolvedEndpoints = endpointUses.length ? withUses(endpoints, endpointUses) : endpoints;
  return { files, messages, messagesById, variables, greetings, prompts, intents, examples, endpoints: resolvedEndpoints, handoffs, uses, mainFile: main?.file ?? sorted[0]?.file };
}

/** Endpoints with the variables other files send them; copies, so the cached file models stay as parsed. */
function withUses(endpoints: Endpoint[], uses: EndpointUse[]): Endpoint[] {
  const byKey = new Map<string, Set<string>>();
  for (const u of uses) {
    const set = byKey.get(u.endpoint) ?? new Set<string>();
    for (const v of u.variables) set.add(v);
    byKey.set(u.endpoint, set);
  }
  return endpoints.map((e) => {
    const extra = e.key === undefined ? undefined : byKey.get(e.key);
    return extra ? { ...e, carries: [...new Set([...e.carries, ...extra])] } : e;
  });
}

/** The same variable declared in several files (split domain, per-locale files): keep what each says. */
function mergeVariable(into: Map<string, Variable>, v: Variable): void {
  const keys = [v.name, ...(v.aliases ?? [])];
  const existing = keys.map((k) => into.get(k)).find((x) => x);
  if (!existing) {
    for (const k of keys) into.set(k, v);
    return;
  }
  const merged: Variable = {
    ...existing,
    type: existing.type ?? v.type,
    entities: [...new Set([...(existing.entities ?? []), ...(v.entities ?? [])])],
    redact: existing.redact ?? v.redact,
    aliases: [...new Set([...(existing.aliases ?? []), ...(v.aliases ?? []), ...keys.filter((k) => k !== existing.name)])],
  };
  for (const k of [merged.name, ...(merged.aliases ?? [])]) into.set(k, merged);
}

/** Every text piece of a message, with its variation. */
export function* piecesOf(messages: Iterable<BotMessage>): Iterable<{ message: BotMessage; variation: Variation; piece: TextPiece }> {
  for (const message of messages) for (const variation of message.variations) for (const piece of variation.pieces) yield { message, variation, piece };
}

/**
 * The texts of pieces as one string. One piece (the usual case) is its own
 * string, not a copy: after an edit the re-parsed file shares it with the
 * previous version, so a lookup by content finds its hash already computed.
 */
export function joinedText(pieces: readonly TextPiece[]): string {
  return pieces.length === 1 ? pieces[0].text.value : pieces.map((p) => p.text.value).join(' ');
}
