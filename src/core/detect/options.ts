/**
 * The user's own decisions about what detection found, as the task pane records them: which row
 * is officer overtime, which category a function is, the unit of a sheet. Plain JSON, so they
 * can be stored in the workbook and a second run asks nothing.
 *
 * Keys of the mapping records are either a cell, written "Sheet!A7" (the sheet name as it is,
 * without quotes), or a label's mapping key (see mappingKey in labels.ts: its words, lower case,
 * plurals folded, e.g. "officers overtime" -> "officer overtime"). A cell wins over a label.
 */
import {
  BudgetLineKey,
  FunctionCategory,
  ProcurementCategory,
  ProcurementRoute,
  SavingsArea,
} from "../forceData";
import { MoneyUnit } from "../money";
import { FinancialYear } from "../years";
import { mappingKey } from "./labels";

/** What a sheet can be read as. */
export type SheetKind =
  "budget" | "workforce" | "procurement" | "savingsPlan" | "settings" | "peers";

export interface DetectOptions {
  /** Read a sheet as this kind, or not at all ("ignore"), by sheet name. */
  readonly sheetKinds?: Readonly<Record<string, SheetKind | "ignore">>;
  /** The money unit of a sheet, by sheet name, whatever the sheet says. */
  readonly units?: Readonly<Record<string, MoneyUnit>>;
  /** Budget lines: by label cell or label, the key they are ("none": not a key line). */
  readonly budgetLines?: Readonly<Record<string, BudgetLineKey | "none">>;
  /**
   * Rows the user says are subtotals (true: never added in again) or lines of their own (false:
   * counted, whatever they add up to), by label cell; budget and workforce sheets alike.
   */
  readonly subtotals?: Readonly<Record<string, boolean>>;
  /** Workforce functions: by label cell or label, their business-support category. */
  readonly functionCategories?: Readonly<Record<string, FunctionCategory>>;
  /** Procurement categories: by category cell or category text. */
  readonly procurementCategories?: Readonly<Record<string, ProcurementCategory>>;
  /** Procurement routes: by route text. */
  readonly routes?: Readonly<Record<string, ProcurementRoute>>;
  /** Savings areas: by area text (or initiative cell). */
  readonly savingsAreas?: Readonly<Record<string, SavingsArea>>;
  /** The year of a workforce snapshot sheet, by sheet name, where the sheet gives no date. */
  readonly snapshotYears?: Readonly<Record<string, FinancialYear>>;
  /** A year column's year, or "ignore", by its header cell ("Budget!D5"). */
  readonly yearColumns?: Readonly<Record<string, FinancialYear | "ignore">>;
}

/** The user's decision for a cell or a label, if any; the cell wins. */
export function decided<T>(
  map: Readonly<Record<string, T>> | undefined,
  sheet: string,
  address: string | undefined,
  label: string
): { value: T; by: "cell" | "label" } | undefined {
  if (!map) return undefined;
  if (address !== undefined) {
    const byCell = map[`${sheet}!${address}`];
    if (byCell !== undefined && Object.prototype.hasOwnProperty.call(map, `${sheet}!${address}`))
      return { value: byCell, by: "cell" };
  }
  const k = mappingKey(label);
  if (k && Object.prototype.hasOwnProperty.call(map, k)) return { value: map[k], by: "label" };
  const raw = label.trim();
  if (raw && Object.prototype.hasOwnProperty.call(map, raw))
    return { value: map[raw], by: "label" };
  return undefined;
}
