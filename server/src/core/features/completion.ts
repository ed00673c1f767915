import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { PatternDocument } from '../document/patternDocument';
import type { YamlPath } from '../document/yamlPath';
import { schemaTypes } from './hover/schemaDocs';
import { typedRange } from './completion/completionText';
import { completeDomains, isDomainPath } from './completion/domainCompletion';
import { completeEnumValues } from './completion/enumCompletion';
import { completeKeys } from './completion/keyCompletion';
import { completeLinkTargets } from './completion/linkTargetCompletion';
import { isRelationshipListPath, linkTargetSlot } from './completion/linkTargetSlot';
import { newRelationshipEntryItem } from './completion/relationshipEntrySnippet';
import { completeSectionHeading } from './completion/sectionHeadingCompletion';
import { scanYamlOutline, type YamlCursor, type YamlOutline } from './completion/yamlOutline';
import type { FeatureContext } from './featureContext';

/**
 * Completion in a pattern file: link targets, domains, enum values and keys in the frontmatter,
 * the next section heading in the body. The cursor's context comes from the frontmatter's lines,
 * so completion works while the YAML is half typed.
 */
export function provideCompletion(ctx: FeatureContext, doc: PatternDocument, position: Position): CompletionList {
  const fm = doc.frontmatter;
  if (!fm) return list([]);
  // A position past the end of its line means the line's end (as the client's cursor is there).
  const at = doc.lines.positionAt(doc.lines.offsetAt(position));
  if (fm.closed) {
    const closeLine = doc.lines.positionAt(fm.closeStart!).line;
    if (at.line > closeLine) return list(completeSectionHeading(ctx, doc, at));
    if (at.line === closeLine) return list([]);
  }
  const outline = scanYamlOutline(doc, at);
  const cursor = outline.cursor;
  if (!cursor) return list([]);
  if (cursor.kind === 'value') return completeValue(ctx, doc, outline, cursor);
  if (cursor.kind === 'newItem') return list(newItemCompletion(cursor.seqPath, cursor.dashColumn, cursor));
  // A key just opened above (`enables:` then this empty line): a list there gets an entry, not keys.
  if (cursor.startsBlock && schemaTypes(ctx.schema.nodeAt(cursor.containerPath) ?? {}).includes('array')) {
    return list(newItemCompletion(cursor.containerPath, cursor.keyColumn, cursor));
  }
  return list(completeKeys(ctx, outline, cursor));
}

function completeValue(ctx: FeatureContext, doc: PatternDocument, outline: YamlOutline, cursor: Extract<YamlCursor, { kind: 'value' }>): CompletionList {
  const slot = linkTargetSlot(cursor.path, outline);
  if (slot) return completeLinkTargets(ctx, outline, cursor, slot);
  if (isDomainPath(cursor.path)) return list(completeDomains(ctx, doc, outline, cursor));
  const values = completeEnumValues(ctx, outline, cursor);
  if (values) return list(values);
  // `- |` in a list of mappings (entities, inferred links, sources): the keys of a new entry.
  if (cursor.bareItem && !cursor.typed.quote) {
    return list(completeKeys(ctx, outline, { containerPath: cursor.path, keyColumn: cursor.bareItem.contentColumn, typed: cursor.typed, hasColon: false }));
  }
  return list([]);
}

function newItemCompletion(seqPath: YamlPath, dashColumn: number, cursor: YamlCursor): CompletionItem[] {
  return isRelationshipListPath(seqPath) ? [newRelationshipEntryItem(typedRange(cursor.typed), dashColumn)] : [];
}

function list(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}
