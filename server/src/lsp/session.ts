import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { createLanguageService, type PatternHost, type PatternLanguageService } from '../core/index';
import type { FeatureContext } from '../core/features/featureContext';
import type { PatternDocument } from '../core/document/patternDocument';
import type { PatternSchema } from '../core/schema/patternSchema';
import { DEFAULT_SETTINGS, type PatternSettings } from '../core/settings/patternSettings';
import { ChangeStamps } from '../core/workspace/changeStamps';
import { dependentUris, linkageChanged, linkTargetsOf } from '../core/workspace/dependents';
import { DocumentStore } from '../core/workspace/documentStore';
import { summarizeFile } from '../core/workspace/indexFile';
import type { PatternSummary } from '../core/workspace/patternSummary';
import { summarizeDocument } from '../core/workspace/summarizeDocument';
import { uriToPath } from '../core/workspace/uris';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { Debouncer } from './debouncer';
import { DiskDocuments } from './diskDocuments';
import { logError } from './guard';
import { PatternFolders } from './patternFolders';
import { ReadyGate } from './readyGate';
import { loadSchema, type LoadedSchema } from './schemaLoader';

/** Quiet time after a keystroke before an open document is checked again. */
export const CHECK_DELAY_MS = 75;

/**
 * The server's state for one client connection: open documents, the workspace index, settings,
 * schema and the facade over the core. Handlers (one file per group) call into this; nothing here
 * is a module-level singleton, so a test can run several sessions in one process.
 */
export class PatternSession {
  readonly store = new DocumentStore();
  readonly disk = new DiskDocuments();
  readonly stamps = new ChangeStamps();
  readonly gate = new ReadyGate();
  readonly folders = new PatternFolders(DEFAULT_SETTINGS);
  /** Whether `schemaPath` may be honoured (the client says the workspace is trusted). */
  trusted = true;
  private currentIndex = new WorkspaceIndex();
  private currentSettings: PatternSettings = DEFAULT_SETTINGS;
  private loaded: LoadedSchema;
  /** Trust and schemaPath the loaded schema was chosen for: reload only when they change. */
  private schemaRequest = 'true:';
  private facade: PatternLanguageService;
  private readonly checks = new Debouncer((uri) => this.checkOpenDocument(uri));

  readonly host: PatternHost = Object.freeze({
    getDocument: (uri: string) => this.document(uri),
    isOpen: (uri: string) => this.store.isOpen(uri),
    exists: (uri: string) => this.store.isOpen(uri) || this.disk.exists(uri),
  });

  constructor(readonly connection: Connection) {
    this.loaded = loadSchema(undefined, true, undefined);
    this.facade = this.buildService();
  }

  get index(): WorkspaceIndex {
    return this.currentIndex;
  }

  get settings(): PatternSettings {
    return this.currentSettings;
  }

  get schema(): PatternSchema {
    return this.loaded.schema;
  }

  get service(): PatternLanguageService {
    return this.facade;
  }

  /** An open document's current text, else the file on disk (fully parsed). */
  document(uri: string): PatternDocument | undefined {
    return this.store.document(uri) ?? this.disk.get(uri);
  }

  /** Files whose summaries belong in the index: pattern files of the workspace folders (or any local .md file in folder-less mode). */
  isIndexable(uri: string): boolean {
    if (this.folders.all().length === 0) return uri.startsWith('file:') && /\.md$/i.test(uri);
    return this.folders.acceptsUri(uri);
  }

  // ---- open documents ------------------------------------------------------------------------

  openDocument(uri: string, languageId: string, version: number, text: string): void {
    this.store.open(uri, languageId, version, text);
    this.syncOpenSummary(uri);
    this.scheduleCheck(uri, 0);
  }

  changeDocument(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    if (this.store.change(uri, version, changes)) this.scheduleCheck(uri, CHECK_DELAY_MS);
  }

  /** The editor's text is gone: the file on disk is the truth again. */
  closeDocument(uri: string): void {
    this.store.close(uri);
    this.checks.cancel(uri);
    this.disk.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.applySummary(uri, this.isIndexable(uri) && this.disk.exists(uri) ? readSummary(uri) : undefined);
    this.stamps.touch([uri]);
  }

  // ---- index updates -------------------------------------------------------------------------

