/**
 * User-defined indicators from the Settings sheet ("indicator.Overtime per officer" =
 * "officerOvertime / officersFte"), evaluated for every year. The figures an expression may use
 * and the functions it may call are listed here; the expressions are compiled by a formula
 * engine handed in by the caller (indicatorEngine.ts, a restricted mathjs instance), which the
 * fronts load only when a workbook defines indicators.
 */
import { CellRef } from "../grid";
import { Finding, finding } from "../findings";
import { BudgetLineKey, ForceData } from "../forceData";
import { isIndicatorKey } from "../policy";
import { FinancialYear } from "../years";
import { formatYear } from "../format";
import { budgetAmount, mergeSources } from "./figures";
import {
  BusinessSupportAnalysis,
  IndicatorResult,
  IndicatorValue,
  OvertimeAnalysis,
  ProcurementAnalysis,
  SavingsAnalysis,
} from "./types";

/** Functions an indicator may call. */
export const INDICATOR_FUNCTIONS = [
  "abs",
  "round",
  "floor",
  "ceil",
  "sqrt",
  "mod",
  "pow",
  "min",
  "max",
  "sum",
  "mean",
  "median",
  "std",
  "variance",
  "quantileSeq",
] as const;

/** What an indicator expression compiles to: the figures it uses, and a way to work it out. */
export type CompiledIndicator =
  | {
      readonly ok: true;
      readonly variables: readonly string[];
      readonly evaluate: (scope: ReadonlyMap<string, number>) => unknown;
    }
  | { readonly ok: false; readonly why: string };

/** Compiles indicator expressions (indicatorEngine.ts; loaded only when indicators exist). */
export interface IndicatorEngine {
  compile(expression: string): CompiledIndicator;
}

/** A variable an indicator may use, with what it holds (for the README and the settings panel). */
export interface IndicatorVariable {
  readonly name: string;
  readonly description: string;
}

const BUDGET_VARIABLES: readonly [BudgetLineKey, string][] = [
  ["officerPay", "police officer pay, £"],
  ["officerOvertime", "police officer overtime, £"],
  ["staffPay", "police staff pay, £"],
  ["staffOvertime", "police staff overtime, £"],
  ["pcsoPay", "PCSO pay, £"],
  ["pcsoOvertime", "PCSO overtime, £"],
  ["totalPay", "total pay, £"],
  ["nonPay", "non-pay spending, £"],
  ["grossExpenditure", "gross expenditure, £"],
  ["income", "income, £"],
  ["netExpenditure", "net expenditure, £"],
];

export const INDICATOR_VARIABLES: readonly IndicatorVariable[] = [
  ...BUDGET_VARIABLES.map(([name, description]) => ({ name, description })),
  { name: "overtime", description: "overtime on the chosen basis, £" },
  { name: "paybill", description: "paybill on the chosen basis, £" },
  { name: "overtimeRatio", description: "overtime / paybill, a fraction" },
  { name: "supportFte", description: "business-support FTE (IT excluded)" },
  { name: "itFte", description: "FTE in functions excluded from the ratio (IT)" },
  { name: "totalFte", description: "workforce FTE (officers + staff + PCSOs)" },
  { name: "supportRatio", description: "supportFte / totalFte, a fraction" },
  { name: "officersFte", description: "police officer FTE" },
  { name: "staffFte", description: "police staff FTE" },
  { name: "pcsosFte", description: "PCSO FTE" },
  { name: "plannedCashable", description: "planned cashable savings, £" },
  { name: "actualCashable", description: "actual cashable savings, £" },
  { name: "plannedNonCashable", description: "planned non-cashable savings, £ equivalent" },
  { name: "actualNonCashable", description: "actual non-cashable savings, £ equivalent" },
  {
    name: "addressableSpend",
    description: "procurement spend in national-approach categories, £ (same every year)",
  },
  {
    name: "onFrameworkSpend",
    description: "of which through national frameworks, £ (same every year)",
  },
  { name: "frameworkShare", description: "onFrameworkSpend / addressableSpend (same every year)" },
  { name: "procurementSpend", description: "all procurement spend, £ (same every year)" },
  { name: "year", description: "the year's start, e.g. 2010 for 2010/11" },
];

interface YearScope {
  readonly values: Map<string, number>;
  readonly sources: Map<string, readonly CellRef[]>;
}

