import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { parseFrontmatterFast } from '../../../server/src/core/workspace/fastFrontmatter';
import { auditWorkspaceSymbols, HANG_BOUND_MS, runEveryFeature } from './everyFeature';
import { createHardeningWorkspace, readHardeningFixtures } from './hardeningWorkspace';

/**
 * Property: any text, through every core feature, never throws, returns only ranges inside the
 * document and finishes within a hang bound. Seeds are fixed so CI is deterministic; fast-check
 * prints the seed and the shrunk counterexample when a property fails.
 */

/** Pieces of YAML and Markdown that hostile or half-typed pattern files are made of. */
const YAML_FRAGMENTS = [
  '---', '---\n', '---\r\n', '...\n', '\n', '\r\n', '\r', '  ', '    ', '\t', '- ', '-', ': ', ':', '"', "'", '{', '}', '[', ']', ',', '? ',
  '&a ', '*a', '*a ', '&b [*a, *a]', '!!str ', '!tag ', '#', ' # comment', '|', '>-', '\\', '%YAML 1.2\n',
  '### Section 3: Solution', '### Section 1: Context\n', '```', '**For corporate:** ', '\uFEFF', '🌱', '\u0000', '\uD800', '\uDC00', '\u2028',
  'slug: ', 'slug: fuzz\n', 'id: pat_01jzrulefixture0000000es01\n', 'title: ', 'relationships:\n', '  enables:\n', '    - slug: ',
  'emotional-safety', 'trust-circle', 'active-listening-depth', 'weight: 0.7', 'ontology:\n', '  domain: ', '  commons_assessment:\n',
  '    resilience: 9', '    overall_score: 1', 'context_labels:\n', '  corporate: ', 'graph_garden:\n', '  inferred_links:\n', '    - target: ',
  'classification:\n', 'generalizes_from: [', 'specializes_to:\n',
];

const yamlIsh = fc.array(fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...YAML_FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 3 }) },
), { maxLength: 60 }).map((pieces) => pieces.join(''));

/** Offsets to ask position-based features at: in range, at the end, and chosen by fast-check. */
function offsetsIn(text: string, picks: readonly number[]): number[] {
  return [0, text.length, ...picks.map((p) => Math.floor(p * (text.length + 1)))];
}

const picks = fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 1, maxLength: 4 });

function assertEveryFeatureHolds(text: string, pickList: readonly number[]): void {
  const ws = sharedWorkspace;
  const doc = ws.put('fuzz.md', text);
  try {
    const run = runEveryFeature(ws, doc, offsetsIn(text, pickList));
    assert.deepEqual(run.problems, [], JSON.stringify(text));
    assert.ok(run.elapsedMs < HANG_BOUND_MS, `all features took ${Math.round(run.elapsedMs)} ms on ${JSON.stringify(text).slice(0, 200)}`);
  } finally {
    ws.remove('fuzz.md');
  }
}

/** The fixture workspace, so that links resolve, references exist and rename has files to edit. */
const sharedWorkspace = createHardeningWorkspace(readHardeningFixtures());

describe('every core feature on arbitrary text', () => {
  it('fc.string: never throws, ranges inside, within the hang bound', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), picks, assertEveryFeatureHolds), { numRuns: 400, seed: 6001 });
  });

  it('fc.fullUnicodeString behind an opening fence (non-BMP, lone surrogates, line separators)', () => {
    fc.assert(fc.property(fc.fullUnicodeString({ maxLength: 200 }), picks, (text, p) => assertEveryFeatureHolds(`---\n${text}`, p)), { numRuns: 400, seed: 6002 });
  });

  it('YAML-ish text built from fragments (fences, anchors, flow brackets, sections, CRLF, BOM, NUL, emoji)', () => {
    fc.assert(fc.property(yamlIsh, picks, assertEveryFeatureHolds), { numRuns: 2000, seed: 6003 });
  });

  it('YAML-ish frontmatter inside fences, in LF and in CRLF', () => {
    fc.assert(fc.property(yamlIsh, fc.boolean(), picks, (yaml, crlf, p) => {
      const text = `---\nslug: fuzz\n${yaml}\n---\n\n### Section 1: Context\n\nText.\n`;
      assertEveryFeatureHolds(crlf ? text.replace(/\r?\n/g, '\r\n') : text, p);
    }), { numRuns: 1500, seed: 6004 });
  });

  it('the fast path (closed files) reads any frontmatter without throwing; when both parsers read it, they agree on the slug', () => {
    // Where the two parsers disagree on odd YAML (a lone `:`, NUL, `---x` lines) the closed file is
    // indexed under its file name instead; that is not a crash. The slug, which links resolve by, must agree.
    fc.assert(fc.property(yamlIsh, (yaml) => {
      const text = `---\n${yaml}\n---\n`;
      const fast = parseFrontmatterFast(text);
      assert.ok(['frontmatter', 'no-frontmatter', 'unclosed', 'yaml-error'].includes(fast.kind));
      if (fast.kind === 'yaml-error') assert.ok(fast.message.length > 0);
      const full = parsePatternDocument('file:///workspace/fuzz.md', text);
      if (fast.kind === 'frontmatter' && full.yamlErrors.length === 0 && full.isPattern) {
        assert.deepEqual((fast.data as { slug?: unknown }).slug, (full.data as { slug?: unknown }).slug, JSON.stringify(text));
      }
    }), { numRuns: 600, seed: 6005 });
  });

  it('workspace symbols for any query', () => {
    fc.assert(fc.property(fc.fullUnicodeString({ maxLength: 20 }), (query) => {
      assert.deepEqual(auditWorkspaceSymbols(sharedWorkspace, query), []);
    }), { numRuns: 200, seed: 6006 });
  });
});
