import {
  DiagnosticSeverity, DocumentDiagnosticReportKind,
  type CancellationToken, type Diagnostic, type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { SLICE_MS, yieldToEventLoop } from './cancellation';
import type { LibraryStatus } from './customProtocol';
import type { PatternSession } from './session';

interface CachedReport {
  readonly resultId: string;
  readonly diagnostics: Diagnostic[];
}

/** Files checked between two yields to the event loop, so requests interleave with a long pass. */
const BATCH = 50;
/** How long an up-to-date client's workspace pull is held open waiting for a change. */
const HOLD_MS = 30_000;

/**
 * Diagnostics of the whole library for pull requests and the status bar. Each file's result is
 * cached under a result id built from its change stamp (bumped when it or a file it depends on
 * changes, or the settings change) and its mtime/size on disk, so a repeated pull re-checks only
 * what changed and answers "unchanged" for the rest.
 *
 * Open documents are the push model's (publishDiagnostics): pull reports for them are empty, so
 * a client that uses both models never shows a problem twice.
 */
export class WorkspaceDiagnostics {
  private readonly cache = new Map<string, CachedReport>();

  constructor(private readonly session: PatternSession) {}

  resultIdOf(uri: string): string {
    const stamp = this.session.stamps.stampOf(uri);
    const version = this.session.store.version(uri);
    return version !== undefined ? `open.${version}.${stamp}` : `${stamp}.${this.session.disk.stamp(uri)}`;
  }

  /** The diagnostics of one file (an open document's current text), from the cache when current. */
  diagnosticsOf(uri: string, resultId = this.resultIdOf(uri)): Diagnostic[] {
    const cached = this.cache.get(uri);
    if (cached?.resultId === resultId) return cached.diagnostics;
    const doc = this.session.document(uri);
    const diagnostics = doc ? this.session.service.check(doc) : [];
    this.cache.set(uri, { resultId, diagnostics });
    return diagnostics;
  }

  /**
   * Reports for every pattern file. `previous` maps URIs to the result ids the client holds; when
   * all of them are current the request waits (up to HOLD_MS) for a change instead of answering
   * the same thing again, since clients re-send it in a loop.
   */
  async workspaceReports(
    previous: ReadonlyMap<string, string>,
    token: CancellationToken,
    onBatch: (reports: WorkspaceDocumentDiagnosticReport[]) => void,
  ): Promise<void> {
    if (!(await this.session.gate.wait(token))) return;
    let pending = this.changedUris(previous);
    if (pending.changed === 0 && previous.size > 0) {
      if (!(await this.waitForChange(token))) return;
      pending = this.changedUris(previous);
    }
    const reports: WorkspaceDocumentDiagnosticReport[] = [];
    for (const uri of previous.keys()) {
      if (!pending.ids.has(uri) && previous.get(uri) !== 'gone') {
        reports.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: 'gone', items: [] });
        this.cache.delete(uri);
      }
    }
    let checked = 0;
    let sliceStart = Date.now();
    for (const [uri, resultId] of pending.ids) {
      const version = this.session.store.version(uri) ?? null;
      if (previous.get(uri) === resultId) {
        reports.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId });
        continue;
      }
      const items = version === null ? this.diagnosticsOf(uri, resultId) : [];
      reports.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, resultId, items });
      // A batch ends after BATCH files or SLICE_MS of work (a slow machine, long files), so that a
      // cancellation or a keystroke is read within a slice.
      if (++checked % BATCH === 0 || Date.now() - sliceStart >= SLICE_MS) {
        onBatch(reports.splice(0));
        await yieldToEventLoop();
        sliceStart = Date.now();
        if (token.isCancellationRequested) return;
      }
    }
    if (reports.length) onBatch(reports);
  }

  /**
   * Problem counts over the whole library (every pattern file, open ones with their current text);
   * `files` is how many files were checked (fewer than `patterns` when cancelled).
   */
  async libraryStatus(token: CancellationToken, onProgress?: (done: number, total: number) => void): Promise<LibraryStatus & { files: number }> {
    await this.session.gate.wait(token);
    let problems = 0;
    let errors = 0;
    let warnings = 0;
    let checked = 0;
    let sliceStart = Date.now();
    const uris = [...this.session.index.all()].map((summary) => summary.uri);
    onProgress?.(0, uris.length);
    for (const uri of uris) {
      for (const diagnostic of this.diagnosticsOf(uri)) {
        problems++;
        if (diagnostic.severity === DiagnosticSeverity.Error) errors++;
        else if (diagnostic.severity === DiagnosticSeverity.Warning) warnings++;
      }
      if (++checked % BATCH === 0 || Date.now() - sliceStart >= SLICE_MS) {
        onProgress?.(checked, uris.length);
        await yieldToEventLoop();
        sliceStart = Date.now();
        if (token.isCancellationRequested) break;
      }
    }
    onProgress?.(checked, uris.length);
    return { patterns: this.session.index.size, problems, errors, warnings, files: checked };
  }

  private changedUris(previous: ReadonlyMap<string, string>): { ids: Map<string, string>; changed: number } {
    const ids = new Map<string, string>();
    let changed = 0;
    for (const summary of this.session.index.all()) {
      const resultId = this.resultIdOf(summary.uri);
      ids.set(summary.uri, resultId);
      if (previous.get(summary.uri) !== resultId) changed++;
    }
    for (const uri of previous.keys()) if (!ids.has(uri) && previous.get(uri) !== 'gone') changed++;
    return { ids, changed };
  }

  /** Resolves true at the next change (or after HOLD_MS), false when the request is cancelled. */
  private waitForChange(token: CancellationToken): Promise<boolean> {
    return new Promise((resolve) => {
      if (token.isCancellationRequested) return resolve(false);
      let settled = false;
      const cleanups: Array<() => void> = [];
      const finish = (value: boolean) => {
        if (settled) return;
        settled = true;
        for (const cleanup of cleanups) cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => finish(true), HOLD_MS);
      cleanups.push(() => clearTimeout(timer));
      cleanups.push(this.session.stamps.onNextChange(() => finish(true)));
      const cancellation = token.onCancellationRequested(() => finish(false));
      cleanups.push(() => cancellation.dispose());
    });
  }
}

