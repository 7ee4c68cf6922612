/**
 * Workbooks for the batch check: the Exampleshire sample (template layout) under another force's
 * name, with faults planted in it. Each fault changes the cells it needs and nothing else (a
 * changed budget line carries its change into the totals above it, so the arithmetic still
 * holds), and says which findings it adds, with their cells, and which of the sample's own
 * findings it takes away.
 */
import { CellValue, SheetGrid, WorkbookGrid, a1, formatRef } from "../../../src/core/grid";
import { draftStatement, runVfm } from "../../../src/core/run";
import { SAMPLE_BUDGET, exampleshireTemplate } from "../../../src/core/sample/exampleshire";
import { exampleshirePeersSheet } from "../../../src/core/sample/peers";
import { renderStatementWritePlan } from "../../../src/render/excel";
import { expectedStatementSheets } from "../../../src/core/check/expectation";
import { sheetFromPlan } from "../../../src/xlsx/planSheets";
import { SheetRole } from "../../../src/core/ownership";

export const FAULTS = [
  "none",
  "totalWrong",
  "overtimeCutMissed",
  "migrationDateMissing",
  "migrationLate",
  "varianceUnexplained",
  "areaMissing",
  "pastActualMissing",
  "baselineMissing",
  "statementClean",
  "statementEdited",
  "peerWithoutAction",
] as const;
export type Fault = (typeof FAULTS)[number];

/** "RULE Sheet!A1" (or "RULE Sheet" where the finding names a sheet). */
export type Expected = string;

export interface Planted {
  readonly workbook: WorkbookGrid;
  readonly roles: ReadonlyMap<string, SheetRole>;
  readonly adds: Expected[];
  readonly removes: Expected[];
}

const key = (rule: string, sheet: string, row?: number, col?: number): Expected =>
  `${rule} ${row === undefined || col === undefined ? sheet : formatRef({ sheet, address: a1(row, col) })}`;

function sheetOf(wb: WorkbookGrid, name: string): SheetGrid {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function setCell(
  wb: WorkbookGrid,
  name: string,
  row: number,
  col: number,
  v: CellValue
): WorkbookGrid {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (s.name !== name) return s;
      const values = s.values.map((r) => [...r]);
      while (values.length <= row) values.push([]);
      while (values[row].length < col) values[row].push(null);
      values[row][col] = v;
      return { ...s, values };
    }),
  };
}

function appendRow(wb: WorkbookGrid, name: string, row: CellValue[]): WorkbookGrid {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => (s.name === name ? { ...s, values: [...s.values, row] } : s)),
  };
}

function rowWhere(s: SheetGrid, test: (r: CellValue[]) => boolean): number {
  const i = s.values.findIndex((r) => !!r && test(r));
  if (i < 0) throw new Error(`no such row on ${s.name}`);
  return i;
}

// Budget (template): labels in column A, 2008/09 .. 2013/14 in columns B .. G.
const yearCol = (year: number) => 1 + (year - 2008);
const budgetRow = (wb: WorkbookGrid, label: string) =>
  rowWhere(sheetOf(wb, "Budget"), (r) => r[0] === label);

/** The totals a budget line feeds, directly or through other totals. */
function totalsAbove(label: string): string[] {
  const out: string[] = [];
  for (const t of SAMPLE_BUDGET)
    if (t.sumOf?.includes(label)) out.push(t.label, ...totalsAbove(t.label));
  return [...new Set(out)];
}

/** Sets a budget line's amount for a year and moves every total above it by the same change. */
function setBudget(
  wb: WorkbookGrid,
  label: string,
  year: number,
  value: number | null
): WorkbookGrid {
  const row = budgetRow(wb, label);
  const col = yearCol(year);
  const old = sheetOf(wb, "Budget").values[row][col] as number;
  const delta = (value ?? 0) - old;
  let out = setCell(wb, "Budget", row, col, value);
  for (const t of totalsAbove(label)) {
    const tr = budgetRow(out, t);
    out = setCell(
      out,
      "Budget",
      tr,
      col,
      (sheetOf(out, "Budget").values[tr][col] as number) + delta
    );
  }
  return out;
}

const OVERTIME = "Overtime - Police Officers";

/**
 * The base workbook's procurement: lines on a national framework (in a framework category) and
 * legacy lines with no planned move, each with the cell its migration date goes in (column G).
 */
function procurementLines(wb: WorkbookGrid) {
  const r = runVfm(wb);
  const onFramework = r.data.procurement.lines
    .filter((l) => l.route === "nationalFramework" && l.category && l.category !== "other")
    .map((l) => ({ row: cellAt(l.labelCell).row }));
  const undated = r.analysis.procurement.opportunities
    .filter((o) => o.plannedMigration === null)
    .map((o) => ({ o, row: cellAt(o.cell).row }));
  return { onFramework, undated };
}

