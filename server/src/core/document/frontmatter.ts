/** Where the YAML frontmatter and the Markdown body lie in a file's text. */
export interface FrontmatterSplit {
  /** 1 when the text starts with a byte-order mark, else 0. */
  readonly bomLength: number;
  /** Offsets of the opening `---` line (without its line break). */
  readonly openStart: number;
  readonly openEnd: number;
  /** The YAML text lies in [yamlStart, yamlEnd). */
  readonly yamlStart: number;
  readonly yamlEnd: number;
  /** The closing fence line, when there is one. */
  readonly closeStart: number | undefined;
  readonly closeEnd: number | undefined;
  /** Where the body starts (after the closing fence's line break), or the text's length when unclosed. */
  readonly bodyStart: number;
  readonly closed: boolean;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/**
 * Splits a pattern file into frontmatter and body. Returns undefined when the file does not
 * open with a `---` line (after an optional BOM): such a file has no frontmatter.
 */
export function splitFrontmatter(text: string): FrontmatterSplit | undefined {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstBreak = nextLineBreak(text, bomLength);
  const firstLine = text.slice(bomLength, firstBreak.at);
  if (!FENCE.test(firstLine)) return undefined;
  const yamlStart = firstBreak.next;
  // A closing fence line starts with `---` or `...`: only lines holding one are looked at, found by the
  // engine's fast search rather than by walking every line of a frontmatter of 8 KB or more.
  let dashes = text.indexOf('---', yamlStart);
  let dots = text.indexOf('...', yamlStart);
  while (dashes >= 0 || dots >= 0) {
    const pos = dots < 0 || (dashes >= 0 && dashes < dots) ? dashes : dots;
    const atLineStart = pos === yamlStart || text.charCodeAt(pos - 1) === 10 || text.charCodeAt(pos - 1) === 13;
    const br = nextLineBreak(text, pos);
    if (atLineStart && CLOSE.test(text.slice(pos, br.at))) {
      return {
        bomLength,
        openStart: bomLength,
        openEnd: firstBreak.at,
        yamlStart,
        yamlEnd: pos,
        closeStart: pos,
        closeEnd: br.at,
        bodyStart: br.next,
        closed: true,
      };
    }
    // No fence starts later on this line: both searches go on from the next one, each line walked once.
    if (dashes >= 0 && dashes < br.next) dashes = text.indexOf('---', br.next);
    if (dots >= 0 && dots < br.next) dots = text.indexOf('...', br.next);
  }
  return {
    bomLength,
    openStart: bomLength,
    openEnd: firstBreak.at,
    yamlStart,
    yamlEnd: text.length,
    closeStart: undefined,
    closeEnd: undefined,
    bodyStart: text.length,
    closed: false,
  };
}

/** The offset of the next line break at or after `from` and the offset just past it. */
export function nextLineBreak(text: string, from: number): { at: number; next: number } {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { at: i, next: i + 1 };
    if (c === 13) return { at: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { at: text.length, next: text.length };
}
