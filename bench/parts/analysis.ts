/**
 * Issue 3's benchmark: a workbook with the sample's settings, budget and workforce sheets and a
 * procurement ledger of 200,000 lines, then 400,000, built in memory. For each size, in one run:
 * write it to .xlsx (ExcelJS, through the adapter), parse it back into the grid, then detection
 * and analysis alone. The figures that count are ratios of times taken in the same run:
 * - analysisToParseRatio200k = (detection + analysis) / parse at 200k lines (target <= 0.10);
 * - growth400kOver200k = (detection + analysis) at 400k / at 200k (target <= 2.2).
 */
import * as v8 from "v8";
import * as vm from "vm";
import { analyse } from "../../src/core/analysis/analyse";
import { detectForceData } from "../../src/core/detect/detect";
import { CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { exampleshireTemplate } from "../../src/core/sample/exampleshire";
import { TEMPLATE_LAYOUT } from "../../src/core/template";
import { xlsxToGrid } from "../../src/xlsx/read";
import { gridToXlsx } from "../../src/xlsx/write";

/** The sample's template workbook with its procurement table grown to `lines` rows. */
export function ledgerWorkbook(lines: number): WorkbookGrid {
  const sample = exampleshireTemplate();
  const keep = sample.sheets.filter((s) =>
    ["settings", "budget", "workforce"].some((k) => s.name.toLowerCase().includes(k))
  );
  const proc = sample.sheets.find((s) => s.name.toLowerCase().includes("procurement"));
  if (!proc) throw new Error("The sample has no procurement sheet.");
  const head = proc.values.slice(0, TEMPLATE_LAYOUT.headerRow + 1);
  const body = proc.values
    .slice(TEMPLATE_LAYOUT.headerRow + 1)
    .filter((r) => r.some((v) => v !== null && v !== ""));
  const header = head[head.length - 1].map((v) => String(v ?? "").toLowerCase());
  const supplierCol = header.indexOf("supplier");
  const spendCol = header.indexOf("annual spend");
  const values: CellValue[][] = [...head.map((r) => [...r])];
  const formats: (string | undefined)[][] = head.map(() => []);
  const bodyFormat = proc.numberFormats?.[TEMPLATE_LAYOUT.headerRow + 1] ?? [];
  for (let i = 0; i < lines; i++) {
    const row = [...body[i % body.length]];
    // Each line its own: a numbered supplier and a spend that varies by the penny.
    if (supplierCol >= 0) row[supplierCol] = `${String(row[supplierCol] ?? "Supplier")} #${i + 1}`;
    if (spendCol >= 0) row[spendCol] = 1000 + ((i * 7919) % 250_000) + (i % 100) / 100;
    values.push(row);
    formats.push(bodyFormat);
  }
  const ledger: SheetGrid = { name: proc.name, values, numberFormats: formats };
  return { sheets: [...keep, ledger] };
}

/**
 * A full garbage collection before each timed step, so no step pays for the previous one's
 * garbage. `npm run bench` does not pass --expose-gc, so the flag is set here.
 */
function collector(): () => void {
  if (typeof global.gc === "function") return global.gc;
  v8.setFlagsFromString("--expose-gc");
  const gc: unknown = vm.runInNewContext("gc");
  return typeof gc === "function" ? (gc as () => void) : () => undefined;
}
const collect = collector();

/** Wall-clock and CPU milliseconds since a mark. */
interface Mark {
  readonly wall: bigint;
  readonly cpu: NodeJS.CpuUsage;
}
const mark = (): Mark => ({ wall: process.hrtime.bigint(), cpu: process.cpuUsage() });
function since(m: Mark): { wall: number; cpu: number } {
  const c = process.cpuUsage(m.cpu);
  return { wall: Number(process.hrtime.bigint() - m.wall) / 1e6, cpu: (c.user + c.system) / 1000 };
}

interface Timing {
  write: { wall: number; cpu: number };
  parse: { wall: number; cpu: number };
  /** Detection and analysis together. */
  analysis: { wall: number; cpu: number };
  /** Detection alone (the first part of `analysis`). */
  detection: { wall: number; cpu: number };
  xlsxBytes: number;
  opportunities: number;
}

async function timeOne(lines: number): Promise<Timing> {
  const grid = ledgerWorkbook(lines);
  let t = mark();
  const bytes = await gridToXlsx(grid, { created: new Date(Date.UTC(2010, 3, 1)) });
  const write = since(t);

  collect();
  t = mark();
  const read = await xlsxToGrid(bytes, "ledger.xlsx", { memoryBudgetBytes: 7 * 1024 ** 3 });
  const parse = since(t);

  collect();
  t = mark();
  const data = detectForceData(read.workbook);
  const detection = since(t);
  const analysis = analyse(data, DEFAULT_POLICY);
  const analysisTime = since(t);

  const expected = Math.round(lines * 0.1);
  if (data.procurement.lines.length < lines - expected)
    throw new Error(
      `Detection read ${data.procurement.lines.length} of ${lines} ledger lines; the benchmark would not measure the ledger.`
    );
  return {
    write,
    parse,
    analysis: analysisTime,
    detection,
    xlsxBytes: bytes.length,
    opportunities: analysis.procurement.opportunities.length,
  };
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

export async function run(): Promise<Record<string, number>> {
  // A small warm-up so the first measured run does not pay for compiling the code paths.
  await timeOne(2_000);
  const a = await timeOne(200_000);
  const b = await timeOne(400_000);
  return {
    analysisToParseRatio200k: round(a.analysis.cpu / a.parse.cpu, 4),
    growth400kOver200k: round(b.analysis.cpu / a.analysis.cpu, 3),
    analysisToParseRatio200kWall: round(a.analysis.wall / a.parse.wall, 4),
    growth400kOver200kWall: round(b.analysis.wall / a.analysis.wall, 3),
    writeMs200k: round(a.write.wall),
    parseMs200k: round(a.parse.wall),
    analysisMs200k: round(a.analysis.wall),
    writeMs400k: round(b.write.wall),
    parseMs400k: round(b.parse.wall),
    analysisMs400k: round(b.analysis.wall),
    parseCpuMs200k: round(a.parse.cpu),
    analysisCpuMs200k: round(a.analysis.cpu),
    parseCpuMs400k: round(b.parse.cpu),
    analysisCpuMs400k: round(b.analysis.cpu),
    detectionCpuMs200k: round(a.detection.cpu),
    detectionCpuMs400k: round(b.detection.cpu),
    ledgerOpportunities200k: a.opportunities,
    xlsxBytes200k: a.xlsxBytes,
    xlsxBytes400k: b.xlsxBytes,
  };
}
