/**
 * Tables on free-form sheets: a label column and a year header row anywhere on the sheet, with
 * title rows above, header rows that continue below (basis words, units), notes columns, blank
 * rows, section headings, subtotal and total rows, merged titles and hidden rows.
 *
 * Everything here is linear in the sheet's size: the header is looked for in the first rows only,
 * and each data row is visited once.
 */
import { CellRef, CellValue, SheetGrid } from "../grid";
import { FinancialYear } from "../years";
import { formatYear } from "../format";
import { finding } from "../findings";
import { at, cellText, FindingSink, NumberCell, readNumberCell, RefMaker } from "./cells";
import { Matcher } from "./labels";
import { basisOf, invalidYearText, YearBasis, yearOfCell } from "./years";

/** How many rows from the top a header may sit. */
export const HEADER_SCAN_ROWS = 150;

export interface YearColumn {
  readonly col: number;
  readonly year: FinancialYear;
  readonly basis?: YearBasis;
  /** The header text (or date) as written. */
  readonly header: string;
  readonly headerCell: CellRef;
}

export interface YearHeader {
  readonly row: number;
  /** One column per year, in year order, after duplicates were settled. */
  readonly columns: readonly YearColumn[];
  /** Columns that repeated a year and were not used. */
  readonly dropped: readonly { readonly column: YearColumn; readonly usedCol: number }[];
  /** Year-like header text that is no financial year ("2008/11"), for findings. */
  readonly invalid: readonly { readonly cell: CellRef; readonly text: string }[];
}

function headerText(v: CellValue): string {
  if (typeof v === "string") return v.trim();
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return String(v);
  return "";
}

/** Basis preference when one year has two columns: outturn, forecast, budget, plan, then target. */
const BASIS_RANK: Record<YearBasis, number> = {
  actual: 0,
  forecast: 1,
  budget: 2,
  plan: 3,
  target: 4,
};

export interface YearHeaderOptions {
  /** User decisions by header cell ("Budget!D5"): another year, or "ignore". */
  readonly yearColumns?: Readonly<Record<string, FinancialYear | "ignore">>;
}

function yearCellsInRow(
  sheet: SheetGrid,
  r: number,
  refs: RefMaker,
  options: YearHeaderOptions
): { cols: YearColumn[]; invalid: { cell: CellRef; text: string }[] } {
  const row = sheet.values[r];
  const cols: YearColumn[] = [];
  const invalid: { cell: CellRef; text: string }[] = [];
  if (!row) return { cols, invalid };
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || typeof v === "boolean") continue;
    const fmt = sheet.numberFormats?.[r]?.[c];
    const cell = refs.ref(r, c);
    const override = options.yearColumns?.[`${sheet.name}!${cell.address}`];
    if (override === "ignore") continue;
    const y = yearOfCell(v, fmt);
    const text = headerText(v);
    if (override !== undefined && Number.isInteger(override)) {
      cols.push({ col: c, year: override, header: text, headerCell: cell });
      continue;
    }
    if (y) {
      const basis = y.basis;
      cols.push(
        basis
          ? { col: c, year: y.year, basis, header: text, headerCell: cell }
          : { col: c, year: y.year, header: text, headerCell: cell }
      );
    } else if (typeof v === "string") {
      const bad = invalidYearText(v);
      if (bad) invalid.push({ cell, text: bad });
    }
  }
  return { cols, invalid };
}

/** Basis words in the rows just above or below a header, for headers like "Actual" over "2008/09". */
function basisNear(sheet: SheetGrid, r: number, c: number): YearBasis | undefined {
  for (const rr of [r - 1, r + 1]) {
    const v = at(sheet, rr, c);
    if (typeof v === "string" && v.length < 40 && yearOfCell(v) === undefined) {
      const b = basisOf(v);
      if (b) return b;
    }
  }
  return undefined;
}

/**
 * Finds the year header row: the row near the top with the most distinct financial years (at
 * least `minYears`), with room for a label column to its left.
 */
