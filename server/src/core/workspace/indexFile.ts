import * as path from 'path';
import { readFrontmatterFast } from './fastFrontmatter';
import { summarizePattern, unparsedSummary, type PatternSummary } from './patternSummary';
import { pathToUri } from './uris';

/**
 * Summarizes one file that is not open, through the fast path. A file whose frontmatter does not
 * parse is indexed under its file name so that links to it still resolve; a file without
 * frontmatter or without a `slug` is not a pattern (undefined).
 */
export function summarizeFile(filePath: string): PatternSummary | undefined {
  const uri = pathToUri(filePath);
  const read = readFrontmatterFast(filePath);
  if (read.kind === 'frontmatter') return summarizePattern(uri, read.data);
  if (read.kind === 'yaml-error' || read.kind === 'unclosed') return unparsedSummary(uri, path.basename(filePath).replace(/\.md$/i, ''));
  return undefined;
}
