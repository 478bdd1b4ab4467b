/** What every handler shares: the connection, the open documents and the workspace model. */
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checker } from '../core/engine';
import type { Rule } from '../core/rule';
import type { UiLang } from '../l10n';
import { PositionMap } from './convert';
import type { Log } from './safe';
import { keyToUri, uriToKey } from './uri';
import type { Workspace } from './workspace';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: Workspace;
  readonly checker: Checker;
  readonly rules: readonly Rule[];
  /** the editor's display language (InitializeParams.locale) */
  readonly lang: UiLang;
  readonly capabilities: ClientCapabilities;
  readonly log: Log;
}

/** The open document of a file key, under the URI the client uses for it. */
export function openDocument(ctx: ServerContext, key: string): TextDocument | undefined {
  const direct = ctx.documents.get(keyToUri(key));
  if (direct) return direct;
  // the client may spell the URI differently (drive letter case, escapes)
  return ctx.documents.all().find((d) => uriToKey(d.uri) === key);
}

/** The URI to publish a file's diagnostics under: the open document's, else the file URI. */
export function uriOf(ctx: ServerContext, key: string): string {
  return openDocument(ctx, key)?.uri ?? keyToUri(key);
}

/** Positions in an open document, or in a text the server holds for a closed file. */
export function positionMapFor(ctx: ServerContext, key: string, closedText: string | undefined): PositionMap | undefined {
  const doc = openDocument(ctx, key);
  if (doc) return new PositionMap(doc.uri, doc);
  return closedText === undefined ? undefined : PositionMap.of(keyToUri(key), closedText);
}