export function findYearHeader(
  sheet: SheetGrid,
  options: YearHeaderOptions = {},
  minYears = 2
): YearHeader | undefined {
  const refs = new RefMaker(sheet.name);
  let best:
    { row: number; cols: YearColumn[]; invalid: { cell: CellRef; text: string }[] } | undefined;
  let bestDistinct = 0;
  const limit = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const { cols, invalid } = yearCellsInRow(sheet, r, refs, options);
    if (cols.length === 0) continue;
    const distinct = new Set(cols.map((c) => c.year)).size;
    if (distinct < minYears || distinct <= bestDistinct) continue;
    // A single date in a row is a figure (a contract's end), not a header: one year needs text.
    if (distinct === 1 && !cols.some((c) => typeof sheet.values[r]?.[c.col] === "string")) continue;
    if (cols[0].col === 0) continue; // no room for labels on the left
    best = { row: r, cols, invalid };
    bestDistinct = distinct;
  }
  if (!best) return undefined;
  const withBasis = best.cols.map((c) => {
    if (c.basis) return c;
    const b = basisNear(sheet, best.row, c.col);
    return b ? { ...c, basis: b } : c;
  });
  const byYear = new Map<FinancialYear, YearColumn[]>();
  for (const c of withBasis) {
    const list = byYear.get(c.year);
    if (list) list.push(c);
    else byYear.set(c.year, [c]);
  }
  const columns: YearColumn[] = [];
  const dropped: { column: YearColumn; usedCol: number }[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const list = byYear.get(year) ?? [];
    const ranked = [...list].sort(
      (a, b) =>
        (a.basis ? BASIS_RANK[a.basis] : 9) - (b.basis ? BASIS_RANK[b.basis] : 9) || a.col - b.col
    );
    columns.push(ranked[0]);
    for (const other of ranked.slice(1)) dropped.push({ column: other, usedCol: ranked[0].col });
  }
  return { row: best.row, columns, dropped, invalid: best.invalid };
}

/** Reports repeated years and nonsense years in a header. */
export function reportHeaderProblems(header: YearHeader, sink: FindingSink): void {
  for (const d of header.dropped) {
    const used = header.columns.find((c) => c.col === d.usedCol);
    if (!used) continue;
    const sameBasis = (used.basis ?? "") === (d.column.basis ?? "");
    sink.add(
      finding(
        sameBasis ? "warning" : "info",
        "DUPLICATE_YEAR",
        `Two columns are headed ${formatYear(d.column.year)}: ${used.headerCell.address} ("${used.header}") and ${d.column.headerCell.address} ("${d.column.header}") on sheet "${d.column.headerCell.sheet}". ` +
          (sameBasis
            ? `The first, column ${used.headerCell.address.replace(/\d+$/, "")}, was used.`
            : `The ${used.basis ?? "first"} figures (${used.headerCell.address}) were used.`),
        d.column.headerCell,
        "Remove or rename the column that should not be read, or choose the column in the Data step."
      )
    );
  }
  for (const bad of header.invalid)
    sink.add(
      finding(
        "warning",
        "YEAR_NOT_VALID",
        `The header "${bad.text}" at ${bad.cell.sheet}!${bad.cell.address} is not a financial year (a year runs April to March, e.g. 2008/09), so its column was not read.`,
        bad.cell,
        "Write the year as 2008/09."
      )
    );
}

export interface TableRow {
  readonly row: number;
  readonly kind: "line" | "heading";
  readonly label: string;
  readonly labelCol: number;
  /** The section heading this row sits under, if any. */
  readonly heading?: string;
  readonly isTotal: boolean;
  readonly hidden: boolean;
  /** The cell of each year column, in header.columns order. */
  readonly cells: readonly NumberCell[];
  /** Text of the category column, where the table has one. */
  readonly category?: string;
  readonly categoryCol?: number;
}

