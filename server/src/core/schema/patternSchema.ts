import * as fs from 'fs';
import * as path from 'path';

/** A JSON Schema node, as far as the core reads it. */
export interface SchemaNode {
  readonly type?: string | string[];
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly properties?: Record<string, SchemaNode>;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly oneOf?: readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
  readonly $ref?: string;
  readonly [keyword: string]: unknown;
}

export interface SchemaGroup {
  readonly group: number;
  readonly name: string;
  readonly keys: readonly string[];
}

export interface SectionSpec {
  readonly number: number;
  readonly name: string;
  readonly minWords: number;
  readonly maxWords: number;
}

export interface VitalityLevel {
  readonly min: number;
  readonly max: number;
  readonly level: string;
  readonly meaning: string;
}

/**
 * The loaded v7.1 schema and what the rest of the core derives from it: the schema is the single
 * source of field docs, enums, ranges, groups, sections and relationship kinds.
 */
export interface PatternSchema {
  readonly root: SchemaNode;
  readonly groups: readonly SchemaGroup[];
  readonly sections: readonly SectionSpec[];
  readonly vitalityLevels: readonly VitalityLevel[];
  readonly relationshipKinds: readonly string[];
  readonly audiences: readonly string[];
  /** Resolves `$ref`s one level: `#/definitions/x`. */
  resolve(node: SchemaNode | undefined): SchemaNode | undefined;
  /** The schema of the value at a path of keys (array indexes step into `items`). */
  nodeAt(path: ReadonlyArray<string | number>): SchemaNode | undefined;
  /** One step of `nodeAt`: the schema of a property or of the items of `node`. */
  childAt(node: SchemaNode | undefined, step: string | number): SchemaNode | undefined;
}

const SCHEMA_FILE = path.join('schemas', 'pattern.schema.json');

/** Finds the bundled schema by walking up from this module (works from `out/` and from a bundle). */
export function defaultSchemaPath(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, SCHEMA_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Cannot find ${SCHEMA_FILE} above ${__dirname}`);
}

export function loadPatternSchema(schemaPath: string = defaultSchemaPath()): PatternSchema {
  const root = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as SchemaNode;
  return createPatternSchema(root);
}

export function createPatternSchema(root: SchemaNode): PatternSchema {
  const definitions = (root.definitions ?? root.$defs ?? {}) as Record<string, SchemaNode>;
  // The schema does not change: each node is resolved once, and each step from a resolved node is
  // taken once (rules walk every value of every file through it).
  const resolved = new WeakMap<SchemaNode, SchemaNode | null>();
  const resolve = (node: SchemaNode | undefined): SchemaNode | undefined => {
    if (!node?.$ref) return node;
    let result = resolved.get(node);
    if (result === undefined) {
      let current: SchemaNode | undefined = node;
      for (let i = 0; i < 10 && current?.$ref; i++) {
        const name: string = current.$ref.replace(/^#\/(definitions|\$defs)\//, '');
        current = definitions[name] ? { ...definitions[name], ...withoutRef(current) } : undefined;
      }
      result = current ?? null;
      resolved.set(node, result);
    }
    return result ?? undefined;
  };
  const children = new WeakMap<SchemaNode, Map<string, SchemaNode | null>>();
  const childAt = (node: SchemaNode | undefined, step: string | number): SchemaNode | undefined => {
    if (!node) return undefined;
    let steps = children.get(node);
    if (!steps) children.set(node, (steps = new Map()));
    // Every index of a list has the list's item schema.
    const key = typeof step === 'number' ? '\u0000items' : step;
    let child = steps.get(key);
    if (child === undefined) {
      child = resolve(typeof step === 'number' ? firstItems(node, resolve) : childProperty(node, step, resolve)) ?? null;
      steps.set(key, child);
    }
    return child ?? undefined;
  };
  const nodeAt = (p: ReadonlyArray<string | number>): SchemaNode | undefined => {
    let node = resolve(root);
    for (const step of p) {
      if (!node) return undefined;
      node = childAt(node, step);
    }
    return node;
  };
  const relationships = nodeAt(['relationships']);
  const contextLabels = nodeAt(['context_labels']);
  return Object.freeze({
    root,
    groups: (root['x-groups'] ?? []) as SchemaGroup[],
    sections: (root['x-sections'] ?? []) as SectionSpec[],
    vitalityLevels: (root['x-vitalityLevels'] ?? []) as VitalityLevel[],
    relationshipKinds: Object.keys(relationships?.properties ?? {}),
    audiences: Object.keys(contextLabels?.properties ?? {}),
    resolve,
    nodeAt,
    childAt,
  });
}

function withoutRef(node: SchemaNode): SchemaNode {
  const { $ref: _ref, ...rest } = node;
  return rest;
}

function childProperty(node: SchemaNode, key: string, resolve: (n?: SchemaNode) => SchemaNode | undefined): SchemaNode | undefined {
  if (node.properties?.[key]) return node.properties[key];
  for (const alt of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) {
    const found = resolve(alt)?.properties?.[key];
    if (found) return found;
  }
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}

function firstItems(node: SchemaNode, resolve: (n?: SchemaNode) => SchemaNode | undefined): SchemaNode | undefined {
  if (node.items) return node.items;
  for (const alt of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) {
    const items = resolve(alt)?.items;
    if (items) return items;
  }
  return undefined;
}
