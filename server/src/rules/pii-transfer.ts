/**
 * pii.transfer: personal data leaving the bot unsafely. (1) An endpoint that
 * receives PII over plain http:// to a host on the internet; (2) PII written
 * into a URL's query string, which servers, proxies and browser histories
 * log even over https; (3) a Dialogflow CX parameter holding PII that a
 * webhook receives but that is not redacted, so its value is logged in the
 * conversation history. Project scope: the variables' types, the webhook
 * and the intents that use it are in different files.
 */
import { msg, type Fix } from '../core/findings';
import type { Conversation, Endpoint, Variable } from '../core/model';
import type { Rule, RuleContext } from '../core/rule';
import { replaceInText } from './support/edit';
import { distinctVariables, piiCategory } from './support/pii';
import { isInternalHost, queryVariables, urlParts } from './support/pii-url';

/** Names for a message: at most three, then "…". */
function listNames(names: string[]): string {
  return names.length > 3 ? names.slice(0, 3).join(', ') + ', …' : names.join(', ');
}

function piiNames(names: Iterable<string>, model: Conversation): string[] {
  const out: string[] = [];
  for (const n of names) if (piiCategory(model.variables.get(n), n)) out.push(n);
  return out;
}

/** PII the endpoint receives: named variables, or every PII variable when it gets all of them. */
function carriedPii(e: Endpoint, model: Conversation, allPii: () => string[]): string[] {
  const named = piiNames(e.carries, model);
  return e.carriesAll ? [...new Set([...named, ...allPii()])] : named;
}

function checkEndpoint(e: Endpoint, model: Conversation, ctx: RuleContext, allPii: () => string[]): void {
  const url = e.url;
  const parts = urlParts(url.value);
  if (!parts) return;
  const where = url.locate();

  if (parts.scheme === 'http' && parts.host && !isInternalHost(parts.host)) {
    const carried = carriedPii(e, model, allPii);
    if (carried.length) {
      const edit = replaceInText(url, parts.schemeAt, parts.schemeAt + 4, 'https');
      const fixes: Fix[] = edit ? [{ title: msg('Switch to https://'), edits: [edit], preferred: true }] : [];
      ctx.report({
        ...where,
        message: msg('Personal data ({0}) is sent to {1} over plain HTTP, readable by anyone on the way: use https://.', listNames(carried), parts.host),
        fixes,
        details: { host: parts.host, variables: carried.join(',') },
      });
    }
  }

  const inQuery = piiNames(queryVariables(url.value, parts.queryAt), model);
  if (inQuery.length) {
    // no automatic fix: moving a value into the body changes the API the server expects
    ctx.report({
      ...where,
      message: msg("Personal data ({0}) is put into this URL's query string, which servers, proxies and logs record even over HTTPS: send it in the request body.", listNames(inQuery)),
      fixes: [],
      details: { variables: inQuery.join(',') },
    });
  }
}

/** A Dialogflow CX parameter with PII that a CX webhook receives, without `redact: true`. */
function checkRedaction(model: Conversation, ctx: RuleContext): void {
  const cxWebhooks = model.endpoints.filter((e) => model.files.get(e.file)?.format === 'dialogflow-cx');
  if (!cxWebhooks.length) return;
  const sentToWebhook = (v: Variable) => {
    const keys = [v.name, ...(v.aliases ?? [])];
    return cxWebhooks.some((e) => e.carriesAll || e.carries.some((c) => keys.includes(c)));
  };
  for (const v of distinctVariables(model.variables)) {
    if (v.redact === true || model.files.get(v.file)?.format !== 'dialogflow-cx') continue;
    const pii = piiCategory(v, v.name);
    if (!pii || !sentToWebhook(v)) continue;
    ctx.report({
      file: v.file,
      start: v.declaration.start,
      end: v.declaration.end,
      message: msg('The parameter {0} holds personal data and goes to a webhook, but it is not redacted: its value is logged in the conversation history. Set "redact": true.', v.name),
      fixes: [],
      severity: 'warning',
      details: { variable: v.name, category: pii.category },
    });
  }
}

export const piiTransfer: Rule = {
  id: 'pii.transfer',
  description: 'Personal data is sent over plain HTTP, put into a URL query string, or logged unredacted on its way to a webhook.',
  tags: ['privacy', 'gdpr', 'security', 'personal-data'],
  defaultSeverity: 'error',
  sources: ['GDPR Art. 32(1)(a)', 'GDPR Art. 5(1)(f)', 'GDPR Art. 25'],
  explain: {
    en: {
      title: 'Personal data leaves the bot unprotected',
      why: 'Data sent over plain http:// can be read and changed by anyone on the network path; GDPR Art. 32 asks for encryption in transit. Values in a URL query string end up in server, proxy and analytics logs and browser histories even over HTTPS. Loopback, private-network addresses and single-label service names (Docker Compose, Kubernetes) are not the internet and are not reported. A Dialogflow CX parameter with personal data that is not marked "redact" is written to the conversation history in clear.',
      fix: 'Use https:// (the quick fix switches the scheme), send personal data in the request body instead of the query string, and set "redact": true on Dialogflow CX parameters that hold personal data.',
    },
    de: {
      title: 'Personenbezogene Daten verlassen den Bot ungeschützt',
      why: 'Über unverschlüsseltes http:// gesendete Daten kann jede Station auf dem Netzweg mitlesen und verändern; Art. 32 DSGVO verlangt Verschlüsselung bei der Übertragung. Werte in der Query einer URL landen auch bei HTTPS in Server-, Proxy- und Analyse-Logs und im Browserverlauf. Loopback, private Netzadressen und einteilige Dienstnamen (Docker Compose, Kubernetes) sind nicht das Internet und werden nicht gemeldet. Ein Dialogflow-CX-Parameter mit personenbezogenen Daten ohne „redact“ steht im Klartext im Gesprächsverlauf.',
      fix: 'https:// verwenden (die Schnellkorrektur stellt das Schema um), personenbezogene Daten im Request-Body statt in der Query senden und bei Dialogflow-CX-Parametern mit personenbezogenen Daten "redact": true setzen.',
    },
  },
  checkProject(model, ctx) {
    let all: string[] | undefined;
    const allPii = () => (all ??= distinctVariables(model.variables).filter((v) => piiCategory(v, v.name)).map((v) => v.name));
    for (const e of model.endpoints) checkEndpoint(e, model, ctx, allPii);
    checkRedaction(model, ctx);
  },
};
