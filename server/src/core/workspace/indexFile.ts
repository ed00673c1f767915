import * as path from 'path';
import { parsePatternDocument } from '../document/patternDocument';
import { readFrontmatterFast } from './fastFrontmatter';
import { summarizePattern, unparsedSummary, type PatternSummary } from './patternSummary';
import { readPatternText } from './readPatternText';
import { pathToUri } from './uris';

/**
 * Summarizes one file that is not open, through the fast path. When js-yaml rejects a frontmatter,
 * the full parser has the last word (on rare inputs — a NUL in a quoted string, an empty key — js-yaml
 * is stricter), so a closed file is indexed exactly as it would be when open. A file whose
 * frontmatter does not parse is indexed under its file name so that links to it still resolve; a file
 * without frontmatter or without a `slug` is not a pattern (undefined).
 */
export function summarizeFile(filePath: string): PatternSummary | undefined {
  const uri = pathToUri(filePath);
  const read = readFrontmatterFast(filePath);
  if (read.kind === 'frontmatter') return summarizePattern(uri, read.data);
  if (read.kind === 'yaml-error') {
    const doc = parsePatternDocument(uri, readPatternText(filePath));
    if (doc.yamlErrors.length === 0) return summarizePattern(uri, doc.data);
  }
  if (read.kind === 'yaml-error' || read.kind === 'unclosed') return unparsedSummary(uri, path.basename(filePath).replace(/\.md$/i, ''));
  return undefined;
}
