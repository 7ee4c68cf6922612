import { CellRef, WorkbookGrid, findSheet } from "../../src/core/grid";
import { MemoryGateway, MemoryGatewayEvent } from "../../src/preview/memoryGateway";
import { gridToXlsx } from "../../src/xlsx/write";
import { comparable, runGatewayContract, statementPlan, userWorkbook } from "./contractSuite";

runGatewayContract("MemoryGateway", async (initial) => new MemoryGateway(initial));

// The same contract, with the workbook going through an .xlsx file first (the preview's path).
runGatewayContract("MemoryGateway.fromXlsx", async (initial) =>
  MemoryGateway.fromXlsx(await gridToXlsx(initial), "workbook.xlsx")
);

describe("MemoryGateway: what the preview page relies on", () => {
  test("subscribers hear changes, highlights and the sheet shown, until they unsubscribe", async () => {
    const gateway = new MemoryGateway(userWorkbook());
    const events: MemoryGatewayEvent[] = [];
    const stop = gateway.subscribe((e) => events.push(e));
    await gateway.applyWritePlan(statementPlan());
    await gateway.selectCell({ sheet: "budget", address: "$c$4" });
    await gateway.activateSheet("Workforce");
    stop();
    await gateway.activateSheet("Budget");
    const highlight: CellRef = { sheet: "Budget", address: "C4" };
    expect(events).toEqual([
      { type: "changed" },
      { type: "activate", sheet: "VfM Statement (2)" },
      { type: "highlight", ref: highlight },
      { type: "activate", sheet: "Workforce" },
    ]);
    expect(gateway.highlight).toEqual(highlight);
    expect(gateway.activeSheet).toBe("Budget");
  });

  test("keeps each add-in sheet's look for the preview grid, with chart data on the sheet written", async () => {
    const gateway = new MemoryGateway(userWorkbook());
    await gateway.applyWritePlan(statementPlan());
    const look = gateway.sheetPresentation("VfM Statement (2)");
    expect(look).toMatchObject({
      role: "statement",
      columnWidths: [40, 14, 14],
      freeze: { rows: 1, columns: 0 },
      page: { orientation: "portrait", paper: "A4" },
      styles: [{ range: { top: 0, left: 0, bottom: 0, right: 2 }, style: { bold: true } }],
    });
    expect(gateway.sheetPresentation("VfM Charts")?.charts?.[0]).toMatchObject({
      title: "Overtime as a share of officer pay",
      dataSheet: "VfM Charts",
    });
    // The user's own "VfM Statement" has no add-in look.
    expect(gateway.sheetPresentation("VfM Statement")).toBeUndefined();
  });

  test("a chart whose data sit on a renamed plan sheet points at the name actually used", async () => {
    const gateway = new MemoryGateway(userWorkbook());
    const plan = statementPlan();
    await gateway.applyWritePlan({
      sheets: [
        plan.sheets[0],
        {
          ...plan.sheets[1],
          charts: plan.sheets[1].charts?.map((c) => ({ ...c, dataSheet: "VfM Statement" })),
        },
      ],
    });
    expect(gateway.sheetPresentation("VfM Charts")?.charts?.[0].dataSheet).toBe(
      "VfM Statement (2)"
    );
  });

  test("toGrid is cheap (shares sheets) but readWorkbook gives a copy", async () => {
    const gateway = new MemoryGateway(userWorkbook());
    expect(gateway.toGrid().sheets[0]).toBe(gateway.toGrid().sheets[0]);
    expect((await gateway.readWorkbook()).sheets[0]).not.toBe(gateway.toGrid().sheets[0]);
    // The initial grid is copied too: changing it later changes nothing.
    const initial = userWorkbook();
    const g2 = new MemoryGateway(initial);
    (initial.sheets[0].values[2] as unknown[])[1] = 0;
    expect(g2.toGrid().sheets[0].values[2][1]).toBe(98000);
  });

  test("a large sheet is read in steps, with progress per step, and can be cancelled midway", async () => {
    const big: WorkbookGrid = {
      sheets: [{ name: "Ledger", values: Array.from({ length: 2500 }, (_, i) => [`PO-${i}`, i]) }],
    };
    const gateway = new MemoryGateway(big, { rowsPerStep: 1000 });
    const labels: string[] = [];
    const grid = await gateway.readWorkbook({ onProgress: (p) => labels.push(p.label ?? "") });
    expect(grid.sheets[0].values).toHaveLength(2500);
    expect(grid.sheets[0].values[2499]).toEqual(["PO-2499", 2499]);
    expect(labels).toEqual([
      "Reading the workbook",
      "Ledger (rows 1-1,000)",
      "Ledger (rows 1,001-2,000)",
      "Ledger (rows 2,001-2,500)",
      "Ledger",
    ]);
    const cancel = { aborted: false };
    const reading = gateway.readWorkbook({
      cancel,
      onProgress: (p) => {
        if (p.done >= 1000) cancel.aborted = true;
      },
    });
    await expect(reading).rejects.toThrow("Cancelled.");
  });

  test("cells on hidden sheets cannot be selected: the error says how to see them", async () => {
    const gateway = new MemoryGateway(userWorkbook());
    await expect(gateway.selectCell({ sheet: "Lookups", address: "A2" })).rejects.toThrow(
      /hidden sheet "Lookups"\. Unhide/
    );
  });

  test("toXlsx then fromXlsx keeps the user's sheets, the add-in's sheets and the settings", async () => {
    const gateway = new MemoryGateway(userWorkbook());
    await gateway.applyWritePlan(statementPlan());
    await gateway.saveSettings({ units: "£000", confirmed: true });
    const reopened = await MemoryGateway.fromXlsx(await gateway.toXlsx(), "saved.xlsx");
    expect(await reopened.loadSettings()).toEqual({ units: "£000", confirmed: true });
    const before = gateway.toGrid();
    const after = reopened.toGrid();
    const notCharts = (g: WorkbookGrid) =>
      g.sheets.filter((s) => s.name !== "VfM Charts").map(comparable);
    expect(notCharts(after)).toEqual(notCharts(before));
    expect(findSheet(after, "VfM Statement (2)")?.addinOwned).toBe(true);
    // ExcelJS cannot draw charts: the file holds the chart's data, and its title where it sits.
    const charts = comparable(findSheet(after, "VfM Charts")!);
    expect(charts.values.slice(0, 3)).toEqual(comparable(findSheet(before, "VfM Charts")!).values);
    expect(charts.values[4]).toEqual(["Overtime as a share of officer pay"]);
    // The settings sheet is very hidden and marked as the add-in's data.
    const settings = after.sheets.find((s) => s.visibility === "veryHidden");
    expect(settings).toMatchObject({ name: "_vfm_settings", addinOwned: true });
    // A re-run on the reopened workbook still recognises the add-in's sheets.
    const rerun = await reopened.applyWritePlan(statementPlan("Again"));
    expect(rerun.sheets.map((d) => [d.actual, d.replaces])).toEqual([
      ["VfM Statement (2)", true],
      ["VfM Charts", true],
    ]);
  });

  test("settings never take the name of a user's sheet", async () => {
    const gateway = new MemoryGateway({
      sheets: [{ name: "_vfm_settings", values: [["mine"]] }],
    });
    await gateway.saveSettings({ a: 1 });
    const grid = gateway.toGrid();
    expect(grid.sheets.map((s) => [s.name, !!s.addinOwned])).toEqual([
      ["_vfm_settings", false],
      ["_vfm_settings (2)", true],
    ]);
    expect(grid.sheets[0].values).toEqual([["mine"]]);
    expect(await gateway.loadSettings()).toEqual({ a: 1 });
  });
});
