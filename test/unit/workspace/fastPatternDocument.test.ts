import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { isCollection } from 'yaml';
import { isRecord } from '../../../server/src/core/document/formatVersion';
import { parsePatternDocument, type PatternDocument } from '../../../server/src/core/document/patternDocument';
import { checkDocument, type CheckEnvironment } from '../../../server/src/core/rules/checkDocument';
import { hasWorkspaceFindings } from '../../../server/src/core/rules/summaryStandIn';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { parsePatternDocumentFast } from '../../../server/src/core/workspace/fastPatternDocument';
import { linkTargetsOf } from '../../../server/src/core/document/linkTargets';
import { summarizeDocument } from '../../../server/src/core/workspace/summarizeDocument';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { parseBlockYaml } from '../../../server/src/core/workspace/blockYaml';
import { pathsOf } from '../helpers/dataPaths';

/**
 * The fast-read document (js-yaml data, YAML nodes from a few lines on demand) must give every rule
 * exactly what the fully parsed document gives it: the same nodes at the same ranges, the same
 * diagnostics. Checked on tricky YAML, on every file of the real library, and on mutated files.
 */

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const CORPUS = path.join(REPO_ROOT, '..', 'shared', 'corpus', 'commons-os-patterns', '_patterns');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'hardening', 'workspace');
const schema = loadPatternSchema();
const validator = createSchemaValidator(schema);

function lookups(doc: PatternDocument, paths: ReturnType<typeof pathsOf>) {
  return paths.map(({ path: p, want }) => {
    const found = doc.nodeAt(p, want);
    return { path: p.join('.'), want, complete: found.complete, range: found.node?.range?.slice(0, 2) };
  });
}

function envOf(docs: readonly PatternDocument[]): CheckEnvironment {
  const index = new WorkspaceIndex();
  for (const doc of docs) {
    const summary = summarizeDocument(doc);
    if (summary) index.set(summary);
  }
  return { index, schema, validator };
}

function assertSameAsFull(uri: string, text: string, env?: CheckEnvironment): void {
  const full = parsePatternDocument(uri, text);
  const fast = parsePatternDocumentFast(uri, text);
  assert.deepEqual(fast.yamlErrors.length, full.yamlErrors.length, `${uri}: syntax errors`);
  assert.deepEqual(fast.data, full.data, `${uri}: data`);
  assert.deepEqual(fast.sections, full.sections, `${uri}: sections`);
  if (full.yamlErrors.length === 0) {
    const paths = pathsOf(full.data);
    assert.deepEqual(lookups(fast, paths), lookups(full, paths), `${uri}: nodes`);
  }
  const checkEnv = env ?? envOf([full]);
  assert.deepEqual(checkDocument(fast, checkEnv), checkDocument(full, checkEnv), `${uri}: diagnostics`);
}

const TRICKY: Record<string, string> = {
  'block style with comments and compact lists': [
    '# banner', 'slug: tricky   # trailing', 'title:   spaced out  ', 'tags:', '- a', '- "b c"', "- 'it''s'", 'relationships:',
    '  enables:', '  - slug: x-one', '    weight: 0.5', '  -   slug: "x-two"   # quoted', '  - bare-three', '  # between', '  part_of: []',
    'graph_garden:', '  inferred_links:', '    - target: t-one', '      type: semantic', '      confidence: 1.5',
    '    - type: lexical', '      target: t-two', 'ontology:', '  commons_assessment: {overall_score: 9, vitality: -1}',
  ].join('\n'),
  'flow collections and block scalars': [
    'slug: flows', 'aliases: [a, "b", {c: d}]', 'summary: |', '  line one', '  slug: not-a-key', 'relationships: {enables: [{slug: y}, z]}',
    'context_labels:', '  for_students: >-', '    folded', '    text', 'ontology:', '  domain: "esc\\x41ped"', '  cross_domains: ["\\u00e9", \'q\']',
  ].join('\n'),
  'quoted keys, odd keys and multi-line values': [
    'slug: odd', '"quoted key": 1', 'null: 2', 'true: 3', '12: four', 'multi: first', '  second', 'after: "two', '  lines"',
    'relationships:', '  enables:', '    - slug: first', '      note: a', '        b', '    - slug: "tab\tin"', '  "generalizes_from":', '    - q',
  ].join('\n'),
  'keys with spaces before the colon, tabs in values, emoji': [
    'slug : spaced', 'title: 🌱 grow\t🌳', 'relationships :', '  enables :', '    - slug : 🌱-sprout', '    - slug: plain # c', 'graph_garden:', '  inferred_links:', '  - target: "🌳"',
  ].join('\n'),
  'anchors without aliases and tags': ['slug: &s anchored', 'title: !custom tagged', 'relationships:', '  enables:', '    - &e {slug: a}', '    - !t b'].join('\n'),
  'schema findings on collections, block and flow': [
    'id: pat_01khvcxcmwee1s6wdhmrpk0x2d', 'slug: collections', 'title: Collections', 'summary: s', 'context_labels:', '  corporate: [a]', 'ontology:',
    '  commons_assessment:', '  - 3', '  # c', 'graph_garden:', '  inferred_links:', '  - type: semantic', '    confidence: 0.5', '',
    'relationships: {enables: {slug: x}}', 'aliases: {}',
  ].join('\n'),
  'numbers and scores written many ways': [
    'slug: scores', 'ontology:', '  commons_assessment:', '    stakeholder_architecture: 07', '    value_creation: 4.50', '    resilience: .5', '    ownership: 0x3',
    '    autonomy: 1e0', '    composability: +2', '    fractal_value: 3', '    vitality: 6', '    overall_score: 2.6',
  ].join('\n'),
};