  /**
   * Puts one file's summary into the index (undefined removes it) and, when its slug, id or links
   * changed, re-checks the open documents that depend on it and marks every dependent's pull
   * diagnostics as changed.
   */
  applySummary(uri: string, summary: PatternSummary | undefined): void {
    const before = this.currentIndex.get(uri);
    const change = summary ? this.currentIndex.set(summary) : this.currentIndex.delete(uri);
    if (!linkageChanged(before, summary)) return;
    const affected = dependentUris(this.currentIndex, change, linkTargetsOf(before, summary));
    affected.add(uri);
    this.stamps.touch(affected);
    for (const dependent of affected) if (dependent !== uri && this.store.isOpen(dependent)) this.scheduleCheck(dependent, CHECK_DELAY_MS);
  }

  /** A file changed on disk (watcher): re-read it unless the editor has it open (open text wins). */
  fileChangedOnDisk(uri: string, deleted: boolean): void {
    this.disk.forget(uri);
    if (this.store.isOpen(uri)) return;
    this.stamps.touch([uri]);
    if (deleted || !this.isIndexable(uri)) this.applySummary(uri, undefined);
    else this.applySummary(uri, readSummary(uri));
  }

  /** A folder was deleted: its files are gone, and a watcher on `*.md` may not say so file by file. */
  folderDeletedOnDisk(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    for (const summary of [...this.currentIndex.all()]) {
      if (summary.uri.startsWith(prefix) && !this.store.isOpen(summary.uri)) this.fileChangedOnDisk(summary.uri, true);
    }
  }

  /** Starts over with an empty index (a new filter or new folders); open documents go back in at once. */
  resetIndex(): void {
    this.currentIndex = new WorkspaceIndex();
    this.facade = this.buildService();
    this.resyncOpenDocuments();
    this.stamps.touchAll();
  }

  /** Puts the open documents' own summaries (from their text) back into the index. */
  resyncOpenDocuments(): void {
    for (const uri of this.store.uris()) this.syncOpenSummary(uri);
  }

  // ---- diagnostics of open documents ---------------------------------------------------------

  scheduleCheck(uri: string, delayMs: number): void {
    this.checks.schedule(uri, delayMs);
  }

  recheckOpenDocuments(): void {
    for (const uri of this.store.uris()) this.scheduleCheck(uri, 0);
  }

  /** Re-indexes an open document from its text and publishes its diagnostics (push model). */
  private checkOpenDocument(uri: string): void {
    try {
      const doc = this.syncOpenSummary(uri);
      // Until the workspace is indexed, every link would look broken: check when the gate opens.
      if (!doc || !this.gate.isOpen) return;
      const diagnostics = this.facade.check(doc);
      // Drop results for a version that is no longer current (the text changed meanwhile).
      if (this.store.version(uri) !== doc.version) return;
      void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    } catch (error) {
      logError(this.connection, `checking ${uri}`, error);
    }
  }

  private syncOpenSummary(uri: string): PatternDocument | undefined {
    const doc = this.store.document(uri);
    if (doc && this.isIndexable(uri)) this.applySummary(uri, summarizeDocument(doc));
    return doc;
  }

  // ---- settings and schema -------------------------------------------------------------------

  /** Applies new settings without a restart; returns whether the pattern-file filter changed (re-index needed). */
  applySettings(settings: PatternSettings): { filterChanged: boolean; warning: string | undefined } {
    const previous = this.currentSettings;
    this.currentSettings = settings;
    const filterChanged = !sameList(previous.include, settings.include) || !sameList(previous.exclude, settings.exclude);
    if (filterChanged) this.folders.setFilter(settings);
    let warning: string | undefined;
    const schemaRequest = `${this.trusted}:${settings.schemaPath ?? ''}`;
    // A custom schema is re-read on every settings change: the user may have just fixed or edited it.
    if (schemaRequest !== this.schemaRequest || settings.schemaPath !== undefined) {
      this.schemaRequest = schemaRequest;
      this.loaded = loadSchema(settings.schemaPath, this.trusted, this.folders.all()[0]?.path);
      warning = this.loaded.warning;
    }
    this.facade = this.buildService();
    this.stamps.touchAll();
    return { filterChanged, warning };
  }

  dispose(): void {
    this.checks.dispose();
  }

  /** What the core's features run on; another host lets a caller run a feature without reading files. */
  featureContext(host: PatternHost = this.host): FeatureContext {
    return {
      index: this.currentIndex,
      schema: this.loaded.schema,
      validator: this.loaded.validator,
      settings: this.currentSettings,
      host,
    };
  }

  private buildService(): PatternLanguageService {
    return createLanguageService(this.featureContext());
  }
}

function readSummary(uri: string): PatternSummary | undefined {
  try {
    return summarizeFile(uriToPath(uri));
  } catch {
    // Unreadable now (deleted between the event and the read, permissions): not in the index.
    return undefined;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
