/**
 * `vfm analyse` end to end on .xlsx files written in the test (ExcelJS through the adapter):
 * the summary, --json against the schema, --policy, and exit code 2 with one line on stderr.
 */
import Ajv from "ajv";
import { promises as fs } from "fs";
import * as path from "path";
import schema from "../../schema/analysis.schema.json";
import { analyse, parseAnalyseArgs } from "../../src/cli/commands/analyse";
import { main } from "../../src/cli/main";
import { WorkbookGrid } from "../../src/core/grid";
import { sheetFromRows, workbookOf } from "../../src/core/sample/gridBuilder";
import { gridToXlsx } from "../../src/xlsx/write";
import { fakeIo } from "./fakeIo";
import { tempDir } from "./tempDir";

/** A force's own free-form workbook, amounts in £000 (the same figures as the analysis tests). */
function forceWorkbook(
  extraBudgetRows: (string | number | { error: string })[][] = []
): WorkbookGrid {
  return workbookOf(
    sheetFromRows("Budget", [
      ["Exampleshire Constabulary"],
      ["Revenue budget, £000"],
      [],
      ["", "2008/09", "2009/10", "2010/11"],
      ["Police officer pay", 94500, 94800, 95000],
      ["Police officer overtime", 5500, 5200, 5000],
      ["Police staff pay", 24000, 24000, 24000],
      ...extraBudgetRows,
    ]),
    sheetFromRows("Workforce", [
      ["Workforce FTE by function"],
      [],
      ["Function", "2008/09", "2010/11"],
      ["Response policing", 2670, 2680],
      ["Human resources", 240, 230],
      ["IT", 50, 50],
      ["Estates", 40, 40],
      ["Total", 3000, 3000],
    ]),
    sheetFromRows("Procurement", [
      ["Category", "Supplier", "Annual spend (£)", "Route", "Contract end"],
      ["Body armour", "Armour Ltd", 200000, "Local contract", "31/03/2011"],
      ["Forensic services - drugs", "Lab plc", 500000, "National framework", ""],
      ["Vehicles", "Cars Ltd", 1000000, "Local", "31/03/2012"],
    ])
  );
}

const dir = tempDir("vfm-analyse-");
beforeAll(async () => {
  await fs.writeFile(path.join(dir(), "force.xlsx"), await gridToXlsx(forceWorkbook()));
  await fs.writeFile(
    path.join(dir(), "errors.xlsx"),
    await gridToXlsx(forceWorkbook([["Police staff overtime", { error: "#REF!" }, 800, 790]]))
  );
  await fs.writeFile(
    path.join(dir(), "rota.xlsx"),
    await gridToXlsx(
      workbookOf(
        sheetFromRows("Rota", [
          ["Shift rota, week 12"],
          ["Name", "Monday", "Tuesday"],
          ["PC Smith", "Early", "Late"],
          ["PC Jones", "Late", "Rest"],
        ])
      )
    )
  );
  // A sheet of Excel function tests on a sheet called Budget: XIRR's cash flows under a header
  // of financial years. Detection finds lines with amounts by year, but none is a budget line,
  // so before this rule it was analysed (exit 0, "Unnamed force") and given a statement.
  await fs.writeFile(
    path.join(dir(), "xirr.xlsx"),
    await gridToXlsx(
      workbookOf(
        sheetFromRows("Budget", [
          ["Function tests: XIRR"],
          ["Case", "2008/09", "2009/10", "2010/11"],
          ["Cash flows", -10000, 2750, 4250],
          ["Expected result", 0.37, 0.37, 0.37],
          ["Payments", 1000, 2000, 3000],
        ])
      )
    )
  );
  await fs.writeFile(path.join(dir(), "notes.xlsx"), "this is not a workbook");
  await fs.writeFile(
    path.join(dir(), "policy.json"),
    JSON.stringify({ "overtime.threshold": "6%" })
  );
  await fs.writeFile(path.join(dir(), "bad-policy.json"), "{ threshold: ");
});

