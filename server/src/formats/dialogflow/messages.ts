/**
 * Turning a Dialogflow response list into bot messages.
 *
 * A response list (an ES intent's `messages`, a CX fulfillment's `messages`)
 * holds, per language and platform/channel, messages the bot sends one after
 * the other; each may have variations (`speech: [..]`, `text.text: [..]`) of
 * which the user sees one. So the k-th message of each language becomes its
 * own BotMessage: the first keeps the base id (`intent:Order`), the next ones
 * get `#message-2`, `#message-3`... The same position in another language or
 * on another platform shares the id (one id, one message per locale), and so
 * do the branches of a conditional response: they are alternatives.
 */
import { langFromLocale } from '../../core/lang';
import type { BotMessage, MessageRole, PieceRole, Placeholder, TextPiece, Variation } from '../../core/model';
import type { SourceRange } from '../../core/text';
import { jsonStringText } from '../json-text';
import type { JsonNode } from './json-tree';

export function sequentialId(base: string, index: number): string {
  return index === 0 ? base : `${base}#message-${index + 1}`;
}

export interface PieceSource {
  node: JsonNode;
  role: PieceRole;
}

export class TextReader {
  constructor(
    readonly file: string,
    readonly text: string,
    private readonly placeholders: (value: string) => Placeholder[],
  ) {}

  /** A text piece from a string literal; undefined when it holds no visible text. */
  piece(node: JsonNode, role: PieceRole): TextPiece | undefined {
    if (node.type !== 'string') return undefined;
    const mapped = jsonStringText(this.file, this.text, node);
    if (!mapped.value.trim()) return undefined;
    return { text: mapped, role, placeholders: this.placeholders(mapped.value) };
  }

  /** A variation from several strings shown together (a card's title and text); undefined when all are empty. */
  variation(sources: PieceSource[], locale: string | undefined, condition?: string): Variation | undefined {
    const pieces = sources.map((s) => this.piece(s.node, s.role)).filter((p): p is TextPiece => p !== undefined);
    if (!pieces.length) return undefined;
    const lang = langFromLocale(locale);
    const v: Variation = lang ? { pieces, lang } : { pieces, ...(locale ? { locale } : {}) };
    if (condition) v.condition = condition;
    return v;
  }
}

export class MessageGroup {
  private counters = new Map<string, number>();
  private readonly slots = new Map<string, BotMessage>();
  private readonly order: BotMessage[] = [];
  private longest = 0;

  constructor(
    private readonly file: string,
    readonly baseId: string,
    private readonly role: MessageRole,
    private readonly declaration: SourceRange,
  ) {}

  /** The next message of a language/channel, with its variations (nothing when there are none). */
  push(locale: string | undefined, channel: string | undefined, variations: Variation[]): void {
    if (!variations.length) return;
    const key = `${locale ?? ''}\u0000${channel ?? ''}`;
    const index = this.counters.get(key) ?? 0;
    this.counters.set(key, index + 1);
    this.longest = Math.max(this.longest, index + 1);
    const slot = `${key}\u0000${index}`;
    let msg = this.slots.get(slot);
    if (!msg) {
      msg = { id: sequentialId(this.baseId, index), file: this.file, declaration: this.declaration, variations: [], role: this.role };
      this.slots.set(slot, msg);
      this.order.push(msg);
    }
    msg.variations.push(...variations);
  }

  /** Alternative branches (conditional cases): each starts at the same position; afterwards the longest one counts. */
  branches(cases: (() => void)[]): void {
    const start = new Map(this.counters);
    const after = new Map(start);
    for (const run of cases) {
      this.counters = new Map(start);
      run();
      for (const [k, n] of this.counters) after.set(k, Math.max(after.get(k) ?? 0, n));
    }
    this.counters = after;
  }

  get messages(): BotMessage[] {
    return this.order;
  }

  /** The ids in the order the bot sends them. */
  get ids(): string[] {
    return Array.from({ length: this.longest }, (_, i) => sequentialId(this.baseId, i));
  }
}
