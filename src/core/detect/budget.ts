/**
 * Budget sheets: subjective lines by financial year (the template's Budget table, or a force's
 * own revenue budget laid out however it likes). Lines are matched to the keys the analyses need;
 * totals and sub-totals are kept apart so nothing is counted twice.
 */
import { BudgetLine, BudgetLineKey, Sourced } from "../forceData";
import { a1, CellRef, columnLetters, SheetGrid } from "../grid";
import { finding } from "../findings";
import { MoneyUnit, Pence } from "../money";
import { FinancialYear } from "../years";
import { formatPounds, formatYear } from "../format";
import { amountFromCell } from "./cells";
import { DetectContext, sheetUnit } from "./context";
import {
  INCLUDES_OVERTIME,
  isTotalLabel,
  labelTokens,
  matchBudgetLabel,
  MatchResult,
} from "./labels";
import { BUDGET_KEY_NAMES } from "../names";
import { decided } from "./options";
import { checkTotals, readYearTable, reportHiddenRows, YearHeader, YearTable } from "./table";
import { YearBasis } from "./years";
import { roundingTolerance, sheetPenceUnit, withinRounding } from "../tolerance";

/** "of which: overtime", "including: ...", "within which ...": part of the line above it. */
export const PART_OF_LINE_ABOVE = /^\s*(of which|incl(uding|\.)?\s*:|within which)\b/i;

/** A budget row as read, before its key is settled across all budget sheets. */
export interface BudgetCandidate {
  readonly sheet: string;
  readonly order: number;
  readonly label: string;
  readonly labelCell: CellRef;
  readonly isTotal: boolean;
  readonly heading?: string;
  readonly amounts: ReadonlyMap<FinancialYear, { value: Pence; cell: CellRef; column: string }>;
  readonly basis: ReadonlyMap<FinancialYear, YearBasis>;
  readonly match: MatchResult<BudgetLineKey> & { viaHeading?: string };
  readonly override?: { key: BudgetLineKey | "none"; by: "cell" | "label" };
  /** Read as a subtotal: its figures are the sum of the rows above it. */
  readonly unlabelledSubtotal?: boolean;
  /** Where a total is not the sum of the rows above it, by year. */
  readonly unreconciled?: ReadonlyMap<FinancialYear, { stated: Pence; sum: Pence; cell: CellRef }>;
}

export interface BudgetSheet {
  readonly sheet: string;
  readonly candidates: readonly BudgetCandidate[];
  readonly unit: MoneyUnit;
  readonly unitStated: boolean;
  readonly unitNote: string;
  readonly years: readonly FinancialYear[];
  readonly how: string;
}

const PAY_KEYS: ReadonlySet<BudgetLineKey> = new Set([
  "officerPay",
  "officerOvertime",
  "staffPay",
  "staffOvertime",
  "pcsoPay",
  "pcsoOvertime",
  "totalPay",
]);

/** Keys that name one kind of pay: lines that add up, never a total of others. */
const COMPONENT_KEYS: ReadonlySet<BudgetLineKey> = new Set([
  "officerPay",
  "officerOvertime",
  "staffPay",
  "staffOvertime",
  "pcsoPay",
  "pcsoOvertime",
]);