describe('fast-read document agrees with the full parse', () => {
  for (const [name, yaml] of Object.entries(TRICKY)) {
    it(name, () => {
      const text = `---\n${yaml}\n---\n### Section 1: Context\nBody.\n`;
      assertSameAsFull(`file:///workspace/${name.replace(/\W+/g, '-')}.md`, text);
      assertSameAsFull(`file:///workspace/${name.replace(/\W+/g, '-')}-crlf.md`, text.replace(/\n/g, '\r\n'));
      assertSameAsFull(`file:///workspace/${name.replace(/\W+/g, '-')}-cr.md`, text.replace(/\n/g, '\r'));
    });
  }

  it('a frontmatter the fast parser rejects, or with aliases, is read the full way: the same syntax errors', () => {
    for (const yaml of ['slug: a\nslug: b', 'slug: x\ntitle: "open', 'slug: &a x\nid: *a', 'slug: [unclosed\nb: 1']) {
      const text = `---\n${yaml}\n---\nbody\n`;
      const fast = parsePatternDocumentFast('file:///workspace/rejected.md', text);
      const full = parsePatternDocument('file:///workspace/rejected.md', text);
      assert.deepEqual(fast.yamlErrors.map((e) => e.message), full.yamlErrors.map((e) => e.message), yaml);
      assertSameAsFull('file:///workspace/rejected.md', text);
    }
  });

  it('reads link targets and keys from blockYaml\'s spans: package yaml parses nothing for them', () => {
    const yaml = TRICKY['block style with comments and compact lists'];
    const data = parsePatternDocument('file:///x.md', `---\n${yaml}\n---\n`).data as Record<string, unknown>;
    const block = parseBlockYaml(yaml);
    assert.ok(block, 'the block style is read by blockYaml');
    for (const link of linkTargetsOf(data)) {
      const found = block.scalarAt(link.path, 'value');
      assert.ok(found, `found ${link.path.join('.')}`);
      assert.equal(yaml.slice(found.start, found.end).replace(/^["']|["']$/g, ''), link.target);
    }
    const key = block.scalarAt(['relationships'], 'key');
    assert.ok(key);
    assert.equal(yaml.slice(key.start, key.end), 'relationships');
  });

  it('schema findings on collections, and keys of list items: blockYaml answers them, as the full parse does', () => {
    const yaml = TRICKY['schema findings on collections, block and flow'];
    const text = `---\n${yaml}\n---\n`;
    const full = parsePatternDocument('file:///x.md', text);
    const fast = parsePatternDocumentFast('file:///x.md', text);
    const block = parseBlockYaml(yaml);
    assert.ok(block, 'the block style is read by blockYaml');
    const paths = validator.validate(full.data).map((violation) => violation.path).filter((p) => isCollection(full.nodeAt(p, 'value').node));
    assert.deepEqual(paths.map((p) => p.join('.')).sort(), [
      'aliases', 'context_labels', 'context_labels', 'context_labels', 'context_labels.corporate', 'graph_garden.inferred_links.0',
      'ontology', 'ontology', 'ontology.commons_assessment', 'relationships.enables',
    ]);
    for (const p of paths) {
      const found = block.collectionAt(p);
      assert.ok(found, `found ${p.join('.')}`);
      assert.deepEqual([found.start, found.end], full.nodeAt(p, 'value').node?.range?.slice(0, 2), p.join('.'));
    }
    // A list item, or the document, has no key node.
    for (const p of [['graph_garden', 'inferred_links', 0], ['ontology', 'commons_assessment', 0], []]) {
      assert.equal(block.scalarAt(p, 'key'), undefined);
      assert.deepEqual(fast.nodeAt(p, 'key'), full.nodeAt(p, 'key'), p.join('.'));
    }
  });

  it('every file of the real library: the same nodes and the same diagnostics, without a full parse for link targets', (t) => {
    if (!fs.existsSync(CORPUS)) {
      // Loud, not silent: this is the test that the real library agrees.
      assert.fail(`the real library is not at ${CORPUS}; this test needs ../shared/corpus beside the repository`);
    }
    const names = fs.readdirSync(CORPUS).filter((n) => n.endsWith('.md')).sort();
    const texts = names.map((n) => fs.readFileSync(path.join(CORPUS, n), 'utf8'));
    const fulls = names.map((n, i) => parsePatternDocument(`file:///corpus/${n}`, texts[i]));
    const env = envOf(fulls);
    let links = 0;
    let answeredBySpans = 0;
    names.forEach((name, i) => {
      const fast = parsePatternDocumentFast(fulls[i].uri, texts[i]);
      assert.deepEqual(checkDocument(fast, env), checkDocument(fulls[i], env), name);
      const summary = summarizeDocument(fulls[i]);
      if (summary && fulls[i].format === 'v7.1' && fulls[i].yamlErrors.length === 0) {
        assert.equal(hasWorkspaceFindings(summary, env), checkDocument(fulls[i], env, 'workspace').length > 0, `${name}: the stand-in's verdict`);
      }
      if (fulls[i].yamlErrors.length === 0 && isRecord(fulls[i].data) && fulls[i].frontmatter) {
        const fm = fulls[i].frontmatter!;
        const block = parseBlockYaml(texts[i].slice(fm.yamlStart, fm.yamlEnd));
        for (const link of linkTargetsOf(fulls[i].data)) {
          links++;
          const found = block?.scalarAt(link.path, 'value');
          if (found) {
            answeredBySpans++;
            assert.deepEqual([found.start, found.end], fulls[i].nodeAt(link.path, 'value').node?.range?.slice(0, 2), `${name} ${link.path.join('.')}`);
          }
        }
      }
    });
    t.diagnostic(`${names.length} files; ${answeredBySpans} of ${links} link targets found from blockYaml's spans`);
    assert.ok(links > 30_000 && answeredBySpans / links > 0.99, `${answeredBySpans} of ${links} link targets answered without a full parse`);
  });

  it('mutated real files (lines deleted, duplicated, swapped; YAML characters inserted): the same diagnostics', () => {
    const fixtures = fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.md')).sort();
    const texts = Object.fromEntries(fixtures.map((n) => [n, fs.readFileSync(path.join(FIXTURES, n), 'utf8')]));
    const env = envOf(fixtures.map((n) => parsePatternDocument(`file:///workspace/${n}`, texts[n])));
    const fraction = fc.double({ min: 0, max: 0.999999, noNaN: true });
    const edit = fc.oneof(
      fc.tuple(fc.constant('delete' as const), fraction, fc.constant('')),
      fc.tuple(fc.constant('duplicate' as const), fraction, fc.constant('')),
      fc.tuple(fc.constant('insert' as const), fraction, fc.stringMatching(/^[ \-:#"'\[\]{},|>&*!?\t\nA-Za-z0-9]{1,4}$/)),
    );
    fc.assert(fc.property(fc.constantFrom(...fixtures), fc.array(edit, { minLength: 1, maxLength: 6 }), (name, edits) => {
      let text = texts[name];
      for (const [kind, at, chars] of edits) {
        const lines = text.split(/(?<=\n)/);
        const i = Math.floor(at * lines.length);
        if (kind === 'delete') lines.splice(i, 1);
        else if (kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
        else {
          const offset = Math.floor(at * (text.length + 1));
          text = text.slice(0, offset) + chars + text.slice(offset);
          continue;
        }
        text = lines.join('');
      }
      const uri = `file:///workspace/${name}`;
      const full = parsePatternDocument(uri, text);
      const fast = parsePatternDocumentFast(uri, text);
      assert.deepEqual(checkDocument(fast, env), checkDocument(full, env), `${name} after ${JSON.stringify(edits)}`);
    }), { seed: 20261128, numRuns: 1000 });
  });
});
