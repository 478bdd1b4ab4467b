import * as assert from 'assert';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from './support';

/**
 * The official SARIF 2.1.0 schema as shipped by Microsoft's jest-sarif. It is
 * draft-04; it uses no keyword that changed after draft-04 except the root
 * `id`, so with `id` → `$id` Ajv's draft-07 validator checks it as written.
 */
export function sarifValidator() {
  const file = path.join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  const { $schema: _draft, id, ...rest } = schema;
  // the schema's `language` pattern has a stray `]` that only the `u` flag rejects
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}
