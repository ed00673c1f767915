import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { shapeOf, startOnFixtureCopy, type LspTestClient } from './lspTestClient';

/** A small valid v7.1 pattern for files the tests create on disk. */
function patternText(slug: string, id: string, title: string): string {
  return [
    '---', `id: ${id}`, `slug: ${slug}`, `title: "${title}"`, 'summary: "Created by a test."', '---', '',
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `### Section ${n}: ${['Context', 'Problem', 'Solution', 'Implementation', 'Consequences', 'Known Uses', 'Cognitive Era', 'Vitality'][n - 1]}\n`),
  ].join('\n');
}

describe('cross-file effects are live', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
  });
  after(() => dispose());

  it('creating the missing target file clears broken-relationship in the open document that names it, without reopening', async () => {
    let since = client.mark();
    const uri = await client.open('broken-links.md');
    const before = await client.waitForDiagnostics(uri, since);
    assert.ok(before.diagnostics.map(shapeOf).includes('broken-relationship 2 35:12-35:30'));

    since = client.mark();
    fs.writeFileSync(client.filePath('conflict-mediation.md'), patternText('conflict-mediation', 'pat_01m8h8hpkaecw9c0gtcd52jcvq', 'Conflict Mediation'));
    await client.filesChanged([{ uri: client.uri('conflict-mediation.md'), type: FileChangeType.Created }]);
    const after = await client.waitForDiagnostics(uri, since);
    assert.equal(after.version, 1, 'the same version of the open document, re-checked');
    assert.deepEqual(after.diagnostics.map(shapeOf), ['broken-relationship 2 40:12-40:27', 'broken-inferred-link 2 45:14-45:29']);

    since = client.mark();
    fs.rmSync(client.filePath('conflict-mediation.md'));
    await client.filesChanged([{ uri: client.uri('conflict-mediation.md'), type: FileChangeType.Deleted }]);
    const again = await client.waitForDiagnostics(uri, since);
    assert.deepEqual(again.diagnostics.map(shapeOf), ['broken-relationship 2 35:12-35:30', 'broken-relationship 2 40:12-40:27', 'broken-inferred-link 2 45:14-45:29']);
    await client.close(uri);
  });

  it('deleting a linked file on disk re-checks the open documents that link to it', async () => {
    let since = client.mark();
    const uri = await client.open('emotional-safety.md');
    assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);
    const original = fs.readFileSync(client.filePath('active-listening.md'));

    since = client.mark();
    fs.rmSync(client.filePath('active-listening.md'));
    await client.filesChanged([{ uri: client.uri('active-listening.md'), type: FileChangeType.Deleted }]);
    const after = await client.waitForDiagnostics(uri, since);
    assert.deepEqual(after.diagnostics.map(shapeOf), ['broken-relationship 2 35:12-35:28']);

    since = client.mark();
    fs.writeFileSync(client.filePath('active-listening.md'), original);
    await client.filesChanged([{ uri: client.uri('active-listening.md'), type: FileChangeType.Created }]);
    assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);
    await client.close(uri);
  });

  it('a second file declaring the same slug gives the open partner duplicate-slug, and deleting it takes it away', async () => {
    let since = client.mark();
    const uri = await client.open('trust-circles.md');
    assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);

    since = client.mark();
    fs.writeFileSync(client.filePath('trust-circles-copy.md'), patternText('trust-circles', 'pat_01m8h8hpkaecw9c0gtcd52jcvr', 'Trust Circles Copy'));
    await client.filesChanged([{ uri: client.uri('trust-circles-copy.md'), type: FileChangeType.Created }]);
    const duplicated = await client.waitForDiagnostics(uri, since);
    assert.deepEqual(duplicated.diagnostics.map(shapeOf), ['duplicate-slug 1 2:6-2:19']);

    since = client.mark();
    fs.rmSync(client.filePath('trust-circles-copy.md'));
    await client.filesChanged([{ uri: client.uri('trust-circles-copy.md'), type: FileChangeType.Deleted }]);
    assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);
    await client.close(uri);
  });

  it('changing the slug in an open document re-checks the open documents that link to it', async () => {
    let since = client.mark();
    const linking = await client.open('trust-circles.md');
    assert.deepEqual((await client.waitForDiagnostics(linking, since)).diagnostics, []);
    since = client.mark();
    const target = await client.open('emotional-safety.md');
    await client.waitForDiagnostics(target, since);

    const text = fs.readFileSync(client.filePath('emotional-safety.md'), 'utf8');
    since = client.mark();
    const version = await client.change(target, text.replace('slug: emotional-safety', 'slug: emotional-safety-renamed'));
    const linkingAfter = await client.waitForDiagnostics(linking, since);
    // trust-circles names `emotional-safety` as a bare string entry of `requires`.
    assert.deepEqual(linkingAfter.diagnostics.map(shapeOf), ['broken-relationship 2 35:6-35:22']);
    const targetAfter = await client.waitForDiagnostics(target, since, (p) => p.version === version);
    assert.deepEqual(targetAfter.diagnostics.map(shapeOf), ['slug-filename-mismatch 2 2:6-2:30']);

    since = client.mark();
    await client.change(target, text);
    assert.deepEqual((await client.waitForDiagnostics(linking, since)).diagnostics, []);
    await client.close(linking);
    await client.close(target);
  });

  it('an open document wins over the disk: a change on disk to an open file does not replace its text', async () => {
    let since = client.mark();
    const uri = await client.open('trust-circles.md');
    await client.waitForDiagnostics(uri, since);
    const linking = await client.open('emotional-safety.md');
    await client.waitForDiagnostics(linking, since);
    const path = client.filePath('trust-circles.md');
    const original = fs.readFileSync(path, 'utf8');
    // On disk the slug changes; the editor still has the old text, so links to `trust-circles` still resolve.
    fs.writeFileSync(path, original.replace('slug: trust-circles', 'slug: trust-circles-on-disk'));
    since = client.mark();
    await client.filesChanged([{ uri, type: FileChangeType.Changed }]);
    // A probe that is re-checked after the file event: the linking document stays clean.
    const probeVersion = await client.change(linking, fs.readFileSync(client.filePath('emotional-safety.md'), 'utf8'));
    const probe = await client.waitForDiagnostics(linking, since, (p) => p.version === probeVersion);
    assert.deepEqual(probe.diagnostics, []);

    // Closing the document makes the disk the truth: now the link is broken.
    since = client.mark();
    await client.close(uri);
    const broken = await client.waitForDiagnostics(linking, since, (p) => p.diagnostics.length > 0);
    assert.deepEqual(broken.diagnostics.map(shapeOf), ['broken-relationship 2 38:12-38:25']);
    fs.writeFileSync(path, original);
    await client.close(linking);
  });
});
