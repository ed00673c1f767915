import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import {
  CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest,
  type CompletionList, type Hover, type MarkupContent, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import type { HostileDocument } from './hostileDocuments';
import { startOnFixtureCopy, type LspTestClient } from './lspTestClient';

/** How long a hostile document may take to be checked, on a slow and busy machine. */
export const CHECK_BOUND_MS = 20_000;

/** The slugs offered at a new, empty entry of active-listening's `complementary` list: every pattern but itself and trust-circles (already in that list). */
const COMPLETED_SLUGS = ['broken-links', 'crlf-pattern', 'emoji-garden', 'emotional-safety', 'legacy-circle', 'score-problems'];

/**
 * A server on the fixture workspace with one normal document open (active-listening.md with an
 * empty relationship entry on line 48), to send hostile documents to and then check that
 * ordinary requests on the normal document still get exactly the right answers.
 */
export class HostileSession {
  private baselineHover!: Hover;
  private normalUri!: string;

  private constructor(readonly client: LspTestClient, readonly dispose: () => Promise<void>) {}

  static async start(): Promise<HostileSession> {
    const { client, dispose } = await startOnFixtureCopy();
    const session = new HostileSession(client, dispose);
    const text = fs.readFileSync(client.filePath('active-listening.md'), 'utf8');
    // Line 48: a new, empty entry after `- slug: trust-circles` / `weight: 0.8` (lines 46-47).
    const since = client.mark();
    session.normalUri = await client.open('active-listening.md', text.replace('      weight: 0.8\n', '      weight: 0.8\n    - slug: \n'));
    await client.waitForDiagnostics(session.normalUri, since);
    session.baselineHover = await session.hoverTrustCircles();
    assert.deepEqual(session.baselineHover.range, { start: { line: 46, character: 12 }, end: { line: 46, character: 25 } });
    const value = (session.baselineHover.contents as MarkupContent).value;
    assert.match(value, /^\*\*Trust Circles\*\* · `trust-circles`/);
    assert.match(value, /Small recurring circles where trust is built through shared stories\./);
    assert.match(value, /tech: Guilds that meet every week/);
    return session;
  }

  private hoverTrustCircles(): Promise<Hover> {
    return this.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: this.normalUri }, position: { line: 46, character: 15 } }) as Promise<Hover>;
  }

  /** Hover on a relationship target and slug completion in the normal document give the exact answers. */
  async ordinaryRequestsAnswer(alsoIndexed: string | undefined): Promise<void> {
    assert.deepEqual(await this.hoverTrustCircles(), this.baselineHover);
    const completion = (await this.client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: this.normalUri }, position: { line: 48, character: 12 },
    })) as CompletionList;
    const expected = [...COMPLETED_SLUGS, ...(alsoIndexed ? [alsoIndexed] : [])].sort();
    assert.deepEqual(completion.items.map((item) => item.label).sort(), expected);
    assert.deepEqual(completion.items.find((item) => item.label === 'emotional-safety')?.textEdit,
      { range: { start: { line: 48, character: 12 }, end: { line: 48, character: 12 } }, newText: 'emotional-safety' });
  }

  /** The hostile document's own requests answer too (whatever the answer), and the process is alive. */
  async hostileRequestsAnswer(uri: string): Promise<void> {
    const connection = this.client.connection;
    const position = { line: 1, character: 3 };
    await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    await connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.equal(this.client.server.exitCode, null, 'the server process is still running');
  }

  /** Opens a hostile document, waits (bounded) for its diagnostics, checks the ordinary requests, closes it. */
  async send(hostile: HostileDocument, check: (published: PublishDiagnosticsParams) => void): Promise<void> {
    const since = this.client.mark();
    const started = Date.now();
    const uri = await this.client.open(hostile.file, hostile.text);
    try {
      const published = await this.client.waitForDiagnostics(uri, since, () => true, CHECK_BOUND_MS);
      assert.ok(Date.now() - started < CHECK_BOUND_MS);
      assert.equal(published.version, 1);
      check(published);
      await this.ordinaryRequestsAnswer(hostile.indexedAs);
      await this.hostileRequestsAnswer(uri);
    } finally {
      // Closed (and so out of the index) even when a check failed, so that the next case starts clean.
      await this.client.close(uri);
    }
  }
}
