#!/usr/bin/env node
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const USAGE = `Usage: commons-patterns-language-server --stdio
       commons-patterns-language-server --node-ipc | --socket=PORT | --pipe=NAME

The Commons Patterns language server (LSP) for pattern files: Markdown with v7.1 YAML frontmatter.
Start it from an editor (VS Code, Neovim, Helix, Emacs, Zed), not by hand.`;

const TRANSPORTS = /^--(stdio|node-ipc|socket=|pipe=)/;

function main(argv: readonly string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!argv.some((arg) => TRANSPORTS.test(arg))) {
    process.stderr.write(`commons-patterns-language-server: no transport given\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  // createConnection reads the transport (--stdio, --node-ipc, …) from the command line.
  const connection = createConnection(ProposedFeatures.all);
  // Last line of defence: a bug in a timer or a stream callback is logged, the server keeps serving.
  process.on('uncaughtException', (error) => connection.console.error(`commons-patterns: uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`commons-patterns: unhandled rejection: ${String(reason)}`));
  startServer(connection);
}

main(process.argv.slice(2));
