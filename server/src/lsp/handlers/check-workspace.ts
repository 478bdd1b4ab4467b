/**
 * `botEthics/checkWorkspace`: every project of every workspace folder is
 * read and checked, and all its bot files get diagnostics (the Problems
 * panel shows the whole bot). Those closed files stay up to date afterwards.
 */
import { collectBotFiles, ioReason } from '../../node/workspace';
import type { ServerContext } from '../context';
import type { CheckWorkspaceResult } from '../protocol';
import type { DiagnosticsHandler } from './diagnostics';

export class CheckWorkspaceHandler {
  constructor(
    private readonly ctx: ServerContext,
    private readonly diagnostics: DiagnosticsHandler,
  ) {}

  async run(): Promise<CheckWorkspaceResult> {
    const started = Date.now();
    const { workspace, log } = this.ctx;
    const roots = new Set<string>(workspace.all.map((p) => p.root));
    for (const folder of workspace.folders) {
      let files: string[] = [];
      try {
        files = await collectBotFiles(folder, { ignore: [], onError: (p, e) => log.error(`cannot list ${p}: ${ioReason(e)}`) });
      } catch (e) {
        log.error(`cannot read the workspace folder ${folder}: ${ioReason(e)}`);
      }
      for (const f of files) roots.add(workspace.rootOf(f));
    }
    const result: CheckWorkspaceResult = { projects: 0, files: 0, errors: 0, warnings: 0, infos: 0 };
    // one project at a time: parsed files of a large workspace are memory enough
    for (const root of [...roots].sort()) {
      const state = workspace.project(root);
      await state.ready();
      for (const f of state.project.files) if (state.project.model(f)) state.shown.add(f);
      const counts = await this.diagnostics.check(state);
      result.projects++;
      result.files += counts.files;
      result.errors += counts.errors;
      result.warnings += counts.warnings;
      result.infos += counts.infos;
    }
    log.info(`workspace check: ${result.projects} projects, ${result.files} files in ${Date.now() - started} ms`);
    return result;
  }
}
