/**
 * URL facts pii.transfer needs, without a URL library (endpoint URLs in bot
 * files are often templates: `${settings.api}/users?email=${user.email}`):
 * the scheme, the host, whether the host is reachable only inside the
 * machine or a private network, and the variables written into the query.
 */
export interface UrlParts {
  /** index of the scheme in the text (after leading white space) */
  schemeAt: number;
  scheme: string;
  /** lower case, without user info, port and IPv6 brackets; undefined when a template fills it */
  host: string | undefined;
  /** index of `?` or -1 */
  queryAt: number;
}

export function urlParts(url: string): UrlParts | undefined {
  const schemeAt = url.length - url.trimStart().length;
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url.slice(schemeAt));
  const queryAt = url.indexOf('?');
  if (!m) return { schemeAt, scheme: '', host: undefined, queryAt };
  const rest = url.slice(schemeAt + m[0].length);
  let authority = rest.split(/[/?#]/, 1)[0];
  authority = authority.slice(authority.lastIndexOf('@') + 1);
  let host: string | undefined;
  if (authority.startsWith('[')) host = authority.slice(1, authority.indexOf(']'));
  else host = authority.replace(/:\d*$/, '');
  if (!host || /[${}%<>\s]/.test(host)) host = undefined;
  return { schemeAt, scheme: m[1].toLowerCase(), host: host?.toLowerCase(), queryAt };
}

/** Top-level names that resolve only on the machine, the LAN or inside a cluster. */
const INTERNAL_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa', '.intranet', '.corp'];

/**
 * Is the host outside the public internet? Loopback (localhost, 127.0.0.0/8,
 * ::1, 0.0.0.0), private and link-local addresses (10/8, 172.16/12,
 * 192.168/16, 169.254/16, fc00::/7, fe80::/10), single-label names (Docker
 * Compose / Kubernetes service names such as `action_server`, `rasa-actions`)
 * and internal-only suffixes (.local, .internal, .localhost ...).
 */
export function isInternalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || INTERNAL_SUFFIXES.some((s) => h.endsWith(s))) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (h.includes(':')) return h === '::1' || h === '::' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h);
  return !h.includes('.');
}

const KEYWORDS = new Set(['true', 'false', 'null', 'undefined', 'and', 'or', 'not']);

/**
 * Variables written into the query string: `${user.email}` (any memory path
 * in the expression), `{email}`, `{{email}}`, `$email`,
 * `$session.params.email`. Function names and string literals are skipped.
 */
export function queryVariables(url: string, queryAt: number): string[] {
  if (queryAt < 0) return [];
  const query = url.slice(queryAt + 1).split('#', 1)[0];
  const out = new Set<string>();
  for (const m of query.matchAll(/\$\{([^}]*)\}|\{\{([^{}]*)\}\}|\{([\w.-]+)\}|\$([\w.-]+)/g)) {
    if (m[1] !== undefined) for (const p of expressionPaths(m[1])) out.add(p);
    else if (m[2] !== undefined) for (const p of expressionPaths(m[2])) out.add(p);
    else out.add((m[3] ?? m[4]).replace(/\.$/, ''));
  }
  return [...out];
}

/** Memory paths read by an expression: identifiers not followed by `(`, outside string literals. */
function expressionPaths(expr: string): string[] {
  const code = expr.replace(/'[^']*'|"[^"]*"/g, ' ');
  const out: string[] = [];
  for (const m of code.matchAll(/[$@#]?[A-Za-z_]\w*(?:\.[\w-]+)*/g)) {
    // a name followed by `(` is a function (concat, uriComponent), not a variable
    if (/^\s*\(/.test(code.slice(m.index + m[0].length))) continue;
    const p = m[0].replace(/^[$@#]/, '');
    if (KEYWORDS.has(p.toLowerCase()) || /^(settings|class)\b/i.test(p)) continue;
    out.push(p);
  }
  return out;
}
