import { parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from './lineIndex';
import { splitFrontmatter, type FrontmatterSplit } from './frontmatter';
import { findSections, type BodySection } from './sections';
import { detectFormatVersion, isPatternData, type FormatVersion } from './formatVersion';
import { compactNestingOffset, deepNodeOffset, TOO_DEEP_MESSAGE } from './yamlNesting';
import { duplicateKeyErrors } from './duplicateKeys';
import type { YamlPath } from './yamlPath';
import { lookUpNode, type NodeLookup } from './documentNodes';

/**
 * The YAML options used for every full parse. YAML 1.2 core schema (no timestamps, no merge keys),
 * unique keys and a bounded alias expansion: the same language that the fast path's js-yaml
 * CORE_SCHEMA accepts (see workspace/fastFrontmatter.ts and its agreement test). Unique keys are
 * checked by duplicateKeys.ts in linear time (see parseFrontmatterYaml), not by the package's
 * quadratic `uniqueKeys`.
 */
export const YAML_PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: false,
  prettyErrors: false,
  merge: false,
  // Explicit YAML 1.1 tags (`!!timestamp`, `!!binary`, `!!set`) are unknown tags, as in the fast path.
  resolveKnownTags: false,
  // Keys that are collections are stringified with a process warning; the server must stay quiet.
  logLevel: 'error',
} as const;

export const YAML_TO_JS_OPTIONS = { maxAliasCount: 1000 } as const;

/**
 * The longest frontmatter (in UTF-16 code units, about bytes for ASCII) that is parsed. Package yaml
 * needs about 1.2 s and 130 MB of heap per million characters of frontmatter (a 10 MB one: 12 s and
 * 1.2 GB, on every edit). The longest frontmatter of the Commons OS library is 8,418 characters, so
 * this is nearly 1,000 times that; a frontmatter of 100,000 lines of 50 characters (5.2 MB) is still
 * read (1.8 s to parse, 1.2 s to check). A longer one gets a yaml-syntax finding and no data; the
 * body is still analysed (its size is not limited: 10 MB of body costs well under a second).
 */
export const MAX_FRONTMATTER_LENGTH = 8_000_000;

export function tooLargeMessage(length: number): string {
  return `The frontmatter is ${length.toLocaleString('en-US')} characters long; frontmatters over ${MAX_FRONTMATTER_LENGTH.toLocaleString('en-US')} characters are not read`;
}

/** An open or fully parsed pattern file: its text, frontmatter YAML with node ranges, and body sections. */
export interface PatternDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  /** Undefined when the file does not open with a `---` fence. */
  readonly frontmatter: FrontmatterSplit | undefined;
  /**
   * The parsed frontmatter; node ranges are relative to `frontmatter.yamlStart`. Undefined when the
   * file has no frontmatter, or when its YAML is longer than MAX_FRONTMATTER_LENGTH or nests more
   * than MAX_YAML_NESTING levels deep (then `yamlErrors` says so).
   */
  readonly yaml: Document.Parsed | undefined;
  /**
   * The node at `path` (with `want` 'key', the key of the pair there), or how far the tree goes. For
   * a fast-read document (workspace/fastPatternDocument.ts) only the few lines that hold the node are
   * read, with node ranges as in a full parse — so checking a file does not pay for a full parse.
   * Use documentNodes.ts.
   */
  nodeAt(path: YamlPath, want: 'value' | 'key'): NodeLookup;
  readonly yamlErrors: readonly YAMLError[];
  /** The frontmatter as plain data; undefined when it has syntax errors or is absent. */
  readonly data: unknown;
  /** True when the frontmatter is a mapping with a `slug` key. */
  readonly isPattern: boolean;
  readonly format: FormatVersion;
  readonly sections: readonly BodySection[];
}

