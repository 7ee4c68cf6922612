/**
 * Small helpers to build workbook grids from row arrays: for the bundled sample and for tests.
 * Rows are arrays of cell values from column A; `undefined` and missing cells are empty.
 */
import { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../grid";

export interface SheetExtras {
  readonly numberFormats?: (string | undefined)[][];
  readonly hiddenRows?: readonly number[];
  readonly merges?: readonly CellRange[];
  readonly visibility?: SheetGrid["visibility"];
  readonly addinOwned?: boolean;
}

/** A sheet from rows of values (undefined becomes null). */
export function sheetFromRows(
  name: string,
  rows: readonly (readonly (CellValue | undefined)[])[],
  extras: SheetExtras = {}
): SheetGrid {
  const values = rows.map((r) => r.map((v) => (v === undefined ? null : v)));
  return { name, values, ...extras };
}

export function workbookOf(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/** The same number format for a rectangle of cells, on top of what the sheet has. */
export function withFormat(sheet: SheetGrid, area: CellRange, format: string): SheetGrid {
  const numberFormats: (string | undefined)[][] = sheet.values.map((_, r) => [
    ...(sheet.numberFormats?.[r] ?? []),
  ]);
  for (let r = area.top; r <= area.bottom; r++) {
    while (numberFormats.length <= r) numberFormats.push([]);
    for (let c = area.left; c <= area.right; c++) numberFormats[r][c] = format;
  }
  return { ...sheet, numberFormats };
}

function shiftRange(m: CellRange, axis: "row" | "col", at: number, count: number): CellRange {
  if (axis === "row")
    return {
      ...m,
      top: m.top >= at ? m.top + count : m.top,
      bottom: m.bottom >= at ? m.bottom + count : m.bottom,
    };
  return {
    ...m,
    left: m.left >= at ? m.left + count : m.left,
    right: m.right >= at ? m.right + count : m.right,
  };
}

/** Inserts `count` rows before row `at` (formats, hidden rows and merges move with their cells). */
export function insertRows(
  sheet: SheetGrid,
  at: number,
  count: number,
  fill: (i: number) => CellValue[] = () => []
): SheetGrid {
  const added = Array.from({ length: count }, (_, i) => fill(i));
  const values = [...sheet.values.slice(0, at), ...added, ...sheet.values.slice(at)];
  const out: { -readonly [K in keyof SheetGrid]: SheetGrid[K] } = { ...sheet, values };
  if (sheet.numberFormats)
    out.numberFormats = [
      ...sheet.numberFormats.slice(0, at),
      ...added.map(() => []),
      ...sheet.numberFormats.slice(at),
    ];
  if (sheet.hiddenRows) out.hiddenRows = sheet.hiddenRows.map((r) => (r >= at ? r + count : r));
  if (sheet.merges) out.merges = sheet.merges.map((m) => shiftRange(m, "row", at, count));
  return out;
}

/** Inserts `count` columns before column `at` in every row. */
export function insertColumns(
  sheet: SheetGrid,
  at: number,
  count: number,
  fill: (row: number, i: number) => CellValue = () => null
): SheetGrid {
  const widen = <T>(row: readonly T[], blank: (i: number) => T): T[] => {
    const r = [...row];
    while (r.length < at) r.push(blank(-1));
    return [
      ...r.slice(0, at),
      ...Array.from({ length: count }, (_, i) => blank(i)),
      ...r.slice(at),
    ];
  };
  const values = sheet.values.map((row, r) =>
    widen<CellValue>(row, (i) => (i < 0 ? null : fill(r, i)))
  );
  const out: { -readonly [K in keyof SheetGrid]: SheetGrid[K] } = { ...sheet, values };
  if (sheet.numberFormats)
    out.numberFormats = sheet.numberFormats.map((row) =>
      row.length > at ? widen<string | undefined>(row, () => undefined) : [...row]
    );
  if (sheet.merges) out.merges = sheet.merges.map((m) => shiftRange(m, "col", at, count));
  return out;
}
