import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import {
  DocumentDiagnosticReportKind, DocumentDiagnosticRequest, FileChangeType, WorkspaceDiagnosticRequest,
  type WorkspaceDocumentDiagnosticReport, type WorkspaceFullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { EXPECTED_DIAGNOSTICS, FIXTURE_PATTERN_COUNT } from './fixtureFacts';
import { shapeOf, startOnFixtureCopy, type LspTestClient } from './lspTestClient';

describe('pull diagnostics (workspace/diagnostic, textDocument/diagnostic)', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
  });
  after(() => dispose());

  const fileOf = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

  it("reports the problems of every pattern file, closed ones included; an open document's are pushed instead", async () => {
    const since = client.mark();
    const open = await client.open('broken-links.md');
    await client.waitForDiagnostics(open, since);
    const report = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    assert.equal(report.items.length, FIXTURE_PATTERN_COUNT);
    for (const item of report.items as WorkspaceFullDocumentDiagnosticReport[]) {
      assert.equal(item.kind, DocumentDiagnosticReportKind.Full);
      const file = fileOf(item.uri);
      if (file === 'broken-links.md') {
        assert.equal(item.version, 1);
        assert.deepEqual(item.items, [], 'the open document is reported by publishDiagnostics');
      } else {
        assert.equal(item.version, null);
        assert.deepEqual(item.items.map(shapeOf), EXPECTED_DIAGNOSTICS[file], file);
      }
    }
    await client.close(open);
  });

  it('answers "unchanged" for what the client has, and re-checks a file changed on disk', async () => {
    const first = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    const previousResultIds = first.items.map((item) => ({ uri: item.uri, value: item.resultId! }));
    // Nothing changed: the server holds the request until something does.
    const pending = client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
    const filePath = client.filePath('score-problems.md');
    fs.writeFileSync(filePath, fs.readFileSync(filePath, 'utf8').replace('resilience: 7', 'resilience: 3.0'));
    await client.filesChanged([{ uri: client.uri('score-problems.md'), type: FileChangeType.Changed }]);
    const second = await pending;
    const byFile = new Map(second.items.map((item) => [fileOf(item.uri), item] as const));
    assert.equal(byFile.size, FIXTURE_PATTERN_COUNT);
    const changed = byFile.get('score-problems.md') as WorkspaceFullDocumentDiagnosticReport;
    assert.equal(changed.kind, DocumentDiagnosticReportKind.Full);
    assert.deepEqual(changed.items.map(shapeOf), ['overall-score-mismatch 2 31:19-31:22']);
    for (const [file, item] of byFile) if (file !== 'score-problems.md') assert.equal(item.kind, DocumentDiagnosticReportKind.Unchanged, file);
  });

  it('streams the reports as partial results when the client passes a partial result token', async () => {
    const streamed: WorkspaceDocumentDiagnosticReport[] = [];
    const token = 'partial-workspace-diagnostics';
    const subscription = client.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (chunk) => streamed.push(...chunk.items));
    const final = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken: token });
    subscription.dispose();
    assert.deepEqual(final.items, []);
    assert.deepEqual(streamed.map((item) => fileOf(item.uri)).sort(), Object.keys(EXPECTED_DIAGNOSTICS).sort());
  });

  it('answers textDocument/diagnostic for a closed file, then "unchanged" for the same result id', async () => {
    const uri = client.uri('crlf-pattern.md');
    const full = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(full.kind, DocumentDiagnosticReportKind.Full);
    if (full.kind !== DocumentDiagnosticReportKind.Full) return;
    assert.deepEqual(full.items.map(shapeOf), EXPECTED_DIAGNOSTICS['crlf-pattern.md']);
    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: full.resultId });
    assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: full.resultId });
  });

  it('answers textDocument/diagnostic for an open document with an empty report (its problems are pushed)', async () => {
    const since = client.mark();
    const uri = await client.open('crlf-pattern.md');
    const pushed = await client.waitForDiagnostics(uri, since);
    assert.deepEqual(pushed.diagnostics.map(shapeOf), EXPECTED_DIAGNOSTICS['crlf-pattern.md']);
    const pulled = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.deepEqual(pulled, { kind: DocumentDiagnosticReportKind.Full, items: [] });
    await client.close(uri);
  });
});
