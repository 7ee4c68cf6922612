/**
 * Overtime against the 4% rule (5.9-5.10): the ratio of overtime to paybill by year, the
 * required maximum for each year (a cut of at least 5% a year while above the threshold, no
 * rise at or below it), the year the threshold is reached, savings against the 2008/09
 * baseline and the pro-rata share of the national £70m.
 */
import { Finding, finding } from "../findings";
import { ruleFinding } from "../check/ruleSeverities";
import { CellRef } from "../grid";
import { countOf, listWords } from "../plainEnglish";
import { BudgetLineKey, ForceData, YearBasis } from "../forceData";
import { Pence, applyRate } from "../money";
import { Policy } from "../policy";
import { FinancialYear } from "../years";
import { formatYear } from "../format";
import { addFigures, budgetAmount, fig, mergeSources, mulDiv, rag, sortedUnique } from "./figures";
import {
  Figure,
  OvertimeAnalysis,
  OvertimeDoubt,
  OvertimeRequirement,
  OvertimeSaving,
  OvertimeYear,
  RagStatus,
  RequiredCutsPoint,
} from "./types";
import { formatPolicyPercent, formatPounds } from "../format";
import { formatRef } from "../grid";
import { BUDGET_KEY_NAMES } from "../names";

const PARA = "5.9-5.10";

interface Components {
  readonly pay: readonly BudgetLineKey[];
  /** The overtime measured (the ratio's numerator). */
  readonly overtime: readonly BudgetLineKey[];
  /** Overtime that is part of the paybill but not measured (the whole paybill's other overtime). */
  readonly paybillOvertime: readonly BudgetLineKey[];
  /** How the ratio is named: "officer overtime / officer paybill". */
  readonly words: { readonly overtime: string; readonly pay: string };
}

// 5.10 speaks of officer overtime and of forces at or below 4% "of their paybill": which paybill
// is a reading (policy.ts, overtime.basis).
const BASIS: Readonly<Record<Policy["overtime"]["basis"], Components>> = {
  officers: {
    pay: ["officerPay"],
    overtime: ["officerOvertime"],
    paybillOvertime: [],
    words: { overtime: "officer overtime", pay: "officer pay" },
  },
  officerOvertimeWholePaybill: {
    pay: ["officerPay", "staffPay", "pcsoPay"],
    overtime: ["officerOvertime"],
    paybillOvertime: ["staffOvertime", "pcsoOvertime"],
    words: { overtime: "officer overtime", pay: "workforce pay" },
  },
  wholeWorkforce: {
    pay: ["officerPay", "staffPay", "pcsoPay"],
    overtime: ["officerOvertime", "staffOvertime", "pcsoOvertime"],
    paybillOvertime: [],
    words: { overtime: "workforce overtime", pay: "workforce pay" },
  },
};

/** The ratio in words, as tables and the statement name it: "officer overtime / officer paybill". */
export function overtimeBasisWords(basis: Policy["overtime"]["basis"]): string {
  switch (basis) {
    case "officers":
      return "officer overtime / officer paybill";
    case "officerOvertimeWholePaybill":
      return "officer overtime / whole paybill";
    case "wholeWorkforce":
      return "workforce overtime / workforce paybill";
  }
}

const KEY_WORDS: Readonly<Partial<Record<BudgetLineKey, string>>> = {
  officerPay: "police officer pay",
  officerOvertime: "police officer overtime",
  staffPay: "police staff pay",
  staffOvertime: "police staff overtime",
  pcsoPay: "PCSO pay",
  pcsoOvertime: "PCSO overtime",
};

/** The overtime and pay (without overtime unless the pay lines hold it) for one year. */
export function yearInputs(
  data: ForceData,
  policy: Policy,
  year: FinancialYear
): { overtime?: Figure<Pence>; pay?: Figure<Pence>; missing: BudgetLineKey[] } {
  const c = BASIS[policy.overtime.basis];
  const missing: BudgetLineKey[] = [];
  const ot = c.overtime.map((k) => {
    const a = budgetAmount(data, k, year);
    if (!a) missing.push(k);
    return a;
  });
  const pay = c.pay.map((k) => {
    const a = budgetAmount(data, k, year);
    if (!a) missing.push(k);
    return a && !policy.overtime.payLinesIncludeOvertime ? withoutOvertime(data, k, year, a) : a;
  });
  const payFigure = addFigures(pay, c.words.pay);
  const other = c.paybillOvertime.map((k) => {
    const a = budgetAmount(data, k, year);
    if (!a) missing.push(k);
    return a;
  });
  const otherFigure = addFigures(other, "other overtime");
  return {
    overtime: addFigures(ot, c.words.overtime),
    pay: payFigure && otherFigure ? withOtherOvertime(policy, payFigure, otherFigure) : payFigure,
    missing,
  };
}

