import {
  type ClientCapabilities, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { serverCapabilities } from './capabilities';
import { registerCustomRequests } from './customRequests';
import { registerDocumentSync } from './documentSync';
import { registerEditingHandlers } from './editingHandlers';
import { guardNotification, logError } from './guard';
import { registerNavigationHandlers } from './navigationHandlers';
import { registerPullDiagnostics } from './pullDiagnostics';
import { PatternSession } from './session';
import { SettingsSync } from './settingsSync';
import { registerSymbolHandlers } from './symbolHandlers';
import { registerFileWatchers, registerWatchedFiles } from './watchedFiles';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { WorkspaceIndexing } from './workspaceIndexing';

/** What a client may pass in `initializationOptions`. */
interface InitializationOptions {
  /** False in an untrusted (restricted) workspace: `schemaPath` is then ignored. Default true. */
  readonly trusted?: boolean;
  /** `commonsPatterns.*` settings for clients that cannot answer workspace/configuration. */
  readonly settings?: unknown;
}

/** Wires a connection to a new session and starts listening. */
export function startServer(connection: Connection): PatternSession {
  const session = new PatternSession(connection);
  const indexing = new WorkspaceIndexing(session, connection);
  const workspaceDiagnostics = new WorkspaceDiagnostics(session);
  let client: ClientCapabilities = {};
  let settings: SettingsSync | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    // Non-VS Code editors have no notion of workspace trust: trusted unless the client says otherwise.
    session.trusted = options.trusted !== false;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    for (const folder of folders) session.folders.add(folder.uri);
    settings = new SettingsSync(connection, session, indexing, client.workspace?.configuration === true, options.settings);
    return { capabilities: serverCapabilities(), serverInfo: { name: 'commons-patterns-language-server' } };
  });

  connection.onInitialized(guardNotification(connection, 'initialized', async () => {
    settings?.register(client.workspace?.didChangeConfiguration?.dynamicRegistration === true);
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      registerFileWatchers(connection).catch((error: unknown) => logError(connection, 'registering file watchers', error));
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guardNotification(connection, 'didChangeWorkspaceFolders', ({ added, removed }) => {
        for (const folder of removed) session.folders.remove(folder.uri);
        for (const folder of added) session.folders.add(folder.uri);
        void indexing.reindex();
      }));
    }
    if (settings) settings.apply(await settings.load(), true);
    await indexing.reindex();
  }));

  registerDocumentSync(connection, session);
  registerWatchedFiles(connection, session);
  registerEditingHandlers(connection, session);
  registerNavigationHandlers(connection, session);
  registerSymbolHandlers(connection, session);
  registerPullDiagnostics(connection, session, workspaceDiagnostics);
  registerCustomRequests(connection, session, workspaceDiagnostics);
  connection.onShutdown(() => {
    // The client waits for this answer before it sends exit: stop indexing, drop pending checks.
    indexing.cancel();
    session.dispose();
  });
  connection.listen();
  return session;
}
