/** Helpers for the Dialogflow parser tests: fixture projects and exact source ranges by search. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { mergeProject, type BotMessage, type Conversation, type FileModel } from '../../../../server/src/core/model';
import { parseFile } from '../../../../server/src/core/project';

export const REPO_ROOT = path.resolve(__dirname, '../../../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/dialogflow');

export function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...jsonFiles(p));
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

export interface Project {
  models: Map<string, FileModel>;
  unclaimed: string[];
  conversation: Conversation;
  model(file: string): FileModel;
}

/** Parses every .json of a fixture folder; files are keyed by their POSIX path relative to it. */
export function loadProject(dir: string): Project {
  const models = new Map<string, FileModel>();
  const unclaimed: string[] = [];
  for (const abs of jsonFiles(dir)) {
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    const m = parseFile(rel, fs.readFileSync(abs, 'utf8'));
    if (m) models.set(rel, m);
    else unclaimed.push(rel);
  }
  return {
    models,
    unclaimed,
    conversation: mergeProject(models.values()),
    model(file) {
      const m = models.get(file);
      assert.ok(m, `${file} was not claimed; claimed: ${[...models.keys()].join(', ')}`);
      return m;
    },
  };
}

/** The source range of the `nth` occurrence (0-based) of `needle` in `src`. */
export function rangeOf(src: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = src.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) not in the fixture`);
  }
  return { start: at, end: at + needle.length };
}

export function messagesWithId(messages: readonly BotMessage[], id: string): BotMessage[] {
  const found = messages.filter((x) => x.id === id);
  assert.ok(found.length, `no message ${id}; have ${messages.map((x) => x.id).join(', ')}`);
  return found;
}

/** The single message with this id in this language. */
export function message(messages: readonly BotMessage[], id: string, lang?: string): BotMessage {
  const found = messagesWithId(messages, id).filter((m) => lang === undefined || m.variations[0]?.lang === lang);
  assert.strictEqual(found.length, 1, `${found.length} messages ${id} (${lang})`);
  return found[0];
}

/** Each variation's pieces as [role, decoded text]. */
export function texts(m: BotMessage): [string, string][][] {
  return m.variations.map((v) => v.pieces.map((p) => [p.role, p.text.value] as [string, string]));
}
