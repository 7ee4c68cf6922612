/**
 * Workforce sheets, in either of the two forms forces keep:
 * - functions x years, each cell the function's total FTE (officers + staff + PCSOs) that year;
 * - functions x worker types (officers, staff, PCSOs, specials, total) for one snapshot date
 *   ("as at 31 March 2010" in the title, a header or the sheet name), or with a Year column
 *   (the input template's layout), one row per function and year.
 * The same function read from two sheets (a snapshot and a plan by year) becomes one line; a
 * figure given twice must agree.
 */
import { FunctionCategory, Sourced, WorkforceLine } from "../forceData";
import { a1, CellRef, formatRef, SheetGrid } from "../grid";
import { finding } from "../findings";
import { FinancialYear } from "../years";
import { formatAsWritten, formatDate, formatNumber, formatYear } from "../format";
import { cellText, FindingSink, quantityFromCell, readNumberCell } from "./cells";
import { DetectContext } from "./context";
import { FUNCTION_NAMES, inSentence } from "../names";
import { functionMatcher, isTotalLabel, mappingKey, Matcher } from "./labels";
import { decided } from "./options";
import { entriesNamed } from "../classifications";
import {
  FTE_NOISE,
  fteUnit,
  roundingTolerance,
  toleranceWords,
  withinRounding,
} from "../tolerance";
import {
  checkTotals,
  HEADER_SCAN_ROWS,
  rowList,
  labelText,
  readYearTable,
  reportHiddenRows,
  YearHeader,
} from "./table";
import { parseFinancialYear, parseSnapshot, yearOfCell } from "./years";

export type WorkerPart = "officers" | "staff" | "pcsos" | "specials" | "total";
const PARTS: readonly WorkerPart[] = ["officers", "staff", "pcsos", "specials", "total"];

type Fte = Partial<Record<WorkerPart, Sourced<number>>>;

/** A workforce row as read from one sheet, before lines from several sheets are merged. */
export interface RawWorkforceLine {
  readonly label: string;
  readonly labelCell: CellRef;
  readonly isTotal: boolean;
  readonly category?: FunctionCategory;
  readonly categoryConfirmed?: boolean;
  readonly order: number;
  readonly fte: Map<FinancialYear, Fte>;
}

export interface WorkforceSheet {
  readonly sheet: string;
  readonly lines: readonly RawWorkforceLine[];
  readonly how: string;
}

/** The same FTE given on two sheets agrees within FTE_NOISE (core/tolerance.ts). */
const sameFte = (a: number, b: number): boolean => Math.abs(a - b) <= FTE_NOISE;

export type WorkforceRole =
  "function" | "category" | "year" | "officers" | "staff" | "pcsos" | "specials" | "total";

export const workforceHeaderMatcher = new Matcher<WorkforceRole>({
  phrases: [
    ["function", ["function", "department", "business area", "role", "team", "service area"]],
    ["category", ["category", "classification", "support category"]],
    ["year", ["year", "financial year"]],
    ["officers", ["police officers", "officers", "constables", "sworn officers"]],
    ["staff", ["police staff", "staff", "civilian staff"]],
    ["pcsos", ["pcsos", "pcso"]],
    ["specials", ["specials", "special constables"]],
    ["total", ["total", "total fte", "total workforce", "all"]],
  ],
  roles: ["officer", "staff", "pcso", "special"],
});

const PART_WORDS: Record<WorkerPart, string> = {
  officers: "police officers",
  staff: "police staff",
  pcsos: "PCSOs",
  specials: "special constables",
  total: "total",
};

