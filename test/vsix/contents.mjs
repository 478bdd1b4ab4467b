// What the packaged .vsix holds: exactly what a VS Code user needs (the
// .vscodeignore allowlist), nothing of the repository (sources, tests, maps,
// node_modules), and a manifest whose every path is in the package.
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { listZip, readZipEntry } from './zip.mjs';

/** Every file the package may hold, besides the zip's own two (vsce adds them). */
const ALLOWED = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.de.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/images/icon.png',
  'extension/l10n/bundle.l10n.de.json',
];
/** Folders whose JSON files all belong in (grammars and language configurations). */
const ALLOWED_JSON_FOLDERS = ['extension/syntaxes/'];
/** Files that must be there for the extension to start and be shown. */
const REQUIRED = ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/images/icon.png'];

/** Modules a bundle may still require at run time: Node's own, and VS Code's API (client only). */
function externalRequires(code) {
  const found = new Set();
  for (const m of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) found.add(m[1]);
  const builtin = new Set(builtinModules.flatMap((b) => [b, `node:${b}`]));
  return [...found].filter((m) => !builtin.has(m)).sort();
}

export function contentTests(vsix) {
  const names = listZip(vsix).map((e) => e.name);
  const text = (name) => readZipEntry(vsix, name).toString('utf8');
  const manifest = JSON.parse(text('extension/package.json'));

  return [
    ['only allowlisted files', () => {
      const extra = names.filter((n) => !ALLOWED.includes(n) && !ALLOWED_JSON_FOLDERS.some((f) => n.startsWith(f) && n.endsWith('.json') && !n.slice(f.length).includes('/')));
      assert.deepEqual(extra, [], 'files outside the allowlist');
      for (const r of REQUIRED) assert.ok(names.includes(r), `${r} is packaged`);
    }],
    ['no dependencies, sources, tests or source maps', () => {
      const bad = names.filter((n) => /(^|\/)node_modules\/|\.ts$|\.map$|(^|\/)(test|tests|out|server\/src|client\/src|examples|scripts|\.cache|\.git)\//.test(n));
      assert.deepEqual(bad, []);
    }],
    ['the bundles are self-contained and minified', () => {
      const client = text('extension/dist/client.js');
      const server = text('extension/dist/server.js');
      assert.deepEqual(externalRequires(client), ['vscode'], 'the client needs only the vscode API');
      assert.deepEqual(externalRequires(server), [], 'the server needs only Node');
      for (const [name, code] of [['client', client], ['server', server]]) {
        assert.ok(!code.includes('sourceMappingURL'), `${name}: no source map reference`);
        // minified: long lines (a development bundle averages ~40 characters a line)
        assert.ok(code.length / code.split('\n').length > 500, `${name}: a production (minified) build`);
      }
    }],
    ['every path the manifest names is in the package', () => {
      const inPackage = (p) => names.includes(`extension/${p.replace(/^\.\//, '')}`);
      assert.equal(manifest.main, './dist/client.js');
      assert.ok(inPackage(manifest.main), manifest.main);
      assert.ok(inPackage(manifest.icon), `icon ${manifest.icon}`);
      for (const g of manifest.contributes.grammars) assert.ok(inPackage(g.path), g.path);
      for (const l of manifest.contributes.languages) if (l.configuration) assert.ok(inPackage(l.configuration), l.configuration);
      assert.ok(names.some((n) => n.startsWith(`extension/${manifest.l10n.replace(/^\.\//, '')}/`)), `l10n folder ${manifest.l10n}`);
      assert.equal(manifest.repository?.url, 'https://github.com/bot-ethics/bot-ethics.git', 'the repository the rule links point to');
    }],
    ['every %key% of the manifest is translated in English and German', () => {
      const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
      assert.ok(keys.length > 5, 'the manifest is localized');
      for (const file of ['extension/package.nls.json', 'extension/package.nls.de.json']) {
        const nls = JSON.parse(text(file));
        assert.deepEqual(keys.filter((k) => typeof nls[k] !== 'string'), [], `missing in ${file}`);
      }
    }],
  ];
}
