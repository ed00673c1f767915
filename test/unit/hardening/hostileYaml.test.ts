import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { performance } from 'perf_hooks';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_FRONTMATTER_LENGTH, parsePatternDocument, tooLargeMessage } from '../../../server/src/core/document/patternDocument';
import { MAX_YAML_NESTING, TOO_DEEP_MESSAGE } from '../../../server/src/core/document/yamlNesting';
import { MAX_FINDINGS_PER_RULE } from '../../../server/src/core/rules/checkDocument';
import { parseFrontmatterFast } from '../../../server/src/core/workspace/fastFrontmatter';
import { runEveryFeature } from './everyFeature';
import { createHardeningWorkspace, readHardeningFixtures } from './hardeningWorkspace';

/**
 * Hostile YAML through the core: both parsers (the full one for open files, the fast path for the
 * index) and every feature. Each gives a clear finding or reads the file, and never throws, overflows
 * the stack or hangs. The time bound only detects hangs (the benchmark measures speed).
 */
const HOSTILE_BOUND_MS = 30_000;

const ws = createHardeningWorkspace(readHardeningFixtures());

/** Every feature on the text (as hostile.md) at its start, middle and end; returns its diagnostics. */
function throughEveryFeature(text: string): Diagnostic[] {
  const doc = ws.put('hostile.md', text);
  try {
    const run = runEveryFeature(ws, doc, [0, text.length >> 1, text.length]);
    assert.deepEqual(run.problems, []);
    assert.ok(run.elapsedMs < HOSTILE_BOUND_MS, `every feature took ${Math.round(run.elapsedMs)} ms`);
    return run.diagnostics;
  } finally {
    ws.remove('hostile.md');
  }
}

