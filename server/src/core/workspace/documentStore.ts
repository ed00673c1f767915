import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { parsePatternDocument, type PatternDocument } from '../document/patternDocument';

/**
 * The documents open in the editor, with their text applied from (incremental) changes and one
 * parse per version: every request against the same version shares one PatternDocument.
 */
export class DocumentStore {
  private readonly texts = new Map<string, TextDocument>();
  private readonly parsed = new Map<string, PatternDocument>();

  open(uri: string, languageId: string, version: number, text: string): void {
    this.texts.set(uri, TextDocument.create(uri, languageId, version, text));
    this.parsed.delete(uri);
  }

  /** Applies changes in order; returns false when the document is not open (a client bug we ignore). */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): boolean {
    const current = this.texts.get(uri);
    if (!current) return false;
    this.texts.set(uri, TextDocument.update(current, [...changes], version));
    this.parsed.delete(uri);
    return true;
  }

  close(uri: string): void {
    this.texts.delete(uri);
    this.parsed.delete(uri);
  }

  isOpen(uri: string): boolean {
    return this.texts.has(uri);
  }

  uris(): string[] {
    return [...this.texts.keys()];
  }

  version(uri: string): number | undefined {
    return this.texts.get(uri)?.version;
  }

  text(uri: string): string | undefined {
    return this.texts.get(uri)?.getText();
  }

  /** The parse of the open document's current version (parsed at most once per version). */
  document(uri: string): PatternDocument | undefined {
    const text = this.texts.get(uri);
    if (!text) return undefined;
    const cached = this.parsed.get(uri);
    if (cached && cached.version === text.version) return cached;
    const doc = parsePatternDocument(uri, text.getText(), text.version);
    this.parsed.set(uri, doc);
    return doc;
  }
}
