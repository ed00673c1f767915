import {
  DocumentDiagnosticReportKind, type Connection, type DocumentDiagnosticReport, type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { requestCancelled, throwIfCancelled } from './cancellation';
import { guard } from './guard';
import type { PatternSession } from './session';
import type { WorkspaceDiagnostics } from './workspaceDiagnostics';

const EMPTY_REPORT: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

/**
 * Pull diagnostics: `workspace/diagnostic` for the whole library (so an editor can list problems
 * of files that are not open) and `textDocument/diagnostic` for one closed file. Open documents
 * get their diagnostics pushed; their pull reports are empty so nothing shows twice.
 */
export function registerPullDiagnostics(connection: Connection, session: PatternSession, diagnostics: WorkspaceDiagnostics): void {
  connection.languages.diagnostics.on(guard(connection, 'textDocument/diagnostic', EMPTY_REPORT, async ({ textDocument, previousResultId }, token) => {
    const uri = textDocument.uri;
    if (session.store.isOpen(uri)) return EMPTY_REPORT;
    if (!(await session.gate.wait(token))) throw requestCancelled();
    const resultId = diagnostics.resultIdOf(uri);
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics.diagnosticsOf(uri, resultId) };
  }));

  connection.languages.diagnostics.onWorkspace(guard(connection, 'workspace/diagnostic', { items: [] }, async (params, token, _workDone, resultProgress) => {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value] as const));
    const collected: WorkspaceDocumentDiagnosticReport[] = [];
    // With a partial-result token the reports stream in batches and the final answer is empty.
    await diagnostics.workspaceReports(previous, token, (batch) => {
      if (resultProgress) resultProgress.report({ items: batch });
      else collected.push(...batch);
    });
    // A cancelled pass stopped part-way (or a held request was let go): what it has is not the answer.
    throwIfCancelled(token);
    return { items: collected };
  }));
}
