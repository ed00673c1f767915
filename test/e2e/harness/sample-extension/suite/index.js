// Suite entry in the @vscode/test-electron shape: run() builds Mocha, adds the test files, runs them.
// `require('mocha')` finds the repo's node_modules/mocha, or else the copy in the e2e cache folder
// (scripts/e2e/run.mjs makes the extension host fall back to it, see scripts/e2e/resolve-fallback.cjs).
const path = require('path');
const Mocha = require('mocha');

function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  mocha.addFile(path.join(__dirname, 'sample.test.js'));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}

module.exports = { run };
