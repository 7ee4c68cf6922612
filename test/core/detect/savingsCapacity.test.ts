import { detectForceData } from "../../../src/core/detect/detect";
import { capacityKindOf } from "../../../src/core/detect/savingsPlan";
import { SavingsLine } from "../../../src/core/forceData";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import { freeFormCapacityPlan, oldTemplatePlan, templateCapacityPlan } from "./capacityFixtures";

/** Each line's capacity as [initiative, year, hours planned, hours actual, FTE planned, FTE actual]. */
function capacityOf(lines: readonly SavingsLine[]) {
  return lines.map((l) => [
    l.initiative,
    l.year,
    l.capacity?.hoursPlanned?.value,
    l.capacity?.hoursActual?.value,
    l.capacity?.officersPlanned?.value,
    l.capacity?.officersActual?.value,
  ]);
}

const EXPECTED = [
  ["Quest in custody", 2010, 1200, 900, 0.8, 0.6],
  ["Quest in custody", 2011, 2000, undefined, 1.3, undefined],
  ["Mobile data", 2010, 600, 450, undefined, undefined],
  ["Fewer forms", 2010, 300, undefined, undefined, undefined],
  ["Overtime controls", 2010, undefined, undefined, undefined, undefined],
];

describe("capacity released on the savings plan (hours, officer equivalents; 5.53)", () => {
  test.each([
    ["Hours planned", "hoursPlanned"],
    ["Planned hours", "hoursPlanned"],
    ["Hours released", "hoursPlanned"],
    ["Hours saved", "hoursPlanned"],
    ["Actual hours", "hoursActual"],
    ["Hours released (achieved)", "hoursActual"],
    ["Officer equivalents", "officersPlanned"],
    ["FTE equivalent", "officersPlanned"],
    ["Officer equivalents actual", "officersActual"],
    ["Planned", undefined],
    ["Notes", undefined],
  ])("the header %p is read as %p", (header, kind) => {
    expect(capacityKindOf(header)).toBe(kind);
  });

  test("free-form: hours and officer equivalents are read by their header words, each with its cell; money as before", () => {
    const d = detectForceData(workbookOf(freeFormCapacityPlan()));
    expect(capacityOf(d.savingsPlan.lines)).toEqual(EXPECTED);
    const quest = d.savingsPlan.lines[0];
    // Row 3: Planned E3 = 50 (£000) = £50,000 = 5,000,000p; Planned hours in G3, Actual hours H3,
    // officer equivalents I3 and J3.
    expect(quest.planned?.value).toBe(5_000_000);
    expect(quest.capacity?.hoursPlanned?.sources).toEqual([{ sheet: "Savings", address: "G3" }]);
    expect(quest.capacity?.hoursActual?.sources).toEqual([{ sheet: "Savings", address: "H3" }]);
    expect(quest.capacity?.officersPlanned?.sources).toEqual([{ sheet: "Savings", address: "I3" }]);
    expect(quest.capacity?.officersActual?.sources).toEqual([{ sheet: "Savings", address: "J3" }]);
    expect(quest.capacity?.hoursPlanned?.how).toContain('column "Planned hours"');
    // The cashable line carries no capacity at all.
    expect(d.savingsPlan.lines[4].capacity).toBeUndefined();
    expect(d.findings.filter((f) => f.code.startsWith("CAPACITY_"))).toEqual([]);
  });

  test("free-form, one column per year: hours written under the year merged over Planned, Actual and Hours", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows(
          "Efficiency plan",
          [
            ["Efficiency plan (£000)"],
            [null, null, null, "2010/11", null, null, "2011/12", null, null],
            [
              "Initiative",
              "Area",
              "Type",
              "Planned",
              "Actual",
              "Hours released",
              "Planned",
              "Actual",
              "Hours released",
            ],
            [
              "Quest in custody",
              "Process improvement",
              "Non-cashable",
              50,
              40,
              1200,
              80,
              null,
              2000,
            ],
          ],
          {
            merges: [
              { top: 1, left: 3, bottom: 1, right: 5 },
              { top: 1, left: 6, bottom: 1, right: 8 },
            ],
          }
        )
      )
    );
    expect(capacityOf(d.savingsPlan.lines)).toEqual([
      ["Quest in custody", 2010, 1200, undefined, undefined, undefined],
      ["Quest in custody", 2011, 2000, undefined, undefined, undefined],
    ]);
    // 2011/12's hours are in I4, not read as a money column (the plan's 80 in G4 is £80,000).
    expect(d.savingsPlan.lines[1].capacity?.hoursPlanned?.sources).toEqual([
      { sheet: "Efficiency plan", address: "I4" },
    ]);
    expect(d.savingsPlan.lines[1].planned?.value).toBe(8_000_000);
  });

  test("template: the optional columns after Notes (H to K) are read; the earlier cells have not moved", () => {
    const d = detectForceData(workbookOf(templateCapacityPlan()));
    expect(d.sheetsUsed[0].how).toContain("template table VfmSavings");
    expect(capacityOf(d.savingsPlan.lines)).toEqual(EXPECTED);
    const quest = d.savingsPlan.lines[0];
    // Header on row 5, data from row 6: Planned still in E6, Actual F6, Notes G6; hours in H6.
    expect(quest.planned?.sources).toEqual([{ sheet: "Savings plan", address: "E6" }]);
    expect(quest.actual?.sources).toEqual([{ sheet: "Savings plan", address: "F6" }]);
    expect(quest.capacity?.hoursPlanned?.sources).toEqual([
      { sheet: "Savings plan", address: "H6" },
    ]);
    expect(quest.capacity?.officersActual?.sources).toEqual([
      { sheet: "Savings plan", address: "K6" },
    ]);
  });

  test("template: a sheet made before the optional columns is still the template table, with no capacity", () => {
    const d = detectForceData(workbookOf(oldTemplatePlan()));
    expect(d.sheetsUsed[0].how).toContain("template table VfmSavings");
    expect(d.savingsPlan.lines).toHaveLength(5);
    expect(d.savingsPlan.lines.every((l) => l.capacity === undefined)).toBe(true);
    // Money read as before: row 6 planned 50 in E6.
    expect(d.savingsPlan.lines[0].planned?.sources).toEqual([
      { sheet: "Savings plan", address: "E6" },
    ]);
  });

  test("bad input: text in an hours cell, negative hours, hours on a cashable line; each named by sheet and cell, the rest read", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Savings", [
          ["Efficiency plan (£000)"],
          [
            "Initiative",
            "Area",
            "Type",
            "Year",
            "Planned",
            "Actual",
            "Hours planned",
            "Hours actual",
          ],
          [
            "Quest in custody",
            "Process improvement",
            "Non-cashable",
            "2010/11",
            50,
            40,
            "about 1,000",
            900,
          ],
          ["Mobile data", "Process improvement", "Non-cashable", "2010/11", 30, 25, -600, 450],
          ["Overtime controls", "Overtime", "Cashable", "2010/11", 200, 180, 5000, null],
          ["Fewer forms", "Bureaucracy", "Non-cashable", "2010/11", 10, null, 300, null],
        ])
      )
    );
    const byCode = (code: string) => d.findings.filter((f) => f.code === code);
    const text = byCode("TEXT_IN_NUMBER_CELL");
    expect(text).toHaveLength(1);
    expect(text[0].message).toBe(
      'Savings!G3 (hours planned for 2010/11 of "Quest in custody") holds the text "about 1,000" where an amount was expected; it was left out.'
    );
    const negative = byCode("CAPACITY_NEGATIVE");
    expect(negative).toHaveLength(1);
    expect(negative[0].message).toBe(
      'Savings!G4 (hours planned for 2010/11 of "Mobile data") holds -600; capacity released cannot be less than nothing, so the figure was left out.'
    );
    const cashable = byCode("CAPACITY_ON_CASHABLE");
    expect(cashable).toHaveLength(1);
    expect(cashable[0].message).toBe(
      'Savings!G5 gives hours or officer equivalents for "Overtime controls", a cashable saving; capacity released belongs to non-cashable gains, so it was left out.'
    );
    expect(cashable[0].cell).toEqual({ sheet: "Savings", address: "G5" });
    // The rest goes on: the good cells beside the bad ones are read, and every money figure too.
    expect(capacityOf(d.savingsPlan.lines)).toEqual([
      ["Quest in custody", 2010, undefined, 900, undefined, undefined],
      ["Mobile data", 2010, undefined, 450, undefined, undefined],
      ["Overtime controls", 2010, undefined, undefined, undefined, undefined],
      ["Fewer forms", 2010, 300, undefined, undefined, undefined],
    ]);
    expect(d.savingsPlan.lines.map((l) => l.planned?.value)).toEqual([
      5_000_000, 3_000_000, 20_000_000, 1_000_000,
    ]);
  });

  test("a plan whose capacity headers name officers and staff is still the savings plan, not a workforce table", () => {
    // Sheet "Sheet1" (no name hint): the worker-type probe sees officers, staff and FTE (score
    // 40 + 3 = 43); the savings header has Planned and Actual plus four capacity columns
    // (40 + 2 + 4 = 46), so it wins.
    const sheet = {
      ...freeFormCapacityPlan([
        "Police officer equivalents",
        "Police staff FTE",
        "Officer hours",
        "FTE",
      ]),
      name: "Sheet1",
    };
    const d = detectForceData(workbookOf(sheet));
    expect(d.sheetsUsed.map((u) => u.as)).toEqual(["savingsPlan"]);
    expect(d.savingsPlan.lines[0].capacity?.officersPlanned?.sources).toEqual([
      { sheet: "Sheet1", address: "G3" },
    ]);
  });

  test("one column per year, but an hours column with no year: a finding names its cell and the rest is read", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Efficiency plan", [
          ["Efficiency plan (£000)"],
          ["Initiative", "Area", "Type", "2010/11 Planned", "2010/11 Actual", "Hours released"],
          ["Quest in custody", "Process improvement", "Non-cashable", 50, 40, 1200],
        ])
      )
    );
    const f = d.findings.filter((x) => x.code === "CAPACITY_YEAR_MISSING");
    expect(f.map((x) => x.message)).toEqual([
      `'Efficiency plan'!F2 heads a column of hours planned ("Hours released") with no year in it or over it, while the sheet gives its savings year by year, so the column was not read.`,
    ]);
    expect(d.savingsPlan.lines.map((l) => [l.year, l.planned?.value, l.capacity])).toEqual([
      [2010, 5_000_000, undefined],
    ]);
  });
});
