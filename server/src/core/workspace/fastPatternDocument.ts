import { Scalar, YAMLMap, YAMLSeq, type Document, type Node, type YAMLError } from 'yaml';
import type { NodeLookup } from '../document/documentNodes';
import { splitFrontmatter, type FrontmatterSplit } from '../document/frontmatter';
import { detectFormatVersion, isPatternData, isRecord, type FormatVersion } from '../document/formatVersion';
import { LineIndex } from '../document/lineIndex';
import { parsePatternDocument, type PatternDocument } from '../document/patternDocument';
import { findSections, type BodySection } from '../document/sections';
import type { YamlPath } from '../document/yamlPath';
import { loadYamlWithoutAliases, mayHoldAlias, mayHoldOddKey } from './fastFrontmatter';
import { parseBlockYaml, type BlockYaml, type CollectionSpan } from './blockYaml';

/**
 * A pattern document read for checking, not editing: its frontmatter data comes from a fast parser
 * (blockYaml for the usual block style, which also says where each scalar and collection lies; else
 * js-yaml — both several times faster than package yaml). A YAML node — needed only for the range of
 * a finding — is made from blockYaml's span of a scalar or a collection; any other node (at a path not
 * in the data, or where blockYaml gave up) comes from the full parse, made then: on the real library,
 * none for 4,171 findings.
 * Everything else behaves as parsePatternDocument's document: `yaml` is the full parse, made on first
 * use, and any YAML the fast parsers reject, or with aliases (its data and its tree differ) or keys
 * the two parsers spell differently (fastFrontmatter.ts), is read the full way, so its syntax errors
 * are package yaml's. `commons-patterns check` and closed files' diagnostics use it; the agreement
 * with the full parse is tested finding by finding on the whole real library. `read`, when the text
 * came from readPatternTextWithHead, saves splitting it again and has its frontmatter parsed from a
 * string of its own.
 */
export function parsePatternDocumentFast(uri: string, text: string, version = 0, read?: ReadHead): PatternDocument {
  const frontmatter = read ? read.frontmatter : splitFrontmatter(text);
  if (!frontmatter?.closed) return parsePatternDocument(uri, text, version);
  const head = read?.head;
  // Parsed from `head` when given (the same characters as a string of its own).
  const yamlText = (head ?? text).slice(frontmatter.yamlStart, frontmatter.yamlEnd);
  // The usual block-style frontmatter is read by blockYaml, with where each scalar lies; the rest by js-yaml.
  const block = parseBlockYaml(yamlText);
  let data: unknown;
  if (block) {
    data = block.data;
  } else {
    if (mayHoldAlias(yamlText) || mayHoldOddKey(yamlText)) return parsePatternDocument(uri, text, version);
    try {
      data = loadYamlWithoutAliases(yamlText);
    } catch {
      return parsePatternDocument(uri, text, version);
    }
  }
  return new FastPatternDocument(uri, version, text, frontmatter, data, block, head);
}

/** What readPatternTextWithHead read besides the text: the text's frontmatter split, and the frontmatter as a string of its own. */
export interface ReadHead {
  readonly frontmatter: FrontmatterSplit | undefined;
  readonly head: string | undefined;
}

/**
 * The document without its body, for keeping: its text is the frontmatter read as a string of its own
 * (`head` of parsePatternDocumentFast), so nothing kept holds on to the body. Its frontmatter's nodes,
 * ranges and data are the document's; it has no sections. Other documents are returned as they are.
 */
export function withoutBody(doc: PatternDocument): PatternDocument {
  if (!(doc instanceof FastPatternDocument) || doc.head === undefined) return doc;
  return new FastPatternDocument(doc.uri, doc.version, doc.head, doc.frontmatter, doc.data, doc.block, doc.head);
}

/**
 * A class, not an object literal with getters: V8 tends to allocate such literals (and the closures
 * behind their getters) in the old generation, and an old object pointing at the young text keeps it
 * alive through every young collection until a full one — `check` copied ~190 MB of file texts
 * that way (docs/benchmarks.md).
 */
class FastPatternDocument implements PatternDocument {
  readonly yamlErrors: readonly YAMLError[] = [];
  readonly isPattern: boolean;
  readonly format: FormatVersion;
  private full: PatternDocument | undefined;
  private lineIndex: LineIndex | undefined;
  private bodySections: BodySection[] | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly frontmatter: FrontmatterSplit,
    readonly data: unknown,
    readonly block: BlockYaml | undefined,
    /** The text up to the body as a string of its own, when it was read so. */
    readonly head: string | undefined,
  ) {
    this.isPattern = isPatternData(data);
    this.format = detectFormatVersion(data);
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  get yaml(): Document.Parsed | undefined {
    return this.fullDocument().yaml;
  }

  get sections(): readonly BodySection[] {
    return (this.bodySections ??= findSections(this.text, this.frontmatter.bodyStart));
  }

  nodeAt(path: YamlPath, want: 'value' | 'key'): NodeLookup {
    const block = this.block;
    if (block) {
      const span = block.scalarAt(path, want);
      if (span) return { node: scalarNode(want === 'key' ? path[path.length - 1] : dataAt(this.data, path), span.start, span.end, span.type), complete: true };
      if (want === 'value') {
        const collection = block.collectionAt(path);
        if (collection) return { node: collectionNode(collection), complete: true };
      } else if (block.scalarAt(path, 'value') || block.collectionAt(path)) {
        // On the data's paths only a sequence's item (or the document) is without a key node.
        return { node: undefined, complete: false };
      }
    }
    return this.fullDocument().nodeAt(path, want);
  }

  private fullDocument(): PatternDocument {
    return (this.full ??= parsePatternDocument(this.uri, this.text, this.version));
  }
}

/** The data at a path: a step into a list or a mapping, or undefined. */
function dataAt(data: unknown, path: YamlPath): unknown {
  let value: unknown = data;
  for (const step of path) value = isRecord(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[step] : undefined;
  return value;
}

/**
 * A collection node with the range the full parse gives it (range[2], which the full parse extends over
 * trailing comments, is set to the end), and `flow`; its items are not made: the rules that ask for
 * a collection's node read its range only (schemaRule.ts).
 */
function collectionNode(span: CollectionSpan): Node {
  const node = span.kind === 'map' ? new YAMLMap() : new YAMLSeq();
  node.range = [span.start, span.end, span.end];
  if (span.flow) node.flow = true;
  return node;
}

/** A scalar node as the full parse makes it: its value, its type and its range in the YAML text. */
function scalarNode(value: unknown, start: number, end: number, type: Scalar.Type): Node {
  const node = new Scalar(value);
  node.range = [start, end, end];
  node.type = type;
  return node;
}
