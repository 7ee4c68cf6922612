/**
 * The workbook gateway contract: ONE suite that every gateway passes, the in-memory preview
 * (test/gateway/memoryGateway.test.ts) and the Office.js gateway on its fake Excel. It uses only
 * the WorkbookGateway interface, so it holds for either:
 * - values are text, numbers, booleans, error values and null (no Dates: Office.js returns dates
 *   as serial numbers);
 * - a number format of "General" counts as no format, and formats are compared on number cells
 *   only (a gateway may give text cells the text format "@" to keep them literal);
 * - trailing empty cells and rows are not compared; sheet order is not compared except that user
 *   sheets keep theirs.
 */
import {
  CancelledError,
  GatewayError,
  StoredSettings,
  WorkbookGateway,
} from "../../src/core/gateway";
import { CellValue, SheetGrid, WorkbookGrid, a1, findSheet } from "../../src/core/grid";
import { SheetPlan, WritePlan, resolveSheetNames } from "../../src/core/writePlan";

export type MakeGateway = (initial: WorkbookGrid) => Promise<WorkbookGateway>;

/** A force's own workbook: the sheets the add-in must never change. */
export function userWorkbook(): WorkbookGrid {
  return {
    sheets: [
      {
        name: "Budget",
        values: [
          ["Exampleshire Constabulary: revenue budget (£000), illustrative"],
          ["Line", "2008/09", "2009/10", "Notes"],
          ["Police officer pay", 98000, 99500, "=incl. allowances"],
          ["Police officer overtime", 5200, 5500, null],
          ["Total", 103200, 105000, null],
          ["Hidden working", 1, 2, "+check"],
          ["Error cell", { error: "#REF!" }, true, "@ref"],
        ],
        numberFormats: [
          [],
          [],
          [undefined, "#,##0", "#,##0"],
          [undefined, "#,##0", "#,##0"],
          [undefined, "#,##0", "#,##0"],
          [undefined, "0.0", "0.0"],
        ],
        formulas: [[], [], [], [], [undefined, "=SUM(B3:B4)", "=SUM(C3:C4)"]],
        merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
        hiddenRows: [5],
      },
      {
        name: "Workforce",
        values: [
          ["Function", "FTE", "Share"],
          ["HR", 120.5, 0.021],
          ["Finance", 64, 0.011],
        ],
        numberFormats: [[], [undefined, "0.0", "0.0%"], [undefined, "0.0", "0.0%"]],
      },
      {
        // A user sheet that happens to have the statement's name.
        name: "VfM Statement",
        values: [["My own notes for the statement"], ["Draft", 1]],
      },
      {
        name: "Lookups",
        values: [
          ["Code", "Meaning"],
          ["A", "Actual"],
        ],
        visibility: "hidden",
      },
    ],
  };
}

/** A workbook where the add-in has already written its charts sheet on an earlier run. */
export function workbookWithAddinSheet(): WorkbookGrid {
  const base = userWorkbook();
  return {
    sheets: [
      ...base.sheets.filter((s) => s.name !== "VfM Statement"),
      { name: "VfM Charts", values: [["Old chart data"], ["2007/08", 0.06]], addinOwned: true },
    ],
  };
}

function statementSheet(name: string, rows: (string | number | boolean | null)[][]): SheetPlan {
  return {
    name,
    role: "statement",
    mode: "replace",
    blocks: [{ top: 0, left: 0, values: rows }],
    styles: [{ range: { top: 0, left: 0, bottom: 0, right: 2 }, style: { bold: true } }],
    columnWidths: [40, 14, 14],
    freeze: { rows: 1, columns: 0 },
    page: { orientation: "portrait", paper: "A4" },
  };
}

