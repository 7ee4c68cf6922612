#!/usr/bin/env node
// `npm run sample`: rebuilds assets/sample/exampleshire.xlsx (input template form) and
// assets/sample/exampleshire-freeform.xlsx (a force's own layout) from the grids in
// src/core/sample/exampleshire.ts. It compiles the command line first (src/cli/makeSample.ts is
// part of it) and stops if that fails.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

try {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: root,
    stdio: "inherit",
  });
} catch {
  process.stderr.write("make-sample: the command line did not compile; fix the errors above first.\n");
  process.exit(1);
}

const { writeSamples } = require(path.join(root, "build", "cli", "cli", "makeSample.js"));
const written = await writeSamples(path.join(root, "assets", "sample"));
for (const file of written) process.stdout.write(`wrote ${path.relative(root, file)}\n`);
