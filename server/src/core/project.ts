/**
 * A bot project: its files, each parsed once per version and cached, merged
 * into one conversation on demand. Used alike by the language server (open
 * documents overlaid on the files on disk) and the CLI.
 */
import { formatFor, FORMATS } from '../formats';
import type { FormatParser } from '../formats/format';
import { mergeProject, type Conversation, type FileModel } from './model';

interface Entry {
  version: string | number;
  text: string;
  /** undefined: parsed, not a bot file; null: not parsed yet */
  model: FileModel | undefined | null;
  /** the last parsed text and model before this version, for an incremental re-parse (see FormatParser.reparse) */
  previous?: { text: string; model: FileModel };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export class BotProject {
  private readonly entries = new Map<string, Entry>();
  private merged: Conversation | undefined;

  constructor(
    readonly root: string,
    private readonly formats: readonly FormatParser[] = FORMATS,
  ) {}

  /** Sets a file's text. Returns false when this version is already known (nothing to redo). */
  update(file: string, text: string, version: string | number): boolean {
    const prev = this.entries.get(file);
    const clean = stripBom(text);
    if (prev && (prev.version === version || prev.text === clean)) {
      prev.version = version;
      return false;
    }
    // keep the last parsed version (several updates may come before the next model())
    const previous = prev?.model ? { text: prev.text, model: prev.model } : prev?.model === null ? prev.previous : undefined;
    this.entries.set(file, { version, text: clean, model: null, previous });
    this.merged = undefined;
    return true;
  }

  remove(file: string): boolean {
    const had = this.entries.delete(file);
    if (had) this.merged = undefined;
    return had;
  }

  has(file: string): boolean {
    return this.entries.has(file);
  }

  get files(): string[] {
    return [...this.entries.keys()];
  }

  text(file: string): string | undefined {
    return this.entries.get(file)?.text;
  }

  /** The parsed model of a file, or undefined when it is not a bot file. */
  model(file: string): FileModel | undefined {
    const e = this.entries.get(file);
    if (!e) return undefined;
    if (e.model === null) {
      e.model = (e.previous && reparseFile(file, e.text, e.previous, this.formats)) || parseFile(file, e.text, this.formats);
      e.previous = undefined;
    }
    return e.model;
  }

  /** Bot files only (the ones some format claimed). */
  models(): FileModel[] {
    const out: FileModel[] = [];
    for (const f of this.entries.keys()) {
      const m = this.model(f);
      if (m) out.push(m);
    }
    return out;
  }

  conversation(): Conversation {
    if (!this.merged) this.merged = mergeProject(this.models());
    return this.merged;
  }
}

/**
 * The model of a new version from the previous one, when the claiming format
 * can re-parse incrementally and the edit allows it; undefined: parse in full.
 */
export function reparseFile(file: string, text: string, previous: { text: string; model: FileModel }, formats: readonly FormatParser[] = FORMATS): FileModel | undefined {
  const parser = formatFor(file, text, formats);
  if (!parser?.reparse || parser.id !== previous.model.format) return undefined;
  try {
    return parser.reparse(file, text, previous);
  } catch {
    return undefined; // the full parse reports what is wrong
  }
}

/** Parses with the claiming format; a parser that throws becomes a parse.error, never a crash. */
export function parseFile(file: string, text: string, formats: readonly FormatParser[] = FORMATS): FileModel | undefined {
  const parser = formatFor(file, text, formats);
  if (!parser) return undefined;
  try {
    return parser.parse(file, text);
  } catch (e) {
    return {
      file,
      format: parser.id,
      text,
      messages: [],
      variables: [],
      greetings: [],
      prompts: [],
      intents: [],
      examples: [],
      endpoints: [],
      handoffs: [],
      uses: [],
      errors: [{ file, message: `Could not read this ${parser.id} file: ${e instanceof Error ? e.message : String(e)}`, at: { start: 0, end: 0 } }],
    };
  }
}
