/**
 * The money unit a sheet states: "£000" in a title, "£m" in a header, "All figures in £
 * thousands" in a note, or a "£" number format on the amount cells. Amounts are converted to pence
 * once, where they are read, in the unit found here.
 */
import { CellRef, SheetGrid } from "../grid";
import { MoneyUnit, parseUnit } from "../money";
import { at, RefMaker } from "./cells";

export interface UnitStatement {
  readonly unit: MoneyUnit;
  readonly cell: CellRef;
  readonly text: string;
  /** Where on the sheet it was stated. */
  readonly where: "header" | "title" | "note" | "format";
}

const HINTS = ["£", "000", "thousand", "million", "pound", "gbp", "sterling"];

/**
 * The one unit a piece of text states, or undefined when it states none or several ("Enter
 * amounts in £, £000 or £m" is help, not a statement). A "£" followed by a figure ("£1.2m") is an
 * amount, not a unit.
 */
export function unitInText(text: string): MoneyUnit | undefined {
  const lower = text.toLowerCase();
  if (!HINTS.some((h) => lower.includes(h))) return undefined;
  const units = new Set<MoneyUnit>();
  for (const part of lower.split(/[,;/]| or | and /)) {
    const u = parseUnit(part) ?? (/£(?!\s*[\d.])/.test(part) ? "£" : undefined);
    if (u) units.add(u);
  }
  return units.size === 1 ? [...units][0] : undefined;
}

/** True when a number format shows a pound sign (e.g. "£#,##0" or "[$£-809]#,##0.00"). */
export function formatShowsPounds(fmt: string | undefined): boolean {
  return !!fmt && fmt.includes("£");
}

export interface UnitSearch {
  /** The header row of the table on the sheet. */
  readonly headerRow: number;
  /** Rows just under the header that continue it (units or basis words under each year). */
  readonly headerRowsBelow?: number;
  /** The columns that hold amounts. */
  readonly amountColumns: readonly number[];
  /** First row of figures, for number formats. */
  readonly firstDataRow: number;
}

export interface UnitFound {
  readonly statement?: UnitStatement;
  /** Other statements that disagree with the one used. */
  readonly conflicts: readonly UnitStatement[];
}

function textAt(sheet: SheetGrid, r: number, c: number): string | undefined {
  const v = at(sheet, r, c);
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

/**
 * Looks for the unit in the order a reader would trust it: the amount columns' headers, then the
 * title rows above the table, then notes on the sheet (the first 200 rows under the header and
 * the last 50 rows), then a "£" number format on the amount cells.
 */
export function findUnit(sheet: SheetGrid, search: UnitSearch): UnitFound {
  const refs = new RefMaker(sheet.name);
  const found: UnitStatement[] = [];
  const see = (r: number, c: number, where: UnitStatement["where"]): void => {
    const t = textAt(sheet, r, c);
    if (!t) return;
    const unit = unitInText(t);
    if (unit) found.push({ unit, cell: refs.ref(r, c), text: t.trim(), where });
  };
  const rows = sheet.values.length;
  const below = search.headerRowsBelow ?? 0;
  for (let r = search.headerRow; r <= search.headerRow + below && r < rows; r++)
    for (const c of search.amountColumns) see(r, c, "header");
  // Other header cells ("Amount (£000)" over the label column, "£000" in a corner).
  for (let r = search.headerRow; r <= search.headerRow + below && r < rows; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) if (!search.amountColumns.includes(c)) see(r, c, "header");
  }
  for (let r = 0; r < search.headerRow && r < rows; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) see(r, c, "title");
  }
  const noteRows = new Set<number>();
  for (let r = search.headerRow + below + 1; r < Math.min(rows, search.headerRow + 200); r++)
    noteRows.add(r);
  for (let r = Math.max(search.headerRow + below + 1, rows - 50); r < rows; r++) noteRows.add(r);
  for (const r of [...noteRows].sort((a, b) => a - b)) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (search.amountColumns.includes(c)) continue;
      see(r, c, "note");
    }
  }
  if (found.length === 0) {
    for (let r = search.firstDataRow; r < Math.min(rows, search.firstDataRow + 50); r++) {
      for (const c of search.amountColumns) {
        const fmt = sheet.numberFormats?.[r]?.[c];
        if (typeof at(sheet, r, c) === "number" && formatShowsPounds(fmt)) {
          found.push({ unit: "£", cell: refs.ref(r, c), text: fmt ?? "", where: "format" });
          break;
        }
      }
      if (found.length > 0) break;
    }
  }
  if (found.length === 0) return { conflicts: [] };
  const statement = found[0];
  const conflicts: UnitStatement[] = [];
  const seen = new Set<MoneyUnit>([statement.unit]);
  for (const f of found)
    if (!seen.has(f.unit)) {
      seen.add(f.unit);
      conflicts.push(f);
    }
  return { statement, conflicts };
}

export const UNIT_WORDS: Readonly<Record<MoneyUnit, string>> = {
  "£": "pounds (£)",
  "£000": "thousands of pounds (£000)",
  "£m": "millions of pounds (£m)",
};