export function readBudgetSheet(
  sheet: SheetGrid,
  header: YearHeader,
  order: number,
  ctx: DetectContext,
  template?: string
): BudgetSheet {
  const hidden = new Set(sheet.hiddenRows ?? []);
  const table: YearTable = readYearTable(sheet, header, { isTotal: isTotalLabel, hidden });
  const unit = sheetUnit(
    sheet,
    {
      headerRow: header.row,
      headerRowsBelow: table.headerRowsBelow,
      amountColumns: header.columns.map((c) => c.col),
      firstDataRow: header.row + 1 + table.headerRowsBelow,
    },
    ctx
  );
  const candidates: BudgetCandidate[] = [];
  const hiddenRead: number[] = [];
  const yearsSeen = new Set<FinancialYear>();
  const lineRows: {
    isTotal: boolean;
    values: (number | undefined)[];
    row: number;
    /** Index in `candidates`, where the row has figures. */
    cand?: number;
    /** The user said the row is a subtotal (true) or a line (false). */
    user?: boolean;
    partOfAbove: boolean;
  }[] = [];
  for (const row of table.rows) {
    if (row.kind !== "line") continue;
    const labelCell: CellRef = { sheet: sheet.name, address: addressOf(row.row, row.labelCol) };
    const amounts = new Map<FinancialYear, { value: Pence; cell: CellRef; column: string }>();
    const basis = new Map<FinancialYear, YearBasis>();
    const values: (number | undefined)[] = [];
    header.columns.forEach((col, i) => {
      const cell: CellRef = { sheet: sheet.name, address: addressOf(row.row, col.col) };
      const v = amountFromCell(
        row.cells[i],
        cell,
        unit.unit,
        `${formatYear(col.year)} of "${row.label}"`,
        ctx.sink
      );
      values.push(v);
      if (v === undefined) return;
      amounts.set(col.year, { value: v, cell, column: col.header });
      if (col.basis) basis.set(col.year, col.basis);
      yearsSeen.add(col.year);
    });
    // "of which: overtime" is part of the line above it, never added to a total again.
    const partOfAbove = PART_OF_LINE_ABOVE.test(row.label);
    const user = ctx.options.subtotals?.[`${sheet.name}!${labelCell.address}`];
    const isTotal = user ?? row.isTotal;
    lineRows.push({
      isTotal,
      values: partOfAbove ? values.map(() => undefined) : values,
      row: row.row,
      ...(amounts.size > 0 ? { cand: candidates.length } : {}),
      ...(user !== undefined ? { user } : {}),
      partOfAbove,
    });
    if (amounts.size === 0) continue;
    if (row.hidden) hiddenRead.push(row.row);
    const override = decided(ctx.options.budgetLines, sheet.name, labelCell.address, row.label);
    candidates.push({
      sheet: sheet.name,
      order: order * 1_000_000 + row.row,
      label: row.label,
      labelCell,
      isTotal,
      ...(row.heading ? { heading: row.heading } : {}),
      amounts,
      basis,
      match: matchBudgetLabel(row.label, row.heading),
      ...(override ? { override: { key: override.value, by: override.by } } : {}),
    });
  }
  reportHiddenRows(sheet.name, hiddenRead, ctx.sink);
  for (const r of table.unlabelled.slice(0, 1))
    ctx.sink.add(
      finding(
        "info",
        "UNLABELLED_FIGURES",
        `Row ${r + 1} of sheet "${sheet.name}" has figures but no label, so it was not read${table.unlabelled.length > 1 ? ` (nor ${table.unlabelled.length - 1} other such rows)` : ""}.`,
        { sheet: sheet.name, address: addressOf(r, table.firstLabelCol) },
        "Give the row a label if its figures should count."
      )
    );
  // Totals should equal the rows they add up; a budget's net line often subtracts income, so a
  // total that fits no run of rows above is reported for information only.
  // Totals of rounded figures (a sheet in £000) agree within half a unit per line.
  const unitP = sheetPenceUnit(
    lineRows.flatMap((r) => r.values.filter((v): v is number => v !== undefined)),
    unit.unit
  );
  for (const u of unlabelledBudgetSubtotals(lineRows, candidates, unitP)) {
    const item = lineRows[u.item];
    const c = candidates[item.cand!];
    item.isTotal = true;
    candidates[item.cand!] = { ...c, isTotal: true, unlabelledSubtotal: true };
    const rows = u.covers.map((j) => lineRows[j].row + 1);
    ctx.sink.add(
      finding(
        "warning",
        "UNLABELLED_SUBTOTAL",
        `${sheet.name}!${c.labelCell.address} ("${c.label}") is not labelled a total, but its figures are the sum of the ${rows.length} rows above it (rows ${rows[0]} to ${rows[rows.length - 1]}), so it was read as their subtotal and not counted again.`,
        c.labelCell,
        'If it is a line of its own, count it as one in the Data step (Rows read as subtotals); putting "total" in a subtotal\'s label says it is one.'
      )
    );
  }
  for (const check of checkTotals(lineRows, (a, b, n) => withinRounding(a, b, n, unitP))) {
    if (check.ok) continue;
    const item = lineRows[check.index];
    const d = check.differences[0];
    if (!d) continue;
    if (item.cand !== undefined) {
      const c = candidates[item.cand];
      const unreconciled = new Map<FinancialYear, { stated: Pence; sum: Pence; cell: CellRef }>();
      for (const x of check.differences) {
        const hc = header.columns[x.column];
        unreconciled.set(hc.year, {
          stated: x.stated,
          sum: x.sum,
          cell: { sheet: sheet.name, address: addressOf(item.row, hc.col) },
        });
      }
      candidates[item.cand] = { ...c, unreconciled };
    }
    const col = header.columns[d.column];
    ctx.sink.add(
      finding(
        "info",
        "TOTAL_NOT_RECONCILED",
        `The total at ${sheet.name}!${addressOf(item.row, col.col)} (${formatYear(col.year)}: ${formatPounds(d.stated)}) is not the sum of the rows above it (${formatPounds(d.sum)}).`,
        { sheet: sheet.name, address: addressOf(item.row, col.col) },
        "Check the total's formula; a net figure that subtracts income is fine."
      )
    );
  }
  const years = [...yearsSeen].sort((a, b) => a - b);
  const how = template
    ? `template table ${template}: ${header.columns.length} year columns from row ${header.row + 1}; ${unit.note}`
    : `free-form: labels from column ${letters(table.firstLabelCol)}, year header on row ${header.row + 1} (${header.columns.map((c) => formatYear(c.year)).join(", ")}); ${unit.note}`;
  return {
    sheet: sheet.name,
    candidates,
    unit: unit.unit,
    unitStated: unit.stated,
    unitNote: unit.note,
    years,
    how,
  };
}

