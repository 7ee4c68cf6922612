/**
 * The savings plan (5.53): planned and actual savings by the statement's nine areas and by year,
 * cashable and non-cashable kept apart, with the variance of actual against planned.
 *
 * Variance is measured only where an actual exists: actual - planned over the lines that have an
 * actual figure, so a year not yet reported is not shown as a shortfall.
 */
import { CellRef } from "../grid";
import { Finding, finding } from "../findings";
import { CAPACITY_KINDS, ForceData, SAVINGS_AREAS, SavingsArea, SavingsLine } from "../forceData";
import { Pence } from "../money";
import { Policy } from "../policy";
import { FinancialYear } from "../years";
import { formatYear } from "../format";
import { fig, rag, sortedUnique } from "./figures";
import {
  CapacityReleased,
  CapacityTotals,
  PlannedActual,
  RagStatus,
  SavingsAnalysis,
  SavingsAreaSummary,
  SavingsYearTotals,
} from "./types";
import { formatPercent, formatPolicyPercent } from "../format";

const PARA = "5.53";

const AREA_WORDS: Readonly<Record<SavingsArea, string>> = {
  deployment: "deployment",
  overtime: "overtime",
  processImprovement: "process improvement",
  bureaucracy: "reducing locally imposed bureaucracy",
  procurement: "national procurement frameworks",
  it: "IT convergence (ISIS)",
  supportServices: "support services",
  collaboration: "local approaches and collaboration",
  overheads: "economising on overheads",
};

export function savingsAreaLabel(area: SavingsArea): string {
  return AREA_WORDS[area];
}

/** Running totals for one scope (an area, a year, an area-year). */
class Tally {
  planned = 0;
  actual = 0;
  plannedWithActual = 0;
  anyActual = false;
  readonly plannedSrc: CellRef[] = [];
  readonly actualSrc: CellRef[] = [];
  readonly varianceSrc: CellRef[] = [];

  add(line: SavingsLine): void {
    if (line.planned) {
      this.planned += line.planned.value;
      for (const s of line.planned.sources) this.plannedSrc.push(s);
    }
    if (line.actual) {
      this.anyActual = true;
      this.actual += line.actual.value;
      for (const s of line.actual.sources) {
        this.actualSrc.push(s);
        this.varianceSrc.push(s);
      }
      if (line.planned) {
        this.plannedWithActual += line.planned.value;
        for (const s of line.planned.sources) this.varianceSrc.push(s);
      }
    }
  }

  result(): PlannedActual {
    const planned = fig<Pence>(this.planned, this.plannedSrc, "sum of planned");
    if (!this.anyActual) return { planned, actual: null, variance: null, varianceRatio: null };
    const variance = this.actual - this.plannedWithActual;
    return {
      planned,
      actual: fig(this.actual, this.actualSrc, "sum of actual"),
      variance: fig(variance, this.varianceSrc, "actual - planned, where an actual is given"),
      varianceRatio: this.plannedWithActual !== 0 ? variance / this.plannedWithActual : null,
    };
  }
}

const CAPACITY_FORMULA: Readonly<Record<(typeof CAPACITY_KINDS)[number], string>> = {
  hoursPlanned: "sum of hours planned",
  hoursActual: "sum of hours actually released",
  officersPlanned: "sum of officer equivalents planned",
  officersActual: "sum of officer equivalents actually released",
};

