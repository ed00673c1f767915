import { URI, Utils } from 'vscode-uri';
import type { PatternDocument } from '../document/patternDocument';
import { nodeRange } from '../document/patternDocument';
import type { PatternSummary } from '../workspace/patternSummary';
import { topLevelValueNode } from './patternIdentity';
import type { RuleFinding } from './rule';

/**
 * The finding for a slug or id that other pattern files declare too. The index may still hold the
 * document's previous summary, so the document itself is excluded by URI rather than counted; files
 * indexed under their file name because their frontmatter does not parse declare nothing.
 */
export function duplicateDeclarationFindings(doc: PatternDocument, key: 'slug' | 'id', value: string, declaring: readonly PatternSummary[]): RuleFinding[] {
  const others = declaring.filter((summary) => summary.uri !== doc.uri && !summary.unparsed);
  if (others.length === 0) return [];
  const names = displayNames(others.map((s) => s.uri), doc.uri);
  return [{
    range: nodeRange(doc, topLevelValueNode(doc, key)),
    message: `${key} '${value}' is also declared by ${listOf(names)}; each pattern needs its own ${key}`,
  }];
}

/** File names of the other files; a parent folder is added where a name alone is ambiguous. */
function displayNames(uris: readonly string[], ownUri: string): string[] {
  const baseOf = (uri: string) => Utils.basename(URI.parse(uri));
  const ownBase = baseOf(ownUri);
  const bases = uris.map(baseOf);
  return uris.map((uri, i) => {
    const ambiguous = bases[i] === ownBase || bases.indexOf(bases[i]) !== bases.lastIndexOf(bases[i]);
    if (!ambiguous) return bases[i];
    const parent = Utils.basename(Utils.dirname(URI.parse(uri)));
    return parent ? `${parent}/${bases[i]}` : bases[i];
  }).sort();
}

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