/** Settles a function's category: the user's choice, the Category column, then the label. */
export function categorise(
  label: string,
  labelCell: CellRef,
  categoryText: string | undefined,
  categoryCell: CellRef | undefined,
  ctx: DetectContext,
  reported: Set<string>
): { category?: FunctionCategory; how: string; confirmed?: boolean } {
  const user = decided(ctx.options.functionCategories, labelCell.sheet, labelCell.address, label);
  if (user) return { category: user.value, how: `category set in the Data step`, confirmed: true };
  if (categoryText && categoryCell) {
    // The category's key or the name the add-in shows for it.
    const wanted = categoryText.trim().toLowerCase();
    const byKey = (Object.keys(FUNCTION_NAMES) as FunctionCategory[]).find(
      (k) => k.toLowerCase() === wanted || FUNCTION_NAMES[k].toLowerCase() === wanted
    );
    if (byKey)
      return {
        category: byKey,
        how: `category "${categoryText}" (${categoryCell.address})`,
        confirmed: true,
      };
    const m = functionMatcher.match(categoryText);
    if (m.kind === "match")
      return { category: m.key, how: `category "${categoryText}" (${categoryCell.address})` };
  }
  const m = functionMatcher.match(label);
  if (m.kind === "match")
    return {
      category: m.key,
      how: `function "${label}" read as ${inSentence(FUNCTION_NAMES[m.key])}`,
    };
  const key = mappingKey(label) + "|" + (categoryText ?? "");
  if (!reported.has(key)) {
    reported.add(key);
    const shown = categoryText ? `"${label}" (category "${categoryText}")` : `"${label}"`;
    ctx.sink.add(
      m.kind === "ambiguous"
        ? finding(
            "warning",
            "AMBIGUOUS_LABEL",
            `The function ${shown} at ${labelCell.sheet}!${labelCell.address} could be ${m.keys.map((k) => inSentence(FUNCTION_NAMES[k])).join(" or ")}, so it was given no category.`,
            labelCell,
            "Choose its category in the Category column or the Data step."
          )
        : finding(
            "warning",
            "CATEGORY_UNMAPPED",
            `The function ${shown} at ${labelCell.sheet}!${labelCell.address} could not be put in a business-support category, so it is not counted as business support.`,
            labelCell,
            "Choose its category in the Category column or the Data step."
          )
    );
  }
  return { how: "no category" };
}

// ---------------------------------------------------------------------------------------------
// Totals and subtotals on one sheet

interface TotalRow {
  readonly isTotal: boolean;
  /** The label names a published subtotal ("Local Policing" in the ADR return). */
  readonly hint: boolean;
  readonly values: readonly (number | undefined)[];
  readonly row: number;
  /** Index of the line read from the row, where one was. */
  readonly line?: number;
  /**
   * How far the row's label settles what it is, for finding subtotals with no "total" in their
   * label: "confirmed" (the user or a Category column said), "recognised" (a function's name),
   * "unknown" (neither).
   */
  readonly known?: "confirmed" | "recognised" | "unknown";
  readonly labelCell?: CellRef;
}

/** A row that adds up to the lines above it though its label does not say it is a total. */
interface UnlabelledSubtotal {
  readonly item: number;
  /** The items it adds up. */
  readonly covers: readonly number[];
}

/** The user's word on a row: a subtotal (true) or a line of its own (false); undefined if none. */
function userSubtotal(ctx: DetectContext, labelCell: CellRef): boolean | undefined {
  return ctx.options.subtotals?.[`${labelCell.sheet}!${labelCell.address}`];
}

function isSubtotalHint(label: string, isTotal: boolean): boolean {
  return !isTotal && entriesNamed(label, mappingKey).some((e) => e.role === "subtotal");
}

/**
 * Which hinted rows are subtotals (they add up to the lines above them, within rounding), and
 * which totals do not add up. A hinted row that adds up to nothing is an ordinary line: in the
 * POA, "Local Policing" is an objective of its own.
 */
/**
 * Rows whose every figure is the sum of all the lines since the last total (at least two), within
 * their rounding, though no "total" is in their label: "Police functions" under the 13 ADR
 * functions. Only a label the add-in does not know as a function can be one: a known function,
 * or a row the user or a Category column has settled, is a line whatever it adds up to (small
 * figures add up by chance: 10 + 14 = 24 officers). Should a known function's name be on a
 * subtotal after all, the workforce total then agrees with no count of the lines, and the
 * share is shown unconfirmed (analysis/businessSupport.ts).
 */
