/**
 * Dialogflow ES response messages (`responses[].messages[]`) as bot text.
 * Exports write the type as a number (`0` text, `1` card, `2` quick replies,
 * `3` image, `4` custom payload) or, for rich platforms, as a name
 * (`simple_response`, `basic_card`, `suggestion_chips`...). Custom payloads
 * are channel data, not bot text; they only count when they ask for a live agent.
 */
import type { Variation } from '../../core/model';
import { isHandoffAction, payloadHandsOver } from './handoff';
import { items, keyNode, prop, range, str, stringNodes, type JsonNode } from './json-tree';
import type { PieceSource, TextReader } from './messages';

export interface EsMessage {
  locale: string | undefined;
  /** platform other than the default one (google, facebook...) */
  platform: string | undefined;
  /** messages sent one after the other, each with its variations */
  sequence: Variation[][];
  /** where the message hands over to a live agent */
  handoff?: { name: string; at: { start: number; end: number } };
}

export function readEsMessage(reader: TextReader, m: JsonNode): EsMessage {
  const locale = str(prop(m, 'lang'));
  const rawPlatform = str(prop(m, 'platform'));
  const platform = rawPlatform && rawPlatform !== 'default' && rawPlatform !== 'PLATFORM_UNSPECIFIED' ? rawPlatform : undefined;
  const condition = platform ? `platform: ${platform}` : undefined;
  const typeNode = prop(m, 'type');
  const type = typeNode && (typeNode.type === 'number' || typeNode.type === 'string') ? String(typeNode.value).toLowerCase() : '0';
  const one = (sources: PieceSource[]): Variation[][] => {
    const v = reader.variation(sources, locale, condition);
    return v ? [[v]] : [];
  };
  const each = (nodes: JsonNode[], role: PieceSource['role']): Variation[][] => {
    const vs = nodes.map((n) => reader.variation([{ node: n, role }], locale, condition)).filter((v): v is Variation => v !== undefined);
    return vs.length ? [vs] : [];
  };
  const field = (node: JsonNode | undefined, key: string, role: PieceSource['role']): PieceSource[] => {
    const n = prop(node, key);
    return n && n.type === 'string' ? [{ node: n, role }] : [];
  };
  const result: EsMessage = { locale, platform, sequence: [] };

  switch (type) {
    case '0':
    case 'text':
    case 'message':
      result.sequence = each(stringNodes(prop(m, 'speech') ?? prop(m, 'text')), 'text');
      break;
    case '1':
    case 'card':
      result.sequence = one([...field(m, 'title', 'title'), ...field(m, 'subtitle', 'card'), ...items(prop(m, 'buttons')).flatMap((b) => field(b, 'text', 'button'))]);
      break;
    case '2':
    case 'quick_reply':
    case 'quick_replies':
    case 'quickreplies':
      result.sequence = one([...field(m, 'title', 'text'), ...stringNodes(prop(m, 'replies')).map((node) => ({ node, role: 'quick-reply' as const }))]);
      break;
    case 'simple_response':
      result.sequence = one([...field(m, 'displayText', 'text'), ...field(m, 'textToSpeech', 'speech'), ...field(m, 'ssml', 'speech')]);
      break;
    case 'simple_responses':
      result.sequence = items(prop(m, 'items')).flatMap((it) => one([...field(it, 'displayText', 'text'), ...field(it, 'textToSpeech', 'speech'), ...field(it, 'ssml', 'speech')]));
      break;
    case 'basic_card':
      result.sequence = one([
        ...field(m, 'title', 'title'),
        ...field(m, 'subtitle', 'card'),
        ...field(m, 'formattedText', 'card'),
        ...items(prop(m, 'buttons')).flatMap((b) => field(b, 'title', 'button')),
      ]);
      break;
    case 'suggestion_chips':
      result.sequence = one(items(prop(m, 'suggestions')).flatMap((s) => field(s, 'title', 'quick-reply')));
      break;
    case 'link_out_chip':
      result.sequence = one(field(m, 'destinationName', 'button'));
      break;
    case 'list_card':
    case 'carousel_card':
    case 'browse_carousel_card':
      result.sequence = one([
        ...field(m, 'title', 'title'),
        ...items(prop(m, 'items')).flatMap((it) => [...field(it, 'title', 'title'), ...field(it, 'description', 'card'), ...field(it, 'footer', 'card')]),
      ]);
      break;
    case 'telephony_synthesize_speech':
      result.sequence = one([...field(m, 'text', 'speech'), ...field(m, 'ssml', 'speech')]);
      break;
    case '4':
    case 'custom_payload':
    case 'payload': {
      const payload = prop(m, 'payload');
      if (payloadHandsOver(payload)) result.handoff = { name: 'payload', at: range(keyNode(m, 'payload') ?? m) };
      break;
    }
    default:
      // telephony_transfer_call, live_agent_handoff...: a handoff by its type; images and audio: nothing to read
      if (isHandoffAction(type)) result.handoff = { name: type, at: range(typeNode ?? m) };
  }
  return result;
}