describe("vfm analyse", () => {
  it("prints a readable summary with each status in words and exits 0", async () => {
    const t = fakeIo(dir());
    expect(await analyse(["force.xlsx"], t.io)).toBe(0);
    const text = t.out();
    expect(text).toContain("Exampleshire Constabulary: value for money analysis");
    // 2010/11: 5,000 / (95,000 + 5,000) = 5.0%; its maximum was 95% x 5,200 = 4,940 (£000)
    expect(text).toMatch(/Overtime\s+5\.0% in 2010\/11\s+4\.0% of paybill\s+OFF TRACK/);
    expect(text).toMatch(/2010\/11\s+£5,000k\s+£100,000k\s+5\.0%\s+above threshold\s+£4,940k\s+NO/);
    // 230 / 3000 = 7.7%; 20 FTE above 7% (230 - 210)
    // 7% of the workforce is exactly 7%, not under it: the most under is 0.1 FTE fewer (5.51)
    expect(text).toContain("FTE above 7.0% in 2010/11: 20.1");
    expect(t.err()).toBe("");
  });

  it("prints JSON that matches the schema, with cells and pounds", async () => {
    const t = fakeIo(dir());
    expect(await analyse(["force.xlsx", "--json"], t.io)).toBe(0);
    const json = JSON.parse(t.out());
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false }).compile(
      schema
    );
    expect(validate(json)).toBe(true);
    expect(json.force).toBe("Exampleshire Constabulary");
    expect(json.unit).toBe("£000");
    expect(json.overtime.byYear[0]).toMatchObject({
      year: "2008/09",
      overtime: 5_500_000, // 5,500 in £000
      paybill: 100_000_000,
      ratio: 0.055,
      status: "above",
      cells: { overtime: ["Budget!B6"] },
    });
    expect(json.overtime.requiredByYear[1]).toMatchObject({
      year: "2010/11",
      maximum: 4_940_000,
      met: false,
    });
    expect(json.procurement).toMatchObject({
      addressableSpend: 1_700_000,
      onFrameworkSpend: 500_000,
    });
    expect(json.procurement.opportunities[0]).toMatchObject({
      category: "bodyArmour",
      migrateBy: "2011-03-31",
      annualSaving: 6000, // 200,000 x 3%
    });
    expect(json.businessSupport.excessFte).toBe(20.1);
  });

  it("applies a --policy file and lists it among the settings used", async () => {
    const t = fakeIo(dir());
    expect(await analyse(["force.xlsx", "--json", "--policy", "policy.json"], t.io)).toBe(0);
    const json = JSON.parse(t.out());
    // at 6% every year is at or below the threshold
    expect(json.overtime.byYear.map((y: { status: string }) => y.status)).toEqual([
      "atOrBelow",
      "atOrBelow",
      "atOrBelow",
    ]);
    expect(json.policy.find((p: { key: string }) => p.key === "overtime.threshold")).toMatchObject({
      value: 0.06,
      default: 0.04,
      overridden: true,
      source: "policy.json",
    });
  });

  it("reports an error value as a finding with its cell and still exits 0", async () => {
    const t = fakeIo(dir());
    expect(await analyse(["errors.xlsx", "--json"], t.io)).toBe(0);
    const json = JSON.parse(t.out());
    // listed once (detection's finding names the line and year), not again by the reader
    const at = json.findings.filter((x: { cell: string | null }) => x.cell === "Budget!B8");
    expect(at).toHaveLength(1);
    expect(at[0].message).toMatch(/#REF!/);
    expect(at[0].message).toMatch(/2008\/09 of "Police staff overtime"/);
  });

  it.each([
    ["rota.xlsx", /rota\.xlsx: no police budget lines were found/],
    [
      "xirr.xlsx",
      /xirr\.xlsx: no police budget lines were found .* so this is not a police budget/,
    ],
    ["notes.xlsx", /notes\.xlsx/],
    ["missing.xlsx", /missing\.xlsx: No such file/],
  ])("exits 2 with one line on stderr for %s", async (file, message) => {
    const t = fakeIo(dir());
    expect(await analyse([file], t.io)).toBe(2);
    expect(t.out()).toBe("");
    expect(t.err()).toMatch(message);
    expect(t.err().trim().split("\n")).toHaveLength(1);
    expect(t.err()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("exits 2 on a policy file that cannot be read", async () => {
    const bad = fakeIo(dir());
    expect(await analyse(["force.xlsx", "--policy", "bad-policy.json"], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/bad-policy\.json is not valid JSON/);
    const missing = fakeIo(dir());
    expect(await analyse(["force.xlsx", "--policy=none.json"], missing.io)).toBe(2);
    expect(missing.err()).toMatch(/none\.json: the policy file cannot be read \(no such file\)/);
  });

  it("is registered as `vfm analyse`", async () => {
    const t = fakeIo(dir());
    expect(await main(["analyse", "force.xlsx", "--json"], t.io)).toBe(0);
    expect(JSON.parse(t.out()).force).toBe("Exampleshire Constabulary");
    const help = fakeIo(dir());
    expect(await main(["analyse", "--help"], help.io)).toBe(0);
    expect(help.out()).toContain("vfm analyse WORKBOOK.xlsx [--json] [--policy FILE]");
  });
});

describe("argument parsing", () => {
  it("reads the workbook, --json and --policy, and refuses the rest", () => {
    expect(parseAnalyseArgs(["a.xlsx", "--json", "--policy", "p.json"])).toEqual({
      file: "a.xlsx",
      json: true,
      policy: "p.json",
      help: false,
    });
    expect(parseAnalyseArgs(["a.xlsx", "--colour"]).error).toBe("unknown option --colour.");
    expect(parseAnalyseArgs(["a.xlsx", "b.xlsx"]).error).toMatch(/only one workbook/);
    expect(parseAnalyseArgs(["a.xlsx", "--policy"]).error).toMatch(/needs a file name/);
  });
});
