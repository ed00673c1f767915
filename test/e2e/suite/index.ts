// Suite entry in the @vscode/test-electron shape (also what scripts/e2e/run.mjs loads in code-server):
// run() builds a Mocha instance (TDD interface), adds every compiled *.test.js here and runs them.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}: build the tests first (npx tsc -b)`));
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed.`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
