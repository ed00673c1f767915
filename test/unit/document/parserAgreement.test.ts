import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { parseFrontmatterFast } from '../../../server/src/core/workspace/fastFrontmatter';

/**
 * The full parser (package `yaml`, for open files) and the fast path (js-yaml, for indexing closed
 * files) must accept the same YAML and read the same data, or the index and the editor disagree
 * about a file. Each case is a frontmatter body; `data` is what both must read, or REJECT.
 */
const REJECT = Symbol('reject');
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const CORPUS = path.join(REPO_ROOT, '..', 'shared', 'corpus', 'commons-os-patterns', '_patterns');

interface AgreementCase {
  readonly name: string;
  readonly yaml: string;
  readonly data: unknown;
}

const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n');

const CASES: readonly AgreementCase[] = [
  { name: 'duplicate keys', yaml: 'a: 1\na: 2', data: REJECT },
  { name: 'duplicate keys, one quoted', yaml: 'a: 1\n"a": 2', data: REJECT },
  { name: 'duplicate keys in a nested flow mapping', yaml: 'a: {b: 1, b: 2}', data: REJECT },
  { name: 'tab as indentation', yaml: 'a:\n\tb: 1', data: REJECT },
  { name: 'tabs inside values', yaml: 'a: x\ty\nb: "p\tq"', data: { a: 'x\ty', b: 'p\tq' } },
  { name: 'anchors and aliases', yaml: 'a: &x {b: 1}\nc: *x\nd: &s text\ne: [*s, *s]', data: { a: { b: 1 }, c: { b: 1 }, d: 'text', e: ['text', 'text'] } },
  { name: 're-defined anchor: an alias takes the latest', yaml: 'a: &x 1\nb: *x\nc: &x 2\nd: *x', data: { a: 1, b: 1, c: 2, d: 2 } },
  { name: 'alias to an undefined anchor', yaml: 'a: *nowhere', data: REJECT },
  { name: 'alias bomb (exponential expansion)', yaml: ALIAS_BOMB, data: REJECT },
  { name: 'merge key << is a plain key (YAML 1.2)', yaml: 'base: &b {x: 1}\nc:\n  <<: *b\n  y: 2', data: { base: { x: 1 }, c: { '<<': { x: 1 }, y: 2 } } },
  { name: 'timestamps stay strings', yaml: 'last_pruned: 2026-02-17\nat: 2026-02-17T10:30:00Z\nbad: 2026-13-45', data: { last_pruned: '2026-02-17', at: '2026-02-17T10:30:00Z', bad: '2026-13-45' } },
  { name: 'yes/no/on/off stay strings; only true/false are booleans', yaml: 'a: yes\nb: no\nc: on\nd: off\ne: Yes\nf: y\ng: true\nh: False\ni: TRUE', data: { a: 'yes', b: 'no', c: 'on', d: 'off', e: 'Yes', f: 'y', g: true, h: false, i: true } },
  { name: 'integers: octal 0o, hex 0x, leading zero is decimal; no 1.1 forms', yaml: 'a: 0o17\nb: 017\nc: 0x1F\nd: +12\ne: -0\nf: 1_000\ng: 0b101\nh: -0o17\ni: 0O17\nj: 12345678901234567890', data: { a: 15, b: 17, c: 31, d: 12, e: -0, f: '1_000', g: '0b101', h: '-0o17', i: '0O17', j: 12345678901234567890 } },
  { name: 'floats, .inf and .nan', yaml: 'a: 1.5\nb: -.5\nc: +.5\nd: 1.\ne: 1e3\nf: -2.5E-2\ng: .inf\nh: -.Inf\ni: +.INF\nj: .nan\nk: .NaN\nl: 1_0.5\nm: .\nn: 1e', data: { a: 1.5, b: -0.5, c: 0.5, d: 1, e: 1000, f: -0.025, g: Infinity, h: -Infinity, i: Infinity, j: NaN, k: NaN, l: '1_0.5', m: '.', n: '1e' } },
  { name: 'null forms', yaml: 'a: ~\nb: null\nc:\nd: Null\ne: NULL\nf: nil\ng: ""', data: { a: null, b: null, c: null, d: null, e: null, f: 'nil', g: '' } },
  { name: 'two documents in the frontmatter', yaml: 'a: 1\n--- b: 2', data: REJECT },
  { name: 'a `...` line closes the frontmatter', yaml: 'a: 1\n...\nb: [unclosed', data: { a: 1 } },
  { name: 'flow collections', yaml: 'a: [1, two, {b: c}]\nd: {e: f, g: [h, "i, j"]}\nk: []\nl: {}', data: { a: [1, 'two', { b: 'c' }], d: { e: 'f', g: ['h', 'i, j'] }, k: [], l: {} } },
  { name: 'unclosed flow sequence', yaml: 'a: [1, 2\nb: 3', data: REJECT },
  { name: 'block scalars: literal, folded, keep, strip, indentation indicator', yaml: 'a: |\n  x\n   y\nb: >-\n  p\n  q\n\n  r\nc: |+\n  z\n\nd: |2\n    indented\ne: x', data: { a: 'x\n y\n', b: 'p q\nr', c: 'z\n\n', d: '  indented\n', e: 'x' } },
  { name: 'comments everywhere', yaml: '# head\na: 1 # trailing\nb: "# not a comment"\nc: x#y\n# tail', data: { a: 1, b: '# not a comment', c: 'x#y' } },
  { name: 'quoted strings with escapes', yaml: 'a: "\\u00e9\\x41\\t\\"q\\""\nb: \'it\'\'s\'\nc: "multi\n  line"', data: { a: 'éA\t"q"', b: "it's", c: 'multi line' } },
  { name: 'unterminated quote', yaml: 'a: "open\nb: 2', data: REJECT },
  { name: 'bad indentation', yaml: 'a:\n  b: 1\n c: 2', data: REJECT },
  { name: 'non-BMP text in keys and values', yaml: '🌱: "🌱 sprout"\ntitle: Grow 🌳', data: { '🌱': '🌱 sprout', title: 'Grow 🌳' } },
  { name: '__proto__ is an ordinary key', yaml: '__proto__: x\nconstructor: y', data: JSON.parse('{"__proto__":"x","constructor":"y"}') },
  { name: 'number-like keys become strings', yaml: '1: a\ntrue: b\n0x10: c', data: { '1': 'a', true: 'b', '16': 'c' } },
  { name: 'unknown tags keep the plain value', yaml: 'a: !foo bar\nb: !foo 12\nc: !foo [1, x]\nd: !foo {x: 1}', data: { a: 'bar', b: '12', c: [1, 'x'], d: { x: 1 } } },
  { name: 'YAML 1.1 tags are unknown tags', yaml: 'a: !!timestamp 2026-01-01\nb: !!binary aGVsbG8=\nc: !!set {x, y}\nd: !!omap [{x: 1}]', data: { a: '2026-01-01', b: 'aGVsbG8=', c: { x: null, y: null }, d: [{ x: 1 }] } },
  { name: 'core tags', yaml: 'a: !!str 1\nb: !!int "7"\nc: !!float 1.5\nd: !!bool True\ne: !!null ""\nf: !!map {x: 1}\ng: !!seq [1]', data: { a: '1', b: 7, c: 1.5, d: true, e: null, f: { x: 1 }, g: [1] } },
  { name: 'core tags on text they do not fit keep the text', yaml: 'a: !!int x\nb: !!float 1\nc: !!bool yes\nd: !!null x', data: { a: 'x', b: '1', c: 'yes', d: 'x' } },
  { name: 'empty frontmatter', yaml: '', data: null },
  { name: 'only comments', yaml: '# nothing here\n\n# at all', data: null },
  { name: 'a top-level scalar', yaml: 'just text', data: 'just text' },
  { name: 'a top-level list', yaml: '- a\n- b', data: ['a', 'b'] },
  { name: 'a line starting with --- inside the YAML', yaml: 'a: |\n  x\n---x', data: REJECT },
];

