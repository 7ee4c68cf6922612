/**
 * Issue 18's benchmark: reading files as users run the add-in, each figure the CPU time (user +
 * system, all threads) of a whole process, as `vfm` runs, so every figure below is measured the
 * same way and the ratios compare like with like. Rounds are interleaved (each kind of process
 * once per round) so a busy moment on the machine falls on all of them, and the median round
 * is kept. The 200,000-line file is the sample's template with its procurement ledger grown to
 * 200,000 lines (./analysis.ts), written to .xlsx by ExcelJS.
 * - readCpuMs200k: this project's reader (src/cli/readWorkbook.ts) turning the file into the
 *   grid; exceljsParseCpuMs200k and sheetjsParseCpuMs200k: the libraries' bare parse of it
 *   (ExcelJS's `xlsx.load`; SheetJS's `XLSX.read` with dense sheets), each its own process;
 * - analyseEndToEndCpuMs200k: `vfm analyse FILE --json` (bin/vfm.js) as one process: read,
 *   detect, analyse, write the JSON; endToEndOverFastestParse200k = that / the fastest bare
 *   parse (target at most 1.3); peakRssMb200k: that process's peak resident memory;
 * - sampleAnalyseCpuMs: `vfm analyse --json` on the bundled sample (exampleshire-freeform.xlsx);
 *   sampleBareParseCpuMs: a process that only parses it with the fastest library;
 *   sampleAnalyseOverBareParse: the one over the other (target at most 2);
 * - readAllFormatsSample: 1 when both samples, saved by LibreOffice as .ods and .xls, give the
 *   analysis the .xlsx gives, and the budget sheet saved as CSV the figures that sheet gives
 *   (needs LibreOffice; without it the key is left out and stderr says so).
 */
