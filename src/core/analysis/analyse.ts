/**
 * The one entry point: from detected figures and a policy to the whole analysis. Applies the
 * workbook's own policy settings, runs every analysis, gathers all findings, and never throws:
 * an analysis that fails is replaced by an empty one and a finding says so.
 */
import { CellRef } from "../grid";
import { Finding, finding, sortFindings } from "../findings";
import { ForceData, SAVINGS_AREAS } from "../forceData";
import { DEFAULT_POLICY, Policy, PolicyOverrideApplied, applyOverrides } from "../policy";
import { analyseBusinessSupport } from "./businessSupport";
import { fig, rag } from "./figures";
import { IndicatorEngine, analyseIndicators } from "./indicators";
import { analyseOvertime } from "./overtime";
import { analysePeers } from "./peers";
import type { NationalTable } from "../profiles/types";
import type { PeersAnalysis, PeersSettings } from "./peersTypes";
import { gapInputsFromAnalysis } from "./peersGap";
import { analyseProcurement } from "./procurement";
import { analysisYears } from "./planYear";
import { readingVerdicts } from "./readings";
import { analyseSavings } from "./savings";
import {
  Analysis,
  BusinessSupportAnalysis,
  IndicatorResult,
  OvertimeAnalysis,
  PlannedActual,
  ProcurementAnalysis,
  SavingsAnalysis,
} from "./types";

export interface AnalyseOptions {
  /**
   * HMIC's national table (core/profiles, loadNationalTable): with no peers sheet in the
   * workbook, the force is compared with all 43 forces in it. A peers sheet always wins.
   */
  readonly national?: NationalTable;
  /**
   * Ranks the force among the 43 in the national table (profiles/compare.ts,
   * compareNationalFigures), given with the table: the task pane loads both after its first step
   * shows, so the comparison's code is not in the pane's first download. A table given without
   * it is reported as a comparison that could not be made.
   */
  readonly nationalComparer?: NationalComparer;
  /** A most similar group the user chose (Settings sheet or pane), for the national comparison. */
  readonly group?: readonly string[];
  /**
   * Overrides from a policy file (`vfm analyse --policy FILE`), applied after the workbook's
   * Settings sheet, so the file given for this run wins.
   */
  readonly policyFile?: {
    readonly name: string;
    readonly overrides: Readonly<Record<string, unknown>>;
  };
  /** Skip the Settings sheet's overrides (the task pane applies its own edited copy). */
  readonly ignoreWorkbookOverrides?: boolean;
  /**
   * The formula engine for user-defined indicators (indicatorEngine.ts), when the workbook
   * defines any: without it, each indicator is reported as not worked out.
   */
  readonly indicatorEngine?: IndicatorEngine;
}

/** The national comparison, from the force's own overtime and business-support figures. */
export type NationalComparer = (
  table: NationalTable,
  forceName: string,
  figures: Pick<Analysis, "overtime" | "businessSupport">,
  settings: PeersSettings
) => PeersAnalysis | undefined;

export const UNNAMED_FORCE = "Unnamed force";

/**
 * The effective policy: the given one, then the Settings sheet's baseline/target years and
 * overrides, then a policy file's. Returns what was applied and any findings.
 */
export function effectivePolicy(
  data: ForceData,
  policy: Policy = DEFAULT_POLICY,
  options: AnalyseOptions = {}
): { policy: Policy; applied: PolicyOverrideApplied[]; findings: Finding[] } {
  let p = policy;
  const applied: PolicyOverrideApplied[] = [];
  const findings: Finding[] = [];
  if (!options.ignoreWorkbookOverrides) {
    const years = new Map<string, { value: unknown; sources: readonly CellRef[] }>();
    if (data.settings.baselineYear) years.set("years.baseline", data.settings.baselineYear);
    if (data.settings.targetYear) years.set("years.target", data.settings.targetYear);
    const merged = new Map<string, { value: unknown; sources?: readonly CellRef[] }>([
      ...years,
      ...data.settings.policyOverrides,
    ]);
    const r = applyOverrides(p, merged, { from: "settings" });
    p = r.policy;
    applied.push(...r.applied);
    findings.push(...r.findings);
  }
  if (options.policyFile) {
    const r = applyOverrides(p, options.policyFile.overrides, {
      from: "file",
      file: options.policyFile.name,
    });
    p = r.policy;
    applied.push(...r.applied);
    findings.push(...r.findings);
  }
  return { policy: p, applied, findings };
}

