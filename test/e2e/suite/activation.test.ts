import * as assert from 'assert';
import * as vscode from 'vscode';
import { activatedApi, EXTENSION_ID, openDocument } from './helpers';

suite('activation', () => {
  test('a Markdown pattern file activates the extension; its server indexes the library and its commands exist', async () => {
    await openDocument('patterns/therapeutic-relationship-building.md');
    const api = await activatedApi();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is active');

    const commands = await vscode.commands.getCommands(true);
    for (const command of ['commonsPatterns.newPattern', 'commonsPatterns.openContextPreview', 'commonsPatterns.checkLibrary', 'commonsPatterns.showBacklinks']) {
      assert.ok(commands.includes(command), `command ${command} is registered`);
    }
    // Four pattern files; README.md has no frontmatter and is not one.
    assert.strictEqual((await api.libraryStatus()).patterns, 4);
  });
});
