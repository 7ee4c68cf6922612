#!/usr/bin/env node
// Runs `vfm analyse --json` on every spreadsheet in a folder (and its subfolders), one process
// per file, and tabulates what happened: exit code, the one-line reason on stderr, wall time,
// CPU time and peak memory. Use it to try the command on your own files:
//
//   node scripts/corpus.mjs FOLDER [--json] [-- vfm options such as --max-seconds 60]
//
// Needs the command line built (`npm run build:cli`). Peak memory is read from GNU time
// (/usr/bin/time) where it is installed; without it the column is empty.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const VFM = fileURLToPath(new URL("../bin/vfm.js", import.meta.url));
const SPREADSHEET = /\.(xlsx|xlsm|xlsb|xls|ods|csv)$/i;

const args = process.argv.slice(2);
const dashes = args.indexOf("--");
const own = dashes < 0 ? args : args.slice(0, dashes);
const vfmOptions = dashes < 0 ? [] : args.slice(dashes + 1);
const json = own.includes("--json");
const folder = own.find((a) => !a.startsWith("--"));
if (!folder) {
  process.stderr.write("Usage: node scripts/corpus.mjs FOLDER [--json] [-- vfm options]\n");
  process.exit(2);
}

function filesIn(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesIn(full));
    else if (SPREADSHEET.test(name) && !name.startsWith("~$")) out.push(full);
  }
  return out;
}

const gnuTime = existsSync("/usr/bin/time");
const root = resolve(folder);
const rows = [];
for (const file of filesIn(root)) {
  const command = ["node", VFM, "analyse", file, "--json", ...vfmOptions];
  const started = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "\n@@ %U %S %M", ...command], { encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(command[0], command.slice(1), { encoding: "utf8", maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  let stderr = r.stderr ?? "";
  let cpuMs = null;
  let peakMb = null;
  const m = /\n?@@ ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr);
  if (m) {
    cpuMs = Math.round((Number(m[1]) + Number(m[2])) * 1000);
    peakMb = Math.round(Number(m[3]) / 1024);
    stderr = stderr.slice(0, m.index);
  }
  const reason = stderr.trim().split("\n")[0].replace(/^vfm analyse: /, "").replace(`${file}: `, "");
  rows.push({ file: relative(root, file), exit: r.status, reason, wallMs: Math.round(wallMs), cpuMs, peakMb });
}

if (json) {
  process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
} else {
  const head = ["File", "Exit", "Wall ms", "CPU ms", "Peak MB", "Reason"];
  const table = rows.map((r) => [r.file, String(r.exit), String(r.wallMs), String(r.cpuMs ?? ""), String(r.peakMb ?? ""), r.reason]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => (i === 5 ? 0 : t[i].length))));
  const line = (cells) => cells.map((c, i) => (i === 5 ? c : i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const counts = {};
  for (const r of rows) counts[r.exit] = (counts[r.exit] ?? 0) + 1;
  process.stdout.write(
    [line(head), ...table.map(line), "", `${rows.length} files: ${Object.entries(counts).map(([k, v]) => `${v} exit ${k}`).join(", ")}.`, ""].join("\n")
  );
}
