/**
 * Code actions read only the diagnostic's typed `data` (never its message):
 * one quick fix per fix, offered only while the document still has the
 * version the fixes were made for. "Fix all" applies every preferred fix of
 * the document that does not overlap another, as one edit.
 */
import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  TextEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { existsSync } from 'fs';
import { localize } from '../../l10n';
import { openDocument, type ServerContext } from '../context';
import { FIX_ALL_KIND, SOURCE, isDiagnosticData, type EditData, type FixData } from '../protocol';
import { uriToKey } from '../uri';
import type { DiagnosticsHandler } from './diagnostics';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export class CodeActionsHandler {
  constructor(
    private readonly ctx: ServerContext,
    private readonly diagnostics: DiagnosticsHandler,
  ) {}

  async provide(params: CodeActionParams): Promise<CodeAction[]> {
    const doc = this.ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    if (wants(only, CodeActionKind.QuickFix)) {
      const ours = (params.context.diagnostics ?? []).filter(isOurs);
      // a client that sends no diagnostics back (or strips them) still gets the fixes at the cursor
      const diagnostics = ours.length ? ours : await this.currentIn(doc.uri, params.range);
      for (const diagnostic of diagnostics) actions.push(...this.quickFixes(diagnostic, doc.version));
    }
    // source actions only on request: VS Code asks for them explicitly (on save, the Source Action menu)
    if (only && wants(only, FIX_ALL_KIND)) {
      const key = uriToKey(doc.uri);
      const fixAll = key && this.fixAll(doc.uri, await this.diagnostics.current(doc.uri, key));
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  private async currentIn(uri: string, range: Range): Promise<Diagnostic[]> {
    const key = uriToKey(uri);
    if (!key) return [];
    return (await this.diagnostics.current(uri, key)).filter((d) => intersects(d.range, range));
  }

  private quickFixes(diagnostic: Diagnostic, version: number): CodeAction[] {
    if (!isDiagnosticData(diagnostic.data)) return [];
    if (diagnostic.data.version !== version) return []; // made for another text: its ranges are stale
    const out: CodeAction[] = [];
    for (const fix of diagnostic.data.fixes) {
      const edit = this.workspaceEdit(fix.edits);
      if (!edit) continue;
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
      if (fix.preferred) action.isPreferred = true;
      out.push(action);
    }
    return out;
  }

  /** Preferred fixes that touch only this document, in order, skipping any that overlaps one taken. */
  private fixAll(uri: string, diagnostics: Diagnostic[]): CodeAction | undefined {
    const taken: EditData[] = [];
    const fixes: FixData[] = [];
    for (const d of diagnostics) {
      if (!isDiagnosticData(d.data)) continue;
      for (const fix of d.data.fixes) {
        if (!fix.preferred || !fix.edits.length || fix.edits.some((e) => e.uri !== uri || e.createFile)) continue;
        if (fix.edits.some((e) => taken.some((t) => overlaps(t, e)))) continue;
        taken.push(...fix.edits);
        fixes.push(fix);
        break; // one fix per problem
      }
    }
    if (!fixes.length) return undefined;
    const edit = this.workspaceEdit(taken);
    return edit && { title: localize('Fix all bot-ethics problems', this.ctx.lang), kind: FIX_ALL_KIND, diagnostics: [], edit };
  }

  /**
   * The edits as a WorkspaceEdit: versioned document edits where the client
   * takes them (it then refuses to apply to a changed document), creating a
   * file first where a fix needs one. Undefined when the client cannot do what
   * the fix needs.
   */
  private workspaceEdit(edits: EditData[]): WorkspaceEdit | undefined {
    const byUri = new Map<string, EditData[]>();
    for (const e of edits) byUri.set(e.uri, [...(byUri.get(e.uri) ?? []), e]);
    const wsCaps = this.ctx.capabilities.workspace?.workspaceEdit;
    const creates = [...byUri].filter(([uri, list]) => list.some((e) => e.createFile) && !this.exists(uri)).map(([uri]) => uri);
    if (!wsCaps?.documentChanges) {
      if (creates.length) return undefined;
      const changes: Record<string, TextEdit[]> = {};
      for (const [uri, list] of byUri) changes[uri] = list.map((e) => TextEdit.replace(e.range, e.newText));
      return { changes };
    }
    if (creates.length && !wsCaps.resourceOperations?.includes('create')) return undefined;
    const documentChanges: (TextDocumentEdit | CreateFile)[] = creates.map((uri) => CreateFile.create(uri, { ignoreIfExists: true }));
    for (const [uri, list] of byUri) {
      const key = uriToKey(uri);
      const version = key ? openDocument(this.ctx, key)?.version ?? null : null;
      documentChanges.push(TextDocumentEdit.create({ uri, version }, list.map((e) => TextEdit.replace(e.range, e.newText))));
    }
    return { documentChanges };
  }

  private exists(uri: string): boolean {
    const key = uriToKey(uri);
    return !!key && (!!openDocument(this.ctx, key) || existsSync(key));
  }
}

/**
 * A bot-ethics diagnostic as the client echoes it: matched on source and the
 * typed data. Some clients (Neovim 0.7) echo only code and data, no source.
 */
function isOurs(d: Diagnostic): boolean {
  return (d.source === SOURCE || d.source === undefined) && isDiagnosticData(d.data);
}

function intersects(a: Range, b: Range): boolean {
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}

/** Does the client's `only` filter let this kind through? (`source` admits `source.fixAll.bot-ethics`.) */
function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

type Pos = EditData['range']['start'];

function compare(p: Pos, q: Pos): number {
  return p.line - q.line || p.character - q.character;
}

/**
 * Edits that cannot go into one WorkspaceEdit together: ranges that share
 * characters, or an insertion at or inside another edit (two insertions at one
 * point would land in an order nobody chose).
 */
function overlaps(a: EditData, b: EditData): boolean {
  if (a.uri !== b.uri) return false;
  const empty = (e: EditData) => compare(e.range.start, e.range.end) === 0;
  if (empty(a) || empty(b)) {
    const [point, other] = empty(a) ? [a.range.start, b] : [b.range.start, a];
    return compare(other.range.start, point) <= 0 && compare(point, other.range.end) <= 0;
  }
  return compare(a.range.start, b.range.end) < 0 && compare(b.range.start, a.range.end) < 0;
}
