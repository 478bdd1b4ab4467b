import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileKey, isInside, relativeKey } from '../../../server/src/node/paths';
import { collectBotFiles, ConfigFileError, findConfigFile, isProjectRoot, loadConfigFile, projectRootFor } from '../../../server/src/node/workspace';

/** Writes a tree of files (path → content; content null: a folder) under a new temp folder. */
function tree(files: Record<string, string | null>): string {
  const root = fileKey(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ethics-ws-'))));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    if (content === null) fs.mkdirSync(p, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
    }
  }
  return root;
}

const rel = (root: string, files: string[]) => files.map((f) => relativeKey(root, f));
const temps: string[] = [];
function temp(files: Record<string, string | null>): string {
  const t = tree(files);
  temps.push(t);
  return t;
}
after(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

describe('node/paths', () => {
  it('makes absolute POSIX keys and relative paths', () => {
    assert.strictEqual(fileKey('/a/b/../c.yml'), '/a/c.yml');
    assert.strictEqual(relativeKey('/a', '/a/b/c.yml'), 'b/c.yml');
    assert.ok(isInside('/a', '/a/b'));
    assert.ok(isInside('/a', '/a'));
    assert.ok(!isInside('/a', '/ab'));
    assert.ok(!isInside('/a/b', '/a'));
  });
});

describe('node/workspace: config files', () => {
  it('finds the nearest config walking up from a file or a folder', () => {
    const root = temp({ '.bot-ethics.yml': 'language: de\n', 'bot/data/nlu.yml': '', 'bot/sub/.bot-ethics.yml': '', 'bot/sub/x.yml': '' });
    assert.strictEqual(findConfigFile(`${root}/bot/data/nlu.yml`), `${root}/.bot-ethics.yml`);
    assert.strictEqual(findConfigFile(`${root}/bot/data`), `${root}/.bot-ethics.yml`);
    assert.strictEqual(findConfigFile(`${root}/bot/sub/x.yml`), `${root}/bot/sub/.bot-ethics.yml`);
    assert.strictEqual(findConfigFile(`${root}/bot/sub`), `${root}/bot/sub/.bot-ethics.yml`);
  });

  it('loads a config: values, problems at their place, BOM removed', () => {
    const root = temp({ '.bot-ethics.yml': '\ufefflanguage: de\nrules:\n  pii.echo: loud\n' });
    const loaded = loadConfigFile(`${root}/.bot-ethics.yml`);
    assert.strictEqual(loaded.path, `${root}/.bot-ethics.yml`);
    assert.strictEqual(loaded.text.charCodeAt(0), 'l'.charCodeAt(0));
    assert.strictEqual(loaded.config.language, 'de');
    assert.strictEqual(loaded.problems.length, 1);
    assert.strictEqual(loaded.problems[0].code, 'config.error');
    assert.strictEqual(loaded.text.slice(loaded.problems[0].start, loaded.problems[0].end), 'loud');
  });

  it('throws ConfigFileError with a clear reason for a config that cannot be read', () => {
    const root = temp({ 'dir.yml': null });
    assert.throws(() => loadConfigFile(`${root}/missing.yml`), (e: unknown) => e instanceof ConfigFileError && /missing\.yml: no such file or directory$/.test(e.message));
    assert.throws(() => loadConfigFile(`${root}/dir.yml`), (e: unknown) => e instanceof ConfigFileError && /it is a folder/.test(e.message));
  });
});

describe('node/workspace: project roots', () => {
  const root = temp({
    'rasa/domain.yml': '',
    'rasa/data/nlu.yml': '',
    'calm/config.yml': '',
    'calm/data/flows.yml': '',
    'composer/MyBot.botproj': '{}',
    'composer/dialogs/main/main.dialog': '{}',
    'cx/agent.json': '{}',
    'cx/flows/Default Start Flow/Default Start Flow.json': '{}',
    'configured/.bot-ethics.yml': '',
    'configured/deep/x.yml': '',
    'loose/a/b.yml': '',
  });

  it('recognises Rasa, CALM, Composer, Dialogflow and configured roots', () => {
    assert.ok(isProjectRoot(`${root}/rasa`));
    assert.ok(isProjectRoot(`${root}/calm`));
    assert.ok(isProjectRoot(`${root}/composer`));
    assert.ok(isProjectRoot(`${root}/cx`));
    assert.ok(isProjectRoot(`${root}/configured`));
    assert.ok(!isProjectRoot(`${root}/loose`));
    assert.ok(!isProjectRoot(`${root}/rasa/data`));
  });

  it('gives the nearest root above a file, bounded by the workspace root', () => {
    assert.strictEqual(projectRootFor(`${root}/rasa/data/nlu.yml`), `${root}/rasa`);
    assert.strictEqual(projectRootFor(`${root}/calm/data/flows.yml`), `${root}/calm`);
    assert.strictEqual(projectRootFor(`${root}/composer/dialogs/main/main.dialog`), `${root}/composer`);
    assert.strictEqual(projectRootFor(`${root}/cx/flows/Default Start Flow/Default Start Flow.json`), `${root}/cx`);
    assert.strictEqual(projectRootFor(`${root}/configured/deep/x.yml`), `${root}/configured`);
    // no marker: the innermost workspace root, else the file's folder
    assert.strictEqual(projectRootFor(`${root}/loose/a/b.yml`, [root, `${root}/loose`]), `${root}/loose`);
    assert.strictEqual(projectRootFor(`${root}/loose/a/b.yml`), `${root}/loose/a`);
    // the workspace bound stops the walk even where a marker lies above it
    assert.strictEqual(projectRootFor(`${root}/rasa/data/nlu.yml`, [`${root}/rasa/data`]), `${root}/rasa/data`);
  });
});

describe('node/workspace: Composer bots without a .botproj', () => {
  // the BotBuilder samples: many Composer bots in one repository, none with a .botproj
  const root = temp({
    'samples/projects/TodoBot/TodoBot/todobot.dialog': '{}',
    'samples/projects/TodoBot/TodoBot/dialogs/additem/additem.dialog': '{}',
    'samples/projects/TodoBot/TodoBot/recognizers/todobot.lu.dialog': '{}',
    'samples/projects/Dispatch/Dispatch.dialog': '{}',
    'samples/projects/Dispatch/dialogs/Partners/Partners.dialog': '{}',
    'samples/projects/Other/main.dialog': '{}',
    'samples/projects/Dispatch/dialogs/imported/Microsoft.Bot.Components.Help/HelpDialog/HelpDialog.dialog': '{}',
    'samples/packages/Greeting/exported/WelcomeDialog/WelcomeDialog.dialog': '{}',
  });

  it('a folder holding <foldername>.dialog (any case) is a root, a dialogs/<name> folder is not', () => {
    assert.ok(isProjectRoot(`${root}/samples/projects/TodoBot/TodoBot`));
    assert.ok(isProjectRoot(`${root}/samples/projects/Dispatch`));
    assert.ok(!isProjectRoot(`${root}/samples/projects/TodoBot/TodoBot/dialogs/additem`));
    assert.ok(!isProjectRoot(`${root}/samples/projects/Dispatch/dialogs/Partners`));
    assert.ok(!isProjectRoot(`${root}/samples/projects/Dispatch/dialogs/imported/Microsoft.Bot.Components.Help/HelpDialog`));
    assert.ok(!isProjectRoot(`${root}/samples/packages/Greeting/exported/WelcomeDialog`));
    assert.ok(!isProjectRoot(`${root}/samples/projects/TodoBot/TodoBot/recognizers`));
    assert.ok(!isProjectRoot(`${root}/samples/projects/Other`));
    assert.ok(!isProjectRoot(`${root}/samples/projects`));
  });

  it('each sample is its own project; its child dialogs belong to it', () => {
    assert.strictEqual(projectRootFor(`${root}/samples/projects/TodoBot/TodoBot/dialogs/additem/additem.dialog`, [root]), `${root}/samples/projects/TodoBot/TodoBot`);
    assert.strictEqual(projectRootFor(`${root}/samples/projects/Dispatch/dialogs/Partners/Partners.dialog`, [root]), `${root}/samples/projects/Dispatch`);
    assert.strictEqual(projectRootFor(`${root}/samples/projects/Other/main.dialog`, [root]), root);
    assert.strictEqual(projectRootFor(`${root}/samples/projects/Dispatch/dialogs/imported/Microsoft.Bot.Components.Help/HelpDialog/HelpDialog.dialog`, [root]), `${root}/samples/projects/Dispatch`);
  });
});

describe('node/workspace: collectBotFiles', () => {
  it('walks in sorted order, skipping dot folders, node_modules, venvs and other extensions', async () => {
    const root = temp({
      'domain.yml': '',
      'data/nlu.yml': '',
      'data/stories.yaml': '',
      'Zed.lg': '',
      'a/b.lu': '',
      'actions/actions.py': '',
      'README.txt': '',
      'agent/intents/x.json': '',
      'node_modules/pkg/x.yml': '',
      '.git/config.yml': '',
      '.rasa/cache.yml': '',
      '.gitlab-ci.yml': '',
      'venv/pyvenv.cfg': '',
      'venv/lib/x.yml': '',
      '__pycache__/x.json': '',
    });
    const files = await collectBotFiles(root, { ignore: [] });
    assert.deepStrictEqual(rel(root, files), ['Zed.lg', 'a/b.lu', 'agent/intents/x.json', 'data/nlu.yml', 'data/stories.yaml', 'domain.yml']);
  });

  it('honors nested .gitignore files with negation, deeper files overriding', async () => {
    const root = temp({
      '.gitignore': 'build/\n*.tmp.yml\n!keep.tmp.yml\n',
      'build/x.yml': '',
      'a.tmp.yml': '',
      'keep.tmp.yml': '',
      'sub/.gitignore': 'local.yml\n!b.tmp.yml\n',
      'sub/local.yml': '',
      'sub/b.tmp.yml': '',
      'sub/c.yml': '',
      'other/local.yml': '',
    });
    const files = await collectBotFiles(root, { ignore: [] });
    assert.deepStrictEqual(rel(root, files), ['keep.tmp.yml', 'other/local.yml', 'sub/b.tmp.yml', 'sub/c.yml']);
  });

  it('applies .gitignore files above the folder up to the repository root, unless they hide the folder itself', async () => {
    const repo = temp({ '.git/HEAD': '', '.gitignore': 'secret.yml\nout/\n', 'bots/one/secret.yml': '', 'bots/one/domain.yml': '', 'out/bot/domain.yml': '', 'out/bot/secret.yml': '' });
    assert.deepStrictEqual(rel(repo, await collectBotFiles(`${repo}/bots/one`, { ignore: [] })), ['bots/one/domain.yml']);
    // the user named out/bot explicitly: out/ does not hide it, secret.yml still applies
    assert.deepStrictEqual(rel(repo, await collectBotFiles(`${repo}/out/bot`, { ignore: [] })), ['out/bot/domain.yml']);
    // outside a repository the parent's .gitignore is not read
    const noRepo = temp({ '.gitignore': 'secret.yml\n', 'bot/secret.yml': '' });
    assert.deepStrictEqual(rel(noRepo, await collectBotFiles(`${noRepo}/bot`, { ignore: [] })), ['bot/secret.yml']);
  });

  it('skips config ignore globs relative to their base; #rule entries keep the file', async () => {
    const root = temp({ 'bot/domain.yml': '', 'bot/legacy/old.yml': '', 'bot/data/a.draft.yml': '', 'bot/agent.json': '' });
    const files = await collectBotFiles(`${root}/bot`, { ignore: ['bot/legacy', '*.draft.yml', 'bot/agent.json#pii.echo'], ignoreBase: root });
    assert.deepStrictEqual(rel(root, files), ['bot/agent.json', 'bot/domain.yml']);
  });

  it('follows symbolic links but ends link loops, reading each real folder once', async function () {
    const root = temp({ 'data/nlu.yml': '', 'shared/x.yml': '' });
    try {
      fs.symlinkSync(root, `${root}/data/loop`, 'dir');
      fs.symlinkSync(`${root}/shared`, `${root}/linked`, 'dir');
      fs.symlinkSync(`${root}/nowhere`, `${root}/dangling.yml`);
    } catch {
      this.skip(); // no symlink permission (Windows without developer mode)
    }
    const files = await collectBotFiles(root, { ignore: [] });
    assert.deepStrictEqual(rel(root, files), ['data/nlu.yml', 'linked/x.yml']);
  });

  it('returns a single candidate file as itself, and rejects a missing path', async () => {
    const root = temp({ 'domain.yml': '', 'notes.txt': '' });
    assert.deepStrictEqual(await collectBotFiles(`${root}/domain.yml`, { ignore: [] }), [`${root}/domain.yml`]);
    assert.deepStrictEqual(await collectBotFiles(`${root}/notes.txt`, { ignore: [] }), []);
    await assert.rejects(collectBotFiles(`${root}/missing`, { ignore: [] }), { code: 'ENOENT' });
  });

  it('reports a folder it may not read through onError', async function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads everything
    const root = temp({ 'domain.yml': '', 'locked/x.yml': '' });
    fs.chmodSync(`${root}/locked`, 0o000);
    try {
      const errors: string[] = [];
      const files = await collectBotFiles(root, { ignore: [], onError: (p) => errors.push(p) });
      assert.deepStrictEqual(rel(root, files), ['domain.yml']);
      assert.deepStrictEqual(errors, [`${root}/locked`]);
      await assert.rejects(collectBotFiles(root, { ignore: [] }), /Cannot read the folder .*locked: permission denied/);
    } finally {
      fs.chmodSync(`${root}/locked`, 0o755);
    }
  });
});
