#!/usr/bin/env node
// The `vfm` command. The TypeScript sources are compiled to build/cli by `npm install` (the
// "prepare" script) or `npm run build:cli`.
"use strict";
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "build", "cli", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("vfm: the command line is not built yet; run `npm run build:cli` first.\n");
  process.exit(2);
}

/**
 * Exits once everything written has left the process: on a pipe, Node writes stdout
 * asynchronously, and process.exit() at once would cut the output (at 64 KB, a pipe's buffer).
 * A write's callback runs after every earlier write has been flushed.
 */
function exitAfterOutput(code) {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

require(entry)
  .main(process.argv.slice(2))
  .then(exitAfterOutput, (e) => {
    process.stderr.write(`vfm: ${e && e.message ? e.message.split("\n")[0] : String(e)}\n`);
    exitAfterOutput(2);
  });
