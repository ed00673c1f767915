import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  DefinitionRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, ResponseError,
  type Location, type RenameFile, type TextDocumentEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { startOnFixtureCopy, type LspTestClient } from './lspTestClient';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('definition, references and rename over the protocol', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
  });
  after(() => dispose());

  it('goes from a relationship target to the target pattern, at its title', async () => {
    const uri = await client.open('active-listening.md');
    const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 46, character: 15 } });
    assert.deepEqual(definition, { uri: client.uri('trust-circles.md'), range: range(3, 7, 22) });
    await client.close(uri);
  });

  it("finds every reference to a pattern from its own slug, in open and closed files", async () => {
    // emotional-safety is open (with its text from disk); the others are closed.
    const open = await client.open('emotional-safety.md');
    const uri = client.uri('trust-circles.md');
    const references = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri }, position: { line: 2, character: 8 }, context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(sortLocations(references), [
      { uri: client.uri('active-listening.md'), range: range(46, 12, 25) },
      { uri: client.uri('emoji-garden.md'), range: range(35, 12, 25) },
      { uri: client.uri('emotional-safety.md'), range: range(38, 12, 25) },
    ]);
    await client.close(open);
  });

  it('finds the same references from any reference, with the declaration when asked', async () => {
    const uri = await client.open('active-listening.md');
    const references = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri }, position: { line: 46, character: 20 }, context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(sortLocations(references), [
      { uri: client.uri('active-listening.md'), range: range(46, 12, 25) },
      { uri: client.uri('emoji-garden.md'), range: range(35, 12, 25) },
      { uri: client.uri('emotional-safety.md'), range: range(38, 12, 25) },
      { uri: client.uri('trust-circles.md'), range: range(2, 6, 19) },
    ]);
    await client.close(uri);
  });

  it('prepares a rename on a slug with its range and the slug as placeholder', async () => {
    const result = await client.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri: client.uri('trust-circles.md') }, position: { line: 2, character: 8 },
    });
    assert.deepEqual(result, { range: range(2, 6, 19), placeholder: 'trust-circles' });
  });

  it('renames a slug: the declaration, every reference in the workspace and the file, in one WorkspaceEdit', async () => {
    const open = await client.open('active-listening.md');
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: client.uri('trust-circles.md') }, position: { line: 2, character: 8 }, newName: 'trust-rings',
    })) as WorkspaceEdit;
    const changes = edit.documentChanges!;
    const textEdits = changes.filter((c): c is TextDocumentEdit => 'textDocument' in c);
    const renames = changes.filter((c): c is RenameFile => 'kind' in c && c.kind === 'rename');
    assert.deepEqual(textEdits.map((e) => [e.textDocument.uri, e.textDocument.version, e.edits]).sort(), [
      [client.uri('active-listening.md'), 1, [{ range: range(46, 12, 25), newText: 'trust-rings' }]],
      [client.uri('emoji-garden.md'), null, [{ range: range(35, 12, 25), newText: 'trust-rings' }]],
      [client.uri('emotional-safety.md'), null, [{ range: range(38, 12, 25), newText: 'trust-rings' }]],
      [client.uri('trust-circles.md'), null, [{ range: range(2, 6, 19), newText: 'trust-rings' }]],
    ]);
    assert.deepEqual(renames, [{ kind: 'rename', oldUri: client.uri('trust-circles.md'), newUri: client.uri('trust-rings.md') }]);
    // The file is renamed after its own text edit, so the edit applies to the file under its old name.
    assert.ok(changes.indexOf(renames[0]) > changes.findIndex((c) => 'textDocument' in c && c.textDocument.uri === client.uri('trust-circles.md')));
    await client.close(open);
  });

  it('refuses a rename to a slug that is taken or invalid, with a message', async () => {
    const params = { textDocument: { uri: client.uri('trust-circles.md') }, position: { line: 2, character: 8 } };
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { ...params, newName: 'active-listening' }),
      (error: ResponseError<unknown>) => /'active-listening' is already the slug of active-listening\.md/.test(error.message));
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { ...params, newName: 'Bad Slug' }),
      (error: ResponseError<unknown>) => /'Bad Slug' is not a valid slug/.test(error.message));
  });
});

function sortLocations(locations: Location[]): Location[] {
  return [...locations].sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line);
}
