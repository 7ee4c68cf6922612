import { CancelledError, GatewayError } from "../../src/core/gateway";
import { WorkbookGrid } from "../../src/core/grid";
import { SETTINGS_SIGNATURE } from "../../src/core/ownership";
import { SheetPlan, WritePlan, looksLikeFormula } from "../../src/core/writePlan";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { TEXT_FORMAT_MAX_CHARS, chartName } from "../../src/excel/writer";
import { OfficeGatewayError } from "../../src/excel/errors";
import { FakeExcel, FakeSheetModel, typedEntry } from "../fakes/fakeExcel";
import { statementPlan, tallSheet, tenSheetWorkbook } from "./fixtures";

const FIVE_MB = 5 * 1024 * 1024;

function userWorkbook(): WorkbookGrid {
  return {
    sheets: [
      { name: "Budget", values: [["Pay", 1000, "=not mine"]] },
      { name: "Workforce", values: [["Officers", 1650]] },
    ],
  };
}

function sheetOf(fake: FakeExcel, name: string): FakeSheetModel {
  const s = fake.model.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Every (row, col, value) the plan writes on a sheet. */
function planned(plan: SheetPlan): [number, number, string | number | boolean | null][] {
  const out: [number, number, string | number | boolean | null][] = [];
  for (const b of plan.blocks)
    b.values.forEach((row, i) => row.forEach((v, j) => out.push([b.top + i, b.left + j, v])));
  return out;
}

describe("writing the statement (the Excel renderer's plan: three sheets, two charts)", () => {
  const plan = statementPlan();
  const fake = FakeExcel.fromGrid(userWorkbook());
  const before = fake.model.sheets.map((s) => s.snapshot());
  const gateway = new OfficeGateway(fake.run);
  let result: Awaited<ReturnType<OfficeGateway["applyWritePlan"]>>;
  beforeAll(async () => {
    result = await gateway.applyWritePlan(plan);
  });

  test("takes four syncs in one Excel.run: learn, values, formats, page layout and chart styling", () => {
    expect(fake.runs).toBe(1);
    expect(fake.syncCount).toBe(4);
    for (const r of fake.requests) expect(r.requestBytes).toBeLessThan(FIVE_MB);
  });

  test("suspends calculation while writing values and recalculates once the cells are in", () => {
    const [learn, values, formats, cosmetics] = fake.requests;
    expect(learn.calculationSuspended).toBe(false);
    expect(values.calculationSuspended && values.screenUpdatingSuspended).toBe(true);
    // The last formatting request recalculates (Excel leaves that to the add-in after a
    // suspension), so it does not suspend calculation itself.
    expect(formats.screenUpdatingSuspended).toBe(true);
    expect(formats.calculationSuspended).toBe(false);
    expect(fake.model.calculations).toBe(1);
    expect(cosmetics.screenUpdatingSuspended).toBe(true);
  });

  test("reports where each sheet went", () => {
    expect(result.sheets).toEqual([
      { planned: "VfM Statement", actual: "VfM Statement", replaces: false },
      { planned: "VfM Charts", actual: "VfM Charts", replaces: false },
      { planned: "VfM Working Papers", actual: "VfM Working Papers", replaces: false },
    ]);
  });

  test("every planned value is in its cell, text as text", () => {
    for (const sp of plan.sheets) {
      const s = sheetOf(fake, sp.name);
      for (const [r, c, v] of planned(sp)) {
        expect([sp.name, r, c, s.cell(r, c)]).toEqual([sp.name, r, c, v === "" ? null : v]);
        if (typeof v === "string") expect(s.formulas.has(`${r},${c}`)).toBe(false);
      }
    }
  });

  test("number formats of figures are the plan's; text cells are Text", () => {
    const sp = plan.sheets[0];
    const s = sheetOf(fake, sp.name);
    let checked = 0;
    for (const b of sp.blocks)
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const f = b.numberFormats?.[i]?.[j];
          if (typeof v === "number" && f) {
            expect(s.format(b.top + i, b.left + j)).toBe(f);
            checked++;
          }
          // Text is kept literal with "@", except text too long for a Text cell (desktop Excel
          // shows it as #####), which is written under the plan's format instead.
          if (typeof v === "string" && v.length <= TEXT_FORMAT_MAX_CHARS)
            expect(s.format(b.top + i, b.left + j)).toBe("@");
        })
      );
    expect(checked).toBeGreaterThan(10);
  });

  test("styles, merges, widths, freeze panes and page layout are applied", () => {
    const sp = plan.sheets[0];
    const s = sheetOf(fake, sp.name);
    for (const st of sp.styles ?? []) {
      if (st.style.bold !== undefined)
        expect(s.styleAt(st.range.top, st.range.left, "font.bold")).toBeDefined();
      if (st.style.fill) expect(s.styleAt(st.range.top, st.range.left, "fill.color")).toBeDefined();
    }
    expect(s.merges).toEqual(sp.merges ?? []);
    // Column A is 36 characters: (36 * 7 + 5) * 0.75 = 192.75 points.
    expect(s.columnWidths.get(0)).toBe(((sp.columnWidths?.[0] ?? 0) * 7 + 5) * 0.75);
    expect(s.page.orientation).toBe("Portrait");
    expect(s.page.paperSize).toBe("A4");
    const right = String.fromCharCode(65 + (sp.page?.printArea?.right ?? 8));
    expect(s.page.printArea).toBe(`A1:${right}${(sp.page?.printArea?.bottom ?? 0) + 1}`);
    expect(s.page.fitToWidth).toBe(true);
    if (sp.freeze) expect(s.freeze).toEqual(sp.freeze);
  });

  test("native charts with titles, positions, axis formats and a dashed threshold line", () => {
    const chartsPlan = plan.sheets[1];
    const s = sheetOf(fake, chartsPlan.name);
    expect(s.charts.map((c) => c.type)).toEqual(
      (chartsPlan.charts ?? []).map((c) =>
        c.type === "barClustered"
          ? "BarClustered"
          : c.type === "columnClustered"
            ? "ColumnClustered"
            : c.type === "line"
              ? "Line"
              : "LineMarkers"
      )
    );
    (chartsPlan.charts ?? []).forEach((cp, i) => {
      const c = s.charts[i];
      expect(c.title).toBe(cp.title);
      expect(c.name).toBe(chartName(cp.altText));
      expect(c.position?.start).toMatch(/^[A-Z]+\d+$/);
      if (cp.valueAxisFormat) expect(c.valueAxisNumberFormat).toBe(cp.valueAxisFormat);
      expect(c.valueAxisMaximum).toBe(cp.valueAxisMaximum);
      expect(c.source.sheet.name).toBe(chartsPlan.name);
      for (const style of cp.seriesStyles ?? []) {
        const series = c.series.find((x) => x.name === style.name);
        expect(series).toBeDefined();
        if (style.dashed) expect(series?.lineStyle).toBe("Dash");
        if (style.asLine) expect(series?.chartType).toBe("Line");
        if (style.color) expect(series?.lineColor).toBe(style.color);
      }
    });
    const dashed = s.charts.flatMap((c) => c.series).filter((x) => x.lineStyle === "Dash");
    expect(dashed.length).toBe(2);
  });

  test("the new sheets carry ownership marks; the statement is shown", () => {
    expect(fake.model.ownedSheetNames().sort()).toEqual([
      "vfm charts",
      "vfm statement",
      "vfm working papers",
    ]);
    expect(fake.model.names.map((n) => n.name).sort()).toEqual([
      "_vfm_owned_charts_1",
      "_vfm_owned_papers_1",
      "_vfm_owned_statement_1",
    ]);
    expect(fake.model.active?.name).toBe("VfM Statement");
  });

  test("the user's sheets are untouched", () => {
    expect(fake.model.sheets.slice(0, 2).map((s) => s.snapshot())).toEqual(before);
  });

  test("a second run replaces the add-in's sheets in place, still in three syncs", async () => {
    const syncs = fake.syncCount;
    const statementId = sheetOf(fake, "VfM Statement").id;
    const second = await gateway.applyWritePlan(plan);
    expect(fake.syncCount - syncs).toBe(4);
    expect(second.sheets.map((d) => [d.actual, d.replaces])).toEqual([
      ["VfM Statement", true],
      ["VfM Charts", true],
      ["VfM Working Papers", true],
    ]);
    // The same sheet, cleared and rewritten: no duplicate charts, marks or sheets.
    expect(sheetOf(fake, "VfM Statement").id).toBe(statementId);
    expect(sheetOf(fake, "VfM Charts").charts.filter((c) => !c.deleted).length).toBe(2);
    expect(fake.model.sheets.filter((s) => !s.deleted).length).toBe(5);
    expect(fake.model.names.length).toBe(3);
    expect(fake.model.sheets.slice(0, 2).map((s) => s.snapshot())).toEqual(before);
  });
});

