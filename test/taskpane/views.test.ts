import { checkWorkbook } from "../../src/core/check";
import { CheckReport } from "../../src/core/check";
import { checkView, countsText } from "../../src/taskpane/model/check";
import {
  budgetTable,
  budgetView,
  dataView,
  workforceTable,
} from "../../src/taskpane/model/dataView";
import {
  chartById,
  sectionById,
  statementFor,
  tableById,
} from "../../src/taskpane/model/statement";
import { paneResult } from "./fixtures";

describe("the Data step's view", () => {
  const r = paneResult();

  test("budget lines with the key they were read as and an amount per year, each with its cell", () => {
    const b = budgetView(r.data);
    expect(b.years).toEqual(["2008/09", "2009/10", "2010/11"]);
    expect(b.unitStated).toBe(false);
    expect(b.rows.map((x) => x.recognisedAs)).toEqual([
      "police officer pay",
      "police officer overtime",
      "police staff pay",
    ]);
    // Officer overtime 2008/09: £5,500,000 in whole pounds, from Budget!C6.
    expect(b.rows[1].amounts[0]).toEqual({
      text: "5,500,000",
      cells: [{ sheet: "Budget", address: "C6" }],
    });
    const t = budgetTable(b);
    expect(t.columns.map((c) => c.header)).toEqual([
      "Line in the sheet",
      "Read as",
      "2008/09 (£)",
      "2009/10 (£)",
      "2010/11 (£)",
    ]);
    expect(t.note).toBe("No unit was stated, so amounts are read as pounds (£).");
  });

  test("workforce functions: category, how the policy counts it, FTE in the latest year", () => {
    const v = dataView(r.data, r.analysis);
    expect(v.force).toEqual({
      text: "Exampleshire Constabulary",
      cells: [{ sheet: "Settings", address: "B2" }],
    });
    const rows = v.workforce.rows.map((x) => [x.label, x.countsAs, x.fte.text]);
    // 2010/11: Operational 2,000 officers + 480 staff + 200 PCSOs = 2,680.0 FTE.
    expect(rows).toEqual([
      ["Operational", "Operational", "2,680.0"],
      ["HR", "Business support", "230.0"],
      ["IT", "Left out of the ratio", "50.0"],
      ["Estates", "Operational", "40.0"],
    ]);
    expect(v.workforce.rows[0].fte.cells).toHaveLength(3);
    expect(workforceTable(v.workforce).caption).toBe("Workforce functions, FTE in 2010/11");
    expect(v.procurement[0]).toMatchObject({
      supplier: "Armour Ltd",
      route: "Local",
      contractEnd: "31 March 2011",
    });
    expect(v.savings.map((x) => [x.area, x.type, x.year, x.planned.text, x.actual.text])).toEqual([
      ["Overtime", "Cashable", "2009/10", "300,000", "270,000"],
      ["Overtime", "Cashable", "2010/11", "200,000", "not reported"],
      ["Procurement", "Non-cashable", "2010/11", "42,000", "not reported"],
    ]);
  });
});

describe("the statement the steps read", () => {
  test("is the core's, drafted at the time given, with its charts and tables found by id", () => {
    const st = statementFor(paneResult(), "2026-11-22T10:00:00Z");
    expect(st.generatedText).toBe("22 November 2026");
    expect(chartById(st, "chart-overtime")?.categories).toEqual(["2008/09", "2009/10", "2010/11"]);
    // 2008/09 to 2010/11 from the budget, then the required path on to the 2013/14 target
    expect(tableById(st, "overtime-by-year")?.rows).toHaveLength(6);
    expect(sectionById(st, "benchmarking")?.heading).toBe("Benchmarking");
    expect(tableById(st, "no-such-table")).toBeUndefined();
  });
});

describe("the Check step's view", () => {
  test("overall status in words, findings grouped by area with their rule", () => {
    const report = checkWorkbook(paneResult());
    const v = checkView(report);
    expect(v.counts).toBe(countsText(report.counts.errors, report.counts.warnings));
    expect(v.words[0]).toBe(v.words[0].toUpperCase());
    expect(v.rule).toMatch(/\(White Paper 5\.53-5\.54, 5\.58\)\.$/);
    expect(v.groups.reduce((n, g) => n + g.findings.length, 0)).toBe(report.findings.length);
    for (const g of v.groups)
      for (const f of g.findings) expect(f.paragraph).toMatch(/^White Paper /);
    expect(v.rules).toHaveLength(report.rules.length);
  });

  test("counts read as words", () => {
    expect(countsText(1, 0)).toBe("1 error and 0 warnings");
    expect(countsText(2, 1)).toBe("2 errors and 1 warning");
  });

  test("a report with no findings is on track and has no groups", () => {
    const report: CheckReport = {
      force: "X",
      rag: {
        rag: "green",
        words: "no problems found",
        rule: "every rule that applies was met",
        paragraph: "5.53",
      },
      findings: [],
      counts: {
        errors: 0,
        warnings: 0,
        byArea: {
          completeness: { errors: 0, warnings: 0 },
          figures: { errors: 0, warnings: 0 },
          overtime: { errors: 0, warnings: 0 },
          businessSupport: { errors: 0, warnings: 0 },
          procurement: { errors: 0, warnings: 0 },
          arithmetic: { errors: 0, warnings: 0 },
          consistency: { errors: 0, warnings: 0 },
          peers: { errors: 0, warnings: 0 },
        },
      },
      rules: [{ rule: "AREAS_ADDRESSED", area: "completeness", outcome: "pass" }],
    };
    const v = checkView(report);
    expect(v).toMatchObject({
      state: "onTrack",
      words: "No problems found",
      rule: "Every rule that applies was met (White Paper 5.53).",
      counts: "0 errors and 0 warnings",
      groups: [],
      rules: [{ title: "All nine areas addressed", area: "Completeness", outcome: "Met" }],
    });
  });
});
