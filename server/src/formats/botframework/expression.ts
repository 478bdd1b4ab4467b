/**
 * Adaptive expressions as far as the ethics checks need them: where a
 * `${...}` ends (strings and nested braces aware, linear), which memory
 * paths it reads (`user.email`, `$name`, `@email`) and which LG templates it
 * calls (`${Welcome()}`). Not an evaluator.
 */

/** Built-in functions of adaptive expressions and LG; any other `name(` is a template call. */
const BUILTINS = new Set(
  (
    'abs accessproperty activityattachment add addday adddays addhours addminutes addordinal addproperty addseconds addtotime all and any average base64 base64tobinary base64tostring binary bool ceiling coalesce concat contains convertfromutc converttoutc count countword createarray datauri datauritobinary datauritostring date datereadback datetimediff dayofmonth dayofweek dayofyear div element empty endswith eol equals exists exp expandtext first flatten float floor foreach formatdatetime formatepoch formatnumber formatticks fromfile getfuturetime getnextviabledate getnextviabletime getpasttime getpreviousviabledate getpreviousviabletime getproperty gettimeofday greater greaterorequals if indexof indicesandvalues int intersection isarray isboolean isdate isdaterange isdatetime isdefinite isduration isfloat isinteger ismatch isobject ispresent isstring istemplate istime istimerange join jpath json jsonstringify last lastindexof length less lessorequals localeconversion lower max merge min mod month mul newguid not optional or rand range removeproperty replace replaceignorecase reverse round select sentencecase setpathtovalue setproperty skip sortby sortbydescending split startofday startofhour startofmonth startswith string stringorvalue sub subarray substring subtractfromtime sum take template ticks tickstodays tickstohours tickstominutes titlecase tolower toupper trim union unique upper uricomponent uricomponenttostring urihost uripath uripathandquery uriport uriquery urischeme utcnow where xml xpath year'
  ).split(' '),
);

const KEYWORDS = new Set(['true', 'false', 'null', 'undefined']);

/** Memory paths that are the bot's configuration, not data about the user. */
function isSettingsPath(path: string): boolean {
  return /^(settings|class)\b/i.test(path);
}

export function isBuiltinFunction(name: string): boolean {
  return BUILTINS.has(name.toLowerCase());
}

/**
 * Index just past the `}` that closes the expression opening at `open` (the
 * `$` of `${`), or -1 when it does not close before `limit`. Skips string
 * literals ('...', "...", and `...` with nested `${}`), so braces in strings
 * do not count. One pass, no backtracking.
 */
export function expressionEnd(text: string, open: number, limit = text.length): number {
  // stack of open contexts: '{' a brace level in code, '`' a template string
  const stack: string[] = ['{'];
  let i = open + 2;
  while (i < limit) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (top === '`') {
      if (c === '\\') i += 2;
      else if (c === '`') {
        stack.pop();
        i++;
      } else if (c === '$' && text[i + 1] === '{') {
        stack.push('{');
        i += 2;
      } else i++;
      continue;
    }
    if (c === "'" || c === '"') {
      i = stringEnd(text, i, limit);
    } else if (c === '`') {
      stack.push('`');
      i++;
    } else if (c === '{') {
      stack.push('{');
      i++;
    } else if (c === '}') {
      stack.pop();
      i++;
      if (stack.length === 0) return i;
    } else i++;
  }
  return -1;
}

/** Index just past a quoted string starting at `at` (or `limit` when unterminated). */
function stringEnd(text: string, at: number, limit: number): number {
  const q = text[at];
  let i = at + 1;
  while (i < limit) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === q) return i + 1;
    else i++;
  }
  return limit;
}

export interface ExpressionRefs {
  /** memory paths the expression reads, normalized (see {@link normalizePath}) */
  paths: string[];
  /** LG templates it calls, in order */
  calls: string[];
}

const IDENT_START = /[A-Za-z_$#@%]/;
const IDENT_PART = /[\w$@]/;

/**
 * The memory paths and template calls in an expression's source (without the
 * `${`/`}` or leading `=`). Settings paths and lambda/function names are left
 * out; string literals are skipped, but expressions inside `...` template
 * strings are read.
 */
export function expressionRefs(expr: string): ExpressionRefs {
  const paths: string[] = [];
  const calls: string[] = [];
  const n = expr.length;
  let i = 0;
  while (i < n) {
    const c = expr[i];
    if (c === "'" || c === '"') {
      i = stringEnd(expr, i, n);
      continue;
    }
    if (c === '`') {
      i = readTemplateString(expr, i, paths, calls);
      continue;
    }
    const afterDot = i > 0 && expr[i - 1] === '.';
    if (!IDENT_START.test(c) || (i > 0 && IDENT_PART.test(expr[i - 1]))) {
      i++;
      continue;
    }
    // a path: identifier(.identifier | [index])*
    let j = i + 1;
    while (j < n && (IDENT_PART.test(expr[j]) || (expr[j] === '.' && j + 1 < n && IDENT_START.test(expr[j + 1])))) j++;
    let path = expr.slice(i, j);
    let k = j;
    while (k < n && (expr[k] === ' ' || expr[k] === '\t')) k++;
    if (expr[k] === '(') {
      if (!isBuiltinFunction(path) && !afterDot) calls.push(path);
    } else if (!afterDot && /[A-Za-z_]/.test(path.replace(/^[$#@%]+/, '').charAt(0) || '') && !KEYWORDS.has(path.toLowerCase())) {
      // `user.addresses[0].street`: the path up to the first index is what a variable is named by
      path = normalizePath(path);
      if (!isSettingsPath(path) && !paths.includes(path)) paths.push(path);
    }
    i = j;
  }
  return { paths, calls };
}

/** Reads a `...` template string from `at`, collecting refs of its `${}` parts; returns the index past it. */
function readTemplateString(expr: string, at: number, paths: string[], calls: string[]): number {
  let i = at + 1;
  const n = expr.length;
  while (i < n) {
    const c = expr[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i + 1;
    else if (c === '$' && expr[i + 1] === '{') {
      const end = expressionEnd(expr, i, n);
      const stop = end < 0 ? n : end;
      const inner = expressionRefs(expr.slice(i + 2, end < 0 ? n : end - 1));
      for (const p of inner.paths) if (!paths.includes(p)) paths.push(p);
      calls.push(...inner.calls);
      i = stop;
    } else i++;
  }
  return n;
}

/** `$x` is the dialog scope: `dialog.x`. Other shorthands (`@entity`, `#intent`) stay as written. */
export function normalizePath(path: string): string {
  if (path.startsWith('$') && path.length > 1 && !path.startsWith('$$')) return 'dialog.' + path.slice(1);
  return path;
}

/** The shorthand a property path can also be written as (`dialog.x` ⇄ `$x`). */
export function pathAliases(path: string): string[] {
  if (/^dialog\./i.test(path)) return ['$' + path.slice('dialog.'.length)];
  return [];
}
