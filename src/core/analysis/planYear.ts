/**
 * The Local Policing Plan's year (5.53-5.54: statements from 2010/11) and how the budget heads
 * each year (Actual, Budget, Plan), read once from the workbook for the analysis and the
 * statement alike.
 */
import { ForceData, YearBasis } from "../forceData";
import { Policy } from "../policy";
import { FinancialYear } from "../years";
import { sortedUnique } from "./figures";

/** Every year any part of the analysis covers. */
export function analysisYears(data: ForceData, p: Policy): FinancialYear[] {
  const ys: FinancialYear[] = [...data.budget.years, ...data.workforce.years];
  for (const l of data.savingsPlan.lines) ys.push(l.year);
  for (const l of data.budget.lines) for (const y of l.amounts.keys()) ys.push(y);
  for (const l of data.workforce.lines) for (const y of l.fte.keys()) ys.push(y);
  const out = sortedUnique(ys);
  return out.length > 0 ? out : [p.years.baseline];
}

/** 5.53-5.54: the statement is part of the Local Policing Plan from 2010/11. */
export const FIRST_STATEMENT_YEAR = 2010;

/** How the budget heads a year: officer overtime's column first, else any line's. */
export function budgetYearBasis(data: ForceData, year: FinancialYear): YearBasis | undefined {
  const lines = data.budget.lines.filter((l) => !l.isTotal && l.basis);
  const first = lines.find((l) => l.key === "officerOvertime")?.basis?.get(year);
  if (first) return first;
  for (const l of lines) {
    const b = l.basis?.get(year);
    if (b) return b;
  }
  return undefined;
}

/**
 * The plan's year: the Settings sheet's, else the first of `years` from 2010/11 that the budget
 * does not head Actual, else the first from 2010/11, else the later of 2010/11 and the target.
 */
export function policingPlanYear(
  data: ForceData,
  policy: Policy,
  years: readonly FinancialYear[]
): FinancialYear {
  const set = data.settings.policingPlanYear?.value;
  if (set !== undefined) return set;
  const from = years.filter((y) => y >= FIRST_STATEMENT_YEAR);
  const notActual = from.find((y) => budgetYearBasis(data, y) !== "actual");
  return notActual ?? from[0] ?? Math.max(FIRST_STATEMENT_YEAR, policy.years.target);
}
