/**
 * Office.js addresses as rectangles. Excel gives addresses such as "Budget!C5:H40",
 * "'Pay 2010'!A1", or for a RangeAreas a comma-separated list ("Budget!A1:F4, Budget!A6:F9").
 * Whole rows ("Budget!5:7") and whole columns ("Budget!A:C") appear for merged rows or columns;
 * they parse to the full sheet extent, which callers clip before anything is read.
 */
import { CellRange, columnIndex, columnLetters } from "../core/grid";

/** The size of an Excel worksheet (Excel 2007 onwards). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** Splits a list of areas at the commas that are not inside a quoted sheet name. */
function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      // '' inside a quoted name is an escaped quote and keeps the name quoted.
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** The part after the last "!" outside quotes: "'A!B'!C5" -> "C5". */
function stripSheet(area: string): string {
  let quoted = false;
  let cut = -1;
  for (let i = 0; i < area.length; i++) {
    const ch = area[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "!" && !quoted) cut = i;
  }
  return cut >= 0 ? area.slice(cut + 1) : area;
}

type End = { row?: number; col?: number };

function parseEnd(text: string): End | undefined {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return {
    col: m[1] !== undefined ? columnIndex(m[1]) : undefined,
    row: m[2] !== undefined ? Number(m[2]) - 1 : undefined,
  };
}

/** One area ("C5", "C5:H40", "5:7", "A:C", with or without sheet and $) to a rectangle. */
export function parseArea(area: string): CellRange | undefined {
  const local = stripSheet(area.trim());
  const [a, b, extra] = local.split(":");
  if (extra !== undefined || a === undefined) return undefined;
  const start = parseEnd(a);
  const end = b !== undefined ? parseEnd(b) : start;
  if (!start || !end) return undefined;
  // A cell needs both parts; a row span has rows only; a column span has columns only.
  const rowsOnly = start.col === undefined && end.col === undefined;
  const colsOnly = start.row === undefined && end.row === undefined;
  if (b === undefined && (rowsOnly || colsOnly)) return undefined;
  if (!rowsOnly && !colsOnly && (start.col === undefined || start.row === undefined))
    return undefined;
  if (!rowsOnly && !colsOnly && (end.col === undefined || end.row === undefined)) return undefined;
  const top = colsOnly ? 0 : (start.row as number);
  const bottom = colsOnly ? EXCEL_MAX_ROWS - 1 : (end.row as number);
  const left = rowsOnly ? 0 : (start.col as number);
  const right = rowsOnly ? EXCEL_MAX_COLUMNS - 1 : (end.col as number);
  return {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}

/** Every area of an address list; unreadable parts are skipped. */
export function parseAreas(address: string | null | undefined): CellRange[] {
  if (!address) return [];
  const out: CellRange[] = [];
  for (const part of splitAreas(address)) {
    const r = parseArea(part);
    if (r) out.push(r);
  }
  return out;
}

/** A rectangle as an A1 address without the sheet: "C5:H40", or "C5" for one cell. */
export function rangeAddress(r: CellRange): string {
  const tl = `${columnLetters(r.left)}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return tl;
  return `${tl}:${columnLetters(r.right)}${r.bottom + 1}`;
}

/** The overlap of two rectangles, or undefined. */
export function intersect(a: CellRange, b: CellRange): CellRange | undefined {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : undefined;
}

export function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** True when the address covers whole rows or whole columns (an unbounded read). */
export function isUnbounded(r: CellRange): boolean {
  return r.bottom - r.top + 1 >= EXCEL_MAX_ROWS || r.right - r.left + 1 >= EXCEL_MAX_COLUMNS;
}