/**
 * The pay of a whole paybill measured against officer overtime alone: the other overtime (staff,
 * PCSOs) is part of the paybill wherever the paybill includes overtime.
 */
function withOtherOvertime(
  policy: Policy,
  pay: Figure<Pence>,
  other: Figure<Pence>
): Figure<Pence> {
  const { paybillIncludesOvertime: incl, payLinesIncludeOvertime: inLines } = policy.overtime;
  const sources = mergeSources(pay.sources, other.sources);
  if (incl && !inLines)
    return fig(pay.value + other.value, sources, `${pay.formula ?? "pay"} + other overtime`);
  if (!incl && inLines)
    return fig(pay.value - other.value, sources, `${pay.formula ?? "pay"} - other overtime`);
  return pay;
}

const OVERTIME_OF: Readonly<Partial<Record<BudgetLineKey, BudgetLineKey>>> = {
  officerPay: "officerOvertime",
  staffPay: "staffOvertime",
  pcsoPay: "pcsoOvertime",
};

/**
 * Pay without its overtime where a pay line says it includes overtime ("Police officer pay
 * including overtime"): that line less the year's overtime line of the same worker type.
 */
function withoutOvertime(
  data: ForceData,
  key: BudgetLineKey,
  year: FinancialYear,
  pay: Figure<Pence>
): Figure<Pence> {
  const holds = data.budget.lines.some(
    (l) => l.key === key && !l.isTotal && l.includesOvertime && l.amounts.has(year)
  );
  const otKey = OVERTIME_OF[key];
  const ot = otKey ? budgetAmount(data, otKey, year) : undefined;
  if (!holds || !ot || !otKey) return pay;
  return fig(
    pay.value - ot.value,
    mergeSources(pay.sources, ot.sources),
    `${KEY_WORDS[key] ?? key} (including overtime) - ${KEY_WORDS[otKey] ?? otKey}`
  );
}

/** Paybill on the policy's definition (5.9-5.10 leaves it open; see policy.ts). */
export function paybillOf(
  policy: Policy,
  pay: Figure<Pence>,
  overtime: Figure<Pence>
): Figure<Pence> {
  const { paybillIncludesOvertime: incl, payLinesIncludeOvertime: inLines } = policy.overtime;
  const sources = mergeSources(pay.sources, overtime.sources);
  if (incl && !inLines) return fig(pay.value + overtime.value, sources, "pay + overtime");
  if (!incl && inLines)
    return fig(pay.value - overtime.value, sources, "pay (including overtime) - overtime");
  return fig(pay.value, pay.sources, inLines ? "pay (including overtime)" : "pay");
}

/**
 * The budget lines a year's ratio may rest on that detection could not settle (never a confident
 * wrong figure): a row whose label fits a pay or overtime line of the basis and another key
 * equally, so it was counted as neither; and a total of one of those lines ("Total police
 * officer pay") that is not the sum of the rows above it beyond their rounding, so a line may be counted twice
 * or left out. A line the user has placed in the Data step raises none.
 */
