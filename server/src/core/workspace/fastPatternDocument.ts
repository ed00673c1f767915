import { splitFrontmatter } from '../document/frontmatter';
import { detectFormatVersion, isPatternData, isRecord } from '../document/formatVersion';
import { LineIndex } from '../document/lineIndex';
import { parsePatternDocument, type PatternDocument } from '../document/patternDocument';
import { findSections, type BodySection } from '../document/sections';
import { loadYamlWithoutAliases, mayHoldAlias, mayHoldOddKey } from './fastFrontmatter';
import { YamlParts } from './yamlParts';

/**
 * A pattern document read for checking, not editing: its frontmatter data comes from the fast
 * parser (js-yaml, several times faster than package yaml), and YAML nodes — needed only for the
 * range of a finding — are parsed per top-level key on demand (`yamlFor`). Everything else behaves
 * as parsePatternDocument's document: `yaml` is the full parse, made on first use, and any YAML the
 * fast parser rejects, or with aliases (its data and its tree differ) or keys the two parsers spell
 * differently (fastFrontmatter.ts), is read the full way, so its
 * syntax errors are package yaml's. `commons-patterns check` and closed files' diagnostics use it;
 * the agreement with the full parse is tested finding by finding on the whole real library.
 */
export function parsePatternDocumentFast(uri: string, text: string, version = 0): PatternDocument {
  const frontmatter = splitFrontmatter(text);
  if (!frontmatter?.closed) return parsePatternDocument(uri, text, version);
  const yamlText = text.slice(frontmatter.yamlStart, frontmatter.yamlEnd);
  if (mayHoldAlias(yamlText) || mayHoldOddKey(yamlText)) return parsePatternDocument(uri, text, version);
  let data: unknown;
  try {
    data = loadYamlWithoutAliases(yamlText);
  } catch {
    return parsePatternDocument(uri, text, version);
  }
  let full: PatternDocument | undefined;
  const fullDocument = () => (full ??= parsePatternDocument(uri, text, version));
  let parts: YamlParts | undefined;
  let lines: LineIndex | undefined;
  let sections: BodySection[] | undefined;
  return {
    uri,
    version,
    text,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    frontmatter,
    get yaml() {
      return fullDocument().yaml;
    },
    nodeAt(path, want) {
      const topKey = path[0];
      if (typeof topKey !== 'string' || !isRecord(data) || !Object.prototype.hasOwnProperty.call(data, topKey)) return fullDocument().nodeAt(path, want);
      // A lone CR is a line break, as in parsePatternDocument; CR -> LF keeps every offset.
      parts ??= new YamlParts(yamlText.replace(/\r(?!\n)/g, '\n'), data);
      return parts.nodeAt(path, want) ?? fullDocument().nodeAt(path, want);
    },
    yamlErrors: [],
    data,
    isPattern: isPatternData(data),
    format: detectFormatVersion(data),
    get sections() {
      return (sections ??= findSections(text, frontmatter.bodyStart));
    },
  };
}
