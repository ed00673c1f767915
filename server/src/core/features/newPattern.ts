import { typeid } from 'typeid-js';
import { parse } from 'yaml';
import { YAML_PARSE_OPTIONS } from '../document/patternDocument';
import type { PatternSchema, SchemaGroup, SectionSpec } from '../schema/patternSchema';

/** The v7.1 slug: lowercase letters and digits, words joined by single hyphens (schema `definitions.slug`). */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The TypeID of a pattern as the schema requires it (`definitions.typeid`). */
const PATTERN_ID = /^pat_[0-9a-z]{20,30}$/;

export interface NewPattern {
  readonly slug: string;
  readonly fileName: string;
  readonly text: string;
}

export interface NewPatternOptions {
  /** `ontology.domain`; empty when not given (the author must choose one). */
  readonly domain?: string;
  /** The day written to `graph_garden.last_pruned`; today when not given. */
  readonly today?: Date;
}

/** Section headings and word ranges of the v7.1 spec, used when no schema is passed. */
const V71_SECTIONS: readonly SectionSpec[] = [
  { number: 1, name: 'Context', minWords: 100, maxWords: 200 },
  { number: 2, name: 'Problem', minWords: 100, maxWords: 200 },
  { number: 3, name: 'Solution', minWords: 200, maxWords: 400 },
  { number: 4, name: 'Implementation', minWords: 300, maxWords: 500 },
  { number: 5, name: 'Consequences', minWords: 200, maxWords: 300 },
  { number: 6, name: 'Known Uses', minWords: 200, maxWords: 300 },
  { number: 7, name: 'Cognitive Era', minWords: 150, maxWords: 250 },
  { number: 8, name: 'Vitality', minWords: 200, maxWords: 300 },
];

/** The group banners of the template, used when no schema is passed. */
const V71_GROUP_TITLES: readonly string[] = [
  'CORE IDENTITY',
  'CONTEXTUAL TRANSLATION (The Navigator Engine)',
  'ONTOLOGY & SEARCH OPTIMIZATION (The RAG Fuel)',
  'LIFECYCLE & CONFIDENCE',
  'HARD RELATIONSHIPS (Human-Curated Graph)',
  'GRAPH GARDEN (Machine-Written Graph)',
  'PROVENANCE',
];

const SUMMARY_PLACEHOLDER = "{A one-sentence summary of the pattern's core idea.}";

/**
 * A new pattern file from the v7.1 template (pattern-template.md): a fresh TypeID, the slug, the
 * title, today's date, the default assessment (every pillar 3, vitality 3.0, overall_score 3.0 —
 * their mean, so the new file has no `overall-score-mismatch`) and the eight section headings with
 * their word ranges. The slug is made from the title when not given. The schema, when passed,
 * supplies the group banners and sections.
 */
export function newPatternText(title: string, slug?: string, options?: NewPatternOptions): NewPattern;
export function newPatternText(schema: PatternSchema | undefined, title: string, slug?: string, options?: NewPatternOptions): NewPattern;
export function newPatternText(...args: unknown[]): NewPattern {
  const schema = typeof args[0] === 'string' ? undefined : (args.shift() as PatternSchema | undefined);
  const [rawTitle, rawSlug, options] = args as [string, string | undefined, NewPatternOptions | undefined];
  const slug = rawSlug !== undefined && rawSlug.trim() !== '' ? slugFromTitle(rawSlug) : slugFromTitle(rawTitle ?? '');
  const title = (rawTitle ?? '').trim() !== '' ? rawTitle.trim() : titleFromSlug(slug);
  const groups = groupTitlesOf(schema);
  const sections = schema && schema.sections.length > 0 ? schema.sections : V71_SECTIONS;
  const text = [
    frontmatterOf(groups, { id: newPatternId(), slug, title, domain: options?.domain ?? '', today: options?.today ?? new Date() }),
    bodyOf(sections),
  ].join('\n');
  return { slug, fileName: `${slug}.md`, text };
}

/** A fresh pattern TypeID (`pat_` + a UUIDv7 in base32). */
export function newPatternId(): string {
  const id = typeid('pat').toString();
  if (!PATTERN_ID.test(id)) throw new Error(`typeid-js produced '${id}', which does not match ${PATTERN_ID.source}`);
  return id;
}