export function overtimeDoubts(
  data: ForceData,
  policy: Policy,
  year: FinancialYear
): OvertimeDoubt[] {
  const c = BASIS[policy.overtime.basis];
  const keys = new Set<BudgetLineKey>([...c.pay, ...c.overtime]);
  const out: OvertimeDoubt[] = [];
  for (const l of data.budget.lines) {
    const amount = l.amounts.get(year);
    const fits = (l.ambiguousKeys ?? []).filter((k) => keys.has(k));
    if (amount && !l.isTotal && fits.length > 0) {
      const words = l.ambiguousKeys!.map((k) => BUDGET_KEY_NAMES[k]);
      out.push({
        label: l.label,
        cell: l.labelCell,
        amount: Math.abs(amount.value),
        reason: `its label could be ${listWords(words, "or")}, so it was counted as neither`,
        correction: "say which line it is in the Data step",
        keys: fits,
      });
    }
    const off = l.unreconciled?.get(year);
    const of = l.totalOf;
    // Only a total of the basis's own lines ("Total police officer pay"): a wider total (total
    // pay, gross expenditure) that is out is the check's arithmetic finding, not a doubt here.
    if (off && l.isTotal && of && keys.has(of)) {
      // A row of that line whose amount is what the rows are over the total may be a subtotal.
      const over = off.sum - off.stated;
      const subtotalCandidates = data.budget.lines
        .filter((x) => x.key === of && !x.isTotal && x.labelCell.sheet === l.labelCell.sheet)
        .filter((x) => {
          const a = x.amounts.get(year);
          return a !== undefined && over > 0 && Math.abs(a.value - over) <= Math.abs(over) * 1e-9;
        })
        .map((x) => ({ label: x.label, cell: x.labelCell }));
      out.push({
        label: l.label,
        cell: l.labelCell,
        amount: Math.abs(off.stated - off.sum),
        reason: `the total at ${formatRef(off.cell)} is ${formatPounds(off.stated)}, but the rows above it add up to ${formatPounds(off.sum)}, more than their rounding explains, so a pay or overtime line may be counted twice or left out`,
        correction:
          'correct the total or the rows above it; a subtotal needs "total" in its label, and a row can be read as a subtotal, or as a line of its own, in the Data step',
        ...(subtotalCandidates.length > 0 ? { subtotalCandidates } : {}),
      });
    }
  }
  return out;
}

function isHighestSpender(policy: Policy, ratio: number): boolean {
  const t = policy.overtime.threshold;
  const h = policy.overtime.highestSpenderRatio;
  return ratio > t && (h === null || ratio > h);
}

/** Years with an overtime or pay figure on the chosen basis (any component present). */
export function overtimeYears(data: ForceData, policy: Policy): FinancialYear[] {
  const keys = new Set<BudgetLineKey>([
    ...BASIS[policy.overtime.basis].overtime,
    ...BASIS[policy.overtime.basis].pay,
    ...BASIS[policy.overtime.basis].paybillOvertime,
  ]);
  const years: FinancialYear[] = [];
  for (const l of data.budget.lines) {
    if (!l.key || l.isTotal || !keys.has(l.key)) continue;
    for (const y of l.amounts.keys()) years.push(y);
  }
  return sortedUnique(years);
}

