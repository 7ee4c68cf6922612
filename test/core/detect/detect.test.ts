import fc from "fast-check";
import { classifyWorkbook, detectForceData } from "../../../src/core/detect/detect";
import { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import { exampleshireFreeForm } from "../../../src/core/sample/exampleshire";

describe("a workbook that is not a budget at all", () => {
  test("a duty rota gives one clear error: no budget figures found", () => {
    const rota = sheetFromRows("Rota", [
      ["Response team B duty rota"],
      ["Name", "Mon", "Tue", "Wed", "Thu", "Fri"],
      ["PC Smith", "Early", "Early", "Late", "Late", "Rest"],
      ["PC Jones", "Late", "Rest", "Early", "Early", "Late"],
      [
        "Dates",
        new Date(Date.UTC(2010, 2, 1)),
        new Date(Date.UTC(2010, 2, 2)),
        new Date(Date.UTC(2010, 2, 3)),
      ],
    ]);
    const d = detectForceData(workbookOf(rota, sheetFromRows("Sheet2", [])));
    expect(d.findings).toHaveLength(1);
    expect(d.findings[0]).toMatchObject({
      severity: "error",
      code: "NO_BUDGET_FIGURES",
      sheet: "Rota",
    });
    expect(d.findings[0].message).toContain('"Rota"');
    expect(d.findings[0].message).toContain("No budget figures were found");
    expect(d.budget.lines).toEqual([]);
    expect(d.sheetsUsed).toEqual([]);
  });

  test("an empty workbook, and nonsense input, do not throw", () => {
    expect(detectForceData({ sheets: [] }).findings[0].code).toBe("NO_BUDGET_FIGURES");
    expect(detectForceData({} as unknown as WorkbookGrid).findings[0].code).toBe(
      "NO_BUDGET_FIGURES"
    );
  });
});

describe("which sheet is which", () => {
  test("the free-form sample's sheets", () => {
    const kinds = classifyWorkbook(exampleshireFreeForm()).map((c) => [c.sheet, c.kind]);
    expect(kinds).toEqual([
      ["Cover", "settings"],
      ["Budget 2010-14", "budget"],
      ["Workforce Mar 2010", "workforce"],
      ["Workforce plan", "workforce"],
      ["Contracts 2009-10", "procurement"],
      ["Savings plan", "savingsPlan"],
      ["Peers", "peers"],
    ]);
  });

  test("a peers sheet is left to the peers step and is not reported as unrecognised", () => {
    const peers = sheetFromRows("Peers", [
      ["Force", "Most similar forces", "Overtime %", "Business support %"],
      ["Exampleshire Constabulary", "A; B", 5.8, 0.091],
      ["Derbyshire Constabulary", "", 4.1, 0.075],
      ["Kent Police", "", 3.9, 0.07],
    ]);
    const d = detectForceData({ sheets: [...exampleshireFreeForm().sheets, peers] });
    expect(d.sheetsUsed.find((u) => u.sheet === "Peers")).toMatchObject({ as: "peers" });
    expect(d.findings.filter((f) => f.sheet === "Peers")).toEqual([]);
  });

  test("the add-in's own sheets are never read as input; a sheet the user ignores is skipped", () => {
    const own: SheetGrid = {
      ...sheetFromRows("VfM Statement", [
        [null, "2008/09"],
        ["Police officer pay", 1],
      ]),
      addinOwned: true,
    };
    const d = detectForceData({ sheets: [...exampleshireFreeForm().sheets, own] });
    expect(d.sheetsUsed.map((u) => u.sheet)).not.toContain("VfM Statement");
    const ignored = detectForceData(exampleshireFreeForm(), {
      sheetKinds: { "Workforce plan": "ignore" },
    });
    expect(ignored.sheetsUsed.map((u) => u.sheet)).not.toContain("Workforce plan");
  });

  test("other sheets in a budget workbook are noted for information", () => {
    const d = detectForceData({
      sheets: [...exampleshireFreeForm().sheets, sheetFromRows("Scratch", [["hello"]])],
    });
    expect(d.findings.find((f) => f.code === "SHEET_NOT_RECOGNISED")).toMatchObject({
      severity: "info",
      sheet: "Scratch",
    });
  });
});

describe("determinism", () => {
  test("the same workbook gives the same result, findings and all", () => {
    const a = detectForceData(exampleshireFreeForm());
    const b = detectForceData(exampleshireFreeForm());
    expect(b).toEqual(a);
    expect(JSON.stringify(b, mapReplacer)).toBe(JSON.stringify(a, mapReplacer));
  });
});

function mapReplacer(_k: string, v: unknown): unknown {
  return v instanceof Map ? [...v.entries()] : v;
}

// ---------------------------------------------------------------------------------------------
// Random grids: detection must never throw, and its safety net must never be needed.

const words = [
  "Police officer pay",
  "Overtime - Police Officers",
  "Total",
  "Sub-total",
  "2008/09",
  "Actual 2009/10",
  "2010/11 Budget",
  "2008/11",
  "£000",
  "£m",
  "as at 31 March 2010",
  "Function",
  "Police officers",
  "Police staff",
  "PCSOs",
  "Category",
  "Supplier",
  "Annual spend",
  "Route",
  "Contract end",
  "Initiative",
  "Area",
  "Planned",
  "Actual",
  "Year",
  "Setting",
  "Value",
  "Force",
  "Human resources",
  "Forensic services - drugs",
  "National framework",
  "Cashable",
  "",
  "-",
  "1,234",
  "(12)",
  "tbc",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...words),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noDefaultInfinity: false, noNaN: false }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1890, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)) }),
  fc.constant(new Date(NaN)),
  fc.constantFrom({ error: "#REF!" }, { error: "#DIV/0!" }, { error: "#N/A" })
);

const sheet: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.oneof(
      fc.constantFrom(
        "Budget",
        "Workforce 31.03.10",
        "Procurement",
        "Savings plan",
        "Settings",
        "Peers"
      ),
      fc.string({ maxLength: 10 })
    ),
    values: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 }),
    hiddenRows: fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 3 }),
    merges: fc.array(
      fc.record({ top: fc.nat(15), left: fc.nat(8), bottom: fc.nat(15), right: fc.nat(8) }),
      { maxLength: 2 }
    ),
    numberFormats: fc.array(
      fc.array(fc.constantFrom(undefined, "General", "dd/mm/yyyy", "#,##0", '"£"#,##0'), {
        maxLength: 9,
      }),
      { maxLength: 14 }
    ),
  })
  .map((s) => s as SheetGrid);

test("random grids never throw and never need the safety net", () => {
  fc.assert(
    fc.property(fc.array(sheet, { maxLength: 4 }), fc.boolean(), (sheets, withSample) => {
      const wb: WorkbookGrid = {
        sheets: withSample ? [...exampleshireFreeForm().sheets, ...sheets] : sheets,
      };
      const d = detectForceData(wb);
      expect(d.findings.filter((f) => f.code === "DETECTION_FAILED")).toEqual([]);
      for (const f of d.findings) expect(typeof f.message).toBe("string");
    }),
    { numRuns: 300 }
  );
});
