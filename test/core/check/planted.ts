/**
 * Planted-flaw workbooks for the inspector's check, made from the Exampleshire sample by code (no
 * workbook is edited by hand): each flaw changes the cells it needs in a copy of the sample
 * (template layout) and names the rule that must catch it and the cell it must be caught at.
 *
 * Sample figures used (Budget sheet, template layout, amounts in pounds):
 *   row 6  Police Officers Pay & Allowances  2010/11 (column D): 99,800,000
 *   row 7  Overtime - Police Officers        2010/11 (column D):  5,150,000
 *   row 8  Sub-total police officers         2010/11 (column D): 104,950,000 = 99,800,000 + 5,150,000
 */
import { CellValue, SheetGrid, WorkbookGrid, parseA1 } from "../../../src/core/grid";
import { exampleshireTemplate } from "../../../src/core/sample/exampleshire";
import { RuleCode } from "../../../src/core/check/rules";

/** A copy of the workbook with one cell (and optionally its formula) set. */
export function setCell(
  wb: WorkbookGrid,
  sheet: string,
  address: string,
  value: CellValue,
  formula?: string
): WorkbookGrid {
  const at = parseA1(address);
  if (!at) throw new Error(`bad address ${address}`);
  if (!wb.sheets.some((s) => s.name === sheet)) throw new Error(`no sheet ${sheet}`);
  return {
    ...wb,
    sheets: wb.sheets.map((s): SheetGrid => {
      if (s.name !== sheet) return s;
      const values = s.values.map((r) => [...(r ?? [])]);
      while (values.length <= at.row) values.push([]);
      while (values[at.row].length < at.col) values[at.row].push(null);
      values[at.row][at.col] = value;
      if (formula === undefined) return { ...s, values };
      const formulas = values.map((r, i) => [...(s.formulas?.[i] ?? r.map(() => undefined))]);
      formulas[at.row][at.col] = formula;
      return { ...s, values, formulas };
    }),
  };
}

export function valueAt(wb: WorkbookGrid, sheet: string, address: string): CellValue {
  const at = parseA1(address)!;
  return wb.sheets.find((s) => s.name === sheet)?.values[at.row]?.[at.col] ?? null;
}

/** The sample without its peers sheet (its peers rule is tested on its own). */
export function sample(): WorkbookGrid {
  const wb = exampleshireTemplate();
  return { ...wb, sheets: wb.sheets.filter((s) => s.name !== "Peers") };
}

export interface PlantedFlaw {
  readonly rule: RuleCode;
  /** "Sheet!A1": where the rule must name the flaw. */
  readonly at: string;
  readonly workbook: WorkbookGrid;
}

/** The first savings line's cells for a 2009/10 saving with the given initiative. */
function savingsRow(wb: WorkbookGrid, initiative: string, year: string): number {
  const s = wb.sheets.find((x) => x.name === "Savings plan")!;
  const i = s.values.findIndex((r) => r?.[0] === initiative && r?.[3] === year);
  if (i < 0) throw new Error(`no savings line ${initiative} ${year}`);
  return i + 1;
}

