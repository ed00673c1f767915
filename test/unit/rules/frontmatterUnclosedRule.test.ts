import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { frontmatterUnclosedRule } from '../../../server/src/core/rules/frontmatterUnclosedRule';
import { yamlSyntaxRule } from '../../../server/src/core/rules/yamlSyntaxRule';
import { missingSectionRule } from '../../../server/src/core/rules/missingSectionRule';
import { InMemoryWorkspace, findingsOf, range } from '../helpers/ruleWorkspace';

const code = 'frontmatter-unclosed';
const message = "The frontmatter opened by '---' is never closed; add a '---' line after the last YAML line";

describe('frontmatter-unclosed', () => {
  it('reports the opening fence when no fence closes it, and only that', () => {
    const text = '---\nslug: unclosed\ntitle: "🌱 Unclosed"\n\n### Section 1: Context\nText.\n';
    for (const [name, variant, start] of [['LF', text, 0], ['CRLF', text.replace(/\n/g, '\r\n'), 0], ['BOM', `\uFEFF${text}`, 1]] as const) {
      const ws = new InMemoryWorkspace({ 'unclosed.md': variant });
      const diagnostics = ws.check('unclosed.md', [yamlSyntaxRule, frontmatterUnclosedRule, missingSectionRule]);
      assert.deepEqual(findingsOf(diagnostics), [{ code, range: range(0, start, 0, start + 3), message }], name);
      assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    }
  });

  it('covers trailing spaces on the opening fence', () => {
    const ws = new InMemoryWorkspace({ 'unclosed.md': '---  \nslug: unclosed\n' });
    assert.deepEqual(findingsOf(ws.check('unclosed.md', [frontmatterUnclosedRule])), [{ code, range: range(0, 0, 0, 5), message }]);
  });

  it('finds nothing when the frontmatter is closed by --- or ..., or when there is none', () => {
    for (const text of ['---\nslug: closed\n---\nBody\n', '---\nslug: closed\n...\nBody\n', 'No frontmatter\n---\n', '']) {
      const ws = new InMemoryWorkspace({ 'closed.md': text });
      assert.deepEqual(findingsOf(ws.check('closed.md', [frontmatterUnclosedRule])), [], JSON.stringify(text));
    }
  });
});
