import type { PatternDocument } from '../document/patternDocument';
import { summarizePattern, unparsedSummary, type PatternSummary } from './patternSummary';
import { fileSlugOf } from './uris';

/**
 * The index summary of an open (fully parsed) document, with the same meaning as indexFile.ts's
 * summarizeFile for files on disk: a frontmatter that does not parse (or is unclosed) keeps the
 * file indexed under its file name so links to it still resolve; no frontmatter or no `slug`
 * means not a pattern (undefined).
 */
export function summarizeDocument(doc: PatternDocument): PatternSummary | undefined {
  const fm = doc.frontmatter;
  if (!fm) return undefined;
  if (!fm.closed || doc.yamlErrors.length > 0) return unparsedSummary(doc.uri, fileSlugOf(doc.uri));
  return summarizePattern(doc.uri, doc.data);
}
