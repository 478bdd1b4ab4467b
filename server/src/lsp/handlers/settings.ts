/**
 * Editor settings (`botEthics.*`), pulled per project root with
 * workspace/configuration and pulled again on didChangeConfiguration. A
 * client without the pull model pushes them in didChangeConfiguration.
 */
import { DidChangeConfigurationNotification, type DidChangeConfigurationParams } from 'vscode-languageserver/node';
import type { BotEthicsConfig } from '../../core/config';
import type { ServerContext } from '../context';
import { describeError } from '../safe';
import { SETTINGS_SECTION, SettingsStore } from '../settings';
import { keyToUri } from '../uri';

/** Window-wide settings: a client that pushes settings has no per-folder scopes. */
const WINDOW = '';

export class SettingsHandler {
  private readonly store = new SettingsStore();
  private readonly pulls = new Map<string, Promise<void>>();

  constructor(
    private readonly ctx: ServerContext,
    /** called with the project roots whose settings changed */
    private readonly onChanged: (roots: string[]) => void,
  ) {}

  private get canPull(): boolean {
    return !!this.ctx.capabilities.workspace?.configuration;
  }

  /** After `initialized`: ask to be told about settings changes (VS Code sends them only when asked). */
  registerForChanges(): void {
    if (this.ctx.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void this.ctx.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
  }

  /** Settings under a project root (the same object until they change). */
  configFor(root: string): BotEthicsConfig {
    return this.store.get(this.canPull ? keyToUri(root) : WINDOW).config;
  }

  /** Resolves once the root's settings are known (pulled once per root). */
  ready(root: string): Promise<void> {
    if (!this.canPull) return Promise.resolve();
    const scope = keyToUri(root);
    let pull = this.pulls.get(scope);
    if (!pull) {
      pull = this.pull(scope).then(() => undefined);
      this.pulls.set(scope, pull);
    }
    return pull;
  }

  async changed(params: DidChangeConfigurationParams): Promise<void> {
    if (!this.canPull) {
      const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (this.store.set(WINDOW, pushed)) {
        this.report(WINDOW);
        this.onChanged(this.ctx.workspace.all.map((p) => p.root));
      }
      return;
    }
    const scopes = [...this.pulls.keys()];
    const changed = await Promise.all(scopes.map((s) => this.pull(s)));
    const roots = new Set(scopes.filter((_, i) => changed[i]));
    this.onChanged(this.ctx.workspace.all.filter((p) => roots.has(keyToUri(p.root))).map((p) => p.root));
  }

  /** Pulls a scope's settings; true when they differ from what was known. */
  private async pull(scope: string): Promise<boolean> {
    let raw: unknown;
    try {
      raw = await this.ctx.connection.workspace.getConfiguration({ scopeUri: scope, section: SETTINGS_SECTION });
    } catch (e) {
      this.ctx.log.error(`could not read the settings: ${describeError(e)}`);
      return false;
    }
    const changed = this.store.set(scope, raw);
    if (changed) this.report(scope);
    return changed;
  }

  private report(scope: string): void {
    for (const p of this.store.get(scope).problems) this.ctx.log.error(`setting ignored: ${p}`);
  }
}