export function parsePatternDocument(uri: string, text: string, version = 0): PatternDocument {
  const lines = new LineIndex(text);
  const frontmatter = splitFrontmatter(text);
  let yaml: Document.Parsed | undefined;
  let data: unknown;
  let yamlErrors: YAMLError[] = [];
  if (frontmatter) {
    // A lone CR is a line break (YAML 1.2, LSP, LineIndex) but package yaml does not read it as one;
    // CR -> LF keeps every offset, so node ranges still match the text.
    const parsed = parseFrontmatterYaml(text.slice(frontmatter.yamlStart, frontmatter.yamlEnd).replace(/\r(?!\n)/g, '\n'));
    yaml = parsed.yaml;
    yamlErrors = parsed.errors;
    if (yaml && yamlErrors.length === 0) {
      try {
        data = yaml.toJS(YAML_TO_JS_OPTIONS);
      } catch (error) {
        // Excessive alias expansion or nesting: treat as a syntax problem of the whole document.
        yamlErrors = [toYamlError(error)];
      }
    }
  }
  const bodyStart = frontmatter ? frontmatter.bodyStart : 0;
  return {
    uri,
    version,
    text,
    lines,
    frontmatter,
    yaml,
    nodeAt: (path, want) => lookUpNode(yaml, path, want),
    yamlErrors,
    data,
    isPattern: isPatternData(data),
    format: detectFormatVersion(data),
    sections: findSections(text, bodyStart),
  };
}

/**
 * Parses frontmatter YAML (line breaks already \n or \r\n) with package yaml, within bounds that keep
 * hostile text from hanging or crashing the host: too deep a nesting is refused before the package
 * spends seconds on it or overflows the stack (yamlNesting.ts), duplicate keys are found in linear
 * time (duplicateKeys.ts). `yaml` is undefined when the YAML is too long or nests too deeply;
 * `errors` says why.
 */
export function parseFrontmatterYaml(yamlText: string): { yaml: Document.Parsed | undefined; errors: YAMLError[] } {
  if (yamlText.length > MAX_FRONTMATTER_LENGTH) return { yaml: undefined, errors: [tooLargeError(yamlText.length)] };
  const compact = compactNestingOffset(yamlText);
  if (compact >= 0) return { yaml: undefined, errors: [nestingError(compact)] };
  let yaml: Document.Parsed;
  try {
    yaml = parseDocument(yamlText, YAML_PARSE_OPTIONS);
  } catch (error) {
    // package yaml composes collections recursively: flow collections nested ~1,000 deep overflow
    // the stack. Such a frontmatter is a syntax problem of the file, not a crash of the server.
    return { yaml: undefined, errors: [toYamlError(error)] };
  }
  // Not exposed when too deep either: features walk the tree recursively.
  const deep = deepNodeOffset(yaml.contents);
  if (deep >= 0) return { yaml: undefined, errors: [nestingError(deep)] };
  const duplicates = duplicateKeyErrors(yaml.contents);
  const errors = duplicates.length === 0 ? yaml.errors : [...yaml.errors, ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]);
  return { yaml, errors };
}

/** The LSP range of a YAML node (its value, without trailing comments). */
export function nodeRange(doc: PatternDocument, node: Node | null | undefined): Range {
  const base = doc.frontmatter?.yamlStart ?? 0;
  if (!node || !node.range) return doc.lines.rangeOf(base, base);
  return doc.lines.rangeOf(base + node.range[0], base + node.range[1]);
}

/** Converts an offset inside the YAML text to an offset in the file. */
export function yamlToFileOffset(doc: PatternDocument, yamlOffset: number): number {
  return (doc.frontmatter?.yamlStart ?? 0) + yamlOffset;
}

/** Converts a file offset to an offset in the YAML text, or -1 when outside the frontmatter. */
export function fileToYamlOffset(doc: PatternDocument, offset: number): number {
  const fm = doc.frontmatter;
  if (!fm || offset < fm.yamlStart || offset > fm.yamlEnd) return -1;
  return offset - fm.yamlStart;
}

function toYamlError(error: unknown): YAMLError {
  if (isStackOverflow(error)) return nestingError(0);
  const message = error instanceof Error ? error.message : String(error);
  return { name: 'YAMLParseError', code: 'BAD_ALIAS', message, pos: [0, 0] } as unknown as YAMLError;
}

function tooLargeError(length: number): YAMLError {
  return { name: 'YAMLParseError', code: 'UNEXPECTED_TOKEN', message: tooLargeMessage(length), pos: [0, 1] } as unknown as YAMLError;
}

/** A finding for YAML nested too deeply, at an offset of the YAML text (0 when the parser could not say). */
function nestingError(offset: number): YAMLError {
  return { name: 'YAMLParseError', code: 'UNEXPECTED_TOKEN', message: TOO_DEEP_MESSAGE, pos: [offset, offset + 1] } as unknown as YAMLError;
}

/**
 * A JavaScript stack overflow: a RangeError, or (when it happens inside the regular-expression
 * engine) a SyntaxError saying so.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof Error && (error instanceof RangeError || error instanceof SyntaxError) && /call stack/i.test(error.message);
}