import { execFileSync, spawnSync } from "child_process";
import {
  closeSync,
  copyFileSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "fs";
import * as os from "os";
import * as path from "path";
import { gridToXlsx } from "../../src/xlsx/write";
import {
  analysisOf,
  libreOffice,
  saveWithLibreOffice,
  sheetAnalysisOf,
} from "../../test/fakes/otherWriters";
import { ledgerWorkbook } from "./analysis";

// Compiled to build/bench/bench/parts: the project is four folders up.
const ROOT = path.resolve(__dirname, "..", "..", "..", "..");
const VFM = path.join(ROOT, "bin", "vfm.js");
const PROCS = path.join(__dirname, "..", "procs");
const RUSAGE = path.join(PROCS, "rusage.js");
const PARSE_ONLY = path.join(PROCS, "parseOnly.js");
const SAMPLES = path.join(ROOT, "assets", "sample");
const SAMPLE = "exampleshire-freeform.xlsx";

const ROUNDS_200K = 3;
const ROUNDS_SAMPLE = 7;

interface Usage {
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

/** Runs `node -r rusage.js ARGS` with stdout into a file; its CPU time and peak memory. */
function measure(args: readonly string[], dir: string, out = path.join(dir, "stdout")): Usage {
  const usageFile = path.join(dir, "usage.json");
  rmSync(usageFile, { force: true });
  const fd = openSync(out, "w");
  try {
    const r = spawnSync(process.execPath, ["-r", RUSAGE, ...args], {
      cwd: dir,
      env: { ...process.env, VFM_BENCH_RUSAGE: usageFile },
      stdio: ["ignore", fd, "pipe"],
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    if (r.status !== 0)
      throw new Error(`${args.join(" ")} exited ${r.status}: ${String(r.stderr).trim()}`);
  } finally {
    closeSync(fd);
  }
  const u = JSON.parse(readFileSync(usageFile, "utf8")) as { cpuMs: number; maxRssKb: number };
  return { cpuMs: u.cpuMs, maxRssMb: u.maxRssKb / 1024 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs each named process once per round, interleaved; the median CPU and memory of each. */
function rounds(
  kinds: Readonly<Record<string, () => Usage>>,
  n: number
): Record<string, { cpuMs: number; maxRssMb: number }> {
  const seen: Record<string, Usage[]> = {};
  for (let i = 0; i < n; i++)
    for (const [name, run] of Object.entries(kinds)) (seen[name] ??= []).push(run());
  return Object.fromEntries(
    Object.entries(seen).map(([name, us]) => [
      name,
      { cpuMs: median(us.map((u) => u.cpuMs)), maxRssMb: median(us.map((u) => u.maxRssMb)) },
    ])
  );
}

/** The JSON `vfm analyse --json` wrote is all there and parses (so the process did its work). */
function checkJson(file: string, label: string): void {
  const text = readFileSync(file, "utf8");
  try {
    const json = JSON.parse(text) as { force?: unknown };
    if (!json.force) throw new Error("no force in it");
  } catch (e) {
    throw new Error(
      `${label}: the JSON written (${statSync(file).size} bytes) is not a whole analysis: ${e instanceof Error ? e.message : String(e)}`
    );
  }
}

/** 1 when the samples read from .xlsx, .ods, .xls and (one sheet) .csv give the same figures. */
async function readAllFormats(dir: string): Promise<number | undefined> {
  const soffice = libreOffice();
  if (!soffice) {
    process.stderr.write(
      "bench: readAllFormatsSample needs LibreOffice (apt-get install -y libreoffice-calc-nogui); left out.\n"
    );
    return undefined;
  }
  const samples = [
    { file: SAMPLE, budgetSheet: "Budget 2010-14" },
    { file: "exampleshire.xlsx", budgetSheet: "Budget" },
  ];
  const originals = samples.map((s) => {
    const f = path.join(dir, s.file);
    copyFileSync(path.join(SAMPLES, s.file), f);
    return f;
  });
  const same: boolean[] = [];
  for (const format of ["ods", "xls"] as const) {
    const written = saveWithLibreOffice(soffice, originals, format, path.join(dir, format));
    for (const original of originals) {
      const base = path.basename(original, ".xlsx");
      const other = written.find((f) => path.basename(f) === `${base}.${format}`);
      const want = await analysisOf(readFileSync(original), path.basename(original));
      const got = other ? await analysisOf(readFileSync(other), path.basename(other)) : "";
      same.push(got === want);
      if (got !== want) process.stderr.write(`bench: ${base}.${format} reads differently\n`);
    }
  }
  const csvs = saveWithLibreOffice(soffice, originals, "csv", path.join(dir, "csv"));
  for (const [i, s] of samples.entries()) {
    const base = path.basename(originals[i], ".xlsx");
    const csv = csvs.find((f) => path.basename(f) === `${base}-${s.budgetSheet}.csv`);
    const want = await sheetAnalysisOf(readFileSync(originals[i]), s.file, s.budgetSheet);
    // A CSV's one sheet is named after the file, as Excel names it.
    const got = csv
      ? await sheetAnalysisOf(readFileSync(csv), `${s.budgetSheet}.csv`, s.budgetSheet)
      : "";
    same.push(got === want);
    if (got !== want) process.stderr.write(`bench: ${s.file}'s ${s.budgetSheet} as CSV differs\n`);
  }
  return same.every(Boolean) ? 1 : 0;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

export async function run(): Promise<Record<string, number>> {
  // bin/vfm.js runs build/cli: compile it from the sources measured.
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      stdio: "inherit",
    }
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), "vfm-bench-reader-"));
  try {
    const ledger = path.join(dir, "ledger-200k.xlsx");
    writeFileSync(
      ledger,
      await gridToXlsx(ledgerWorkbook(200_000), { created: new Date(Date.UTC(2010, 3, 1)) })
    );
    const sample = path.join(dir, SAMPLE);
    copyFileSync(path.join(SAMPLES, SAMPLE), sample);
    const json200k = path.join(dir, "analysis-200k.json");
    const jsonSample = path.join(dir, "analysis-sample.json");

    const big = rounds(
      {
        reader: () => measure([PARSE_ONLY, "reader", ledger], dir),
        exceljs: () => measure([PARSE_ONLY, "exceljs", ledger], dir),
        sheetjs: () => measure([PARSE_ONLY, "sheetjs", ledger], dir),
        endToEnd: () => measure([VFM, "analyse", ledger, "--json"], dir, json200k),
      },
      ROUNDS_200K
    );
    checkJson(json200k, "vfm analyse --json on the 200,000-line ledger");
    const fastest = Math.min(big.exceljs.cpuMs, big.sheetjs.cpuMs);
    const fastestLibrary = big.sheetjs.cpuMs <= big.exceljs.cpuMs ? "sheetjs" : "exceljs";

    const small = rounds(
      {
        analyse: () => measure([VFM, "analyse", sample, "--json"], dir, jsonSample),
        bare: () => measure([PARSE_ONLY, fastestLibrary, sample], dir),
      },
      ROUNDS_SAMPLE
    );
    checkJson(jsonSample, "vfm analyse --json on the sample");

    const formats = await readAllFormats(dir);
    return {
      readCpuMs200k: round(big.reader.cpuMs),
      exceljsParseCpuMs200k: round(big.exceljs.cpuMs),
      sheetjsParseCpuMs200k: round(big.sheetjs.cpuMs),
      analyseEndToEndCpuMs200k: round(big.endToEnd.cpuMs),
      endToEndOverFastestParse200k: round(big.endToEnd.cpuMs / fastest, 3),
      peakRssMb200k: round(big.endToEnd.maxRssMb),
      sampleAnalyseCpuMs: round(small.analyse.cpuMs),
      sampleBareParseCpuMs: round(small.bare.cpuMs),
      sampleAnalyseOverBareParse: round(small.analyse.cpuMs / small.bare.cpuMs, 3),
      ...(formats === undefined ? {} : { readAllFormatsSample: formats }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