/** One workbook per flaw, each made from the sample by the change its comment describes. */
export function plantedFlaws(): Record<string, PlantedFlaw> {
  const base = sample();
  const overtime = savingsRow(base, "Overtime authorisation and controls", "2009/10");
  const procurement = savingsRow(base, "Migration to national frameworks", "2009/10");
  return {
    // An estimate typed with a word after it: text where 2010/11 overtime belongs.
    textInBudget: {
      rule: "FIGURE_READABLE",
      at: "Budget!D7",
      workbook: setCell(base, "Budget", "D7", "5150000 (est)"),
    },
    // A formula whose reference was deleted.
    refError: {
      rule: "FIGURE_READABLE",
      at: "Budget!D7",
      workbook: setCell(base, "Budget", "D7", { error: "#REF!" }, "#REF!+0"),
    },
    // "n/a" in a workforce FTE cell (Neighbourhood policing, 2010/11, total FTE).
    notApplicableFte: {
      rule: "FIGURE_READABLE",
      at: "Workforce!H8",
      workbook: setCell(base, "Workforce", "H8", "n/a"),
    },
    // Overtime typed with a minus sign.
    negativeOvertime: {
      rule: "FIGURE_NOT_NEGATIVE",
      at: "Budget!D7",
      workbook: setCell(base, "Budget", "D7", -5150000),
    },
    // 2010/11 overtime typed as text with thousands separators; the sub-total is a SUM, which
    // Excel works out without the text cell: 99,800,000 (the pay line alone).
    numberAsText: {
      rule: "NUMBER_NOT_TEXT",
      at: "Budget!D7",
      workbook: setCell(
        setCell(base, "Budget", "D7", "5,150,000"),
        "Budget",
        "D8",
        99800000,
        "SUM(D6:D7)"
      ),
    },
    // A contract's yearly spend typed as text with a pound sign (Vehicles, Northway Motors).
    poundsAsText: {
      rule: "NUMBER_NOT_TEXT",
      at: "Procurement!D6",
      workbook: setCell(base, "Procurement", "D6", "£1,840,000"),
    },
    // A 57% shortfall (120,000 of 280,000) whose note, which named a cause, now only points
    // elsewhere.
    noteOnlyPoints: {
      rule: "VARIANCE_EXPLAINED",
      at: `'Savings plan'!F${overtime}`,
      workbook: setCell(base, "Savings plan", `G${overtime}`, "See above."),
    },
    // A 20% shortfall (160,000 of 200,000) whose note says nothing about why.
    noteSaysNothing: {
      rule: "VARIANCE_EXPLAINED",
      at: `'Savings plan'!F${procurement}`,
      workbook: setCell(
        base,
        "Savings plan",
        `G${procurement}`,
        "Good progress has been made on this initiative."
      ),
    },
  };
}

/** Planted flaws for the plan against the budget (PLAN_RECONCILES_TO_BUDGET). */
export function plantedPlanFlaws(): Record<string, PlantedFlaw> {
  const base = sample();
  const overtime = savingsRow(base, "Overtime authorisation and controls", "2010/11");
  const support = savingsRow(base, "Business support restructure", "2011/12");
  const ended = savingsRow(base, "Overtime authorisation and controls", "2009/10");
  return {
    // £2.8m of overtime saving planned for 2009/10, a year the budget heads Actual, whose
    // overtime fell by £120,000 (5,600,000 - 5,480,000); the actual saving (£120,000) matches the
    // budget and the note names a cause, so only the plan is wrong: |2,800,000 - 120,000| =
    // 2,680,000 is more than 15% of 2008/09's 5,600,000 overtime (840,000).
    overtimePlanTooLargeInEndedYear: {
      rule: "PLAN_RECONCILES_TO_BUDGET",
      at: `'Savings plan'!E${ended}`,
      workbook: setCell(base, "Savings plan", `E${ended}`, 2800000),
    },
    // £2.8m of overtime saving planned for 2010/11, where the budget's overtime falls by
    // £330,000 from 2009/10 (5,480,000 - 5,150,000) or £450,000 from 2008/09.
    overtimePlanTooLarge: {
      rule: "PLAN_RECONCILES_TO_BUDGET",
      at: `'Savings plan'!E${overtime}`,
      workbook: setCell(base, "Savings plan", `E${overtime}`, 2800000),
    },
    // £3m of support saving planned for 2011/12, where business support falls by 16 FTE from
    // 2010/11 (320.5 - 304.5; £520,000 at £32,500) or 44 FTE from 2008/09 (£1,430,000).
    supportPlanTooLarge: {
      rule: "PLAN_RECONCILES_TO_BUDGET",
      at: `'Savings plan'!E${support}`,
      workbook: setCell(base, "Savings plan", `E${support}`, 3000000),
    },
  };
}
