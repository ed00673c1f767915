import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { summarizeDocument } from '../../../server/src/core/workspace/summarizeDocument';

const URI = 'file:///lib/open-pattern.md';

describe('summarizeDocument (the index summary of an open document)', () => {
  it('summarizes a pattern from its parsed frontmatter, links included', () => {
    const doc = parsePatternDocument(URI, '---\nslug: renamed\nontology: {}\nrelationships:\n  enables:\n    - slug: other\n---\n', 3);
    const summary = summarizeDocument(doc)!;
    assert.deepEqual([summary.slug, summary.unparsed, summary.links.map((l) => l.target)], ['renamed', false, ['other']]);
  });

  it('keeps a file whose frontmatter does not parse (or is unclosed) indexed under its file name', () => {
    for (const text of ['---\nslug: [broken\n---\n', '---\nslug: open-ended\n']) {
      const summary = summarizeDocument(parsePatternDocument(URI, text))!;
      assert.deepEqual([summary.slug, summary.unparsed], ['open-pattern', true], text);
    }
  });

  it('is undefined for a file without frontmatter or without a slug', () => {
    assert.equal(summarizeDocument(parsePatternDocument(URI, '# Just Markdown\n')), undefined);
    assert.equal(summarizeDocument(parsePatternDocument(URI, '---\ntitle: no slug\n---\n')), undefined);
  });
});
