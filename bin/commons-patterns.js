#!/usr/bin/env node
'use strict';
const path = require('path');
const { availableParallelism } = require('os');
const { Worker } = require('worker_threads');

// `check` on a library of a few hundred files or more gives a share of them to a worker thread. The
// first one starts here, so that it loads its modules while this thread loads the CLI's (~40 ms
// each); a run too small to use it stops it.
const started = [];
if (process.argv[2] === 'check' && availableParallelism() > 1) {
  const early = { worker: new Worker(path.join(__dirname, '..', 'dist', 'checkWorker.js')), failure: undefined };
  // Kept for the check to see when it takes the worker over: an 'error' event nobody listens to would throw.
  early.worker.once('error', (error) => (early.failure ??= error));
  early.worker.once('exit', (code) => (early.failure ??= new Error(`a check worker stopped unexpectedly (exit code ${code})`)));
  started.push(early);
}

// The esbuild bundle (npm run build): one file to load instead of a few hundred modules, which is
// a tenth of a `check` over a library of a few thousand files.
require('../dist/cli.js').main(started);
