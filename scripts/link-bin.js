#!/usr/bin/env node
'use strict';
/**
 * Puts `service-star` into this project's own node_modules/.bin (run by `prepare`, so by `npm ci`).
 *
 * Why not the package's "bin" field: npm 11's `npx` treats a bin of the project's own package.json
 * as a package to install into its cache and loads the whole dependency tree first (about 1 s more
 * on every run). A command already in node_modules/.bin is run directly (libnpmexec's
 * localFileExists), as fast as `node bin/service-star.js`.
 */
const fs = require('fs');
const path = require('path');

const bin = path.join(__dirname, '..', 'node_modules', '.bin');
fs.mkdirSync(bin, { recursive: true });
const target = path.join(bin, 'service-star');
fs.rmSync(target, { force: true });
if (process.platform === 'win32') {
  // npm's own shims on Windows are .cmd files beside an extensionless one.
  fs.writeFileSync(`${target}.cmd`, '@node "%~dp0\\..\\..\\bin\\service-star.js" %*\r\n');
  fs.writeFileSync(target, '#!/bin/sh\nexec node "$(dirname "$0")/../../bin/service-star.js" "$@"\n');
} else {
  fs.symlinkSync(path.join('..', '..', 'bin', 'service-star.js'), target);
}
