/**
 * What the server and its clients agree on beyond standard LSP: the custom
 * request, the fix-all kind and the typed `Diagnostic.data` that code actions
 * read (never the message text). Free of server imports so the VS Code client
 * and the tests can use it.
 */

export const SOURCE = 'bot-ethics';

/** Checks every project of the workspace and publishes diagnostics for all bot files. */
export const CHECK_WORKSPACE_REQUEST = 'botEthics/checkWorkspace';

export interface CheckWorkspaceResult {
  projects: number;
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Files whose creation, change or deletion on disk the server must hear of
 * (bot files, project root markers, the config file). The VS Code client
 * watches them itself and says so in `initializationOptions`; for other
 * clients the server registers these watchers.
 */
export const WATCHED_GLOBS = ['**/.bot-ethics.yml', '**/*.{yml,yaml,md,lg,lu,qna,dialog,json}', '**/*.botproj'];

export interface InitializationOptions {
  /** the client sends didChangeWatchedFiles for {@link WATCHED_GLOBS} without being asked */
  clientWatchesFiles?: boolean;
}

/** `source.fixAll.bot-ethics`: every preferred fix of a document that does not overlap another. */
export const FIX_ALL_KIND = 'source.fixAll.bot-ethics';

export interface PositionData {
  line: number;
  character: number;
}

export interface EditData {
  uri: string;
  range: { start: PositionData; end: PositionData };
  newText: string;
  /** the file did not exist when the fix was made: the edit creates it */
  createFile?: boolean;
}

export interface FixData {
  /** localized title, shown as the code action's title */
  title: string;
  edits: EditData[];
  preferred?: boolean;
}

/**
 * `Diagnostic.data` of every bot-ethics diagnostic. `version` is the version of
 * the document the fixes were computed for; a code action request for another
 * version gets no fixes (the ranges would be stale). Files that are not open
 * carry version -1.
 */
export interface DiagnosticData {
  version: number;
  fixes: FixData[];
  details?: Record<string, string | number | boolean>;
}

export const NOT_OPEN_VERSION = -1;

/** Clients echo `data` back untouched in theory; check its shape before trusting it. */
export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (!value || typeof value !== 'object') return false;
  const d = value as Partial<DiagnosticData>;
  return typeof d.version === 'number' && Array.isArray(d.fixes) && d.fixes.every(isFixData);
}

function isFixData(value: unknown): value is FixData {
  if (!value || typeof value !== 'object') return false;
  const f = value as Partial<FixData>;
  return typeof f.title === 'string' && Array.isArray(f.edits) && f.edits.every(isEditData);
}

function isEditData(value: unknown): value is EditData {
  if (!value || typeof value !== 'object') return false;
  const e = value as Partial<EditData>;
  return typeof e.uri === 'string' && typeof e.newText === 'string' && isRange(e.range);
}

function isRange(value: unknown): value is EditData['range'] {
  if (!value || typeof value !== 'object') return false;
  const r = value as { start?: unknown; end?: unknown };
  return isPosition(r.start) && isPosition(r.end);
}

function isPosition(value: unknown): value is PositionData {
  if (!value || typeof value !== 'object') return false;
  const p = value as Partial<PositionData>;
  return Number.isInteger(p.line) && Number.isInteger(p.character) && p.line! >= 0 && p.character! >= 0;
}
