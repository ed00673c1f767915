import type { PatternDocument } from '../core/document/patternDocument';

/**
 * The documents one thread read in the check's first pass and will check again in the second (by
 * the workspace rules), kept so that they are not read and parsed twice; up to a budget of text,
 * past which a file is read again (a library of 20,000 files would not fit).
 */
export class RetainedDocuments {
  private readonly documents = new Map<string, { doc: PatternDocument; size: number }>();
  private chars = 0;

  /** `budget`: the text (UTF-16 code units) the kept documents may hold in all. */
  constructor(private readonly budget: number) {}

  /** `size`: what the document counts against the budget (its text's length unless said). */
  keep(file: string, doc: PatternDocument, size = doc.text.length): void {
    if (this.chars + size > this.budget) return;
    this.chars += size;
    this.documents.set(file, { doc, size });
  }

  /** The kept document of a file, handed out once. */
  take(file: string): PatternDocument | undefined {
    const kept = this.documents.get(file);
    if (!kept) return undefined;
    this.documents.delete(file);
    this.chars -= kept.size;
    return kept.doc;
  }
}

/**
 * Text each thread keeps between the passes: 28 million code units. A kept document costs about
 * 130 KB with its parsed data (its strings are slices of the text), so this is ~140 MB a thread; the
 * 2,072 v7.1 files of the real library (26,500 characters each) fit on two threads, and a library of
 * 20,000 files keeps about a tenth of them (measured: 1.4 GB peak without keeping, 1.8 GB with 40 M).
 */
export const RETAINED_TEXT_BUDGET = 28_000_000;