export function analyse(
  data: ForceData,
  policy: Policy = DEFAULT_POLICY,
  options: AnalyseOptions = {}
): Analysis {
  const findings: Finding[] = [...(data.findings ?? [])];
  let eff: ReturnType<typeof effectivePolicy>;
  try {
    eff = effectivePolicy(data, policy, options);
  } catch (e) {
    findings.push(failed("the policy settings", e));
    eff = { policy, applied: [], findings: [] };
  }
  const p = eff.policy;
  findings.push(...eff.findings);

  const overtime = guard(() => analyseOvertime(data, p), emptyOvertime(p), "overtime", findings);
  const businessSupport = guard(
    () => analyseBusinessSupport(data, p),
    emptySupport(p),
    "business support",
    findings
  );
  const procurement = guard(
    () => analyseProcurement(data, p),
    emptyProcurement(),
    "procurement",
    findings
  );
  const savings = guard(() => analyseSavings(data, p), emptySavings(), "savings plan", findings);
  for (const part of [overtime, businessSupport, procurement, savings])
    findings.push(...part.findings);

  const years = guard(() => analysisYears(data, p), [p.years.baseline], "the years", findings);
  const ind = guard(
    () =>
      analyseIndicators(
        data,
        years,
        overtime,
        businessSupport,
        procurement,
        savings,
        options.indicatorEngine
      ),
    { indicators: [] as IndicatorResult[], findings: [] as Finding[] },
    "the indicators",
    findings
  );
  findings.push(...ind.findings);

  const name = data.settings.forceName;
  if (!name || !name.value.trim())
    findings.push(
      finding(
        "info",
        "FORCE_NAME_MISSING",
        'The force\'s name was not found; the analysis calls it "Unnamed force".',
        undefined,
        "Enter the force's name in the Settings sheet."
      )
    );
  const force =
    name && name.value.trim() ? fig(name.value.trim(), name.sources) : fig(UNNAMED_FORCE, []);

  const peersData = data.peers;
  // The most similar group the user named: the pane's choice, else the Settings sheet's.
  const group =
    options.group && options.group.length > 0
      ? options.group
      : data.settings.mostSimilarForces?.value;
  const peers = peersData
    ? guard(
        () =>
          analysePeers(peersData, force.value, {
            policy: p,
            gapInputs: gapInputsFromAnalysis({ overtime, businessSupport }),
            ...(group && group.length > 0 ? { group } : {}),
          }),
        undefined,
        "peers benchmarking",
        findings
      )
    : options.national
      ? guard(
          () => {
            if (!options.nationalComparer)
              throw new Error("HMIC's national table was given without its comparison");
            return options.nationalComparer(
              options.national as NationalTable,
              force.value,
              { overtime, businessSupport },
              { policy: p, ...(group && group.length > 0 ? { group } : {}) }
            );
          },
          undefined,
          "the national comparison",
          findings
        )
      : undefined;
  if (peers) findings.push(...peers.findings);

  const readings = guard(
    () => readingVerdicts(data, p, { overtime, businessSupport, procurement }),
    [],
    "the readings of the White Paper",
    findings
  );

  const a: Analysis = {
    force,
    years,
    baselineYear: p.years.baseline,
    targetYear: p.years.target,
    policy: p,
    overridesApplied: eff.applied,
    overtime,
    businessSupport,
    procurement,
    savings,
    indicators: ind.indicators,
    ...(peers ? { peers } : {}),
    readings,
    findings: sortFindings(dedupe(withoutRepeats(findings, data.findings ?? []))),
  };
  return data.budget.unit ? { ...a, unit: data.budget.unit } : a;
}