export function analyseOvertime(data: ForceData, policy: Policy): OvertimeAnalysis {
  const { threshold, minAnnualCut } = policy.overtime;
  const { baseline, target } = policy.years;
  const findings: Finding[] = [];
  const byYear: OvertimeYear[] = [];
  const payByYear = new Map<FinancialYear, Figure<Pence>>();
  const doubtsSeen = new Set<string>();

  for (const year of overtimeYears(data, policy)) {
    const { overtime, pay, missing } = yearInputs(data, policy, year);
    const sheet = (overtime ?? pay)?.sources[0];
    if (!overtime || !pay) {
      const what = missing.map((k) => KEY_WORDS[k] ?? k).join(" and ");
      findings.push(
        finding(
          "warning",
          "OVERTIME_YEAR_INCOMPLETE",
          `The year ${formatYear(year)} has no ${what}, so its overtime ratio cannot be worked out.`,
          sheet,
          "Add the missing line for the year, or check that its label was recognised."
        )
      );
      continue;
    }
    if (missing.length > 0)
      findings.push(
        finding(
          "info",
          "OVERTIME_COMPONENT_MISSING",
          `No ${listWords(
            missing.map((k) => KEY_WORDS[k] ?? k),
            "or"
          )} found for ${formatYear(year)}; the whole-workforce ratio uses the lines that are there.`,
          sheet
        )
      );
    const payCell = pay.sources[0];
    const otCell = overtime.sources[0];
    let usable = true;
    if (pay.value < 0) {
      usable = false;
      findings.push(
        finding(
          "error",
          "NEGATIVE_PAY",
          `Pay for ${formatYear(year)} is negative (${formatPounds(pay.value)}), which cannot be right; the year's ratio is left out.`,
          payCell,
          "Check the sign and the formula in this cell."
        )
      );
    }
    if (overtime.value < 0)
      findings.push(
        finding(
          "warning",
          "NEGATIVE_OVERTIME",
          `Overtime for ${formatYear(year)} is negative; check the cell.`,
          otCell
        )
      );
    if (pay.value >= 0 && overtime.value > pay.value)
      findings.push(
        finding(
          "warning",
          "OVERTIME_EXCEEDS_PAY",
          `Overtime for ${formatYear(year)} is larger than pay; the lines may be swapped or in different units.`,
          otCell,
          "Check that the overtime and pay rows are the right ones and in the same unit."
        )
      );
    const paybill = paybillOf(policy, pay, overtime);
    payByYear.set(year, pay);
    let ratio: Figure<number> | null = null;
    if (paybill.value === 0) {
      usable = false;
      findings.push(
        finding(
          "error",
          "ZERO_PAYBILL",
          `The paybill for ${formatYear(year)} is zero, so overtime cannot be measured against it.`,
          payCell,
          "Enter the year's pay, or remove the year if it has no figures."
        )
      );
    } else if (usable && paybill.value > 0) {
      ratio = fig(
        overtime.value / paybill.value,
        mergeSources(overtime.sources, paybill.sources),
        "overtime / paybill"
      );
    }
    const doubts = overtimeDoubts(data, policy, year);
    const confidence = doubts.length === 0 ? "confirmed" : "unconfirmed";
    const status =
      ratio === null || confidence === "unconfirmed"
        ? "unknown"
        : ratio.value <= threshold
          ? "atOrBelow"
          : "above";
    for (const d of doubts)
      if (!doubtsSeen.has(formatRef(d.cell))) {
        doubtsSeen.add(formatRef(d.cell));
        findings.push(
          finding(
            "warning",
            "OVERTIME_LINE_UNCONFIRMED",
            `"${d.label}" at ${formatRef(d.cell)} (${formatPounds(d.amount)} in ${formatYear(year)}): ${d.reason}, so the overtime ratio is shown unconfirmed and given no status.`,
            d.cell,
            d.correction.charAt(0).toUpperCase() + d.correction.slice(1) + "."
          )
        );
      }
    const y: OvertimeYear = {
      year,
      overtime,
      paybill,
      ratio,
      confidence,
      doubtfulAmount: fig(
        doubts.reduce((a, d) => a + d.amount, 0),
        doubts.map((d) => d.cell),
        "money on lines not settled"
      ),
      doubts,
      status,
      highestSpender: ratio !== null && isHighestSpender(policy, ratio.value),
    };
    const basis = basisOf(data, year);
    byYear.push(basis ? { ...y, basis } : y);
  }

  const budgetSheet = data.sheetsUsed.find((s) => s.as === "budget");
  if (byYear.length === 0)
    findings.push(
      finding(
        "error",
        "NO_OVERTIME_FIGURES",
        policy.overtime.basis === "officers"
          ? "No police officer overtime and pay figures were found, so the overtime test cannot be done."
          : "No overtime and pay figures were found, so the overtime test cannot be done.",
        budgetSheet ? { sheet: budgetSheet.sheet } : undefined,
        "Label the overtime and pay rows so they can be recognised, or use the input template."
      )
    );

  const at = new Map(byYear.map((y) => [y.year, y]));
  const baselineYear = at.get(baseline);
  if (byYear.length > 0 && !baselineYear)
    findings.push(
      finding(
        "error",
        "MISSING_BASELINE_YEAR",
        `There is no overtime figure for the baseline year ${formatYear(baseline)}, so savings against the baseline and the share of the national target cannot be worked out.`,
        byYear[0].overtime.sources[0] ? { sheet: byYear[0].overtime.sources[0].sheet } : undefined,
        `Add a ${formatYear(baseline)} column (actual or estimate) to the budget sheet.`
      )
    );

  // The required path (5.9-5.10): from the baseline (or the first year given) to the later of
  // the target and the last year given.
  const usableYears = byYear.filter((y) => y.ratio !== null);
  const start = baselineYear?.ratio ? baseline : usableYears[0]?.year;
  const lastFigure = usableYears[usableYears.length - 1];
  const requiredByYear =
    start !== undefined && lastFigure
      ? requiredPath(policy, start, Math.max(target, lastFigure.year), at, payByYear)
      : [];
  const yearsMissed = requiredByYear.filter((r) => r.met === false).map((r) => r.year);
  for (const r of requiredByYear)
    if (r.met === false) {
      const own = at.get(r.year)!;
      // The same problem as the check's rules (5.9-5.10), with their severity.
      findings.push(
        ruleFinding(
          r.rule === "cut" ? "OVERTIME_ANNUAL_CUT" : "OVERTIME_NO_RISE",
          "OVERTIME_ABOVE_REQUIRED",
          r.rule === "cut"
            ? `Overtime in ${formatYear(r.year)} (${formatPounds(r.overtime ?? 0)}) is above the required maximum of ${formatPounds(r.maximum.value)}, ${r.compounded ? `${formatYear(r.compounded.fromYear)}'s overtime cut by ${formatPolicyPercent(minAnnualCut)} a year for ${countOf(r.compounded.years, "year")}` : `a ${formatPolicyPercent(minAnnualCut)} cut on ${formatYear(r.previousYear)}`}.`
            : r.rule === "fall"
              ? `Overtime in ${formatYear(r.year)} does not fall below ${formatYear(r.previousYear)}'s level although the force was at or below the threshold, where further reductions are expected.`
              : `Overtime in ${formatYear(r.year)} rises above ${formatYear(r.previousYear)}'s level although the force was at or below the threshold.`,
          own.overtime.sources[0]
        )
      );
    }

  const from = baselineYear ? baseline : (byYear[0]?.year ?? baseline);
  const reached =
    byYear.find((y) => y.year >= from && y.year <= target && y.status === "atOrBelow")?.year ??
    null;
  const requiredCutsPath =
    baselineYear && baselineYear.ratio ? cutsOnlyPath(policy, baselineYear, payByYear) : [];
  const projected =
    requiredCutsPath.find((p) => p.ratio <= policy.overtime.threshold)?.year ?? null;

  const baselineOvertime = baselineYear ? baselineYear.overtime : null;
  const savingsAgainstBaseline: OvertimeSaving[] = [];
  if (baselineOvertime)
    for (const y of byYear)
      if (y.year > baseline)
        savingsAgainstBaseline.push({
          year: y.year,
          saving: fig(
            baselineOvertime.value - y.overtime.value,
            mergeSources(baselineOvertime.sources, y.overtime.sources),
            `${formatYear(baseline)} overtime - ${formatYear(y.year)} overtime`
          ),
        });

  // The national £70m is a cut in officer overtime (the £413m baseline is officer overtime,
  // 5.9-5.10), so the share is read from officer overtime whatever basis the ratio uses.
  const { nationalTarget, nationalBaseline } = policy.overtime;
  const nationalShareFraction = nationalBaseline > 0 ? nationalTarget / nationalBaseline : 0;
  const officerBaseline = baselineYear
    ? budgetAmount(data, "officerOvertime", baseline)
    : undefined;
  const nationalShare =
    officerBaseline && nationalBaseline > 0
      ? fig(
          mulDiv(officerBaseline.value, nationalTarget, nationalBaseline),
          officerBaseline.sources,
          `${formatYear(baseline)} officer overtime x ${nationalTarget / 1e8}/${nationalBaseline / 1e8}`
        )
      : null;
  const targetYear = at.get(target);
  const reductionByTarget =
    baselineOvertime && targetYear
      ? fig(
          baselineOvertime.value - targetYear.overtime.value,
          mergeSources(baselineOvertime.sources, targetYear.overtime.sources),
          `${formatYear(baseline)} overtime - ${formatYear(target)} overtime`
        )
      : null;

  return {
    basis: policy.overtime.basis,
    threshold,
    baselineYear: baseline,
    targetYear: target,
    byYear,
    requiredByYear,
    yearsMissed,
    yearThresholdReached: reached,
    projectedYearThresholdReached: projected,
    baselineOvertime,
    savingsAgainstBaseline,
    requiredCutsPath,
    reductionByTarget,
    nationalShare,
    nationalShareFraction,
    rag: overtimeRag(policy, byYear, yearsMissed),
    findings,
  };
}

