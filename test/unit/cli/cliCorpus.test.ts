import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as jsyaml from 'js-yaml';
import { REPO_ROOT, runCli, type JsonDiagnostic, type JsonReport } from './cliProcess';

// `commons-patterns check --format json` over the real library (3,616 files), when it is present
// beside the repository. Expectations are computed here from a plain js-yaml read of each file,
// independently of the core.

const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'commons-os-patterns', '_patterns');

interface CorpusFile {
  readonly name: string;
  readonly text: string;
  /** The frontmatter as js-yaml reads it; undefined when it does not parse. */
  readonly data: Record<string, unknown> | undefined;
}

function readCorpus(): CorpusFile[] {
  return fs.readdirSync(CORPUS).filter((name) => name.endsWith('.md')).sort().map((name) => {
    const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
    const yaml = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)?.[1];
    let data: Record<string, unknown> | undefined;
    try {
      data = yaml === undefined ? undefined : (jsyaml.load(yaml, { schema: jsyaml.CORE_SCHEMA }) as Record<string, unknown>);
    } catch {
      data = undefined;
    }
    return { name, text, data };
  });
}

/** The text a diagnostic's range covers (positions are UTF-16, as JavaScript strings). */
function textAt(file: CorpusFile, d: JsonDiagnostic): string {
  const lines = file.text.split(/\r\n|\r|\n/);
  assert.equal(d.range.start.line, d.range.end.line, 'a link target is on one line');
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

/** Relationship and inferred-link targets of a v7.1 file, by the DESIGN's definition of a target. */
function linkTargets(data: Record<string, unknown>): Array<{ code: string; target: string }> {
  const targets: Array<{ code: string; target: string }> = [];
  const relationships = data.relationships;
  if (relationships && typeof relationships === 'object') {
    for (const list of Object.values(relationships)) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const e = entry as Record<string, unknown> | string | null;
        const target = typeof e === 'string' ? e : e && typeof e === 'object' ? (typeof e.slug === 'string' ? e.slug : typeof e.id === 'string' ? e.id : undefined) : undefined;
        if (target !== undefined) targets.push({ code: 'broken-relationship', target: target.trim() });
      }
    }
  }
  const garden = data.graph_garden as Record<string, unknown> | undefined;
  if (garden && Array.isArray(garden.inferred_links)) {
    for (const link of garden.inferred_links as Array<Record<string, unknown> | null>) {
      if (link && typeof link.target === 'string') targets.push({ code: 'broken-inferred-link', target: link.target.trim() });
    }
  }
  return targets;
}

function isLegacy(data: Record<string, unknown> | undefined): boolean {
  return !!data && 'classification' in data && !('ontology' in data);
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

test('check --format json over the real library', (t) => {
  if (!fs.existsSync(CORPUS)) {
    const message = `THE CORPUS PART OF cliCorpus.test DID NOT RUN: no library at ${CORPUS}`;
    console.warn(message);
    t.diagnostic(message);
    return;
  }
  const files = readCorpus();
  const byName = new Map(files.map((f) => [f.name, f]));
  const started = Date.now();
  const run = runCli(['check', '--format', 'json'], CORPUS);
  t.diagnostic(`check over ${files.length} files took ${Date.now() - started} ms (wall, including node start-up)`);

  // No crash: exit 1 (the two files with YAML errors), nothing on stderr, one well-formed report.
  assert.equal(run.stderr, '');
  assert.equal(run.status, 1);
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.equal(report.version, 1);
  assert.equal(report.files, files.length);
  assert.equal(report.patterns, files.length, 'every file of the library has frontmatter with a slug');
  for (const d of report.diagnostics) assert.ok(byName.has(d.file), `unknown file ${d.file}`);
  const counts = countBy(report.diagnostics.map((d) => d.code));
  t.diagnostic(`diagnostics per code: ${JSON.stringify(Object.fromEntries([...counts].sort()))}`);

  // Every legacy file gets exactly one legacy-schema, and no other file gets one.
  const legacyNames = files.filter((f) => isLegacy(f.data)).map((f) => f.name);
  assert.ok(legacyNames.length > 1000, `only ${legacyNames.length} legacy files`);
  const legacyReported = countBy(report.diagnostics.filter((d) => d.code === 'legacy-schema').map((d) => d.file));
  assert.deepEqual([...legacyReported.keys()].sort(), legacyNames);
  assert.ok([...legacyReported.values()].every((n) => n === 1));

  // The two files that are not YAML get yaml-syntax, first on the line after `ontology: {...` opens,
  // at `commons_domain:` where a ',' is missing (0-based line 11 and 12, character 2).
  const syntax = report.diagnostics.filter((d) => d.code === 'yaml-syntax');
  assert.deepEqual([...new Set(syntax.map((d) => d.file))], ['animal-communication-practice.md', 'animal-relationship-ethics.md']);
  const first = (name: string) => syntax.find((d) => d.file === name)!;
  assert.deepEqual(first('animal-communication-practice.md').range, { start: { line: 11, character: 2 }, end: { line: 11, character: 16 } });
  assert.deepEqual(first('animal-relationship-ethics.md').range, { start: { line: 12, character: 2 }, end: { line: 12, character: 16 } });
  assert.ok(syntax.every((d) => d.severity === 'error'));

  // Broken links: every reported target names no file, and every target naming no file is reported.
  const fileSlugs = new Set(files.map((f) => f.name.replace(/\.md$/, '')));
  const expected: string[] = [];
  for (const file of files) {
    if (!file.data || isLegacy(file.data)) continue;
    for (const { code, target } of linkTargets(file.data)) if (!fileSlugs.has(target)) expected.push(`${file.name} ${code} ${target}`);
  }
  const reported = report.diagnostics
    .filter((d) => d.code === 'broken-relationship' || d.code === 'broken-inferred-link')
    .map((d) => `${d.file} ${d.code} ${textAt(byName.get(d.file)!, d).replace(/^(['"])(.*)\1$/, '$2').trim()}`);
  for (const entry of reported) assert.ok(!fileSlugs.has(entry.split(' ')[2]), `reported, yet a file has that name: ${entry}`);
  assert.ok(expected.length > 500, `only ${expected.length} broken targets expected`);
  assert.deepEqual(countBy(reported), countBy(expected));
});
