import { nextLineBreak } from './frontmatter';

/** One `### Section N: Name` heading of the body and the text up to the next one. */
export interface BodySection {
  readonly number: number;
  readonly name: string;
  /** Offsets of the heading line (without its line break). */
  readonly headingStart: number;
  readonly headingEnd: number;
  /** The section's content: from after the heading to the next section heading or the end. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /**
   * False for a heading in a near-miss form (`### 1. Context`, `### 1: Context`), which some real
   * files use: it still counts as the section, and the missing-section rule asks for the spec's form.
   */
  readonly canonical: boolean;
}

const SECTION_HEADING = /^ {0,3}###[ \t]+Section[ \t]+(\d+)[ \t]*[:.\-–—]?[ \t]*(.*?)[ \t#]*$/;
const NEAR_MISS_HEADING = /^ {0,3}###[ \t]+(\d+)[ \t]*[.:][ \t]*(\S.*?)[ \t#]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Finds the section headings of a body that starts at `bodyStart`, skipping fenced code blocks. */
export function findSections(text: string, bodyStart: number): BodySection[] {
  // Each section's content ends where the next heading starts: set when that heading is found.
  const found: Array<{ -readonly [K in keyof BodySection]: BodySection[K] }> = [];
  let fence: string | undefined;
  const lineStarts = new LineStarts(text);
  for (let pos = bodyStart; pos >= 0 && pos < text.length; pos = lineStarts.after(pos)) {
    if (!mayMatter(text, pos)) continue;
    const br = nextLineBreak(text, pos);
    const line = text.slice(pos, br.at);
    if (fence !== undefined) {
      const close = line.match(FENCE_OPEN);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.trim() === close[1]) fence = undefined;
    } else {
      const open = line.match(FENCE_OPEN);
      if (open) {
        fence = open[1];
      } else {
        const canonical = line.match(SECTION_HEADING);
        const m = canonical ?? line.match(NEAR_MISS_HEADING);
        if (m) {
          if (found.length) found[found.length - 1].contentEnd = pos;
          found.push({
            number: Number(m[1]),
            name: m[2].trim(),
            headingStart: pos,
            headingEnd: br.at,
            contentStart: br.next,
            canonical: canonical !== null,
            contentEnd: text.length,
          });
        }
      }
    }
  }
  return found;
}

/**
 * Whether the line at `pos` can matter: a heading or a fence starts with `#`, a backtick or a tilde
 * after at most three spaces. Most lines of a body do not, and are passed over without a slice.
 */
function mayMatter(text: string, pos: number): boolean {
  let c = text.charCodeAt(pos);
  for (let spaces = 0; c === 32 && spaces < 3; spaces++) c = text.charCodeAt(++pos);
  return c === 35 || c === 96 || c === 126;
}

/**
 * The start of each next line, found with `indexOf` (a fast search) rather than a character loop
 * or a regex (a regex starting with a character class is tried at every offset: 5× slower on the
 * real library). A line ends at LF, CRLF or a lone CR; each is searched for again only once passed,
 * so walking a text is linear.
 */
class LineStarts {
  /** The next LF and CR at or after the last position asked about; -1 when there are none left. */
  private lf = -2;
  private cr = -2;

  constructor(private readonly text: string) {}

  /** The start of the line after the one `pos` is in (the text's length after its last line break), or -1. */
  after(pos: number): number {
    if (this.lf !== -1 && this.lf < pos) this.lf = this.text.indexOf('\n', pos);
    if (this.cr !== -1 && this.cr < pos) this.cr = this.text.indexOf('\r', pos);
    const { lf, cr } = this;
    if (cr >= 0 && (lf < 0 || cr < lf)) return lf === cr + 1 ? lf + 1 : cr + 1;
    return lf < 0 ? -1 : lf + 1;
  }
}

/** Counts the words of prose, ignoring Markdown markup such as rules, quote markers and the `*(100–200 words)*` hint. */
export function countWords(markdown: string): number {
  let count = 0;
  for (const rawLine of markdown.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (/^(-{3,}|\*{3,}|_{3,})$/.test(line)) continue;
    if (/^\*\(\s*\d+\s*[–-]\s*\d+\s*words\s*\)\*$/i.test(line)) continue;
    for (const token of line.split(/\s+/)) {
      if (/[\p{L}\p{N}]/u.test(token)) count++;
    }
  }
  return count;
}
