/**
 * Completeness (5.53): nine areas addressed, planned and actual for past years, the 2008/09
 * overtime baseline, the 2013/14 target year. Each rule passes on the compliant workbook and
 * fails, at the cell named, when the one thing it looks at is taken away.
 */
import { runVfm } from "../../../src/core/run";
import { checkWorkbook } from "../../../src/core/check/check";
import { exampleshireFreeForm } from "../../../src/core/sample/exampleshire";
import { checkOf, checkResult, ofRule, outcome, places } from "./helpers";
import {
  COMPLIANT_BUDGET,
  compliantSavings,
  compliantWorkforce,
  SavingsRow,
  workbook,
} from "./workbooks";

// The savings sheet's data start on row 6; each area has a 2010/11 row then a 2013/14 row, in
// the order Deployment, Overtime, Process improvement, Bureaucracy (rows 12-13), ...
const savingsWithout = (area: string): SavingsRow[] =>
  compliantSavings().filter((r) => r.area !== area);

describe("AREAS_ADDRESSED", () => {
  it("passes when every one of the nine areas has a planned figure", () => {
    const r = checkOf(workbook());
    expect(ofRule(r, "AREAS_ADDRESSED")).toEqual([]);
    expect(outcome(r, "AREAS_ADDRESSED")).toBe("pass");
  });

  it("names the area the savings plan leaves out, on the savings sheet", () => {
    const r = checkOf(workbook({ savings: savingsWithout("Bureaucracy") }));
    const f = ofRule(r, "AREAS_ADDRESSED");
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/bureaucracy/i);
    expect(f[0].severity).toBe("error");
    expect(f[0].paragraph).toBe("5.53");
    expect(places(r, "AREAS_ADDRESSED")).toEqual(["Savings plan"]);
  });

  it("accepts a zero plan with a note saying no savings are planned", () => {
    const savings = [
      ...savingsWithout("Bureaucracy"),
      {
        initiative: "Bureaucracy",
        area: "Bureaucracy",
        year: 2011,
        planned: 0,
        notes: "No planned savings: the force's forms were cut in 2009.",
      },
    ];
    expect(ofRule(checkOf(workbook({ savings })), "AREAS_ADDRESSED")).toEqual([]);
  });

  it("accepts a line with no figures whose words say nothing is planned", () => {
    // Detection keeps only lines with an amount, so the line is added to the detected data.
    const result = runVfm(workbook({ savings: savingsWithout("IT") }));
    const noteLine = {
      initiative: "No savings are planned in this area",
      labelCell: { sheet: "Savings plan", address: "A40" },
      areaText: "IT",
      area: "it" as const,
      type: "cashable" as const,
      year: 2011,
    };
    const withNote = {
      ...result,
      data: {
        ...result.data,
        savingsPlan: { lines: [...result.data.savingsPlan.lines, noteLine] },
      },
    };
    expect(ofRule(checkResult(result), "AREAS_ADDRESSED")).toHaveLength(1);
    expect(ofRule(checkResult(withNote), "AREAS_ADDRESSED")).toEqual([]);
  });

  it("points at the area's line when it has only actual figures", () => {
    const savings = compliantSavings().map((r) =>
      r.area === "Overheads" ? { ...r, planned: undefined, actual: 5000 } : r
    );
    const r = checkOf(workbook({ savings }));
    // Overheads is the ninth area: rows 22 and 23.
    expect(places(r, "AREAS_ADDRESSED")).toEqual(["'Savings plan'!A22"]);
  });
});

