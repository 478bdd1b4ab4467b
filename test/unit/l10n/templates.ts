/**
 * Finds every English message template in the server's sources with the
 * TypeScript parser: the first argument of `msg(...)` and `localize(...)`,
 * `template:` properties of Message-shaped objects, and whatever reaches
 * those through constants, lookup tables, conditionals, destructuring and
 * helper parameters (`bad(node, 'template')`, `new UsageError('template')`,
 * `counted(n, 'one', 'many')`). What cannot be resolved statically is
 * returned as `dynamic`, so that a new kind of call is noticed.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export interface TemplateUse {
  template: string;
  /** path relative to server/src, POSIX */
  file: string;
}

export interface Scan {
  uses: TemplateUse[];
  /** `file: expression` of template positions that are not string constants */
  dynamic: string[];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

interface Unit {
  file: string;
  sf: ts.SourceFile;
}

/** Functions whose parameter `index` is a template, found while resolving: name → indices. */
type Helpers = Map<string, Set<number>>;

export function scanTemplates(serverSrc: string): Scan {
  const units: Unit[] = sourceFiles(serverSrc).map((p) => ({
    file: path.relative(serverSrc, p).split(path.sep).join('/'),
    sf: ts.createSourceFile(p, fs.readFileSync(p, 'utf8'), ts.ScriptTarget.ES2022, true),
  }));
  const uses = new Map<string, TemplateUse>();
  const dynamic = new Set<string>();
  const helpers: Helpers = new Map();

  const add = (unit: Unit, template: string) => uses.set(`${unit.file}\u0000${template}`, { template, file: unit.file });

  /** The string constants an expression can take, or undefined where it is not static. */
  const evaluate = (unit: Unit, expr: ts.Expression, depth = 0): string[] | undefined => {
    if (depth > 8) return undefined;
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) return evaluate(unit, expr.expression, depth + 1);
    if (ts.isConditionalExpression(expr)) {
      const a = evaluate(unit, expr.whenTrue, depth + 1);
      const b = evaluate(unit, expr.whenFalse, depth + 1);
      return a && b ? [...a, ...b] : undefined;
    }
    if (ts.isIdentifier(expr)) return resolveName(unit, expr, depth + 1);
    if (ts.isElementAccessExpression(expr) || ts.isPropertyAccessExpression(expr)) {
      // TABLE[key] / TABLE.key: every string of the table's initializer (a parameter's property is data, not a table)
      return ts.isIdentifier(expr.expression) ? resolveName(unit, expr.expression, depth + 1, true) : undefined;
    }
    if (ts.isObjectLiteralExpression(expr) || ts.isArrayLiteralExpression(expr)) return stringsIn(expr);
    // a Message from msg(...): that call is a template position of its own
    if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'msg') return [];
    return undefined;
  };

  /** What an identifier stands for: a const in its file, a destructured table, or a helper's parameter (then its callers' arguments). */
  const resolveName = (unit: Unit, id: ts.Identifier, depth: number, tableOnly = false): string[] | undefined => {
    const name = id.text;
    let found: string[] | undefined;
    let isParam = false;
    let imported = false;
    const visit = (node: ts.Node): void => {
      if (found || isParam) return;
      if (ts.isImportSpecifier(node) && node.name.text === name) imported = true;
      if (ts.isVariableDeclaration(node) && node.initializer) {
        if (ts.isIdentifier(node.name) && node.name.text === name) found = evaluate(unit, node.initializer, depth + 1);
        else if (!ts.isIdentifier(node.name) && bindsName(node.name, name)) found = evaluate(unit, node.initializer, depth + 1) ?? stringsIn(node.initializer);
      } else if (!tableOnly && ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === name && isAncestor(node.parent, id)) {
        const fn = node.parent;
        const fname = functionName(fn);
        if (fname) {
          const index = fn.parameters.indexOf(node);
          const set = helpers.get(fname) ?? new Set<number>();
          set.add(index);
          helpers.set(fname, set);
          isParam = true;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(unit.sf);
    if (isParam) return []; // its callers' arguments are collected as helper calls
    if (found || !imported) return found;
    // an imported table or constant: its top-level declaration in the file that exports it
    for (const other of units) {
      for (const statement of other.sf.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const d of statement.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return evaluate(other, d.initializer, depth + 1);
        }
      }
    }
    return undefined;
  };

  const templatePosition = (unit: Unit, expr: ts.Expression | undefined): void => {
    if (!expr) return;
    if (ts.isObjectLiteralExpression(expr)) return; // a Message literal: its `template:` property is visited on its own
    const values = evaluate(unit, expr);
    if (values) for (const v of values) add(unit, v);
    else dynamic.add(`${unit.file}: ${expr.getText(unit.sf)}`);
  };

  const visitUnit = (unit: Unit, onlyHelpers: boolean): void => {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
        const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
        if (!onlyHelpers && (callee === 'msg' || callee === 'localize')) templatePosition(unit, args[0]);
        for (const index of helpers.get(callee) ?? []) if (args[index]) templatePosition(unit, args[index]);
      }
      if (!onlyHelpers && ts.isPropertyAssignment(node) && propertyName(node.name) === 'template') templatePosition(unit, node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(unit.sf);
  };

  for (const unit of units) visitUnit(unit, false);
  // helper calls anywhere (a constructor's callers live in other files); repeat while new helpers appear
  for (let known = -1; known !== countHelpers(helpers); ) {
    known = countHelpers(helpers);
    inheritConstructors(units, helpers);
    for (const unit of units) visitUnit(unit, true);
  }
  return { uses: [...uses.values()], dynamic: [...dynamic].sort() };
}

/** `class UsageError extends CliError {}` without a constructor of its own takes its template where CliError does. */
function inheritConstructors(units: Unit[], helpers: Helpers): void {
  for (const { sf } of units) {
    for (const statement of sf.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name || statement.members.some(ts.isConstructorDeclaration)) continue;
      const base = statement.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      const inherited = base && ts.isIdentifier(base) ? helpers.get(base.text) : undefined;
      if (inherited) helpers.set(statement.name.text, new Set([...(helpers.get(statement.name.text) ?? []), ...inherited]));
    }
  }
}

function countHelpers(helpers: Helpers): number {
  let n = 0;
  for (const s of helpers.values()) n += s.size;
  return n;
}

function stringsIn(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      // property names of the table are keys, not templates
      if (!(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) out.push(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

function bindsName(pattern: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(pattern)) return pattern.text === name;
  return pattern.elements.some((e) => !ts.isOmittedExpression(e) && bindsName(e.name, name));
}

function isAncestor(ancestor: ts.Node, node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if (ts.isConstructorDeclaration(fn)) return fn.parent.name?.text;
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** `{0}`, `{1}`... of a template, sorted and unique. */
export function placeholdersOf(template: string): string[] {
  return [...new Set(template.match(/\{\d+\}/g) ?? [])].sort();
}