describe("literal text", () => {
  const tricky = [
    "=SUM(A1:A3)",
    "+44 20 7946 0000",
    "-5",
    "@home",
    "1,000",
    "2010/11",
    "TRUE",
    "12%",
    "'quoted",
  ];

  test("(the fake types text as Excel does, so these would change if written plainly)", () => {
    expect(tricky.filter((t) => typedEntry(t).value !== t)).toEqual(tricky);
    expect(tricky.filter(looksLikeFormula)).toEqual([
      "=SUM(A1:A3)",
      "+44 20 7946 0000",
      "-5",
      "@home",
    ]);
  });

  test("every label arrives as those characters, never a formula, number or date", async () => {
    const fake = FakeExcel.fromGrid(userWorkbook());
    const plan: WritePlan = {
      sheets: [
        {
          name: "VfM Findings",
          role: "findings",
          mode: "replace",
          blocks: [{ top: 1, left: 1, values: tricky.map((t) => [t, 42]) }],
        },
      ],
    };
    await new OfficeGateway(fake.run).applyWritePlan(plan);
    const s = sheetOf(fake, "VfM Findings");
    tricky.forEach((t, i) => {
      expect(s.cell(1 + i, 1)).toBe(t);
      expect(s.formulas.has(`${1 + i},1`)).toBe(false);
      expect(s.quotePrefixed.has(`${1 + i},1`)).toBe(false);
      expect(s.cell(1 + i, 2)).toBe(42);
    });
    // And it reads back the same through the gateway.
    const grid = await new OfficeGateway(fake.run).readWorkbook();
    expect(grid.sheets[2].values.slice(1).map((r) => r[1])).toEqual(tricky);
  });
});

