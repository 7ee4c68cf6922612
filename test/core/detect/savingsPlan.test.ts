import { detectForceData } from "../../../src/core/detect/detect";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";

describe("savings plans", () => {
  test("one row per initiative and year (the template's layout)", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Savings", [
          ["Savings plan (£)"],
          ["Initiative", "Area", "Type", "Year", "Planned", "Actual", "Notes"],
          [
            "Overtime controls",
            "Overtime",
            "Cashable",
            "2009/10",
            280000,
            120000,
            "Two major operations",
          ],
          ["Quest in custody", "Process improvement", "Non-cashable", "2010/11", 900000, null],
        ])
      )
    );
    const [a, b] = d.savingsPlan.lines;
    expect(a).toMatchObject({
      initiative: "Overtime controls",
      area: "overtime",
      type: "cashable",
      year: 2009,
      notes: "Two major operations",
    });
    // £280,000 = 28,000,000p
    expect(a.planned?.value).toBe(28_000_000);
    expect(a.actual?.sources).toEqual([{ sheet: "Savings", address: "F3" }]);
    expect(b).toMatchObject({ area: "processImprovement", type: "nonCashable", year: 2010 });
    expect(b.actual).toBeUndefined();
  });

  test("planned and actual columns by year, the year merged over each pair; notes go with the first line only", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows(
          "Efficiency plan",
          [
            ["Efficiency plan (£000)"],
            [null, null, null, "2009/10", null, "2010/11"],
            [
              "Initiative",
              "VfM area",
              "Cashable / non-cashable",
              "Planned",
              "Actual",
              "Planned",
              "Notes",
            ],
            [
              "Business support restructure",
              "7. Support services",
              "Cashable",
              300,
              310,
              800,
              "Shared service centre",
            ],
            ["Stop and account", "4. Reducing bureaucracy", "Non-cashable", 150, 180, 250],
            ["Total", null, null, 450, 490, 1050],
          ],
          { merges: [{ top: 1, left: 3, bottom: 1, right: 4 }] }
        )
      )
    );
    const l = d.savingsPlan.lines;
    expect(
      l.map((x) => [x.initiative, x.area, x.year, x.planned?.value, x.actual?.value, x.notes])
    ).toEqual([
      [
        "Business support restructure",
        "supportServices",
        2009,
        30_000_000,
        31_000_000,
        "Shared service centre",
      ],
      ["Business support restructure", "supportServices", 2010, 80_000_000, undefined, undefined],
      ["Stop and account", "bureaucracy", 2009, 15_000_000, 18_000_000, undefined],
      ["Stop and account", "bureaucracy", 2010, 25_000_000, undefined, undefined],
    ]);
  });

  test("an area that is not one of the nine, and a missing type", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Savings", [
          ["£"],
          ["Initiative", "Area", "Type", "Year", "Planned", "Actual"],
          ["Canteen closure", "Catering", null, "2010/11", 1000, null],
        ])
      )
    );
    expect(d.findings.find((f) => f.code === "CATEGORY_UNMAPPED")?.cell).toEqual({
      sheet: "Savings",
      address: "B3",
    });
    expect(d.findings.find((f) => f.code === "SAVINGS_TYPE_ASSUMED")?.message).toContain(
      "taken as cashable"
    );
    expect(d.savingsPlan.lines[0].area).toBeUndefined();
    expect(d.savingsPlan.lines[0].type).toBe("cashable");
  });
});