const MIGRATION_COL = 6;
const ROUTE_COL = 4;

function cellAt(ref: { address: string }): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref.address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function savingsLines(wb: WorkbookGrid) {
  return runVfm(wb).data.savingsPlan.lines;
}

/** Adds the add-in's statement and charts sheets, drafted from the workbook's data as it is. */
function withStatement(wb: WorkbookGrid): WorkbookGrid {
  const result = runVfm(wb);
  const statement = draftStatement(result, { generatedAt: "2011-05-05T10:00:00Z" });
  const plan = renderStatementWritePlan(statement);
  return {
    ...wb,
    sheets: [...wb.sheets, ...plan.sheets.map((p) => sheetFromPlan(p, p.name).grid)],
  };
}

/**
 * The base: the sample under `force`'s name, without its peers sheet (the sample's peers figures
 * are Exampleshire's; a peers sheet is planted only with the peers fault).
 */
export function baseWorkbook(force: string): WorkbookGrid {
  const sample = exampleshireTemplate();
  const wb = { ...sample, sheets: sample.sheets.filter((s) => s.name !== "Peers") };
  const s = sheetOf(wb, "Settings");
  const row = rowWhere(s, (r) => r[0] === "Force name");
  return { ...setCell(wb, "Settings", row, 1, force), fileName: undefined };
}