/** Each capacity measure summed over the lines that give it; undefined where none gives any. */
function capacityTotals(lines: readonly SavingsLine[]): CapacityTotals | undefined {
  const out: { -readonly [K in keyof CapacityTotals]: CapacityTotals[K] } = {};
  for (const kind of CAPACITY_KINDS) {
    let sum = 0;
    const sources: CellRef[] = [];
    for (const line of lines) {
      const f = line.capacity?.[kind];
      if (!f) continue;
      sum += f.value;
      sources.push(...f.sources);
    }
    if (sources.length > 0) out[kind] = fig(sum, sources, CAPACITY_FORMULA[kind]);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Capacity released over some lines, in total and by year; undefined where none gives any. */
export function capacityReleased(lines: readonly SavingsLine[]): CapacityReleased | undefined {
  const withCapacity = lines.filter((l) => l.capacity);
  const total = capacityTotals(withCapacity);
  if (!total) return undefined;
  const byYear = sortedUnique(withCapacity.map((l) => l.year)).flatMap((year) => {
    const totals = capacityTotals(withCapacity.filter((l) => l.year === year));
    return totals ? [{ year, totals }] : [];
  });
  return { total, byYear };
}

interface Pair {
  cashable: Tally;
  nonCashable: Tally;
}

const newPair = (): Pair => ({ cashable: new Tally(), nonCashable: new Tally() });

function yearTotals(map: Map<FinancialYear, Pair>): SavingsYearTotals[] {
  return sortedUnique(map.keys()).map((year) => {
    const p = map.get(year)!;
    return { year, cashable: p.cashable.result(), nonCashable: p.nonCashable.result() };
  });
}

export function analyseSavings(data: ForceData, policy: Policy): SavingsAnalysis {
  const findings: Finding[] = [];
  const areas = new Map<
    SavingsArea,
    {
      all: Pair;
      years: Map<FinancialYear, Pair>;
      lines: number;
      notes: { text: string; cell: CellRef }[];
    }
  >();
  for (const a of SAVINGS_AREAS)
    areas.set(a, { all: newPair(), years: new Map(), lines: 0, notes: [] });
  const total = newPair();
  const years = new Map<FinancialYear, Pair>();
  const unassigned = { pair: newPair(), lines: 0 };
  const unknownAreas = new Map<string, { count: number; cell: CellRef }>();

  for (const line of data.savingsPlan.lines) {
    const type = line.type === "cashable" ? "cashable" : "nonCashable";
    // A line that gives only hours or officer equivalents still counts (5.53: "hours, officer
    // equivalents or £ equivalent"); its money figures are simply none.
    if (!line.planned && !line.actual && !line.capacity) continue;
    if (!line.planned && line.actual)
      findings.push(
        finding(
          "info",
          "SAVING_WITHOUT_PLAN",
          `"${line.initiative}" has an actual saving for ${formatYear(line.year)} but no planned figure; it counts towards actuals only.`,
          line.actual.sources[0] ?? line.labelCell
        )
      );
    if (!line.area) {
      unassigned.pair[type].add(line);
      unassigned.lines++;
      const u = unknownAreas.get(line.areaText);
      if (u) u.count++;
      else unknownAreas.set(line.areaText, { count: 1, cell: line.labelCell });
      continue;
    }
    const a = areas.get(line.area)!;
    a.lines++;
    if (line.notes && line.notes.trim())
      a.notes.push({ text: line.notes.trim(), cell: line.labelCell });
    a.all[type].add(line);
    let ay = a.years.get(line.year);
    if (!ay) a.years.set(line.year, (ay = newPair()));
    ay[type].add(line);
    total[type].add(line);
    let y = years.get(line.year);
    if (!y) years.set(line.year, (y = newPair()));
    y[type].add(line);
  }

  for (const [text, u] of unknownAreas)
    findings.push(
      finding(
        "warning",
        "SAVINGS_AREA_UNKNOWN",
        `The area "${text}"${u.count > 1 ? ` (${u.count} lines)` : ""} is not one of the statement's nine areas, so its savings are left out of the area totals.`,
        u.cell,
        "Choose one of the nine areas for the line."
      )
    );

  const byArea: SavingsAreaSummary[] = [];
  const areasWithoutPlans: SavingsArea[] = [];
  const sheet = data.sheetsUsed.find((s) => s.as === "savingsPlan")?.sheet;
  // No plan at all: one finding rather than one per area.
  const noPlan = data.savingsPlan.lines.length === 0;
  if (noPlan)
    findings.push(
      finding(
        "warning",
        "NO_SAVINGS_PLAN",
        "No savings plan was found, so none of the statement's nine areas has planned or actual savings.",
        sheet ? { sheet } : undefined,
        "Add a savings plan sheet (initiative, area, type, year, planned, actual), or use the input template."
      )
    );
  for (const area of SAVINGS_AREAS) {
    const a = areas.get(area)!;
    const cashable = a.all.cashable.result();
    const nonCashable = a.all.nonCashable.result();
    if (a.lines === 0) {
      areasWithoutPlans.push(area);
      if (!noPlan)
        findings.push(
          finding(
            "warning",
            "SAVINGS_AREA_MISSING",
            `The savings plan has no figures for ${AREA_WORDS[area]}, one of the nine areas the statement must cover.`,
            sheet ? { sheet } : undefined,
            "Add planned savings for the area, or a line stating that none are planned."
          )
        );
    }
    const capacity = capacityReleased(data.savingsPlan.lines.filter((l) => l.area === area));
    byArea.push({
      area,
      cashable,
      nonCashable,
      byYear: yearTotals(a.years),
      lineCount: a.lines,
      ...(capacity ? { capacity } : {}),
      notes: a.notes,
      rag: savingsRag(policy, cashable, nonCashable, a.lines),
    });
  }
  const totals = { cashable: total.cashable.result(), nonCashable: total.nonCashable.result() };
  const capacity = capacityReleased(data.savingsPlan.lines.filter((l) => l.area !== undefined));
  return {
    byArea,
    byYear: yearTotals(years),
    total: totals,
    ...(capacity ? { capacity } : {}),
    areasWithoutPlans,
    unassigned: {
      lineCount: unassigned.lines,
      cashable: unassigned.pair.cashable.result(),
      nonCashable: unassigned.pair.nonCashable.result(),
    },
    rag: savingsRag(policy, totals.cashable, totals.nonCashable, data.savingsPlan.lines.length),
    findings,
  };
}

/**
 * Actual against planned where actuals exist: short by more than the amber share is at risk,
 * by more than the red share off track (policy.rag). Cashable figures decide where there are
 * any; otherwise non-cashable.
 */
function savingsRag(
  policy: Policy,
  cashable: PlannedActual,
  nonCashable: PlannedActual,
  lines: number
): RagStatus {
  if (lines === 0) return rag("none", "no savings planned", PARA);
  const basis = cashable.actual ? cashable : nonCashable.actual ? nonCashable : null;
  if (!basis || basis.varianceRatio === null)
    return rag("none", "no actual savings reported yet to compare with the plan", PARA);
  const shortfall = -basis.varianceRatio;
  const { savingsAmberShortfall: amber, savingsRedShortfall: red } = policy.rag;
  const kind = basis === cashable ? "cashable" : "non-cashable";
  if (shortfall > red)
    return rag(
      "red",
      `${kind} savings so far ${formatPercent(shortfall)} short of plan (more than ${formatPolicyPercent(red)})`,
      PARA
    );
  if (shortfall > amber)
    return rag(
      "amber",
      `${kind} savings so far ${formatPercent(shortfall)} short of plan (more than ${formatPolicyPercent(amber)})`,
      PARA
    );
  return rag(
    "green",
    shortfall > 0
      ? `${kind} savings so far within ${formatPolicyPercent(amber)} of plan`
      : `${kind} savings so far at or above plan`,
    PARA
  );
}