/**
 * Rows with no "total" in their label whose every figure is the sum of all the rows since the
 * last total (at least two), to the penny or within the rounding of a sheet in £000: "Police
 * officer pay" under its basic pay, allowances and on-costs. Only where adding it in would count
 * money twice: its label names a pay or overtime line that one of those rows also is, or it
 * names none (a heading row with figures). A row the user has placed is left as they said.
 */
function unlabelledBudgetSubtotals(
  rows: readonly {
    isTotal: boolean;
    values: readonly (number | undefined)[];
    cand?: number;
    user?: boolean;
    partOfAbove: boolean;
  }[],
  candidates: readonly BudgetCandidate[],
  unit: number
): { item: number; covers: number[] }[] {
  const keyOf = (i: number): BudgetLineKey | "none" | undefined => {
    const c = rows[i].cand !== undefined ? candidates[rows[i].cand!] : undefined;
    if (!c) return undefined;
    if (c.override) return c.override.key;
    return c.match.kind === "match" ? c.match.key : undefined;
  };
  const same = (v: number, sum: number, n: number) =>
    v === sum ||
    (withinRounding(v, sum, n, unit) && Math.abs(sum) >= 10 * roundingTolerance(unit, n));
  const out: { item: number; covers: number[] }[] = [];
  let since: number[] = [];
  rows.forEach((r, k) => {
    if (r.isTotal) {
      since = [];
      return;
    }
    if (r.partOfAbove) return;
    const figures = since.filter((j) => rows[j].values.some((v) => v !== undefined));
    if (r.user === undefined && r.cand !== undefined && figures.length >= 2) {
      const key = keyOf(k);
      const shares =
        key === undefined ||
        (key !== "none" && COMPONENT_KEYS.has(key) && figures.some((j) => keyOf(j) === key));
      let stated = 0;
      let nonZero = false;
      const adds = r.values.every((v, c) => {
        if (v === undefined) return true;
        stated++;
        if (v !== 0) nonZero = true;
        const sum = figures.reduce((a, j) => a + (rows[j].values[c] ?? 0), 0);
        return same(v, sum, figures.length);
      });
      if (shares && adds && stated > 0 && nonZero) {
        out.push({ item: k, covers: figures });
        since = [];
        return;
      }
    }
    since.push(k);
  });
  return out;
}

function letters(col: number): string {
  return columnLetters(col);
}

function addressOf(row: number, col: number): string {
  return a1(row, col);
}

interface Settled {
  readonly c: BudgetCandidate;
  key?: BudgetLineKey;
  isTotal: boolean;
  how: string;
}

function describeMatch(c: BudgetCandidate, key: BudgetLineKey): string {
  const m = c.match;
  let s = `label "${c.label}" (${c.labelCell.address}) matched ${BUDGET_KEY_NAMES[key]}`;
  if (m.kind === "match" && m.note) s += ` (${m.note})`;
  if (c.match.viaHeading) s += ` under the heading "${c.match.viaHeading}"`;
  return s;
}

