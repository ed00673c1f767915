import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { compactNestingOffset } from '../../../server/src/core/document/yamlNesting';

/**
 * compactNestingOffset looks only at lines long enough to open more than `limit` collections; the
 * line search must find them whatever ends the lines (LF, CRLF, a lone CR) and wherever they are.
 */
describe('compactNestingOffset', () => {
  const limit = 3;
  const deep = '- - - - x'; // four sequences opened on one line: the fourth `-` (offset 6) is past the limit

  for (const [name, br] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`finds the indicator past the limit on a first, middle or last line (${name})`, () => {
      assert.equal(compactNestingOffset(deep, limit), 6);
      const before = `a: 1${br}b: 2${br}`;
      assert.equal(compactNestingOffset(`${before}${deep}${br}c: 3`, limit), before.length + 6);
      assert.equal(compactNestingOffset(`${before}${deep}`, limit), before.length + 6);
    });

    it(`says -1 when no line is long enough or none opens too many (${name})`, () => {
      assert.equal(compactNestingOffset(`a: 1${br}- - - x${br}b: 2`, limit), -1);
      assert.equal(compactNestingOffset(`key: a long plain value${br}b: 2`, limit), -1);
      assert.equal(compactNestingOffset('', limit), -1);
    });
  }

  it('splits a long LF line at lone CRs: short pieces are not long lines, a long piece after them is', () => {
    assert.equal(compactNestingOffset('- -\r- -\r- -\n', limit), -1);
    const head = 'a: 1\rb: 2\r';
    assert.equal(compactNestingOffset(`${head}${deep}\nc: 3`, limit), head.length + 6);
  });

  it('goes on past a long line that opens few collections to a later one that opens too many', () => {
    const long = 'title: a value longer than seven characters';
    assert.equal(compactNestingOffset(`${long}\n${deep}\n`, limit), long.length + 1 + 6);
  });
});