export function plant(force: string, faults: readonly Fault[]): Planted {
  let wb = baseWorkbook(force);
  const adds: Expected[] = [];
  const removes: Expected[] = [];
  const roles = new Map<string, SheetRole>();
  const procurement = procurementLines(wb);
  const lines = savingsLines(wb);
  // Savings lines with both figures, within 10% and with no note: safe to change one figure.
  const quiet = lines.filter(
    (l) =>
      l.planned &&
      l.actual &&
      !l.notes &&
      Math.abs(l.actual.value - l.planned.value) <= 0.1 * l.planned.value
  );
  const data = faults.filter((f) => f !== "statementClean" && f !== "statementEdited");
  for (const fault of data) {
    switch (fault) {
      case "none":
        break;
      case "totalWrong": {
        // Total pay for 2010/11 typed £1,000 too high.
        const row = budgetRow(wb, "Total pay");
        const col = yearCol(2010);
        wb = setCell(
          wb,
          "Budget",
          row,
          col,
          (sheetOf(wb, "Budget").values[row][col] as number) + 1000
        );
        adds.push(key("TOTALS_ADD_UP", "Budget", row, col));
        break;
      }
      case "overtimeCutMissed": {
        // 2012/13: 4,950,000 x 0.97 = 4,801,500, above the most allowed, 4,950,000 x 0.95.
        const ot2011 = sheetOf(wb, "Budget").values[budgetRow(wb, OVERTIME)][
          yearCol(2011)
        ] as number;
        wb = setBudget(wb, OVERTIME, 2012, Math.round(ot2011 * 0.97));
        adds.push(key("OVERTIME_ANNUAL_CUT", "Budget", budgetRow(wb, OVERTIME), yearCol(2012)));
        // The plan's 350,000 overtime savings no longer match the budget: 2012/13 falls by
        // 4,950,000 - 4,801,500 = 148,500 (798,500 from 2008/09), 2013/14 by 4,801,500 -
        // 4,250,000 = 551,500 (1,350,000 from 2008/09), each more than 15% from 350,000.
        for (const year of [2012, 2013]) {
          const planned = lines.find((l) => l.area === "overtime" && l.year === year)?.planned;
          const at = cellAt(planned!.sources[0]);
          adds.push(key("PLAN_RECONCILES_TO_BUDGET", "Savings plan", at.row, at.col));
        }
        break;
      }
      case "baselineMissing": {
        // No 2008/09 overtime: the baseline is missing, and 2009/10 has no year before it to be
        // measured against, so the sample's own 2009/10 finding goes.
        const row = budgetRow(wb, OVERTIME);
        wb = setBudget(wb, OVERTIME, 2008, null);
        adds.push(key("OVERTIME_BASELINE_PRESENT", "Budget", row, 0));
        removes.push(key("OVERTIME_ANNUAL_CUT", "Budget", row, yearCol(2009)));
        break;
      }
      case "migrationDateMissing": {
        // A contract bought through a national framework is recorded as local, with no date.
        const { row } = procurement.onFramework[0];
        wb = setCell(wb, "Procurement", row, ROUTE_COL, "Local");
        adds.push(key("MIGRATION_DATE_PLANNED", "Procurement", row, MIGRATION_COL));
        break;
      }
      case "migrationLate": {
        // A legacy contract with no date (a finding of the sample's own) gets one a year after
        // the later of the framework's date and the contract's end.
        const { o, row } = procurement.undated[0];
        const late = new Date(`${o.migrateBy}T00:00:00Z`);
        late.setUTCFullYear(late.getUTCFullYear() + 1);
        wb = setCell(wb, "Procurement", row, MIGRATION_COL, late);
        removes.push(key("MIGRATION_DATE_PLANNED", "Procurement", row, MIGRATION_COL));
        adds.push(key("MIGRATION_DATE_IN_TIME", "Procurement", row, MIGRATION_COL));
        break;
      }
      case "varianceUnexplained": {
        // Half the planned saving achieved, and no note.
        const line = quiet[0];
        const at = cellAt(line.actual!.sources[0]);
        wb = setCell(wb, "Savings plan", at.row, at.col, line.planned!.value / 200);
        adds.push(key("VARIANCE_EXPLAINED", "Savings plan", at.row, at.col));
        break;
      }
      case "pastActualMissing": {
        // 2009/10 has ended (the workbook reports actuals for it), but one actual is cleared.
        const line = quiet[1];
        const at = cellAt(line.actual!.sources[0]);
        wb = setCell(wb, "Savings plan", at.row, at.col, null);
        adds.push(key("PAST_YEARS_PLANNED_AND_ACTUAL", "Savings plan", at.row, at.col));
        break;
      }
      case "areaMissing": {
        // Every bureaucracy line is filed under process improvement instead.
        for (const l of lines.filter((x) => x.area === "bureaucracy")) {
          const at = cellAt(l.labelCell);
          wb = setCell(wb, "Savings plan", at.row, 1, "Process improvement");
        }
        adds.push(key("AREAS_ADDRESSED", "Savings plan"));
        break;
      }
      case "peerWithoutAction": {
        // The force is the worst in the peers sheet on overtime, and its overtime line is filed
        // under deployment; a zero line says no overtime saving is planned.
        const peers = exampleshirePeersSheet();
        const header = rowWhere(peers, (r) =>
          r.some((v) => typeof v === "string" && /overtime/i.test(v))
        );
        const otCol = peers.values[header].findIndex(
          (v) => typeof v === "string" && /overtime/i.test(v)
        );
        const forceRow = rowWhere(peers, (r) => r.includes(force));
        const values = peers.values.map((r) => [...r]);
        values[forceRow][otCol] = 9.9;
        wb = { ...wb, sheets: [...wb.sheets, { ...peers, values }] };
        for (const l of lines.filter((x) => x.area === "overtime")) {
          const at = cellAt(l.labelCell);
          wb = setCell(wb, "Savings plan", at.row, 1, "Deployment");
        }
        wb = appendRow(wb, "Savings plan", [
          "Overtime",
          "Overtime",
          "Cashable",
          "2013/14",
          0,
          null,
          "No planned savings beyond the controls already in place.",
        ]);
        adds.push(key("PEER_BOTTOM_QUARTILE_ACTION", peers.name, forceRow, otCol));
        break;
      }
    }
  }
  if (faults.includes("statementClean") || faults.includes("statementEdited")) {
    wb = withStatement(wb);
    roles.set("VfM Statement", "statement");
    roles.set("VfM Charts", "charts");
  }
  if (faults.includes("statementEdited")) {
    const expected = expectedStatementSheets(runVfm(wb), renderStatementWritePlan)!.sheets[0];
    const figure = expected.cells.find(
      (c) => typeof c.value === "number" && c.value > 1000 && (c.sources?.length ?? 0) > 0
    )!;
    wb = setCell(wb, "VfM Statement", figure.row, figure.col, (figure.value as number) + 1000);
    adds.push(key("STATEMENT_MATCHES_DATA", "VfM Statement", figure.row, figure.col));
  }
  return { workbook: wb, roles, adds, removes };
}

/** The faults planted in the i-th of the 43 workbooks: one each in turn, a second in some. */
export function faultsFor(i: number): Fault[] {
  const first = FAULTS[i % FAULTS.length];
  const seconds: Fault[] = [
    "totalWrong",
    "migrationDateMissing",
    "varianceUnexplained",
    "statementEdited",
  ];
  const second =
    i >= FAULTS.length * 2 && i % 2 === 0 ? seconds[(i / 2) % seconds.length] : undefined;
  if (!second || second === first) return [first];
  if (first === "statementClean" && second === "statementEdited") return ["statementEdited"];
  return [first, second];
}
