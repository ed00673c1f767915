import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { PatternDocument } from '../../document/patternDocument';
import type { YamlPath } from '../../document/yamlPath';
import type { FeatureContext } from '../featureContext';
import { sortTextOf, typedRange, yamlValueText } from './completionText';
import type { YamlCursor, YamlOutline } from './yamlOutline';

/** `ontology.domain` and the items of `ontology.cross_domains`: where a workspace domain is expected. */
export function isDomainPath(path: YamlPath): boolean {
  if (path[0] !== 'ontology') return false;
  return (path.length === 2 && path[1] === 'domain') || (path.length === 3 && path[1] === 'cross_domains' && typeof path[2] === 'number');
}

/**
 * The domains the other patterns of the workspace use, most used first, with their counts (this
 * file's own entry in the index is left out: it holds what is being typed). In `cross_domains`,
 * the pattern's own domain and the domains already listed are left out too.
 */
export function completeDomains(ctx: FeatureContext, doc: PatternDocument, outline: YamlOutline, cursor: Extract<YamlCursor, { kind: 'value' }>): CompletionItem[] {
  const exclude = new Set<string>();
  if (cursor.path[1] === 'cross_domains') {
    const own = outline.mapAt(['ontology'])?.values.get('domain');
    if (own) exclude.add(own);
    outline.seqAt(['ontology', 'cross_domains'])?.entries.forEach((entry, i) => {
      if (i !== cursor.path[2] && entry.scalar) exclude.add(entry.scalar);
    });
  }
  const range = typedRange(cursor.typed);
  return domainsOfOthers(ctx, doc.uri)
    .filter(({ domain }) => !exclude.has(domain))
    .map(({ domain, count }, rank) => ({
      label: domain,
      kind: CompletionItemKind.Value,
      detail: `used by ${count} ${count === 1 ? 'pattern' : 'patterns'}`,
      sortText: sortTextOf(rank),
      textEdit: { range, newText: yamlValueText(domain, cursor.typed) },
    }));
}

function domainsOfOthers(ctx: FeatureContext, uri: string): Array<{ domain: string; count: number }> {
  const own = ctx.index.get(uri);
  const ownDomains = new Set([own?.domain, ...(own?.crossDomains ?? [])]);
  return ctx.index.domains()
    .map(({ domain, count }) => ({ domain, count: ownDomains.has(domain) ? count - 1 : count }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
}
