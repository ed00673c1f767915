import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DocumentStore } from '../../../server/src/core/workspace/documentStore';

const URI = 'file:///lib/p.md';
const TEXT = '---\nslug: p\ntitle: "P"\n---\nBody\n';

describe('DocumentStore', () => {
  it('applies incremental changes in order and re-parses once per version', () => {
    const store = new DocumentStore();
    store.open(URI, 'markdown', 1, TEXT);
    const first = store.document(URI)!;
    assert.equal(store.document(URI), first, 'the same version is parsed once');
    assert.deepEqual(first.data, { slug: 'p', title: 'P' });

    // Replace `P"` on line 2 (characters 8-9) with `Q`, then append to the body.
    assert.equal(store.change(URI, 2, [
      { range: { start: { line: 2, character: 8 }, end: { line: 2, character: 9 } }, text: 'Q' },
      { range: { start: { line: 4, character: 4 }, end: { line: 4, character: 4 } }, text: ' text' },
    ]), true);
    const second = store.document(URI)!;
    assert.notEqual(second, first);
    assert.equal(second.version, 2);
    assert.equal(second.text, '---\nslug: p\ntitle: "Q"\n---\nBody text\n');
  });

  it('ignores changes to a document that is not open, and forgets a closed one', () => {
    const store = new DocumentStore();
    assert.equal(store.change(URI, 2, [{ text: 'x' }]), false);
    store.open(URI, 'markdown', 1, TEXT);
    assert.deepEqual([store.isOpen(URI), store.version(URI), store.uris()], [true, 1, [URI]]);
    store.close(URI);
    assert.deepEqual([store.isOpen(URI), store.document(URI), store.uris()], [false, undefined, []]);
  });
});
