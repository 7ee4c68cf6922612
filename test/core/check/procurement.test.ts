/**
 * Procurement (5.31-5.40). Procurement rows start on row 6; the planned migration date is in
 * column G. Body armour's national contract dates from 1 April 2010 (5.35(b)); uniform's from
 * 1 April 2012 (5.36).
 */
import { checkOf, checkResult, ofRule, outcome, places } from "./helpers";
import { runVfm } from "../../../src/core/run";
import { formatRef } from "../../../src/core/grid";
import { COMPLIANT_PROCUREMENT, ProcurementRow, workbook } from "./workbooks";

const armour = (row: Partial<ProcurementRow>): ProcurementRow[] => [
  COMPLIANT_PROCUREMENT[0],
  { ...COMPLIANT_PROCUREMENT[1], ...row },
  {
    category: "Uniform",
    supplier: "Tailors plc",
    spend: 300000,
    route: "Local",
    contractEnd: "2013-03-31",
    plannedMigration: "2013-03-31",
  },
];

describe("MIGRATION_DATE_PLANNED", () => {
  it("passes when every legacy contract has a date", () => {
    expect(outcome(checkOf(workbook({ procurement: armour({}) })), "MIGRATION_DATE_PLANNED")).toBe(
      "pass"
    );
  });

  it("fails at the empty migration cell of a legacy contract", () => {
    const r = checkOf(workbook({ procurement: armour({ plannedMigration: undefined }) }));
    const f = ofRule(r, "MIGRATION_DATE_PLANNED");
    expect(f).toHaveLength(1);
    // The later of 1 April 2010 (framework) and 31 March 2011 (contract end).
    expect(f[0].message).toContain("31 March 2011");
    expect(f[0].message).toContain("Armour Ltd");
    expect(places(r, "MIGRATION_DATE_PLANNED")).toEqual(["Procurement!G7"]);
  });

  it("does not ask for a date where the line is on the framework already", () => {
    const r = checkOf(
      workbook({
        procurement: armour({ route: "National framework", plannedMigration: undefined }),
      })
    );
    expect(ofRule(r, "MIGRATION_DATE_PLANNED")).toEqual([]);
  });
});

describe("MIGRATION_DATE_IN_TIME", () => {
  it("passes when the move is on the contract's end date", () => {
    expect(outcome(checkOf(workbook({ procurement: armour({}) })), "MIGRATION_DATE_IN_TIME")).toBe(
      "pass"
    );
  });

  it("passes at a move planned the day after the contract ends (5.35(b): when it expires)", () => {
    const r = checkOf(workbook({ procurement: armour({ plannedMigration: "2011-04-01" }) }));
    expect(ofRule(r, "MIGRATION_DATE_IN_TIME")).toEqual([]);
  });

  it("fails at a move planned later than the day after the later of the framework's date and the contract's end", () => {
    const r = checkOf(workbook({ procurement: armour({ plannedMigration: "2011-04-02" }) }));
    const f = ofRule(r, "MIGRATION_DATE_IN_TIME");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("2 April 2011");
    expect(f[0].message).toContain("31 March 2011");
    expect(places(r, "MIGRATION_DATE_IN_TIME")).toEqual(["Procurement!G7"]);
  });

  it("allows until the framework's date when the contract ends before it", () => {
    // Contract ends 31 March 2009, before the framework (1 April 2010): moving on 1 April 2010
    // is in time, a day later is not.
    const ok = checkOf(
      workbook({
        procurement: armour({ contractEnd: "2009-03-31", plannedMigration: "2010-04-01" }),
      })
    );
    expect(ofRule(ok, "MIGRATION_DATE_IN_TIME")).toEqual([]);
    const late = checkOf(
      workbook({
        procurement: armour({ contractEnd: "2009-03-31", plannedMigration: "2010-04-02" }),
      })
    );
    expect(places(late, "MIGRATION_DATE_IN_TIME")).toEqual(["Procurement!G7"]);
  });
});

describe("one status for a line: the area's and the check's agree", () => {
  // Armour Ltd has no planned move; the uniform line's move is in time. The check's
  // MIGRATION_DATE_PLANNED is an error, so the area is off track (not "at risk"), and the Data
  // step's finding for the line carries the same rule and severity as the check's.
  const result = runVfm(workbook({ procurement: armour({ plannedMigration: undefined }) }));
  const report = checkResult(result);

  it("marks each line's state once, and the check reports exactly the unmet ones", () => {
    const p = result.analysis.procurement;
    expect(p.opportunities.map((o) => [o.supplier, o.migration])).toEqual([
      ["Armour Ltd", "notPlanned"],
      ["Tailors plc", "inTime"],
    ]);
    expect(p.rag).toMatchObject({ rag: "red", words: "off track" });
    expect(ofRule(report, "MIGRATION_DATE_PLANNED").map((f) => f.severity)).toEqual(["error"]);
    expect(report.areas?.find((a) => a.area === "procurement")?.rag).toBe("red");
  });

  it("gives the Data step the same finding, on the same line, at the same severity", () => {
    const data = result.findings.filter((f) => f.code === "MIGRATION_NOT_PLANNED");
    expect(data.map((f) => [f.rule, f.severity, f.cell && formatRef(f.cell)])).toEqual([
      ["MIGRATION_DATE_PLANNED", "error", "Procurement!G7"],
    ]);
    expect(data[0].message).toBe(ofRule(report, "MIGRATION_DATE_PLANNED")[0].message);
  });
});
