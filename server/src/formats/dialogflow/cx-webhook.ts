/**
 * A Dialogflow CX webhook (`webhooks/<Name>.json`) as an endpoint.
 *
 * A standard webhook receives the whole session (every parameter):
 * `carriesAll`, and the fulfillments that call it add their page's form
 * parameters by key. A flexible webhook (`webhookType: FLEXIBLE` or a
 * `requestBody`) sends exactly what its request names: the `$session.params.x`
 * / `$flow.x` references in `requestBody` (a JSON text inside a JSON string,
 * read as text: before substitution it need not be valid JSON), in the URI and
 * in the request headers. The payload texts keep the exact source offsets of
 * those references inside the outer string literal.
 */
import type { FileModel } from '../../core/model';
import type { MappedText } from '../../core/text';
import { entries, prop, str, textOf, type JsonNode } from './json-tree';
import { cxPlaceholders } from './placeholders';

export function readWebhook(model: FileModel, root: JsonNode, key: (name: string) => string): void {
  const service = prop(root, 'genericWebService') ?? prop(prop(root, 'serviceDirectory'), 'genericWebService');
  const url = textOf(model.file, model.text, prop(service, 'uri'));
  if (!url) return;
  const body = textOf(model.file, model.text, prop(service, 'requestBody'));
  const headers = entries(prop(service, 'requestHeaders'))
    .map(([, v]) => textOf(model.file, model.text, v))
    .filter((t): t is MappedText => t !== undefined);
  const payload = [...(body ? [body] : []), ...headers];
  const flexible = str(prop(service, 'webhookType')) === 'FLEXIBLE' || body !== undefined;
  const carries = [...new Set([url, ...payload].flatMap((t) => cxPlaceholders(t.value).map((p) => p.variable)))];
  const name = str(prop(root, 'displayName'));
  model.endpoints.push({
    kind: 'webhook',
    url,
    carries,
    carriesAll: !flexible,
    ...(payload.length ? { payload } : {}),
    file: model.file,
    // only a standard webhook receives the caller's parameters
    ...(!flexible && name ? { key: key(name) } : {}),
  });
}
