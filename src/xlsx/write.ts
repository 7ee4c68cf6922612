/**
 * Writes .xlsx files with ExcelJS: a whole WorkbookGrid (the sample workbooks, the benchmark,
 * the preview's "download") and a write plan on its own (`vfm statement --xlsx`: a NEW workbook
 * holding only the statement and chart sheets; the user's file is never rewritten).
 *
 * Every string is written as a string: "=SUM(A1:A2)", "+44 ...", "-5 days" and "@home" arrive in
 * the file as text, never as formulas. Only a grid's own `formulas` are written as formulas.
 *
 * What ExcelJS cannot write: native charts. For each planned chart the writer puts the chart's
 * title, its description and where its figures are into the cells where the chart would sit;
 * the figures themselves are already on the sheet (the chart's data range). Inside Excel the
 * Office.js gateway draws the real chart.
 *
 * No Node imports: the preview runs this in the browser too.
 */
import * as ExcelJS from "exceljs";
import {
  CellRange,
  CellValue,
  SheetGrid,
  WorkbookGrid,
  a1,
  isErrorValue,
  quoteSheetName,
} from "../core/grid";
import { SheetRole, ownershipNamesFor } from "../core/ownership";
import { CellStyle, ChartPlan, WritePlan, resolveSheetNames } from "../core/writePlan";
import { SheetPresentation, sheetFromPlan } from "./planSheets";
import { planProblems } from "../core/writePlan";
import { inspectXlsx } from "./inspect";

export interface GridWriteOptions {
  /** How each sheet looks (styles, widths, charts...), by sheet name. */
  readonly presentation?: ReadonlyMap<string, SheetPresentation>;
  /** Role recorded in the ownership mark of each add-in sheet, by sheet name (default "data"). */
  readonly roles?: ReadonlyMap<string, SheetRole>;
  /** The sheet shown when the file is opened (default: the first visible one). */
  readonly activeSheet?: string;
  /** The creation date recorded in the file (default: now); fixed for reproducible samples. */
  readonly created?: Date;
}

const UK_DATE = "dd/mm/yyyy";

function argb(hex: string): string {
  const h = hex.replace(/^#/, "");
  return /^[0-9a-f]{6}$/i.test(h) ? `FF${h.toUpperCase()}` : "FF000000";
}

function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (isErrorValue(v)) return { error: v.error as ExcelJS.CellErrorValue["error"] };
  return v;
}

/** What goes in a cell of a grid: its formula (with the saved result) or its value. */
function cellContent(sheet: SheetGrid, r: number, c: number): ExcelJS.CellValue {
  const v = sheet.values[r]?.[c] ?? null;
  const formula = sheet.formulas?.[r]?.[c];
  if (!formula) return excelValue(v);
  const result = excelValue(v);
  return {
    formula: formula.replace(/^=/, ""),
    ...(result === null ? {} : { result }),
  } as ExcelJS.CellFormulaValue;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (
    style.bold !== undefined ||
    style.italic !== undefined ||
    style.fontSize !== undefined ||
    style.fontColor !== undefined
  ) {
    const font: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, ...cell.font };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontSize !== undefined) font.size = style.fontSize;
    if (style.fontColor) font.color = { argb: argb(style.fontColor) };
    cell.font = font;
  }
  if (style.fill)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (
    style.horizontalAlignment !== undefined ||
    style.verticalAlignment !== undefined ||
    style.wrapText !== undefined
  ) {
    const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment };
    if (style.horizontalAlignment) alignment.horizontal = style.horizontalAlignment;
    if (style.verticalAlignment)
      alignment.vertical =
        style.verticalAlignment === "center" ? "middle" : style.verticalAlignment;
    if (style.wrapText !== undefined) alignment.wrapText = style.wrapText;
    cell.alignment = alignment;
  }
  if (style.borderTop || style.borderBottom) {
    const border: Partial<ExcelJS.Borders> = { ...cell.border };
    if (style.borderTop) border.top = { style: style.borderTop };
    if (style.borderBottom) border.bottom = { style: style.borderBottom };
    cell.border = border;
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}

