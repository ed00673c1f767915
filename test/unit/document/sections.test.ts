import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { countWords, findSections } from '../../../server/src/core/document/sections';

describe('findSections', () => {
  it('finds each `### Section N: Name` heading with its offsets and content', () => {
    const text = 'intro\n### Section 1: Context\nSome text.\n### Section 2: Problem ###\nMore.\n';
    const sections = findSections(text, 0);
    assert.deepEqual(sections, [
      { number: 1, name: 'Context', headingStart: 6, headingEnd: 28, contentStart: 29, contentEnd: 40, canonical: true },
      { number: 2, name: 'Problem', headingStart: 40, headingEnd: 66, contentStart: 67, contentEnd: text.length, canonical: true },
    ]);
    assert.equal(text.slice(sections[0].contentStart, sections[0].contentEnd), 'Some text.\n');
  });

  it('accepts `.`, `-`, en and em dashes or nothing after the number, and up to three spaces of indent', () => {
    const text = ['### Section 1. Context', '   ### Section 2 – Problem', '### Section 3 — Solution', '### Section 4 Forces', '    ### Section 5: Indented code'].join('\n');
    assert.deepEqual(findSections(text, 0).map((s) => [s.number, s.name]), [[1, 'Context'], [2, 'Problem'], [3, 'Solution'], [4, 'Forces']]);
  });

  it('ignores headings inside ``` and ~~~ fences, and a fence closes only with its own kind', () => {
    const text = [
      '### Section 1: Context',
      '```markdown',
      '### Section 2: Not a heading (backticks)',
      '~~~',
      '### Section 3: Still code: a tilde fence does not close a backtick fence',
      '```',
      '~~~~',
      '### Section 4: Not a heading (tildes)',
      '~~~',
      '### Section 5: Still code: three tildes do not close four',
      '~~~~',
      '### Section 6: Solution',
    ].join('\r\n');
    assert.deepEqual(findSections(text, 0).map((s) => [s.number, s.name]), [[1, 'Context'], [6, 'Solution']]);
  });

  it('ignores everything after a fence that never closes', () => {
    const text = '### Section 1: Context\n```\n### Section 2: Problem\n';
    assert.deepEqual(findSections(text, 0).map((s) => s.number), [1]);
  });

  it('starts at bodyStart, so frontmatter lines are not read', () => {
    const text = '---\ntitle: "### Section 9: x"\n---\n### Section 1: Context\n';
    const bodyStart = text.indexOf('### Section 1');
    assert.deepEqual(findSections(text, bodyStart).map((s) => [s.number, s.headingStart]), [[1, bodyStart]]);
  });

  it('splits at CRLF without keeping the CR in the name or the heading range', () => {
    const text = '### Section 7: Related Patterns\r\nbody\r\n';
    assert.deepEqual(findSections(text, 0), [{ number: 7, name: 'Related Patterns', headingStart: 0, headingEnd: 31, contentStart: 33, contentEnd: text.length, canonical: true }]);
  });
});

describe('countWords', () => {
  it('counts words with letters or digits, not punctuation-only tokens', () => {
    assert.equal(countWords('One two — three, 4 | -- 🌱 x'), 5);
  });

  it('skips horizontal rules and the `*(100–200 words)*` hint', () => {
    assert.equal(countWords('*(100–200 words)*\n---\n***\nReal words here.\n___'), 3);
  });

  it('splits lines at LF, CRLF and a lone CR', () => {
    assert.equal(countWords('a\r\nb\rc\nd'), 4);
  });

  it('counts non-Latin words', () => {
    assert.equal(countWords('Gemeinschaft größer 共同体 مجتمع'), 4);
  });

  it('gives 0 for empty or whitespace-only text', () => {
    assert.equal(countWords(''), 0);
    assert.equal(countWords(' \n\t\n'), 0);
  });
});

it('a near-miss heading (### 1. Context) is found and marked non-canonical', () => {
  const text = '---\nslug: a\n---\n### 1. Context\ntext\n### Section 2: Problem\n';
  const sections = findSections(text, text.indexOf('###'));
  assert.deepEqual(sections.map((s) => [s.number, s.name, s.canonical]), [[1, 'Context', false], [2, 'Problem', true]]);
});

/** The same search, reading every line with a plain split: the reference findSections must agree with. */
function sectionsLineByLine(text: string, bodyStart: number) {
  const found: Array<{ number: number; name: string; headingStart: number; headingEnd: number; contentStart: number; canonical: boolean }> = [];
  let fence: string | undefined;
  const lineBreak = /\r\n|\n|\r/g;
  for (let pos = bodyStart; pos < text.length;) {
    lineBreak.lastIndex = pos;
    const br = lineBreak.exec(text);
    const end = br ? br.index : text.length;
    const next = br ? br.index + br[0].length : text.length;
    const line = text.slice(pos, end);
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && line.trim() === fenceMark) fence = undefined;
    } else if (fenceMark) {
      fence = fenceMark;
    } else {
      const canonical = /^ {0,3}###[ \t]+Section[ \t]+(\d+)[ \t]*[:.\-–—]?[ \t]*(.*?)[ \t#]*$/.exec(line);
      const m = canonical ?? /^ {0,3}###[ \t]+(\d+)[ \t]*[.:][ \t]*(\S.*?)[ \t#]*$/.exec(line);
      if (m) found.push({ number: Number(m[1]), name: m[2].trim(), headingStart: pos, headingEnd: end, contentStart: next, canonical: canonical !== null });
    }
    if (!br) break;
    pos = next;
  }
  return found.map((s, i) => ({ ...s, contentEnd: i + 1 < found.length ? found[i + 1].headingStart : text.length }));
}

it('agrees with reading every line, for any mix of LF, CRLF and lone CR, fences and near-miss headings', () => {
  const piece = fc.constantFrom('### Section 1: Context', '### Section 2: Problem ##', '    ### Section 3: x', '   ### 4. Near', '###Section 5', '```', '~~~~', ' ```js', '````', 'text', '', ' ', '#', '`', '~', '  ~~~');
  const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
  const body = fc.array(fc.tuple(piece, lineBreak), { maxLength: 30 }).map((lines) => lines.map(([l, b]) => l + b).join(''));
  fc.assert(fc.property(body, fc.boolean(), fc.nat(), (text, dropLastBreak, start) => {
    const full = dropLastBreak ? text.replace(/(\r\n|\n|\r)$/, '') : text;
    // A body starts at a line start: 0, or just after one of the text's line breaks.
    const starts = [0, ...[...full.matchAll(/\r\n|\n|\r/g)].map((m) => m.index + m[0].length)];
    const bodyStart = starts[start % starts.length];
    assert.deepEqual(findSections(full, bodyStart), sectionsLineByLine(full, bodyStart));
  }), { numRuns: 3000, seed: 7 });
});
