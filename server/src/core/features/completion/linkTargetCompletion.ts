import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { patternBrief } from '../patternPreview';
import { sortTextOf, typedRange, yamlValueText } from './completionText';
import { isRelationshipListPath, listedTargets, type LinkTargetSlot } from './linkTargetSlot';
import { relationshipEntryItem } from './relationshipEntrySnippet';
import { rankPatterns } from './slugRanking';
import type { YamlCursor, YamlOutline } from './yamlOutline';

/** The most items one answer carries; the list is incomplete beyond it, and the client asks again as one types. */
export const MAX_TARGET_ITEMS = 200;

/**
 * Completion of a link target: every pattern slug in the workspace except this pattern's own and
 * those already in the list, best matches of the typed text first.
 */
export function completeLinkTargets(ctx: FeatureContext, outline: YamlOutline, cursor: Extract<YamlCursor, { kind: 'value' }>, slot: LinkTargetSlot): CompletionList {
  const exclude = listedTargets(slot, outline);
  const ownSlug = outline.root.values.get('slug');
  if (ownSlug) exclude.add(ownSlug.trim());
  const ranked = rankPatterns(ctx.index, cursor.typed.prefix, exclude, MAX_TARGET_ITEMS);
  const range = typedRange(cursor.typed);
  const items: CompletionItem[] = [];
  if (cursor.bareItem && isRelationshipListPath(slot.listPath) && !cursor.typed.quote) {
    items.push(relationshipEntryItem(range, cursor.bareItem.contentColumn, cursor.typed.lead));
  }
  ranked.patterns.forEach((pattern, rank) => {
    items.push({
      label: pattern.slug,
      kind: CompletionItemKind.Reference,
      detail: pattern.title,
      documentation: { kind: 'markdown', value: patternBrief(ctx, pattern) },
      // The title is part of the filter text, so typing a word of the title finds the pattern.
      filterText: pattern.title ? `${pattern.slug} ${pattern.title}` : pattern.slug,
      sortText: sortTextOf(rank + 1),
      textEdit: { range, newText: yamlValueText(pattern.slug, cursor.typed) },
    });
  });
  return { isIncomplete: ranked.incomplete, items };
}
