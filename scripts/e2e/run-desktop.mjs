// Runs the extension's Mocha suite in desktop VS Code with the standard runner, @vscode/test-electron
// (it downloads VS Code 1.100.3 once into .vscode-test/). For desktops with network access; on
// machines that reach only package registries, `npm run test:e2e` runs the same suite in code-server.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = path.resolve(process.argv[2] ?? path.join(repo, 'test', 'fixtures', 'e2e-workspace'));

try {
  await runTests({
    version: '1.100.3', // the VS Code of code-server 4.100.3, so both runners test the same workbench
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(repo, 'out', 'test', 'e2e', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`test:e2e:desktop: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
