/**
 * What a check found, in the CLI's terms: findings with line/column positions
 * (LSP conventions: 0-based lines, UTF-16 code-unit columns), localized
 * messages and paths relative to the cwd. Every output format is written from
 * this one structure, so text, JSON and SARIF always agree.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit, Finding, FindingCode, Fix, Severity } from '../core/findings';
import { localize, type UiLang } from '../l10n';
import { relativeKey } from '../node/paths';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface ReportedEdit {
  /** path relative to the cwd, POSIX separators */
  file: string;
  /** the core's file key (absolute) */
  key: string;
  range: Range;
  newText: string;
  /** the edit creates the file */
  createFile?: boolean;
}

export interface ReportedFix {
  title: string;
  edits: ReportedEdit[];
}

export interface ReportedFinding {
  file: string;
  key: string;
  rule: FindingCode;
  severity: Severity;
  message: string;
  range: Range;
  fixes: ReportedFix[];
  /** the source text the finding covers (for stable fingerprints; never printed) */
  covered: string;
}

export interface Report {
  /** bot files checked */
  files: number;
  findings: ReportedFinding[];
  /** the folder paths are relative to (file key) */
  cwd: string;
  lang: UiLang;
}

/** Offsets → positions for one file, through the same TextDocument the editor uses. */
export class TextPositions {
  private readonly doc: TextDocument;

  constructor(readonly text: string) {
    this.doc = TextDocument.create('file:///bot-ethics', 'plaintext', 0, text);
  }

  position(offset: number): Position {
    return this.doc.positionAt(offset);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
}

/** Turns core findings into reported ones; `textOf` gives the BOM-less text of any file a finding or edit is in. */
export class Reporter {
  private readonly positions = new Map<string, TextPositions>();

  constructor(
    readonly cwd: string,
    readonly lang: UiLang,
    private readonly textOf: (key: string) => string | undefined,
  ) {}

  displayPath(key: string): string {
    return relativeKey(this.cwd, key) || '.';
  }

  finding(f: Finding): ReportedFinding {
    const text = this.textOf(f.file) ?? '';
    return {
      file: this.displayPath(f.file),
      key: f.file,
      rule: f.code,
      severity: f.severity,
      // one line per finding in text output, whatever a message contains
      message: localize(f.message, this.lang).replace(/\s*[\r\n]+\s*/g, ' '),
      range: this.positionsOf(f.file).range(f.start, f.end),
      fixes: f.fixes.map((fix) => this.fix(fix)).filter((x): x is ReportedFix => x !== undefined),
      covered: text.slice(f.start, f.end),
    };
  }

  /** A fix whose edits all lie in known text; an edit into an unknown file (other than one it creates) drops the fix. */
  private fix(fix: Fix): ReportedFix | undefined {
    const edits: ReportedEdit[] = [];
    for (const e of fix.edits) {
      const edit = this.edit(e);
      if (!edit) return undefined;
      edits.push(edit);
    }
    return { title: localize(fix.title, this.lang), edits };
  }

  private edit(e: Edit): ReportedEdit | undefined {
    if (!e.createFile && this.textOf(e.file) === undefined) return undefined;
    const edit: ReportedEdit = { file: this.displayPath(e.file), key: e.file, range: this.positionsOf(e.file).range(e.start, e.end), newText: e.newText };
    if (e.createFile) edit.createFile = true;
    return edit;
  }

  private positionsOf(key: string): TextPositions {
    let p = this.positions.get(key);
    if (!p) {
      p = new TextPositions(this.textOf(key) ?? '');
      this.positions.set(key, p);
    }
    return p;
  }
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** Does any finding reach the `--fail-on` level? */
export function failsAt(findings: readonly ReportedFinding[], failOn: Severity): boolean {
  return findings.some((f) => RANK[f.severity] >= RANK[failOn]);
}

/** Output order: by path, then position, then rule. */
export function compareFindings(a: ReportedFinding, b: ReportedFinding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