/** Every variable's value and cells for each year. */
export function indicatorScopes(
  data: ForceData,
  years: readonly FinancialYear[],
  overtime: OvertimeAnalysis,
  support: BusinessSupportAnalysis,
  procurement: ProcurementAnalysis,
  savings: SavingsAnalysis
): Map<FinancialYear, YearScope> {
  const out = new Map<FinancialYear, YearScope>();
  for (const year of years) {
    const values = new Map<string, number>();
    const sources = new Map<string, readonly CellRef[]>();
    const put = (name: string, value: number, src: readonly CellRef[]) => {
      values.set(name, value);
      sources.set(name, src);
    };
    put("year", year, []);
    for (const [key] of BUDGET_VARIABLES) {
      const a = budgetAmount(data, key, year);
      if (a) put(key, a.value / 100, a.sources);
    }
    const ot = overtime.byYear.find((y) => y.year === year);
    if (ot) {
      put("overtime", ot.overtime.value / 100, ot.overtime.sources);
      put("paybill", ot.paybill.value / 100, ot.paybill.sources);
      if (ot.ratio) put("overtimeRatio", ot.ratio.value, ot.ratio.sources);
    }
    const bs = support.byYear.find((y) => y.year === year);
    if (bs) {
      put("supportFte", bs.supportFte.value, bs.supportFte.sources);
      put("itFte", bs.excludedFte.value, bs.excludedFte.sources);
      put("totalFte", bs.totalFte.value, bs.totalFte.sources);
      if (bs.ratio) put("supportRatio", bs.ratio.value, bs.ratio.sources);
    }
    for (const [name, type] of [
      ["officersFte", "officers"],
      ["staffFte", "staff"],
      ["pcsosFte", "pcsos"],
    ] as const) {
      let v = 0;
      let any = false;
      const src: CellRef[] = [];
      for (const l of data.workforce.lines) {
        if (l.isTotal) continue;
        const f = l.fte.get(year)?.[type];
        if (!f) continue;
        any = true;
        v += f.value;
        src.push(...f.sources);
      }
      if (any) put(name, v, src);
    }
    const sy = savings.byYear.find((y) => y.year === year);
    if (sy) {
      put("plannedCashable", sy.cashable.planned.value / 100, sy.cashable.planned.sources);
      put("plannedNonCashable", sy.nonCashable.planned.value / 100, sy.nonCashable.planned.sources);
      if (sy.cashable.actual)
        put("actualCashable", sy.cashable.actual.value / 100, sy.cashable.actual.sources);
      if (sy.nonCashable.actual)
        put("actualNonCashable", sy.nonCashable.actual.value / 100, sy.nonCashable.actual.sources);
    }
    if (data.procurement.lines.length > 0) {
      // Whole-ledger figures: cite the ledger's first cell rather than every line.
      const first = (f: { sources: readonly CellRef[] }) => f.sources.slice(0, 1);
      put(
        "addressableSpend",
        procurement.addressableSpend.value / 100,
        first(procurement.addressableSpend)
      );
      put(
        "onFrameworkSpend",
        procurement.onFrameworkSpend.value / 100,
        first(procurement.onFrameworkSpend)
      );
      put("procurementSpend", procurement.totalSpend.value / 100, first(procurement.totalSpend));
      if (procurement.onFrameworkShare !== null)
        put("frameworkShare", procurement.onFrameworkShare, first(procurement.addressableSpend));
    }
    out.set(year, { values, sources });
  }
  return out;
}

/** The indicators written in the Settings sheet: keys "indicator.NAME" or "indicator: NAME". */
export function indicatorDefinitions(
  data: ForceData
): { name: string; expression: string; cell?: CellRef }[] {
  const out: { name: string; expression: string; cell?: CellRef }[] = [];
  for (const [key, s] of data.settings.policyOverrides) {
    if (!isIndicatorKey(key)) continue;
    const name = key
      .trim()
      .replace(/^indicator\s*[.:]\s*/i, "")
      .trim();
    const cell = s.sources[0];
    const d = { name: name || key, expression: String(s.value) };
    out.push(cell ? { ...d, cell } : d);
  }
  return out;
}

/** Evaluates one expression for every year; never throws. */
export function evaluateIndicator(
  def: { name: string; expression: string; cell?: CellRef },
  scopes: ReadonlyMap<FinancialYear, YearScope>,
  engine: IndicatorEngine | undefined
): { result: IndicatorResult; findings: Finding[] } {
  const base = def.cell
    ? { name: def.name, expression: def.expression, cell: def.cell }
    : { name: def.name, expression: def.expression };
  const checked: CompiledIndicator = engine
    ? engine.compile(def.expression)
    : {
        ok: false,
        why: "the formula engine was not loaded, so no indicator was worked out (run the analysis again)",
      };
  if (!checked.ok) {
    const why = checked.why;
    return {
      result: { ...base, byYear: [], error: why },
      findings: [
        finding(
          "warning",
          "INDICATOR_INVALID",
          `The indicator "${def.name}" cannot be worked out: ${why}.`,
          def.cell,
          engine
            ? "Use only the figures and functions listed in the README, with + - * / ^ and brackets."
            : undefined
        ),
      ],
    };
  }
  const byYear: IndicatorValue[] = [];
  for (const [year, scope] of [...scopes].sort((a, b) => a[0] - b[0])) {
    const missing = checked.variables.filter((v) => !scope.values.has(v));
    const sources = mergeSources(...checked.variables.map((v) => scope.sources.get(v)));
    if (missing.length > 0) {
      byYear.push({ year, value: null, sources });
      continue;
    }
    let value: number | null = null;
    try {
      const r = checked.evaluate(scope.values);
      const n = typeof r === "boolean" ? (r ? 1 : 0) : r;
      value = typeof n === "number" && Number.isFinite(n) ? n : null;
    } catch {
      value = null;
    }
    byYear.push({ year, value, sources });
  }
  const findings: Finding[] = [];
  if (byYear.length > 0 && byYear.every((y) => y.value === null))
    findings.push(
      finding(
        "info",
        "INDICATOR_NO_VALUE",
        `The indicator "${def.name}" has no value in any year (${scopes.size > 0 ? formatYear(Math.min(...scopes.keys())) : ""} on): a figure it uses is missing, or it divides by zero.`,
        def.cell
      )
    );
  return { result: { ...base, byYear }, findings };
}

export function analyseIndicators(
  data: ForceData,
  years: readonly FinancialYear[],
  overtime: OvertimeAnalysis,
  support: BusinessSupportAnalysis,
  procurement: ProcurementAnalysis,
  savings: SavingsAnalysis,
  engine: IndicatorEngine | undefined
): { indicators: IndicatorResult[]; findings: Finding[] } {
  const defs = indicatorDefinitions(data);
  if (defs.length === 0) return { indicators: [], findings: [] };
  const scopes = indicatorScopes(data, years, overtime, support, procurement, savings);
  const indicators: IndicatorResult[] = [];
  const findings: Finding[] = [];
  for (const d of defs) {
    const r = evaluateIndicator(d, scopes, engine);
    indicators.push(r.result);
    findings.push(...r.findings);
  }
  return { indicators, findings };
}
