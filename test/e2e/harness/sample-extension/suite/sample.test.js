// Self-test for the e2e harness. HARNESS_SAMPLE_FAIL=1 adds a failing test (exit code must be 1).
const assert = require('assert');
const vscode = require('vscode');

suite('e2e harness self-test', () => {
  test('runs in VS Code 1.100.3 with the sample extension and its command', async () => {
    assert.strictEqual(vscode.version, '1.100.3');
    const ext = vscode.extensions.getExtension('harness.harness-sample');
    assert.ok(ext, 'extension harness.harness-sample is loaded');
    await ext.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('harnessSample.hello'), 'command harnessSample.hello is registered');
    assert.strictEqual(await vscode.commands.executeCommand('harnessSample.hello'), 'hello from harness-sample');
    assert.ok(vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders.length === 1, 'one workspace folder is open');
  });

  if (process.env.HARNESS_SAMPLE_FAIL === '1') {
    test('deliberately fails (HARNESS_SAMPLE_FAIL=1)', () => {
      assert.strictEqual(1 + 1, 3, 'this failure is expected: HARNESS_SAMPLE_FAIL=1');
    });
  }
});
