/**
 * The user's corrections to what detection found, kept as DetectOptions (core/detect/options.ts)
 * so detection applies them on every later run: which row is a key budget line, which category a
 * workforce function is, and the unit a sheet's amounts are in. Decisions are keyed by the label
 * cell ("Budget!A7", the sheet name as it is), which wins over any label match.
 */
import {
  BudgetLine,
  BudgetLineKey,
  CellRef,
  DetectOptions,
  ForceData,
  FunctionCategory,
  MoneyUnit,
} from "../../core";
import { JsonObject } from "./settings";

/** The key of a decision about one cell: "Budget!A7". */
export function cellKey(ref: CellRef): string {
  return `${ref.sheet}!${ref.address}`;
}

/** The stored JSON as DetectOptions (it was written by the functions below). */
export function asDetectOptions(json: JsonObject): DetectOptions {
  return json as DetectOptions;
}

export function toJson(options: DetectOptions): JsonObject {
  return JSON.parse(JSON.stringify(options)) as JsonObject;
}

/** The budget lines a key could be given to: detail rows, in sheet order. */
export function candidateLines(data: ForceData): BudgetLine[] {
  return data.budget.lines.filter((l) => !l.isTotal);
}

/** The line detection (or an earlier decision) took as `key`, if any. */
export function lineFor(data: ForceData, key: BudgetLineKey): BudgetLine | undefined {
  return data.budget.lines.find((l) => l.key === key && !l.isTotal);
}

/**
 * Makes the row at `chosen` the `key` line. Any other row that had the key is marked "none", so
 * the two are never added together; undefined as `chosen` gives the key back to detection.
 */
export function chooseBudgetLine(
  options: DetectOptions,
  data: ForceData,
  key: BudgetLineKey,
  chosen: CellRef | undefined
): DetectOptions {
  const lines: Record<string, BudgetLineKey | "none"> = { ...(options.budgetLines ?? {}) };
  // Forget earlier decisions for this key, then record the new one.
  for (const [k, v] of Object.entries(lines)) if (v === key) delete lines[k];
  if (chosen) {
    for (const l of data.budget.lines)
      if (l.key === key && cellKey(l.labelCell) !== cellKey(chosen))
        lines[cellKey(l.labelCell)] = "none";
    lines[cellKey(chosen)] = key;
  }
  const { budgetLines: _omit, ...rest } = options;
  return Object.keys(lines).length > 0 ? { ...rest, budgetLines: lines } : rest;
}

/** Records the category of the workforce function whose label is at `labelCell`. */
export function chooseFunctionCategory(
  options: DetectOptions,
  labelCell: CellRef,
  category: FunctionCategory
): DetectOptions {
  return {
    ...options,
    functionCategories: { ...(options.functionCategories ?? {}), [cellKey(labelCell)]: category },
  };
}

/** Records the unit of a sheet's amounts; undefined gives it back to detection. */
export function chooseUnit(
  options: DetectOptions,
  sheet: string,
  unit: MoneyUnit | undefined
): DetectOptions {
  const units: Record<string, MoneyUnit> = { ...(options.units ?? {}) };
  if (unit) units[sheet] = unit;
  else delete units[sheet];
  const { units: _omit, ...rest } = options;
  return Object.keys(units).length > 0 ? { ...rest, units } : rest;
}

/** Sheets whose amounts are money: the budget, procurement and savings sheets read. */
export function moneySheets(data: ForceData): string[] {
  return [
    ...new Set(
      data.sheetsUsed
        .filter((s) => s.as === "budget" || s.as === "procurement" || s.as === "savingsPlan")
        .map((s) => s.sheet)
    ),
  ];
}

/** How many decisions the user has recorded, for the "your corrections" line. */
export function decisionCount(options: DetectOptions): number {
  return Object.values(options).reduce(
    (n, v) => n + (v && typeof v === "object" ? Object.keys(v as object).length : 0),
    0
  );
}