describe("PAST_YEARS_PLANNED_AND_ACTUAL", () => {
  const with2011 = (row: Partial<SavingsRow>): SavingsRow[] => [
    ...compliantSavings(),
    { initiative: "Shift pattern review", area: "Deployment", year: 2011, ...row },
  ];
  // The added line is the 19th data row: row 6 + 18 = 24.

  it("passes when the ended years have both figures", () => {
    const r = checkOf(workbook(), { today: "2011-06-30" });
    expect(outcome(r, "PAST_YEARS_PLANNED_AND_ACTUAL")).toBe("pass");
  });

  it("names a planned line of an ended year with no actual, at its actual cell", () => {
    // 2011/12 ended on 31 March 2012; on 30 June 2012 it is past.
    const r = checkOf(workbook({ savings: with2011({ planned: 50000 }) }), {
      today: "2012-06-30",
    });
    const f = ofRule(r, "PAST_YEARS_PLANNED_AND_ACTUAL");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("2011/12");
    expect(places(r, "PAST_YEARS_PLANNED_AND_ACTUAL")).toEqual(["'Savings plan'!F24"]);
  });

  it("does not ask for actuals of a year that has not ended", () => {
    // 30 March 2012 is the day before 2011/12's last day, so the year has not ended yet.
    const r = checkOf(workbook({ savings: with2011({ planned: 50000 }) }), {
      today: "2012-03-30",
    });
    expect(ofRule(r, "PAST_YEARS_PLANNED_AND_ACTUAL")).toEqual([]);
  });

  it("counts a year as ended on its last day: checked as at 31 March 2012, 2011/12 has ended", () => {
    const r = checkOf(workbook({ savings: with2011({ planned: 50000 }) }), {
      today: "2012-03-31",
    });
    const f = ofRule(r, "PAST_YEARS_PLANNED_AND_ACTUAL");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("2011/12");
    expect(places(r, "PAST_YEARS_PLANNED_AND_ACTUAL")).toEqual(["'Savings plan'!F24"]);
  });

  it("in a plan laid out a column per year, never cites another year's actual column", () => {
    // The free-form sample's savings plan: D/E hold 2008/09 planned/actual, F/G 2009/10
    // planned/actual, H to K the planned figures of 2010/11 to 2013/14, with no actual columns.
    // As at 31 March 2011, 2010/11 has ended: each 2010/11 planned figure (column H) lacks its
    // actual, and the sheet has no column for it, so the finding sits at the planned cell and
    // says so, never at column G (2009/10's actuals).
    const r = checkWorkbook(runVfm(exampleshireFreeForm()), { today: "2011-03-31" });
    const f = ofRule(r, "PAST_YEARS_PLANNED_AND_ACTUAL").filter((x) =>
      x.message.includes("2010/11")
    );
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) {
      expect(x.cell?.sheet).toBe("Savings plan");
      expect(x.cell?.address).toMatch(/^H\d+$/);
      expect(x.message).toContain("the sheet has no actual column for 2010/11");
      expect(x.fix).toMatch(/^Add an actual column for 2010\/11/);
    }
    // The demand-led shift patterns line is on row 6: its 2010/11 plan is H6 (900).
    expect(f.map((x) => x.cell?.address)).toContain("H6");
  });

  it("names an actual with no plan, at its planned cell", () => {
    const r = checkOf(workbook({ savings: with2011({ actual: 20000 }) }), {
      today: "2012-06-30",
    });
    expect(places(r, "PAST_YEARS_PLANNED_AND_ACTUAL")).toEqual(["'Savings plan'!E24"]);
  });

  it("without a date, takes the years the budget's headers mark actual as ended", () => {
    // The template heads 2008/09 and 2009/10 "Actual", 2010/11 "Budget": 2009/10 has ended.
    const savings: SavingsRow[] = [
      ...compliantSavings(),
      { initiative: "Custody review", area: "Deployment", year: 2009, planned: 30000 },
    ];
    const r = checkOf(workbook({ savings }));
    expect(places(r, "PAST_YEARS_PLANNED_AND_ACTUAL")).toEqual(["'Savings plan'!F24"]);
    expect(ofRule(r, "PAST_YEARS_PLANNED_AND_ACTUAL")[0].message).toContain("2009/10 has ended");
  });

  it("without a date, a year headed Budget has not ended, whatever actuals the plan holds", () => {
    // The compliant plan reports actual savings for 2010/11, but the budget heads 2010/11
    // "Budget": a planned 2010/11 line with no actual is not yet missing anything.
    const savings: SavingsRow[] = [
      ...compliantSavings(),
      { initiative: "Custody review", area: "Deployment", year: 2010, planned: 30000 },
    ];
    expect(ofRule(checkOf(workbook({ savings })), "PAST_YEARS_PLANNED_AND_ACTUAL")).toEqual([]);
  });

  it("one stray actual for 2013/14 does not make 2010/11 to 2013/14 count as ended", () => {
    // Every 2013/14 line is planned only; one of them gets an actual typed in. Without a date
    // the headers still say 2013/14 is the target year, so no year after 2009/10 has ended and
    // no line is asked for an actual.
    const savings = compliantSavings();
    const i = savings.findIndex((row) => row.year === 2013);
    savings[i] = { ...savings[i], actual: 1000 };
    const r = checkOf(workbook({ savings }));
    const f = ofRule(r, "PAST_YEARS_PLANNED_AND_ACTUAL");
    expect(f.filter((x) => /has ended/.test(x.message))).toEqual([]);
  });

  it("with a date, the date decides, not the headers", () => {
    const savings: SavingsRow[] = [
      ...compliantSavings(),
      { initiative: "Custody review", area: "Deployment", year: 2010, planned: 30000 },
    ];
    // 2010/11 ended on 31 March 2011.
    const r = checkOf(workbook({ savings }), { today: "2011-04-01" });
    expect(places(r, "PAST_YEARS_PLANNED_AND_ACTUAL")).toEqual(["'Savings plan'!F24"]);
  });
});

