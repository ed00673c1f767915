/**
 * The pattern format versions the core knows. Format knowledge lives here and in the schema:
 * a later version is a new schema plus the rules that apply to it.
 */
export type FormatVersion = 'v7.1' | 'v1';

/** Detects a file's format version from its parsed frontmatter. */
export function detectFormatVersion(data: unknown): FormatVersion {
  if (!isRecord(data)) return 'v7.1';
  if ('classification' in data && !('ontology' in data)) return 'v1';
  // v7.1 files have `ontology` and/or `relationships`; a new file with neither is checked as v7.1 too.
  return 'v7.1';
}

/** A file is a pattern when its frontmatter is a YAML mapping with a `slug` key. */
export function isPatternData(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && 'slug' in data;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
