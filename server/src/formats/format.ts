/**
 * The one interface a format implements: adding a format means writing one
 * parser to the conversation model and listing it in `formats/index.ts`.
 */
import type { FileModel, FormatId } from '../core/model';

export interface FormatParser {
  id: FormatId;
  /**
   * Does this file belong to the format? Decided by path AND content (a peek at
   * top-level keys), never by file name alone; must be cheap.
   */
  claims(path: string, text: string): boolean;
  /**
   * Parses one file. Never throws: a file that claims the format but does not
   * parse yields a FileModel with `errors` (reported as parse.error).
   */
  parse(path: string, text: string): FileModel;
  /**
   * Optional incremental re-parse after an edit: the model of `text` built
   * from the previous text and its model, or undefined for "do a full parse".
   * Must give exactly what `parse` gives; never throws on purpose.
   */
  reparse?(path: string, text: string, previous: { text: string; model: FileModel }): FileModel | undefined;
}
