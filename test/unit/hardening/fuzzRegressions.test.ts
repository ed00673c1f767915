import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { performance } from 'perf_hooks';
import { LineIndex } from '../../../server/src/core/document/lineIndex';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { provideDocumentSymbols } from '../../../server/src/core/features/documentSymbols';
import { allRules } from '../../../server/src/core/rules/allRules';
import { checkDocument } from '../../../server/src/core/rules/checkDocument';
import { createHardeningWorkspace } from './hardeningWorkspace';
import { RangeAudit } from './rangeChecks';

/**
 * The counterexamples the fuzz tests found, pinned with exact positions, so that each fix stays.
 */

const ws = createHardeningWorkspace();

function syntaxFindings(text: string): string[] {
  const doc = parsePatternDocument('file:///workspace/fuzz.md', text);
  return checkDocument(doc, { index: ws.ctx.index, schema: ws.ctx.schema, validator: ws.ctx.validator, rules: allRules })
    .filter((d) => d.code === 'yaml-syntax')
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
}

describe('fuzz counterexamples', () => {
  it('a duplicate key after an empty value is reported on the repeated key, in LF and in CRLF (it was on the CR of the line before, past the line end)', () => {
    const lf = '---\nslug: fuzz\nclassification:\nclassification:\n---\n';
    const expected = ['3:0-3:14 Invalid YAML: Map keys must be unique'];
    assert.deepEqual(syntaxFindings(lf), expected);
    assert.deepEqual(syntaxFindings(lf.replace(/\n/g, '\r\n')), expected);
    assert.deepEqual(syntaxFindings(`\uFEFF${lf.replace(/\n/g, '\r\n')}`), ['3:0-3:14 Invalid YAML: Map keys must be unique']);
  });

  it('a duplicate key in a flow mapping and a quoted duplicate are still found (the check is linear now)', () => {
    assert.deepEqual(syntaxFindings('---\nslug: x\ntags: {a: 1, b: 2, a: 3}\n---\n'), ['2:19-2:20 Invalid YAML: Map keys must be unique']);
    assert.deepEqual(syntaxFindings('---\nslug: x\na: 1\n"a": 2\n---\n'), ['3:0-3:3 Invalid YAML: Map keys must be unique']);
    assert.deepEqual(syntaxFindings('---\nslug: x\n1: a\n"1": b\n---\n'), [], 'the number 1 and the string "1" are different keys');
  });

  it('duplicate keys: 20,000 keys are checked in linear time (package yaml\'s own check took 5 s)', () => {
    const yaml = Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n');
    const started = performance.now();
    const doc = parsePatternDocument('file:///workspace/many.md', `---\nslug: many\n${yaml}\nk7: again\n---\n`);
    // Reported at the repeated `k7` (offsets in the YAML text, after `slug: many` and the 20,000 lines).
    const at = 'slug: many\n'.length + yaml.length + 1;
    assert.deepEqual(doc.yamlErrors.map((e) => [e.code, e.pos]), [['DUPLICATE_KEY', [at, at + 1]]]);
    assert.equal(doc.text.slice(doc.frontmatter!.yamlStart + at).slice(0, 9), 'k7: again');
    // Only a hang detector: the quadratic check needed seconds here, the linear one milliseconds.
    assert.ok(performance.now() - started < 10_000);
  });

  it('a YAML node that ends between CR and LF gives a range that ends at the line end (document symbols were past it)', () => {
    const text = '---\r\nslug: fuzz\r\n~.generalizes_from: [- }%YAML 1.2\r\n:\r\n---\r\n';
    const doc = parsePatternDocument('file:///workspace/fuzz.md', text);
    const audit = new RangeAudit(doc.uri, () => text);
    audit.walk('documentSymbols', provideDocumentSymbols(ws.ctx, doc));
    assert.deepEqual(audit.problems, []);
    const lines = new LineIndex('ab\r\ncd');
    assert.deepEqual(lines.rangeOf(3, 3), { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } });
    assert.deepEqual(lines.rangeOf(0, 3), { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    assert.deepEqual(lines.rangeOf(2, 4), { start: { line: 0, character: 2 }, end: { line: 1, character: 0 } });
  });
});
