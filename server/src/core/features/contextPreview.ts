import type { Range } from 'vscode-languageserver-types';
import type { ContextPreview, ContextPreviewAudience } from '../languageService';
import { nodeRange, type PatternDocument } from '../document/patternDocument';
import type { BodySection } from '../document/sections';
import { nodeAtPath, isMap, scalarString } from '../document/yamlPath';
import { isRecord } from '../document/formatVersion';
import type { FeatureContext } from './featureContext';

/**
 * Words that open a Section 4 "**For …:**" paragraph meant for an audience, besides the audience's
 * own name. Real pattern files say "For engineers:", "For movements (activist context):",
 * "For public service:"; the schema only knows the audience keys, so the words authors use for them
 * are kept here. An audience not listed matches its own key and its plural ("community(ies)").
 * Matching is case-insensitive, on whole words at the start of the bold phrase (after an optional "the").
 */
export const AUDIENCE_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  corporate: ['corporate', 'corporations', 'corporation', 'business', 'businesses', 'companies', 'company', 'enterprise', 'enterprises', 'organizations', 'organisations'],
  government: ['government', 'governments', 'public sector', 'public service', 'public servants', 'civil servants', 'policymakers', 'municipalities', 'agencies'],
  activist: ['activist', 'activists', 'movement', 'movements', 'social movements', 'organizers', 'organisers', 'grassroots', 'campaigners', 'advocates'],
  tech: ['tech', 'technology', 'technologists', 'engineers', 'engineering', 'developers', 'software', 'product', 'products', 'startups'],
  community: ['community', 'communities', 'neighborhoods', 'neighbourhoods', 'residents'],
});

/** `**For corporate professionals:**` at the start of a paragraph (optionally a list item). */
const FOR_PARAGRAPH = /^[ \t]{0,3}(?:[-*+][ \t]+|\d+[.)][ \t]+)?\*\*For[ \t]+([^*]+?)\*\*/i;
/** `> **The core conflict is …**` in Section 2. */
const CORE_CONFLICT = /^[ \t]{0,3}>[ \t]*\*\*The core conflict is\b/i;
/** `> **Therefore, …**` in Section 3. */
const THEREFORE = /^[ \t]{0,3}>[ \t]*\*\*Therefore\b/i;

/**
 * How the pattern reads to each audience: for every key of `context_labels` (or the audiences the
 * `commonsPatterns.contexts` setting names, in that order) the label and its range, and the matching
 * "**For <audience>:**" paragraph of Section 4; plus the title, summary and the core conflict and
 * solution sentences that every audience shares.
 */
export function provideContextPreview(ctx: FeatureContext, doc: PatternDocument): ContextPreview {
  const data = isRecord(doc.data) ? doc.data : {};
  const implementation = doc.sections.find((s) => s.number === 4);
  const paragraphs = implementation ? forParagraphs(doc, implementation) : [];
  return {
    uri: doc.uri,
    version: doc.version,
    title: textOf(data.title),
    summary: textOf(data.summary)?.trim(),
    coreConflict: boldQuote(doc, doc.sections.find((s) => s.number === 2), CORE_CONFLICT),
    solution: boldQuote(doc, doc.sections.find((s) => s.number === 3), THEREFORE),
    audiences: audiencesOf(ctx, doc).map((audience): ContextPreviewAudience => {
      const node = nodeAtPath(doc.yaml, ['context_labels', audience]);
      const label = scalarString(node);
      const paragraph = paragraphs.find((p) => phraseMatchesAudience(p.phrase, audience));
      return {
        audience,
        label,
        range: label !== undefined ? nodeRange(doc, node) : undefined,
        implementation: paragraph ? { text: paragraph.text, range: paragraph.range } : undefined,
      };
    }),
  };
}