function unlabelledSubtotals(
  items: readonly TotalRow[],
  totals: ReadonlySet<number>,
  unit: number
): UnlabelledSubtotal[] {
  // Rounding is allowed only where the sum dwarfs it: small figures (1 FTE beside two lines of
  // none) must agree exactly, or any small line would look like a subtotal.
  const same = (v: number, sum: number, n: number) =>
    Math.abs(v - sum) <= FTE_NOISE ||
    (withinRounding(v, sum, n, unit) && Math.abs(sum) >= 10 * roundingTolerance(unit, n));
  const out: UnlabelledSubtotal[] = [];
  let since: number[] = [];
  items.forEach((it, k) => {
    if (it.isTotal || totals.has(k)) {
      since = [];
      return;
    }
    if (since.length >= 2 && it.known === "unknown" && it.line !== undefined) {
      let stated = 0;
      let nonZero = false;
      const all = it.values.every((v, c) => {
        if (v === undefined) return true;
        stated++;
        if (v !== 0) nonZero = true;
        const sum = since.reduce((a, j) => a + (items[j].values[c] ?? 0), 0);
        return same(v, sum, since.length);
      });
      if (all && stated > 0 && nonZero) {
        out.push({ item: k, covers: since });
        since = [];
        return;
      }
    }
    since.push(k);
  });
  return out;
}

function sheetTotals(items: readonly TotalRow[]): {
  subtotals: ReadonlySet<number>;
  /** Unknown labels that add up to the lines above them: taken as subtotals, with a finding. */
  unlabelled: readonly UnlabelledSubtotal[];
  failures: {
    item: TotalRow;
    differences: readonly { column: number; stated: number; sum: number }[];
  }[];
} {
  const unit = fteUnit(items.flatMap((i) => i.values.filter((v): v is number => v !== undefined)));
  const same = (a: number, b: number, n: number) =>
    withinRounding(a, b, n, unit) || Math.abs(a - b) <= FTE_NOISE;
  // Hinted rows ("Local Policing") that add up are subtotals; then rows with unknown labels that
  // add up; then the hinted rows again, now that those are known (a hinted subtotal may total an
  // unlabelled one), until nothing changes.
  let unlabelled: UnlabelledSubtotal[] = [];
  let subtotals = new Set<number>();
  for (let round = 0; round < 3; round++) {
    const found = new Set(unlabelled.map((u) => u.item));
    const first = checkTotals(
      items.map((i, k) => ({ isTotal: i.isTotal || i.hint || found.has(k), values: i.values })),
      same
    );
    const hinted = new Set(
      first
        .filter((c) => c.ok && items[c.index].hint && !items[c.index].isTotal)
        .map((c) => c.index)
    );
    const next = unlabelledSubtotals(items, hinted, unit);
    const stable =
      next.length === unlabelled.length && next.every((u, i) => u.item === unlabelled[i].item);
    unlabelled = next;
    subtotals = hinted;
    if (stable) break;
  }
  for (const u of unlabelled) subtotals.add(u.item);
  const second = checkTotals(
    items.map((i, k) => ({ isTotal: i.isTotal || subtotals.has(k), values: i.values })),
    same
  );
  const failures = [];
  for (const c of second)
    if (!c.ok) failures.push({ item: items[c.index], differences: c.differences });
  return { subtotals, unlabelled, failures };
}

/** How far a row's category is settled (see TotalRow.known). */
function knownOf(cat: { category?: FunctionCategory; confirmed?: boolean }): TotalRow["known"] {
  return cat.confirmed ? "confirmed" : cat.category ? "recognised" : "unknown";
}

/**
 * Applies the unlabelled subtotals a sheet's totals check found: each counts as a subtotal (its
 * "not put in a category" finding is dropped, as it is not a function), with a finding that says
 * so and how to say otherwise.
 */
function applyUnlabelled(
  sheet: string,
  items: readonly TotalRow[],
  totals: ReturnType<typeof sheetTotals>,
  ctx: DetectContext,
  dropped: Set<string>
): void {
  const rowsOf = (u: UnlabelledSubtotal) => {
    const rows = u.covers.map((j) => items[j].row);
    const run = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
    const where = run ? `rows ${rows[0] + 1} to ${rows[rows.length - 1] + 1}` : rowList(rows);
    return `the ${rows.length} lines above it (${where})`;
  };
  for (const u of totals.unlabelled) {
    const it = items[u.item];
    const cell = it.labelCell ?? { sheet, address: a1(it.row, 0) };
    dropped.add(formatRef(cell));
    ctx.sink.add(
      finding(
        "warning",
        "UNLABELLED_SUBTOTAL",
        `${formatRef(cell)} is not labelled a total, but its figures are the sum of ${rowsOf(u)}, so it was read as their subtotal and not counted again.`,
        cell,
        'If it is a function of its own, choose its category in the Data step; if it is a subtotal, putting "total" in its label says so.'
      )
    );
  }
}

