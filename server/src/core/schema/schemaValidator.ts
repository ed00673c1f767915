import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { distance } from 'fastest-levenshtein';
import type { YamlPath } from '../document/yamlPath';
import { precompiledValidatorFor } from './bundledValidator';
import type { PatternSchema, SchemaNode } from './patternSchema';

/** One JSON Schema violation, located by the path of the offending value. */
export interface SchemaViolation {
  /** Path of the offending value; for a missing property, the path of the mapping that lacks it. */
  readonly path: YamlPath;
  /** The ajv keyword: type, required, enum, pattern, additionalProperties, minimum, maximum, … */
  readonly keyword: string;
  /** For `additionalProperties`: the unknown key; for `required`: the missing key. */
  readonly property?: string;
  /** A message for people: names the offending value and what was expected. */
  readonly message: string;
  /** For an unknown key or a value not in an enum: the closest allowed name, when one is close. */
  readonly suggestion?: string;
}

/** Validates frontmatter data against the pattern schema (compiled once). */
export interface SchemaValidator {
  validate(data: unknown): SchemaViolation[];
}

/** strict: false — the schema carries editor keywords (markdownDescription, x-groups, enumDescriptions, …). */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

/**
 * Compiles the schema once; the returned validator is reused for every document. The bundled schema's
 * validator is compiled ahead of time (bundledValidator.ts): compiling takes 40–70 ms, on every
 * thread of every `check`.
 */
export function createSchemaValidator(schema: PatternSchema): SchemaValidator {
  const compiled: ValidateFunction = precompiledValidatorFor(schema.root) ?? new Ajv(AJV_OPTIONS).compile(schema.root);
  return Object.freeze({
    validate(data: unknown): SchemaViolation[] {
      if (compiled(data)) return [];
      return toViolations(compiled.errors ?? [], data, schema);
    },
  });
}

