'use strict';
// Fallback for machines without GNU time: runs a CommonJS script in this process and, when the
// process exits (however it exits), writes its CPU time and peak RSS to a file.
// Usage: node withResourceUsage.cjs STATS_FILE SCRIPT [ARGS...]
const fs = require('fs');
const path = require('path');

const [statsFile, script, ...args] = process.argv.slice(2);
process.on('exit', () => {
  const usage = process.resourceUsage();
  fs.writeFileSync(statsFile, JSON.stringify({
    userS: usage.userCPUTime / 1e6,
    sysS: usage.systemCPUTime / 1e6,
    maxRssMiB: Math.round((usage.maxRSS / 1024) * 10) / 10,
  }));
});
process.argv = [process.argv[0], path.resolve(script), ...args];
if (script.endsWith('.mjs')) import(require('url').pathToFileURL(path.resolve(script)).href);
else require(path.resolve(script));
