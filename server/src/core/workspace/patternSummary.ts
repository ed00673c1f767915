import { detectFormatVersion, isRecord, type FormatVersion } from '../document/formatVersion';
import { linkTargetsOf } from '../document/linkTargets';

/** A link from one pattern to another, as the index keeps it (no positions). */
export interface SummaryLink {
  readonly source: 'relationship' | 'inferred';
  readonly kind: string;
  readonly target: string;
  readonly weight: number | undefined;
}

/** What the workspace index knows of one pattern file, whether open or not. */
export interface PatternSummary {
  readonly uri: string;
  readonly slug: string;
  readonly id: string | undefined;
  readonly title: string | undefined;
  readonly summary: string | undefined;
  readonly aliases: readonly string[];
  readonly domain: string | undefined;
  readonly crossDomains: readonly string[];
  readonly commonsDomain: readonly string[];
  readonly contextLabels: Readonly<Record<string, string>>;
  readonly overallScore: number | undefined;
  readonly vitality: number | undefined;
  readonly format: FormatVersion;
  readonly links: readonly SummaryLink[];
  /** True when the frontmatter could not be parsed and the slug was taken from the file name. */
  readonly unparsed: boolean;
}

/**
 * Builds a summary from parsed frontmatter data; undefined when the data is not a pattern.
 *
 * Every string it keeps is a copy (`ownString`): the parsers hand out V8 sliced strings of the
 * decoded frontmatter, and a summary holding one keeps the whole frontmatter alive — 16 KiB per
 * summary instead of ~2 KiB, 315 MiB at 20,000 files (docs/benchmarks.md, profile 4).
 */
export function summarizePattern(uri: string, data: unknown): PatternSummary | undefined {
  if (!isRecord(data) || typeof data.slug !== 'string' && typeof data.slug !== 'number') return undefined;
  const ontology = isRecord(data.ontology) ? data.ontology : {};
  const assessment = isRecord(ontology.commons_assessment) ? ontology.commons_assessment : {};
  return {
    uri,
    slug: ownString(String(data.slug).trim()),
    id: typeof data.id === 'string' ? ownString(data.id) : undefined,
    title: stringOf(data.title),
    summary: stringOf(data.summary),
    aliases: stringsOf(data.aliases),
    domain: stringOf(ontology.domain) ?? (isRecord(data.classification) ? stringOf(data.classification.domain) : undefined),
    crossDomains: stringsOf(ontology.cross_domains),
    commonsDomain: stringsOf(ontology.commons_domain),
    contextLabels: labelsOf(data.context_labels),
    overallScore: numberOf(assessment.overall_score),
    vitality: numberOf(assessment.vitality),
    format: detectFormatVersion(data),
    links: linksOf(data),
    unparsed: false,
  };
}

/** A stand-in summary for a file whose frontmatter does not parse, so links to it still resolve. */
export function unparsedSummary(uri: string, fileSlug: string): PatternSummary {
  return {
    uri, slug: fileSlug, id: undefined, title: undefined, summary: undefined, aliases: [], domain: undefined,
    crossDomains: [], commonsDomain: [], contextLabels: {}, overallScore: undefined, vitality: undefined,
    format: 'v7.1', links: [], unparsed: true,
  };
}

/** The links of a v7.1 pattern (legacy files have no relationship lists), with strings of their own. */
function linksOf(data: Record<string, unknown>): SummaryLink[] {
  if (detectFormatVersion(data) !== 'v7.1') return [];
  return linkTargetsOf(data).map((link) => ({ source: link.source, kind: ownString(link.kind), target: ownString(link.target), weight: link.weight }));
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? ownString(value) : typeof value === 'number' ? String(value) : undefined;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map(ownString) : [];
}

/**
 * A flat copy of a string that shares no memory with the text it was cut from. V8 copies strings
 * shorter than 13 characters when slicing, so only longer ones need it; a UTF-8 round trip is the
 * cheapest reliable copy measured (cheaper than a JSON round trip of the summary), and ASCII text
 * comes back as one-byte, which also makes later lower-casing and comparisons faster.
 */
function ownString(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function labelsOf(value: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (isRecord(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') labels[k] = ownString(v);
  return labels;
}
