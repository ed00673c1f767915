import type { Range } from 'vscode-languageserver-types';
import { isMap, type Pair } from 'yaml';
import type { SectionOutlineItem } from '../languageService';
import type { PatternDocument } from '../document/patternDocument';
import { countWords, type BodySection } from '../document/sections';
import type { SchemaGroup, SectionSpec } from '../schema/patternSchema';
import type { FeatureContext } from './featureContext';

/** A `# GROUP 3: ONTOLOGY …` banner comment line of the frontmatter. */
const GROUP_BANNER = /^[ \t]*#[ \t]*GROUP[ \t]+(\d+)\b/i;
/** The `# ═══…` rule lines that frame a banner. */
const BANNER_RULE = /^[ \t]*#[ \t]*[═=─-]{3,}[ \t]*$/;

/**
 * The "Pattern Sections" outline: the frontmatter groups of the schema (x-groups) and the eight body
 * sections (x-sections) with their word counts against the spec's recommended range. A missing
 * group or section is still listed (present: false) so the view can show what is absent.
 * Non-pattern and legacy v1 files have no such structure: the result is empty.
 */
export function provideSectionOutline(ctx: FeatureContext, doc: PatternDocument): SectionOutlineItem[] {
  if (!doc.isPattern || doc.format !== 'v7.1') return [];
  return [...groupItems(ctx.schema.groups, doc), ...sectionItems(ctx.schema.sections, doc)];
}

function groupItems(groups: readonly SchemaGroup[], doc: PatternDocument): SectionOutlineItem[] {
  const banners = findGroupBanners(doc);
  const root = doc.yaml?.contents;
  const pairs = isMap(root) ? (root.items as Array<Pair<unknown, unknown>>) : [];
  const base = doc.frontmatter?.yamlStart ?? 0;
  return groups.map((group) => {
    const label = `Group ${group.group}: ${group.name}`;
    const spans = pairs
      .filter((p) => group.keys.includes(keyText(p)))
      .map((p) => pairSpan(p))
      .filter((s): s is [number, number] => s !== undefined);
    const banner = banners.get(group.group);
    if (spans.length === 0) {
      const at = banner ? banner.selection : doc.lines.rangeOf(base, base);
      return {
        kind: 'group', label, number: group.group, range: banner?.range ?? at, selectionRange: at, present: false,
        warning: `${label} is missing: none of ${group.keys.join(', ')} is present`,
      };
    }
    const keysStart = base + Math.min(...spans.map((s) => s[0]));
    // Block values end after their last line break: the group ends at its last character.
    let keysEnd = base + Math.max(...spans.map((s) => s[1]));
    while (keysEnd > keysStart && /\s/.test(doc.text.charAt(keysEnd - 1))) keysEnd--;
    const start = banner ? Math.min(banner.start, keysStart) : keysStart;
    return {
      kind: 'group', label, number: group.group,
      range: doc.lines.rangeOf(start, keysEnd),
      selectionRange: banner ? banner.selection : doc.lines.rangeOf(keysStart, keysStart + firstKeyLength(pairs, group)),
      present: true,
    };
  });
}

function sectionItems(specs: readonly SectionSpec[], doc: PatternDocument): SectionOutlineItem[] {
  const items: SectionOutlineItem[] = [];
  const bodyStart = doc.frontmatter ? doc.frontmatter.bodyStart : 0;
  // Where a missing section would go: after the last present section before it.
  let insertAt = bodyStart;
  let previous: { number: number; index: number } | undefined;
  for (const spec of specs) {
    const label = `Section ${spec.number}: ${spec.name}`;
    const section = doc.sections.find((s) => s.number === spec.number);
    if (!section) {
      const at = doc.lines.rangeOf(insertAt, insertAt);
      items.push({
        kind: 'section', label, number: spec.number, range: at, selectionRange: at, present: false,
        minWords: spec.minWords, maxWords: spec.maxWords, warning: `${label} is missing`,
      });
      continue;
    }
    const wordCount = countWords(doc.text.slice(section.contentStart, section.contentEnd));
    const index = doc.sections.indexOf(section);
    const outOfOrder = previous !== undefined && index < previous.index;
    items.push({
      kind: 'section', label, number: spec.number,
      range: doc.lines.rangeOf(section.headingStart, trimmedEnd(doc, section)),
      selectionRange: doc.lines.rangeOf(section.headingStart, section.headingEnd),
      present: true, wordCount, minWords: spec.minWords, maxWords: spec.maxWords,
      warning: outOfOrder ? `${label} is out of order: it comes before Section ${previous!.number}` : wordCountWarning(wordCount, spec),
    });
    if (!outOfOrder) {
      insertAt = section.contentEnd;
      previous = { number: spec.number, index };
    }
  }
  return items;
}

