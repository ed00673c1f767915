import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import {
  CodeActionRequest, CompletionRequest, HoverRequest,
  type CodeAction, type CompletionList, type Diagnostic, type Hover, type MarkupContent, type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { startOnFixtureCopy, type LspTestClient } from './lspTestClient';

describe('completion, hover and quick fixes over the protocol', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
  });
  after(() => dispose());

  async function openAndWait(file: string, text?: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const since = client.mark();
    const uri = await client.open(file, text);
    return { uri, diagnostics: (await client.waitForDiagnostics(uri, since)).diagnostics };
  }

  it('completes the slugs of the workspace in a relationship list, without its own slug nor those already in the list', async () => {
    const text = fs.readFileSync(client.filePath('emotional-safety.md'), 'utf8');
    // A new, empty entry right after `- slug: active-listening` / `weight: 0.92` in `requires` (line 37).
    const withEntry = text.replace('      weight: 0.92\n', '      weight: 0.92\n    - slug: \n');
    const { uri } = await openAndWait('emotional-safety.md', withEntry);
    const result = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri }, position: { line: 37, character: 12 },
    })) as CompletionList;
    assert.deepEqual(result.items.map((item) => item.label).sort(), [
      'broken-links', 'crlf-pattern', 'emoji-garden', 'legacy-circle', 'score-problems', 'trust-circles',
    ]);
    const trust = result.items.find((item) => item.label === 'trust-circles')!;
    assert.equal(trust.detail, 'Trust Circles');
    assert.deepEqual(trust.textEdit, { range: { start: { line: 37, character: 12 }, end: { line: 37, character: 12 } }, newText: 'trust-circles' });
    const documentation = trust.documentation as MarkupContent;
    assert.equal(documentation.kind, 'markdown');
    assert.match(documentation.value, /Small recurring circles where trust is built through shared stories\./);
    assert.match(documentation.value, /community-building/);
    await client.close(uri);
  });

  it('hovers a relationship target with a preview of the linked pattern and the weight of the link', async () => {
    const { uri } = await openAndWait('active-listening.md');
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri }, position: { line: 46, character: 15 },
    })) as Hover;
    assert.deepEqual(hover.range, { start: { line: 46, character: 12 }, end: { line: 46, character: 25 } });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*Trust Circles\*\*/);
    assert.match(value, /Small recurring circles where trust is built through shared stories\./);
    assert.match(value, /Domain: community-building/);
    assert.match(value, /Vitality: Functional \(3\)/);
    assert.match(value, /tech: Guilds that meet every week/);
    assert.match(value, /weight 0\.8/);
    assert.ok(value.includes(client.uri('trust-circles.md')), 'links to the target file');
    await client.close(uri);
  });

  it('hovers a key with its schema description, and a broken target says so', async () => {
    const { uri } = await openAndWait('emoji-garden.md');
    const keyHover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri }, position: { line: 2, character: 2 },
    })) as Hover;
    assert.deepEqual(keyHover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
    assert.match((keyHover.contents as MarkupContent).value, /slug/i);
    const brokenHover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri }, position: { line: 40, character: 50 },
    })) as Hover;
    assert.deepEqual(brokenHover.range, { start: { line: 40, character: 46 }, end: { line: 40, character: 55 } });
    assert.equal((brokenHover.contents as MarkupContent).value, "No pattern with slug 'seed-bank' in the workspace");
    await client.close(uri);
  });

  it("offers \"Change to 'emotional-safety'\" for a misspelt target, as a minimal edit", async () => {
    const { uri, diagnostics } = await openAndWait('broken-links.md');
    const typo = diagnostics.find((d) => d.range.start.line === 40)!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] },
    })) as CodeAction[];
    const change = actions.find((a) => a.title === "Change to 'emotional-safety'");
    assert.ok(change, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(change.kind, 'quickfix');
    assert.deepEqual(change.edit?.documentChanges, [{
      textDocument: { uri, version: 1 },
      edits: [{ range: { start: { line: 40, character: 12 }, end: { line: 40, character: 27 } }, newText: 'emotional-safety' }],
    }]);
    const create = actions.find((a) => a.title === "Create pattern 'emotional-safty'");
    assert.ok(create, `actions: ${actions.map((a) => a.title).join(', ')}`);
    const [createFile, fill] = create.edit!.documentChanges! as [{ kind: string; uri: string }, TextDocumentEdit];
    assert.equal(createFile.kind, 'create');
    assert.equal(createFile.uri, client.uri('emotional-safty.md'));
    assert.match(fill.edits[0].newText, /^---\n/);
    assert.match(fill.edits[0].newText, /\nslug: emotional-safty\n/);
    assert.match(fill.edits[0].newText, /\nid: pat_[0-9a-z]{26}\n/);
    await client.close(uri);
  });

  it('offers to write the mean for overall-score-mismatch', async () => {
    const { uri, diagnostics } = await openAndWait('score-problems.md');
    const mismatch = diagnostics.find((d) => d.code === 'overall-score-mismatch')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: mismatch.range, context: { diagnostics: [mismatch] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Set overall_score to 3.5']);
    assert.deepEqual(actions[0].edit?.documentChanges, [{
      textDocument: { uri, version: 1 },
      edits: [{ range: { start: { line: 31, character: 19 }, end: { line: 31, character: 22 } }, newText: '3.5' }],
    }]);
    await client.close(uri);
  });
});
