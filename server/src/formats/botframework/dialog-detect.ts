/** Which .dialog files are adaptive dialogs (the Bot Framework format claims only those). */
import * as jsonc from 'jsonc-parser';

/**
 * Cheap peek at the top-level keys only (nested values are skipped token by
 * token, nothing is built): the `$kind` is an adaptive dialog or a trigger,
 * or an object without `$kind` has both `$schema` and `triggers`.
 */
export function isAdaptiveDialog(text: string): boolean {
  const scanner = jsonc.createScanner(text, true);
  let depth = 0;
  let expectKey = false;
  let key: string | undefined;
  let hasSchema = false;
  let hasTriggers = false;
  for (let token = scanner.scan(); token !== jsonc.SyntaxKind.EOF; token = scanner.scan()) {
    if (token === jsonc.SyntaxKind.OpenBraceToken || token === jsonc.SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth === 1) expectKey = token === jsonc.SyntaxKind.OpenBraceToken;
      if (depth === 1 && token !== jsonc.SyntaxKind.OpenBraceToken) return false;
    } else if (token === jsonc.SyntaxKind.CloseBraceToken || token === jsonc.SyntaxKind.CloseBracketToken) {
      if (--depth <= 0) break;
    } else if (depth === 1 && token === jsonc.SyntaxKind.CommaToken) expectKey = true;
    else if (depth === 1 && token === jsonc.SyntaxKind.StringLiteral) {
      if (expectKey) {
        key = scanner.getTokenValue();
        expectKey = false;
        hasSchema ||= key === '$schema';
        hasTriggers ||= key === 'triggers';
      } else if (key === '$kind') return /^Microsoft\.(AdaptiveDialog|On[A-Z]\w*)$/.test(scanner.getTokenValue());
    }
  }
  return hasSchema && hasTriggers;
}
