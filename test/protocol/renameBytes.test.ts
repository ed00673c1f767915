import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DidChangeTextDocumentNotification, RenameRequest, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { LspTestClient, REPO_ROOT } from './lspTestClient';
import { applyWorkspaceEditToFiles } from './workspaceEditFiles';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'protocol-rename');
const ORIGINAL = path.join(FIXTURES, 'workspace');
const RENAMED = path.join(FIXTURES, 'renamed');

/** Every file of a folder, by name, as bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  return new Map(fs.readdirSync(dir).sort().map((name) => [name, fs.readFileSync(path.join(dir, name))]));
}

function assertSameFiles(actualDir: string, expectedDir: string): void {
  const actual = filesOf(actualDir);
  const expected = filesOf(expectedDir);
  assert.deepEqual([...actual.keys()], [...expected.keys()], 'the same file names');
  for (const [name, bytes] of expected) assert.ok(actual.get(name)!.equals(bytes), `${name} is byte-for-byte as expected:\n${actual.get(name)!.toString('utf8')}`);
}

describe('no lost text: a slug renamed over the protocol and back, applied to the files', { timeout: 60_000 }, () => {
  let workspace: string;
  let client: LspTestClient;
  /** The editor's text of garden-commons.md, which stays open throughout. */
  const openTexts = new Map<string, string>();
  let openUri: string;
  let openVersion = 1;

  before(async () => {
    // The fixtures' bytes are the point: make sure git kept the BOM and the CRLF line endings.
    const seedBank = fs.readFileSync(path.join(ORIGINAL, 'seed-bank.md'));
    assert.deepEqual([...seedBank.subarray(0, 5)], [0xef, 0xbb, 0xbf, 0x2d, 0x2d], 'seed-bank.md starts with a BOM');
    assert.ok(seedBank.includes('\r\n'), 'seed-bank.md has CRLF line endings');
    assert.ok(fs.readFileSync(path.join(ORIGINAL, 'crlf-neighbour.md')).includes('\r\n'), 'crlf-neighbour.md has CRLF line endings');

    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-rename-bytes-'));
    fs.cpSync(ORIGINAL, workspace, { recursive: true });
    client = await LspTestClient.start(workspace);
    assert.deepEqual(await client.waitForIndexReady(), { patterns: 4 });
    openUri = await client.open('garden-commons.md');
    openTexts.set(openUri, fs.readFileSync(client.filePath('garden-commons.md'), 'utf8'));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** Applies the edit to the files (and the open document, then "saved"), telling the server what an editor would. */
  async function apply(edit: WorkspaceEdit): Promise<void> {
    const openEdit = edit.documentChanges!.find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === openUri);
    assert.equal(openEdit?.textDocument.version, openVersion, 'the open document\'s edit names its version');
    const events = applyWorkspaceEditToFiles(edit, openTexts);
    openVersion++;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: openUri, version: openVersion }, contentChanges: [{ text: openTexts.get(openUri)! }],
    });
    await client.filesChanged(events.filter((e) => e.uri !== openUri));
  }

  it('seed-bank → seed-vault from the declaration (in a file with a BOM and CRLF): every file as expected, byte for byte', async () => {
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: client.uri('seed-bank.md') }, position: { line: 3, character: 9 }, newName: 'seed-vault',
    })) as WorkspaceEdit;
    await apply(edit);
    assertSameFiles(workspace, RENAMED);
  });

  it('seed-vault → seed-bank from a single-quoted reference in the open document: the original bytes again', async () => {
    // Line 10 of garden-commons.md: `    - slug: 'seed-vault'    # single-quoted`.
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: openUri }, position: { line: 10, character: 16 }, newName: 'seed-bank',
    })) as WorkspaceEdit;
    await apply(edit);
    assertSameFiles(workspace, ORIGINAL);
  });
});
