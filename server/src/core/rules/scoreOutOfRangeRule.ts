import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { deepestNodeAt } from '../document/documentNodes';
import { isRecord } from '../document/formatVersion';
import { nodeRange, type PatternDocument } from '../document/patternDocument';
import type { YamlPath } from '../document/yamlPath';
import type { PatternSchema, SchemaNode } from '../schema/patternSchema';
import type { DiagnosticRule, RuleFinding } from './rule';

/**
 * `score-out-of-range`: a number outside the `minimum`/`maximum` its schema gives it (pillar scores,
 * `vitality`, `overall_score` 0–5; weights, relevance and confidences 0–1; `lifecycle.confidence` 1–3).
 * The ranges come from the schema, so a new scored field needs no change here. The range is the number.
 */
export const scoreOutOfRangeRule: DiagnosticRule = {
  code: 'score-out-of-range',
  scope: 'document',
  description: 'A score, weight, relevance or confidence lies outside its range',
  defaultSeverity: DiagnosticSeverity.Error,
  appliesTo: ['v7.1'],
  check({ doc, schema }) {
    const findings: RuleFinding[] = [];
    // The data is walked, not the YAML tree (looked up only for a number out of range), and only
    // where the schema goes: a value without a schema has no range. One path is kept in step with
    // the walk and copied only for a finding (a v7.1 file has a few hundred values).
    // Strings, booleans and nulls (most values) are passed over without looking up their schema.
    const path: Array<string | number> = [];
    const visit = (value: unknown, field: SchemaNode | undefined): void => {
      if (!field) return;
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          if (!mayHoldNumber(value[index])) continue;
          path.push(index);
          visit(value[index], schema.childAt(field, index));
          path.pop();
        }
      } else if (isRecord(value)) {
        for (const key of Object.keys(value)) {
          if (!mayHoldNumber(value[key])) continue;
          path.push(key);
          visit(value[key], schema.childAt(field, key));
          path.pop();
        }
      } else if (typeof value === 'number') {
        const finding = checkNumber(doc, schema, field, value, path);
        if (finding) findings.push(finding);
      }
    };
    visit(doc.data, schema.nodeAt([]));
    return findings;
  },
};

function mayHoldNumber(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'object' && value !== null);
}

/** `at` is the walk's path, still changing: copied for a finding. */
function checkNumber(doc: PatternDocument, schema: PatternSchema, field: SchemaNode, value: number, at: YamlPath): RuleFinding | undefined {
  const min = bound(field, 'minimum');
  const max = bound(field, 'maximum');
  const exclusiveMin = bound(field, 'exclusiveMinimum');
  const exclusiveMax = bound(field, 'exclusiveMaximum');
  // NaN is in no range: written as `!(inside)` so that `.nan` is reported too.
  const inside = (min === undefined || value >= min) && (max === undefined || value <= max)
    && (exclusiveMin === undefined || value > exclusiveMin) && (exclusiveMax === undefined || value < exclusiveMax);
  if (inside) return undefined;
  const path = [...at];
  const name = nameOf(path);
  // The number as written (`7`, `1.50`, `.inf`), so the message matches the text; through an alias, its value.
  const { node, complete } = deepestNodeAt(doc, path);
  const base = doc.frontmatter?.yamlStart ?? 0;
  const written = complete && node?.range ? doc.text.slice(base + node.range[0], base + node.range[1]).trim() : String(value);
  return { range: nodeRange(doc, node), message: `${name} is ${written}; ${rangeText(kindOf(schema, path), min ?? exclusiveMin, max ?? exclusiveMax, min === undefined && exclusiveMin !== undefined, max === undefined && exclusiveMax !== undefined)}` };
}

function bound(field: SchemaNode, keyword: string): number | undefined {
  const value = field[keyword];
  return typeof value === 'number' ? value : undefined;
}

/** The field's key, with the index for a list item: `resilience`, `ratings[2]`. */
function nameOf(path: YamlPath): string {
  const last = path[path.length - 1];
  const key = [...path].reverse().find((step): step is string => typeof step === 'string') ?? 'value';
  return typeof last === 'number' ? `${key}[${last}]` : key;
}

/**
 * What the numbers are called, plural or mass noun: `scores` for a field whose schema is a score
 * definition (`$ref: #/definitions/score0to5`), else the field's own name (`weights`, `confidence`).
 */
function kindOf(schema: PatternSchema, path: YamlPath): { noun: string; plural: boolean } {
  const last = path[path.length - 1];
  const parent = typeof last === 'string' ? schema.nodeAt(path.slice(0, -1)) : undefined;
  const declared = parent?.properties?.[last as string];
  if (typeof declared?.$ref === 'string' && /score/i.test(declared.$ref)) return { noun: 'scores', plural: true };
  const key = [...path].reverse().find((step): step is string => typeof step === 'string') ?? 'value';
  const words = key.replace(/_/g, ' ');
  // A list's key names its items already (`ratings`).
  if (typeof last === 'number') return { noun: words, plural: true };
  // Mass nouns (relevance, confidence, strength, vitality) stay singular.
  if (/(ce|ty|th|ss)$/.test(words)) return { noun: words, plural: false };
  return { noun: `${words}s`, plural: true };
}

function rangeText(kind: { noun: string; plural: boolean }, low: number | undefined, high: number | undefined, lowExclusive: boolean, highExclusive: boolean): string {
  const { noun, plural } = kind;
  if (low !== undefined && high !== undefined && !lowExclusive && !highExclusive) return `${noun} ${plural ? 'range' : 'ranges'} from ${low} to ${high}`;
  const limits: string[] = [];
  if (low !== undefined) limits.push(`${lowExclusive ? 'greater than' : 'at least'} ${low}`);
  if (high !== undefined) limits.push(`${highExclusive ? 'less than' : 'at most'} ${high}`);
  return `${noun} must be ${limits.join(' and ')}`;
}
