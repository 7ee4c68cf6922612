/**
 * Small template-form workbooks for the check's tests, built as grids (what a gateway reads).
 * Amounts are in pounds; years are financial years (2008 = 2008/09). The base workbook is a
 * force that meets every rule; each test changes the one thing its rule looks at.
 */
import { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { inputTemplate, templateSheetGrid, TemplateSheet } from "../../../src/core/template";
import { formatYear } from "../../../src/core/format";

export interface BudgetRow {
  readonly label: string;
  /** One amount per year 2008/09 .. 2013/14 (null: empty cell). */
  readonly amounts: readonly (number | null)[];
}

export interface WorkforceRow {
  readonly fn: string;
  readonly category?: string;
  readonly year: number;
  readonly officers?: number;
  readonly staff?: number;
  readonly pcsos?: number;
  readonly total?: number;
}

export interface ProcurementRow {
  readonly category: string;
  readonly supplier: string;
  readonly spend: number;
  readonly route: string;
  readonly contractEnd?: string;
  readonly plannedMigration?: string;
}

export interface SavingsRow {
  readonly initiative: string;
  readonly area: string;
  readonly type?: "Cashable" | "Non-cashable";
  readonly year: number;
  readonly planned?: number;
  readonly actual?: number;
  readonly notes?: string;
}

export interface WorkbookSpec {
  readonly force?: string;
  readonly budget?: readonly BudgetRow[];
  readonly workforce?: readonly WorkforceRow[];
  readonly procurement?: readonly ProcurementRow[];
  readonly savings?: readonly SavingsRow[];
  readonly extraSheets?: readonly SheetGrid[];
}

const T = inputTemplate();
const tpl = (kind: TemplateSheet["kind"]) => T.find((t) => t.kind === kind)!;

export const YEARS = [2008, 2009, 2010, 2011, 2012, 2013] as const;

/** Officer pay and overtime in pounds that keep overtime at or under 4% and falling. */
export const COMPLIANT_BUDGET: readonly BudgetRow[] = [
  // Ratios: 4.0M / (96M + 4.0M) = 4.0% in 2008/09, then falling by 5% a year.
  { label: "Police officer pay", amounts: [96e6, 96e6, 96e6, 96e6, 96e6, 96e6] },
  { label: "Police officer overtime", amounts: [4e6, 3.8e6, 3.61e6, 3.4295e6, 3.258e6, 3.095e6] },
  { label: "Police staff pay", amounts: [40e6, 40e6, 40e6, 40e6, 40e6, 40e6] },
  {
    label: "Total pay",
    amounts: [140e6, 139.8e6, 139.61e6, 139.4295e6, 139.258e6, 139.095e6],
  },
];

/** Support below 7% in every year: 60 of 1,000 FTE (6%). */
export function compliantWorkforce(): WorkforceRow[] {
  const rows: WorkforceRow[] = [];
  for (const year of YEARS) {
    rows.push({
      fn: "Response policing",
      category: "Operational",
      year,
      officers: 700,
      staff: 0,
      pcsos: 100,
    });
    rows.push({ fn: "Human resources", category: "Human resources", year, staff: 30 });
    rows.push({ fn: "Finance", category: "Finance", year, staff: 30 });
    rows.push({ fn: "IT", category: "IT", year, staff: 40 });
    rows.push({ fn: "Estates", category: "Estates", year, staff: 100 });
  }
  return rows;
}

export const COMPLIANT_PROCUREMENT: readonly ProcurementRow[] = [
  { category: "Vehicles", supplier: "Fleet Co", spend: 2e6, route: "National framework" },
  {
    category: "Body armour",
    supplier: "Armour Ltd",
    spend: 500000,
    route: "Local",
    contractEnd: "2011-03-31",
    plannedMigration: "2011-03-31",
  },
];

const AREAS = [
  "Deployment",
  "Overtime",
  "Process improvement",
  "Bureaucracy",
  "Procurement",
  "IT",
  "Support services",
  "Collaboration",
  "Overheads",
];

/**
 * Every area planned for 2010/11 (with actuals) and for 2013/14. The overtime lines are the
 * compliant budget's falls in overtime, so the plan reconciles to it: 3,800,000 - 3,610,000 =
 * 190,000 in 2010/11 and 3,258,000 - 3,095,000 = 163,000 in 2013/14.
 */
export function compliantSavings(
  overtime: readonly (number | null)[] = COMPLIANT_BUDGET[1].amounts
): SavingsRow[] {
  // The fall from the year before: 2009/10 to 2010/11, and 2012/13 to 2013/14.
  const fall = (i: number) => Math.max(0, (overtime[i - 1] ?? 0) - (overtime[i] ?? 0));
  const rows: SavingsRow[] = [];
  for (const area of AREAS) {
    const [first, last] = area === "Overtime" ? [fall(2), fall(5)] : [100000, 200000];
    rows.push({ initiative: `${area} review`, area, year: 2010, planned: first, actual: first });
    rows.push({ initiative: `${area} review`, area, year: 2013, planned: last });
  }
  return rows;
}

export function budgetSheet(rows: readonly BudgetRow[]): SheetGrid {
  return templateSheetGrid(
    tpl("budget"),
    rows.map((r) => [r.label, ...r.amounts.map((a) => a), null])
  );
}

export function workforceSheet(rows: readonly WorkforceRow[]): SheetGrid {
  return templateSheetGrid(
    tpl("workforce"),
    rows.map((r) => [
      r.fn,
      r.category ?? null,
      formatYear(r.year),
      r.officers ?? null,
      r.staff ?? null,
      r.pcsos ?? null,
      null,
      r.total ?? null,
      null,
    ])
  );
}

const date = (iso: string | undefined): CellValue => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export function procurementSheet(rows: readonly ProcurementRow[]): SheetGrid {
  return templateSheetGrid(
    tpl("procurement"),
    rows.map((r) => [
      r.category,
      null,
      r.supplier,
      r.spend,
      r.route,
      date(r.contractEnd),
      date(r.plannedMigration),
      null,
    ])
  );
}

export function savingsSheet(rows: readonly SavingsRow[]): SheetGrid {
  return templateSheetGrid(
    tpl("savingsPlan"),
    rows.map((r) => [
      r.initiative,
      r.area,
      r.type ?? "Cashable",
      formatYear(r.year),
      r.planned ?? null,
      r.actual ?? null,
      r.notes ?? null,
    ])
  );
}

export function settingsSheet(force: string): SheetGrid {
  return templateSheetGrid(tpl("settings"), [
    ["Force name", force, null],
    ["Baseline year", "2008/09", null],
    ["Target year", "2013/14", null],
    ["Money unit", "£", null],
  ]);
}

/** A whole template workbook; anything not given is the compliant default. */
export function workbook(spec: WorkbookSpec = {}): WorkbookGrid {
  return {
    sheets: [
      settingsSheet(spec.force ?? "Testshire Police"),
      budgetSheet(spec.budget ?? COMPLIANT_BUDGET),
      workforceSheet(spec.workforce ?? compliantWorkforce()),
      procurementSheet(spec.procurement ?? COMPLIANT_PROCUREMENT),
      // A budget given without a plan gets a plan whose overtime lines follow its overtime.
      savingsSheet(spec.savings ?? compliantSavings(overtimeOf(spec.budget))),
      ...(spec.extraSheets ?? []),
    ],
  };
}

function overtimeOf(
  budget: readonly BudgetRow[] | undefined
): readonly (number | null)[] | undefined {
  const row = budget?.find((r) => /overtime/i.test(r.label));
  return row && row.amounts.length === YEARS.length ? row.amounts : undefined;
}

/** Officer pay, officer overtime, staff pay (£40m) and a total that adds up, in pounds. */
export function budgetOf(
  overtime: readonly (number | null)[],
  officerPay: readonly (number | null)[] = YEARS.map(() => 96e6)
): BudgetRow[] {
  const staff = YEARS.map(() => 40e6);
  const total = YEARS.map((_, i) =>
    officerPay[i] === null && overtime[i] === null
      ? null
      : (officerPay[i] ?? 0) + (overtime[i] ?? 0) + staff[i]
  );
  return [
    { label: "Police officer pay", amounts: officerPay },
    { label: "Police officer overtime", amounts: overtime },
    { label: "Police staff pay", amounts: staff },
    { label: "Total pay", amounts: total },
  ];
}