describe("OVERTIME_BASELINE_PRESENT", () => {
  it("passes when 2008/09 overtime and pay are there", () => {
    expect(outcome(checkOf(workbook()), "OVERTIME_BASELINE_PRESENT")).toBe("pass");
  });

  it("fails at the overtime line when its 2008/09 cell is empty", () => {
    const budget = COMPLIANT_BUDGET.map((row) => ({
      ...row,
      amounts: [null, ...row.amounts.slice(1)],
    }));
    const r = checkOf(workbook({ budget }));
    const f = ofRule(r, "OVERTIME_BASELINE_PRESENT");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("2008/09");
    // Budget rows start on row 6: officer pay, then officer overtime on row 7.
    expect(places(r, "OVERTIME_BASELINE_PRESENT")).toEqual(["Budget!A7"]);
  });
});

describe("TARGET_YEAR_COVERED", () => {
  it("passes when budget, workforce and savings plan reach 2013/14", () => {
    expect(outcome(checkOf(workbook()), "TARGET_YEAR_COVERED")).toBe("pass");
  });

  it("names each part that stops short, at its last figure", () => {
    const budget = COMPLIANT_BUDGET.map((row) => ({
      ...row,
      amounts: [...row.amounts.slice(0, 5), null],
    }));
    const workforce = compliantWorkforce().filter((w) => w.year !== 2013);
    const savings = compliantSavings().filter((s) => s.year !== 2013);
    const r = checkOf(workbook({ budget, workforce, savings }));
    const f = ofRule(r, "TARGET_YEAR_COVERED");
    expect(f.map((x) => x.message)).toEqual([
      "The overtime and pay figures stop at 2012/13; the target year 2013/14 is not covered.",
      "The workforce figures stop at 2012/13; the target year 2013/14 is not covered.",
      "The savings plan's lines stop at 2010/11; the target year 2013/14 is not covered.",
    ]);
    // 2012/13 is the fifth year column (F) of the overtime row (7); the workforce's 2012/13 HR
    // staff figure is the 22nd data row (27), column E; the last savings line is row 14.
    expect(places(r, "TARGET_YEAR_COVERED")).toEqual([
      "Budget!F7",
      "Workforce!E27",
      "'Savings plan'!A14",
    ]);
  });
});
