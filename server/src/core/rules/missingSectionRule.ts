import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { PatternDocument } from '../document/patternDocument';
import type { BodySection } from '../document/sections';
import type { SectionSpec } from '../schema/patternSchema';
import type { DiagnosticRule, RuleFinding } from './rule';

/** A body heading identified as one of the schema's sections. */
interface MatchedHeading {
  readonly section: BodySection;
  readonly specIndex: number;
}

/**
 * `missing-section`: one of the schema's body sections (`x-sections`) is missing, out of order or
 * carries the wrong number. A heading stands for a section by its name (ignoring case and a
 * parenthetical such as `(200-300 words)`), else by its number; a missing section is reported on
 * the heading that should follow it, or at the end of the document when none does.
 */
export const missingSectionRule: DiagnosticRule = {
  code: 'missing-section',
  scope: 'document',
  description: 'One of the eight body sections is missing or out of order',
  defaultSeverity: DiagnosticSeverity.Warning,
  appliesTo: ['v7.1'],
  check({ doc, schema }) {
    const specs = byNumber(schema.sections);
    if (specs.length === 0) return [];
    const matched = matchHeadings(doc.sections, specs);
    const inOrder = longestInOrder(matched);
    const findings: RuleFinding[] = [];
    for (const heading of matched) {
      const spec = specs[heading.specIndex];
      if (!heading.section.canonical) {
        findings.push({ range: headingRange(doc, heading.section), message: `'${headingLine(doc, heading.section)}' is not a section heading of the spec's form; expected '${specHeading(spec)}'` });
      }
      if (!inOrder.has(heading)) {
        findings.push({ range: headingRange(doc, heading.section), message: `${headingText(heading.section)} is out of order; expected ${placeOf(specs, heading.specIndex, true)}` });
      } else if (heading.section.number !== spec.number) {
        findings.push({ range: headingRange(doc, heading.section), message: `${headingText(heading.section)} has the wrong number; expected '${specHeading(spec)}'` });
      }
    }
    const present = new Set(matched.map((m) => m.specIndex));
    const ordered = matched.filter((m) => inOrder.has(m));
    specs.forEach((spec, specIndex) => {
      if (present.has(specIndex)) return;
      const follower = ordered.find((m) => m.specIndex > specIndex);
      findings.push({
        range: follower ? headingRange(doc, follower.section) : endOfLastLine(doc),
        message: `Missing '${specHeading(spec)}' (expected ${placeOf(specs, specIndex)})`,
      });
    });
    return findings;
  },
};

/** Pairs each heading with the section it stands for; repeats of a section already seen are ignored. */
function matchHeadings(sections: readonly BodySection[], specs: readonly SectionSpec[]): MatchedHeading[] {
  const seen = new Set<number>();
  const matched: MatchedHeading[] = [];
  const specNames = specs.map((spec) => normalizedName(spec.name));
  for (const section of sections) {
    // A heading usually spells its spec's name as the spec does: then its normalized name is that
    // spec's, found without normalizing (lower-casing a slice of a text with emoji takes the slow path).
    const sameName = specs.findIndex((spec) => spec.name === section.name);
    const byName = specNames.indexOf(sameName >= 0 ? specNames[sameName] : normalizedName(section.name));
    const specIndex = byName >= 0 ? byName : specs.findIndex((spec) => spec.number === section.number);
    if (specIndex < 0 || seen.has(specIndex)) continue;
    seen.add(specIndex);
    matched.push({ section, specIndex });
  }
  return matched;
}

/**
 * The largest set of headings already in schema order. Among equally large sets the one keeping
 * earlier headings wins, so in 1, 2, 4, 3 it is the 3 that is reported as out of order.
 */
function longestInOrder(matched: readonly MatchedHeading[]): Set<MatchedHeading> {
  // Usually every heading is in order already.
  if (matched.every((heading, i) => i === 0 || heading.specIndex > matched[i - 1].specIndex)) return new Set(matched);
  // lengthFrom[i]: the longest increasing run of spec indexes starting at heading i.
  const lengthFrom = matched.map(() => 1);
  for (let i = matched.length - 1; i >= 0; i--) {
    for (let j = i + 1; j < matched.length; j++) {
      if (matched[j].specIndex > matched[i].specIndex) lengthFrom[i] = Math.max(lengthFrom[i], lengthFrom[j] + 1);
    }
  }
  let needed = Math.max(0, ...lengthFrom);
  let last = -1;
  const kept = new Set<MatchedHeading>();
  matched.forEach((heading, i) => {
    if (needed > 0 && heading.specIndex > last && lengthFrom[i] === needed) {
      kept.add(heading);
      last = heading.specIndex;
      needed--;
    }
  });
  return kept;
}

/** Needs more than lower-casing: a parenthesis, or blanks other than single spaces between words. */
const UNTIDY_NAME = /[(\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|^ | $|  /;

function normalizedName(name: string): string {
  // Most names are tidy already (`Context`, `Related Patterns`): lower-casing is all they need.
  if (!UNTIDY_NAME.test(name)) return name.toLowerCase();
  return name.replace(/\s*\([^)]*\)\s*$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The specs in the order of their numbers: as the schema lists them, usually, with nothing to sort. */
function byNumber(specs: readonly SectionSpec[]): readonly SectionSpec[] {
  return specs.every((spec, i) => i === 0 || spec.number >= specs[i - 1].number) ? specs : [...specs].sort((a, b) => a.number - b.number);
}

function specHeading(spec: SectionSpec): string {
  return `### Section ${spec.number}: ${spec.name}`;
}

function headingText(section: BodySection): string {
  return `'### Section ${section.number}: ${section.name}'`;
}

/** Where a section belongs: after its predecessor (and, for a misplaced heading, before its successor). */
function placeOf(specs: readonly SectionSpec[], specIndex: number, withSuccessor = false): string {
  const after = specIndex > 0 ? `after Section ${specs[specIndex - 1].number}` : undefined;
  const before = specIndex + 1 < specs.length && (withSuccessor || !after) ? `before Section ${specs[specIndex + 1].number}` : undefined;
  return [after, before].filter(Boolean).join(' and ') || 'in the body';
}

function headingLine(doc: PatternDocument, section: BodySection): string {
  return doc.text.slice(section.headingStart, section.headingEnd).trim();
}

function headingRange(doc: PatternDocument, section: BodySection): Range {
  return doc.lines.rangeOf(section.headingStart, section.headingEnd);
}

/** A zero-width range at the end of the last line that has text (trailing blank lines skipped). */
function endOfLastLine(doc: PatternDocument): Range {
  let end = doc.text.length;
  while (end > 0 && /\s/.test(doc.text[end - 1])) end--;
  return doc.lines.rangeOf(end, end);
}
