import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { allRules } from '../../../server/src/core/rules/allRules';
import { InMemoryWorkspace, readFixtureFolder } from '../helpers/ruleWorkspace';

/** Pieces of pattern files, so that random texts often reach the rules that need parsed frontmatter. */
const FRAGMENTS = [
  '---\n', '---\r\n', '\uFEFF', 'slug: x\n', 'slug: trust-circle\n', 'id: pat_01jzrulefixture0000000es01\n', 'ontology:\n',
  '  commons_assessment: {vitality: 3, overall_score: 9}\n', 'relationships:\n', '  generalizes_from: [trust-circle, x]\n',
  '  enables:\n', '    - slug: emotional-safetey\n', '    - 🌱\n', '    - {slug: 7}\n', 'graph_garden: {inferred_links: [{target: q}]}\n',
  '### Section 3: Solution\n', '### Section 1: Context (x)\n', '```\n', 'text 🌱\r', ': [', '"', '&a ', '*a ', '\t', '\n', '\r\n', 'classification: {}\n',
];

describe('the rules on arbitrary text', () => {
  it('never throw and return ranges inside the document', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 }), fc.fullUnicodeString({ maxLength: 4 })), { maxLength: 40 }), (pieces) => {
      const doc = ws.setFile('random.md', pieces.join(''));
      for (const diagnostic of ws.check('random.md', allRules)) {
        const { start, end } = diagnostic.range;
        assert.ok(start.line < doc.lines.lineCount && end.line < doc.lines.lineCount, JSON.stringify(diagnostic));
        assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), JSON.stringify(diagnostic));
        assert.ok(end.character <= doc.lines.lineText(end.line).length, JSON.stringify(diagnostic));
        assert.ok(diagnostic.message.length > 0);
      }
    }), { numRuns: 500, seed: 20260628 });
  });
});
