import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import type { PatternDocument } from '../core/document/patternDocument';
import {
  BacklinksRequest, CheckLibraryRequest, ContextPreviewRequest, LibraryStatusRequest, NewPatternRequest, SectionOutlineRequest, type UriParams,
} from './customProtocol';
import { guard } from './guard';
import { newPattern } from './newPatternRequest';
import type { PatternSession } from './session';
import type { WorkspaceDiagnostics } from './workspaceDiagnostics';

/** The `commonsPatterns/*` requests of the VS Code client's views (outline, preview, backlinks, status bar). */
export function registerCustomRequests(connection: Connection, session: PatternSession, diagnostics: WorkspaceDiagnostics): void {
  const documentOf = (params: UriParams | undefined): PatternDocument | undefined => {
    if (typeof params?.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'Expected { uri: string }');
    return session.document(params.uri);
  };
  connection.onRequest(SectionOutlineRequest.type, guard(connection, 'sectionOutline', null, (params) => {
    const doc = documentOf(params);
    return doc ? session.service.sectionOutline(doc) : null;
  }));
  connection.onRequest(ContextPreviewRequest.type, guard(connection, 'contextPreview', null, (params) => {
    const doc = documentOf(params);
    return doc ? session.service.contextPreview(doc) : null;
  }));
  connection.onRequest(BacklinksRequest.type, guard(connection, 'backlinks', null, (params) => {
    const doc = documentOf(params);
    return doc ? session.service.backlinks(doc) : null;
  }));
  connection.onRequest(NewPatternRequest.type, guard(connection, 'newPattern', null, (params) => newPattern(session, params)));
  connection.onRequest(LibraryStatusRequest.type, guard(connection, 'libraryStatus', { patterns: 0, problems: 0, errors: 0, warnings: 0 },
    async (_params, token) => {
      const { files: _files, ...status } = await diagnostics.libraryStatus(token);
      return status;
    }));
  connection.onRequest(CheckLibraryRequest.type, guard(connection, 'checkLibrary', { patterns: 0, problems: 0, errors: 0, warnings: 0, files: 0 },
    async (params, token) => {
      const progress = connection.window.attachWorkDoneProgress(params?.workDoneToken);
      progress.begin('Checking the pattern library', 0, undefined, false);
      try {
        return await diagnostics.libraryStatus(token, (done, total) =>
          progress.report(total === 0 ? 100 : Math.floor((done / total) * 100), `Checked ${count(done)}/${count(total)} patterns`));
      } finally {
        progress.done();
      }
    }));
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
