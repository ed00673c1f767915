import * as fs from 'fs';
import type { PatternDocument } from '../core/document/patternDocument';
import { parsePatternDocumentFast } from '../core/workspace/fastPatternDocument';
import { uriToPath } from '../core/workspace/uris';
import { readPatternText } from '../core/workspace/readPatternText';

interface CachedDocument {
  readonly doc: PatternDocument;
  readonly mtimeMs: number;
  readonly size: number;
}

/**
 * Parsed files that are not open (references and rename in closed files, pull diagnostics), read by
 * the fast path (the full YAML tree is parsed when a feature first needs it),
 * with a small most-recently-used cache checked against the file's mtime and size so that a file
 * changed behind our back is parsed again.
 */
export class DiskDocuments {
  private readonly cache = new Map<string, CachedDocument>();

  /** How many parsed files the cache holds (prefetching more than this would only evict). */
  constructor(readonly capacity = 256) {}

  get(uri: string): PatternDocument | undefined {
    const filePath = uriToPath(uri);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(filePath);
      if (!stat.isFile()) return undefined;
    } catch {
      this.cache.delete(uri);
      return undefined;
    }
    const cached = this.cache.get(uri);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      // Re-insert: Map keeps insertion order, so the oldest entry is the least recently used.
      this.cache.delete(uri);
      this.cache.set(uri, cached);
      return cached.doc;
    }
    let text: string;
    try {
      text = readPatternText(filePath);
    } catch {
      return undefined;
    }
    const doc = parsePatternDocumentFast(uri, text, 0);
    this.cache.set(uri, { doc, mtimeMs: stat.mtimeMs, size: stat.size });
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    return doc;
  }

  exists(uri: string): boolean {
    try {
      return fs.existsSync(uriToPath(uri));
    } catch {
      return false;
    }
  }

  /** A stamp that changes when the file changes on disk (used in pull-diagnostic result ids). */
  stamp(uri: string): string {
    try {
      const stat = fs.statSync(uriToPath(uri));
      return `${stat.mtimeMs}-${stat.size}`;
    } catch {
      return 'missing';
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
