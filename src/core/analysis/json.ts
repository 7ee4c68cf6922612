/**
 * The analysis as JSON (`vfm analyse --json`; schema in schema/analysis.schema.json):
 * money in pounds with at most two decimals, ratios as fractions, years "2008/09", dates ISO
 * "2010-09-30", cells "Sheet!C7" (a run of cells down one column is written "Sheet!C7:C20").
 */
import { CellRef, formatRef, parseA1, quoteSheetName } from "../grid";
import { Finding, findingPlace } from "../findings";
import { Pence, toPounds } from "../money";
import { POLICY_SETTINGS, formatPolicyValue, policyValue } from "../policy";
import { FinancialYear } from "../years";
import { formatYear } from "../format";
import {
  Analysis,
  CapacityReleased,
  CapacityTotals,
  Figure,
  PlannedActual,
  RagStatus,
  SavingsYearTotals,
  ThresholdStatus,
} from "./types";

export const ANALYSIS_JSON_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type AnalysisJson = { [k: string]: Json };

const pounds = (p: Pence): number => toPounds(p);
const poundsOrNull = (f: Figure<Pence> | null | undefined): number | null =>
  f ? pounds(f.value) : null;
/** Ratios keep ten decimals: enough for any check, without float noise such as ...0000004. */
const ratio = (r: number | null | undefined): number | null =>
  r === null || r === undefined || !Number.isFinite(r) ? null : Math.round(r * 1e10) / 1e10;
const fte = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Math.round(v * 1e4) / 1e4;
const year = (y: FinancialYear | null | undefined): string | null =>
  y === null || y === undefined ? null : formatYear(y);

/**
 * Cells as "Sheet!C7", with runs of consecutive rows in one column merged into "Sheet!C7:C20"
 * (a 200,000-line ledger total cites one range, not 200,000 cells). Order of first appearance.
 */
