import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { URI } from 'vscode-uri';
import { ErrorCodes, ResponseError, WorkDoneProgress } from 'vscode-languageserver-protocol/node';
import { startOnFixtureCopy, type LspTestClient } from './lspTestClient';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

interface OutlineItem { kind: string; label: string; number: number; present: boolean; wordCount?: number; range: unknown }
interface Preview { title?: string; summary?: string; audiences: Array<{ audience: string; label?: string; range?: unknown }> }
interface Backlink { uri: string; slug: string; title?: string; kind: string; source: string; range: unknown }

describe('the commonsPatterns/* requests', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;
  let workspace: string;

  before(async () => {
    ({ client, dispose, workspace } = await startOnFixtureCopy());
  });
  after(() => dispose());

  it('commonsPatterns/sectionOutline: the groups and the eight sections with word counts', async () => {
    const outline = await client.connection.sendRequest<OutlineItem[]>('commonsPatterns/sectionOutline', { uri: client.uri('active-listening.md') });
    assert.deepEqual(outline.filter((i) => i.kind === 'group').map((i) => i.number), [1, 2, 3, 4, 5, 6, 7]);
    const sections = outline.filter((i) => i.kind === 'section');
    assert.deepEqual(sections.map((s) => [s.label, s.present, s.wordCount]), [
      ['Section 1: Context', true, 7], ['Section 2: Problem', true, 3], ['Section 3: Solution', true, 6],
      ['Section 4: Implementation', true, 3], ['Section 5: Consequences', true, 4], ['Section 6: Known Uses', true, 5],
      ['Section 7: Cognitive Era', true, 5], ['Section 8: Vitality', true, 5],
    ]);
  });

  it('commonsPatterns/contextPreview: title, summary and one entry per audience label with its range', async () => {
    const preview = await client.connection.sendRequest<Preview>('commonsPatterns/contextPreview', { uri: client.uri('active-listening.md') });
    assert.equal(preview.title, 'Active Listening');
    assert.equal(preview.summary, 'Listening with full attention so that the speaker feels heard before anyone answers.');
    assert.deepEqual(preview.audiences.map((a) => [a.audience, a.label, a.range]), [
      ['corporate', 'Managers listen before they decide', range(10, 13, 49)],
      ['government', 'Officials hear citizens out', range(11, 14, 43)],
      ['activist', 'Organizers listen to the affected first', range(12, 12, 53)],
      ['tech', 'Engineers listen to users before building', range(13, 8, 51)],
    ]);
  });

  it('commonsPatterns/backlinks: every pattern that links here, with the kind and range of the link', async () => {
    const backlinks = await client.connection.sendRequest<Backlink[]>('commonsPatterns/backlinks', { uri: client.uri('trust-circles.md') });
    assert.deepEqual(backlinks.map((b) => [b.slug, b.kind, b.source, b.range]).sort(), [
      ['active-listening', 'complementary', 'relationship', range(46, 12, 25)],
      ['emoji-garden', 'complementary', 'relationship', range(35, 12, 25)],
      ['emotional-safety', 'complementary', 'relationship', range(38, 12, 25)],
    ]);
  });

  it('commonsPatterns/newPattern: a v7.1 file for a title in the folder with most patterns; a taken slug gets a number', async () => {
    const fresh = await client.connection.sendRequest<{ uri: string; slug: string; text: string }>('commonsPatterns/newPattern', { title: 'Conflict Mediation' });
    assert.equal(fresh.slug, 'conflict-mediation');
    assert.equal(fresh.uri, client.uri('conflict-mediation.md'));
    assert.match(fresh.text, /^---\n/);
    assert.match(fresh.text, /\nslug: conflict-mediation\n/);
    assert.match(fresh.text, /\ntitle: "Conflict Mediation"\n/);
    assert.equal(fs.existsSync(client.filePath('conflict-mediation.md')), false, 'the client creates the file, not the server');

    const taken = await client.connection.sendRequest<{ uri: string; slug: string }>('commonsPatterns/newPattern', { title: 'Active Listening' });
    assert.deepEqual([taken.slug, taken.uri], ['active-listening-2', client.uri('active-listening-2.md')]);

    const subfolder = URI.file(`${workspace}/drafts`).toString();
    const inFolder = await client.connection.sendRequest<{ uri: string }>('commonsPatterns/newPattern', { title: 'Seed Bank', folderUri: subfolder });
    assert.equal(inFolder.uri, `${subfolder}/seed-bank.md`);
  });

  it('commonsPatterns/newPattern refuses an empty title with InvalidParams', async () => {
    await assert.rejects(client.connection.sendRequest('commonsPatterns/newPattern', { title: '  ' }),
      (error: ResponseError<unknown>) => error.code === ErrorCodes.InvalidParams && /non-empty title/.test(error.message));
  });

  it('commonsPatterns/libraryStatus: pattern and problem counts over the whole library', async () => {
    const status = await client.connection.sendRequest('commonsPatterns/libraryStatus', {});
    // 1 error (score-out-of-range), 6 warnings, 1 information (legacy-schema): 8 problems.
    assert.deepEqual(status, { patterns: 8, problems: 8, errors: 1, warnings: 6 });
  });

  it('commonsPatterns/checkLibrary: the same counts, the number of files checked, and progress on the client\'s token', async () => {
    const messages: string[] = [];
    const workDoneToken = 'check-library-test';
    const subscription = client.connection.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      messages.push(value.kind === 'begin' ? `begin ${value.title}` : value.kind === 'report' ? `report ${value.message}` : 'end');
    });
    const result = await client.connection.sendRequest('commonsPatterns/checkLibrary', { workDoneToken });
    subscription.dispose();
    assert.deepEqual(result, { patterns: 8, problems: 8, errors: 1, warnings: 6, files: 8 });
    assert.deepEqual(messages, ['begin Checking the pattern library', 'report Checked 0/8 patterns', 'report Checked 8/8 patterns', 'end']);
  });

  it('rejects a request without a uri with InvalidParams and keeps serving', async () => {
    await assert.rejects(client.connection.sendRequest('commonsPatterns/sectionOutline', {}),
      (error: ResponseError<unknown>) => error.code === ErrorCodes.InvalidParams);
    const outline = await client.connection.sendRequest<OutlineItem[]>('commonsPatterns/sectionOutline', { uri: client.uri('trust-circles.md') });
    assert.equal(outline.filter((i) => i.kind === 'section').length, 8);
  });
});
