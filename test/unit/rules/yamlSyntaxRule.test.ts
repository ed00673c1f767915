import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { YAMLError } from 'yaml';
import { yamlSyntaxRule } from '../../../server/src/core/rules/yamlSyntaxRule';
import { checkDocument } from '../../../server/src/core/rules/checkDocument';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { InMemoryWorkspace, findingsOf, noViolationsValidator, range } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [yamlSyntaxRule];
const code = 'yaml-syntax';

function workspaceWith(text: string): InMemoryWorkspace {
  return new InMemoryWorkspace({ 'syntax.md': text });
}

describe('yaml-syntax', () => {
  it('reports a duplicate key on the whole repeated key', () => {
    const ws = workspaceWith('---\nslug: syntax\ntitle: "🌱 Syntax"\nslug: again\n---\n\nBody\n');
    assertFindingsInEveryEncoding(ws, 'syntax.md', rules, [
      { code, range: range(3, 0, 3, 4), message: 'Invalid YAML: Map keys must be unique' },
    ]);
    assert.equal(ws.check('syntax.md', rules)[0].severity, DiagnosticSeverity.Error);
  });

  it('counts UTF-16 code units after an emoji earlier on the same line', () => {
    const ws = workspaceWith('---\nslug: syntax\ntags: {🌱: 1, a: 2, a: 3}\n---\n');
    assertFindingsInEveryEncoding(ws, 'syntax.md', rules, [
      { code, range: range(2, 20, 2, 21), message: 'Invalid YAML: Map keys must be unique' },
    ]);
  });

  it('shows an error found at the end of the YAML (an unclosed quote) on the last YAML character, not on the closing fence', () => {
    const ws = workspaceWith('---\nslug: syntax\ntitle: "🌱 unclosed\n---\n\nBody\n');
    assertFindingsInEveryEncoding(ws, 'syntax.md', rules, [
      { code, range: range(2, 18, 2, 19), message: 'Invalid YAML: Missing closing "quote' },
    ]);
  });

  it('never splits an emoji', () => {
    const ws = workspaceWith('---\nslug: syntax\nx: |\n🌱\n---\n');
    assertFindingsInEveryEncoding(ws, 'syntax.md', rules, [
      { code, range: range(3, 0, 3, 2), message: 'Invalid YAML: Implicit map keys need to be followed by map values' },
    ]);
  });

  it('reports an unresolved alias where it is written', () => {
    const ws = workspaceWith('---\nslug: syntax\nx: [🌱, *nope]\n---\n');
    assertFindingsInEveryEncoding(ws, 'syntax.md', rules, [
      { code, range: range(2, 8, 2, 13), message: 'Invalid YAML: Unresolved alias (the anchor must be set before the alias): nope' },
    ]);
  });

  it('finds nothing in valid YAML, in an unclosed frontmatter (frontmatter-unclosed reports that) or without frontmatter', () => {
    assert.deepEqual(findingsOf(workspaceWith('---\nslug: syntax\ntitle: "🌱"\n---\n').check('syntax.md', rules)), []);
    assert.deepEqual(findingsOf(workspaceWith('---\nslug: syntax\ntitle: "x\n').check('syntax.md', rules)), []);
    assert.deepEqual(findingsOf(workspaceWith('# Just Markdown: with "colons\n').check('syntax.md', rules)), []);
  });

  describe('with error positions as the parser may report them', () => {
    // Positions yaml 2.8 happens not to produce for short inputs, but may for others: the rule must
    // still give a visible range that neither splits a character nor leaves the line.
    const schema = loadPatternSchema();
    function rangesFor(text: string, pos: [number, number]): unknown[] {
      const doc = { ...parsePatternDocument('file:///workspace/syntax.md', text), yamlErrors: [{ code: 'BAD_SCALAR_START', message: 'Test error', pos } as unknown as YAMLError] };
      return checkDocument(doc, { index: new WorkspaceIndex(), schema, validator: noViolationsValidator, rules }).map((d) => d.range);
    }

    it('widens an end that falls inside an emoji to the whole emoji', () => {
      assert.deepEqual(rangesFor('---\nslug: syntax\nx: a🌱b\n---\n', [17, 18]), [range(2, 4, 2, 6)]);
    });

    it('shows a zero-width error at a line end on the line\'s last character, and at an empty line as zero-width', () => {
      assert.deepEqual(rangesFor('---\nslug: syntax\nx: a🌱\n\ny: b\n---\n', [19, 19]), [range(2, 4, 2, 6)]);
      assert.deepEqual(rangesFor('---\r\nslug: syntax\r\nx: a🌱\r\n\r\ny: b\r\n---\r\n', [20, 20]), [range(2, 4, 2, 6)]);
      assert.deepEqual(rangesFor('---\nslug: syntax\nx: a🌱\n\ny: b\n---\n', [20, 20]), [range(3, 0, 3, 0)]);
    });

    it('keeps an error past the end of the YAML inside the frontmatter', () => {
      assert.deepEqual(rangesFor('---\nslug: syntax\n---\n', [500, 501]), [range(1, 11, 1, 12)]);
    });
  });
});