export interface YearTable {
  readonly header: YearHeader;
  /** Rows under the header that continue it (units or basis words under each year). */
  readonly headerRowsBelow: number;
  readonly firstLabelCol: number;
  readonly categoryCol?: number;
  readonly rows: readonly TableRow[];
  /** Rows with figures but no label. */
  readonly unlabelled: readonly number[];
}

const CODE = /^[a-z]{0,4}[\d][\w./-]*$/i;

/** A label is text with letters that is not a cost-centre code like "P101" or "4010". */
export function labelText(v: CellValue): string | undefined {
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  if (t.length === 0 || CODE.test(t) || !/[a-z]/i.test(t)) return undefined;
  return t;
}

const categoryHeader = new Matcher<"category">({
  phrases: [["category", ["category", "classification", "function type", "support category"]]],
});

export interface ReadTableOptions {
  readonly isTotal: (label: string) => boolean;
  /** Hidden rows of the sheet. */
  readonly hidden?: ReadonlySet<number>;
  /** Stop after this many rows under the header (for a quick look while classifying). */
  readonly maxRows?: number;
}

/** Reads the rows of a table under a year header. */
export function readYearTable(
  sheet: SheetGrid,
  header: YearHeader,
  options: ReadTableOptions
): YearTable {
  const firstYearCol = header.columns.reduce((m, c) => Math.min(m, c.col), Infinity);
  const yearCols = header.columns.map((c) => c.col);
  let categoryCol: number | undefined;
  for (let c = 0; c < firstYearCol; c++) {
    const t = cellText(at(sheet, header.row, c));
    if (t && categoryHeader.match(t).kind === "match") {
      categoryCol = c;
      break;
    }
  }
  const rows: TableRow[] = [];
  const unlabelled: number[] = [];
  let headerRowsBelow = 0;
  let seenData = false;
  let heading: string | undefined;
  let firstLabelCol = Infinity;
  const n = Math.min(sheet.values.length, header.row + 1 + (options.maxRows ?? Infinity));
  for (let r = header.row + 1; r < n; r++) {
    const row = sheet.values[r];
    if (!row || row.length === 0) continue;
    let label: string | undefined;
    let labelCol = -1;
    const lim = Math.min(firstYearCol, row.length);
    for (let c = 0; c < lim; c++) {
      if (c === categoryCol) continue;
      const t = labelText(row[c]);
      if (t !== undefined) {
        label = t;
        labelCol = c;
        break;
      }
    }
    const cells: NumberCell[] = yearCols.map((c) => readNumberCell(row[c]));
    let numbers = 0;
    let texts = 0;
    let years = 0;
    for (let i = 0; i < cells.length; i++) {
      const k = cells[i].kind;
      if (k === "number" || k === "error") numbers++;
      else if (k === "text" || k === "date") {
        texts++;
        const v = row[yearCols[i]];
        if (typeof v === "string" && yearOfCell(v)) years++;
      }
    }
    if (years >= 2) continue; // the header repeated further down
    if (label === undefined) {
      if (!seenData && numbers === 0 && texts > 0) {
        headerRowsBelow = r - header.row;
        continue;
      }
      if (numbers > 0) unlabelled.push(r);
      continue;
    }
    seenData = true;
    if (labelCol < firstLabelCol) firstLabelCol = labelCol;
    const hidden = options.hidden?.has(r) ?? false;
    const isTotal = options.isTotal(label);
    const catText = categoryCol !== undefined ? cellText(row[categoryCol]) : "";
    const base = {
      row: r,
      label,
      labelCol,
      isTotal,
      hidden,
      cells,
      ...(catText ? { category: catText, categoryCol } : {}),
    };
    if (numbers === 0 && texts === 0) {
      if (isTotal) continue; // a total with nothing in it
      rows.push({ ...base, kind: "heading" });
      heading = label;
      continue;
    }
    rows.push(heading ? { ...base, kind: "line", heading } : { ...base, kind: "line" });
    if (isTotal) heading = undefined;
  }
  return {
    header,
    headerRowsBelow,
    firstLabelCol: Number.isFinite(firstLabelCol) ? firstLabelCol : 0,
    ...(categoryCol !== undefined ? { categoryCol } : {}),
    rows,
    unlabelled,
  };
}

