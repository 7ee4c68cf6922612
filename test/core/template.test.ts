import { classifyWorkbook, detectForceData } from "../../src/core/detect/detect";
import { CellValue, SheetGrid } from "../../src/core/grid";
import {
  blankTemplate,
  budgetYearHeaders,
  inputTemplate,
  peersTemplateSheet,
  TEMPLATE_LAYOUT,
} from "../../src/core/template";
import { FORCES } from "../../src/core/forces";
import { parseFinancialYear, parseSnapshot } from "../../src/core/detect/years";
import { unitInText } from "../../src/core/detect/units";

/** A write plan's sheet as the grid a gateway would read back. */
function gridOf(plan: ReturnType<typeof blankTemplate>["sheets"][number]): SheetGrid {
  const values: CellValue[][] = [];
  for (const b of plan.blocks)
    b.values.forEach((row, i) => {
      values[b.top + i] = [...(values[b.top + i] ?? [])];
      row.forEach((v, j) => (values[b.top + i][b.left + j] = v));
    });
  return { name: plan.name, values };
}

describe("the input template", () => {
  test("five input sheets and the peers sheet, each with one named Excel table on the header row, created only where absent", () => {
    const plan = blankTemplate();
    expect(plan.sheets.map((s) => [s.name, s.role, s.mode, s.tables?.map((t) => t.name)])).toEqual([
      ["Budget", "input", "createOnly", ["VfmBudget"]],
      ["Workforce", "input", "createOnly", ["VfmWorkforce"]],
      ["Procurement", "input", "createOnly", ["VfmProcurement"]],
      ["Savings plan", "input", "createOnly", ["VfmSavings"]],
      ["Settings", "input", "createOnly", ["VfmSettings"]],
      ["Peers", "input", "createOnly", ["Peers"]],
    ]);
    // The peers sheet's layout is the peers step's own (src/core/detect/peers.ts, tested there).
    for (const s of plan.sheets.filter((p) => p.name !== "Peers")) {
      const t = inputTemplate().find((x) => x.sheet === s.name);
      expect(s.tables?.[0].range).toEqual({
        top: TEMPLATE_LAYOUT.headerRow,
        left: 0,
        bottom: TEMPLATE_LAYOUT.headerRow,
        right: (t?.columns.length ?? 0) - 1,
      });
      expect(s.columnWidths).toHaveLength(t?.columns.length ?? -1);
      expect(gridOf(s).values[TEMPLATE_LAYOUT.headerRow]).toEqual(t?.columns.map((c) => c.header));
    }
    const budget = plan.sheets[0];
    expect(budget.styles?.some((st) => st.style.numberFormat === "#,##0.00;[Red]-#,##0.00")).toBe(
      true
    );
  });

  test("year columns follow the baseline and target", () => {
    expect(budgetYearHeaders(2008, 2013)).toEqual([
      "2008/09 Actual",
      "2009/10 Actual",
      "2010/11 Budget",
      "2011/12 Plan",
      "2012/13 Plan",
      "2013/14 Target",
    ]);
    expect(
      blankTemplate({ baselineYear: 2009, targetYear: 2011 }).sheets[0].blocks[0].values[
        TEMPLATE_LAYOUT.headerRow
      ]
    ).toEqual(["Budget line", "2009/10 Actual", "2010/11 Actual", "2011/12 Target", "Notes"]);
  });

  test("help text states no year, date or unit, so detection never mistakes it for one", () => {
    for (const t of inputTemplate()) {
      for (const text of [t.title, ...t.help, ...t.columns.map((c) => c.help)]) {
        expect(parseFinancialYear(text)).toBeUndefined();
        expect(parseSnapshot(text)).toBeUndefined();
        expect(unitInText(text)).toBeUndefined();
      }
    }
  });

  test("a blank template inserted into a workbook is recognised sheet by sheet, and holds no figures", () => {
    const sheets = blankTemplate().sheets.map(gridOf);
    expect(classifyWorkbook({ sheets }).map((c) => [c.sheet, c.kind, c.template])).toEqual([
      ["Budget", "budget", "VfmBudget"],
      ["Workforce", "workforce", "VfmWorkforce"],
      ["Procurement", "procurement", "VfmProcurement"],
      ["Savings plan", "savingsPlan", "VfmSavings"],
      ["Settings", "settings", "VfmSettings"],
      ["Peers", "peers", undefined],
    ]);
    const d = detectForceData({ sheets });
    expect(d.findings.map((f) => f.code)).toEqual(["NO_BUDGET_FIGURES"]);
  });

  test("the Settings sheet has a 'Most similar forces' row: blank it names no group; filled in, detection reads the group from its Value cell", () => {
    const sheets = blankTemplate().sheets.map(gridOf);
    const settings = sheets.find((s) => s.name === "Settings")!;
    const row = settings.values.findIndex((r) => r?.[0] === "Most similar forces");
    // Row 13: title, help, note, column help and header, then the eighth setting.
    expect(row).toBe(12);
    expect(settings.values[row][1]).toBeNull();
    expect(detectForceData({ sheets }).settings.mostSimilarForces).toBeUndefined();
    settings.values[row][1] = "Dyfed-Powys; North Wales; Gwent";
    const g = detectForceData({ sheets }).settings.mostSimilarForces;
    expect(g?.value).toEqual(["Dyfed-Powys", "North Wales", "Gwent"]);
    expect(g?.sources).toEqual([{ sheet: "Settings", address: "B13" }]);
  });
});

describe("the Peers sheet of the template", () => {
  test("peersTemplateSheet lists the 43 forces in an Excel table named Peers, own force first", () => {
    const plain = peersTemplateSheet();
    const body = plain.blocks[1].values;
    expect(plain.blocks[0].values[4][0]).toBe("Force"); // header row 5, under a row of help
    expect(body.map((r) => r[0])).toEqual(FORCES.map((f) => f.name));
    expect(plain).toMatchObject({ name: "Peers", role: "input", mode: "createOnly" });
    expect(plain.tables).toEqual([
      { name: "Peers", range: { top: 4, left: 0, bottom: 47, right: 8 } },
    ]);
    const own = peersTemplateSheet({ forceName: "Exampleshire Constabulary" });
    expect(own.blocks[1].values[0][0]).toBe("Exampleshire Constabulary");
    expect(own.blocks[1].values).toHaveLength(44);
    // A real force's own name is not listed twice.
    expect(peersTemplateSheet({ forceName: "Kent Police" }).blocks[1].values).toHaveLength(43);
  });
});