/** Passes on the held category findings, but not those of rows read as subtotals. */
function flushHeld(held: FindingSink, dropped: ReadonlySet<string>, ctx: DetectContext): void {
  for (const f of held.all()) if (!f.cell || !dropped.has(formatRef(f.cell))) ctx.sink.add(f);
}

// ---------------------------------------------------------------------------------------------
// Form 1: functions x years

export function readWorkforceByYear(
  sheet: SheetGrid,
  header: YearHeader,
  order: number,
  ctx: DetectContext,
  reported: Set<string>
): WorkforceSheet {
  const hidden = new Set(sheet.hiddenRows ?? []);
  const table = readYearTable(sheet, header, { isTotal: isTotalLabel, hidden });
  // Category findings wait until the totals are known: a subtotal is not a function.
  const held = new FindingSink(Number.MAX_SAFE_INTEGER);
  const holding: DetectContext = { ...ctx, sink: held };
  const lines: { -readonly [K in keyof RawWorkforceLine]: RawWorkforceLine[K] }[] = [];
  const hiddenRead: number[] = [];
  const items: TotalRow[] = [];
  for (const row of table.rows) {
    if (row.kind !== "line") continue;
    const labelCell: CellRef = { sheet: sheet.name, address: a1(row.row, row.labelCol) };
    const catCell =
      row.categoryCol !== undefined
        ? { sheet: sheet.name, address: a1(row.row, row.categoryCol) }
        : undefined;
    const user = userSubtotal(ctx, labelCell);
    const rowIsTotal = user ?? row.isTotal;
    const cat: { category?: FunctionCategory; how: string; confirmed?: boolean } = rowIsTotal
      ? { how: user ? "a subtotal (your choice)" : "total row" }
      : categorise(row.label, labelCell, row.category, catCell, holding, reported);
    const fte = new Map<FinancialYear, Fte>();
    const values: (number | undefined)[] = [];
    header.columns.forEach((col, i) => {
      const cell: CellRef = { sheet: sheet.name, address: a1(row.row, col.col) };
      const v = quantityFromCell(
        row.cells[i],
        cell,
        `${formatYear(col.year)} FTE of "${row.label}"`,
        ctx.sink
      );
      values.push(v);
      if (v === undefined) return;
      negativeFte(v, cell, row.label, ctx);
      fte.set(col.year, {
        total: {
          value: v,
          sources: [cell],
          how: `function "${row.label}" (${labelCell.address}), ${cat.how}; total FTE in column "${col.header}"`,
        },
      });
    });
    const hint = user === undefined && isSubtotalHint(row.label, rowIsTotal);
    const known = user === false ? "confirmed" : knownOf(cat);
    if (fte.size === 0) {
      items.push({ isTotal: rowIsTotal, hint, values, row: row.row, known, labelCell });
      continue;
    }
    items.push({
      isTotal: rowIsTotal,
      hint,
      values,
      row: row.row,
      line: lines.length,
      known,
      labelCell,
    });
    if (row.hidden) hiddenRead.push(row.row);
    lines.push({
      label: row.label,
      labelCell,
      isTotal: rowIsTotal,
      ...(cat.category ? { category: cat.category } : {}),
      ...(cat.confirmed ? { categoryConfirmed: true } : {}),
      order: order * 1_000_000 + row.row,
      fte,
    });
  }
  reportHiddenRows(sheet.name, hiddenRead, ctx.sink);
  const totals = sheetTotals(items);
  markSubtotals(lines, items, totals.subtotals);
  const dropped = new Set<string>();
  applyUnlabelled(sheet.name, items, totals, ctx, dropped);
  flushHeld(held, dropped, ctx);
  for (const { item, differences } of totals.failures) {
    for (const d of differences) {
      const col = header.columns[d.column];
      reportFteMismatch(
        sheet.name,
        item.row,
        col.col,
        formatYear(col.year),
        "total",
        d.stated,
        d.sum,
        ctx
      );
    }
  }
  return {
    sheet: sheet.name,
    lines,
    how: `workforce by year: functions in column ${a1(0, table.firstLabelCol).replace(/\d+$/, "")}, years on row ${header.row + 1} (${header.columns.map((c) => formatYear(c.year)).join(", ")})`,
  };
}

