import Ajv from "ajv";
import schema from "../../../schema/analysis.schema.json";
import { analysisToJson } from "../../../src/core/analysis/json";
import { detectForceData } from "../../../src/core/detect/detect";
import { analyse } from "../../../src/core/analysis/analyse";
import { buildStatement } from "../../../src/core/statement/build";
import { blocksOf, paragraphText } from "../../../src/core/statement/model";
import { wordingProblems } from "../../../src/core/plainEnglish";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import { freeFormCapacityPlan, templateCapacityPlan } from "../detect/capacityFixtures";

const cells = (sheet: string, ...addresses: string[]) =>
  addresses.map((address) => ({ sheet, address }));

describe("capacity released, summed per area and year with its cells (5.53)", () => {
  test.each([
    // Free-form: hours planned in column G from row 3, amounts in £000 (the title says so).
    ["free-form", freeFormCapacityPlan, "Savings", "G", 3, 1000],
    // Template: Hours planned in H (after Notes) from row 6; no Settings sheet, so amounts in £.
    ["template", templateCapacityPlan, "Savings plan", "H", 6, 1],
  ])("%s plan", (_kind, make, sheet, hoursCol, first, poundsPerUnit) => {
    const a = analyse(detectForceData(workbookOf(make()))).savings;
    const row = (n: number, col: string) => `${col}${first + n}`;
    const pi = a.byArea.find((x) => x.area === "processImprovement")!;
    // Hours planned: 2010/11 = 1,200 (Quest) + 600 (Mobile data) = 1,800; 2011/12 = 2,000 (Quest);
    // in all 1,800 + 2,000 = 3,800. Hours actual: 900 + 450 = 1,350 (2010/11 only).
    expect(pi.capacity?.total.hoursPlanned).toEqual({
      value: 3800,
      sources: cells(sheet, row(0, hoursCol), row(1, hoursCol), row(2, hoursCol)),
      formula: "sum of hours planned",
    });
    expect(pi.capacity?.total.hoursActual?.value).toBe(1350);
    expect(
      pi.capacity?.byYear.map((y) => [
        y.year,
        y.totals.hoursPlanned?.value,
        y.totals.hoursActual?.value,
      ])
    ).toEqual([
      [2010, 1800, 1350],
      [2011, 2000, undefined],
    ]);
    // Officer equivalents planned: 0.8 (2010/11) + 1.3 (2011/12) = 2.1; actual 0.6 (2010/11).
    expect(pi.capacity?.total.officersPlanned?.value).toBeCloseTo(2.1, 10);
    expect(pi.capacity?.total.officersActual?.value).toBe(0.6);
    // Bureaucracy: 300 hours planned, nothing else; overtime (cashable, money only): none at all.
    const bur = a.byArea.find((x) => x.area === "bureaucracy")!;
    expect(bur.capacity?.total).toEqual({
      hoursPlanned: expect.objectContaining({ value: 300 }),
    });
    expect(a.byArea.find((x) => x.area === "overtime")!.capacity).toBeUndefined();
    // All areas: hours planned 3,800 + 300 = 4,100; 2010/11 1,800 + 300 = 2,100.
    expect(a.capacity?.total.hoursPlanned?.value).toBe(4100);
    expect(a.capacity?.byYear.map((y) => [y.year, y.totals.hoursPlanned?.value])).toEqual([
      [2010, 2100],
      [2011, 2000],
    ]);
    // Money is untouched: process improvement non-cashable planned 50 + 80 + 30 = 160 units,
    // x 100 pence a pound x pounds per unit.
    expect(pi.nonCashable.planned.value).toBe(160 * 100 * poundsPerUnit);
  });

  test("no hours are worked out from money: a plan without capacity columns has no capacity anywhere", () => {
    const plain = freeFormCapacityPlan([]);
    const a = analyse(detectForceData(workbookOf(plain))).savings;
    expect(a.capacity).toBeUndefined();
    expect(a.byArea.every((x) => x.capacity === undefined)).toBe(true);
  });
});

describe("the statement gives the hours beside the £ equivalent, with their cells in the working papers", () => {
  const data = detectForceData(workbookOf(freeFormCapacityPlan()));
  const s = buildStatement(analyse(data), data, { generatedAt: "2026-12-02T02:00:00Z" });
  const sectionText = (id: string) =>
    s.sections
      .find((x) => x.id === id)!
      .blocks.filter((b) => b.kind === "paragraph")
      .map((b) => paragraphText(b as Parameters<typeof paragraphText>[0]))
      .join("\n");

  test("process improvement: each measure's total and each year's", () => {
    expect(sectionText("area-processImprovement")).toContain(
      "Beside the £ equivalent, the plan gives the capacity these gains release: " +
        "hours planned, 3,800 (2010/11: 1,800; 2011/12: 2,000); " +
        "hours actually released, 1,350 in 2010/11; " +
        "officer equivalents planned, 2.1 (2010/11: 0.8; 2011/12: 1.3); " +
        "officer equivalents actually released, 0.6 in 2010/11."
    );
  });

  test("bureaucracy gives hours only; overtime, money only, says nothing of hours", () => {
    expect(sectionText("area-bureaucracy")).toContain(
      "the capacity these gains release: hours planned, 300 in 2010/11."
    );
    expect(sectionText("area-overtime")).not.toMatch(/hours|officer equivalents/);
  });

  test("the summary gives the all-areas hours", () => {
    expect(sectionText("summary")).toContain(
      "across all areas the plan gives the capacity non-cashable gains release: hours planned, 4,100 (2010/11: 2,100; 2011/12: 2,000)"
    );
  });

  test("the new sentences keep the plain-English rules (no small digit before a word, no cell address)", () => {
    for (const id of ["summary", "area-processImprovement", "area-bureaucracy"]) {
      const said = sectionText(id)
        .split("\n")
        .filter((p) => p.includes("Beside the £ equivalent"));
      expect(said).toHaveLength(1);
      expect(wordingProblems(said[0])).toEqual([]);
    }
  });

  test("the working papers list each hours figure with the cells it adds", () => {
    const items = blocksOf(s, "sources", "papers")[0].items;
    // 3,800 = G3 + G4 + G5 (1,200 + 2,000 + 600)
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: "3,800", cells: "Savings!G3:G5" }),
        expect.objectContaining({ text: "1,350", cells: "Savings!H3, Savings!H5" }),
        expect.objectContaining({ text: "4,100", cells: "Savings!G3:G6" }),
      ])
    );
  });
});