/**
 * Analysis findings that repeat one detection already raised at the same cell (detection reports
 * negative pay and unmapped areas as it reads them) are left out.
 */
const SAME_AS_DETECTION: Readonly<Record<string, string>> = {
  NEGATIVE_PAY: "NEGATIVE_PAY",
  SAVINGS_AREA_UNKNOWN: "CATEGORY_UNMAPPED",
};

function withoutRepeats(all: readonly Finding[], detected: readonly Finding[]): Finding[] {
  const key = (code: string, f: Finding) =>
    f.cell ? `${code}|${f.cell.sheet}|${f.cell.address}` : undefined;
  const seen = new Set(detected.map((f) => key(f.code, f)).filter((k) => k !== undefined));
  const detectedSet = new Set(detected);
  return all.filter((f) => {
    if (detectedSet.has(f)) return true;
    const twin = SAME_AS_DETECTION[f.code];
    const k = twin ? key(twin, f) : undefined;
    return !(k && seen.has(k));
  });
}

function dedupe(list: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of list) {
    const k = `${f.code}|${f.cell?.sheet}|${f.cell?.address}|${f.sheet}|${f.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}

function failed(what: string, e: unknown): Finding {
  return finding(
    "error",
    "ANALYSIS_FAILED",
    `The analysis of ${what} stopped on an unexpected problem (${e instanceof Error ? e.message : String(e)}); the rest of the analysis went on.`,
    undefined,
    "Please report this with the workbook, if you can share it."
  );
}

function guard<T>(run: () => T, fallback: T, what: string, findings: Finding[]): T {
  try {
    return run();
  } catch (e) {
    findings.push(failed(what, e));
    return fallback;
  }
}

const none = (para: string) => rag("none", "not analysed", para);
const zero = fig(0, []);
const emptyPA: PlannedActual = { planned: zero, actual: null, variance: null, varianceRatio: null };

function emptyOvertime(p: Policy): OvertimeAnalysis {
  return {
    basis: p.overtime.basis,
    threshold: p.overtime.threshold,
    baselineYear: p.years.baseline,
    targetYear: p.years.target,
    byYear: [],
    requiredByYear: [],
    yearsMissed: [],
    yearThresholdReached: null,
    projectedYearThresholdReached: null,
    requiredCutsPath: [],
    reductionByTarget: null,
    baselineOvertime: null,
    savingsAgainstBaseline: [],
    nationalShare: null,
    nationalShareFraction: 0,
    rag: none("5.9-5.10"),
    findings: [],
  };
}

function emptySupport(p: Policy): BusinessSupportAnalysis {
  return {
    threshold: p.businessSupport.threshold,
    targetYear: p.years.target,
    assessedYear: null,
    assessedYearIsTarget: false,
    byYear: [],
    excessFte: null,
    averageCost: null,
    cashableSaving: null,
    path: [],
    definition: p.businessSupport.definition,
    classification: p.businessSupport.classification,
    rag: none("5.46-5.51"),
    findings: [],
  };
}

function emptyProcurement(): ProcurementAnalysis {
  return {
    addressableSpend: zero,
    onFrameworkSpend: zero,
    onFrameworkShare: null,
    otherSpend: zero,
    totalSpend: zero,
    byCategory: [],
    opportunities: [],
    expectedAnnualSaving: zero,
    spendWithoutRate: zero,
    rag: none("5.31-5.40"),
    findings: [],
  };
}

function emptySavings(): SavingsAnalysis {
  return {
    byArea: SAVINGS_AREAS.map((area) => ({
      area,
      cashable: emptyPA,
      nonCashable: emptyPA,
      byYear: [],
      lineCount: 0,
      notes: [],
      rag: none("5.53"),
    })),
    byYear: [],
    total: { cashable: emptyPA, nonCashable: emptyPA },
    areasWithoutPlans: [],
    unassigned: { lineCount: 0, cashable: emptyPA, nonCashable: emptyPA },
    rag: none("5.53"),
    findings: [],
  };
}
