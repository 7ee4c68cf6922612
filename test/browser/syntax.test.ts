/**
 * The built pane's syntax against the declared browser targets (.browserslistrc): every chunk of
 * the preview build (the production pane's chunks and the preview's own) is checked by es-check
 * for syntax and features beyond the targets, and for regular-expression literals with a
 * lookbehind, which es-check does not look for and which stop a whole chunk loading in Safari
 * before 16.4. The old-webview script is served, allowed by the page's policy, and runs first.
 */
import { execFileSync } from "child_process";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { DIST } from "./harness";

const ROOT = join(__dirname, "..", "..");

function esCheck(args: string[]): string {
  const bin = join(__dirname, "..", "..", "node_modules", "es-check", "lib", "cli", "index.js");
  try {
    return execFileSync(process.execPath, [bin, ...args], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`es-check failed:\n${err.stdout ?? ""}${err.stderr ?? ""}`);
  }
}

describe("the bundle runs where the pane is declared to run", () => {
  const chunks = readdirSync(DIST).filter((f) => f.endsWith(".js") && f !== "old-webview.js");

  test("every chunk passes es-check against .browserslistrc, features included", () => {
    expect(chunks.length).toBeGreaterThan(3);
    const out = esCheck([
      "checkBrowser",
      ...chunks.map((f) => join(DIST, f)),
      "--checkFeatures",
      `--browserslistPath=${join(ROOT, ".browserslistrc")}`,
    ]);
    expect(out).toMatch(/passed/i);
  }, 120_000);

  test("no chunk has a regex literal with a lookbehind", () => {
    const bad = chunks.filter((f) => /\/\(\?<[=!]/.test(readFileSync(join(DIST, f), "utf8")));
    expect(bad).toEqual([]);
  });

  test("the old-webview script is ES5, served from this origin and loaded before anything else", () => {
    const file = join(DIST, "old-webview.js");
    expect(esCheck(["es5", file])).toMatch(/passed/i);
    const page = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const scripts = [...page.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("old-webview.js");
    // The minified page may leave the attribute unquoted (http-equiv=Content-Security-Policy).
    const csp = /Content-Security-Policy"? content="([^"]+)"/.exec(page)?.[1] ?? "";
    expect(csp).toMatch(/script-src 'self'/);
  });
});