/** The configured audiences, else every key of context_labels with the schema's audiences first. */
function audiencesOf(ctx: FeatureContext, doc: PatternDocument): string[] {
  if (ctx.settings.contexts.length > 0) return [...new Set(ctx.settings.contexts)];
  const labels = nodeAtPath(doc.yaml, ['context_labels']);
  if (!isMap(labels)) return [];
  const keys = labels.items.map((p) => scalarString(p.key)).filter((k): k is string => k !== undefined);
  const order = (k: string) => {
    const i = ctx.schema.audiences.indexOf(k);
    return i < 0 ? ctx.schema.audiences.length : i;
  };
  // Array.prototype.sort is stable: extra audiences keep the file's order after the schema's.
  return [...new Set(keys)].sort((a, b) => order(a) - order(b));
}

/** Whether "corporate professionals" (the words after "For") is addressed to an audience. */
export function phraseMatchesAudience(phrase: string, audience: string): boolean {
  const words = phrase.trim().toLowerCase().replace(/^the\s+/, '');
  const key = audience.toLowerCase();
  const candidates = Object.hasOwn(AUDIENCE_SYNONYMS, key) ? AUDIENCE_SYNONYMS[key] : [key, `${key}s`, key.endsWith('y') ? `${key.slice(0, -1)}ies` : `${key}es`];
  return candidates.some((c) => words.startsWith(c) && !/[\p{L}\p{N}]/u.test(words.charAt(c.length)));
}

interface ForParagraph {
  readonly phrase: string;
  readonly text: string;
  readonly range: Range;
}

/** The paragraphs of a section that open with `**For …**`, each up to a blank line or the next one. */
function forParagraphs(doc: PatternDocument, section: BodySection): ForParagraph[] {
  const result: ForParagraph[] = [];
  const first = doc.lines.positionAt(section.contentStart).line;
  const last = doc.lines.positionAt(section.contentEnd).line;
  for (let line = first; line <= last && line < doc.lines.lineCount; line++) {
    const match = doc.lines.lineText(line).match(FOR_PARAGRAPH);
    if (!match || doc.lines.lineStart(line) >= section.contentEnd) continue;
    let end = line;
    while (end + 1 <= last && doc.lines.lineStart(end + 1) < section.contentEnd) {
      const next = doc.lines.lineText(end + 1);
      if (next.trim() === '' || FOR_PARAGRAPH.test(next)) break;
      end++;
    }
    const start = doc.lines.lineStart(line) + (doc.lines.lineText(line).length - doc.lines.lineText(line).trimStart().length);
    const stop = doc.lines.lineEnd(end);
    result.push({ phrase: match[1].replace(/[:.\s]+$/, ''), text: joinLines(doc.text.slice(start, stop)), range: doc.lines.rangeOf(start, stop) });
    line = end;
  }
  return result;
}

/**
 * The bold sentence of a `> **…**` quote line in a section (continued on following `>` lines),
 * without the quote markers and the outer bold: "The core conflict is A vs. B."
 */
function boldQuote(doc: PatternDocument, section: BodySection | undefined, opener: RegExp): string | undefined {
  if (!section) return undefined;
  const first = doc.lines.positionAt(section.contentStart).line;
  const last = doc.lines.positionAt(section.contentEnd).line;
  for (let line = first; line <= last && doc.lines.lineStart(line) < section.contentEnd; line++) {
    if (!opener.test(doc.lines.lineText(line))) continue;
    const parts: string[] = [];
    for (let l = line; l <= last && doc.lines.lineStart(l) < section.contentEnd; l++) {
      const text = doc.lines.lineText(l);
      const quoted = text.match(/^[ \t]{0,3}>[ \t]?(.*)$/);
      if (!quoted || quoted[1].trim() === '') break;
      parts.push(quoted[1].trim());
    }
    return stripOuterBold(parts.join(' '));
  }
  return undefined;
}

/** "**Therefore, do *this*.**" -> "Therefore, do *this*."; tolerates a missing or short closing marker. */
function stripOuterBold(sentence: string): string {
  let s = sentence.replace(/^\*\*/, '');
  if (s.endsWith('**')) s = s.slice(0, -2);
  else s = s.replace(/\*+$/, '');
  return s.trim();
}

function joinLines(text: string): string {
  return text.split(/\r\n|\r|\n/).map((l) => l.trim()).join('\n');
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