function toViolations(errors: readonly ErrorObject[], data: unknown, schema: PatternSchema): SchemaViolation[] {
  const seen = new Set<string>();
  const violations: SchemaViolation[] = [];
  const keysOf = keysOfContainers();
  for (const error of withoutNoise(errors)) {
    const violation = toViolation(error, data, schema, keysOf);
    const key = `${violation.path.join('\u0000')}\u0001${violation.keyword}\u0001${violation.property ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations;
}

/**
 * Drops what only restates another error: the `if` wrapper (its `else` branch reports the real
 * problem), for `anyOf`/`oneOf` the branches that do not fit the value's type at all (when no
 * branch fits, one `type` error names every allowed type), and `enum` beside a `type` error.
 */
function withoutNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const added: ErrorObject[] = [];
  for (const union of errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    if (union.keyword === 'oneOf' && union.params.passingSchemas) continue; // matched several: keep as is
    const branches = new Map<number, ErrorObject[]>();
    for (const e of errors) {
      const m = e.schemaPath.startsWith(`${union.schemaPath}/`) ? /^\/(\d+)\//.exec(e.schemaPath.slice(union.schemaPath.length)) : null;
      if (m) branches.set(Number(m[1]), [...(branches.get(Number(m[1])) ?? []), e]);
    }
    if (branches.size === 0) continue;
    dropped.add(union);
    const fitting = [...branches.values()].filter((b) => !b.some((e) => e.keyword === 'type' && e.instancePath === union.instancePath));
    if (fitting.length > 0) {
      // The clearest branch: the one with the fewest complaints about a value of the right type.
      const clearest = fitting.reduce((a, b) => (b.length < a.length ? b : a));
      for (const b of branches.values()) if (b !== clearest) b.forEach((e) => dropped.add(e));
    } else {
      for (const b of branches.values()) b.forEach((e) => dropped.add(e));
      const types = [...branches.values()].flatMap((b) => b.filter((e) => e.keyword === 'type' && e.instancePath === union.instancePath)).flatMap((e) => String(e.params.type).split(','));
      added.push({ ...union, keyword: 'type', params: { type: [...new Set(types)].join(',') } });
    }
  }
  // A value of the wrong type is not also "not one of" the allowed values: the type error says it.
  const mistyped = new Set([...errors, ...added].filter((e) => e.keyword === 'type' && !dropped.has(e)).map((e) => e.instancePath));
  for (const e of errors) if ((e.keyword === 'enum' || e.keyword === 'const') && mistyped.has(e.instancePath)) dropped.add(e);
  return [...errors.filter((e) => e.keyword !== 'if' && !dropped.has(e)), ...added];
}

/** A mapping's keys, split by whether the schema allows them; computed once per mapping. */
interface ContainerKeys {
  readonly present: ReadonlySet<string>;
  /** The present keys the schema allows, in the mapping's order. */
  readonly presentAllowed: readonly string[];
}

/**
 * Per validate call: the keys of each mapping with unknown keys. Computing them per error made a
 * mapping with n unknown keys cost O(n²) (100,000 keys: tens of minutes).
 */
function keysOfContainers(): (container: object, allowed: readonly string[]) => ContainerKeys {
  const cache = new Map<object, ContainerKeys>();
  return (container, allowed) => {
    let keys = cache.get(container);
    if (!keys) {
      const allowedSet = new Set(allowed);
      const present = Object.keys(container);
      keys = { present: new Set(present), presentAllowed: present.filter((k) => allowedSet.has(k)) };
      cache.set(container, keys);
    }
    return keys;
  };
}

function toViolation(error: ErrorObject, data: unknown, schema: PatternSchema, keysOf: ReturnType<typeof keysOfContainers>): SchemaViolation {
  const path = toYamlPath(error.instancePath, data);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { path, keyword: 'required', property: missing, message: `Missing required key '${missing}' in ${containerLabel(path)}` };
    }
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const allowed = Object.keys(schema.nodeAt(path)?.properties ?? {});
      const container = valueAt(data, path);
      const keys = isRecord(container) ? keysOf(container, allowed) : { present: new Set<string>(), presentAllowed: [] };
      const suggestion = closestName(unknown, allowed.filter((k) => !keys.present.has(k)));
      const home = suggestion === undefined ? homeOf(unknown, schema.nodeAt(path), schema) : undefined;
      // A misspelled copy of a key the mapping already has (e.g. a second `relatonships:` block).
      const twin = suggestion === undefined && home === undefined ? closestName(unknown, keys.presentAllowed) : undefined;
      const hint = suggestion !== undefined ? `did you mean '${suggestion}'?`
        : twin !== undefined ? `a misspelling of '${twin}', which is already here? Its entries are not read`
        : home !== undefined ? `it belongs in '${[...path, home].map(String).join('.')}'`
        : allowed.length > 0 ? `expected one of: ${listOf(allowed)}` : 'no keys are allowed here';
      return { path: [...path, unknown], keyword: 'additionalProperties', property: unknown, message: `Unknown key '${unknown}' in ${containerLabel(path)}; ${hint}`, ...(suggestion !== undefined ? { suggestion } : {}) };
    }
    case 'type':
      return { path, keyword: 'type', message: typeMessage(path, value, String(params.type).split(',')) };
    case 'enum': {
      const allowed = ((params.allowedValues as unknown[]) ?? []).map(String);
      const suggestion = typeof value === 'string' ? closestName(value, allowed) : undefined;
      const hint = suggestion !== undefined ? ` (did you mean '${suggestion}'?)` : '';
      return { path, keyword: 'enum', message: `${show(value)} is not a valid ${nounOf(path, schema)}; expected one of: ${listOf(allowed)}${hint}`, ...(suggestion !== undefined ? { suggestion } : {}) };
    }
    case 'const':
      return { path, keyword: 'const', message: `${show(value)} is not a valid ${nounOf(path, schema)}; expected ${show(params.allowedValue)}` };
    case 'pattern':
      return { path, keyword: 'pattern', message: `${show(value)} is not a valid ${nounOf(path, schema)}; expected text matching ${String(params.pattern)}` };
    case 'minLength':
      return { path, keyword: 'minLength', message: params.limit === 1 ? `'${keyLabel(path)}' must not be empty` : `'${keyLabel(path)}' must have at least ${String(params.limit)} characters` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, keyword: error.keyword, message: `${keyLabel(path)} is ${show(value)}; it must be ${COMPARISONS[String(params.comparison)] ?? String(params.comparison)} ${String(params.limit)}` };
    default:
      return { path, keyword: error.keyword, message: `'${keyLabel(path)}' ${error.message ?? 'is not valid'}` };
  }
}

/** Converts an ajv instancePath (JSON pointer) to a YAML path; array steps become numbers. */
export function toYamlPath(pointer: string, data: unknown): YamlPath {
  if (pointer === '') return [];
  const path: Array<string | number> = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      path.push(Number(step));
      current = current[Number(step)];
    } else {
      path.push(step);
      current = isRecord(current) ? current[step] : undefined;
    }
  }
  return path;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let current = data;
  for (const step of path) current = Array.isArray(current) || isRecord(current) ? (current as Record<string | number, unknown>)[step] : undefined;
  return current;
}

const COMPARISONS: Record<string, string> = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'greater than' };

const TYPE_NAMES: Record<string, string> = {
  string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false',
  object: 'a mapping', array: 'a list', null: 'empty',
};

function typeMessage(path: YamlPath, value: unknown, expected: readonly string[]): string {
  const wanted = expected.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
  const subject = path.length === 0 ? 'The frontmatter' : `'${keyLabel(path)}'`;
  if (value === null) return `${subject} is empty; it should be ${wanted}`;
  if (typeof value === 'number' && expected.includes('integer') && !expected.includes('number')) {
    return `${subject} should be ${wanted}, not ${show(value)}`;
  }
  return `${subject} should be ${wanted}, not ${TYPE_NAMES[jsonTypeOf(value)] ?? jsonTypeOf(value)}`;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** The last key of a path with the indexes after it: `enables[0]`, `title`. */
function keyLabel(path: YamlPath): string {
  let label = '';
  for (const step of path) label = typeof step === 'number' ? `${label}[${step}]` : step;
  return label || 'frontmatter';
}

/** Where a key lives, for messages: `'lifecycle'`, `'relationships.enables[0]'`, `the top level`. */
function containerLabel(path: YamlPath): string {
  if (path.length === 0) return 'the top level';
  return `'${path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('')}'`;
}

/**
 * What kind of value a path holds, in words: `inferred-link type`, `lifecycle status`,
 * `commons domain`, `relationship slug`. An item of a relationship list is a `relationship`.
 */
function nounOf(path: YamlPath, schema: PatternSchema): string {
  const keys = path.filter((s): s is string => typeof s === 'string');
  const last = keys[keys.length - 1] ?? 'value';
  if (typeof path[path.length - 1] === 'number') return words(singular(last));
  if (keys.length < 2) return words(last);
  const parent = keys[keys.length - 2];
  const inItem = typeof path[path.length - 2] === 'number';
  if (!inItem) return `${words(parent)} ${words(last)}`;
  const owner = schema.relationshipKinds.includes(parent) ? 'relationship' : singular(parent).replace(/_/g, '-');
  return `${owner} ${words(last)}`;
}

function words(key: string): string {
  return key.replace(/_/g, ' ');
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** For an unknown key that is a known key one level down (e.g. `commons_domain` at the top): its proper parent. */
function homeOf(key: string, parent: SchemaNode | undefined, schema: PatternSchema): string | undefined {
  for (const [name, child] of Object.entries(parent?.properties ?? {})) {
    if (schema.resolve(child)?.properties?.[key]) return name;
  }
  return undefined;
}

/** The closest allowed name: at most 2 edits (20% of longer names), else the only name sharing a stem (`enablement` → `enables`). */
export function closestName(value: string, allowed: readonly string[]): string | undefined {
  if (value.length === 0) return undefined;
  const limit = Math.max(2, Math.floor(value.length * 0.2));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of allowed) {
    const d = distance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined) return best;
  // A stem: all of the shorter word but at most its last letter (`complements` → `complementary`).
  const sharing = allowed.filter((candidate) => {
    const shared = commonPrefixLength(value.toLowerCase(), candidate.toLowerCase());
    return shared >= 4 && shared >= Math.min(value.length, candidate.length) - 1;
  });
  return sharing.length === 1 ? sharing[0] : undefined;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function listOf(names: readonly string[]): string {
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
}

/** A value as the user wrote it, quoted when it is text and cut short when long. */
function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    // A YAML anchor used inside itself (`a: &x {b: *x}`) makes cyclic data.
    json = Array.isArray(value) ? 'a list' : 'a mapping';
  }
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