/** A slug from a title: lowercase, accents removed, every run of other characters a hyphen. */
export function slugFromTitle(title: string): string {
  const folded = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøðđłþı]/g, (c) => ASCII_FOLDS[c] ?? '-');
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'new-pattern' : slug;
}

const ASCII_FOLDS: Readonly<Record<string, string>> = Object.freeze({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ð: 'd', đ: 'd', ł: 'l', þ: 'th', ı: 'i' });

/** A title from a slug: `emotional-safety` → `Emotional Safety`. */
export function titleFromSlug(slug: string): string {
  return slug.split('-').filter(Boolean).map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');
}

function groupTitlesOf(schema: PatternSchema | undefined): readonly string[] {
  if (!schema || schema.groups.length < V71_GROUP_TITLES.length) return V71_GROUP_TITLES;
  return schema.groups.map((g: SchemaGroup & { subtitle?: string }) => g.name.toUpperCase() + (g.subtitle ? ` (${g.subtitle})` : ''));
}

function banner(groups: readonly string[], group: number): string {
  const rule = '# ' + '═'.repeat(67);
  return [rule, `# GROUP ${group}: ${groups[group - 1]}`, rule].join('\n');
}

interface Fill {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly domain: string;
  readonly today: Date;
}

function frontmatterOf(groups: readonly string[], fill: Fill): string {
  return `---
${banner(groups, 1)}
id: ${fill.id}
slug: ${yamlString(fill.slug)}
title: ${JSON.stringify(fill.title)}
aliases: []
summary: >-
  ${SUMMARY_PLACEHOLDER}

${banner(groups, 2)}
context_labels:
  corporate: "{Corporate-friendly name}"
  government: "{Government-friendly name}"
  activist: "{Activist-friendly name}"
  tech: "{Tech-friendly name}"

${banner(groups, 3)}
ontology:
  domain: ${yamlString(fill.domain)}
  cross_domains: []
  search_hints:
    primary_tension: "{Tension A} vs. {Tension B}"
    vector_keywords: []
  commons_assessment:
    stakeholder_architecture: 3
    value_creation: 3
    resilience: 3
    ownership: 3
    autonomy: 3
    composability: 3
    fractal_value: 3
    vitality: 3.0
    vitality_reasoning: >-
      {Reasoning for vitality score, including strengths and weaknesses.}
    overall_score: 3.0

${banner(groups, 4)}
lifecycle:
  usage_stage: design
  adoption_stage: emerging
  status: draft
  version: 1.0
  confidence: 2

${banner(groups, 5)}
relationships:
  generalizes_from: []
  specializes_to: []
  enables: []
  requires: []
  alternatives: []
  complementary: []
  tools: []

${banner(groups, 6)}
graph_garden:
  last_pruned: ${isoDate(fill.today)}
  entities: []
  communities: []
  inferred_links: []

${banner(groups, 7)}
contributors: ["higgerix", "cloudsters"]
sources: []
license: CC-BY-SA-4.0
attribution: "commons.engineering by cloudsters, https://cloudsters.net"
---
`;
}

function bodyOf(sections: readonly SectionSpec[]): string {
  const intro = `> ${SUMMARY_PLACEHOLDER}

> [!NOTE] Confidence Rating: ★★☆ (Medium)
> This rating reflects our confidence that this pattern is a good and correct
> solution to the stated problem. High (★★★) means it is a well-established,
> proven pattern. Medium (★★☆) means it is a promising but not yet fully proven
> solution. Low (★☆☆) means it is an emerging or experimental idea.
`;
  const parts = sections.map((s) => `### Section ${s.number}: ${s.name}\n\n*(${s.minWords}–${s.maxWords} words)*\n`);
  return [intro, ...parts].join('\n---\n\n');
}

/** A string as a YAML scalar: plain when YAML reads it back as the same string (`1984`, `true` need quotes). */
function yamlString(value: string): string {
  if (SLUG_PATTERN.test(value)) {
    try {
      if (parse(value, YAML_PARSE_OPTIONS) === value) return value;
    } catch {
      // Not plain-safe: quote it.
    }
  }
  return JSON.stringify(value);
}

/** The local calendar day, as the schema's date pattern wants it (YYYY-MM-DD). */
function isoDate(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
