import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { nextLineBreak, splitFrontmatter } from '../../../server/src/core/document/frontmatter';

describe('splitFrontmatter', () => {
  it('finds the fences, the YAML and the body of an LF file', () => {
    const text = '---\na: 1\n---\nbody\n';
    assert.deepEqual(splitFrontmatter(text), {
      bomLength: 0, openStart: 0, openEnd: 3, yamlStart: 4, yamlEnd: 9,
      closeStart: 9, closeEnd: 12, bodyStart: 13, closed: true,
    });
  });

  it('skips a byte-order mark before the opening fence', () => {
    const text = '\ufeff---\na: 1\n---\nbody';
    const split = splitFrontmatter(text)!;
    assert.deepEqual(split, {
      bomLength: 1, openStart: 1, openEnd: 4, yamlStart: 5, yamlEnd: 10,
      closeStart: 10, closeEnd: 13, bodyStart: 14, closed: true,
    });
    assert.equal(text.slice(split.yamlStart, split.yamlEnd), 'a: 1\n');
    assert.equal(text.slice(split.bodyStart), 'body');
  });

  it('handles CRLF: fences end before the CR, the body starts after the LF', () => {
    const text = '---\r\na: 1\r\n---\r\nbody';
    const split = splitFrontmatter(text)!;
    assert.deepEqual(split, {
      bomLength: 0, openStart: 0, openEnd: 3, yamlStart: 5, yamlEnd: 11,
      closeStart: 11, closeEnd: 14, bodyStart: 16, closed: true,
    });
    assert.equal(text.slice(split.bodyStart), 'body');
  });

  it('handles a lone CR as a line break', () => {
    const split = splitFrontmatter('---\ra: 1\r---\rbody')!;
    assert.deepEqual([split.yamlStart, split.yamlEnd, split.closeStart, split.bodyStart, split.closed], [4, 9, 9, 13, true]);
  });

  it('accepts `...` as the closing fence and trailing blanks on fences', () => {
    const text = '--- \t\na: 1\n...  \nbody';
    const split = splitFrontmatter(text)!;
    assert.deepEqual([split.openEnd, split.yamlStart, split.yamlEnd, split.closeStart, split.closeEnd, split.bodyStart], [5, 6, 11, 11, 16, 17]);
    assert.equal(split.closed, true);
  });

  it('reports an unclosed frontmatter: the YAML and the file end together, no body', () => {
    const text = '---\na: 1\nb: 2\n';
    assert.deepEqual(splitFrontmatter(text), {
      bomLength: 0, openStart: 0, openEnd: 3, yamlStart: 4, yamlEnd: text.length,
      closeStart: undefined, closeEnd: undefined, bodyStart: text.length, closed: false,
    });
  });

  it('does not close on a line that only starts with ---', () => {
    const split = splitFrontmatter('---\na: 1\n---x\n----\n')!;
    assert.equal(split.closed, false);
  });

  it('finds no frontmatter unless the first line is a fence', () => {
    assert.equal(splitFrontmatter(''), undefined);
    assert.equal(splitFrontmatter('# Title\n---\na: 1\n---\n'), undefined);
    assert.equal(splitFrontmatter(' ---\na: 1\n---\n'), undefined);
    assert.equal(splitFrontmatter('----\na: 1\n---\n'), undefined);
    assert.equal(splitFrontmatter('\n---\na: 1\n---\n'), undefined);
  });

  it('reads a file of only `---` as an unclosed, empty frontmatter', () => {
    assert.deepEqual(splitFrontmatter('---'), {
      bomLength: 0, openStart: 0, openEnd: 3, yamlStart: 3, yamlEnd: 3,
      closeStart: undefined, closeEnd: undefined, bodyStart: 3, closed: false,
    });
    assert.deepEqual(splitFrontmatter('---\n'), {
      bomLength: 0, openStart: 0, openEnd: 3, yamlStart: 4, yamlEnd: 4,
      closeStart: undefined, closeEnd: undefined, bodyStart: 4, closed: false,
    });
  });

  it('reads `---` twice as a closed, empty frontmatter', () => {
    assert.deepEqual(splitFrontmatter('---\n---'), {
      bomLength: 0, openStart: 0, openEnd: 3, yamlStart: 4, yamlEnd: 4,
      closeStart: 4, closeEnd: 7, bodyStart: 7, closed: true,
    });
  });
});

/** The closing fence found by walking every line: what splitFrontmatter's search must agree with. */
function closingFenceByLines(text: string, yamlStart: number): { start: number; end: number; next: number } | undefined {
  for (let pos = yamlStart; pos < text.length; ) {
    const br = nextLineBreak(text, pos);
    if (/^(---|\.\.\.)[ \t]*$/.test(text.slice(pos, br.at))) return { start: pos, end: br.at, next: br.next };
    pos = br.next;
  }
  return undefined;
}

describe('splitFrontmatter: the closing fence', () => {
  it('is the first line that is only `---` or `...` (and blanks), whatever breaks the lines and whatever else holds dashes or dots', () => {
    const piece = fc.constantFrom('---', '...', '--', '..', '-', '.', '\n', '\r', '\r\n', ' ', '\t', 'a', 'key: v', 'x---', '....', '----');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (pieces, br) => {
      const text = `---${br}${pieces.join('')}`;
      const split = splitFrontmatter(text)!;
      const expected = closingFenceByLines(text, split.yamlStart);
      assert.deepEqual(
        split.closed ? { start: split.closeStart, end: split.closeEnd, next: split.bodyStart } : undefined,
        expected,
        JSON.stringify(text),
      );
    }), { numRuns: 3000, seed: 7 });
  });

  it('finds the fence after a line of 200,000 dots (each line is walked once, so this stays linear)', () => {
    const text = `---\nsummary: ${'.'.repeat(200_000)}\n...\nbody`;
    assert.deepEqual(splitFrontmatter(text)?.closeStart, text.indexOf('\n...\n') + 1);
  });
});

describe('nextLineBreak', () => {
  it('returns the break and the offset after it for LF, CRLF, lone CR and the end', () => {
    assert.deepEqual(nextLineBreak('ab\ncd', 0), { at: 2, next: 3 });
    assert.deepEqual(nextLineBreak('ab\r\ncd', 1), { at: 2, next: 4 });
    assert.deepEqual(nextLineBreak('ab\rcd', 0), { at: 2, next: 3 });
    assert.deepEqual(nextLineBreak('ab\ncd', 3), { at: 5, next: 5 });
  });
});
