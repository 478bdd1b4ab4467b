/**
 * Findings (source offsets) → LSP diagnostics (line/UTF-16 positions). The
 * only place offsets become positions: always through TextDocument.positionAt
 * on the very text the core analysed, so a finding lands where the core saw it.
 */
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit, Finding, Fix, Severity } from '../core/findings';
import { localize, type UiLang } from '../l10n';
import { ruleDocUrl } from './links';
import { keyToUri } from './uri';
import { SOURCE, type DiagnosticData, type EditData, type FixData } from './protocol';

/** A file's text as the core saw it, with its URI: turns offsets into positions. */
export class PositionMap {
  private readonly shift: number;

  constructor(
    readonly uri: string,
    private readonly doc: TextDocument,
  ) {
    // the core strips a BOM; an editor that kept it has every offset one further
    this.shift = doc.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  static of(uri: string, text: string): PositionMap {
    return new PositionMap(uri, TextDocument.create(uri, 'plaintext', 0, text));
  }

  position(offset: number): Position {
    return this.doc.positionAt(offset + this.shift);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
}

/** Finds the position map of any file a fix may edit; undefined when its text is unknown. */
export type PositionSource = (file: string) => PositionMap | undefined;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding, map: PositionMap, version: number, lang: UiLang, positions: PositionSource): Diagnostic {
  const data: DiagnosticData = { version, fixes: finding.fixes.map((f) => toFixData(f, lang, positions)).filter((f): f is FixData => !!f) };
  if (finding.details) data.details = finding.details;
  const diagnostic: Diagnostic = {
    range: map.range(finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.code,
    message: localize(finding.message, lang),
    data,
  };
  const href = ruleDocUrl(finding.code, lang);
  if (href) diagnostic.codeDescription = { href };
  return diagnostic;
}

/** A fix whose every edit can be placed; one that cannot is dropped rather than offered half. */
function toFixData(fix: Fix, lang: UiLang, positions: PositionSource): FixData | undefined {
  const edits: EditData[] = [];
  for (const edit of fix.edits) {
    const e = toEditData(edit, positions);
    if (!e) return undefined;
    edits.push(e);
  }
  const data: FixData = { title: localize(fix.title, lang), edits };
  if (fix.preferred) data.preferred = true;
  return data;
}

function toEditData(edit: Edit, positions: PositionSource): EditData | undefined {
  // a file the fix creates has no text yet: its only position is the start
  const map = positions(edit.file) ?? (edit.createFile ? PositionMap.of(keyToUri(edit.file), '') : undefined);
  if (!map) return undefined;
  const data: EditData = { uri: map.uri, range: map.range(edit.start, edit.end), newText: edit.newText };
  if (edit.createFile) data.createFile = true;
  return data;
}