/** Lines found to be subtotals count as totals from now on. */
function markSubtotals(
  lines: { isTotal: boolean; category?: FunctionCategory }[],
  items: readonly TotalRow[],
  subtotals: ReadonlySet<number>
): void {
  for (const k of subtotals) {
    const i = items[k].line;
    if (i === undefined) continue;
    lines[i].isTotal = true;
    delete lines[i].category;
  }
}

function negativeFte(v: number, cell: CellRef, label: string, ctx: DetectContext): void {
  if (v < 0)
    ctx.sink.add(
      finding(
        "warning",
        "NEGATIVE_FTE",
        `${cell.sheet}!${cell.address} gives ${formatAsWritten(v)} FTE for "${label}"; a workforce cannot be negative.`,
        cell,
        "Check the sign of the figure."
      )
    );
}

function reportFteMismatch(
  sheet: string,
  row: number,
  col: number,
  year: string,
  part: string,
  stated: number,
  sum: number,
  ctx: DetectContext
): void {
  const cell = { sheet, address: a1(row, col) };
  ctx.sink.add(
    finding(
      "warning",
      "FTE_TOTAL_MISMATCH",
      `The ${part} FTE for ${year} at ${sheet}!${cell.address} is ${formatNumber(stated, 2, 0)}, but the lines above it add up to ${formatNumber(sum, 2, 0)}, more than the rounding of its lines explains (half a unit for each line and for the total).`,
      cell,
      "Check for a missing or double-counted line, or a total typed in rather than summed."
    )
  );
}

// ---------------------------------------------------------------------------------------------
// Form 2: functions x worker types (one snapshot date, or a Year column)

export interface WorkerTypeHeader {
  readonly row: number;
  readonly columns: ReadonlyMap<WorkforceRole, number>;
  readonly headers: ReadonlyMap<number, string>;
}

/** The header row of a worker-type table: at least two of officers, staff, PCSOs and total. */
export function findWorkerTypeHeader(sheet: SheetGrid): WorkerTypeHeader | undefined {
  const limit = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  let best: WorkerTypeHeader | undefined;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    const columns = new Map<WorkforceRole, number>();
    const headers = new Map<number, string>();
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (!t || t.length > 60) continue;
      const m = workforceHeaderMatcher.match(t);
      if (m.kind !== "match" || columns.has(m.key)) continue;
      columns.set(m.key, c);
      headers.set(c, t);
    }
    const types = (["officers", "staff", "pcsos", "total"] as const).filter((k) => columns.has(k));
    // One worker type is enough beside a function column (officers and staff in separate
    // tables), where it names a worker type or says FTE: "Police officers", "Total FTE".
    const single =
      types.length === 1 &&
      columns.has("function") &&
      (types[0] !== "total" || /\bfte\b/i.test(headers.get(columns.get("total") ?? -1) ?? ""));
    if (types.length < 2 && !single) continue;
    const firstType = Math.min(...types.map((k) => columns.get(k) ?? 0));
    if (firstType === 0 && !columns.has("function")) continue;
    const score = columns.size;
    if (score > bestScore) {
      best = { row: r, columns, headers };
      bestScore = score;
    }
  }
  return best;
}

/** Where a snapshot sheet says its date: the user, the title, a header, the sheet name. */
function snapshotYear(
  sheet: SheetGrid,
  headerRow: number,
  ctx: DetectContext
): { year: FinancialYear; how: string } | undefined {
  const chosen = ctx.options.snapshotYears?.[sheet.name];
  if (chosen !== undefined && Number.isInteger(chosen))
    return { year: chosen, how: `${formatYear(chosen)} as chosen in the Data step` };
  const weak: { year: FinancialYear; how: string }[] = [];
  for (let r = 0; r <= headerRow; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (!t || !/\d/.test(t)) continue;
      const snap = parseSnapshot(t);
      const where = r === headerRow ? "header" : "title";
      if (snap?.strong)
        return {
          year: snap.year,
          how: `snapshot ${formatDate(snap.date)} in the ${where} at ${a1(r, c)} ("${t.slice(0, 60)}")`,
        };
      if (snap)
        weak.push({
          year: snap.year,
          how: `date ${formatDate(snap.date)} in the ${where} at ${a1(r, c)}`,
        });
      else {
        const fy = parseFinancialYear(t);
        if (fy)
          weak.push({
            year: fy.year,
            how: `year ${formatYear(fy.year)} in the ${where} at ${a1(r, c)}`,
          });
      }
    }
  }
  const fromName = parseFinancialYear(sheet.name);
  if (fromName)
    return {
      year: fromName.year,
      how: fromName.date
        ? `snapshot ${formatDate(fromName.date)} in the sheet name`
        : `year ${formatYear(fromName.year)} in the sheet name`,
    };
  return weak[0];
}