describe("user sheets are never replaced", () => {
  test("a user sheet with the planned name keeps it; the add-in writes 'Name (2)'", async () => {
    const fake = FakeExcel.fromGrid({
      sheets: [{ name: "VfM Statement", values: [["My own notes"]] }, ...userWorkbook().sheets],
    });
    const before = fake.model.sheets.map((s) => s.snapshot());
    const result = await new OfficeGateway(fake.run).applyWritePlan(statementPlan());
    expect(result.sheets[0]).toMatchObject({
      planned: "VfM Statement",
      actual: "VfM Statement (2)",
      replaces: false,
    });
    expect(result.sheets[0].note).toMatch(/left untouched/);
    expect(fake.model.sheets.slice(0, 3).map((s) => s.snapshot())).toEqual(before);
    expect(sheetOf(fake, "VfM Statement (2)").cell(0, 0)).toBe(
      statementPlan().sheets[0].blocks[0].values[0][0]
    );
    expect(fake.model.active?.name).toBe("VfM Statement (2)");
  });

  test("a createOnly sheet is not written over; nothing of its plan is written", async () => {
    const fake = FakeExcel.fromGrid({ sheets: [{ name: "Inputs", values: [["mine"]] }] });
    const result = await new OfficeGateway(fake.run).applyWritePlan({
      sheets: [
        {
          name: "Inputs",
          role: "input",
          mode: "createOnly",
          blocks: [{ top: 0, left: 0, values: [["template"]] }],
        },
      ],
    });
    expect(result.sheets[0].actual).toBeUndefined();
    expect(sheetOf(fake, "Inputs").cell(0, 0)).toBe("mine");
  });
});

