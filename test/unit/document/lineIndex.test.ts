import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/document/lineIndex';

describe('LineIndex', () => {
  it('splits lines at LF, CRLF and a lone CR, as LSP does', () => {
    const lines = new LineIndex('a\nbc\r\nd\re');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineText(l)), ['a', 'bc', 'd', 'e']);
    assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineStart(l)), [0, 2, 6, 8]);
    assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineEnd(l)), [1, 4, 7, 9]);
  });

  it('counts CR CR LF as two line breaks (a lone CR, then CRLF)', () => {
    const lines = new LineIndex('a\r\r\nb');
    assert.equal(lines.lineCount, 3);
    assert.deepEqual(lines.positionAt(4), { line: 2, character: 0 });
    assert.equal(lines.lineText(1), '');
  });

  it('maps offsets inside a CRLF break to the end of the line it ends', () => {
    const lines = new LineIndex('ab\r\ncd\r\n');
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 3 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(8), { line: 2, character: 0 });
    assert.equal(lines.lineCount, 3);
  });

  it('counts characters in UTF-16 code units: an emoji outside the BMP is two', () => {
    const text = 'title: "🌱 x"\nnext';
    const lines = new LineIndex(text);
    const x = text.indexOf('x');
    assert.equal(x, 11);
    assert.deepEqual(lines.positionAt(x), { line: 0, character: 11 });
    assert.deepEqual(lines.rangeOf(text.indexOf('🌱'), x), { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } });
    assert.equal(lines.offsetAt({ line: 1, character: 2 }), 16);
    assert.equal(lines.lineEnd(0), 13);
  });

  it('clamps positions and offsets outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.offsetAt({ line: -1, character: 3 }), 0);
    assert.equal(lines.offsetAt({ line: 7, character: 0 }), 5);
    assert.equal(lines.offsetAt({ line: 1, character: -4 }), 3);
  });

  it('round-trips every offset of a mixed text through positions', () => {
    const text = '\ufeff---\r\n🌱: "é"\r\r\nx\n';
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const isInsideBreak = text[offset - 1] === '\r' && text[offset] === '\n';
      if (!isInsideBreak) assert.equal(lines.offsetAt(lines.positionAt(offset)), offset, `offset ${offset}`);
    }
  });
});
