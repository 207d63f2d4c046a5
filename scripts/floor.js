#!/usr/bin/env node
'use strict';
/**
 * The read floor of `npm run bench` (g): inflate every .xml part of a workbook and scan it once with
 * a handler that does nothing — what no reader can beat. One definition for both of the bench's
 * floor figures: warm in the bench's own process (`floor(data, modules)` on the modules it imports),
 * and cold as a process of its own on the compiled modules the CLI loads (`node scripts/floor.js
 * FILE`; dist/node is built by npm ci), timed from outside as the CLI is. Plain JS, so the process
 * starts as fast as the CLI does, without ts-node.
 */
const fs = require('fs');
const path = require('path');
const { TextDecoder } = require('util');

async function floor(data, { zipEntries, entryChunks, inflateNode, scanXml }) {
  const noop = { open: () => undefined, close: () => undefined, text: () => undefined };
  for (const entry of zipEntries(data).values()) {
    if (!entry.name.endsWith('.xml')) continue;
    const decoder = new TextDecoder();
    const text = async function* text() {
      for await (const chunk of entryChunks(data, entry, inflateNode, Number.MAX_SAFE_INTEGER)) yield decoder.decode(chunk, { stream: true });
    };
    await scanXml(text(), noop);
  }
}

module.exports = { floor };

if (require.main === module) {
  const io = path.join(__dirname, '..', 'dist', 'node', 'io');
  const { zipEntries, entryChunks } = require(path.join(io, 'zip.js'));
  const { inflateNode } = require(path.join(io, 'inflateNode.js'));
  const { scanXml } = require(path.join(io, 'xml.js'));
  floor(new Uint8Array(fs.readFileSync(process.argv[2])), { zipEntries, entryChunks, inflateNode, scanXml }).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
