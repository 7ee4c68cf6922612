// Prints the production task pane's first-load JavaScript, gzipped: every script the page
// loads before it is interactive in Excel (the <script> tags of dist/taskpane.html that are
// served from this origin). Lazy chunks (the preview, ExcelJS, docx) are listed apart.
// Exits 1 when the first load is over the 250 KB budget.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const BUDGET = 250 * 1024;
const dir = process.argv[2] || "dist";
const html = join(dir, "taskpane.html");
if (!existsSync(html)) {
  console.error(`size: ${html} not found; run \`npm run build\` first.`);
  process.exit(2);
}
const page = readFileSync(html, "utf8");
// The minified page may leave the attribute unquoted (src=taskpane.js).
const first = [...page.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
  .map((m) => m[1])
  .filter((src) => !/^https?:/.test(src));
const gz = (f) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = 0;
console.log("First-load JavaScript (gzipped):");
for (const f of first) {
  const n = gz(f);
  total += n;
  console.log(`  ${f.padEnd(40)} ${kb(n)}`);
}
console.log(`  ${"total".padEnd(40)} ${kb(total)} of ${kb(BUDGET)} budget`);
const lazy = readdirSync(dir).filter((f) => f.endsWith(".js") && !first.includes(f));
if (lazy.length) {
  console.log("Loaded later, when needed (gzipped):");
  for (const f of lazy) console.log(`  ${f.padEnd(40)} ${kb(gz(f))}`);
}
console.log(JSON.stringify({ taskpaneGzipBytes: total }));
if (total > BUDGET) {
  console.error(`size: the first load is ${kb(total)}, over the ${kb(BUDGET)} budget.`);
  process.exit(1);
}
