import { detectForceData } from "../../../src/core/detect/detect";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import { templateSettingsRows, inputTemplate, templateSheetGrid } from "../../../src/core/template";

describe("settings", () => {
  test("the template's Settings table: known settings, and every other row a policy override", () => {
    const t = inputTemplate().find((x) => x.kind === "settings");
    if (!t) throw new Error("no settings template");
    const grid = templateSheetGrid(
      t,
      [
        ["Force name", "Exampleshire Constabulary", null],
        ["Baseline year", "2008/09", null],
        ["Target year", "2013/14", null],
        ["Money unit", "£000", null],
        ["Average cost per business support FTE (£)", 32500, null],
        ["overtime.threshold", 0.04, null],
        ["Paybill includes overtime", "yes", null],
      ],
      "note"
    );
    const d = detectForceData(workbookOf(grid));
    const s = d.settings;
    expect(s.forceName?.value).toBe("Exampleshire Constabulary");
    expect(s.baselineYear?.value).toBe(2008);
    expect(s.targetYear?.value).toBe(2013);
    expect(s.unit?.value).toBe("£000");
    // £32,500 = 3,250,000p
    expect(s.averageSupportCost?.value).toBe(3_250_000);
    expect([...s.policyOverrides.keys()]).toEqual([
      "overtime.threshold",
      "Paybill includes overtime",
    ]);
    expect(s.policyOverrides.get("overtime.threshold")?.value).toBe(0.04);
    expect(s.policyOverrides.get("overtime.threshold")?.sources).toEqual([
      { sheet: "Settings", address: "B11" },
    ]);
    expect(d.sheetsUsed).toEqual([
      {
        sheet: "Settings",
        as: "settings",
        how: expect.stringContaining("template table VfmSettings"),
      },
    ]);
  });

  test("a blank Settings value is not taken from the Notes column", () => {
    const t = inputTemplate().find((x) => x.kind === "settings");
    if (!t) throw new Error("no settings template");
    const d = detectForceData(workbookOf(templateSheetGrid(t, templateSettingsRows())));
    expect(d.settings.forceName).toBeUndefined();
    expect(d.settings.unit?.value).toBe("£");
    expect(d.settings.policyOverrides.size).toBe(0);
  });

  test("a force's cover sheet: 'Force: ...' and key/value rows; other rows are not overrides", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Cover", [
          ["Value for money workbook"],
          ["Force: Northshire Police"],
          ["Baseline year", 2008],
          ["Target year", "2013-14"],
          ["Prepared by", "Finance"],
        ])
      )
    );
    expect(d.settings.forceName?.value).toBe("Northshire Police");
    expect(d.settings.baselineYear?.value).toBe(2008);
    expect(d.settings.targetYear?.value).toBe(2013);
    expect(d.settings.policyOverrides.size).toBe(0);
  });

  test("the Settings unit applies to sheets that state none", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Settings", [
          ["Setting", "Value"],
          ["Money unit", "£000"],
          ["Force name", "X Police"],
        ]),
        sheetFromRows("Budget", [
          [null, "2008/09"],
          ["Police officer pay", 100],
          ["Officer overtime", 5],
        ])
      )
    );
    expect(d.budget.lines[0].amounts.get(2008)?.value).toBe(10_000_000);
    expect(d.findings.map((f) => f.code)).not.toContain("UNITS_NOT_STATED");
  });
});
