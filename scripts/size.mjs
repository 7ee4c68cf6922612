// Prints the production task pane's first-load JavaScript, gzipped: the scripts of
// dist/taskpane.html served from this origin, which draw the pane and start reading the
// workbook. It also prints, apart, what the pane fetches while that read runs in Excel (the
// "core" analysis and the "flow" steps, from dist/chunk-groups.json), so the whole download
// before the first step shows is visible too; the preview, ExcelJS, docx and the renderers
// load only when used. Exits 1 when the first load, or the whole download before the first step
// shows (taskpaneOpenGzipBytes, issue 15), is over the 250 KB budget.
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
const groupsFile = join(dir, "chunk-groups.json");
const groups = existsSync(groupsFile) ? JSON.parse(readFileSync(groupsFile, "utf8")) : {};
const atOpen = [...new Set(["core", "flow"].flatMap((g) => groups[g] ?? []))].filter(
  (f) => !first.includes(f)
);
let opening = total;
if (atOpen.length) {
  console.log("Fetched while the workbook is read, before the first step shows (gzipped):");
  for (const f of atOpen) {
    const n = gz(f);
    opening += n;
    console.log(`  ${f.padEnd(40)} ${kb(n)}`);
  }
  console.log(`  ${"first load + these".padEnd(40)} ${kb(opening)}`);
}
const lazy = readdirSync(dir).filter(
  (f) => f.endsWith(".js") && !first.includes(f) && !atOpen.includes(f)
);
if (lazy.length) {
  console.log("Loaded later, when needed (gzipped):");
  for (const f of lazy) console.log(`  ${f.padEnd(40)} ${kb(gz(f))}`);
}
console.log(JSON.stringify({ taskpaneGzipBytes: total, taskpaneOpenGzipBytes: opening }));
if (total > BUDGET) {
  console.error(`size: the first load is ${kb(total)}, over the ${kb(BUDGET)} budget.`);
  process.exit(1);
}
if (opening > BUDGET) {
  console.error(
    `size: the pane fetches ${kb(opening)} before its first step shows, over the ${kb(BUDGET)} budget.`
  );
  process.exit(1);
}
