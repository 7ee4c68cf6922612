/**
 * The `vfm` command as a process (bin/vfm.js over build/cli, as users run it): output that
 * survives a pipe whatever its size, and bounds per workbook so one bad file in a batch costs
 * only its own entry. Needs the compiled command line (`npm run build:cli`; `npm ci` builds it).
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { ledgerWorkbook } from "../../bench/parts/analysis";
import { gridToXlsx } from "../../src/xlsx/write";
import { tempDir } from "./tempDir";

const ROOT = path.join(__dirname, "..", "..");
const VFM = path.join(ROOT, "bin", "vfm.js");
const SAMPLE = path.join(ROOT, "assets", "sample", "exampleshire-freeform.xlsx");
const WRITERS = path.join(ROOT, "test", "fixtures", "writers");

const dir = tempDir("vfm-process-");
beforeAll(() => {
  if (!existsSync(path.join(ROOT, "build", "cli", "cli", "worker.js")))
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
  // A ledger of 1,500,000 lines (4.5 million cells): more than 200 MB of heap to read.
  const lines = ["Supplier,Category,Amount"];
  for (let i = 0; i < 1_500_000; i++) lines.push(`Supplier ${i},Vehicles,${i % 977}.5`);
  writeFileSync(path.join(dir(), "huge-ledger.csv"), lines.join("\n"));
}, 120_000);

/**
 * Runs `vfm ARGS | CONSUMER` in bash, the consumer starting only after a second, so the pipe's
 * 64 KB buffer is full long before anyone reads it. Returns vfm's exit code and what the
 * consumer printed.
 */
function piped(args: string[], consumer: string): { code: number; out: string; err: string } {
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const script = `node ${quote(VFM)} ${args.map(quote).join(" ")} 2>"$ERR" | (sleep 1; node -e ${quote(consumer)}); echo "vfm=\${PIPESTATUS[0]}"`;
  const errFile = path.join(dir(), `err-${Date.now()}.txt`);
  const r = spawnSync("bash", ["-c", script], {
    cwd: dir(),
    env: { ...process.env, ERR: errFile },
    encoding: "utf8",
    timeout: 240_000,
  });
  const m = /vfm=(\d+)\s*$/.exec(r.stdout);
  const err = existsSync(errFile) ? readFileSync(errFile, "utf8") : "";
  return { code: m ? Number(m[1]) : -1, out: r.stdout.replace(/vfm=\d+\s*$/, ""), err };
}

/** Reads all of stdin, parses it as JSON and prints its size and a summary. */
const PARSE_JSON = `let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log(JSON.stringify({bytes:Buffer.byteLength(s),summary:Array.isArray(j)?j.map(e=>[e.file,e.status,e.reason??null]):{force:j.force}}))})`;

describe("vfm as a process", () => {
  test("vfm analyse --json into a slow pipe: all of it arrives and parses (exit 0)", () => {
    const r = piped(["analyse", SAMPLE, "--json"], PARSE_JSON);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const got = JSON.parse(r.out);
    // More than the 65,536 bytes a pipe holds, so a process.exit() before draining cut it.
    expect(got.bytes).toBeGreaterThan(65536);
    expect(got.summary.force).toBe("Exampleshire Constabulary");
  }, 240_000);

  test("vfm analyse --json of a 200,000-line ledger into a slow pipe: all 50 MB arrive and parse (exit 0)", async () => {
    // The bench's ledger (the sample's template, its procurement grown to 200,000 lines).
    const ledger = path.join(dir(), "ledger-200k.xlsx");
    writeFileSync(ledger, await gridToXlsx(ledgerWorkbook(200_000)));
    const r = piped(
      ["analyse", ledger, "--json"],
      `let n=0;const parts=[];process.stdin.on("data",d=>{parts.push(d);n+=d.length}).on("end",()=>{const j=JSON.parse(Buffer.concat(parts).toString("utf8"));console.log(JSON.stringify({bytes:n,force:j.force,opportunities:j.procurement.opportunities.length}))})`
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const got = JSON.parse(r.out) as { bytes: number; force: string; opportunities: number };
    expect(got.force).toBe("Exampleshire Constabulary");
    // Each of the ledger's lines off a framework is listed: the JSON runs to tens of MB.
    expect(got.opportunities).toBeGreaterThan(100_000);
    expect(got.bytes).toBeGreaterThan(40 * 1024 * 1024);
  }, 300_000);

  test("vfm check on 43 files, one too large for its bound: the other 42 are all reported, in valid JSON through a pipe", () => {
    const files: string[] = [];
    for (let i = 1; i <= 40; i++) {
      const f = `force-${String(i).padStart(2, "0")}.xlsx`;
      copyFileSync(SAMPLE, path.join(dir(), f));
      files.push(f);
    }
    // The two public test files that hung ExcelJS (15+ and 12 minutes): no budget, refused at once.
    for (const f of ["exceljs-test-issue-1842.xlsx", "poi-57893-many-merges.xlsx"]) {
      copyFileSync(path.join(WRITERS, f), path.join(dir(), f));
      files.push(f);
    }
    files.push("huge-ledger.csv");
    const r = piped(["check", ...files, "--json", "--max-memory", "200"], PARSE_JSON);
    expect(r.code).toBe(2);
    const entries: [string, string, string | null][] = JSON.parse(r.out).summary;
    expect(entries).toHaveLength(43);
    expect(entries.slice(0, 40).every(([, status]) => status === "pass" || status === "fail")).toBe(
      true
    );
    expect(entries[40]).toEqual([
      "exceljs-test-issue-1842.xlsx",
      "unreadable",
      expect.stringMatching(/^no police budget lines were found/),
    ]);
    expect(entries[41][1]).toBe("unreadable");
    expect(entries[42]).toEqual([
      "huge-ledger.csv",
      "unreadable",
      "it needs more than 200 MB of memory, the most one workbook may use (--max-memory to change it, or split the workbook).",
    ]);
    expect(JSON.parse(r.out).bytes).toBeGreaterThan(65536);
  }, 240_000);

  test("vfm analyse stops a workbook that passes the time bound, with one line and exit 2", () => {
    const r = spawnSync("node", [VFM, "analyse", "huge-ledger.csv", "--max-seconds", "0.5"], {
      cwd: dir(),
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "vfm analyse: huge-ledger.csv: it was stopped after 0.5 seconds, the time one workbook may take (--max-seconds to change it).\n"
    );
  }, 120_000);

  test("a bound given wrongly is one line and exit 2", () => {
    const r = spawnSync("node", [VFM, "check", SAMPLE, "--max-seconds", "soon"], {
      cwd: dir(),
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("vfm check: --max-seconds needs a positive number.\n");
  });
});
