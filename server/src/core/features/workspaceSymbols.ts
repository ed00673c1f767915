import { SymbolKind, type Location, type SymbolInformation } from 'vscode-languageserver-types';
import type { PatternSummary } from '../workspace/patternSummary';
import type { FeatureContext } from './featureContext';
import { patternTitleLocation } from './definition';

/** At most this many symbols per query (an editor's picker shows a few dozen). */
export const MAX_WORKSPACE_SYMBOLS = 200;

/**
 * Finding a title's exact range means parsing the file (a few ms each). The best matches, those a
 * picker shows first, get it; the rest point at the start of their file.
 */
export const TITLE_RANGE_BUDGET = 50;

/** How well a name matches: lower is better; undefined is no match. */
const Match = { Exact: 0, Prefix: 1, WordPrefix: 2, Substring: 3, Subsequence: 4 } as const;
type Match = (typeof Match)[keyof typeof Match];

/**
 * Patterns by title, slug and alias, case-insensitively: exact and prefix matches first, then
 * matches at the start of a word, then anywhere, then the query's letters in order (`trb` finds
 * "Therapeutic Relationship Building"). Named by title (or slug), with the slug as container.
 */
export function provideWorkspaceSymbols(ctx: FeatureContext, query: string): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const queryWords = q.split(/[\s\-_]+/).filter(Boolean);
  const ranked: Array<{ summary: PatternSummary; name: string; match: Match }> = [];
  for (const summary of ctx.index.all()) {
    let best = matchOf(summary.title, q, queryWords);
    if (best !== Match.Exact) best = better(best, matchOf(summary.slug, q, queryWords));
    for (const alias of summary.aliases) if (best !== Match.Exact) best = better(best, matchOf(alias, q, queryWords));
    if (best !== undefined) ranked.push({ summary, name: summary.title ?? summary.slug, match: best });
  }
  ranked.sort((a, b) => a.match - b.match || a.name.length - b.name.length || compare(a.name, b.name) || compare(a.summary.uri, b.summary.uri));
  return ranked.slice(0, MAX_WORKSPACE_SYMBOLS).map(({ summary, name }, i) => ({
    name,
    kind: SymbolKind.File,
    containerName: summary.slug,
    location: i < TITLE_RANGE_BUDGET ? patternTitleLocation(ctx, summary.uri) : fileStart(summary.uri),
  }));
}

function better(a: Match | undefined, b: Match | undefined): Match | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b) as Match;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function matchOf(candidate: string | undefined, query: string, queryWords: readonly string[]): Match | undefined {
  if (!candidate) return undefined;
  if (query === '') return Match.Subsequence;
  const name = candidate.toLowerCase();
  if (name === query) return Match.Exact;
  if (name.startsWith(query)) return Match.Prefix;
  if (startsAWord(name, query) || wordsInOrder(name, queryWords)) return Match.WordPrefix;
  if (name.includes(query)) return Match.Substring;
  return isSubsequence(name, query) ? Match.Subsequence : undefined;
}

function startsAWord(name: string, query: string): boolean {
  for (let at = name.indexOf(query); at >= 0; at = name.indexOf(query, at + 1)) {
    if (at === 0 || !isWordChar(name, at - 1)) return true;
  }
  return false;
}

/** Every word of a multi-word query starts a word of the name, in order ("rel build"). */
function wordsInOrder(name: string, queryWords: readonly string[]): boolean {
  if (queryWords.length < 2) return false;
  let from = 0;
  for (const word of queryWords) {
    let at = name.indexOf(word, from);
    while (at > 0 && isWordChar(name, at - 1)) at = name.indexOf(word, at + 1);
    if (at < 0) return false;
    from = at + word.length;
  }
  return true;
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) return true;
  return c > 127 && /[\p{L}\p{N}]/u.test(text[i]);
}

function isSubsequence(name: string, query: string): boolean {
  let i = 0;
  for (let j = 0; j < name.length && i < query.length; j++) if (name.charCodeAt(j) === query.charCodeAt(i)) i++;
  return i === query.length;
}

function fileStart(uri: string): Location {
  return { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}
