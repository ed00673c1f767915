import type { Node } from 'yaml';
import { isRecord } from '../document/formatVersion';
import type { PatternDocument } from '../document/patternDocument';
import { valueNodeAt } from '../document/documentNodes';

/** The slug a document declares, as the index keys it (numbers as text, trimmed); undefined when not a scalar. */
export function declaredSlug(doc: PatternDocument): string | undefined {
  const slug = isRecord(doc.data) ? doc.data.slug : undefined;
  return typeof slug === 'string' || typeof slug === 'number' ? String(slug).trim() : undefined;
}

/** The `id` a document declares, as the index keys it (strings only). */
export function declaredId(doc: PatternDocument): string | undefined {
  const id = isRecord(doc.data) ? doc.data.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** The value node of a top-level key, for a finding's range. */
export function topLevelValueNode(doc: PatternDocument, key: string): Node | undefined {
  return valueNodeAt(doc, [key]);
}
