import { detectForceData } from "../../../src/core/detect/detect";
import { ForceData, WorkforceLine } from "../../../src/core/forceData";
import { CellValue } from "../../../src/core/grid";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";

function line(d: ForceData, label: string): WorkforceLine | undefined {
  return d.workforce.lines.find((l) => l.label === label);
}

const SNAPSHOT_ROWS: CellValue[][] = [
  ["Function", "Police officers", "Police staff", "PCSOs", "Total"],
  ["Neighbourhood policing", 500, 30, 240, 770],
  ["Human resources", 5, 70, 0, 75],
  ["Information technology", 0, 90, 0, 90],
  ["Total", 505, 190, 240, 935],
];

describe("workforce: functions x worker types for one snapshot date", () => {
  test("'as at 31 March 2010' in the title belongs to 2009/10", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Workforce", [["Workforce (FTE) as at 31 March 2010"], [], ...SNAPSHOT_ROWS])
      )
    );
    const hr = line(d, "Human resources")?.fte.get(2009);
    expect(hr?.officers?.value).toBe(5);
    expect(hr?.staff?.value).toBe(70);
    expect(hr?.total?.value).toBe(75);
    // Title on row 1, a blank row, the header on row 3: Human resources is row 5.
    expect(hr?.staff?.sources).toEqual([{ sheet: "Workforce", address: "C5" }]);
    expect(hr?.staff?.how).toContain("as at 31 March 2010");
    expect(line(d, "Human resources")?.category).toBe("hr");
    expect(line(d, "Information technology")?.category).toBe("it");
    expect(line(d, "Neighbourhood policing")?.category).toBe("operational");
    expect(line(d, "Total")?.isTotal).toBe(true);
    expect(d.workforce.years).toEqual([2009]);
    expect(
      d.findings.filter((f) => f.severity !== "info" && f.code !== "BUDGET_NOT_FOUND")
    ).toEqual([]);
  });

  test("the date in a header cell", () => {
    const rows = SNAPSHOT_ROWS.map((r, i) => (i === 0 ? ["FTE at 31/03/2009", ...r.slice(1)] : r));
    const d = detectForceData(workbookOf(sheetFromRows("Workforce", rows)));
    expect([...(line(d, "Human resources")?.fte.keys() ?? [])]).toEqual([2008]);
  });

  test("the date in the sheet name", () => {
    const d = detectForceData(workbookOf(sheetFromRows("Workforce 31.03.10", SNAPSHOT_ROWS)));
    expect([...(line(d, "Human resources")?.fte.keys() ?? [])]).toEqual([2009]);
    expect(line(d, "Human resources")?.fte.get(2009)?.total?.how).toContain("sheet name");
  });

  test("no date anywhere: a finding, and the sheet is not placed in a year", () => {
    const d = detectForceData(workbookOf(sheetFromRows("Workforce", SNAPSHOT_ROWS)));
    expect(d.findings.find((f) => f.code === "SNAPSHOT_YEAR_MISSING")?.sheet).toBe("Workforce");
    expect(d.workforce.lines).toEqual([]);
  });

  test("without a total column the total is officers + staff + PCSOs, citing the three cells", () => {
    const rows = SNAPSHOT_ROWS.map((r) => r.slice(0, 4));
    const d = detectForceData(
      workbookOf(sheetFromRows("Workforce", [["as at 31 March 2010"], ...rows]))
    );
    const n = line(d, "Neighbourhood policing")?.fte.get(2009)?.total;
    // 500 + 30 + 240 = 770
    expect(n?.value).toBe(770);
    expect(n?.sources.map((s) => s.address)).toEqual(["B3", "C3", "D3"]);
  });

  test("FTE that do not add up to the total row, or to the row's own total", () => {
    const rows = SNAPSHOT_ROWS.map((r) => [...r]);
    // Beyond rounding: half an FTE per line added and for the total itself.
    rows[4][2] = 195; // staff total says 195; 30 + 70 + 90 = 190 (tolerance 2)
    rows[2][4] = 80; // HR total says 80; 5 + 70 + 0 = 75 (tolerance 2)
    const d = detectForceData(
      workbookOf(sheetFromRows("Workforce", [["as at 31 March 2010"], ...rows]))
    );
    const mism = d.findings.filter((f) => f.code === "FTE_TOTAL_MISMATCH");
    // C6: the staff column; E4: HR's own row; E6: the total column (770 + 80 + 90 = 940) and the
    // total row's own parts (505 + 195 + 240 = 940), both against 935.
    expect(mism.map((f) => f.cell?.address).sort()).toEqual(["C6", "E4", "E6", "E6"]);
    expect(mism.find((f) => f.cell?.address === "C6")?.message).toContain("add up to 190");
  });

  test("a published total within the rounding of its lines is not an error (2,752 against 2,753)", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Workforce", [
          ["as at 31 March 2010"],
          ["Function", "Total"],
          ["Local Policing", 2643],
          ["National Functions", 24],
          ["Not available for duty", 86],
          ["Total", 2752],
        ])
      )
    );
    // 2,643 + 24 + 86 = 2,753; three rounded lines and a rounded total: tolerance 2 FTE.
    expect(d.findings.filter((f) => f.code === "FTE_TOTAL_MISMATCH")).toEqual([]);
  });

  test("specials are kept but not part of the total", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Workforce", [
          ["as at 31 March 2010"],
          ["Function", "Officers", "Staff", "PCSOs", "Special constables", "Total"],
          ["Neighbourhood policing", 500, 30, 240, 120, 770],
        ])
      )
    );
    const f = line(d, "Neighbourhood policing")?.fte.get(2009);
    expect(f?.specials?.value).toBe(120);
    expect(d.findings.filter((x) => x.code === "FTE_TOTAL_MISMATCH")).toEqual([]);
  });
});

