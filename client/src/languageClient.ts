import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const CONFIGURATION_SECTION = 'commonsPatterns';

/**
 * Where the language server's entry module is: next to the bundled client in `dist/` (the .vsix),
 * or the tsc output under `out/` when running from a development build.
 */
export function serverModulePath(context: vscode.ExtensionContext): string {
  const bundled = path.basename(__dirname) === 'dist';
  const candidate = bundled ? path.join(__dirname, 'server.js') : context.asAbsolutePath(path.join('out', 'server', 'src', 'lsp', 'main.js'));
  if (!fs.existsSync(candidate)) {
    throw new Error(`Commons Patterns: the language server is missing at ${candidate}; build it with \`npm run build\`${bundled ? ' and `npm run bundle`' : ''}.`);
  }
  return candidate;
}

/** The language client for Markdown files, talking to the server over Node IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = serverModulePath(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel,
    // The server registers for settings changes and for *.md file events itself (dynamic registration).
    initializationOptions: { trusted: vscode.workspace.isTrusted, settings: currentSettings() },
    middleware: {
      workspace: {
        // A custom schema is honoured only in trusted workspaces (VS Code already ignores the
        // workspace's value of this restricted setting there; this also covers folder settings).
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
          return result.map((value, i) =>
            params.items[i]?.section === CONFIGURATION_SECTION && value && typeof value === 'object' ? { ...value, schemaPath: undefined } : value);
        },
      },
    },
  };
  const client = new LanguageClient('commonsPatterns', 'Commons Patterns Language Server', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      // The server learns about trust when it starts (initializationOptions.trusted): start it again
      // so that a custom schemaPath applies. Trust is granted rarely, at most once per workspace.
      if (client.isRunning()) void client.restart();
    }),
  );
  return client;
}

/** The `commonsPatterns.*` settings as plain JSON; schemaPath only in a trusted workspace. */
export function currentSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(CONFIGURATION_SECTION);
  return {
    include: config.get('include'),
    exclude: config.get('exclude'),
    severity: config.get('severity'),
    contexts: config.get('contexts'),
    schemaPath: vscode.workspace.isTrusted ? config.get('schemaPath') : undefined,
  };
}
