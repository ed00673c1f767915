import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, type CompletionList } from 'vscode-languageserver-types';
import { completeAt, completionEdits, lines, patternText } from './completionWorkspace';

const DOMAIN_WORKSPACE: Record<string, string> = {
  'a1.md': patternText({ slug: 'a1', domain: 'governance' }),
  'a2.md': patternText({ slug: 'a2', domain: 'governance', crossDomains: ['finance'] }),
  'a3.md': patternText({ slug: 'a3', domain: 'ecology', crossDomains: ['governance'] }),
  'a4.md': patternText({ slug: 'a4', domain: 'finance' }),
};

function complete(marked: string, files: Record<string, string> = {}): CompletionList {
  return completeAt(marked, files);
}

test('ontology.domain: the workspace domains, most used first, with their counts', () => {
  const list = complete(lines('---', 'slug: me', 'ontology:', '  domain: |', '---'), DOMAIN_WORKSPACE);
  assert.deepEqual(completionEdits(list), ['governance @3:10-3:10 => governance', 'finance @3:10-3:10 => finance', 'ecology @3:10-3:10 => ecology']);
  assert.deepEqual(list.items.map((i) => i.detail), ['used by 3 patterns', 'used by 2 patterns', 'used by 1 pattern']);
  assert.deepEqual(list.items.map((i) => i.sortText), ['00000', '00001', '00002']);
  assert.equal(list.items[0].kind, CompletionItemKind.Value);
});

test('the domain being typed in this file is not counted as a workspace domain', () => {
  const list = complete(lines('---', 'slug: me', 'ontology:', '  domain: gov|', '---'), DOMAIN_WORKSPACE);
  assert.deepEqual(completionEdits(list), ['governance @3:10-3:13 => governance', 'finance @3:10-3:13 => finance', 'ecology @3:10-3:13 => ecology']);
  assert.equal(list.items[0].detail, 'used by 3 patterns');
});

test('cross_domains leaves out the own domain and the domains already listed (flow and block lists)', () => {
  const flow = complete(lines('---', 'slug: me', 'ontology:', '  domain: governance', '  cross_domains: [finance, |]', '---'), DOMAIN_WORKSPACE);
  assert.deepEqual(completionEdits(flow), ['ecology @4:27-4:27 => ecology']);
  const block = complete(lines('---', 'slug: me', 'ontology:', '  domain: ecology', '  cross_domains:', '    - |', '    - finance', '---'), DOMAIN_WORKSPACE);
  assert.deepEqual(completionEdits(block), ['governance @5:6-5:6 => governance']);
});

test('an enum field: the schema values in schema order, each with its description', () => {
  const list = complete(lines('---', 'slug: me', 'lifecycle:', '  status: |', '---'));
  assert.deepEqual(list.items.map((i) => i.label), ['draft', 'revised', 'review', 'stable', 'published', 'deprecated']);
  assert.deepEqual(list.items[0], {
    label: 'draft',
    kind: CompletionItemKind.EnumMember,
    documentation: { kind: 'markdown', value: 'First draft, not yet reviewed.' },
    sortText: '00000',
    textEdit: { range: { start: { line: 3, character: 10 }, end: { line: 3, character: 10 } }, newText: 'draft' },
  });
});

test('a quoted enum value is completed inside its quotes', () => {
  const list = complete(lines('---', 'slug: me', 'lifecycle:', '  adoption_stage: "gr|"', '---'));
  assert.deepEqual(completionEdits(list)[2], 'growth @3:19-3:21 => growth');
});

test('commons_domain leaves out the values already in the list', () => {
  const block = complete(lines('---', 'slug: me', 'ontology:', '  commons_domain:', '    - life', '    - |', '    - ecology', '---'));
  assert.deepEqual(block.items.map((i) => i.label), ['business', 'security', 'startup', 'urban', 'platform']);
  const flow = complete(lines('---', 'slug: me', 'ontology:', '  commons_domain: [urban, |]', '---'));
  assert.deepEqual(completionEdits(flow).slice(0, 2), ['business @3:26-3:26 => business', 'security @3:26-3:26 => security']);
  assert.equal(flow.items.length, 6);
});

test('inferred-link type, entity type and community source come from the schema', () => {
  const inferred = complete(lines('---', 'slug: me', 'graph_garden:', '  inferred_links:', '    - target: x', '      type: |', '---'));
  assert.deepEqual(inferred.items.map((i) => i.label), ['generalizes_from', 'specializes_to', 'enables', 'requires', 'alternatives', 'complementary', 'tools']);
  const entity = complete(lines('---', 'slug: me', 'graph_garden:', '  entities:', '    - id: x', '      type: |', '---'));
  assert.deepEqual(entity.items.map((i) => i.label), ['concept', 'practice', 'framework', 'person', 'tool', 'organization', 'role']);
  const community = complete(lines('---', 'slug: me', 'graph_garden:', '  communities:', '    - {id: x, source: |}', '---'));
  assert.deepEqual(completionEdits(community), ['taxonomy @4:22-4:22 => taxonomy', 'inferred @4:22-4:22 => inferred']);
});

test('free-text values get nothing', () => {
  assert.deepEqual(complete(lines('---', 'slug: me', 'title: |', '---')).items, []);
  assert.deepEqual(complete(lines('---', 'slug: me', 'ontology:', '  search_hints:', '    primary_tension: |', '---')).items, []);
});
