/**
 * ForceData built in code for the analysis tests: amounts are given in pounds (or another unit)
 * and placed in cells of made-up sheets so provenance can be checked.
 */
import { CellRef, a1 } from "../../../src/core/grid";
import {
  BudgetLine,
  BudgetLineKey,
  ForceData,
  FunctionCategory,
  ProcurementCategory,
  ProcurementLine,
  ProcurementRoute,
  SavingsArea,
  SavingsLine,
  Sourced,
  WorkforceLine,
} from "../../../src/core/forceData";
import { MoneyUnit, toPence } from "../../../src/core/money";
import { FinancialYear } from "../../../src/core/years";

export interface BudgetSpec {
  key?: BudgetLineKey;
  label?: string;
  isTotal?: boolean;
  /** year -> amount in `unit` (pounds by default) */
  amounts: Record<number, number>;
}

export interface WorkforceSpec {
  label: string;
  category?: FunctionCategory;
  isTotal?: boolean;
  fte: Record<
    number,
    { officers?: number; staff?: number; pcsos?: number; specials?: number; total?: number }
  >;
}

export interface ProcurementSpec {
  category?: ProcurementCategory;
  categoryText?: string;
  supplier?: string;
  spend: number;
  route?: ProcurementRoute;
  contractEnd?: string;
  plannedMigration?: string;
}

export interface SavingsSpec {
  initiative?: string;
  area?: SavingsArea;
  areaText?: string;
  type?: "cashable" | "nonCashable";
  year: FinancialYear;
  planned?: number;
  actual?: number;
  notes?: string;
}

export interface DataSpec {
  forceName?: string;
  unit?: MoneyUnit;
  budget?: BudgetSpec[];
  workforce?: WorkforceSpec[];
  procurement?: ProcurementSpec[];
  savings?: SavingsSpec[];
  averageSupportCost?: number;
  baselineYear?: FinancialYear;
  targetYear?: FinancialYear;
  overrides?: Record<string, string | number>;
}

const ref = (sheet: string, row: number, col: number): CellRef => ({
  sheet,
  address: a1(row, col),
});
const src = <T>(value: T, cell: CellRef, how = "test"): Sourced<T> => ({
  value,
  sources: [cell],
  how,
});