function shapeOf(d: Diagnostic): string {
  return `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = f();
  return { value, ms: performance.now() - started };
}

/** "Billion laughs": nine levels of nine aliases each, 9^9 (387 million) strings once expanded. */
function aliasBomb(levels: number): string {
  const names = 'abcdefghi';
  const lines = ['---', 'slug: bomb', `a: &a [${Array(levels).fill('"lol"').join(',')}]`];
  for (let level = 1; level < levels; level++) lines.push(`${names[level]}: &${names[level]} [${Array(levels).fill(`*${names[level - 1]}`).join(',')}]`);
  return [...lines, '---', ''].join('\n');
}

describe('hostile YAML', () => {
  it('billion laughs: the full parser stops at maxAliasCount with a yaml-syntax error; the fast path does not expand it', () => {
    const text = aliasBomb(9);
    assert.deepEqual(throughEveryFeature(text).map(shapeOf), ['yaml-syntax 1:0-1:4 Invalid YAML: Excessive alias count indicates a resource exhaustion attack']);
    assert.equal(parsePatternDocument('file:///workspace/bomb.md', text).data, undefined);
    const fast = timed(() => parseFrontmatterFast(text));
    assert.deepEqual(fast.value, { kind: 'yaml-error', message: 'Excessive alias count indicates a resource exhaustion attack' });
    assert.ok(fast.ms < HOSTILE_BOUND_MS);
  });

  it('a few aliases below the limit are still read, in both parsers', () => {
    const text = aliasBomb(3);
    const expected = { slug: 'bomb', a: ['lol', 'lol', 'lol'], b: Array(3).fill(['lol', 'lol', 'lol']), c: Array(3).fill(Array(3).fill(['lol', 'lol', 'lol'])) };
    assert.deepEqual(parsePatternDocument('file:///workspace/bomb.md', text).data, expected);
    assert.deepEqual(parseFrontmatterFast(text), { kind: 'frontmatter', data: expected });
  });

  it('flow collections nested 10,000 deep: a yaml-syntax finding, no stack overflow, in both parsers', () => {
    const sequences = `---\nslug: deep\nnested: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n`;
    const mappings = `---\nslug: deep\nnested: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n---\n`;
    for (const text of [sequences, mappings]) {
      // The parser overflows its stack somewhere past 500 levels and cannot say where: the first YAML character.
      assert.deepEqual(throughEveryFeature(text).map(shapeOf), [`yaml-syntax 1:0-1:1 Invalid YAML: ${TOO_DEEP_MESSAGE}`]);
      assert.deepEqual(parseFrontmatterFast(text), { kind: 'yaml-error', message: TOO_DEEP_MESSAGE });
    }
  });

  it('block collections opened 10,000 deep on one line are refused before parsing, at the indicator past the limit', () => {
    // package yaml's lexer is quadratic here (5,000 levels took 4 s) and `? ` keys worse (500 levels: 90 s).
    const cases = [
      { text: `---\nslug: deep\nlist:\n  ${'- '.repeat(10_000)}x\n---\n`, at: '3:202-3:203' },
      { text: `---\nslug: deep\nkeys:\n  ${'? '.repeat(500)}x\n---\n`, at: '3:202-3:203' },
      { text: `---\nslug: deep\nmixed: ${'- &a !t ? '.repeat(2_000)}x\n---\n`, at: '2:505-2:506' },
    ];
    for (const { text, at } of cases) {
      const { value, ms } = timed(() => throughEveryFeature(text));
      assert.deepEqual(value.map(shapeOf), [`yaml-syntax ${at} Invalid YAML: ${TOO_DEEP_MESSAGE}`]);
      assert.deepEqual(parseFrontmatterFast(text), { kind: 'yaml-error', message: TOO_DEEP_MESSAGE });
      assert.ok(ms < HOSTILE_BOUND_MS);
    }
  });

  it(`nesting at the limit: ${MAX_YAML_NESTING} levels are read, one more is refused at the collection past the limit, in both parsers`, () => {
    const flow = (depth: number) => `---\nslug: deep\nnested: ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}\n---\n`;
    const block = (depth: number) => `---\nslug: deep\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} end\n---\n`;
    for (const text of [flow(MAX_YAML_NESTING), block(MAX_YAML_NESTING)]) {
      assert.deepEqual(throughEveryFeature(text).filter((d) => d.code === 'yaml-syntax'), []);
      assert.equal(parseFrontmatterFast(text).kind, 'frontmatter');
    }
    // The root mapping is level 1; `nested: [` opens level 2, so the 100th `[` opens level 101.
    assert.deepEqual(throughEveryFeature(flow(MAX_YAML_NESTING + 1)).map(shapeOf), [`yaml-syntax 2:107-2:108 Invalid YAML: ${TOO_DEEP_MESSAGE}`]);
    // The root mapping (line 1) is level 1; line n + 1, `k:` indented n - 1, opens level n: level 101 on line 102.
    assert.deepEqual(throughEveryFeature(block(MAX_YAML_NESTING + 1)).map(shapeOf), [`yaml-syntax 102:100-102:101 Invalid YAML: ${TOO_DEEP_MESSAGE}`]);
    for (const text of [flow(MAX_YAML_NESTING + 1), block(MAX_YAML_NESTING + 1)]) assert.deepEqual(parseFrontmatterFast(text), { kind: 'yaml-error', message: TOO_DEEP_MESSAGE });
  });

  it('a frontmatter of 100,000 lines is read in full: every unknown key found (the first 500 findings shown), and a duplicate key at its second occurrence', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `note_${i}: "line ${i} of a generated frontmatter"`);
    const text = `---\nslug: long\n${keys.join('\n')}\n---\n`;
    const schema = throughEveryFeature(text).filter((d) => d.code === 'schema');
    // 3 missing required keys and 100,000 unknown keys: MAX_FINDINGS_PER_RULE shown, the rest summed up.
    assert.equal(schema.length, MAX_FINDINGS_PER_RULE + 1);
    const unknown = schema.filter((d) => d.message.startsWith('Unknown key'));
    assert.equal(unknown.length, MAX_FINDINGS_PER_RULE - 3);
    assert.match(shapeOf(unknown[0]), /^schema 2:0-2:6 Unknown key 'note_0' in the top level; /);
    assert.match(shapeOf(unknown[unknown.length - 1]), /^schema 498:0-498:8 Unknown key 'note_496' in the top level; /);
    assert.deepEqual(schema.filter((d) => d.message.includes('not shown')).map(shapeOf), [
      `schema 498:0-498:8 ${100_003 - MAX_FINDINGS_PER_RULE} more 'schema' problems in this file are not shown (at most ${MAX_FINDINGS_PER_RULE} a rule)`,
    ]);
    const fast = parseFrontmatterFast(text);
    assert.equal(fast.kind === 'frontmatter' && Object.keys(fast.data as object).length, 100_001);

    const duplicated = text.replace('note_99998:', 'note_7:');
    assert.deepEqual(throughEveryFeature(duplicated).map(shapeOf), ['yaml-syntax 100000:0-100000:6 Invalid YAML: Map keys must be unique']);
    assert.equal(parseFrontmatterFast(duplicated).kind, 'yaml-error');
  });

  it(`a frontmatter over ${MAX_FRONTMATTER_LENGTH.toLocaleString('en-US')} characters is not parsed: one finding, and the body is still analysed`, () => {
    const line = 'filler: "a frontmatter line of fifty characters"\n';
    const yaml = `slug: huge\n${line.repeat(Math.ceil(MAX_FRONTMATTER_LENGTH / line.length))}`;
    const text = `---\n${yaml}---\n\n### Section 1: Context\n\nText.\n`;
    const doc = parsePatternDocument('file:///workspace/huge.md', text);
    assert.equal(doc.data, undefined);
    assert.deepEqual(doc.sections.map((s) => s.name), ['Context']);
    // Not parsed, so no token to widen the finding to: the first character of the YAML.
    assert.deepEqual(throughEveryFeature(text).map(shapeOf), [`yaml-syntax 1:0-1:1 Invalid YAML: ${tooLargeMessage(yaml.length)}`]);
    assert.deepEqual(parseFrontmatterFast(text), { kind: 'yaml-error', message: tooLargeMessage(yaml.length) });
  });

  it('a 10 MB file (a real pattern with 10 MB of prose in a section) is analysed in full', () => {
    const fixture = readHardeningFixtures()['emotional-safety.md'];
    const prose = `${'Safety grows where people are heard, and that takes time. '.repeat(16)}\n\n`;
    const text = fixture.replace('### Section 2:', `${prose.repeat(Math.ceil(10_485_760 / prose.length))}### Section 2:`);
    assert.ok(text.length > 10_485_760);
    const small = throughEveryFeature(fixture).map(shapeOf);
    // The same findings as the file without the prose, on the same lines up to Section 2.
    const large = throughEveryFeature(text).map(shapeOf);
    assert.equal(large.length, small.length);
    assert.deepEqual(parsePatternDocument('file:///workspace/big.md', text).sections.map((s) => s.number), parsePatternDocument('file:///workspace/small.md', fixture).sections.map((s) => s.number));
  });

  it('NUL bytes and invalid UTF-8 (decoded to U+FFFD) in the frontmatter and the body', () => {
    const bytes = Buffer.concat([
      Buffer.from('---\nslug: nul\ntitle: "NUL '), Buffer.from([0x00, 0xff, 0xc3]), Buffer.from('"\nsummary: '),
      Buffer.from([0xe2, 0x82]), Buffer.from('\n---\n\n### Section 1: Context\n\nText '), Buffer.from([0x00, 0x80, 0xf0, 0x9f]), Buffer.from('\n'),
    ]);
    const text = bytes.toString('utf8');
    assert.ok(text.includes('NUL \u0000\uFFFD\uFFFD"'), 'a lone byte and a cut two-byte sequence decode to U+FFFD');
    const doc = parsePatternDocument('file:///workspace/nul.md', text);
    assert.deepEqual(doc.yamlErrors, []);
    assert.equal((doc.data as { title: string }).title, 'NUL \u0000\uFFFD\uFFFD');
    const diagnostics = throughEveryFeature(text);
    assert.ok(diagnostics.every((d) => d.code !== 'yaml-syntax'), diagnostics.map(shapeOf).join('\n'));
  });

  it('degenerate files: empty, only a BOM, only `---` (LF, CRLF, none), an empty frontmatter', () => {
    const cases: Array<[string, string[]]> = [
      ['', []],
      ['\uFEFF', []],
      ['---', ['frontmatter-unclosed 0:0-0:3 The frontmatter opened by \'---\' is never closed; add a \'---\' line after the last YAML line']],
      ['---\n', ['frontmatter-unclosed 0:0-0:3 The frontmatter opened by \'---\' is never closed; add a \'---\' line after the last YAML line']],
      ['\uFEFF---\r\n', ['frontmatter-unclosed 0:1-0:4 The frontmatter opened by \'---\' is never closed; add a \'---\' line after the last YAML line']],
      ['---\n---', []],
      ['---\r\n---\r\n', []],
      ['---\n...\n', []],
      ['\n---\n', []],
    ];
    for (const [text, expected] of cases) assert.deepEqual(throughEveryFeature(text).map(shapeOf), expected, JSON.stringify(text));
  });
});
