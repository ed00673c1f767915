import type { Range } from 'vscode-languageserver-types';
import type { TypedText } from './yamlOutline';

/** The range a completion replaces: the whole word (or quoted text) being typed, on the cursor's line. */
export function typedRange(typed: TypedText): Range {
  return { start: { line: typed.line, character: typed.start }, end: { line: typed.line, character: typed.end } };
}

/** A sortText that keeps the order the provider chose (clients sort by it after their own match score). */
export function sortTextOf(rank: number): string {
  return String(rank).padStart(5, '0');
}

/**
 * A value as it must be written where it is typed: inside quotes escaped for them, else plain
 * when YAML reads it back as the same string, else double-quoted.
 */
export function yamlValueText(value: string, typed: TypedText): string {
  if (typed.quote === '"') return value.replace(/["\\]/g, '\\$&');
  if (typed.quote === "'") return value.replace(/'/g, "''");
  const plain = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/.test(value) && !CORE_SCHEMA_NON_STRING.test(value);
  return typed.lead + (plain ? value : JSON.stringify(value));
}

/** Plain scalars that the YAML 1.2 core schema reads as null, booleans or numbers. */
const CORE_SCHEMA_NON_STRING = /^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/;