export function cellsJson(refs: readonly CellRef[]): string[] {
  const out: string[] = [];
  let run: { sheet: string; col: string; first: number; last: number } | undefined;
  const flush = () => {
    if (!run) return;
    const s = quoteSheetName(run.sheet);
    out.push(
      run.first === run.last
        ? `${s}!${run.col}${run.first}`
        : `${s}!${run.col}${run.first}:${run.col}${run.last}`
    );
    run = undefined;
  };
  const seen = new Set<string>();
  for (const r of refs) {
    const key = `${r.sheet}\u0000${r.address}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const a = parseA1(r.address);
    const m = /^([A-Z]+)/.exec(r.address.toUpperCase());
    if (!a || !m) {
      flush();
      out.push(formatRef(r));
      continue;
    }
    const row = a.row + 1;
    if (run && run.sheet === r.sheet && run.col === m[1] && row === run.last + 1) run.last = row;
    else {
      flush();
      run = { sheet: r.sheet, col: m[1], first: row, last: row };
    }
  }
  flush();
  return out;
}

const cells = (f: { sources: readonly CellRef[] } | null | undefined): string[] =>
  f ? cellsJson(f.sources) : [];

function ragJson(r: RagStatus): Json {
  return { status: r.rag, words: r.words, rule: r.rule, paragraph: r.paragraph };
}

function statusJson(s: ThresholdStatus): string {
  return s;
}

function plannedActualJson(pa: PlannedActual): Json {
  return {
    planned: pounds(pa.planned.value),
    actual: poundsOrNull(pa.actual),
    variance: poundsOrNull(pa.variance),
    varianceRatio: ratio(pa.varianceRatio),
    cells: { planned: cells(pa.planned), actual: cells(pa.actual) },
  };
}

/** Hours and officer equivalents as the plan gives them, each with its cells; null where not given. */
function capacityTotalsJson(t: CapacityTotals): Json {
  const one = (f: Figure<number> | undefined): Json =>
    f ? { value: fte(f.value), cells: cellsJson(f.sources) } : null;
  return {
    hoursPlanned: one(t.hoursPlanned),
    hoursActual: one(t.hoursActual),
    officersPlanned: one(t.officersPlanned),
    officersActual: one(t.officersActual),
  };
}

/** Capacity released (5.53), present in the JSON only where the plan gives some. */
function capacityJson(c: CapacityReleased | undefined): { capacity?: Json } {
  if (!c) return {};
  return {
    capacity: {
      total: capacityTotalsJson(c.total),
      byYear: c.byYear.map((y) => ({
        year: formatYear(y.year),
        ...(capacityTotalsJson(y.totals) as object),
      })),
    },
  };
}

function yearTotalsJson(y: SavingsYearTotals): Json {
  return {
    year: formatYear(y.year),
    cashable: plannedActualJson(y.cashable),
    nonCashable: plannedActualJson(y.nonCashable),
  };
}

function findingJson(f: Finding): Json {
  const o: { [k: string]: Json } = {
    severity: f.severity,
    code: f.code,
    message: f.message,
    cell: findingPlace(f) ?? null,
  };
  if (f.fix) o.fix = f.fix;
  if (f.rule) o.rule = f.rule;
  return o;
}

export function analysisToJson(a: Analysis): AnalysisJson {
  const ot = a.overtime;
  const bs = a.businessSupport;
  const pr = a.procurement;
  const sv = a.savings;
  return {
    schemaVersion: ANALYSIS_JSON_VERSION,
    force: a.force.value,
    forceCell: a.force.sources[0] ? formatRef(a.force.sources[0]) : null,
    years: a.years.map(formatYear),
    baselineYear: formatYear(a.baselineYear),
    targetYear: formatYear(a.targetYear),
    unit: a.unit ?? null,
    overtime: {
      basis: ot.basis,
      threshold: ratio(ot.threshold),
      byYear: ot.byYear.map((y) => ({
        year: formatYear(y.year),
        overtime: pounds(y.overtime.value),
        paybill: pounds(y.paybill.value),
        ratio: ratio(y.ratio?.value),
        status: statusJson(y.status),
        highestSpender: y.highestSpender,
        basis: y.basis ?? null,
        confidence: y.confidence,
        doubtfulAmount: pounds(y.doubtfulAmount.value),
        doubts: y.doubts.map((d) => ({
          label: d.label,
          cell: `${d.cell.sheet}!${d.cell.address}`,
          amount: pounds(d.amount),
          reason: d.reason,
          correction: d.correction,
          keys: d.keys ? [...d.keys] : [],
        })),
        cells: {
          overtime: cells(y.overtime),
          paybill: cells(y.paybill),
          doubtfulAmount: cells(y.doubtfulAmount),
        },
      })),
      requiredByYear: ot.requiredByYear.map((r) => ({
        year: formatYear(r.year),
        maximum: pounds(r.maximum.value),
        met: r.met,
        rule: r.rule,
        overtime: r.overtime === null ? null : pounds(r.overtime),
        previousYear: formatYear(r.previousYear),
        previous: pounds(r.previous),
        previousFrom: r.previousFrom,
        cells: cells(r.maximum),
      })),
      yearsMissed: ot.yearsMissed.map(formatYear),
      yearThresholdReached: year(ot.yearThresholdReached),
      projectedYearThresholdReached: year(ot.projectedYearThresholdReached),
      baselineOvertime: poundsOrNull(ot.baselineOvertime),
      savingsAgainstBaseline: ot.savingsAgainstBaseline.map((s) => ({
        year: formatYear(s.year),
        saving: pounds(s.saving.value),
        cells: cells(s.saving),
      })),
      nationalShare: poundsOrNull(ot.nationalShare),
      nationalShareFraction: ratio(ot.nationalShareFraction),
      rag: ragJson(ot.rag),
    },
    businessSupport: {
      threshold: ratio(bs.threshold),
      assessedYear: year(bs.assessedYear),
      assessedYearIsTarget: bs.assessedYearIsTarget,
      byYear: bs.byYear.map((y) => ({
        year: formatYear(y.year),
        supportFte: fte(y.supportFte.value),
        excludedFte: fte(y.excludedFte.value),
        totalFte: fte(y.totalFte.value),
        ratio: ratio(y.ratio?.value),
        status: statusJson(y.status),
        confidence: y.confidence,
        unclassifiedFte: fte(y.unclassifiedFte.value),
        doubts: y.doubts.map((d) => ({
          label: d.label,
          cell: `${d.cell.sheet}!${d.cell.address}`,
          fte: fte(d.fte),
          reason: d.reason,
          correction: d.correction,
        })),
        cells: {
          supportFte: cells(y.supportFte),
          totalFte: cells(y.totalFte),
          unclassifiedFte: cells(y.unclassifiedFte),
        },
      })),
      definition: bs.definition,
      excessFte: fte(bs.excessFte?.value),
      averageCost: bs.averageCost ? pounds(bs.averageCost.value) : null,
      averageCostMethod: bs.averageCost ? bs.averageCost.method : null,
      cashableSaving: poundsOrNull(bs.cashableSaving),
      path: bs.path.map((p) => ({
        year: formatYear(p.year),
        maximumSupportFte: fte(p.maximumSupportFte),
        totalFte: fte(p.totalFte),
        ratio: ratio(p.ratio),
        supportFte: fte(p.supportFte),
        onPath: p.onPath,
      })),
      classification: { ...bs.classification },
      rag: ragJson(bs.rag),
    },
    procurement: {
      totalSpend: pounds(pr.totalSpend.value),
      addressableSpend: pounds(pr.addressableSpend.value),
      onFrameworkSpend: pounds(pr.onFrameworkSpend.value),
      onFrameworkShare: ratio(pr.onFrameworkShare),
      otherSpend: pounds(pr.otherSpend.value),
      expectedAnnualSaving: pounds(pr.expectedAnnualSaving.value),
      spendWithoutRate: pounds(pr.spendWithoutRate.value),
      byCategory: pr.byCategory.map((c) => ({
        category: c.category,
        approach: c.approach,
        frameworkDate: c.frameworkDate,
        paragraph: c.paragraph,
        spend: pounds(c.spend.value),
        onFrameworkSpend: pounds(c.onFrameworkSpend.value),
        onFrameworkShare: ratio(c.onFrameworkShare),
        rate: ratio(c.rate),
        annualSaving: poundsOrNull(c.annualSaving),
        lineCount: c.lineCount,
      })),
      opportunities: pr.opportunities.map((o) => ({
        category: o.category,
        categoryText: o.categoryText,
        supplier: o.supplier ?? null,
        route: o.route,
        spend: pounds(o.spend.value),
        frameworkDate: o.frameworkDate,
        contractEnd: o.contractEnd,
        migrateBy: o.migrateBy,
        plannedMigration: o.plannedMigration,
        plannedMigrationLate: o.plannedMigrationLate,
        migration: o.migration,
        rate: ratio(o.rate),
        annualSaving: poundsOrNull(o.annualSaving),
        cell: formatRef(o.cell),
      })),
      cells: {
        addressableSpend: cells(pr.addressableSpend),
        onFrameworkSpend: cells(pr.onFrameworkSpend),
      },
      rag: ragJson(pr.rag),
    },
    savings: {
      byArea: sv.byArea.map((s) => ({
        area: s.area,
        lineCount: s.lineCount,
        cashable: plannedActualJson(s.cashable),
        nonCashable: plannedActualJson(s.nonCashable),
        byYear: s.byYear.map(yearTotalsJson),
        notes: s.notes.map((n) => ({ text: n.text, cell: formatRef(n.cell) })),
        rag: ragJson(s.rag),
        ...capacityJson(s.capacity),
      })),
      byYear: sv.byYear.map(yearTotalsJson),
      total: {
        cashable: plannedActualJson(sv.total.cashable),
        nonCashable: plannedActualJson(sv.total.nonCashable),
      },
      ...capacityJson(sv.capacity),
      areasWithoutPlans: [...sv.areasWithoutPlans],
      unassignedLines: sv.unassigned.lineCount,
      rag: ragJson(sv.rag),
    },
    indicators: a.indicators.map((i) => ({
      name: i.name,
      expression: i.expression,
      cell: i.cell ? formatRef(i.cell) : null,
      error: i.error ?? null,
      byYear: i.byYear.map((v) => ({
        year: formatYear(v.year),
        value: v.value,
        cells: cellsJson(v.sources),
      })),
    })),
    policy: POLICY_SETTINGS.map((d) => {
      const v = policyValue(a.policy, d.key) ?? null;
      const applied = a.overridesApplied.filter((o) => o.key === d.key).pop();
      return {
        key: d.key,
        value: policyJsonValue(d.kind, v),
        text: formatPolicyValue(d, v),
        default: policyJsonValue(d.kind, d.defaultValue),
        paragraph: d.paragraph,
        overridden: applied !== undefined,
        source: applied ? (applied.cell ? formatRef(applied.cell) : (applied.file ?? null)) : null,
      };
    }),
    // The readings the White Paper leaves open, with the verdict each way of reading gives.
    readings: a.readings.map((r) => ({
      key: r.key,
      label: r.label,
      whitePaperWords: r.whitePaperWords,
      turnsOnIt: r.turnsOnIt,
      options: r.options.map((o) => ({
        value: o.value,
        label: o.label,
        inUse: o.inUse,
        verdict: o.verdict,
        rag: ragJson(o.status),
        cells: cellsJson(o.sources),
      })),
    })),
    findings: a.findings.map(findingJson),
  };
}

function policyJsonValue(kind: string, v: number | string | boolean | null): Json {
  if (v === null) return null;
  if (kind === "money") return pounds(Number(v));
  if (kind === "year") return formatYear(Number(v));
  return v;
}
