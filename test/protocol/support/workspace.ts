/** Throwaway workspaces for protocol tests, and positions computed independently of the server. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Range } from 'vscode-languageserver/node';
import { fileUri } from './lsp-client';

export class TempWorkspace {
  readonly root: string;

  constructor(files: Record<string, string | Buffer> = {}) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ethics-protocol-'));
    for (const [rel, content] of Object.entries(files)) this.write(rel, content);
  }

  /** A copy of a fixture folder under test/fixtures/protocol. */
  static fromFixture(name: string): TempWorkspace {
    const ws = new TempWorkspace();
    fs.cpSync(path.resolve(__dirname, '../../../../test/fixtures/protocol', name), ws.root, { recursive: true });
    return ws;
  }

  path(rel: string): string {
    return path.join(this.root, rel);
  }

  uri(rel: string): string {
    return fileUri(this.path(rel));
  }

  write(rel: string, content: string | Buffer): void {
    fs.mkdirSync(path.dirname(this.path(rel)), { recursive: true });
    fs.writeFileSync(this.path(rel), content);
  }

  delete(rel: string): void {
    fs.rmSync(this.path(rel));
  }

  read(rel: string): string {
    return fs.readFileSync(this.path(rel), 'utf8');
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Line/UTF-16 range of the n-th occurrence of `needle`, counting lines the
 * way LSP does (\r\n, \r and \n each end a line).
 */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${occurrence} not in the text`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
