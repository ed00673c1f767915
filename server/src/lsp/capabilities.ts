import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver/node';

/** The `identifier` of our pull diagnostics (VS Code names the diagnostic collection after it). */
export const DIAGNOSTIC_IDENTIFIER = 'commons-patterns';

export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    // ':' after `slug` or a domain key, '#' for the next `### Section N:` heading.
    completionProvider: { triggerCharacters: [':', '#'], resolveProvider: false },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    foldingRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    // Pull answers closed files (workspace/diagnostic); open documents are pushed (see workspaceDiagnostics.ts).
    diagnosticProvider: { identifier: DIAGNOSTIC_IDENTIFIER, interFileDependencies: true, workspaceDiagnostics: true },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