function projectedPaybill(policy: Policy, pay: Pence, overtime: Pence): Pence {
  const { paybillIncludesOvertime: incl, payLinesIncludeOvertime: inLines } = policy.overtime;
  if (incl && !inLines) return pay + overtime;
  return pay; // pay lines that hold overtime are held level as a whole
}

/** How many years after the target year the required-cuts path is followed before giving up. */
export const PROJECTION_YEARS_AFTER_TARGET = 10;

/**
 * The most overtime each year may have (5.9-5.10), from `start` to `end`: at least the yearly cut
 * on the previous year while that year was a highest-spender year above the threshold, no rise
 * otherwise. A year without a figure in `at` is projected as if the force made exactly the
 * required cut; its paybill comes from `paybillFor` where given (the scenario model's pay), else
 * the last known pay held level. `start` must have a figure with a ratio.
 */
export function requiredPath(
  policy: Policy,
  start: FinancialYear,
  end: FinancialYear,
  at: ReadonlyMap<FinancialYear, OvertimeYear>,
  payByYear: ReadonlyMap<FinancialYear, Figure<Pence>>,
  paybillFor?: (
    year: FinancialYear,
    overtime: Pence
  ) => { readonly value: Pence; readonly sources: readonly CellRef[] } | undefined
): OvertimeRequirement[] {
  const { minAnnualCut, cutFrom, atOrBelow } = policy.overtime;
  const requiredByYear: OvertimeRequirement[] = [];
  const first = at.get(start);
  if (!first || !first.ratio) return requiredByYear;
  let prevValue: Pence = first.overtime.value;
  let prevRatio = first.ratio.value;
  let prevSources = first.overtime.sources;
  let prevFrom: "figure" | "projected" = "figure";
  let lastPay = payByYear.get(start) ?? first.paybill;
  // 5.10 "reductions each year of at least 5%" read as compounded from the baseline: the bar is
  // the start year's overtime cut once for each year of cuts since, whatever the years between did.
  let path: {
    value: Pence;
    from: FinancialYear;
    cuts: number;
    sources: readonly CellRef[];
  } | null = null;
  for (let year = start + 1; year <= end; year++) {
    const cut = isHighestSpender(policy, prevRatio);
    const compounded = cut && cutFrom === "baseline";
    if (!compounded) path = null;
    else if (!path) path = { value: prevValue, from: year - 1, cuts: 0, sources: prevSources };
    const base: Pence = path ? path.value : prevValue;
    const maximum: Pence = cut ? applyRate(base, 1 - minAnnualCut) : prevValue;
    if (path) path = { ...path, value: maximum, cuts: path.cuts + 1 };
    // 5.10 "continue to make further reductions" read as a fall every year (else: no rise).
    const rule = cut ? "cut" : atOrBelow === "fall" ? "fall" : "noRise";
    const own = at.get(year);
    const ownValue = own && own.ratio !== null ? own.overtime.value : null;
    // A year whose ratio is unconfirmed is not judged until the user confirms its lines.
    const met =
      ownValue === null || own?.confidence === "unconfirmed"
        ? null
        : rule === "fall"
          ? ownValue < maximum
          : ownValue <= maximum;
    const formula = path
      ? `${formatYear(path.from)} overtime x (1 - ${minAnnualCut})^${path.cuts}`
      : cut
        ? `${formatYear(year - 1)} overtime x (1 - ${minAnnualCut})`
        : rule === "fall"
          ? `below ${formatYear(year - 1)} overtime (a fall)`
          : `${formatYear(year - 1)} overtime (no rise)`;
    requiredByYear.push({
      year,
      maximum: fig(maximum, path ? path.sources : prevSources, formula),
      rule,
      previousYear: year - 1,
      previous: prevValue,
      previousFrom: prevFrom,
      ...(path ? { compounded: { fromYear: path.from, years: path.cuts } } : {}),
      overtime: ownValue,
      met,
    });
    if (own && own.ratio !== null) {
      prevValue = own.overtime.value;
      prevRatio = own.ratio.value;
      prevSources = own.overtime.sources;
      prevFrom = "figure";
      lastPay = payByYear.get(year) ?? lastPay;
    } else {
      // No figure: project as if the force made exactly the required cut.
      prevValue = maximum;
      const given = paybillFor?.(year, maximum);
      const bill = given ? given.value : projectedPaybill(policy, lastPay.value, maximum);
      prevRatio = bill > 0 ? maximum / bill : 0;
      prevSources = mergeSources(prevSources, given ? given.sources : lastPay.sources);
      prevFrom = "projected";
    }
  }
  return requiredByYear;
}