// ---------------------------------------------------------------------------------------------
// Totals

export interface TotalItem {
  readonly isTotal: boolean;
  /** One value per column; undefined where the cell is blank. */
  readonly values: readonly (number | undefined)[];
}

export type TotalCheck =
  | { readonly index: number; readonly ok: true; readonly covers: readonly number[] }
  | {
      readonly index: number;
      readonly ok: false;
      /** Per column: what the total row says and what the items above it add up to. */
      readonly differences: readonly { column: number; stated: number; sum: number }[];
    };

/**
 * Checks each total row against the rows above it. Items not yet covered by a total are kept in a
 * list; a total must equal the sum of some run of them ending just above it (the shortest that
 * fits in every column), which then counts as covered. So sub-totals, totals of sub-totals and a
 * grand total are all checked and nothing is counted twice. `same` compares a stated total with
 * the sum of `count` items (within their rounding: detect/tolerance.ts).
 */
export function checkTotals(
  items: readonly TotalItem[],
  same: (stated: number, sum: number, count: number) => boolean
): TotalCheck[] {
  const out: TotalCheck[] = [];
  const open: number[] = [];
  // How many rounded lines each item stands for: a subtotal carries the rounding of its lines.
  const weight = new Array<number>(items.length).fill(1);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item.isTotal) {
      open.push(i);
      continue;
    }
    const width = item.values.length;
    const sums = new Array<number>(width).fill(0);
    let matched = -1;
    let lines = 0;
    for (let k = open.length - 1; k >= 0; k--) {
      const v = items[open[k]].values;
      for (let c = 0; c < width; c++) sums[c] += v[c] ?? 0;
      lines += weight[open[k]];
      let all = true;
      for (let c = 0; c < width && all; c++) {
        const stated = item.values[c];
        if (stated !== undefined && !same(stated, sums[c], lines)) all = false;
      }
      if (all) {
        matched = k;
        break;
      }
    }
    if (matched >= 0) {
      const covers = open.splice(matched);
      weight[i] = covers.reduce((a, j) => a + weight[j], 0);
      out.push({ index: i, ok: true, covers });
    } else {
      // Report against everything still open above it: what a reader would add up.
      const all = new Array<number>(width).fill(0);
      for (const j of open) for (let c = 0; c < width; c++) all[c] += items[j].values[c] ?? 0;
      const differences: { column: number; stated: number; sum: number }[] = [];
      for (let c = 0; c < width; c++) {
        const stated = item.values[c];
        if (
          stated !== undefined &&
          !same(
            stated,
            all[c],
            open.reduce((a, j) => a + weight[j], 0)
          )
        )
          differences.push({ column: c, stated, sum: all[c] });
      }
      out.push({ index: i, ok: false, differences });
    }
    open.push(i);
  }
  return out;
}

/** "rows 12, 14 and 20" for messages (1-based), shortened after eight. */
export function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 8).map((r) => String(r + 1));
  const more = rows.length > 8 ? ` and ${rows.length - 8} more` : "";
  if (shown.length === 1) return `row ${shown[0]}${more}`;
  return `rows ${shown.slice(0, -1).join(", ")}${more ? ", " + shown[shown.length - 1] + more : " and " + shown[shown.length - 1]}`;
}

/** An info finding that hidden rows were read (their figures count like any other). */
export function reportHiddenRows(sheet: string, rows: readonly number[], sink: FindingSink): void {
  if (rows.length === 0) return;
  sink.add(
    finding(
      "info",
      "HIDDEN_ROWS_READ",
      `Sheet "${sheet}" has hidden ${rowList(rows)} with figures; they were read like the other rows.`,
      { sheet },
      "Unhide the rows to check them, or delete them if they should not count."
    )
  );
}
