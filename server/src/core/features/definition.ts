import type { Definition, Location, Position, Range } from 'vscode-languageserver-types';
import { nodeRange, type PatternDocument } from '../document/patternDocument';
import { isScalar, nodeAtPath } from '../document/yamlPath';
import { readPatternText } from '../workspace/readPatternText';
import { uriToPath } from '../workspace/uris';
import type { FeatureContext } from './featureContext';
import { slugAtPosition } from './slugAtPosition';
import { scanTitleRange } from './titleLineScan';

/**
 * Go to definition on a relationship or inferred-link target: the target pattern's file at its
 * title. Two files declaring the slug (a `duplicate-slug`) give both locations. The pattern's own
 * `slug` declaration has no definition elsewhere: use references for it.
 */
export function provideDefinition(ctx: FeatureContext, doc: PatternDocument, position: Position): Definition | undefined {
  const at = slugAtPosition(doc, position);
  if (!at || at.kind !== 'reference') return undefined;
  const declared = ctx.index.bySlugAll(at.slug);
  const targets = declared.length > 0 ? declared : [ctx.index.resolve(at.slug)].filter((s) => s !== undefined);
  if (targets.length === 0) return undefined;
  const locations = targets.map((summary) => patternTitleLocation(ctx, summary.uri, summary.uri === doc.uri ? doc : undefined));
  return locations.length === 1 ? locations[0] : locations;
}

/** Where a pattern file "is": its `title:` value, else its first line (or the file start when unreadable). */
export function patternTitleLocation(ctx: FeatureContext, uri: string, known?: PatternDocument): Location {
  if (!known && !ctx.host.isOpen(uri)) {
    // A closed file: its title line is found by a line scan of its text, not a full parse (10–15 ms at 20 KB).
    const scanned = scanClosedFile(uri);
    if (scanned) return { uri, range: scanned };
  }
  const target = known ?? ctx.host.getDocument(uri);
  return { uri, range: target ? titleRange(target) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

function titleRange(doc: PatternDocument): Range {
  const title = nodeAtPath(doc.yaml, ['title']);
  if (isScalar(title) && title.range) return nodeRange(doc, title);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: doc.lines.lineEnd(0) } };
}

/** The title range of a closed local file by a line scan; undefined when unreadable or the scan cannot tell (then parse). */
function scanClosedFile(uri: string): Range | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let text: string;
  try {
    text = readPatternText(uriToPath(uri));
  } catch {
    return undefined;
  }
  return scanTitleRange(text);
}
