import * as fs from 'fs';
import { splitFrontmatter } from '../document/frontmatter';

/**
 * Reads a file as an editor shows it: UTF-8 without a leading byte-order mark. Editors drop the BOM
 * from the text they show and send over LSP, so positions computed on this text match theirs
 * (else line 0 would be one column off in files that are not open).
 */
export function readPatternText(filePath: string): string {
  return withoutBom(fs.readFileSync(filePath, 'utf8'));
}

/**
 * A file's text as readPatternText gives it, and its frontmatter (up to the body) decoded a second
 * time as a string of its own. Values parsed from `head` hold on to it, not to the whole text: a
 * checker that keeps a file's parsed frontmatter for later does not keep its body (two thirds of a
 * pattern file, and what the garbage collector would copy). `head` is undefined without a closed
 * frontmatter, or when the bytes do not decode to the same text twice (invalid UTF-8).
 */
export function readPatternTextWithHead(filePath: string): { text: string; head: string | undefined } {
  const bytes = fs.readFileSync(filePath);
  const decoded = bytes.toString('utf8');
  const text = withoutBom(decoded);
  const split = splitFrontmatter(text);
  if (!split?.closed) return { text, head: undefined };
  // A BOM is three bytes in UTF-8.
  const start = text === decoded ? 0 : 3;
  const head = bytes.toString('utf8', start, start + Buffer.byteLength(text.slice(0, split.bodyStart), 'utf8'));
  return { text, head: head === text.slice(0, split.bodyStart) ? head : undefined };
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
