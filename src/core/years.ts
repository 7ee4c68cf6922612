/**
 * Financial years run from 1 April to 31 March. A year is held as the calendar year it starts
 * in: 2008 is 2008/09. It is written by format.ts (formatYear); the year a day falls in is
 * dates.ts (financialYearOf).
 */
export type FinancialYear = number;

/** "2008/09" (and only that exact form) back to 2008; for settings and JSON, not for detection. */
export function parseYearKey(text: string): FinancialYear | undefined {
  const m = /^(\d{4})\/(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  return (start + 1) % 100 === Number(m[2]) ? start : undefined;
}

export function yearRange(from: FinancialYear, to: FinancialYear): FinancialYear[] {
  const out: FinancialYear[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
