import * as assert from 'assert';
import * as vscode from 'vscode';
import { activatedApi, fixtureUri, waitFor } from './helpers';

/** Scratch files of this suite live here and are deleted afterwards: the fixture stays as it was. */
const SCRATCH = 'rename-scratch';

const SOURCE = [
  '---',
  'id: pat_01m8h8vdm6f21tqpcemwspycp1',
  'slug: rename-source',
  'title: "Rename Source"',
  'summary: "A scratch pattern for the rename test."',
  '---',
  '',
].join('\n');

const REFERRER = [
  '---',
  'id: pat_01m8h8vdm6f21tqpcjmj2fz8s9',
  'slug: rename-referrer',
  'title: "Rename Referrer"',
  'summary: "A scratch pattern that links to rename-source."',
  'relationships:',
  '  enables:',
  '    - slug: rename-source',
  '      weight: 0.5',
  '---',
  '',
].join('\n');

/** A WorkspaceEdit as the workbench's rename command gets it from the providers (1-based ranges). */
interface RenameEditDto {
  readonly rejectReason?: string;
  readonly edits: ReadonlyArray<{
    readonly resource?: vscode.Uri;
    readonly textEdit?: { readonly range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }; readonly text: string };
    readonly oldResource?: vscode.Uri;
    readonly newResource?: vscode.Uri;
  }>;
}

/**
 * The rename edit in the order the server gave it, as F2 applies it: text edits of a file before
 * its rename. (`vscode.executeDocumentRenameProvider` rebuilds the edit with every file rename
 * before every text edit, so applying its result edits a file that was already renamed away; the
 * workbench applies the provider's edit as it is. This asks the same providers through the command
 * behind that API.)
 */
async function renameEditInOrder(uri: vscode.Uri, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
  const dto = await vscode.commands.executeCommand<RenameEditDto | undefined>('_executeDocumentRenameProvider', uri, { lineNumber: position.line + 1, column: position.character + 1 }, newName);
  assert.ok(dto, 'the server answers the rename');
  assert.strictEqual(dto.rejectReason, undefined);
  const edit = new vscode.WorkspaceEdit();
  const asUri = (u: vscode.Uri) => (u instanceof vscode.Uri ? u : vscode.Uri.from(u));
  for (const item of dto.edits) {
    if (item.resource && item.textEdit) {
      const r = item.textEdit.range;
      edit.replace(asUri(item.resource), new vscode.Range(r.startLineNumber - 1, r.startColumn - 1, r.endLineNumber - 1, r.endColumn - 1), item.textEdit.text);
    } else if (item.oldResource && item.newResource) {
      edit.renameFile(asUri(item.oldResource), asUri(item.newResource));
    }
  }
  return edit;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

suite('editing: rename a slug, new pattern', () => {
  const folder = () => fixtureUri(SCRATCH);

  suiteSetup(async () => {
    await activatedApi();
    await vscode.workspace.fs.createDirectory(folder());
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  test('renaming a slug renames its file and updates the file that links to it', async () => {
    const api = await activatedApi();
    const source = vscode.Uri.joinPath(folder(), 'rename-source.md');
    const referrer = vscode.Uri.joinPath(folder(), 'rename-referrer.md');
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(SOURCE));
    await vscode.workspace.fs.writeFile(referrer, new TextEncoder().encode(REFERRER));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    // The server has indexed both new files once it reports the link.
    await waitFor('the server to index the scratch files', async () => ((await api.backlinks(source)).length === 1 ? true : undefined));

    // Through the public API: the slug and the reference, at their exact ranges.
    const publicEdit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', source, new vscode.Position(2, 8), 'renamed-target');
    assert.deepStrictEqual(publicEdit.entries().map(([uri, edits]) => [uri.toString(), edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText])]), [
      [referrer.toString(), [[7, 12, 7, 25, 'renamed-target']]],
      [source.toString(), [[2, 6, 2, 19, 'renamed-target']]],
    ]);

    const edit = await renameEditInOrder(source, new vscode.Position(2, 8), 'renamed-target');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    // With files.autoSave off, the edited files stay dirty in memory until saved: save each as a user would.
    for (const document of vscode.workspace.textDocuments) if (document.isDirty && document.uri.path.includes(`/${SCRATCH}/`)) await document.save();
    await vscode.workspace.saveAll(false);

    // Files a refactoring edits are saved by VS Code (files.refactoring.autoSave) a moment later: poll the disk.
    const renamed = vscode.Uri.joinPath(folder(), 'renamed-target.md');
    const expectedSource = SOURCE.replace('slug: rename-source', 'slug: renamed-target');
    const expectedReferrer = REFERRER.replace('    - slug: rename-source', '    - slug: renamed-target');
    await waitFor('the renamed and the referring file on disk', async () =>
      (await exists(renamed)) && (await readText(renamed)) === expectedSource && (await readText(referrer)) === expectedReferrer ? true : undefined,
    10_000).catch(() => undefined);
    assert.ok(await exists(renamed), 'renamed-target.md exists');
    assert.ok(!(await exists(source)), 'rename-source.md is gone');
    assert.strictEqual(await readText(renamed), expectedSource);
    assert.strictEqual(await readText(referrer), expectedReferrer);
  });

  test('New Pattern writes <slug>.md from the template in the given folder and opens it', async () => {
    await activatedApi();
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('commonsPatterns.newPattern', folder(), 'Scratch Pattern Here');
    assert.ok(uri, 'the command returns the new file');
    assert.strictEqual(uri.toString(), vscode.Uri.joinPath(folder(), 'scratch-pattern-here.md').toString());
    const text = await readText(uri);
    assert.ok(/^slug: scratch-pattern-here$/m.test(text), 'the slug is made from the title');
    assert.ok(/^id: pat_[0-9a-z]{26}$/m.test(text), 'a fresh TypeID');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new file is open');
  });
});
