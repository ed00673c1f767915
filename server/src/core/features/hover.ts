import type { Hover, Position } from 'vscode-languageserver-types';
import type { PatternDocument } from '../document/patternDocument';
import type { FeatureContext } from './featureContext';
import { linkTargetHover } from './hover/linkTargetHover';
import { schemaHover } from './hover/schemaHover';

/**
 * Hover in a pattern's frontmatter: a preview of the pattern a link target names (or that it
 * names none), else the schema's documentation of the key or enum value under the cursor.
 */
export function provideHover(ctx: FeatureContext, doc: PatternDocument, position: Position): Hover | undefined {
  if (!doc.frontmatter || !doc.yaml) return undefined;
  return linkTargetHover(ctx, doc, position) ?? schemaHover(ctx, doc, position);
}
