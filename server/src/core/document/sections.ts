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

/**
 * The line breaks before lines that can matter: a heading or a fence starts with `#`, a backtick or a
 * tilde after at most three spaces. Searching for these (a regex that starts with a line break is a
 * fast search) instead of reading every line keeps a 20 KB body at a few dozen steps.
 */
const BEFORE_CANDIDATE_LINE = /[\n\r] {0,3}[#`~]/g;
const CANDIDATE_LINE_START = /^ {0,3}[#`~]/;

/** Finds the section headings of a body that starts at `bodyStart`, skipping fenced code blocks. */
export function findSections(text: string, bodyStart: number): BodySection[] {
  const found: Array<Omit<BodySection, 'contentEnd'>> = [];
  let fence: string | undefined;
  const candidates = new RegExp(BEFORE_CANDIDATE_LINE.source, BEFORE_CANDIDATE_LINE.flags);
  candidates.lastIndex = bodyStart;
  const firstIsCandidate = bodyStart < text.length && CANDIDATE_LINE_START.test(text.slice(bodyStart, bodyStart + 4));
  for (let pos = firstIsCandidate ? bodyStart : nextCandidate(candidates, text); pos >= 0; pos = nextCandidate(candidates, text)) {
    const br = nextLineBreak(text, pos);
    candidates.lastIndex = Math.max(br.at, pos);
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
          found.push({
            number: Number(m[1]),
            name: m[2].trim(),
            headingStart: pos,
            headingEnd: br.at,
            contentStart: br.next,
            canonical: canonical !== null,
          });
        }
      }
    }
  }
  return found.map((s, i) => ({ ...s, contentEnd: i + 1 < found.length ? found[i + 1].headingStart : text.length }));
}

/** The start of the next line that can matter, or -1. */
function nextCandidate(candidates: RegExp, text: string): number {
  const match = candidates.exec(text);
  return match ? match.index + 1 : -1;
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