export function makeData(spec: DataSpec): ForceData {
  const unit = spec.unit ?? "£";
  const budgetYears = [
    ...new Set((spec.budget ?? []).flatMap((l) => Object.keys(l.amounts).map(Number))),
  ].sort((a, b) => a - b);
  const budget: BudgetLine[] = (spec.budget ?? []).map((l, i) => {
    const row = 4 + i;
    const amounts = new Map<FinancialYear, Sourced<number>>();
    for (const [y, v] of Object.entries(l.amounts))
      amounts.set(
        Number(y),
        src(toPence(v, unit), ref("Budget", row, 2 + budgetYears.indexOf(Number(y))))
      );
    const line: BudgetLine = {
      label: l.label ?? l.key ?? "line",
      isTotal: l.isTotal ?? false,
      labelCell: ref("Budget", row, 0),
      amounts,
    };
    return l.key ? { ...line, key: l.key } : line;
  });

  const wfYears = [
    ...new Set((spec.workforce ?? []).flatMap((l) => Object.keys(l.fte).map(Number))),
  ].sort((a, b) => a - b);
  const types = ["officers", "staff", "pcsos", "specials", "total"] as const;
  const workforce: WorkforceLine[] = (spec.workforce ?? []).map((l, i) => {
    const row = 4 + i;
    const fte = new Map<FinancialYear, Record<string, Sourced<number>>>();
    for (const [y, f] of Object.entries(l.fte)) {
      const yi = wfYears.indexOf(Number(y));
      const o: Record<string, Sourced<number>> = {};
      types.forEach((t, ti) => {
        const v = f[t];
        if (v !== undefined) o[t] = src(v, ref("Workforce", row, 1 + yi * 5 + ti));
      });
      fte.set(Number(y), o);
    }
    const line: WorkforceLine = {
      label: l.label,
      isTotal: l.isTotal ?? false,
      labelCell: ref("Workforce", row, 0),
      fte: fte as WorkforceLine["fte"],
    };
    return l.category ? { ...line, category: l.category } : line;
  });

  const procurement: ProcurementLine[] = (spec.procurement ?? []).map((p, i) => {
    const row = 1 + i;
    const line: ProcurementLine = {
      labelCell: ref("Procurement", row, 0),
      categoryText: p.categoryText ?? p.category ?? "unknown",
      annualSpend: src(toPence(p.spend, unit), ref("Procurement", row, 2)),
      route: p.route ?? "local",
    };
    const out: { -readonly [K in keyof ProcurementLine]: ProcurementLine[K] } = { ...line };
    if (p.category) out.category = p.category;
    if (p.supplier) out.supplier = p.supplier;
    if (p.contractEnd) out.contractEnd = src(p.contractEnd, ref("Procurement", row, 4));
    if (p.plannedMigration)
      out.plannedMigration = src(p.plannedMigration, ref("Procurement", row, 5));
    return out;
  });

  const savings: SavingsLine[] = (spec.savings ?? []).map((s, i) => {
    const row = 1 + i;
    const out: { -readonly [K in keyof SavingsLine]: SavingsLine[K] } = {
      initiative: s.initiative ?? `Initiative ${i + 1}`,
      labelCell: ref("Savings", row, 0),
      areaText: s.areaText ?? s.area ?? "",
      type: s.type ?? "cashable",
      year: s.year,
    };
    if (s.area) out.area = s.area;
    if (s.planned !== undefined)
      out.planned = src(toPence(s.planned, unit), ref("Savings", row, 4));
    if (s.actual !== undefined) out.actual = src(toPence(s.actual, unit), ref("Savings", row, 5));
    if (s.notes) out.notes = s.notes;
    return out;
  });

  const overrides = new Map<string, Sourced<string | number>>();
  Object.entries(spec.overrides ?? {}).forEach(([k, v], i) =>
    overrides.set(k, src(v, ref("Settings", 10 + i, 1)))
  );
  const settings: { -readonly [K in keyof ForceData["settings"]]: ForceData["settings"][K] } = {
    policyOverrides: overrides,
  };
  if (spec.forceName) settings.forceName = src(spec.forceName, ref("Settings", 1, 1));
  if (spec.averageSupportCost !== undefined)
    settings.averageSupportCost = src(
      toPence(spec.averageSupportCost, unit),
      ref("Settings", 4, 1)
    );
  if (spec.baselineYear !== undefined)
    settings.baselineYear = src(spec.baselineYear, ref("Settings", 2, 1));
  if (spec.targetYear !== undefined)
    settings.targetYear = src(spec.targetYear, ref("Settings", 3, 1));

  return {
    settings,
    budget: { lines: budget, years: budgetYears, ...(spec.unit ? { unit: spec.unit } : {}) },
    workforce: { lines: workforce, years: wfYears },
    procurement: { lines: procurement },
    savingsPlan: { lines: savings },
    sheetsUsed: [
      ...(spec.budget ? [{ sheet: "Budget", as: "budget" as const, how: "test" }] : []),
      ...(spec.workforce ? [{ sheet: "Workforce", as: "workforce" as const, how: "test" }] : []),
      ...(spec.procurement
        ? [{ sheet: "Procurement", as: "procurement" as const, how: "test" }]
        : []),
      ...(spec.savings ? [{ sheet: "Savings", as: "savingsPlan" as const, how: "test" }] : []),
    ],
    findings: [],
  };
}

/** Officer pay (without overtime) and officer overtime by year, in pounds. */
export function officerBudget(
  pay: Record<number, number>,
  overtime: Record<number, number>
): BudgetSpec[] {
  return [
    { key: "officerPay", label: "Police officer pay", amounts: pay },
    { key: "officerOvertime", label: "Police officer overtime", amounts: overtime },
  ];
}

export const M = 1_000_000;

/** A small force covering every input (figures in pounds). */
export const fullSpec: DataSpec = {
  forceName: "Exampleshire Constabulary",
  budget: [
    ...officerBudget(
      { 2008: 94.5 * M, 2009: 94.8 * M, 2010: 95 * M },
      { 2008: 5.5 * M, 2009: 5.2 * M, 2010: 5 * M }
    ),
    { key: "staffPay", amounts: { 2008: 24 * M, 2009: 24 * M, 2010: 24 * M } },
  ],
  workforce: [
    {
      label: "Operational",
      category: "operational",
      fte: {
        2008: { officers: 2000, staff: 470, pcsos: 200 },
        2010: { officers: 2000, staff: 480, pcsos: 200 },
      },
    },
    { label: "HR", category: "hr", fte: { 2008: { staff: 240 }, 2010: { staff: 230 } } },
    { label: "IT", category: "it", fte: { 2008: { staff: 50 }, 2010: { staff: 50 } } },
    { label: "Estates", category: "estates", fte: { 2008: { staff: 40 }, 2010: { staff: 40 } } },
  ],
  procurement: [
    { category: "bodyArmour", spend: 200_000, contractEnd: "2011-03-31" },
    { category: "forensicDrugs", spend: 500_000, route: "nationalFramework" },
    { category: "vehicles", spend: 1_000_000.5, contractEnd: "2012-03-31" },
  ],
  savings: [
    { area: "overtime", year: 2009, planned: 300_000, actual: 300_000 },
    { area: "procurement", year: 2010, planned: 42_000.01 },
  ],
  overrides: { "indicator.Overtime %": "overtimeRatio * 100", "overtime.thresold": 0.05 },
};