/** Explains a word count outside the spec's range, e.g. "87 words; the spec recommends 100–200". */
export function wordCountWarning(wordCount: number, spec: SectionSpec): string | undefined {
  const range = `${spec.minWords}–${spec.maxWords}`;
  const words = `${wordCount} ${wordCount === 1 ? 'word' : 'words'}`;
  if (wordCount < spec.minWords) return `${words}, fewer than the recommended ${range}`;
  if (wordCount > spec.maxWords) return `${words}, more than the recommended ${range}`;
  return undefined;
}

interface Banner {
  /** Offset of the banner block (its opening rule line when there is one). */
  readonly start: number;
  readonly range: Range;
  /** The `# GROUP N: …` line itself. */
  readonly selection: Range;
}

/** The banner comment of each group in the frontmatter, keyed by group number (the first one wins). */
function findGroupBanners(doc: PatternDocument): Map<number, Banner> {
  const banners = new Map<number, Banner>();
  const fm = doc.frontmatter;
  if (!fm) return banners;
  const first = doc.lines.positionAt(fm.yamlStart).line;
  const last = doc.lines.positionAt(fm.yamlEnd).line;
  for (let line = first; line <= last; line++) {
    const match = doc.lines.lineText(line).match(GROUP_BANNER);
    if (!match || banners.has(Number(match[1]))) continue;
    const top = line > first && BANNER_RULE.test(doc.lines.lineText(line - 1)) ? line - 1 : line;
    const bottom = line < last && BANNER_RULE.test(doc.lines.lineText(line + 1)) ? line + 1 : line;
    const start = doc.lines.lineStart(top);
    banners.set(Number(match[1]), {
      start,
      range: doc.lines.rangeOf(start, doc.lines.lineEnd(bottom)),
      selection: doc.lines.rangeOf(doc.lines.lineStart(line), doc.lines.lineEnd(line)),
    });
  }
  return banners;
}

function keyText(pair: Pair<unknown, unknown>): string {
  const key = pair.key as { value?: unknown } | null;
  return key && key.value !== undefined && key.value !== null ? String(key.value) : '';
}

/** Start of the key to the end of the value (without trailing comments), relative to the YAML text. */
function pairSpan(pair: Pair<unknown, unknown>): [number, number] | undefined {
  const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
  if (!keyRange) return undefined;
  const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
  return [keyRange[0], valueRange ? Math.max(valueRange[1], keyRange[1]) : keyRange[1]];
}

/** The length of the first present key of a group, for a selection range on that key. */
function firstKeyLength(pairs: Array<Pair<unknown, unknown>>, group: SchemaGroup): number {
  const first = pairs.find((p) => group.keys.includes(keyText(p)));
  const range = (first?.key as { range?: [number, number, number] } | null)?.range;
  return range ? range[1] - range[0] : 0;
}

const THEMATIC_BREAK = /^[ \t]*(-{3,}|\*{3,}|_{3,})[ \t]*$/;

/** A section's end without the trailing blank lines and `---` rules before the next heading. */
function trimmedEnd(doc: PatternDocument, section: BodySection): number {
  const headingLine = doc.lines.positionAt(section.headingStart).line;
  let line = doc.lines.positionAt(section.contentEnd).line;
  // contentEnd is the next heading's start (column 0): the section's own text ends on the line before.
  if (section.contentEnd === doc.lines.lineStart(line) && line > headingLine) line--;
  while (line > headingLine) {
    const text = doc.lines.lineText(line);
    if (text.trim() !== '' && !THEMATIC_BREAK.test(text)) break;
    line--;
  }
  return Math.min(doc.lines.lineEnd(line), section.contentEnd);
}
