import type { FoldingRange } from 'vscode-languageserver-types';
import type { Node, Pair } from 'yaml';
import type { PatternDocument } from '../document/patternDocument';
import { isMap, isScalar, isSeq } from '../document/yamlPath';
import type { FeatureContext } from './featureContext';
import { trimEndOffset } from './textEdits';

const THEMATIC_BREAK = /^ {0,3}(-{3,}|\*{3,}|_{3,})\s*$/;

/**
 * Folding ranges: the whole frontmatter; each schema group from its comment banner to its last
 * key; each key whose value spans lines (ontology, relationships.enables, …); each body section from
 * its heading to its last line of content (before the rule and blank lines that precede the next
 * heading). An editor uses one provider's ranges, so the YAML keys must be folded here too.
 */
export function provideFoldingRanges(ctx: FeatureContext, doc: PatternDocument): FoldingRange[] {
  const byStartLine = new Map<number, FoldingRange>();
  // The first range found for a start line wins: an editor folds one range per line.
  const add = (startLine: number, endLine: number) => {
    if (endLine > startLine && !byStartLine.has(startLine)) byStartLine.set(startLine, { startLine, endLine });
  };
  const fm = doc.frontmatter;
  if (fm) {
    const firstLine = doc.lines.positionAt(fm.openStart).line;
    add(firstLine, fm.closeStart !== undefined ? doc.lines.positionAt(fm.closeStart).line : doc.lines.lineCount - 1);
    const keys = topLevelKeyLines(doc);
    for (const group of ctx.schema.groups) {
      const present = keys.filter((k) => group.keys.includes(k.key));
      if (present.length === 0) continue;
      const firstKeyLine = Math.min(...present.map((k) => k.startLine));
      add(bannerStart(doc, firstKeyLine, firstLine), Math.max(...present.map((k) => k.endLine)));
    }
    if (isMap(doc.yaml?.contents)) addValueFolds(doc, doc.yaml.contents as Node, add);
  }
  for (const section of doc.sections) {
    const headingLine = doc.lines.positionAt(section.headingStart).line;
    add(headingLine, sectionEndLine(doc, section.headingEnd, section.contentEnd));
  }
  return [...byStartLine.values()].sort((a, b) => a.startLine - b.startLine);
}

interface KeyLines {
  readonly key: string;
  readonly startLine: number;
  readonly endLine: number;
}

function topLevelKeyLines(doc: PatternDocument): KeyLines[] {
  const root = doc.yaml?.contents;
  if (!isMap(root)) return [];
  const lines: KeyLines[] = [];
  for (const pair of root.items as Array<Pair<unknown, unknown>>) {
    const span = pairSpan(doc, pair);
    if (span && isScalar(pair.key)) lines.push({ key: String(pair.key.value), ...span });
  }
  return lines;
}

/** Every key (at any depth) whose value spans more than one line. */
function addValueFolds(doc: PatternDocument, node: Node, add: (start: number, end: number) => void): void {
  if (isMap(node)) {
    for (const pair of node.items as Array<Pair<unknown, unknown>>) {
      const span = pairSpan(doc, pair);
      if (span) add(span.startLine, span.endLine);
      if (pair.value) addValueFolds(doc, pair.value as Node, add);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) if (item) addValueFolds(doc, item as Node, add);
  }
}

/** The lines from a pair's key to the last character of its value. */
function pairSpan(doc: PatternDocument, pair: Pair<unknown, unknown>): { startLine: number; endLine: number } | undefined {
  const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
  if (!keyRange) return undefined;
  const base = doc.frontmatter?.yamlStart ?? 0;
  const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
  const keyEnd = base + keyRange[1];
  const end = valueRange ? trimEndOffset(doc.text, keyEnd, base + valueRange[1]) : keyEnd;
  return { startLine: doc.lines.positionAt(base + keyRange[0]).line, endLine: doc.lines.positionAt(Math.max(end, keyEnd)).line };
}

/** The first line of the comment block right above a group's first key (its banner), else the key's line. */
function bannerStart(doc: PatternDocument, keyLine: number, fenceLine: number): number {
  let line = keyLine;
  while (line - 1 > fenceLine && doc.lines.lineText(line - 1).trimStart().startsWith('#')) line--;
  return line;
}

/** A section's last line of content: trailing blank lines and a closing thematic break are left out. */
function sectionEndLine(doc: PatternDocument, headingEnd: number, contentEnd: number): number {
  let end = trimEndOffset(doc.text, headingEnd, contentEnd);
  const last = doc.lines.positionAt(end).line;
  if (end > headingEnd && THEMATIC_BREAK.test(doc.lines.lineText(last))) end = trimEndOffset(doc.text, headingEnd, doc.lines.lineStart(last));
  return doc.lines.positionAt(end).line;
}
