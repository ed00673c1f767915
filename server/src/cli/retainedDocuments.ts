import type { PatternDocument } from '../core/document/patternDocument';

/**
 * The documents one thread read in the check's first pass and will check again in the second (by
 * the workspace rules), kept so that they are not read and parsed twice; up to a budget of text,
 * past which a file is read again (a library of 20,000 files would not fit).
 */
export class RetainedDocuments {
  private readonly documents = new Map<string, PatternDocument>();
  private chars = 0;

  /** `budget`: the text (UTF-16 code units) the kept documents may hold in all. */
  constructor(private readonly budget: number) {}

  keep(file: string, doc: PatternDocument): void {
    if (this.chars + doc.text.length > this.budget) return;
    this.chars += doc.text.length;
    this.documents.set(file, doc);
  }

  /** The kept document of a file, handed out once. */
  take(file: string): PatternDocument | undefined {
    const doc = this.documents.get(file);
    if (doc) {
      this.documents.delete(file);
      this.chars -= doc.text.length;
    }
    return doc;
  }
}

/**
 * Text each thread keeps between the passes: 40 million code units, which with the documents' parsed
 * data is about 150 MB a thread — the whole real library (3,616 files, 26 KB each) fits on two threads.
 */
export const RETAINED_TEXT_BUDGET = 40_000_000;