/** Each case as a file, in LF, CRLF, with a BOM, and a lone-CR variant where the text allows it. */
function variants(yaml: string): Array<{ name: string; text: string }> {
  const lf = `---\n${yaml}${yaml === '' ? '' : '\n'}---\n\nbody\n`;
  return [
    { name: 'LF', text: lf },
    { name: 'CRLF', text: lf.replace(/\n/g, '\r\n') },
    { name: 'BOM', text: `\ufeff${lf}` },
    { name: 'BOM+CRLF', text: `\ufeff${lf.replace(/\n/g, '\r\n')}` },
    { name: 'CR', text: lf.replace(/\n/g, '\r') },
  ];
}

function readBoth(text: string, doc = parsePatternDocument('file:///case.md', text)): { full: unknown; fast: unknown } {
  assert.ok(doc.frontmatter?.closed, 'the frontmatter is closed');
  const full = doc.yamlErrors.length === 0 ? doc.data : REJECT;
  const result = parseFrontmatterFast(text);
  const fast = result.kind === 'frontmatter' ? result.data : result.kind === 'yaml-error' ? REJECT : result.kind;
  return { full, fast };
}

describe('parser agreement: full parser (yaml) and fast path (js-yaml)', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      for (const variant of variants(testCase.yaml)) {
        const { full, fast } = readBoth(variant.text);
        assert.deepEqual(full, testCase.data, `full parser, ${variant.name}`);
        assert.deepEqual(fast, testCase.data, `fast path, ${variant.name}`);
      }
    });
  }

  it('both accept non-string keys (null, a list) though they spell them differently', () => {
    // A JS object key must be a string: yaml writes a null key as '' and a list key as "[ a, b ]",
    // js-yaml as 'null' and 'a,b'. Neither parser has an option for it; pattern keys are plain words.
    for (const yaml of ['? \n: v', '? [a, b]\n: v']) {
      const { full, fast } = readBoth(`---\n${yaml}\n---\n`);
      assert.notEqual(full, REJECT);
      assert.notEqual(fast, REJECT);
    }
  });

  it('every file of the real library reads the same both ways', (t) => {
    if (!fs.existsSync(CORPUS)) {
      const message = `parser agreement over the real library NOT RUN: ${CORPUS} is absent (see the brief: ../shared/corpus)`;
      t.diagnostic(message);
      console.warn(`WARNING: ${message}`);
      return;
    }
    const disagreements: string[] = [];
    let files = 0;
    for (const name of fs.readdirSync(CORPUS).filter((n) => n.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      files++;
      const doc = parsePatternDocument(`file:///${name}`, text);
      if (!doc.frontmatter?.closed) continue;
      const { full, fast } = readBoth(text, doc);
      try {
        assert.deepEqual(fast, full);
      } catch {
        disagreements.push(name);
      }
    }
    assert.ok(files > 3000, `expected the whole library, read ${files} files`);
    assert.deepEqual(disagreements, []);
  });
});