describe("the input template", () => {
  test("is created with an Excel table named as planned (made valid and unique)", async () => {
    const fake = FakeExcel.fromGrid({ sheets: [{ name: "Budget", values: [["x"]] }] });
    fake.model.tables.push({
      name: "Input_data",
      sheet: fake.model.sheets[0],
      rect: { top: 5, left: 5, bottom: 6, right: 6 },
      hasHeaders: true,
    });
    await new OfficeGateway(fake.run).applyWritePlan({
      sheets: [
        {
          name: "Input data",
          role: "input",
          mode: "createOnly",
          blocks: [
            {
              top: 0,
              left: 0,
              values: [
                ["Year", "Paybill"],
                ["2010/11", null],
              ],
            },
          ],
          tables: [{ name: "Input data", range: { top: 0, left: 0, bottom: 1, right: 1 } }],
          freeze: { rows: 1, columns: 0 },
          tabColor: "#1F3864",
        },
      ],
    });
    const s = sheetOf(fake, "Input data");
    expect(fake.model.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ["Input_data", "Budget"],
      ["Input_data_2", "Input data"],
    ]);
    expect(s.freeze).toEqual({ rows: 1, columns: 0 });
    expect(s.tabColor).toBe("#1F3864");
    // "2010/11" stays text (it is not November 2010).
    expect(s.cell(1, 0)).toBe("2010/11");
  });
});

describe("a large table", () => {
  test("is written in chunks under the limit: one sync per chunk between learning and formatting", async () => {
    const fake = FakeExcel.fromGrid(userWorkbook(), { maxRequestBytes: FIVE_MB });
    const ledger = tallSheet("Data", 120_000);
    const plan: WritePlan = {
      sheets: [
        {
          name: "VfM Data",
          role: "data",
          mode: "replace",
          blocks: [
            {
              top: 0,
              left: 0,
              values: ledger.values as (string | number)[][],
              numberFormats: ledger.numberFormats,
            },
          ],
          styles: [{ range: { top: 0, left: 0, bottom: 0, right: 7 }, style: { bold: true } }],
        },
      ],
    };
    await new OfficeGateway(fake.run).applyWritePlan(plan);
    const writes = fake.requests.filter((r) => r.requestBytes > 1_000_000);
    // 120,000 rows of about 50 bytes of values (the formats are one operation per column):
    // 6 MB, so at least two chunks under the 4 MB planned per request.
    expect(writes.length).toBeGreaterThanOrEqual(2);
    // Learn, the chunks, the formatting (no page layout or charts: no step for them).
    expect(fake.syncCount).toBe(2 + writes.length);
    for (const r of fake.requests) expect(r.requestBytes).toBeLessThan(4_000_000);
    const s = sheetOf(fake, "VfM Data");
    expect(s.cell(119_999, 0)).toBe("T119999");
    expect(s.cell(119_999, 7)).toBe(ledger.values[119_999][7]);
  });
});