export function readWorkforceByType(
  sheet: SheetGrid,
  header: WorkerTypeHeader,
  order: number,
  ctx: DetectContext,
  reported: Set<string>,
  template?: string
): WorkforceSheet | undefined {
  const yearCol = header.columns.get("year");
  const snapshot = yearCol === undefined ? snapshotYear(sheet, header.row, ctx) : undefined;
  if (yearCol === undefined && !snapshot) {
    ctx.sink.add(
      finding(
        "warning",
        "SNAPSHOT_YEAR_MISSING",
        `Sheet "${sheet.name}" gives FTE by worker type but no date or year, so its figures could not be placed in a year and were not used.`,
        { sheet: sheet.name },
        'Put the date in the title (for example "as at 31 March 2010"), or choose the year in the Data step.'
      )
    );
    return undefined;
  }
  const partCols = PARTS.filter((p) => header.columns.has(p)).map((p) => ({
    part: p,
    col: header.columns.get(p) as number,
  }));
  const firstPartCol = Math.min(...partCols.map((p) => p.col));
  const categoryCol = header.columns.get("category");
  const functionCol = header.columns.get("function");
  const hidden = new Set(sheet.hiddenRows ?? []);
  const hiddenRead: number[] = [];
  const lines: { -readonly [K in keyof RawWorkforceLine]: RawWorkforceLine[K] }[] = [];
  // Items for total checks, per year, in sheet order.
  const itemsByYear = new Map<FinancialYear, TotalRow[]>();
  // Category findings wait until the totals are known: a subtotal is not a function.
  const held = new FindingSink(Number.MAX_SAFE_INTEGER);
  const holding: DetectContext = { ...ctx, sink: held };
  const n = sheet.values.length;
  for (let r = header.row + 1; r < n; r++) {
    const row = sheet.values[r];
    if (!row || row.length === 0) continue;
    let label: string | undefined;
    let labelCol = -1;
    if (functionCol !== undefined) {
      label = labelText(row[functionCol]);
      labelCol = functionCol;
    } else
      for (let c = 0; c < Math.min(firstPartCol, row.length); c++) {
        if (c === categoryCol || c === yearCol) continue;
        const t = labelText(row[c]);
        if (t !== undefined) {
          label = t;
          labelCol = c;
          break;
        }
      }
    if (label === undefined) continue;
    const labelCell: CellRef = { sheet: sheet.name, address: a1(r, labelCol) };
    let year: FinancialYear | undefined = snapshot?.year;
    let yearHow = snapshot?.how ?? "";
    if (yearCol !== undefined) {
      const yv = row[yearCol];
      const fmt = sheet.numberFormats?.[r]?.[yearCol];
      const y =
        yearOfCell(yv ?? null, fmt) ??
        (typeof yv === "number" && Number.isInteger(yv) && yv >= 1990 && yv <= 2099
          ? { year: yv }
          : undefined);
      if (!y) {
        if (!(yv === null || yv === undefined || cellText(yv) === ""))
          ctx.sink.add(
            finding(
              "warning",
              "YEAR_NOT_VALID",
              `${sheet.name}!${a1(r, yearCol)} should give the financial year of "${label}" (e.g. 2009/10) but holds "${cellText(yv) || String(yv)}"; the row was not read.`,
              { sheet: sheet.name, address: a1(r, yearCol) },
              "Write the year as 2009/10."
            )
          );
        continue;
      }
      year = y.year;
      yearHow = `year ${formatYear(y.year)} in ${a1(r, yearCol)}`;
    }
    if (year === undefined) continue;
    const user = userSubtotal(ctx, labelCell);
    const isTotal = user ?? isTotalLabel(label);
    const fte: Fte = {};
    const values: (number | undefined)[] = [];
    for (const { part, col } of partCols) {
      const cell: CellRef = { sheet: sheet.name, address: a1(r, col) };
      const v = quantityFromCell(
        readNumberCell(row[col]),
        cell,
        `${PART_WORDS[part]} FTE of "${label}"`,
        ctx.sink
      );
      values.push(v);
      if (v === undefined) continue;
      negativeFte(v, cell, label, ctx);
      fte[part] = { value: v, sources: [cell], how: "" };
    }
    const present = PARTS.filter((p) => fte[p] !== undefined);
    if (present.length === 0) continue;
    if (hidden.has(r)) hiddenRead.push(r);
    const catText = categoryCol !== undefined ? cellText(row[categoryCol]) : "";
    const cat: { category?: FunctionCategory; how: string; confirmed?: boolean } = isTotal
      ? { how: user ? "a subtotal (your choice)" : "total row" }
      : categorise(
          label,
          labelCell,
          catText || undefined,
          categoryCol !== undefined
            ? { sheet: sheet.name, address: a1(r, categoryCol) }
            : undefined,
          holding,
          reported
        );
    (itemsByYear.get(year) ?? itemsByYear.set(year, []).get(year))?.push({
      isTotal,
      hint: user === undefined && isSubtotalHint(label, isTotal),
      values,
      row: r,
      line: lines.length,
      known: user === false ? "confirmed" : knownOf(cat),
      labelCell,
    });
    const finished: Fte = {};
    for (const p of present) {
      const f = fte[p] as Sourced<number>;
      const col = partCols.find((x) => x.part === p)?.col ?? 0;
      finished[p] = {
        value: f.value,
        sources: f.sources,
        how: `function "${label}" (${labelCell.address}), ${cat.how}; ${PART_WORDS[p]} FTE in column "${header.headers.get(col) ?? ""}"; ${yearHow}`,
      };
    }
    // The row's own total must be officers + staff + PCSOs (specials never count), within the
    // rounding of the figures (half a unit each); a missing total is added when sheets merge.
    const parts = [finished.officers, finished.staff, finished.pcsos].filter(
      (x): x is Sourced<number> => x !== undefined
    );
    const total = finished.total;
    if (parts.length > 0 && total) {
      const sum = parts.reduce((a, x) => a + x.value, 0);
      const unit = fteUnit([total.value, ...parts.map((x) => x.value)]);
      if (
        !withinRounding(total.value, sum, parts.length, unit) &&
        Math.abs(total.value - sum) > FTE_NOISE
      )
        ctx.sink.add(
          finding(
            "warning",
            "FTE_TOTAL_MISMATCH",
            `The total FTE of "${label}" at ${sheet.name}!${total.sources[0].address} is ${formatNumber(total.value, 2, 0)}, but officers, staff and PCSOs on the row add up to ${formatNumber(sum, 2, 0)}, more than rounding explains (${toleranceWords(unit, parts.length, "FTE")}).`,
            total.sources[0],
            "Check the row: the total should be officers + staff + PCSOs (specials are not counted)."
          )
        );
    }
    lines.push({
      label,
      labelCell,
      isTotal,
      ...(cat.category ? { category: cat.category } : {}),
      ...(cat.confirmed ? { categoryConfirmed: true } : {}),
      order: order * 1_000_000 + r,
      fte: new Map([[year, finished]]),
    });
  }
  reportHiddenRows(sheet.name, hiddenRead, ctx.sink);
  const dropped = new Set<string>();
  for (const year of [...itemsByYear.keys()].sort((a, b) => a - b)) {
    const items = itemsByYear.get(year) ?? [];
    const totals = sheetTotals(items);
    markSubtotals(lines, items, totals.subtotals);
    applyUnlabelled(sheet.name, items, totals, ctx, dropped);
    for (const { item, differences } of totals.failures) {
      for (const d of differences) {
        const pc = partCols[d.column];
        reportFteMismatch(
          sheet.name,
          item.row,
          pc.col,
          formatYear(year),
          PART_WORDS[pc.part],
          d.stated,
          d.sum,
          ctx
        );
      }
    }
  }
  flushHeld(held, dropped, ctx);
  const types = partCols.map((p) => PART_WORDS[p.part]).join(", ");
  const how = template
    ? `template table ${template}: FTE by function, year and worker type (${types})`
    : yearCol !== undefined
      ? `workforce by worker type (${types}) with a year column, header on row ${header.row + 1}`
      : `workforce snapshot by worker type (${types}), header on row ${header.row + 1}; ${snapshot?.how ?? ""}`;
  return { sheet: sheet.name, lines, how };
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

// ---------------------------------------------------------------------------------------------
// Merging

/**
 * One line per function (by its label's words, totals apart from ordinary lines), in the order
 * first seen. A figure given on two sheets keeps the first; if they disagree, a finding says so.
 */
export function mergeWorkforce(
  sheets: readonly WorkforceSheet[],
  ctx: DetectContext
): WorkforceLine[] {
  const merged = new Map<
    string,
    {
      line: RawWorkforceLine;
      fte: Map<FinancialYear, Fte>;
      category?: FunctionCategory;
      confirmed?: boolean;
    }
  >();
  const raw = sheets.flatMap((s) => s.lines).sort((a, b) => a.order - b.order);
  for (const l of raw) {
    const key = `${l.isTotal ? "T" : "L"}|${mappingKey(l.label)}`;
    let m = merged.get(key);
    if (!m) {
      m = {
        line: l,
        fte: new Map(),
        ...(l.category ? { category: l.category } : {}),
        ...(l.categoryConfirmed ? { confirmed: true } : {}),
      };
      merged.set(key, m);
    } else if (!m.category && l.category) m.category = l.category;
    if (l.categoryConfirmed && m.category === l.category) m.confirmed = true;
    for (const [year, parts] of l.fte) {
      const have = m.fte.get(year) ?? {};
      for (const p of PARTS) {
        const f = parts[p];
        if (!f) continue;
        const old = have[p];
        if (!old) {
          have[p] = f;
          continue;
        }
        if (!sameFte(old.value, f.value))
          ctx.sink.add(
            finding(
              "warning",
              "FTE_CONFLICT",
              `"${l.label}" has ${formatNumber(old.value, 2, 0)} ${PART_WORDS[p]} FTE for ${formatYear(year)} at ${old.sources[0].sheet}!${old.sources[0].address} but ${formatNumber(f.value, 2, 0)} at ${f.sources[0].sheet}!${f.sources[0].address}; the first was used.`,
              f.sources[0],
              "Make the two sheets agree, or mark one of them to be ignored in the Data step."
            )
          );
      }
      m.fte.set(year, have);
    }
  }
  return [...merged.values()]
    .sort((a, b) => a.line.order - b.line.order)
    .map((m) => {
      const fte = new Map<FinancialYear, Fte>();
      for (const y of [...m.fte.keys()].sort((a, b) => a - b))
        fte.set(y, withTotal(m.fte.get(y) ?? {}, m.line.label, m.line.labelCell));
      const line: { -readonly [K in keyof WorkforceLine]: WorkforceLine[K] } = {
        label: m.line.label,
        isTotal: m.line.isTotal,
        labelCell: m.line.labelCell,
        fte,
      };
      if (m.category) line.category = m.category;
      if (m.confirmed) line.categoryConfirmed = true;
      const entry = publishedEntry(m.line.label);
      if (entry) line.entry = entry;
      return line;
    });
}

/** A line's total where the sheets give only its parts: officers + staff + PCSOs. */
function withTotal(f: Fte, label: string, labelCell: CellRef): Fte {
  if (f.total) return f;
  const parts = [f.officers, f.staff, f.pcsos].filter((x): x is Sourced<number> => x !== undefined);
  if (parts.length === 0) return f;
  return {
    ...f,
    total: {
      value: round4(parts.reduce((a, x) => a + x.value, 0)),
      sources: parts.flatMap((x) => x.sources),
      how: `function "${label}" (${labelCell.sheet}!${labelCell.address}): ${parts.length > 1 ? "officers + staff + PCSOs" : "the one worker type given"}`,
    },
  };
}

/** The published function a label names, preferring one with a breakdown (core/classifications). */
function publishedEntry(label: string): string | undefined {
  const es = entriesNamed(label, mappingKey).filter((e) => !e.id.startsWith("addin."));
  return (es.find((e) => e.role === "parent") ?? es[0])?.id;
}

/** The years a workforce has figures for. */
export function workforceYears(lines: readonly WorkforceLine[]): FinancialYear[] {
  const ys = new Set<FinancialYear>();
  for (const l of lines) for (const y of l.fte.keys()) ys.add(y);
  return [...ys].sort((a, b) => a - b);
}
