/**
 * A process that only parses one spreadsheet file, for the bench to measure as a whole:
 * `node parseOnly.js LIBRARY FILE`, where LIBRARY is
 * - `sheetjs`: SheetJS CE's bare parse into its own model (`XLSX.read`, dense sheets, its
 *   defaults otherwise);
 * - `exceljs`: ExcelJS's bare parse (`workbook.xlsx.load`);
 * - `reader`: this project's reader, as `vfm` reads a file (src/cli/readWorkbook.ts), into the
 *   grid.
 * Each library is loaded only in its own process.
 */
import { readFileSync } from "fs";
import * as path from "path";

async function main(): Promise<void> {
  const [library, file] = process.argv.slice(2);
  if (!library || !file) throw new Error("usage: parseOnly.js sheetjs|exceljs|reader FILE");
  if (library === "reader") {
    const { readWorkbookFile } = await import("../../src/cli/readWorkbook");
    const read = await readWorkbookFile(path.resolve(file));
    if (read.workbook.sheets.length === 0) throw new Error("the reader read no sheet");
    return;
  }
  const bytes = readFileSync(file);
  if (library === "sheetjs") {
    const XLSX = await import("@e965/xlsx");
    const wb = XLSX.read(bytes, { type: "buffer", dense: true });
    if (wb.SheetNames.length === 0) throw new Error("SheetJS read no sheet");
  } else if (library === "exceljs") {
    const { Workbook } = await import("exceljs");
    const wb = new Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    if (wb.worksheets.length === 0) throw new Error("ExcelJS read no sheet");
  } else throw new Error(`unknown library ${library}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`parseOnly: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
