import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { dependentUris, linkageChanged, linkTargetsOf, openDependents } from '../../../server/src/core/workspace/dependents';
import { summarizePattern, type PatternSummary } from '../../../server/src/core/workspace/patternSummary';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

function pattern(name: string, data: Record<string, unknown>): PatternSummary {
  return summarizePattern(`file:///lib/${name}.md`, { slug: name, ontology: {}, ...data })!;
}

/** a -> b (relationship), c -> b (inferred), d -> pat_b (by id); e and e2 both declare `e`. */
function library(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.set(pattern('a', { relationships: { enables: [{ slug: 'b' }] } }));
  index.set(pattern('b', { id: 'pat_b', relationships: { requires: ['x'] } }));
  index.set(pattern('c', { graph_garden: { inferred_links: [{ target: 'b' }] } }));
  index.set(pattern('d', { relationships: { tools: [{ id: 'pat_b' }] } }));
  index.set(pattern('e', {}));
  index.set(summarizePattern('file:///lib/e2.md', { slug: 'e', ontology: {} })!);
  return index;
}

const uri = (name: string) => `file:///lib/${name}.md`;

describe('dependentUris', () => {
  it('a changed slug: the files linking to it, by slug and by id, and the file itself', () => {
    const index = library();
    const before = index.get(uri('b'));
    const change = index.set(pattern('b', { id: 'pat_b', slug: 'b2', relationships: { requires: ['x'] } }));
    const dependents = dependentUris(index, change, linkTargetsOf(before, index.get(uri('b'))));
    assert.deepEqual([...dependents].sort(), [uri('a'), uri('b'), uri('c'), uri('d')]);
  });

  it('a new file declaring a taken slug: its duplicate-slug partners', () => {
    const index = library();
    const change = index.set(summarizePattern('file:///lib/e3.md', { slug: 'e', ontology: {} })!);
    assert.deepEqual([...dependentUris(index, change)].sort(), [uri('e'), uri('e2'), 'file:///lib/e3.md']);
  });

  it('a deleted file: the files linking to it and the files it linked to (their inverses may be missing now)', () => {
    const index = library();
    const before = index.get(uri('a'));
    const change = index.delete(uri('a'));
    assert.deepEqual([...dependentUris(index, change, linkTargetsOf(before))].sort(), [uri('b')]);
  });

  it('openDependents keeps the open ones and leaves out the updated file', () => {
    const index = library();
    const change = index.set(pattern('b', { id: 'pat_b', relationships: { requires: ['x'] } }));
    const open = new Set([uri('a'), uri('b'), uri('d')]);
    assert.deepEqual(openDependents(index, change, (u) => open.has(u), uri('b')).sort(), [uri('a'), uri('d')]);
  });
});

describe('linkageChanged', () => {
  const base = pattern('p', { id: 'pat_p', title: 'P', relationships: { enables: [{ slug: 'q', weight: 0.5 }] } });

  it('is false when only prose or weights change', () => {
    assert.equal(linkageChanged(base, pattern('p', { id: 'pat_p', title: 'Other', relationships: { enables: [{ slug: 'q', weight: 0.9 }] } })), false);
  });

  it('is true when the slug, the id, a target or a kind changes, or the file appears or goes', () => {
    assert.equal(linkageChanged(base, pattern('p2', { id: 'pat_p', relationships: { enables: [{ slug: 'q' }] } })), true);
    assert.equal(linkageChanged(base, pattern('p', { id: 'pat_other', relationships: { enables: [{ slug: 'q' }] } })), true);
    assert.equal(linkageChanged(base, pattern('p', { id: 'pat_p', relationships: { enables: [{ slug: 'r' }] } })), true);
    assert.equal(linkageChanged(base, pattern('p', { id: 'pat_p', relationships: { requires: [{ slug: 'q' }] } })), true);
    assert.equal(linkageChanged(undefined, base), true);
    assert.equal(linkageChanged(base, undefined), true);
    assert.equal(linkageChanged(undefined, undefined), false);
  });
});
