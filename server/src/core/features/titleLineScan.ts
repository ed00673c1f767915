import type { Range } from 'vscode-languageserver-types';
import { splitFrontmatter } from '../document/frontmatter';

/**
 * The range of a pattern's `title:` value found by scanning the frontmatter's lines, without a YAML
 * parse: the same range the parsed document gives (quotes included, trailing comment excluded).
 * Go to definition on a closed file needs nothing else, and a full parse of a 20 KB file costs
 * 10–15 ms. Undefined whenever the line alone cannot tell for sure (no or several top-level
 * `title:` lines, a block or multi-line value, an anchor, tag, flow collection, a lone CR line
 * break): the caller then parses the file.
 */
export function scanTitleRange(text: string): Range | undefined {
  const split = splitFrontmatter(text);
  if (!split || !split.closed) return undefined;
  let found: { line: number; start: number; end: number } | undefined;
  let line = 0;
  let lineStart = 0;
  // Lines before the YAML (BOM, opening fence) count too.
  for (let at = text.indexOf('\n'); at >= 0 && at < split.yamlStart; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  let continuationCheck = false;
  while (lineStart < split.yamlEnd) {
    const breakAt = text.indexOf('\n', lineStart);
    const next = breakAt < 0 ? text.length : breakAt + 1;
    let content = text.slice(lineStart, breakAt < 0 ? text.length : breakAt);
    if (content.endsWith('\r')) content = content.slice(0, -1);
    // A lone CR is a line break to LSP: line numbers would not be the ones counted here.
    if (content.includes('\r')) return undefined;
    if (continuationCheck && content.trim() !== '') {
      // An indented line right after the title continues its value (or breaks the YAML): parse instead.
      if (content[0] === ' ' || content[0] === '\t') return undefined;
      continuationCheck = false;
    }
    if (/^title:(?:[ \t]|$)/.test(content)) {
      if (found) return undefined;
      const value = valueSpan(content, 'title:'.length);
      if (!value) return undefined;
      found = { line, start: value.start, end: value.end };
      continuationCheck = true;
    }
    line++;
    lineStart = next;
  }
  return found && { start: { line: found.line, character: found.start }, end: { line: found.line, character: found.end } };
}

/** Where a one-line scalar value starts and ends in a line, from `from`; undefined when it is not one. */
function valueSpan(content: string, from: number): { start: number; end: number } | undefined {
  let start = from;
  while (content[start] === ' ' || content[start] === '\t') start++;
  if (start >= content.length) return undefined;
  const first = content[start];
  let end: number | undefined;
  if (first === '"') end = closingQuote(content, start, (i) => (content[i] === '\\' ? i + 2 : content[i] === '"' ? -1 : i + 1));
  else if (first === "'") end = closingQuote(content, start, (i) => (content[i] === "'" ? (content[i + 1] === "'" ? i + 2 : -1) : i + 1));
  else {
    if ('#|>&*!%@`[]{},?:-'.includes(first)) return undefined;
    const comment = content.slice(start).search(/[ \t]#/);
    end = comment < 0 ? content.length : start + comment;
    while (end > start && (content[end - 1] === ' ' || content[end - 1] === '\t')) end--;
    // A `: ` or ` #` inside a plain value makes it something else than one scalar.
    if (/:(?:[ \t]|$)/.test(content.slice(start, end))) return undefined;
    return { start, end };
  }
  if (end === undefined) return undefined;
  const rest = content.slice(end);
  return /^(?:[ \t]*|[ \t]+#.*)$/.test(rest) ? { start, end } : undefined;
}

/** The offset after a quoted scalar's closing quote on this line; `step` returns -1 at the closing quote. */
function closingQuote(content: string, open: number, step: (i: number) => number): number | undefined {
  for (let i = open + 1; i < content.length; ) {
    const next = step(i);
    if (next < 0) return i + 1;
    i = next;
  }
  return undefined;
}