describe("settings", () => {
  test("round-trip through the very hidden settings sheet, so a second run asks nothing", async () => {
    const fake = FakeExcel.fromGrid(userWorkbook());
    const gateway = new OfficeGateway(fake.run);
    expect(await gateway.loadSettings()).toEqual({});
    const settings = {
      mapping: { overtime: "Budget!B7" },
      overrides: { overtimeShare: 0.04 },
      note: "=not a formula",
      big: "x".repeat(70_000),
    };
    await gateway.saveSettings(settings);
    const s = sheetOf(fake, "_vfm_settings");
    expect(s.visibility).toBe("VeryHidden");
    expect(s.cell(0, 0)).toBe(SETTINGS_SIGNATURE);
    expect(fake.model.ownedSheetNames()).toEqual(["_vfm_settings"]);
    // A fresh gateway on the same workbook (a second run) finds them.
    expect(await new OfficeGateway(fake.run).loadSettings()).toEqual(settings);
    // Saving again rewrites the same sheet.
    await gateway.saveSettings({ mapping: {} });
    expect(await gateway.loadSettings()).toEqual({ mapping: {} });
    expect(fake.model.sheets.filter((x) => !x.deleted).length).toBe(3);
    // The user's sheets are untouched, and the settings sheet is read as the add-in's.
    const grid = await gateway.readWorkbook();
    expect(grid.sheets.map((x) => [x.name, x.addinOwned, x.visibility])).toEqual([
      ["Budget", false, "visible"],
      ["Workforce", false, "visible"],
      ["_vfm_settings", true, "veryHidden"],
    ]);
  });

  test("a user sheet called _vfm_settings is not taken for the settings", async () => {
    const fake = FakeExcel.fromGrid({
      sheets: [{ name: "_vfm_settings", values: [[SETTINGS_SIGNATURE, "1"], ['{"a":1}']] }],
    });
    const gateway = new OfficeGateway(fake.run);
    expect(await gateway.loadSettings()).toEqual({});
    await gateway.saveSettings({ a: 2 });
    expect(sheetOf(fake, "_vfm_settings").cell(1, 0)).toBe('{"a":1}');
    expect(await gateway.loadSettings()).toEqual({ a: 2 });
    expect(fake.model.sheet("_vfm_settings (2)")?.visibility).toBe("VeryHidden");
  });

  test("settings that are not plain data are refused in plain English", async () => {
    const fake = FakeExcel.fromGrid(userWorkbook());
    const bad = { when: new Date() } as unknown as Record<string, string>;
    await expect(new OfficeGateway(fake.run).saveSettings(bad)).rejects.toThrow(/not plain data/);
    expect(fake.syncCount).toBe(0);
  });
});

describe("selecting and activating", () => {
  test("selectCell activates the sheet and selects the cell", async () => {
    const fake = FakeExcel.fromGrid(tenSheetWorkbook());
    await new OfficeGateway(fake.run).selectCell({ sheet: "Overtime", address: "$c$7" });
    expect(fake.model.active?.name).toBe("Overtime");
    expect(fake.model.selection?.rect).toEqual({ top: 6, left: 2, bottom: 6, right: 2 });
    expect(fake.syncCount).toBe(2);
  });

  test("a cell on a hidden sheet or a missing sheet is a plain-English error", async () => {
    const fake = FakeExcel.fromGrid(tenSheetWorkbook());
    const gateway = new OfficeGateway(fake.run);
    await expect(gateway.selectCell({ sheet: "Offset 'data'", address: "C5" })).rejects.toThrow(
      `The cell C5 is on the hidden sheet "Offset 'data'". Unhide the sheet to see it.`
    );
    const missing = await gateway
      .selectCell({ sheet: "Gone", address: "A1" })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OfficeGatewayError);
    expect((missing as OfficeGatewayError).code).toBe("ItemNotFound");
    expect((missing as Error).message).toMatch(/could not find the sheet "Gone" \(Gone!A1\)/);
    await expect(
      gateway.selectCell({ sheet: "Budget", address: "not a cell" })
    ).rejects.toBeInstanceOf(GatewayError);
    await expect(gateway.activateSheet("Offset 'data'")).rejects.toThrow(/is hidden/);
    await gateway.activateSheet("Notes");
    expect(fake.model.active?.name).toBe("Notes");
  });
});

