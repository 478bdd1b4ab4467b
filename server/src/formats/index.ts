/** The formats bot-ethics reads, in the order they are asked to claim a file. */
import type { FormatParser } from './format';
import { dialogFormat } from './botframework/dialog';
import { lgFormat } from './botframework/lg';
import { luFormat } from './botframework/lu';
import { qnaFormat } from './botframework/qna';
import { dialogflowEs } from './dialogflow/es';
import { dialogflowCx } from './dialogflow/cx';
import { rasaMarkdownParser, rasaYamlParser } from './rasa';

export const FORMATS: FormatParser[] = [
  lgFormat,
  luFormat,
  qnaFormat,
  dialogFormat,
  dialogflowEs,
  dialogflowCx,
  rasaYamlParser,
  rasaMarkdownParser,
];

/** The parser for a file, or undefined for a file that is not a bot file (ignored silently). */
export function formatFor(path: string, text: string, formats: readonly FormatParser[] = FORMATS): FormatParser | undefined {
  return formats.find((f) => f.claims(path, text));
}

/** File endings any format may claim; the folder walker reads only these. */
export const CANDIDATE_EXTENSIONS = ['.yml', '.yaml', '.md', '.lg', '.lu', '.qna', '.dialog', '.json'];