/**
 * Overtime if the force made only the required cuts from the baseline (5.9-5.10: at least 5% a
 * year while above the threshold, no rise at or below it), each year measured against that
 * year's own pay where the workbook gives it, and against the last pay given after that.
 * Runs to PROJECTION_YEARS_AFTER_TARGET years after the target year.
 */
function cutsOnlyPath(
  policy: Policy,
  base: OvertimeYear,
  payByYear: ReadonlyMap<FinancialYear, Figure<Pence>>
): RequiredCutsPoint[] {
  const end = Math.max(policy.years.target, ...payByYear.keys()) + PROJECTION_YEARS_AFTER_TARGET;
  const out: RequiredCutsPoint[] = [];
  let overtime = base.overtime.value;
  let ratio = base.ratio!.value;
  let pay = payByYear.get(base.year)!;
  for (let year = base.year + 1; year <= end; year++) {
    if (isHighestSpender(policy, ratio))
      overtime = applyRate(overtime, 1 - policy.overtime.minAnnualCut);
    const own = payByYear.get(year);
    const payHeld = own === undefined;
    if (own) pay = own;
    const paybill = projectedPaybill(policy, pay.value, overtime);
    ratio = paybill > 0 ? overtime / paybill : 0;
    out.push({ year, overtime, paybill, ratio, payHeld });
    if (ratio <= policy.overtime.threshold && year >= policy.years.target) break;
  }
  return out;
}

