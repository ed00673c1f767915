import { LineIndex } from '../document/lineIndex';
import type { PatternDocument } from '../document/patternDocument';
import type { PatternSummary } from '../workspace/patternSummary';
import { checkDocument, type CheckEnvironment } from './checkDocument';

const NO_TEXT = new LineIndex('');

/**
 * A stand-in document for a pattern known only by its index summary: its data holds the slug, the
 * id and the links (in their order), which is all workspace-scope rules decide from (rule.ts); it has
 * no text, so the ranges of its findings mean nothing.
 */
export function summaryStandIn(summary: PatternSummary): PatternDocument {
  const relationships: Record<string, string[]> = {};
  const inferred: Array<{ target: string; type: string }> = [];
  for (const link of summary.links) {
    if (link.source === 'relationship') (relationships[link.kind] ??= []).push(link.target);
    else inferred.push({ target: link.target, type: link.kind });
  }
  const data = { slug: summary.slug, ...(summary.id !== undefined ? { id: summary.id } : {}), relationships, graph_garden: { inferred_links: inferred } };
  return {
    uri: summary.uri,
    version: 0,
    text: '',
    lines: NO_TEXT,
    frontmatter: { bomLength: 0, openStart: 0, openEnd: 0, yamlStart: 0, yamlEnd: 0, closeStart: 0, closeEnd: 0, bodyStart: 0, closed: true },
    yaml: undefined,
    nodeAt: () => ({ node: undefined, complete: false }),
    yamlErrors: [],
    data,
    isPattern: true,
    format: summary.format,
    sections: [],
  };
}

/**
 * Whether a file has findings of the workspace-scope rules, decided from its summary and the index
 * without reading the file: `commons-patterns check` reads again only the files where this is true.
 */
export function hasWorkspaceFindings(summary: PatternSummary, env: CheckEnvironment): boolean {
  return !summary.unparsed && checkDocument(summaryStandIn(summary), env, 'workspace').length > 0;
}