describe("a plan that gives a gain in hours only, with no money value (5.53: hours, officer equivalents or £ equivalent)", () => {
  // One non-cashable line: 2010/11, planned 400 hours (G3), no Planned or Actual amount; and a
  // cashable overtime line of £200k so the plan has money too.
  const data = detectForceData(
    workbookOf(
      sheetFromRows("Savings", [
        ["Efficiency plan (£000)"],
        ["Initiative", "Area", "Type", "Year", "Planned", "Actual", "Hours planned"],
        ["Fewer forms", "Bureaucracy", "Non-cashable", "2010/11", null, null, 400],
        ["Overtime controls", "Overtime", "Cashable", "2010/11", 200, null, null],
      ])
    )
  );
  const analysis = analyse(data);
  const s = buildStatement(analysis, data, { generatedAt: "2026-12-02T02:00:00Z" });
  const sectionText = (id: string) =>
    s.sections
      .find((x) => x.id === id)!
      .blocks.filter((b) => b.kind === "paragraph")
      .map((b) => paragraphText(b as Parameters<typeof paragraphText>[0]))
      .join("\n");

  test("the line counts for its area, which is reported rather than missing", () => {
    const bur = analysis.savings.byArea.find((x) => x.area === "bureaucracy")!;
    expect(bur.lineCount).toBe(1);
    expect(bur.nonCashable.planned.value).toBe(0);
    expect(bur.capacity?.total.hoursPlanned).toEqual({
      value: 400,
      sources: [{ sheet: "Savings", address: "G3" }],
      formula: "sum of hours planned",
    });
    expect(analysis.savings.areasWithoutPlans).not.toContain("bureaucracy");
  });

  test("the statement says the capacity without claiming a £ equivalent", () => {
    const area = sectionText("area-bureaucracy");
    expect(area).toContain(
      "The savings plan has one line for reducing bureaucracy, giving the capacity released rather than an amount of money."
    );
    expect(area).toContain(
      "The plan gives the capacity these gains release: hours planned, 400 in 2010/11."
    );
    expect(area).not.toContain("£ equivalent");
    const summary = sectionText("summary");
    expect(summary).toContain(
      "of cashable savings and non-cashable gains given as capacity released, with no money value."
    );
    expect(summary).toContain(
      "Across all areas the plan gives the capacity non-cashable gains release: hours planned, 400 in 2010/11."
    );
  });
});

describe("the analysis JSON gives capacity with its cells, and only where the plan gives it", () => {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
  const validate = ajv.compile(schema);

  test("process improvement and all areas, by year, valid against the schema", () => {
    const json = analysisToJson(analyse(detectForceData(workbookOf(freeFormCapacityPlan()))));
    expect(validate(json)).toBe(true);
    const savings = json.savings as {
      byArea: { area: string; capacity?: unknown }[];
      capacity?: unknown;
    };
    // 1,200 + 2,000 + 600 = 3,800 hours planned, from G3:G5; 0.8 + 1.3 = 2.1 FTE from I3:I4.
    expect(savings.byArea.find((x) => x.area === "processImprovement")?.capacity).toEqual({
      total: {
        hoursPlanned: { value: 3800, cells: ["Savings!G3:G5"] },
        hoursActual: { value: 1350, cells: ["Savings!H3", "Savings!H5"] },
        officersPlanned: { value: 2.1, cells: ["Savings!I3:I4"] },
        officersActual: { value: 0.6, cells: ["Savings!J3"] },
      },
      byYear: [
        {
          year: "2010/11",
          hoursPlanned: { value: 1800, cells: ["Savings!G3", "Savings!G5"] },
          hoursActual: { value: 1350, cells: ["Savings!H3", "Savings!H5"] },
          officersPlanned: { value: 0.8, cells: ["Savings!I3"] },
          officersActual: { value: 0.6, cells: ["Savings!J3"] },
        },
        {
          year: "2011/12",
          hoursPlanned: { value: 2000, cells: ["Savings!G4"] },
          hoursActual: null,
          officersPlanned: { value: 1.3, cells: ["Savings!I4"] },
          officersActual: null,
        },
      ],
    });
    expect(savings.byArea.find((x) => x.area === "overtime")).not.toHaveProperty("capacity");
    // All areas: 3,800 + 300 (Fewer forms, G6) = 4,100.
    expect(savings.capacity).toMatchObject({
      total: { hoursPlanned: { value: 4100, cells: ["Savings!G3:G6"] } },
    });
  });

  test("a plan with no capacity columns has no capacity key at all", () => {
    const json = analysisToJson(analyse(detectForceData(workbookOf(freeFormCapacityPlan([])))));
    expect(validate(json)).toBe(true);
    expect(json.savings).not.toHaveProperty("capacity");
  });
});
