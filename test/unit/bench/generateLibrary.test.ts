import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as jsyaml from 'js-yaml';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { checkDocument } from '../../../server/src/core/rules/checkDocument';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { loadWorkspace } from '../../../server/src/core/workspace/workspaceLoader';
import { pathToUri } from '../../../server/src/core/workspace/uris';
import { pathToFileURL } from 'url';

// The benchmark's synthetic library generator (bench/generateLibrary.mjs), run as a user runs it:
// `node bench/generateLibrary.mjs DIR COUNT SEED`. Functional checks only: no timing here.

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const GENERATOR = path.join(REPO_ROOT, 'bench', 'generateLibrary.mjs');
const SECTION_NAMES = ['Context', 'Problem', 'Solution', 'Implementation', 'Consequences', 'Known Uses', 'Cognitive Era', 'Vitality'];

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-bench-test-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function generate(dir: string, count: number, seed: number): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [GENERATOR, dir, String(count), String(seed)], { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** File name -> sha256 of its bytes, for every file of a folder. */
function digests(dir: string): Map<string, string> {
  return new Map(fs.readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

interface Frontmatter {
  slug: string;
  ontology: { domain: string };
  relationships: Record<string, Array<string | { slug: string; weight: number }>>;
  graph_garden: { inferred_links: Array<{ target: string }> };
}

function readLibrary(dir: string): Array<{ file: string; text: string; frontmatterBytes: number; data: Frontmatter }> {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const close = text.indexOf('\n---\n', 4);
    assert.ok(text.startsWith('---\n') && close > 0, `${file} has a closed frontmatter`);
    const yamlText = text.slice(4, close + 1);
    return { file, text, frontmatterBytes: Buffer.byteLength(text.slice(0, close + 5)), data: jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA }) as Frontmatter };
  });
}

const targetOf = (entry: string | { slug: string }) => (typeof entry === 'string' ? entry : entry.slug);

test('the same seed gives byte-identical libraries; another seed gives other content under the same names', (t) => {
  const root = tempDir(t);
  const [a, b, c] = ['a', 'b', 'c'].map((name) => path.join(root, name));
  assert.equal(generate(a, 30, 7).status, 0);
  assert.equal(generate(b, 30, 7).status, 0);
  assert.equal(generate(c, 30, 8).status, 0);
  const [da, db, dc] = [a, b, c].map(digests);
  assert.equal(da.size, 30);
  assert.deepEqual([...da], [...db]);
  assert.deepEqual([...dc.keys()], [...da.keys()]);
  const differing = [...da].filter(([file, digest]) => dc.get(file) !== digest).length;
  assert.equal(differing, 30, 'every file differs with another seed');
});

test('files are shaped like the real library: ~8 KB frontmatter, ~20 KB body, ~7 relationships, ~9 inferred links, ~5% broken', (t) => {
  const dir = tempDir(t);
  const run = generate(dir, 200, 42);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /wrote 200 patterns to .* \(hub: commons-commons-0, linked from 50 files\)/);
  const files = readLibrary(dir);
  assert.equal(files.length, 200);
  const slugs = new Set(files.map((f) => f.data.slug));
  let relationships = 0;
  let inferredLinks = 0;
  let broken = 0;
  for (const { file, text, frontmatterBytes, data } of files) {
    assert.equal(`${data.slug}.md`, file, 'slug equals the file name');
    assert.ok(frontmatterBytes > 6_000 && frontmatterBytes < 11_000, `${file}: frontmatter of ${frontmatterBytes} bytes`);
    const bodyBytes = Buffer.byteLength(text) - frontmatterBytes;
    assert.ok(bodyBytes > 17_000 && bodyBytes < 25_000, `${file}: body of ${bodyBytes} bytes`);
    const targets = [...Object.values(data.relationships).flat().map(targetOf), ...data.graph_garden.inferred_links.map((l) => l.target)];
    relationships += Object.values(data.relationships).flat().length;
    inferredLinks += data.graph_garden.inferred_links.length;
    broken += targets.filter((target) => !slugs.has(target)).length;
  }
  const perFile = (n: number) => n / files.length;
  assert.ok(perFile(relationships) >= 6.5 && perFile(relationships) <= 7.8, `relationships per file: ${perFile(relationships)}`);
  assert.ok(perFile(inferredLinks) >= 8.5 && perFile(inferredLinks) <= 9.5, `inferred links per file: ${perFile(inferredLinks)}`);
  const brokenRate = broken / (relationships + inferredLinks);
  assert.ok(brokenRate >= 0.03 && brokenRate <= 0.07, `broken target rate: ${brokenRate}`);
  assert.ok(new Set(files.map((f) => f.data.ontology.domain)).size >= 30, 'a few dozen domains');
});

