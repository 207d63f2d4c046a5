#!/usr/bin/env node
'use strict';
// The command line is compiled to dist/ by `npm ci` (the prepare script).
require('../dist/node/cli/main.js').main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
