/**
 * Office.js cell data to the grid's cells: what Excel returns for a range (values, numberFormat,
 * valueTypes, formulas) becomes CellValue, number formats and formulas, anchored at A1.
 */
import { CellRange, CellValue, SheetGrid, SheetVisibility } from "../core/grid";
import { intersect } from "./address";
import { serialToDate } from "../core/dates";

/** Excel's value types (Excel.RangeValueType) as strings. */
export type ValueType =
  "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

/**
 * Excel serial dates (1900 date system) to Dates and back: core/dates.ts, with Excel's phantom
 * 29 February 1900 handled, so serial 45292 is 1 January 2024 through either gateway.
 */
export { dateToSerial, serialToDate } from "../core/dates";

/**
 * True when a number format shows a date or time: it has d, m, y, h or s outside quoted text,
 * escaped characters, [colour]/[$-locale] brackets and _x / *x spacing. Elapsed-time brackets
 * such as [h] count. "General", "0.0%", "£#,##0" and "@" are not dates.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  let s = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      i = end < 0 ? format.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = format.indexOf("]", i + 1);
      const inner = end < 0 ? "" : format.slice(i + 1, end);
      if (/^(h+|m+|s+)$/i.test(inner)) s += inner;
      i = end < 0 ? format.length : end;
    } else s += ch;
  }
  return /[dmyhs]/i.test(s.replace(/General/gi, ""));
}

/** One cell from what Excel returned. */
/**
 * Days from the 1904 date system's serial 0 (1 January 1904) to the 1900 system's serial of the
 * same day: a workbook saved with "Use 1904 date system" (old Mac Excel) stores every date 1,462
 * days lower, so read as 1900 serials its dates would be four years off.
 */
export const DATE_1904_OFFSET_DAYS = 1462;

export function toCellValue(
  value: unknown,
  type: ValueType | undefined,
  format?: string,
  date1904 = false
): CellValue {
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number") {
    if (!isDateFormat(format)) return value;
    return serialToDate(value, date1904 ? 1904 : 1900) ?? value;
  }
  if (typeof value === "boolean") return value;
  return String(value);
}

/** Rows of one sheet being filled in as chunks arrive. */
export class SheetBuilder {
  private readonly values: CellValue[][] = [];
  private readonly formats: (string | undefined)[][] = [];
  private formulas: (string | undefined)[][] | undefined;
  private readonly hidden = new Set<number>();
  private readonly merged = new Map<string, CellRange>();
  private hiddenRowsKnown = true;
  private mergesKnown = true;

  constructor(
    readonly name: string,
    readonly visibility: SheetVisibility,
    readonly addinOwned: boolean,
    /** The used range (values only), undefined for an empty sheet. */
    readonly used: CellRange | undefined,
    /** The workbook uses the 1904 date system. */
    private readonly date1904 = false
  ) {}

  /** Cells of `rect` as Excel returned them (arrays the shape of rect). */
  addCells(
    rect: CellRange,
    values: readonly (readonly unknown[])[],
    numberFormat: readonly (readonly unknown[])[] | undefined,
    valueTypes: readonly (readonly string[])[] | undefined,
    formulas: readonly (readonly unknown[])[] | undefined
  ): void {
    for (let i = 0; i < values.length; i++) {
      const row = rect.top + i;
      const vr = (this.values[row] ??= []);
      const fr = (this.formats[row] ??= []);
      const src = values[i];
      for (let j = 0; j < src.length; j++) {
        const col = rect.left + j;
        const fmtRaw = numberFormat?.[i]?.[j];
        const fmt = typeof fmtRaw === "string" && fmtRaw !== "General" ? fmtRaw : undefined;
        const v = toCellValue(
          src[j],
          valueTypes?.[i]?.[j] as ValueType | undefined,
          fmt,
          this.date1904
        );
        while (vr.length < col) vr.push(null);
        vr[col] = v;
        if (fmt !== undefined) {
          while (fr.length < col) fr.push(undefined);
          fr[col] = fmt;
        }
        // Office.js gives a constant's value as its "formula", so text that starts with "="
        // (kept literal) looks like one: a formula is kept only when it differs from the value.
        const f = formulas?.[i]?.[j];
        if (typeof f === "string" && f.startsWith("=") && f !== src[j]) {
          this.formulas ??= [];
          const rr = (this.formulas[row] ??= []);
          while (rr.length < col) rr.push(undefined);
          rr[col] = f;
        }
      }
    }
  }

  /**
   * Hidden rows of `scope` from the areas Excel reported visible in it: a row of the used range
   * that no visible area touches is hidden. `allRowsHidden` settles the case where Excel reports
   * no visible cells at all (every row hidden, or every column).
   */
  addVisibility(scope: CellRange, visible: readonly CellRange[], allRowsHidden: boolean): void {
    if (!this.used) return;
    const rows = intersect(scope, { ...this.used, left: scope.left, right: scope.right });
    if (!rows) return;
    if (visible.length === 0 && !allRowsHidden) return;
    const covered = new Uint8Array(rows.bottom - rows.top + 1);
    for (const a of visible) {
      for (let r = Math.max(a.top, rows.top); r <= Math.min(a.bottom, rows.bottom); r++) {
        covered[r - rows.top] = 1;
      }
    }
    for (let i = 0; i < covered.length; i++) if (!covered[i]) this.hidden.add(rows.top + i);
  }

  addMerges(areas: readonly CellRange[]): void {
    for (const a of areas) {
      if (a.top === a.bottom && a.left === a.right) continue;
      this.merged.set(`${a.top},${a.left},${a.bottom},${a.right}`, a);
    }
  }

  /** Called when a part of the sheet could not report hidden rows or merges. */
  markIncomplete(what: { hiddenRows?: boolean; merges?: boolean }): void {
    if (what.hiddenRows) this.hiddenRowsKnown = false;
    if (what.merges) this.mergesKnown = false;
  }

  build(): SheetGrid {
    const rowCount = this.used ? this.used.bottom + 1 : 0;
    const values: CellValue[][] = [];
    const formats: (string | undefined)[][] = [];
    let anyFormat = false;
    for (let r = 0; r < rowCount; r++) {
      values.push(this.values[r] ?? []);
      const f = this.formats[r] ?? [];
      if (f.length > 0) anyFormat = true;
      formats.push(f);
    }
    const sheet: { -readonly [K in keyof SheetGrid]: SheetGrid[K] } = {
      name: this.name,
      values,
      visibility: this.visibility,
      addinOwned: this.addinOwned,
    };
    if (anyFormat) sheet.numberFormats = formats;
    if (this.formulas) {
      const fs: (string | undefined)[][] = [];
      for (let r = 0; r < rowCount; r++) fs.push(this.formulas[r] ?? []);
      sheet.formulas = fs;
    }
    if (this.hidden.size > 0) sheet.hiddenRows = [...this.hidden].sort((a, b) => a - b);
    if (this.merged.size > 0) {
      sheet.merges = [...this.merged.values()].sort((a, b) => a.top - b.top || a.left - b.left);
    }
    // Only a sheet with cells can hide rows or merge them: an empty one has nothing unknown.
    if (this.used && (!this.hiddenRowsKnown || !this.mergesKnown))
      sheet.layoutUnknown = {
        ...(this.hiddenRowsKnown ? {} : { hiddenRows: true }),
        ...(this.mergesKnown ? {} : { merges: true }),
      };
    return sheet;
  }
}

/** Office.js visibility to the grid's. */
export function toVisibility(v: string | undefined): SheetVisibility {
  if (v === "Hidden") return "hidden";
  if (v === "VeryHidden") return "veryHidden";
  return "visible";
}
