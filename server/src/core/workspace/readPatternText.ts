import * as fs from 'fs';

/**
 * Reads a file as an editor shows it: UTF-8 without a leading byte-order mark. Editors drop the BOM
 * from the text they show and send over LSP, so positions computed on this text match theirs
 * (else line 0 would be one column off in files that are not open).
 */
export function readPatternText(filePath: string): string {
  const text = fs.readFileSync(filePath, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
