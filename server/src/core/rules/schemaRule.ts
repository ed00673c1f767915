import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { Node } from 'yaml';
import { nodeRange, type PatternDocument } from '../document/patternDocument';
import { deepestNodeAt, keyNodeAt } from '../document/documentNodes';
import type { YamlPath } from '../document/yamlPath';
import type { SchemaViolation } from '../schema/schemaValidator';
import type { DiagnosticRule } from './rule';

/** Numbers outside their range are the `score-out-of-range` rule's, with its own message. */
const RANGE_KEYWORDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

/**
 * `schema`: a JSON Schema violation of a v7.1 frontmatter. The range is the offending value; for a
 * missing key, the key of the mapping that lacks it (the opening `---` at the top level); for an
 * unknown key, that key, as a warning.
 */
export const schemaRule: DiagnosticRule = {
  code: 'schema',
  scope: 'document',
  description: 'The frontmatter violates the pattern schema (wrong type, missing required field, value not in an enum, unknown key)',
  defaultSeverity: DiagnosticSeverity.Error,
  appliesTo: ['v7.1'],
  check({ doc, validator }) {
    if (doc.yamlErrors.length > 0 || doc.data === undefined) return [];
    return validator.validate(doc.data)
      .filter((violation) => !RANGE_KEYWORDS.has(violation.keyword))
      .map((violation) => ({
        range: violationRange(doc, violation),
        message: violation.message,
        ...(violation.keyword === 'additionalProperties' ? { severity: DiagnosticSeverity.Warning } : {}),
        data: { keyword: violation.keyword, path: violation.path, property: violation.property, suggestion: violation.suggestion },
      }));
  },
};

/** The range a violation is shown at. */
export function violationRange(doc: PatternDocument, violation: SchemaViolation): Range {
  const { path } = violation;
  if (violation.keyword === 'additionalProperties') return keyRange(doc, path) ?? valueRange(doc, path);
  if (violation.keyword === 'required') {
    if (path.length === 0) return fenceRange(doc);
    // A mapping in a list has no key of its own: the mapping itself is the offending node.
    return keyRange(doc, path) ?? valueRange(doc, path);
  }
  return valueRange(doc, path);
}

/** The value's node; an empty value (`title:`) has no text, so its key stands in for it. */
function valueRange(doc: PatternDocument, path: YamlPath): Range {
  const { node, complete } = deepestNodeAt(doc, path);
  if (complete && node?.range && node.range[1] > node.range[0]) return trimmedRange(doc, node);
  const key = keyRange(doc, path);
  if (key) return key;
  // The path runs through an alias (`*anchor`): the alias is where the value comes from.
  return node?.range ? trimmedRange(doc, node) : fenceRange(doc);
}

/** A node's range without the line break and blanks a block collection's range ends with. */
function trimmedRange(doc: PatternDocument, node: Node): Range {
  const base = doc.frontmatter?.yamlStart ?? 0;
  const [start, end] = node.range ?? [0, 0];
  let last = base + end;
  while (last > base + start && /\s/.test(doc.text[last - 1])) last--;
  return doc.lines.rangeOf(base + start, last);
}

function keyRange(doc: PatternDocument, path: YamlPath): Range | undefined {
  const key = keyNodeAt(doc, path);
  return key?.range ? nodeRange(doc, key) : undefined;
}

function fenceRange(doc: PatternDocument): Range {
  const fm = doc.frontmatter;
  return fm ? doc.lines.rangeOf(fm.openStart, fm.openEnd) : doc.lines.rangeOf(0, 0);
}
