import type { VitalityLevel } from '../schema/patternSchema';
import type { PatternSummary } from '../workspace/patternSummary';
import type { FeatureContext } from './featureContext';

/**
 * The Markdown preview of a linked pattern, shared by hover (the full preview) and completion
 * (the brief form as an item's documentation). Pattern text is escaped: it is shown as text,
 * never interpreted as Markdown.
 */
export function patternPreview(ctx: FeatureContext, summary: PatternSummary): string {
  const parts = [patternHeading(summary), ...patternBody(ctx, summary)];
  const audiences = audienceLines(ctx, summary);
  if (audiences.length > 0) parts.push(audiences.join('\n'));
  parts.push(`[Open](${markdownUrl(summary.uri)})`);
  return parts.join('\n\n');
}

/** Summary and facts (domain, overall score, vitality): the documentation of a completion item. */
export function patternBrief(ctx: FeatureContext, summary: PatternSummary): string {
  return patternBody(ctx, summary).join('\n\n');
}

/** The rubric level of a vitality score: the level with the highest minimum the score reaches. */
export function vitalityLevel(levels: readonly VitalityLevel[], score: number): VitalityLevel | undefined {
  let best: VitalityLevel | undefined;
  for (const level of levels) if (score >= level.min && (!best || level.min > best.min)) best = level;
  return best;
}

function patternHeading(summary: PatternSummary): string {
  const slug = `\`${summary.slug}\``;
  return summary.title ? `**${escapeMarkdown(oneLine(summary.title))}** · ${slug}` : slug;
}

function patternBody(ctx: FeatureContext, summary: PatternSummary): string[] {
  const parts: string[] = [];
  if (summary.unparsed) parts.push('*The frontmatter of this pattern does not parse.*');
  if (summary.summary) parts.push(escapeMarkdown(oneLine(summary.summary)));
  const facts = patternFacts(ctx, summary);
  if (facts.length > 0) parts.push(facts.join(' · '));
  return parts;
}

function patternFacts(ctx: FeatureContext, summary: PatternSummary): string[] {
  const facts: string[] = [];
  if (summary.domain) facts.push(`Domain: ${escapeMarkdown(oneLine(summary.domain))}`);
  if (summary.overallScore !== undefined) facts.push(`Overall score: ${summary.overallScore}`);
  if (summary.vitality !== undefined) {
    const level = vitalityLevel(ctx.schema.vitalityLevels, summary.vitality);
    facts.push(level ? `Vitality: ${level.level} (${summary.vitality})` : `Vitality: ${summary.vitality}`);
  }
  return facts;
}

/** The audience labels, in the order of the `contexts` setting (default: the schema's audiences, then any others). */
function audienceLines(ctx: FeatureContext, summary: PatternSummary): string[] {
  const labels = summary.contextLabels;
  const chosen = ctx.settings.contexts.length > 0 ? ctx.settings.contexts : ctx.schema.audiences;
  const order = ctx.settings.contexts.length > 0 ? chosen : [...chosen, ...Object.keys(labels).filter((a) => !chosen.includes(a))];
  return order.filter((a) => typeof labels[a] === 'string').map((a) => `- ${escapeMarkdown(a)}: ${escapeMarkdown(oneLine(labels[a]))}`);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Escapes the characters that would turn text into Markdown markup (emphasis, code, links, HTML,
 * tables). Identifiers such as `generalizes_from` stay as they are: an underscore inside a word
 * never starts emphasis.
 */
export function escapeMarkdown(text: string): string {
  if (/^[A-Za-z0-9]+([_-][A-Za-z0-9]+)*$/.test(text)) return text;
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/^[#>+-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A URI safe inside `(...)` of a Markdown link. */
function markdownUrl(uri: string): string {
  return uri.replace(/[()\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
