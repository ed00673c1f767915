// Preloaded by scripts/e2e/run.mjs (NODE_OPTIONS=--require) into the Node processes code-server starts.
// VS Code's extension host drops Node's global lookup paths (NODE_PATH included), so a suite's
// `require('mocha')` could not find the harness's copy. In the extension host only, this adds a
// last-resort fallback: a bare module name not found the usual way is looked up in the folders
// listed in E2E_FALLBACK_NODE_MODULES (the repo's node_modules, then the e2e cache's).
'use strict';
const path = require('path');
const Module = require('module');

const dirs = (process.env.E2E_FALLBACK_NODE_MODULES || '').split(path.delimiter).filter(Boolean);
if (dirs.length && process.argv.includes('--type=extensionHost')) {
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolveWithE2EFallback(request, parent, isMain, options) {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (err) {
      const bare = typeof request === 'string' && !request.startsWith('.') && !path.isAbsolute(request)
        && !request.startsWith('node:');
      if (err && err.code === 'MODULE_NOT_FOUND' && bare && !(options && options.paths)) {
        try {
          return original.call(this, request, parent, isMain, { paths: dirs });
        } catch { /* fall through to the original error */ }
      }
      throw err;
    }
  };
}
