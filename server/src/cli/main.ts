/** Entry of dist/cli.js (started by bin/bot-ethics.js): runs the command and writes its output once. */
import { cli } from './cli';

void cli(process.argv.slice(2), process.cwd(), process.env).then((r) => {
  if (r.stderr) process.stderr.write(r.stderr);
  // exitCode, not exit(): a pipe gets the whole output before the process ends
  process.exitCode = r.exitCode;
  if (r.stdout) process.stdout.write(r.stdout);
});