export function statementPlan(title = "Value for Money Statement 2010/11"): WritePlan {
  return {
    activate: "VfM Statement",
    sheets: [
      statementSheet("VfM Statement", [
        [title, null, null],
        ["Area", "Planned", "Actual"],
        ["Overtime", 250000, 198000.5],
        ["Support services", 410000, 0],
        ["Total", 660000, 198000.5],
      ]),
      {
        name: "VfM Charts",
        role: "charts",
        mode: "replace",
        blocks: [
          {
            top: 0,
            left: 0,
            values: [
              ["Year", "Overtime %", "Threshold"],
              ["2008/09", 0.052, 0.04],
              ["2009/10", 0.049, 0.04],
            ],
            numberFormats: [[], [undefined, "0.0%", "0.0%"], [undefined, "0.0%", "0.0%"]],
          },
        ],
        charts: [
          {
            type: "line",
            title: "Overtime as a share of officer pay",
            dataRange: { top: 0, left: 0, bottom: 2, right: 2 },
            position: { top: 4, left: 0, bottom: 18, right: 6 },
            altText: "Overtime falls from 5.2% to 4.9% of officer pay, against the 4% line.",
          },
        ],
      },
    ],
  };
}

/** A sheet reduced to what every gateway reports the same way. */
interface Comparable {
  name: string;
  visibility: string;
  addinOwned: boolean;
  values: CellValue[][];
  formulas: Record<string, string>;
  numberFormats: Record<string, string>;
  merges: string[];
  hiddenRows: number[];
}