describe("workforce: functions x years", () => {
  const rows: CellValue[][] = [
    ["Workforce plan (FTE)"],
    ["Function", "Actual 2008/09", "2009/10", "2010/11 Plan"],
    ["Human resources", 80, 77, 73],
    ["Finance", 48, 46, 43.5],
    ["Response policing", 630, 640, 640],
    ["Total", 758, 763, 756.5],
  ];
  test("total FTE by year, with categories from the labels", () => {
    const d = detectForceData(workbookOf(sheetFromRows("Workforce plan", rows)));
    expect(line(d, "Finance")?.fte.get(2010)?.total?.value).toBe(43.5);
    expect(line(d, "Finance")?.category).toBe("finance");
    expect(d.workforce.years).toEqual([2008, 2009, 2010]);
    expect(d.sheetsUsed).toEqual([
      {
        sheet: "Workforce plan",
        as: "workforce",
        how: expect.stringContaining("workforce by year"),
      },
    ]);
    expect(
      d.findings.filter((f) => f.severity !== "info" && f.code !== "BUDGET_NOT_FOUND")
    ).toEqual([]);
  });
  test("a total row that does not add up", () => {
    const bad = rows.map((r, i) => (i === 5 ? ["Total", 758, 764, 756.5] : r));
    const d = detectForceData(workbookOf(sheetFromRows("Workforce plan", bad)));
    // 77 + 46 + 640 = 763, not 764
    const f = d.findings.find((x) => x.code === "FTE_TOTAL_MISMATCH");
    expect(f?.cell).toEqual({ sheet: "Workforce plan", address: "C6" });
    expect(f?.message).toContain("2009/10");
  });
  test("a function that cannot be put in a category", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Workforce plan", [
          ...rows.slice(0, 2),
          ["Widget team", 1, 1, 1],
          ["Finance", 1, 1, 1],
        ])
      )
    );
    const f = d.findings.find((x) => x.code === "CATEGORY_UNMAPPED");
    expect(f?.cell).toEqual({ sheet: "Workforce plan", address: "A3" });
    expect(line(d, "Widget team")?.category).toBeUndefined();
    const chosen = detectForceData(
      workbookOf(
        sheetFromRows("Workforce plan", [
          ...rows.slice(0, 2),
          ["Widget team", 1, 1, 1],
          ["Finance", 1, 1, 1],
        ])
      ),
      {
        functionCategories: { "widget team": "administration" },
      }
    );
    expect(line(chosen, "Widget team")?.category).toBe("administration");
    expect(chosen.findings.find((x) => x.code === "CATEGORY_UNMAPPED")).toBeUndefined();
  });
});

