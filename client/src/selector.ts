/**
 * Which documents and files the server hears about: every file a bot format
 * may claim (the server's parsers decide by content), and the config file.
 * Kept in step with formats/index.ts CANDIDATE_EXTENSIONS.
 */
import type { DocumentFilter } from 'vscode-languageclient/node';

export const DOCUMENT_SELECTOR: DocumentFilter[] = [
  { scheme: 'file', pattern: '**/*.{yml,yaml,lg,lu,qna,dialog,json}' },
  { scheme: 'file', pattern: '**/.bot-ethics.yml' },
  { scheme: 'file', language: 'lg' },
  { scheme: 'file', language: 'lu' },
  { scheme: 'file', language: 'qna' },
  // Rasa 1.x training data and stories in Markdown; other Markdown (READMEs) stays out
  { scheme: 'file', pattern: '**/data/**/*.md' },
  { scheme: 'file', pattern: '**/{nlu,stories,rules,responses}*.md' },
];
