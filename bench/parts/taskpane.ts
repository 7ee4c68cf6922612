/**
 * taskpaneGzipBytes: the production task pane's first-load JavaScript, gzipped (budget 250 KB);
 * taskpaneOpenGzipBytes: all it fetches before the first step shows (budget 250 KB, issue 15).
 * Builds the production bundle and asks scripts/size.mjs, the same count `npm run build` prints.
 */
import { execFileSync, spawnSync } from "child_process";
import * as path from "path";

// Compiled to build/bench/bench/parts: the project is four folders up.
const ROOT = path.resolve(__dirname, "..", "..", "..", "..");

export async function run(): Promise<Record<string, number>> {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  // webpack's report is piped and dropped (with stdout ignored, webpack-cli exits 1).
  execFileSync(npx, ["webpack", "--mode", "production"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  // size.mjs exits 1 over the budget, after printing its figures: the bench reports them anyway.
  const out = spawnSync(process.execPath, [path.join(ROOT, "scripts", "size.mjs")], {
    cwd: ROOT,
    encoding: "utf8",
  }).stdout;
  const last = out.trim().split("\n").pop() ?? "{}";
  return JSON.parse(last) as { taskpaneGzipBytes: number; taskpaneOpenGzipBytes: number };
}
