/**
 * Arithmetic (5.53, 5.58): totals equal their lines to the penny; large variances carry a note.
 */
import fc from "fast-check";
import { runVfm } from "../../../src/core/run";
import { checkOf, ofRule, outcome, places } from "./helpers";
import {
  BudgetRow,
  COMPLIANT_BUDGET,
  compliantSavings,
  compliantWorkforce,
  SavingsRow,
  workbook,
  YEARS,
} from "./workbooks";
import { checkWorkbook } from "../../../src/core/check/check";

describe("TOTALS_ADD_UP", () => {
  it("passes when total pay is officer pay + overtime + staff pay", () => {
    // 2008/09: 96,000,000 + 4,000,000 + 40,000,000 = 140,000,000.
    expect(outcome(checkOf(workbook()), "TOTALS_ADD_UP")).toBe("pass");
  });

  it("fails at a total one penny out, saying by how much", () => {
    // 2009/10: 96,000,000 + 3,800,000 + 40,000,000 = 139,800,000; the total says .01 more.
    const budget = COMPLIANT_BUDGET.map((r) =>
      r.label === "Total pay"
        ? { ...r, amounts: r.amounts.map((a, i) => (i === 1 ? 139800000.01 : a)) }
        : r
    );
    const r = checkOf(workbook({ budget }));
    const f = ofRule(r, "TOTALS_ADD_UP");
    expect(f.map((x) => x.message)).toEqual([
      '"Total pay" for 2009/10 shows £139,800,000.01, but the lines it totals (rows 6 to 8) add up to £139,800,000: £0.01 more.',
    ]);
    expect(places(r, "TOTALS_ADD_UP")).toEqual(["Budget!C9"]);
  });

  it("accepts a grand total made of subtotals, and net expenditure after income", () => {
    const budget: BudgetRow[] = [
      ...COMPLIANT_BUDGET,
      { label: "Premises", amounts: YEARS.map(() => 5e6) },
      { label: "Supplies and services", amounts: YEARS.map(() => 7e6) },
      { label: "Total non-pay", amounts: YEARS.map(() => 12e6) },
      {
        label: "Gross expenditure",
        amounts: COMPLIANT_BUDGET[3].amounts.map((a) => (a ?? 0) + 12e6),
      },
      { label: "Income", amounts: YEARS.map(() => 2e6) },
      {
        label: "Total net expenditure",
        amounts: COMPLIANT_BUDGET[3].amounts.map((a) => (a ?? 0) + 12e6 - 2e6),
      },
    ];
    const r = checkOf(workbook({ budget }));
    expect(ofRule(r, "TOTALS_ADD_UP")).toEqual([]);
  });

  it("fails at a workforce total row that does not add up", () => {
    // 2008/09's lines: 800 + 30 + 30 + 40 + 100 = 1,000 FTE; the total says 1,010.
    const workforce = [
      ...compliantWorkforce(),
      ...YEARS.map((year) => ({ fn: "Total workforce", year, total: year === 2008 ? 1010 : 1000 })),
    ];
    const r = checkOf(workbook({ workforce }));
    const f = ofRule(r, "TOTALS_ADD_UP");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("1,010 FTE");
    expect(f[0].message).toContain("1,000 FTE");
    // The total rows follow the 30 function rows: 2008/09 is row 36, Total FTE column H.
    expect(places(r, "TOTALS_ADD_UP")).toEqual(["Workforce!H36"]);
  });

  it("finds exactly the total that was changed, whatever the lines (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000_00 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 5_000_000_00 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: -100, max: 100 }).filter((d) => d !== 0),
        fc.boolean(),
        (a, b, deltaPence, breakFirst) => {
          // Two sections of lines in pence, each with a subtotal, then a grand total.
          const pounds = (p: number) => p / 100;
          const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
          const line = (p: number, i: number, k: string): BudgetRow => ({
            label: `${k} line ${i + 1}`,
            amounts: YEARS.map(() => pounds(p)),
          });
          const subA = sum(a) + (breakFirst ? deltaPence : 0);
          const rows: BudgetRow[] = [
            ...a.map((p, i) => line(p, i, "Pay")),
            {
              label: "Subtotal pay",
              amounts: YEARS.map((_, y) => pounds(y === 2 ? subA : sum(a))),
            },
            ...b.map((p, i) => line(p, i, "Non-pay")),
            { label: "Subtotal non-pay", amounts: YEARS.map(() => pounds(sum(b))) },
            {
              label: "Grand total",
              amounts: YEARS.map(() => pounds(sum(a) + sum(b) + (breakFirst ? 0 : deltaPence))),
            },
          ];
          const r = checkOf(workbook({ budget: rows }));
          const wrongRow = breakFirst ? 6 + a.length : 6 + a.length + 1 + b.length + 1;
          const expected = breakFirst
            ? [`Budget!D${wrongRow}`]
            : YEARS.map((_, y) => `Budget!${"BCDEFG"[y]}${wrongRow}`);
          expect(places(r, "TOTALS_ADD_UP")).toEqual(expected);
        }
      ),
      { numRuns: 25 }
    );
  });
});

describe("VARIANCE_EXPLAINED", () => {
  // Savings rows start on row 6; the added line is the 19th: row 24, actual in column F.
  const plus = (row: Partial<SavingsRow>): SavingsRow[] => [
    ...compliantSavings(),
    {
      initiative: "Fleet rationalisation",
      area: "Procurement",
      year: 2010,
      planned: 100000,
      ...row,
    },
  ];

  it("passes a variance within 10%", () => {
    // 95,000 against 100,000: 5% below.
    const r = checkOf(workbook({ savings: plus({ actual: 95000 }) }));
    expect(outcome(r, "VARIANCE_EXPLAINED")).toBe("pass");
  });

  it("fails at the actual cell of a 15% shortfall with no note", () => {
    // 85,000 against 100,000: 15,000 / 100,000 = 15% below, over the 10% threshold.
    const r = checkOf(workbook({ savings: plus({ actual: 85000 }) }));
    const f = ofRule(r, "VARIANCE_EXPLAINED");
    expect(f.map((x) => x.message)).toEqual([
      '"Fleet rationalisation" saved £85,000 in 2010/11, 15% below the planned £100,000, and no note explains the difference (the threshold is 10%).',
    ]);
    expect(places(r, "VARIANCE_EXPLAINED")).toEqual(["'Savings plan'!F24"]);
    expect(f[0].severity).toBe("warning");
  });

  it("passes the same shortfall when a note explains it", () => {
    const r = checkOf(
      workbook({ savings: plus({ actual: 85000, notes: "Contract signed three months late." }) })
    );
    expect(ofRule(r, "VARIANCE_EXPLAINED")).toEqual([]);
  });

  it("uses the threshold given in the options", () => {
    const result = runVfm(workbook({ savings: plus({ actual: 85000 }) }));
    expect(ofRule(checkWorkbook(result, { varianceThreshold: 0.2 }), "VARIANCE_EXPLAINED")).toEqual(
      []
    );
    expect(
      ofRule(checkWorkbook(result, { varianceThreshold: 0.1 }), "VARIANCE_EXPLAINED")
    ).toHaveLength(1);
  });

  it("counts an overshoot as well as a shortfall", () => {
    // 112,000 against 100,000: 12% above.
    const r = checkOf(workbook({ savings: plus({ actual: 112000 }) }));
    expect(ofRule(r, "VARIANCE_EXPLAINED")[0].message).toContain("12% above");
  });
});
