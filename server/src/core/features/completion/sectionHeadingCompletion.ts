import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { PatternDocument } from '../../document/patternDocument';
import type { SectionSpec } from '../../schema/patternSchema';
import type { FeatureContext } from '../featureContext';
import { sortTextOf } from './completionText';

/**
 * In the body, on an empty or `#`-prefixed line: the heading of the next expected section (the
 * one after the last section above the cursor, or Section 1), unless the body already has it.
 * The heading being typed on the cursor's line does not count as present.
 */
export function completeSectionHeading(ctx: FeatureContext, doc: PatternDocument, position: Position): CompletionItem[] {
  const lineText = doc.lines.lineText(position.line);
  if (lineText.trim() !== '' && !lineText.trimStart().startsWith('#')) return [];
  const lineStart = doc.lines.lineStart(position.line);
  const others = doc.sections.filter((s) => doc.lines.positionAt(s.headingStart).line !== position.line);
  const above = others.filter((s) => s.headingStart < lineStart);
  const previous = above.length > 0 ? Math.max(...above.map((s) => s.number)) : 0;
  const next = ctx.schema.sections.find((spec) => spec.number === previous + 1);
  if (!next || others.some((s) => s.number === next.number)) return [];
  const heading = headingOf(next);
  return [{
    label: heading,
    kind: CompletionItemKind.Keyword,
    detail: `Section ${next.number} of ${ctx.schema.sections.length} · ${next.minWords}–${next.maxWords} words`,
    documentation: sectionDescription(next),
    filterText: heading,
    sortText: sortTextOf(0),
    preselect: true,
    textEdit: { range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: lineText.length } }, newText: heading },
  }];
}

function headingOf(spec: SectionSpec): string {
  return `### Section ${spec.number}: ${spec.name}`;
}

function sectionDescription(spec: SectionSpec): CompletionItem['documentation'] {
  const description = (spec as SectionSpec & { description?: unknown }).description;
  return typeof description === 'string' ? { kind: MarkupKind.Markdown, value: description } : undefined;
}