describe("workforce from two sheets becomes one line per function", () => {
  test("a snapshot and a plan agree on 2009/10; a disagreement is reported", () => {
    const snap = sheetFromRows("Workforce Mar 2010", [["as at 31 March 2010"], ...SNAPSHOT_ROWS]);
    const plan = sheetFromRows("Workforce plan", [
      ["Workforce plan"],
      ["Function", "2009/10", "2010/11"],
      ["Human resources", 75, 70],
      ["Information technology", 91, 88],
    ]);
    const d = detectForceData(workbookOf(snap, plan));
    const hr = line(d, "Human resources");
    expect(d.workforce.lines.filter((l) => l.label === "Human resources")).toHaveLength(1);
    expect(hr?.fte.get(2009)?.total?.sources[0].sheet).toBe("Workforce Mar 2010");
    expect(hr?.fte.get(2010)?.total?.value).toBe(70);
    const conflict = d.findings.find((f) => f.code === "FTE_CONFLICT");
    expect(conflict?.cell).toEqual({ sheet: "Workforce plan", address: "B4" });
    expect(line(d, "Information technology")?.fte.get(2009)?.total?.value).toBe(90);
  });
});

describe("the template's workforce table (a Year column)", () => {
  test("one row per function and year, category from the Category column", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Workforce", [
          [
            "Function",
            "Category",
            "Year",
            "Police officers",
            "Police staff",
            "PCSOs",
            "Special constables",
            "Total FTE",
            "Notes",
          ],
          ["Personnel and people", "Human resources", "2009/10", 5, 70, 0, null, 75],
          ["Personnel and people", "Human resources", "2010/11", null, null, null, null, 72],
          // Excel may turn "2011/12" typed in a cell into 1 December 2011: the same financial year.
          [
            "Personnel and people",
            "Human resources",
            new Date(Date.UTC(2011, 11, 1)),
            null,
            null,
            null,
            null,
            70,
          ],
        ])
      )
    );
    const hr = line(d, "Personnel and people");
    expect(hr?.category).toBe("hr");
    expect([...(hr?.fte.keys() ?? [])]).toEqual([2009, 2010, 2011]);
    expect(hr?.fte.get(2011)?.total?.value).toBe(70);
  });
});

describe("choices made in the Data step", () => {
  test("a category column beside the functions, and the snapshot year chosen by the user", () => {
    const byYear = detectForceData(
      workbookOf(
        sheetFromRows("Workforce plan", [
          ["Function", "Category", "2009/10", "2010/11"],
          ["People team", "Human resources", 70, 68],
          ["Response", "Operational", 640, 640],
        ])
      )
    );
    expect(line(byYear, "People team")?.category).toBe("hr");
    expect(line(byYear, "People team")?.fte.get(2010)?.total?.how).toContain(
      'category "Human resources"'
    );
    const chosen = detectForceData(workbookOf(sheetFromRows("Workforce", SNAPSHOT_ROWS)), {
      snapshotYears: { Workforce: 2010 },
    });
    expect([...(line(chosen, "Human resources")?.fte.keys() ?? [])]).toEqual([2010]);
  });

  test("the unit of a sheet chosen by the user", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Budget", [
          [null, "2008/09"],
          ["Police officer pay", 100],
          ["Officer overtime", 5],
        ])
      ),
      { units: { Budget: "£m" } }
    );
    // 100 £m = £100,000,000 = 10,000,000,000p
    expect(d.budget.lines[0].amounts.get(2008)?.value).toBe(10_000_000_000);
    expect(d.findings.map((f) => f.code)).not.toContain("UNITS_NOT_STATED");
  });
});
