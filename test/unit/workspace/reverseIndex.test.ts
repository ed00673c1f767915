import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { PatternSummary, SummaryLink } from '../../../server/src/core/workspace/patternSummary';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

// The reverse maps (backlinks, domains) are built on the first question and kept in step from then
// on: whenever they are first asked, they must answer what an index built from scratch answers.

function summary(name: string, links: Array<[SummaryLink['source'], string, string]>, domain?: string, crossDomains: string[] = []): PatternSummary {
  return {
    uri: `file:///lib/${name}.md`, slug: name, id: undefined, title: undefined, summary: undefined, aliases: [],
    domain, crossDomains, commonsDomain: [], contextLabels: {}, overallScore: undefined, vitality: undefined, format: 'v7.1',
    links: links.map(([source, kind, target]) => ({ source, kind, target, weight: undefined })),
    unparsed: false,
  };
}

const a = summary('a', [['relationship', 'enables', 'b'], ['inferred', 'related', 'c'], ['relationship', 'requires', 'b']], 'care', ['health']);
const b = summary('b', [['relationship', 'enables', 'c']], 'care');
const c = summary('c', [], 'land');
const aEdited = summary('a', [['relationship', 'enables', 'c']], 'land', ['care']);

/** Everything the reverse maps answer, in a form independent of the order files joined in. */
function reverseAnswers(index: WorkspaceIndex) {
  const targets = ['a', 'b', 'c', 'missing'];
  return {
    backlinks: targets.map((t) => index.backlinks(t).map((l) => `${l.fromUri} ${l.link.kind} ${l.link.target}`).sort()),
    linking: targets.map((t) => index.linkingFiles(t).sort()),
    domains: index.domains(),
  };
}

function fresh(...summaries: PatternSummary[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  summaries.forEach((s) => index.set(s));
  return index;
}

test('backlinks and domains are the same whether first asked before or after files change', () => {
  const askedEarly = fresh(a, b, c);
  const before = reverseAnswers(askedEarly);
  assert.deepEqual(before.backlinks[1], ['file:///lib/a.md enables b', 'file:///lib/a.md requires b']);
  assert.deepEqual(before.linking[2].length, 2);
  assert.deepEqual(before.domains, [{ domain: 'care', count: 2 }, { domain: 'health', count: 1 }, { domain: 'land', count: 1 }]);
  const askedLate = fresh(a, b, c);

  for (const index of [askedEarly, askedLate]) {
    index.set(aEdited);
    index.delete(b.uri);
  }
  const expected = reverseAnswers(fresh(aEdited, c));
  assert.deepEqual(expected.backlinks, [[], [], ['file:///lib/a.md enables c'], []]);
  assert.deepEqual(expected.domains, [{ domain: 'land', count: 2 }, { domain: 'care', count: 1 }]);
  assert.deepEqual(reverseAnswers(askedEarly), expected, 'kept in step after the first question');
  assert.deepEqual(reverseAnswers(askedLate), expected, 'built from the summaries at the first question');
});

test('a slug declared twice resolves to the file that declared it first, until that file leaves', () => {
  const first = { ...summary('x', []), uri: 'file:///lib/one/x.md' };
  const second = { ...summary('x', []), uri: 'file:///lib/two/x.md' };
  const index = fresh(first, second);
  assert.equal(index.bySlugFirst('x')?.uri, first.uri);
  assert.deepEqual(index.bySlugAll('x').map((s) => s.uri), [first.uri, second.uri]);
  assert.equal(index.isDuplicatedSlug('x'), true);
  index.delete(first.uri);
  assert.equal(index.bySlugFirst('x')?.uri, second.uri);
  assert.equal(index.isDuplicatedSlug('x'), false);
  index.set(first);
  assert.deepEqual(index.bySlugAll('x').map((s) => s.uri), [second.uri, first.uri]);
  index.delete(second.uri);
  index.delete(first.uri);
  assert.equal(index.bySlugFirst('x'), undefined);
  assert.deepEqual(index.bySlugAll('x'), []);
});