export function comparable(sheet: SheetGrid): Comparable {
  const values = sheet.values.map((row) => {
    const r = (row ?? []).map((v) => (v === undefined ? null : v));
    while (r.length && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (values.length && values[values.length - 1].length === 0) values.pop();
  const formulas: Record<string, string> = {};
  sheet.formulas?.forEach((row, r) =>
    row?.forEach((f, c) => {
      if (f) formulas[a1(r, c)] = f;
    })
  );
  const numberFormats: Record<string, string> = {};
  sheet.numberFormats?.forEach((row, r) =>
    row?.forEach((f, c) => {
      if (f && f !== "General" && typeof values[r]?.[c] === "number") numberFormats[a1(r, c)] = f;
    })
  );
  return {
    name: sheet.name,
    visibility: sheet.visibility ?? "visible",
    addinOwned: !!sheet.addinOwned,
    values,
    formulas,
    numberFormats,
    merges: (sheet.merges ?? []).map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort(),
    hiddenRows: [...(sheet.hiddenRows ?? [])].sort((a, b) => a - b),
  };
}

function userSheets(grid: WorkbookGrid): Comparable[] {
  return grid.sheets.filter((s) => !s.addinOwned).map(comparable);
}

function get(grid: WorkbookGrid, name: string): SheetGrid {
  const s = findSheet(grid, name);
  if (!s)
    throw new Error(
      `The workbook has no sheet "${name}"; it has ${grid.sheets.map((x) => x.name).join(", ")}.`
    );
  return s;
}

function aborted(): { aborted: boolean } {
  return { aborted: true };
}

export function runGatewayContract(name: string, makeGateway: MakeGateway): void {
  describe(`${name}: the workbook gateway contract`, () => {
    describe("reading", () => {
      test("every sheet's values, formulas, number formats, merges, hidden rows and visibility", async () => {
        const initial = userWorkbook();
        const gateway = await makeGateway(initial);
        const grid = await gateway.readWorkbook();
        expect(grid.sheets.map((s) => s.name)).toEqual([
          "Budget",
          "Workforce",
          "VfM Statement",
          "Lookups",
        ]);
        expect(grid.sheets.map(comparable)).toEqual(initial.sheets.map(comparable));
      });

      test("reports progress as it reads, ending with all done", async () => {
        const gateway = await makeGateway(userWorkbook());
        const seen: { phase: string; done: number; total: number }[] = [];
        await gateway.readWorkbook({ onProgress: (p) => seen.push(p) });
        expect(seen.length).toBeGreaterThan(0);
        expect(seen.every((p) => p.phase === "reading" && p.done <= p.total)).toBe(true);
        const last = seen[seen.length - 1];
        expect(last.done).toBe(last.total);
      });

      test("a cancelled read stops with CancelledError", async () => {
        const gateway = await makeGateway(userWorkbook());
        await expect(gateway.readWorkbook({ cancel: aborted() })).rejects.toBeInstanceOf(
          CancelledError
        );
      });

      test("what it returns is a copy: changing it changes nothing in the workbook", async () => {
        const gateway = await makeGateway(userWorkbook());
        const first = await gateway.readWorkbook();
        (first.sheets[0].values[2] as CellValue[])[1] = 1;
        const again = await gateway.readWorkbook();
        expect(again.sheets[0].values[2][1]).toBe(98000);
      });
    });

    describe("writing a plan", () => {
      test("creates the add-in's sheets, marked as the add-in's, and says where it wrote", async () => {
        const gateway = await makeGateway(workbookWithAddinSheet());
        const before = await gateway.readWorkbook();
        const plan = statementPlan();
        const result = await gateway.applyWritePlan(plan);
        expect(result.sheets).toEqual(
          resolveSheetNames(
            plan,
            before.sheets.map((s) => ({ name: s.name, addinOwned: !!s.addinOwned }))
          )
        );
        const after = await gateway.readWorkbook();
        const statement = comparable(get(after, "VfM Statement"));
        expect(statement.addinOwned).toBe(true);
        expect(statement.values).toEqual([
          ["Value for Money Statement 2010/11"],
          ["Area", "Planned", "Actual"],
          ["Overtime", 250000, 198000.5],
          ["Support services", 410000, 0],
          ["Total", 660000, 198000.5],
        ]);
        expect(statement.formulas).toEqual({});
        const charts = comparable(get(after, "VfM Charts"));
        expect(charts.addinOwned).toBe(true);
        expect(charts.values[1]).toEqual(["2008/09", 0.052, 0.04]);
        expect(charts.numberFormats).toEqual({ B2: "0.0%", C2: "0.0%", B3: "0.0%", C3: "0.0%" });
        expect(userSheets(after)).toEqual(userSheets(before));
      });

      test("a re-run replaces only the add-in's own sheets, leaving nothing of the old content", async () => {
        const gateway = await makeGateway(workbookWithAddinSheet());
        const before = await gateway.readWorkbook();
        // The charts sheet from an earlier run is replaced in place, not duplicated.
        await gateway.applyWritePlan(statementPlan("First run"));
        const shorter: WritePlan = {
          sheets: [statementSheet("VfM Statement", [["Second run"], ["Area", "Planned"]])],
        };
        const result = await gateway.applyWritePlan(shorter);
        expect(result.sheets).toEqual([
          { planned: "VfM Statement", actual: "VfM Statement", replaces: true },
        ]);
        const after = await gateway.readWorkbook();
        expect(comparable(get(after, "VfM Statement")).values).toEqual([
          ["Second run"],
          ["Area", "Planned"],
        ]);
        expect(after.sheets.map((s) => s.name).filter((n) => /\(\d+\)$/.test(n))).toEqual([]);
        expect(after.sheets.filter((s) => s.name.toLowerCase() === "vfm charts")).toHaveLength(1);
        expect(comparable(get(after, "VfM Charts")).values[0]).toEqual([
          "Year",
          "Overtime %",
          "Threshold",
        ]);
        expect(userSheets(after)).toEqual(userSheets(before));
      });

      test('a user sheet named like the plan\'s sheet is untouched; the add-in writes "Name (2)"', async () => {
        const gateway = await makeGateway(userWorkbook());
        const before = await gateway.readWorkbook();
        const result = await gateway.applyWritePlan(statementPlan());
        const decision = result.sheets.find((d) => d.planned === "VfM Statement");
        expect(decision).toMatchObject({ actual: "VfM Statement (2)", replaces: false });
        expect(decision?.note).toMatch(/VfM Statement \(2\)/);
        const after = await gateway.readWorkbook();
        expect(comparable(get(after, "VfM Statement"))).toEqual(
          comparable(get(before, "VfM Statement"))
        );
        expect(comparable(get(after, "VfM Statement (2)")).addinOwned).toBe(true);
        // The next run finds its own "(2)" sheet and replaces it, rather than adding "(3)".
        const again = await gateway.applyWritePlan(statementPlan("Run two"));
        expect(again.sheets[0]).toMatchObject({ actual: "VfM Statement (2)", replaces: true });
        const last = await gateway.readWorkbook();
        expect(findSheet(last, "VfM Statement (3)")).toBeUndefined();
        expect(comparable(get(last, "VfM Statement (2)")).values[0]).toEqual(["Run two"]);
        expect(userSheets(last)).toEqual(userSheets(before));
      });

      test("createOnly sheets are created when absent and never written over", async () => {
        const gateway = await makeGateway(userWorkbook());
        const before = await gateway.readWorkbook();
        const inputs = (text: string): WritePlan => ({
          sheets: [
            {
              name: "Budget",
              role: "input",
              mode: "createOnly",
              blocks: [{ top: 0, left: 0, values: [[text]] }],
            },
            {
              name: "Savings plan",
              role: "input",
              mode: "createOnly",
              blocks: [{ top: 0, left: 0, values: [[text]] }],
            },
          ],
        });
        const first = await gateway.applyWritePlan(inputs("Template v1"));
        expect(first.sheets[0]).toMatchObject({ planned: "Budget", replaces: false });
        expect(first.sheets[0].actual).toBeUndefined();
        expect(first.sheets[0].note).toMatch(/already exists/);
        expect(first.sheets[1]).toMatchObject({ actual: "Savings plan", replaces: false });
        const second = await gateway.applyWritePlan(inputs("Template v2"));
        expect(second.sheets.map((d) => d.actual)).toEqual([undefined, undefined]);
        const after = await gateway.readWorkbook();
        expect(comparable(get(after, "Savings plan")).values).toEqual([["Template v1"]]);
        // The input sheets are handed to the user to fill in: not the add-in's, so they are read
        // as input and no later "replace" plan may write over them.
        expect(get(after, "Savings plan").addinOwned).toBeFalsy();
        expect(userSheets(after).filter((s) => s.name !== "Savings plan")).toEqual(
          userSheets(before)
        );
      });

      test("text that looks like a formula, a number or a date stays literal text", async () => {
        const gateway = await makeGateway(userWorkbook());
        const texts = [
          "=SUM(A1:A2)",
          "+44 20 7946 0000",
          "-5 days",
          "@home",
          "2010/11",
          "00123",
          "1/2",
          "TRUE",
        ];
        await gateway.applyWritePlan({
          sheets: [
            {
              name: "VfM Findings",
              role: "findings",
              mode: "replace",
              blocks: [
                { top: 0, left: 0, values: [texts, [1, -5, 0.04, true, null, 2010, 0, false]] },
              ],
            },
          ],
        });
        const sheet = comparable(get(await gateway.readWorkbook(), "VfM Findings"));
        expect(sheet.values[0]).toEqual(texts);
        expect(sheet.values[1]).toEqual([1, -5, 0.04, true, null, 2010, 0, false]);
        expect(sheet.formulas).toEqual({});
      });

      test("a cancelled write stops with CancelledError and writes nothing", async () => {
        const gateway = await makeGateway(userWorkbook());
        const before = await gateway.readWorkbook();
        await expect(
          gateway.applyWritePlan(statementPlan(), { cancel: aborted() })
        ).rejects.toBeInstanceOf(CancelledError);
        const after = await gateway.readWorkbook();
        expect(after.sheets.map(comparable)).toEqual(before.sheets.map(comparable));
      });

      test("a plan Excel cannot hold is refused with a GatewayError, writing nothing", async () => {
        const gateway = await makeGateway(userWorkbook());
        const before = await gateway.readWorkbook();
        await expect(
          gateway.applyWritePlan({
            sheets: [{ name: "Bad: name?", role: "statement", mode: "replace", blocks: [] }],
          })
        ).rejects.toBeInstanceOf(GatewayError);
        expect((await gateway.readWorkbook()).sheets.map(comparable)).toEqual(
          before.sheets.map(comparable)
        );
      });

      test("reports progress while writing", async () => {
        const gateway = await makeGateway(userWorkbook());
        const seen: { phase: string; done: number; total: number }[] = [];
        await gateway.applyWritePlan(statementPlan(), { onProgress: (p) => seen.push(p) });
        expect(seen.length).toBeGreaterThan(0);
        expect(seen.every((p) => p.phase === "writing" && p.done <= p.total)).toBe(true);
        expect(seen[seen.length - 1].done).toBe(seen[seen.length - 1].total);
      });
    });

    describe("settings", () => {
      const settings: StoredSettings = {
        mapping: { officerOvertime: "Budget!A4", units: "£000" },
        supportFunctions: ["HR", "Finance", "Legal"],
        overtimeThreshold: 0.04,
        confirmed: true,
        note: "=not a formula",
        nothing: null,
      };

      test("an untouched workbook has no settings", async () => {
        const gateway = await makeGateway(userWorkbook());
        expect(await gateway.loadSettings()).toEqual({});
      });

      test("round-trip, are replaced by the next save, and leave the user's sheets alone", async () => {
        const gateway = await makeGateway(userWorkbook());
        const before = await gateway.readWorkbook();
        await gateway.saveSettings(settings);
        expect(await gateway.loadSettings()).toEqual(settings);
        await gateway.saveSettings({ overtimeThreshold: 0.035 });
        expect(await gateway.loadSettings()).toEqual({ overtimeThreshold: 0.035 });
        const after = await gateway.readWorkbook();
        expect(userSheets(after)).toEqual(userSheets(before));
        // Whatever holds the settings is the add-in's and is not shown to the user.
        const added = after.sheets.filter((s) => !findSheet(before, s.name));
        expect(added.every((s) => s.addinOwned && (s.visibility ?? "visible") !== "visible")).toBe(
          true
        );
      });

      test("live in the workbook: a new session over the same workbook finds them", async () => {
        const gateway = await makeGateway(userWorkbook());
        const large = {
          ...settings,
          long: "x".repeat(70000),
          list: Array.from({ length: 2000 }, (_, i) => i - 1000),
        };
        await gateway.saveSettings(large);
        const saved = await gateway.readWorkbook();
        const next = await makeGateway(saved);
        expect(await next.loadSettings()).toEqual(large);
      });

      test("survive writing a statement, and the statement survives saving settings", async () => {
        const gateway = await makeGateway(userWorkbook());
        await gateway.saveSettings(settings);
        await gateway.applyWritePlan(statementPlan());
        await gateway.saveSettings({ ...settings, confirmed: false });
        expect(await gateway.loadSettings()).toEqual({ ...settings, confirmed: false });
        const grid = await gateway.readWorkbook();
        expect(comparable(get(grid, "VfM Statement (2)")).values[0]).toEqual([
          "Value for Money Statement 2010/11",
        ]);
      });
    });

    describe("selecting and showing", () => {
      test("selecting a cell or showing a sheet that exists works", async () => {
        const gateway = await makeGateway(userWorkbook());
        await expect(
          gateway.selectCell({ sheet: "Budget", address: "C4" })
        ).resolves.toBeUndefined();
        await expect(gateway.activateSheet("Workforce")).resolves.toBeUndefined();
        await gateway.applyWritePlan(statementPlan());
        await expect(gateway.activateSheet("VfM Charts")).resolves.toBeUndefined();
      });

      test("a sheet that does not exist is a GatewayError naming it", async () => {
        const gateway = await makeGateway(userWorkbook());
        const select = gateway.selectCell({ sheet: "Budgett", address: "C4" });
        await expect(select).rejects.toBeInstanceOf(GatewayError);
        await expect(gateway.selectCell({ sheet: "Budgett", address: "C4" })).rejects.toThrow(
          /Budgett/
        );
        await expect(gateway.activateSheet("No such sheet")).rejects.toBeInstanceOf(GatewayError);
      });

      test("selecting and showing change no cell", async () => {
        const gateway = await makeGateway(userWorkbook());
        const before = await gateway.readWorkbook();
        await gateway.selectCell({ sheet: "Workforce", address: "B2" });
        await gateway.activateSheet("Budget");
        expect((await gateway.readWorkbook()).sheets.map(comparable)).toEqual(
          before.sheets.map(comparable)
        );
      });
    });
  });
}