test('the hub pattern (the first slug) is linked from exactly 50 files, each once, and from no other', (t) => {
  const dir = tempDir(t);
  assert.equal(generate(dir, 120, 3).status, 0);
  const hubLinks = readLibrary(dir).map(({ data }) => ({
    slug: data.slug,
    links: [...Object.values(data.relationships).flat().map(targetOf), ...data.graph_garden.inferred_links.map((l) => l.target)]
      .filter((target) => target === 'commons-commons-0').length,
  })).filter((file) => file.links > 0);
  assert.equal(hubLinks.length, 50);
  assert.ok(hubLinks.every((file) => file.links === 1 && file.slug !== 'commons-commons-0'));
});

test('every file parses cleanly with the full parser and has the eight sections; the rules find only link problems', async (t) => {
  const dir = tempDir(t);
  assert.equal(generate(dir, 60, 11).status, 0);
  const { index } = await loadWorkspace(dir);
  assert.equal(index.size, 60);
  const schema = loadPatternSchema();
  const env = { index, schema, validator: createSchemaValidator(schema) };
  // Link problems are the point of a realistic library (broken targets; random picks may repeat a
  // target or hit the file itself); anything else means the generator writes invalid v7.1.
  const expected = new Set(['broken-relationship', 'broken-inferred-link', 'missing-inverse', 'duplicate-relationship', 'self-relationship']);
  const codes = new Map<string, number>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const doc = parsePatternDocument(pathToUri(path.join(dir, file)), fs.readFileSync(path.join(dir, file), 'utf8'));
    assert.deepEqual(doc.yamlErrors, [], `${file} has no YAML errors`);
    assert.equal(doc.isPattern, true);
    assert.equal(doc.format, 'v7.1');
    assert.deepEqual(doc.sections.map((s) => `${s.number}: ${s.name}`), SECTION_NAMES.map((name, i) => `${i + 1}: ${name}`));
    for (const d of checkDocument(doc, env)) {
      assert.ok(expected.has(String(d.code)), `${file}: unexpected ${d.code} at line ${d.range.start.line}: ${d.message}`);
      codes.set(String(d.code), (codes.get(String(d.code)) ?? 0) + 1);
    }
  }
  assert.ok((codes.get('broken-relationship') ?? 0) + (codes.get('broken-inferred-link') ?? 0) > 0, 'some targets are broken');
});

test('ensureLibrary reuses a complete cached library and regenerates one made with other parameters', (t) => {
  const dir = path.join(tempDir(t), 'cache', 'lib');
  const script = `import { ensureLibrary } from ${JSON.stringify(pathToFileURL(GENERATOR).href)};
    const [dir, count] = process.argv.slice(1);
    const r = ensureLibrary(dir, Number(count), 5);
    console.log(JSON.stringify({ generated: r.generated, slugs: r.slugs.length }));`;
  const ensure = (count: number) => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir, String(count)], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as { generated: boolean; slugs: number };
  };
  assert.deepEqual(ensure(12), { generated: true, slugs: 12 });
  const before = digests(dir);
  assert.deepEqual(ensure(12), { generated: false, slugs: 12 });
  assert.deepEqual([...digests(dir)], [...before]);
  assert.deepEqual(ensure(15), { generated: true, slugs: 15 });
  assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith('.md')).length, 15);
  assert.deepEqual(fs.readdirSync(path.dirname(dir)), ['lib'], 'no partial library is left behind');
});

test('bad usage exits with status 2 and says how to call it', (t) => {
  const dir = tempDir(t);
  for (const args of [[], [path.join(dir, 'x'), 'many'], [path.join(dir, 'y'), '10', '-1']]) {
    const result = spawnSync(process.execPath, [GENERATOR, ...args], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 2, `args ${JSON.stringify(args)}`);
    assert.match(result.stderr, /^usage: node bench\/generateLibrary\.mjs DIR \[COUNT\] \[SEED\]/);
  }
  assert.deepEqual(fs.readdirSync(dir), [], 'nothing written');
});
