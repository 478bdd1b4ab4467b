/**
 * The language server's entry (bundled to dist/server.js). VS Code's client
 * starts it with node-ipc; other editors with `--stdio`. Nothing here may
 * write to stdout: in stdio mode that is the protocol channel.
 */
import { IPCMessageReader, IPCMessageWriter, createConnection } from 'vscode-languageserver/node';
import { describeError } from './safe';
import { startServer } from './session';

const transportFlags = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const connection = process.argv.some((a) => transportFlags.some((f) => a === f || a.startsWith(f + '=')))
  ? createConnection() // the library reads the transport from the flags
  : process.send
    ? createConnection(new IPCMessageReader(process), new IPCMessageWriter(process))
    : createConnection(process.stdin, process.stdout);

// a bug in one check must not take the editor's hints down: log it and go on
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${describeError(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${describeError(e)}`));

startServer(connection);
