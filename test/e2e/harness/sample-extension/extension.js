// Self-test extension for the e2e harness (scripts/e2e/run.mjs): registers one command.
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('harnessSample.hello', () => 'hello from harness-sample'),
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
