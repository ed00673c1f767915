import * as fs from 'fs';
import { splitFrontmatter, type FrontmatterSplit } from '../document/frontmatter';

/**
 * Reads a file as an editor shows it: UTF-8 without a leading byte-order mark. Editors drop the BOM
 * from the text they show and send over LSP, so positions computed on this text match theirs
 * (else line 0 would be one column off in files that are not open).
 */
export function readPatternText(filePath: string): string {
  return withoutBom(fs.readFileSync(filePath, 'utf8'));
}

/**
 * A file's text as readPatternText gives it, and its frontmatter (up to the body) as a string of its
 * own: a copy, not a slice of the text. Values parsed from `head` hold on to it, not to the whole
 * text: a checker that keeps a file's parsed frontmatter for later does not keep its body (two
 * thirds of a pattern file, and what the garbage collector would copy). `head` is undefined without a
 * closed frontmatter. `frontmatter` is the text's split (splitFrontmatter), so that it is not made twice.
 */
export function readPatternTextWithHead(filePath: string): { text: string; head: string | undefined; frontmatter: FrontmatterSplit | undefined } {
  const text = readPatternText(filePath);
  const frontmatter = splitFrontmatter(text);
  return { text, head: frontmatter?.closed ? copyOf(text.slice(0, frontmatter.bodyStart)) : undefined, frontmatter };
}

/**
 * A string with the characters of `slice` that does not refer to the string it was sliced from.
 * Joining makes a cons string, which V8 flattens into a new string when it is sliced: a copy of the
 * characters (a tenth of the cost of decoding the frontmatter's bytes a second time, as this did).
 */
function copyOf(slice: string): string {
  return (slice + ' ').slice(0, -1);
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
