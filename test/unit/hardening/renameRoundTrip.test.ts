import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from '../../../server/src/core/document/lineIndex';
import { parsePatternDocument, type PatternDocument } from '../../../server/src/core/document/patternDocument';
import type { FeatureContext, PatternHost } from '../../../server/src/core/features/featureContext';
import { provideRename } from '../../../server/src/core/features/rename';
import { slugDeclaration } from '../../../server/src/core/features/slugAtPosition';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings/patternSettings';
import { parseFrontmatterFast } from '../../../server/src/core/workspace/fastFrontmatter';
import { summarizePattern, unparsedSummary } from '../../../server/src/core/workspace/patternSummary';
import { fileSlugOf } from '../../../server/src/core/workspace/uris';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { REPO_ROOT } from './hardeningWorkspace';
import { RangeAudit } from './rangeChecks';

/**
 * No lost text, over the whole real library: rename a slug (its declaration, every reference, the
 * file) and rename it back; every file the renames touched is byte-for-byte what it was. Run on at
 * least 200 slugs spread over the library and on every slug with 20 or more backlinks.
 */

const LIBRARY = path.join(REPO_ROOT, '..', 'shared', 'corpus', 'commons-os-patterns', '_patterns');
const SPREAD_SAMPLE = 200;
const MANY_BACKLINKS = 20;

/** The library in memory, indexed as the server indexes closed files (the fast path); documents parsed on demand. */
class LibraryCopy {
  readonly files = new Map<string, string>();
  readonly index = new WorkspaceIndex();
  readonly ctx: FeatureContext;
  /** The documents parsed for the rename in progress (a rename asks for each linking file once or twice). */
  private readonly parsed = new Map<string, PatternDocument>();

  constructor(dir: string) {
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
      const uri = `file:///library/${name}`;
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      this.files.set(uri, text);
      this.indexText(uri, text);
    }
    const host: PatternHost = {
      getDocument: (uri) => this.document(uri),
      isOpen: () => false,
      exists: (uri) => this.files.has(uri),
    };
    const schema = loadPatternSchema();
    this.ctx = { index: this.index, schema, validator: createSchemaValidator(schema), settings: DEFAULT_SETTINGS, host };
  }

  /** Indexes a file as the server indexes a closed file: through the fast path. */
  private indexText(uri: string, text: string): void {
    const read = parseFrontmatterFast(text);
    const summary = read.kind === 'frontmatter' ? summarizePattern(uri, read.data)
      : read.kind === 'yaml-error' || read.kind === 'unclosed' ? unparsedSummary(uri, fileSlugOf(uri)) : undefined;
    if (summary) this.index.set(summary);
    else this.index.delete(uri);
  }

  document(uri: string): PatternDocument | undefined {
    const text = this.files.get(uri);
    if (text === undefined) return undefined;
    const cached = this.parsed.get(uri);
    if (cached?.text === text) return cached;
    const doc = parsePatternDocument(uri, text);
    this.parsed.set(uri, doc);
    return doc;
  }

  /** Replaces the texts (after an applied edit): files gone are removed, changed ones re-indexed. */
  update(after: ReadonlyMap<string, string>): void {
    for (const uri of [...this.files.keys()]) {
      if (!after.has(uri)) {
        this.files.delete(uri);
        this.index.delete(uri);
      }
    }
    for (const [uri, text] of after) {
      if (this.files.get(uri) === text) continue;
      this.files.set(uri, text);
      this.indexText(uri, text);
    }
  }

  /** Renames the slug declared in `uri` to `newSlug` and applies the edit; returns the URIs it touched. */
  rename(uri: string, newSlug: string): { touched: Set<string>; newUri: string } {
    const doc = this.document(uri)!;
    const declaration = slugDeclaration(doc);
    assert.ok(declaration, `${uri} declares a slug`);
    const result = provideRename(this.ctx, doc, declaration.textRange.start, newSlug);
    assert.equal(result.error, undefined, `rename of ${declaration.slug} in ${uri}`);
    const audit = new RangeAudit(uri, (u) => this.files.get(u), (u, text) => this.document(u)?.text === text ? this.document(u)!.lines : new LineIndex(text));
    const after = audit.edit(`rename ${declaration.slug}`, result.edit!, this.files);
    assert.deepEqual(audit.problems, []);
    const touched = new Set<string>();
    let newUri = uri;
    for (const change of result.edit!.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'rename') {
          touched.add(change.oldUri).add(change.newUri);
          newUri = change.newUri;
        }
      } else touched.add(change.textDocument.uri);
    }
    this.update(after);
    // Parsed trees are large: keeping one per file of the library would cost gigabytes.
    this.parsed.clear();
    return { touched, newUri };
  }
}

