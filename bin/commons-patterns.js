#!/usr/bin/env node
'use strict';
// The esbuild bundle (npm run build): one file to load instead of a few hundred modules, which is
// a tenth of a `check` over a library of a few thousand files.
require('../dist/cli.js');
