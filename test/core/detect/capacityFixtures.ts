/**
 * Savings plans that give capacity released (5.53: productivity gains "often shown as hours,
 * officer equivalents or £ equivalent ... planned and actual, by year"), built in code.
 *
 * The free-form plan (one row per initiative and year, amounts in £000):
 *   row 3  Quest in custody      Process improvement  Non-cashable 2010/11  hours 1,200 / 900,  FTE 0.8 / 0.6
 *   row 4  Quest in custody      Process improvement  Non-cashable 2011/12  hours 2,000 / -,    FTE 1.3 / -
 *   row 5  Mobile data           Process improvement  Non-cashable 2010/11  hours   600 / 450,  FTE -   / -
 *   row 6  Fewer forms           Bureaucracy          Non-cashable 2010/11  hours   300 / -,    FTE -   / -
 *   row 7  Overtime controls     Overtime             Cashable     2010/11  (no hours: money only)
 * So process improvement plans 1,200 + 600 = 1,800 hours in 2010/11 and 2,000 in 2011/12
 * (3,800 in all) and reports 900 + 450 = 1,350 actual in 2010/11; officer equivalents planned
 * 0.8 + 1.3 = 2.1, actual 0.6. Over all areas: hours planned 3,800 + 300 = 4,100.
 */
import { CellValue, SheetGrid } from "../../../src/core/grid";
import { sheetFromRows } from "../../../src/core/sample/gridBuilder";
import { inputTemplate, templateSheetGrid } from "../../../src/core/template";

export const CAPACITY_ROWS: readonly (readonly CellValue[])[] = [
  [
    "Quest in custody",
    "Process improvement",
    "Non-cashable",
    "2010/11",
    50,
    40,
    1200,
    900,
    0.8,
    0.6,
  ],
  [
    "Quest in custody",
    "Process improvement",
    "Non-cashable",
    "2011/12",
    80,
    null,
    2000,
    null,
    1.3,
    null,
  ],
  ["Mobile data", "Process improvement", "Non-cashable", "2010/11", 30, 25, 600, 450, null, null],
  ["Fewer forms", "Bureaucracy", "Non-cashable", "2010/11", 10, null, 300, null, null, null],
  ["Overtime controls", "Overtime", "Cashable", "2010/11", 200, 180, null, null, null, null],
];

/** The free-form plan: title in A1, header on row 2, data from row 3. */
export function freeFormCapacityPlan(
  headers: readonly string[] = [
    "Planned hours",
    "Actual hours",
    "Officer equivalents",
    "FTE equivalent achieved",
  ]
): SheetGrid {
  return sheetFromRows("Savings", [
    ["Efficiency plan (£000)"],
    ["Initiative", "Area", "Type", "Year", "Planned", "Actual", ...headers],
    ...CAPACITY_ROWS.map((r) => [...r]),
  ]);
}

const SAVINGS_TEMPLATE = inputTemplate().find((t) => t.kind === "savingsPlan")!;

/**
 * The same plan in the input template: Initiative ... Actual, Notes (G), then the optional
 * Hours planned (H), Hours actual (I), Officer equivalents planned (J) and actual (K). The
 * template's header is on row 5, so data starts on row 6.
 */
export function templateCapacityPlan(): SheetGrid {
  return templateSheetGrid(
    SAVINGS_TEMPLATE,
    CAPACITY_ROWS.map((r) => [...r.slice(0, 6), null, ...r.slice(6)])
  );
}

/** A template savings sheet made before the capacity columns existed: the first seven columns only. */
export function oldTemplatePlan(): SheetGrid {
  const old = { ...SAVINGS_TEMPLATE, columns: SAVINGS_TEMPLATE.columns.filter((c) => !c.optional) };
  return templateSheetGrid(
    old,
    CAPACITY_ROWS.map((r) => [...r.slice(0, 6), null])
  );
}