function rangeText(r: CellRange): string {
  return `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/** A table name Excel accepts: letters, digits, _ and ., not like a cell address, unique. */
function tableName(wanted: string, used: Set<string>): string {
  let base = wanted.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `T_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[rc]$/i.test(base)) base = `T_${base}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  used.add(name.toLowerCase());
  return name;
}

function writeTables(
  ws: ExcelJS.Worksheet,
  sheet: SheetGrid,
  tables: NonNullable<SheetPresentation["tables"]>,
  used: Set<string>
): void {
  for (const t of tables) {
    const { top, left, right } = t.range;
    // A table needs a header row and at least one data row.
    const bottom = Math.max(t.range.bottom, top + 1);
    const seen = new Set<string>();
    const columns = [];
    for (let c = left; c <= right; c++) {
      const v = sheet.values[top]?.[c];
      let header = typeof v === "string" && v.trim() !== "" ? v : `Column ${c - left + 1}`;
      for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${header} ${n}`;
      seen.add(header.toLowerCase());
      columns.push({ name: header, filterButton: true });
    }
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = top + 1; r <= bottom; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = left; c <= right; c++) row.push(cellContent(sheet, r, c));
      rows.push(row);
    }
    ws.addTable({
      name: tableName(t.name, used),
      ref: a1(top, left),
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns,
      rows,
    });
  }
}

/** ExcelJS draws no charts: the chart's title, description and data range go where it would sit. */
function writeChartPlaceholder(ws: ExcelJS.Worksheet, chart: ChartPlan, sheetName: string): void {
  const { top, left, right } = chart.position;
  const dataSheet = chart.dataSheet ?? sheetName;
  const lines: [string, CellStyle][] = [
    [chart.title, { bold: true, fontSize: 12 }],
    [chart.altText, { italic: true, wrapText: true }],
    [
      `Chart not drawn in this file: its figures are in ${dataSheet === sheetName ? "" : `${dataSheet}!`}${rangeText(chart.dataRange)}. Generate the statement inside Excel to get the chart itself.`,
      { italic: true, wrapText: true, fontColor: "#595959" },
    ],
  ];
  lines.forEach(([text, style], i) => {
    const cell = ws.getCell(top + i + 1, left + 1);
    cell.value = text;
    applyStyle(cell, style);
    if (right > left) ws.mergeCells(top + i + 1, left + 1, top + i + 1, right + 1);
  });
}

function writeSheet(
  ws: ExcelJS.Worksheet,
  sheet: SheetGrid,
  look: SheetPresentation | undefined,
  tableNames: Set<string>
): void {
  const rows = Math.max(sheet.values.length, sheet.formulas?.length ?? 0);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(sheet.values[r]?.length ?? 0, sheet.formulas?.[r]?.length ?? 0);
    if (width === 0) continue;
    const xRow = ws.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      const content = cellContent(sheet, r, c);
      if (content === null) continue;
      const cell = xRow.getCell(c + 1);
      cell.value = content;
      // ExcelJS would give a date the American m/d/yy; a UK workbook shows 31/03/2010.
      if (content instanceof Date && !sheet.numberFormats?.[r]?.[c]) cell.numFmt = UK_DATE;
    }
  }
  sheet.numberFormats?.forEach((row, r) =>
    row?.forEach((fmt, c) => {
      if (fmt && fmt !== "General") ws.getCell(r + 1, c + 1).numFmt = fmt;
    })
  );
  for (const s of look?.styles ?? [])
    for (let r = s.range.top; r <= s.range.bottom; r++)
      for (let c = s.range.left; c <= s.range.right; c++)
        applyStyle(ws.getCell(r + 1, c + 1), s.style);
  for (const r of sheet.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
  for (const m of sheet.merges ?? [])
    if (m.bottom > m.top || m.right > m.left)
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  look?.columnWidths?.forEach((w, c) => {
    if (w > 0) ws.getColumn(c + 1).width = w;
  });
  for (const h of look?.rowHeights ?? []) ws.getRow(h.row + 1).height = h.points;
  // An internal link keeps the cell's text ("W12-W18"): ExcelJS writes it as a hyperlink to
  // "#'Sheet'!A1", which Excel and LibreOffice follow within the workbook.
  for (const l of look?.links ?? []) {
    const text = sheet.values[l.row]?.[l.col];
    if (typeof text !== "string") continue;
    ws.getCell(l.row + 1, l.col + 1).value = {
      text,
      hyperlink: `#${quoteSheetName(l.sheet)}!${a1(l.target.row, l.target.col)}`,
      ...(l.tip ? { tooltip: l.tip } : {}),
    };
  }
  if (look?.freeze && (look.freeze.rows > 0 || look.freeze.columns > 0))
    ws.views = [
      {
        state: "frozen",
        xSplit: look.freeze.columns,
        ySplit: look.freeze.rows,
        topLeftCell: a1(look.freeze.rows, look.freeze.columns),
      },
    ];
  if (look?.page) {
    ws.pageSetup = {
      paperSize: 9, // A4
      orientation: look.page.orientation,
      ...(look.page.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(look.page.printArea ? { printArea: rangeText(look.page.printArea) } : {}),
    };
  }
  if (look?.tabColor) ws.properties.tabColor = { argb: argb(look.tabColor) };
  if (look?.tables?.length) writeTables(ws, sheet, look.tables, tableNames);
  for (const chart of look?.charts ?? []) writeChartPlaceholder(ws, chart, sheet.name);
}

/**
 * Writes a workbook grid to .xlsx bytes: values, formulas (with their results), number formats,
 * merges, hidden rows, sheet visibility, the add-in's ownership marks and, where given, each
 * sheet's presentation.
 */
export async function gridToXlsx(
  workbook: WorkbookGrid,
  options: GridWriteOptions = {}
): Promise<Uint8Array> {
  if (workbook.sheets.length === 0) throw new Error("A workbook needs at least one sheet.");
  const firstVisible = workbook.sheets.findIndex((s) => (s.visibility ?? "visible") === "visible");
  if (firstVisible < 0) throw new Error("A workbook needs at least one visible sheet.");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Police VfM add-in";
  if (options.created) {
    wb.created = options.created;
    wb.modified = options.created;
  }
  const tableNames = new Set<string>();
  const byName = (m: ReadonlyMap<string, unknown> | undefined, name: string) =>
    m?.get(name) ??
    [...(m?.entries() ?? [])].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  for (const sheet of workbook.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.visibility ?? "visible",
    } as Partial<ExcelJS.AddWorksheetOptions>);
    writeSheet(
      ws,
      sheet,
      byName(options.presentation, sheet.name) as SheetPresentation | undefined,
      tableNames
    );
  }
  const owned = workbook.sheets
    .filter((s) => s.addinOwned)
    .map((s) => ({
      name: s.name,
      role:
        (byName(options.roles, s.name) as SheetRole | undefined) ??
        (byName(options.presentation, s.name) as SheetPresentation | undefined)?.role ??
        ("data" as SheetRole),
    }));
  for (const n of ownershipNamesFor(owned)) wb.definedNames.add(n.reference, n.name);
  let active = firstVisible;
  if (options.activeSheet) {
    const i = workbook.sheets.findIndex(
      (s) =>
        s.name.toLowerCase() === options.activeSheet?.toLowerCase() &&
        (s.visibility ?? "visible") === "visible"
    );
    if (i >= 0) active = i;
  }
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: active,
      visibility: "visible",
    },
  ];
  const buffer = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(buffer as ArrayBuffer);
  return options.created ? withZipDates(bytes, options.created) : bytes;
}

