/**
 * Other programs saving a workbook, for the tests and `npm run bench` that compare what the
 * add-in reads from each: ExcelJS (in this process), openpyxl (Debian's python3-openpyxl) and
 * LibreOffice headless (Debian's libreoffice-calc-nogui). `.ci/run` installs both packages.
 * No jest here, so the bench compiles it.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { analysisToJson, runVfm } from "../../src/core";
import { readSpreadsheet } from "../../src/xlsx/read";

/** The Python that has openpyxl: Debian's, or the one on the PATH. */
export function openpyxlPython(): string | undefined {
  for (const python of ["/usr/bin/python3", "python3"]) {
    try {
      execFileSync(python, ["-c", "import openpyxl"], { stdio: "ignore" });
      return python;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}

export function libreOffice(): string | undefined {
  for (const soffice of ["/usr/bin/soffice", "/usr/bin/libreoffice"])
    if (existsSync(soffice)) return soffice;
  return undefined;
}

/** Opens the .xlsx in ExcelJS and saves it unchanged. */
export async function resaveWithExcelJs(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Opens the .xlsx in openpyxl and saves it unchanged, to `dest`. */
export function resaveWithOpenpyxl(python: string, src: string, dest: string): void {
  execFileSync(
    python,
    [
      "-c",
      "import openpyxl, sys\nopenpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])",
      src,
      dest,
    ],
    { stdio: "ignore", timeout: 120_000 }
  );
}

/**
 * LibreOffice's filter for each target: Calc's own .xlsx and .xls writers, .ods, and CSV of
 * every sheet (UTF-8, comma, quoted text, one file per sheet named FILE-SHEET.csv).
 */
const FILTERS = {
  xlsx: "xlsx:Calc MS Excel 2007 XML",
  xls: "xls:MS Excel 97",
  ods: "ods",
  csv: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
} as const;

/**
 * Opens each file in LibreOffice headless and saves it in `format` into `outDir` (one run of
 * LibreOffice for all the files, with a profile of its own so runs at the same time do not
 * meet). Returns the files written.
 */
export function saveWithLibreOffice(
  soffice: string,
  files: readonly string[],
  format: keyof typeof FILTERS,
  outDir: string
): string[] {
  const profile = mkdtempSync(path.join(os.tmpdir(), "vfm-lo-profile-"));
  try {
    const before = new Set(existsSync(outDir) ? readdirSync(outDir) : []);
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        FILTERS[format],
        "--outdir",
        outDir,
        ...files,
      ],
      { stdio: "ignore", timeout: 300_000 }
    );
    return readdirSync(outDir)
      .filter((f) => !before.has(f))
      .map((f) => path.join(outDir, f));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * What the add-in makes of a file, as text to compare: the analysis as `vfm analyse --json`
 * prints it, with the findings met while reading (error values, formulas without results).
 */
export async function analysisOf(bytes: Uint8Array, fileName: string): Promise<string> {
  const read = await readSpreadsheet(bytes, fileName);
  const { analysis } = runVfm(read.workbook);
  const readFindings = read.findings.map(
    (f) => `${f.code} ${f.cell?.sheet ?? ""}!${f.cell?.address ?? ""}`
  );
  return JSON.stringify({ analysis: analysisToJson(analysis), readFindings }, null, 1);
}

/**
 * What the add-in makes of one sheet alone, as text to compare with a CSV of that sheet. A CSV
 * holds no hidden rows, so the finding that a hidden row was read is left out.
 */
export async function sheetAnalysisOf(
  bytes: Uint8Array,
  fileName: string,
  sheet: string
): Promise<string> {
  const { workbook } = await readSpreadsheet(bytes, fileName);
  const json = analysisToJson(
    runVfm({ sheets: workbook.sheets.filter((s) => s.name === sheet) }).analysis
  ) as { findings: { code: string }[] };
  return JSON.stringify(
    { ...json, findings: json.findings.filter((f) => f.code !== "HIDDEN_ROWS_READ") },
    null,
    1
  );
}
