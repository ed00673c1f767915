import type { SchemaNode } from '../../schema/patternSchema';

/**
 * Field documentation as the schema states it. Hover and completion both show it, so the schema
 * stays the single source of field docs, allowed values and ranges.
 */

/** The field's Markdown description (the plain one when there is no Markdown form). */
export function schemaDescription(node: SchemaNode): string | undefined {
  return node.markdownDescription ?? node.description;
}

/**
 * The allowed values and numeric range of a field, as Markdown lines (nothing for free text).
 * For a list, `items` is the schema of its items: a list of enum values lists them too.
 */
export function schemaFacts(node: SchemaNode, items?: SchemaNode): string[] {
  const facts: string[] = [];
  const values = enumValues(node);
  const itemValues = items ? enumValues(items) : [];
  if (values.length > 0) facts.push(`Allowed values: ${values.map((v) => `\`${v}\``).join(', ')}`);
  else if (itemValues.length > 0) facts.push(`Allowed items: ${itemValues.map((v) => `\`${v}\``).join(', ')}`);
  const range = rangeText(node);
  if (range) facts.push(range);
  return facts;
}

/** Description and facts as one Markdown text, or undefined when the schema says nothing. */
export function schemaMarkdown(node: SchemaNode, items?: SchemaNode): string | undefined {
  const parts = [schemaDescription(node), ...schemaFacts(node, items)].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

export function enumValues(node: SchemaNode): string[] {
  return Array.isArray(node.enum) ? node.enum.map((v) => String(v)) : [];
}

/** The description of one enum value (Markdown form first), from `markdownEnumDescriptions`/`enumDescriptions`. */
export function enumValueDescription(node: SchemaNode, value: string): string | undefined {
  const index = enumValues(node).indexOf(value);
  if (index < 0) return undefined;
  const markdown = node.markdownEnumDescriptions;
  const plain = node.enumDescriptions;
  const pick = (list: unknown) => (Array.isArray(list) && typeof list[index] === 'string' ? (list[index] as string) : undefined);
  return pick(markdown) ?? pick(plain);
}

/** The JSON types a field accepts. */
export function schemaTypes(node: SchemaNode): string[] {
  if (Array.isArray(node.type)) return node.type;
  return typeof node.type === 'string' ? [node.type] : [];
}

function rangeText(node: SchemaNode): string | undefined {
  const { minimum: min, maximum: max } = node;
  if (typeof min === 'number' && typeof max === 'number') return `Range: ${min}–${max}`;
  if (typeof min === 'number') return `Minimum: ${min}`;
  if (typeof max === 'number') return `Maximum: ${max}`;
  return undefined;
}