/**
 * Sets every part's date in the zip to `date`, so the same workbook always gives the same bytes
 * (ExcelJS stamps each part with the time of writing). The dates sit outside the checksums.
 */
export function withZipDates(bytes: Uint8Array, date: Date): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const time =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day =
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  for (const e of inspectXlsx(out).entries) {
    // The local header holds the date at offsets 10 and 12, the central entry at 12 and 14.
    if (view.getUint32(e.localHeaderOffset, true) === 0x04034b50) {
      view.setUint16(e.localHeaderOffset + 10, time, true);
      view.setUint16(e.localHeaderOffset + 12, day, true);
    }
    view.setUint16(e.centralOffset + 12, time, true);
    view.setUint16(e.centralOffset + 14, day, true);
  }
  return out;
}

/**
 * Writes a plan's sheets, and nothing else, into a new workbook: the statement and chart sheets
 * with their styles, merges, widths, frozen panes, A4 page setup and print areas. Throws an
 * Error in plain English when the plan asks for something Excel cannot hold.
 */
export async function writePlanToXlsx(plan: WritePlan): Promise<Uint8Array> {
  const problems = planProblems(plan);
  const lower = plan.sheets.map((s) => s.name.toLowerCase());
  const duplicate = lower.find((n, i) => lower.indexOf(n) !== i);
  if (duplicate) problems.push(`The plan has two sheets called "${duplicate}".`);
  if (problems.length) throw new Error(problems.join(" "));
  const decisions = resolveSheetNames(plan, []);
  const rename = new Map<string, string>();
  decisions.forEach((d) => {
    if (d.actual) rename.set(d.planned.toLowerCase(), d.actual);
  });
  const sheets: SheetGrid[] = [];
  const presentation = new Map<string, SheetPresentation>();
  plan.sheets.forEach((p, i) => {
    const actual = decisions[i].actual;
    if (!actual) return;
    const built = sheetFromPlan(p, actual, rename);
    sheets.push(built.grid);
    presentation.set(actual, built.presentation);
  });
  const activeDecision = plan.activate
    ? decisions.find((d) => d.planned.toLowerCase() === plan.activate?.toLowerCase())
    : undefined;
  return gridToXlsx(
    { sheets },
    { presentation, ...(activeDecision?.actual ? { activeSheet: activeDecision.actual } : {}) }
  );
}