/**
 * Settles which rows are which key across all budget sheets, and builds the budget lines.
 * - The user's decision (by cell or by label) wins.
 * - A label that fits two keys equally is ambiguous: a finding, and no key.
 * - Several ordinary rows with one key on one sheet are added together by the analyses (e.g.
 *   "Basic pay" and "Allowances" under "Police officers"); the finding says so.
 * - The same key on two sheets would count twice: the first sheet's rows are used.
 * - A total row takes a key only when no ordinary row has it; a component key (officer pay,
 *   officer overtime, ...) found only on a total row makes that row count as the line.
 */
export function settleBudgetLines(
  sheets: readonly BudgetSheet[],
  ctx: DetectContext
): BudgetLine[] {
  const all: Settled[] = [];
  for (const s of sheets)
    for (const c of s.candidates) all.push({ c, isTotal: c.isTotal, how: "" });
  const byKey = new Map<BudgetLineKey, Settled[]>();
  const userKeys = new Set<BudgetLineKey>();
  for (const s of all) {
    const o = s.c.override;
    if (o && o.key !== "none") userKeys.add(o.key);
  }
  for (const s of all) {
    const o = s.c.override;
    if (o) {
      if (o.key === "none") continue;
      s.key = o.key;
      if (COMPONENT_KEYS.has(o.key)) s.isTotal = false;
      s.how = `label "${s.c.label}" (${s.c.labelCell.address}) set to ${BUDGET_KEY_NAMES[o.key]} in the Data step`;
      continue;
    }
    const m = s.c.match;
    if (m.kind === "ambiguous") {
      ctx.sink.add(
        finding(
          "warning",
          "AMBIGUOUS_LABEL",
          `The label "${s.c.label}" at ${s.c.sheet}!${s.c.labelCell.address} could be ${m.keys.map((k) => BUDGET_KEY_NAMES[k]).join(" or ")}, so it was not used as either.`,
          s.c.labelCell,
          "Reword the label, or say which line it is in the Data step."
        )
      );
      continue;
    }
    if (m.kind !== "match" || userKeys.has(m.key)) continue;
    const list = byKey.get(m.key);
    if (list) list.push(s);
    else byKey.set(m.key, [s]);
  }
  for (const [key, list] of [...byKey.entries()].sort((a, b) => keyOrder(a[0]) - keyOrder(b[0]))) {
    const ordinary = list.filter((s) => !s.isTotal);
    let chosen: Settled[];
    if (ordinary.length > 0) chosen = ordinary;
    else if (list.length === 1) {
      chosen = list;
      if (COMPONENT_KEYS.has(key)) {
        list[0].isTotal = false;
        ctx.sink.add(
          finding(
            "info",
            "TOTAL_USED_AS_LINE",
            `The only row for ${BUDGET_KEY_NAMES[key]} is the total "${list[0].c.label}" at ${list[0].c.sheet}!${list[0].c.labelCell.address}; it was used as the ${BUDGET_KEY_NAMES[key]} line.`,
            list[0].c.labelCell,
            "If the rows above it should be used instead, label them or choose them in the Data step."
          )
        );
      }
    } else {
      ctx.sink.add(
        finding(
          "warning",
          "AMBIGUOUS_LABEL",
          `Several total rows look like ${BUDGET_KEY_NAMES[key]} (${list.map((s) => `${s.c.sheet}!${s.c.labelCell.address}`).join(", ")}), so none was used.`,
          list[0].c.labelCell,
          "Say which row it is in the Data step."
        )
      );
      continue;
    }
    // One sheet only: the same key on two sheets would be counted twice.
    const firstSheet = chosen[0].c.sheet;
    const elsewhere = chosen.filter((s) => s.c.sheet !== firstSheet);
    if (elsewhere.length > 0)
      ctx.sink.add(
        finding(
          "warning",
          "DUPLICATE_LINE",
          `${cap(BUDGET_KEY_NAMES[key])} appears on sheet "${firstSheet}" and again at ${elsewhere.map((s) => `${s.c.sheet}!${s.c.labelCell.address}`).join(", ")}; only sheet "${firstSheet}" was used, so it is not counted twice.`,
          elsewhere[0].c.labelCell,
          "Choose the rows to use in the Data step if another sheet is the right one."
        )
      );
    chosen = chosen.filter((s) => s.c.sheet === firstSheet);
    if (chosen.length > 1 && COMPONENT_KEYS.has(key))
      ctx.sink.add(
        finding(
          "info",
          "LINES_ADDED",
          `${cap(BUDGET_KEY_NAMES[key])} is the sum of ${chosen.length} rows on sheet "${firstSheet}": ${chosen.map((s) => `"${s.c.label}" (${s.c.labelCell.address})`).join(", ")}.`,
          chosen[0].c.labelCell,
          "If one of these rows should not count, say so in the Data step."
        )
      );
    for (const s of chosen) {
      s.key = key;
      s.how = describeMatch(s.c, key);
    }
  }
  const lines: BudgetLine[] = all
    .sort((a, b) => a.c.order - b.c.order)
    .map((s) => toLine(s, sheets));
  for (const line of lines) {
    if (!line.key || !PAY_KEYS.has(line.key)) continue;
    for (const [year, a] of line.amounts)
      if (a.value < 0)
        ctx.sink.add(
          finding(
            "warning",
            "NEGATIVE_PAY",
            `${cap(BUDGET_KEY_NAMES[line.key])} for ${formatYear(year)} at ${a.sources[0].sheet}!${a.sources[0].address} is negative (${formatPounds(a.value)}); pay cannot be below zero.`,
            a.sources[0],
            "Check the sign: income and savings belong on their own lines."
          )
        );
  }
  return lines;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const KEY_ORDER: readonly BudgetLineKey[] = [
  "officerPay",
  "officerOvertime",
  "staffPay",
  "staffOvertime",
  "pcsoPay",
  "pcsoOvertime",
  "totalPay",
  "nonPay",
  "grossExpenditure",
  "income",
  "netExpenditure",
];

function keyOrder(k: BudgetLineKey): number {
  return KEY_ORDER.indexOf(k);
}

function toLine(s: Settled, sheets: readonly BudgetSheet[]): BudgetLine {
  const sheet = sheets.find((x) => x.sheet === s.c.sheet);
  const unitNote = sheet ? sheet.unitNote : "";
  const what = s.key ? s.how : `line "${s.c.label}" (${s.c.labelCell.address})`;
  const amounts = new Map<FinancialYear, Sourced<Pence>>();
  for (const year of [...s.c.amounts.keys()].sort((a, b) => a - b)) {
    const a = s.c.amounts.get(year);
    if (!a) continue;
    amounts.set(year, {
      value: a.value,
      sources: [a.cell],
      how: `${what}; column "${a.column}"; ${unitNote}`,
    });
  }
  const basis = new Map<FinancialYear, YearBasis>();
  for (const year of [...s.c.basis.keys()].sort((a, b) => a - b)) {
    const b = s.c.basis.get(year);
    if (b) basis.set(year, b);
  }
  const line: {
    -readonly [K in keyof BudgetLine]: BudgetLine[K];
  } = {
    label: s.c.label,
    isTotal: s.isTotal,
    labelCell: s.c.labelCell,
    amounts,
  };
  if (s.key) line.key = s.key;
  const m = s.c.match;
  if (!s.key && !s.c.override && m.kind === "ambiguous") line.ambiguousKeys = m.keys;
  if (s.isTotal && m.kind === "match" && !s.c.override) line.totalOf = m.key;
  if (s.c.unreconciled) line.unreconciled = s.c.unreconciled;
  if (s.c.unlabelledSubtotal) line.unlabelledSubtotal = true;
  if (s.key && labelTokens(s.c.label).includes(INCLUDES_OVERTIME)) line.includesOvertime = true;
  if (PART_OF_LINE_ABOVE.test(s.c.label)) line.partOfLineAbove = true;
  if (basis.size > 0) line.basis = basis;
  return line;
}

/** Findings for the lines the analyses cannot do without. */
export function reportMissingBudgetKeys(
  lines: readonly BudgetLine[],
  sheet: string,
  ctx: DetectContext
): void {
  for (const key of ["officerPay", "officerOvertime"] as const) {
    if (lines.some((l) => l.key === key)) continue;
    ctx.sink.add(
      finding(
        "warning",
        "REQUIRED_LINE_MISSING",
        `No row for ${BUDGET_KEY_NAMES[key]} was recognised on sheet "${sheet}", so the overtime ratio cannot be worked out from it.`,
        { sheet },
        `Label the row "${cap(BUDGET_KEY_NAMES[key])}", or choose it in the Data step.`
      )
    );
  }
}