describe("a ranked chart of every force", () => {
  test("stops its scale below an outlier and labels every force, not every second one", async () => {
    const fake = FakeExcel.fromGrid(userWorkbook());
    const names = Array.from({ length: 43 }, (_v, k) => [
      `Force ${k + 1}`,
      k === 42 ? 67.45 : 2 + k / 100,
    ]);
    await new OfficeGateway(fake.run).applyWritePlan({
      sheets: [
        {
          name: "VfM Charts",
          role: "charts",
          mode: "replace",
          blocks: [{ top: 0, left: 0, values: [["Force", "Officers per 1,000"], ...names] }],
          charts: [
            {
              type: "columnClustered",
              title: "Officers per 1,000: forces ranked",
              dataRange: { top: 0, left: 0, bottom: 43, right: 1 },
              position: { top: 0, left: 3, bottom: 20, right: 10 },
              valueAxisMaximum: 4.5,
              labelEveryCategory: true,
              altText: "Column chart ranking 43 forces.",
            },
          ],
        },
      ],
    });
    const chart = sheetOf(fake, "VfM Charts").charts[0];
    expect(chart.valueAxisMaximum).toBe(4.5);
    expect(chart.categoryTickLabelSpacing).toBe(1);
  });
});

describe("errors while writing", () => {
  test("a protected add-in sheet gives AccessDenied in plain English naming the sheet", async () => {
    const fake = FakeExcel.fromGrid(userWorkbook());
    const gateway = new OfficeGateway(fake.run);
    await gateway.applyWritePlan(statementPlan());
    sheetOf(fake, "VfM Statement").isProtected = true;
    const err = await gateway.applyWritePlan(statementPlan()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeGatewayError);
    expect((err as OfficeGatewayError).code).toBe("AccessDenied");
    expect((err as Error).message).toBe(
      `Excel did not allow the add-in to change anything on the sheets "VfM Statement", "VfM Charts" and "VfM Working Papers": the workbook or the sheet is protected, shared read-only, or opened in view mode. Unprotect it or save an editable copy, then retry.`
    );
    expect((err as OfficeGatewayError).where).toBe("VfM Statement, VfM Charts, VfM Working Papers");
  });

  test("a plan Excel would refuse is refused before anything is written", async () => {
    const fake = FakeExcel.fromGrid(userWorkbook());
    const err = await new OfficeGateway(fake.run)
      .applyWritePlan({
        sheets: [{ name: "Bad/name", role: "statement", mode: "replace", blocks: [] }],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as Error).message).toMatch(/"Bad\/name" contains a character Excel does not allow/);
    expect(fake.syncCount).toBe(0);
  });

  test("a chart whose data sheet does not exist is refused after one sync, before writing", async () => {
    const fake = FakeExcel.fromGrid(userWorkbook());
    const plan: WritePlan = {
      sheets: [
        {
          name: "VfM Charts",
          role: "charts",
          mode: "replace",
          blocks: [],
          charts: [
            {
              type: "line",
              title: "t",
              dataSheet: "Nowhere",
              dataRange: { top: 0, left: 0, bottom: 2, right: 1 },
              position: { top: 0, left: 3, bottom: 10, right: 9 },
              altText: "a",
            },
          ],
        },
      ],
    };
    await expect(new OfficeGateway(fake.run).applyWritePlan(plan)).rejects.toThrow(
      /"Nowhere", which is not in the workbook/
    );
    expect(fake.syncCount).toBe(1);
    expect(fake.model.sheet("VfM Charts")).toBeUndefined();
  });

  test("cancelling before the write asks Excel nothing", async () => {
    const fake = FakeExcel.fromGrid(userWorkbook());
    await expect(
      new OfficeGateway(fake.run).applyWritePlan(statementPlan(), { cancel: { aborted: true } })
    ).rejects.toBeInstanceOf(CancelledError);
    expect(fake.syncCount).toBe(0);
  });
});
