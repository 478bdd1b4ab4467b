/**
 * endpoints.yml: where the bot sends data. The action server receives the
 * whole tracker (every slot) with each custom action call; tracker stores and
 * event brokers receive every event; an NLG server receives the tracker too.
 * Other entries with a `url` (models, lock store) are listed as 'other'.
 */
import type { Node } from 'yaml';
import type { Endpoint } from '../../core/model';
import { asMap, getPair, rangeOf, str, textOf, type YamlContext } from './yaml-nodes';

const KINDS: Readonly<Record<string, { kind: Endpoint['kind']; carriesAll: boolean }>> = {
  action_endpoint: { kind: 'action-server', carriesAll: true },
  tracker_store: { kind: 'tracker-store', carriesAll: true },
  event_broker: { kind: 'tracker-store', carriesAll: true },
  nlg: { kind: 'other', carriesAll: true },
};

/** An endpoint for a top-level entry `key` whose value has a `url`; nothing otherwise. */
export function readEndpoint(ctx: YamlContext, key: string, node: Node | undefined): void {
  const map = asMap(ctx, node);
  const urlPair = map ? getPair(ctx, map, 'url') : undefined;
  if (!urlPair || str(ctx, urlPair.value) === undefined) return;
  const url = textOf(ctx, urlPair.value, rangeOf(urlPair.key).start);
  if (!url) return;
  const known = KINDS[key] ?? { kind: 'other' as const, carriesAll: false };
  const endpoint: Endpoint = { kind: known.kind, url, carries: [], file: ctx.file };
  if (known.carriesAll) endpoint.carriesAll = true;
  ctx.model.endpoints.push(endpoint);
}
