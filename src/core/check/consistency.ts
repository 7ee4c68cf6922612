/**
 * Consistency (5.53-5.54, 5.58): the statement sheet the add-in drafted still says what the
 * workbook's data say. The expected sheet is drafted again from today's data outside the core
 * (core/check/expectation.ts, with the same renderer that wrote it) and handed in; this
 * rule only compares it, cell by cell, with the sheet in the workbook. A cell changed by hand
 * after drafting, or a statement left behind by data that changed since, shows as the cells
 * that differ.
 */
import {
  CellRef,
  CellValue,
  SheetGrid,
  a1,
  cellValue,
  findSheet,
  formatRef,
  isErrorValue,
} from "../grid";
import { CheckContext, hit } from "./context";
import { ExpectedCell, ExpectedSheet, RuleGroupResult, RuleHit } from "./types";
import { formatNumber } from "../format";
import { describeTextChange } from "./textChange";
import { thereAre } from "../plainEnglish";

/** Cells listed one by one per sheet; beyond that one finding sums up the rest. */
export const MAX_CELL_FINDINGS = 12;

/** True when the workbook holds an add-in sheet the statement check could compare. */
export function statementSheetsIn(sheets: readonly SheetGrid[]): SheetGrid[] {
  return sheets.filter(
    (s) =>
      s.addinOwned === true &&
      (/^VfM Statement(?: \(\d+\))?$/i.test(s.name) ||
        (typeof s.values[0]?.[0] === "string" &&
          /^Value for Money Statement\b/.test(s.values[0][0] as string)))
  );
}

function sameValue(actual: CellValue, expected: ExpectedCell["value"]): boolean {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return false;
    return Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
  }
  if (typeof expected === "string") {
    if (typeof actual === "string") return actual.trim() === expected.trim();
    if (typeof actual === "number") return String(actual) === expected.trim();
    return false;
  }
  return actual === expected;
}

function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

function show(v: CellValue | ExpectedCell["value"]): string {
  if (v === null) return "nothing";
  if (typeof v === "number") return formatNumber(v, 6, 0);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isErrorValue(v)) return v.error;
  const t = v.length > 60 ? `${v.slice(0, 57)}...` : v;
  return `"${t}"`;
}

interface Difference {
  readonly cell: CellRef;
  readonly message: string;
}

function describe(sheet: string, e: ExpectedCell, actual: CellValue): Difference {
  const cell = { sheet, address: a1(e.row, e.col) };
  const what = e.what ? ` (${e.what})` : "";
  const from =
    e.sources && e.sources.length > 0
      ? ` (from ${e.sources.slice(0, 3).map(formatRef).join(", ")}${e.sources.length > 3 ? " and more" : ""})`
      : "";
  const message = isEmpty(actual)
    ? `${formatRef(cell)}${what} is empty, where the statement drafted from the data shows ${show(e.value)}${from}.`
    : typeof e.value === "number"
      ? `${formatRef(cell)}${what} shows ${show(actual)}, but the workbook's data give ${show(e.value)}${from}.`
      : typeof actual === "string" && typeof e.value === "string"
        ? `${formatRef(cell)}${what} ${describeTextChange(e.value, actual)}${from}.`
        : `${formatRef(cell)}${what} shows ${show(actual)}, where the statement drafted from the data shows ${show(e.value)}${from}.`;
  return { cell, message };
}

function compareSheet(actual: SheetGrid, expected: ExpectedSheet): Difference[] {
  const skip = new Set(expected.skipRows ?? []);
  const at = new Set<string>();
  const diffs: { row: number; col: number; d: Difference }[] = [];
  for (const e of expected.cells) {
    at.add(`${e.row},${e.col}`);
    if (skip.has(e.row)) continue;
    const v = cellValue(actual, e.row, e.col);
    if (!sameValue(v, e.value))
      diffs.push({ row: e.row, col: e.col, d: describe(actual.name, e, v) });
  }
  for (let r = 0; r < Math.min(expected.rows, actual.values.length); r++) {
    if (skip.has(r)) continue;
    const row = actual.values[r] ?? [];
    for (let c = 0; c < Math.min(expected.cols, row.length); c++) {
      const v = row[c];
      if (v === undefined || isEmpty(v) || at.has(`${r},${c}`)) continue;
      const cell = { sheet: actual.name, address: a1(r, c) };
      diffs.push({
        row: r,
        col: c,
        d: {
          cell,
          message: `${formatRef(cell)} holds ${show(v)}, which the statement drafted from the data does not have there.`,
        },
      });
    }
  }
  return diffs.sort((a, b) => a.row - b.row || a.col - b.col).map((x) => x.d);
}

export function checkConsistency(ctx: CheckContext): RuleGroupResult {
  const rule = "STATEMENT_MATCHES_DATA" as const;
  const present = statementSheetsIn(ctx.result.workbook.sheets);
  const na = (note: string): RuleGroupResult => ({ findings: [], notApplicable: [{ rule, note }] });
  if (present.length === 0) return na("The workbook has no statement sheet drafted by the add-in.");
  const exp = ctx.expectedStatement;
  if (!exp)
    return na(
      "The statement sheet was not compared: no statement was drafted from the data to compare it with."
    );
  if (exp.unavailable) return na(exp.unavailable);
  const findings: RuleHit[] = [];
  for (const expected of exp.sheets) {
    const actual = findSheet(ctx.result.workbook, expected.sheet);
    if (!actual) continue;
    const diffs = compareSheet(actual, expected);
    if (diffs.length === 0) continue;
    const compared = expected.cells.length;
    if (diffs.length > MAX_CELL_FINDINGS)
      findings.push(
        hit(
          rule,
          `${thereAre(diffs.length, "cell")} on "${actual.name}" that differ from the statement drafted from the workbook's data (of ${compared} compared). The statement was probably drafted from earlier figures, or edited by hand; the first ${MAX_CELL_FINDINGS} are listed.`,
          diffs[0].cell,
          "Draft the statement again from the add-in, then make any changes in the data, not in the statement."
        )
      );
    for (const d of diffs.slice(0, MAX_CELL_FINDINGS))
      findings.push(
        hit(
          rule,
          d.message,
          d.cell,
          "Draft the statement again from the add-in, or put the data right if the statement is correct."
        )
      );
  }
  return { findings, notApplicable: [] };
}
