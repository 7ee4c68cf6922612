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
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
