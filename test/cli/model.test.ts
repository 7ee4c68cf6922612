/**
 * `vfm model` end to end on an .xlsx written in the test: the worked example (officer
 * overtime 6,150 in 2008/09 against pay of 98,400 rising to 107,300, £000), --json against the
 * schema, levers out of range as findings, and exit code 2 for options that cannot be read.
 */
import Ajv from "ajv";
import { promises as fs } from "fs";
import * as path from "path";
import schema from "../../schema/model.schema.json";
import { model, parseModelArgs } from "../../src/cli/commands/model";
import { sheetFromRows, workbookOf } from "../../src/core/sample/gridBuilder";
import { gridToXlsx } from "../../src/xlsx/write";
import { fakeIo } from "./fakeIo";
import { tempDir } from "./tempDir";

const dir = tempDir("vfm-model-");
beforeAll(async () => {
  const wb = workbookOf(
    sheetFromRows("Budget", [
      ["Exampleshire Constabulary"],
      ["Revenue budget, £000"],
      [],
      ["", "2008/09", "2009/10", "2010/11", "2011/12", "2012/13", "2013/14"],
      ["Police officer pay", 98400, 100300, 102200, 104000, 105900, 107300],
      ["Police officer overtime", 6150],
    ]),
    sheetFromRows("Workforce", [
      ["Workforce FTE by function"],
      [],
      ["Function", "2009/10", "2013/14"],
      ["Response policing", 880, 850],
      ["IT", 30, 30],
      ["Human resources", 50, 45],
      ["Finance", 40, 40],
    ])
  );
  await fs.writeFile(path.join(dir(), "force.xlsx"), await gridToXlsx(wb));
});

describe("vfm model", () => {
  it("solves the issue's example: at least 7.97% a year reaches 4% by 2012/13", async () => {
    const t = fakeIo(dir());
    expect(await model(["force.xlsx", "--overtime-reach", "2012/13", "--json"], t.io)).toBe(0);
    const json = JSON.parse(t.out());
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false }).compile(
      schema
    );
    expect(validate(json)).toBe(true);
    expect(json.overtime.yearlyCut).toBe(0.0797);
    expect(json.overtime.yearThresholdReached).toBe("2012/13");
    // 6,150 x 0.9203^4 = 4,411.55 (£000) against 105,900 + 4,411.55: 3.9992%.
    const y = json.overtime.byYear.find((r: { year: string }) => r.year === "2012/13");
    expect(y).toMatchObject({
      overtime: 4_411_566.23,
      paybill: 110_311_566.23,
      status: "atOrBelow",
    });
    expect(y.ratio).toBeCloseTo(4_411_566.23 / 110_311_566.23, 9);
    expect(y.cells.overtime).toEqual(["Budget!B6"]);
    // Saving in 2012/13: 6,150,000 - 4,411,566.23 = 1,738,433.77 pounds.
    expect(json.overtime.savingsAgainstBaseline[3]).toMatchObject({
      year: "2012/13",
      saving: 1_738_433.77,
    });
    expect(t.err()).toBe("");
  });

  it("prints a readable summary; with no lever it asks for the target year", async () => {
    const t = fakeIo(dir());
    expect(await model(["force.xlsx"], t.io)).toBe(0);
    const text = t.out();
    expect(text).toContain('scenario "command line"');
    // By 2013/14 (five cuts): the smallest cut is lower than 7.97%.
    expect(text).toMatch(/Yearly cut \d\.\d+% a year \(the smallest/);
    expect(text).toMatch(/Posts removed: .* to get below 7\.0% by 2013\/14/);
  });

  it("removes posts by year and applies the pay growth given", async () => {
    const t = fakeIo(dir());
    expect(
      await model(
        [
          "force.xlsx",
          "--overtime-cut",
          "5%",
          "--support-remove",
          "5@2010/11,7.5@2012/13",
          "--json",
        ],
        t.io
      )
    ).toBe(0);
    const json = JSON.parse(t.out());
    expect(json.overtime.yearlyCut).toBe(0.05);
    expect(json.businessSupport.removeFte).toEqual([
      { year: "2010/11", fte: 5 },
      { year: "2012/13", fte: 7.5 },
    ]);
    // 2013/14: 90 - 12.5 = 77.5 support FTE (HR + finance held at 2009/10's 90).
    const last = json.businessSupport.byYear[json.businessSupport.byYear.length - 1];
    expect(last).toMatchObject({ year: "2013/14", supportFte: 77.5, removedFte: 12.5 });
  });

  it("answers a cut of 100% with a finding, not a number", async () => {
    const t = fakeIo(dir());
    expect(await model(["force.xlsx", "--overtime-cut", "100%", "--json"], t.io)).toBe(0);
    const json = JSON.parse(t.out());
    expect(json.overtime).toBeNull();
    expect(json.findings.map((f: { code: string }) => f.code)).toContain(
      "SCENARIO_CUT_OUT_OF_RANGE"
    );
  });

  it("exits 2 with one line for options it cannot read", async () => {
    const t = fakeIo(dir());
    expect(await model(["force.xlsx", "--overtime-reach", "next year"], t.io)).toBe(2);
    expect(t.err()).toMatch(/^vfm model: --overtime-reach next year: write a financial year/);
    expect(t.err().trim().split("\n")).toHaveLength(1);
    expect(parseModelArgs(["x.xlsx", "--overtime-cut", "5", "--json"]).error).toMatch(
      /with the % sign/
    );
    expect(
      parseModelArgs(["x.xlsx", "--overtime-cut", "5%", "--overtime-reach", "2012"]).error
    ).toMatch(/one of/);
    expect(parseModelArgs(["x.xlsx", "--overtime-cut", "£250,000"]).levers.overtime).toEqual({
      kind: "amount",
      amount: 25_000_000,
    });
    const missing = fakeIo(dir());
    expect(await model(["nothing.xlsx"], missing.io)).toBe(2);
  });
});