/** Slugs declared by exactly one parsed pattern (a duplicate slug cannot be renamed), sorted. */
function renamableSlugs(library: LibraryCopy): string[] {
  return [...library.index.slugs()].filter((s) => library.index.bySlugAll(s).length === 1 && !library.index.bySlugFirst(s)!.unparsed).sort();
}

/**
 * Renames each slug to `<slug>-round-trip` and back, and compares every touched file with the
 * original; returns the number of files compared.
 */
function roundTrip(library: LibraryCopy, originals: ReadonlyMap<string, string>, slugs: readonly string[]): number {
  let compared = 0;
  const lost: string[] = [];
  for (const slug of slugs) {
    const uri = library.index.bySlugFirst(slug)!.uri;
    const backlinks = library.index.backlinks(slug).length;
    const temporary = `${slug}-round-trip`;
    const there = library.rename(uri, temporary);
    // The renamed pattern declares the new slug, nothing declares the old one, and the links followed.
    assert.equal(library.index.bySlugFirst(temporary)?.uri, there.newUri);
    assert.equal(library.index.bySlugAll(slug).length, 0, `after renaming ${slug}`);
    assert.equal(library.index.backlinks(temporary).length, backlinks, `${slug}: every backlink follows the rename`);
    const back = library.rename(there.newUri, slug);
    assert.equal(back.newUri, uri, `${slug}: the file is renamed back`);
    for (const touched of new Set([...there.touched, ...back.touched])) {
      compared++;
      if (library.files.get(touched) !== originals.get(touched)) lost.push(`${slug}: ${touched}`);
    }
  }
  assert.deepEqual(lost, []);
  assert.deepEqual([...library.files.keys()].sort(), [...originals.keys()].sort(), 'the same files as before');
  return compared;
}

describe('rename round trip over the real library', () => {
  const present = fs.existsSync(LIBRARY);
  const library = present ? new LibraryCopy(LIBRARY) : undefined;
  const originals = new Map(library?.files ?? []);

  const notRun = (t: { diagnostic(message: string): void }): boolean => {
    if (library) return false;
    const message = `rename round trip over the real library NOT RUN: ${LIBRARY} is absent (the corpus is expected at <repo>/../shared/corpus)`;
    t.diagnostic(message);
    console.warn(`WARNING: ${message}`);
    return true;
  };

  it(`${SPREAD_SAMPLE} slugs spread over the library: every touched file is byte-for-byte the same after renaming there and back`, (t) => {
    if (notRun(t) || !library) return;
    assert.ok(originals.size > 3000, `expected the whole library, read ${originals.size} files`);
    const slugs = renamableSlugs(library);
    const step = Math.floor(slugs.length / SPREAD_SAMPLE);
    const spread = slugs.filter((_, i) => i % step === 0);
    assert.ok(spread.length >= SPREAD_SAMPLE, `sampled ${spread.length} slugs`);
    t.diagnostic(`${spread.length} slugs, ${roundTrip(library, originals, spread)} touched files compared byte for byte`);
  });

  it(`every slug with ${MANY_BACKLINKS} or more backlinks: every touched file is byte-for-byte the same after renaming there and back`, (t) => {
    if (notRun(t) || !library) return;
    const popular = renamableSlugs(library).filter((s) => library.index.backlinks(s).length >= MANY_BACKLINKS);
    assert.ok(popular.length > 0);
    t.diagnostic(`${popular.length} slugs, ${roundTrip(library, originals, popular)} touched files compared byte for byte`);
  });
});