function basisOf(data: ForceData, year: FinancialYear): YearBasis | undefined {
  for (const l of data.budget.lines)
    if (l.key === "officerOvertime" && !l.isTotal) {
      const b = l.basis?.get(year);
      if (b) return b;
    }
  return undefined;
}

function overtimeRag(
  policy: Policy,
  byYear: readonly OvertimeYear[],
  yearsMissed: readonly FinancialYear[]
): RagStatus {
  const known = byYear.filter((y) => y.ratio !== null);
  const latest = known[known.length - 1];
  if (!latest) return rag("none", "no overtime ratio could be worked out", PARA);
  const unsure = known.filter((y) => y.confidence === "unconfirmed");
  if (unsure.length > 0) {
    const cells = [...new Set(unsure.flatMap((y) => y.doubts.map((d) => formatRef(d.cell))))];
    return {
      ...rag(
        "none",
        `the ratio for ${listWords(unsure.map((y) => formatYear(y.year)))} depends on budget ${cells.length === 1 ? "a line" : "lines"} the add-in could not settle (${cells.join(", ")}); confirm ${cells.length === 1 ? "it" : "them"} in the Data step`,
        PARA
      ),
      unconfirmed: true,
    };
  }
  const red = policy.rag.overtimeRedMissedYears;
  if (red > 0 && yearsMissed.length >= red)
    return rag(
      "red",
      `${countOf(yearsMissed.length, "year")} above the required maximum: ${listWords(yearsMissed.map(formatYear))}`,
      PARA
    );
  if (latest.status === "above" && latest.year >= policy.years.target)
    return rag(
      "red",
      `still above ${formatPolicyPercent(policy.overtime.threshold)} of paybill in ${formatYear(latest.year)}, the target year or later`,
      PARA
    );
  if (latest.status === "atOrBelow" && yearsMissed.length === 0)
    return rag(
      "green",
      `at or below ${formatPolicyPercent(policy.overtime.threshold)} of paybill in ${formatYear(latest.year)} and every year within its required maximum`,
      PARA
    );
  if (yearsMissed.length > 0)
    return rag(
      "amber",
      `some years above the required maximum (${yearsMissed.map(formatYear).join(", ")}), fewer than the off-track count`,
      PARA
    );
  return rag(
    "amber",
    `every year within its required maximum, but still above ${formatPolicyPercent(policy.overtime.threshold)} of paybill in ${formatYear(latest.year)}`,
    PARA
  );
}
