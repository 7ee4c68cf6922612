/**
 * The workbook as a grid of cells: the one model every gateway reads into and the core works on.
 * Rows and columns are zero-based from A1 (row 0, column 0 is A1), whatever the used range was.
 */

/** An Excel error value such as #REF!, #DIV/0! or #N/A. */
export interface ErrorValue {
  readonly error: string;
}

export type CellValue = string | number | boolean | Date | ErrorValue | null;

/** A rectangle of cells, zero-based and inclusive at both ends. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetGrid {
  readonly name: string;
  /** values[row][col]; rows may be ragged and shorter than the sheet; a missing cell is null. */
  readonly values: CellValue[][];
  /** Number formats where known, same shape as values; undefined means General. */
  readonly numberFormats?: (string | undefined)[][];
  /** Formulas where the reader kept them (the value is the formula's result). */
  readonly formulas?: (string | undefined)[][];
  /** Zero-based indexes of hidden rows. */
  readonly hiddenRows?: readonly number[];
  /** Zero-based indexes of hidden columns, where the reader knows them. */
  readonly hiddenColumns?: readonly number[];
  /** Merged ranges. Only the top-left (master) cell holds the value; the others are null. */
  readonly merges?: readonly CellRange[];
  /**
   * What the reader could not find out about the sheet, where Excel would not say (it refused to
   * list the sheet's visible cells or merged areas, or the host lacks the call): its hidden rows
   * (then every row was read as visible) or its merged areas (then each was read as its first
   * cell). Absent when both are known. Detection names such a sheet in a finding.
   */
  readonly layoutUnknown?: { readonly hiddenRows?: true; readonly merges?: true };
  readonly visibility?: SheetVisibility;
  /** True for sheets this add-in created (it may replace those and no others). */
  readonly addinOwned?: boolean;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /** The file the workbook came from, where there is one. */
  readonly fileName?: string;
}

/** A reference to one cell, the provenance every figure carries. */
export interface CellRef {
  readonly sheet: string;
  /** A1-style address without the sheet, e.g. "C7". */
  readonly address: string;
}

export function isErrorValue(v: CellValue | undefined): v is ErrorValue {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

/** Column index (0 = A) to letters. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to column index (A = 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based row and column to an A1 address: (6, 2) -> "C7". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "C7" or "$C$7" to zero-based { row, col }; undefined when it is not an address. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function cellRef(sheet: string, row: number, col: number): CellRef {
  return { sheet, address: a1(row, col) };
}

/** A sheet name as Excel writes it in a reference: quoted when it holds anything but letters, digits, _ and . */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Budget!C7", or "'Workforce 2010'!B4" when the name needs quotes. */
export function formatRef(ref: CellRef): string {
  return `${quoteSheetName(ref.sheet)}!${ref.address}`;
}

/** Parses "Budget!C7" or "'Workforce 2010'!B4" back into a CellRef. */
export function parseRef(text: string): CellRef | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(\$?[A-Za-z]{1,3}\$?\d{1,7})$/.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, address: m[3].replace(/\$/g, "").toUpperCase() };
}

/** The value at (row, col), null where the row or cell is absent. */
export function cellValue(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function numberFormat(sheet: SheetGrid, row: number, col: number): string | undefined {
  return sheet.numberFormats?.[row]?.[col];
}

export function rowCount(sheet: SheetGrid): number {
  return sheet.values.length;
}

export function columnCount(sheet: SheetGrid): number {
  let n = 0;
  for (const r of sheet.values) if (r && r.length > n) n = r.length;
  return n;
}

export function findSheet(workbook: WorkbookGrid, name: string): SheetGrid | undefined {
  const lower = name.toLowerCase();
  return workbook.sheets.find((s) => s.name.toLowerCase() === lower);
}
