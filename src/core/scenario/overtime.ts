/**
 * The overtime scenario (5.9-5.10): a yearly cut, as a rate or in pounds, applied from the latest
 * actual year (the baseline where no year is marked actual, or a year the user chooses), or the
 * smallest yearly cut that brings overtime to the threshold by a given year, solved exactly.
 * Years up to the start keep the workbook's figures; pay is the workbook's wherever it has a
 * figure and grows at the stated rate (a setting) where it has none. Figures and the required
 * path come from the analysis's own functions (yearInputs, requiredPath), not a second copy.
 */
import { formatRef } from "../grid";
import { Finding, finding } from "../findings";
import { ForceData } from "../forceData";
import { Pence } from "../money";
import { Policy } from "../policy";
import { FinancialYear } from "../years";
import { fig, mergeSources } from "../analysis/figures";
import { overtimeYears, requiredPath, yearInputs } from "../analysis/overtime";
import { Analysis, Figure, OvertimeYear } from "../analysis/types";
import { atOrBelowShare, cutBy, growBy } from "./exact";
import { OvertimeLever, OvertimeScenario, OvertimeScenarioYear, SettingUsed } from "./types";
import { formatPolicyPercent, formatPounds, formatYear } from "../format";

/** The solved cut is a whole number of hundredths of a percent (7.97%), the smallest that works. */
export const CUT_STEPS = 10_000;

/** A lever year further than this beyond the target is taken as a typing mistake. */
const MAX_YEARS_AFTER_TARGET = 30;

export interface OvertimeInputs {
  readonly start: FinancialYear;
  readonly from: FinancialYear;
  readonly fromReason: OvertimeScenario["fromReason"];
  readonly end: FinancialYear;
  /** The workbook's overtime, by year. */
  readonly overtime: ReadonlyMap<FinancialYear, Figure<Pence>>;
  /** Pay without overtime, by year from the start to the end (the workbook's, or projected). */
  readonly pay: ReadonlyMap<FinancialYear, { fig: Figure<Pence>; from: "workbook" | "projected" }>;
  readonly payGrowth: number;
}

function paybillOn(policy: Policy, pay: Figure<Pence>, overtime: Figure<Pence>): Figure<Pence> {
  return policy.overtime.paybillIncludesOvertime
    ? fig(pay.value + overtime.value, mergeSources(pay.sources, overtime.sources), "pay + overtime")
    : fig(pay.value, pay.sources, "pay");
}

/** The workbook's figures the model starts from; null (with findings) where it cannot start. */
function inputsOf(
  data: ForceData,
  analysis: Analysis,
  lever: OvertimeLever | undefined,
  fromLever: FinancialYear | undefined,
  payGrowth: number,
  findings: Finding[]
): OvertimeInputs | null {
  const policy = analysis.policy;
  const { baseline, target } = policy.years;
  const inLines = policy.overtime.payLinesIncludeOvertime;
  const overtime = new Map<FinancialYear, Figure<Pence>>();
  const ownPay = new Map<FinancialYear, Figure<Pence>>();
  for (const year of overtimeYears(data, policy)) {
    const i = yearInputs(data, policy, year);
    if (i.overtime && i.overtime.value >= 0) overtime.set(year, i.overtime);
    if (!i.pay || i.pay.value < 0) continue;
    // Pay without overtime: where the pay lines hold overtime it is taken out (and a year with no
    // overtime figure then has no usable pay figure, rather than a wrong one).
    if (!inLines) ownPay.set(year, i.pay);
    else if (i.overtime)
      ownPay.set(
        year,
        fig(
          i.pay.value - i.overtime.value,
          mergeSources(i.pay.sources, i.overtime.sources),
          "pay (including overtime) - overtime"
        )
      );
  }
  const years = [...overtime.keys()].sort((a, b) => a - b);
  if (years.length === 0) {
    findings.push(
      finding(
        "error",
        "SCENARIO_NO_OVERTIME",
        "The workbook gives no overtime figures on the chosen basis, so no overtime scenario can be modelled.",
        undefined,
        "Label the overtime and pay rows so they can be recognised, or use the input template."
      )
    );
    return null;
  }
  const start = overtime.has(baseline) ? baseline : (years.find((y) => y >= baseline) ?? years[0]);
  let from: FinancialYear;
  let fromReason: OvertimeScenario["fromReason"];
  if (fromLever !== undefined) {
    if (!Number.isInteger(fromLever) || fromLever < baseline) {
      findings.push(
        finding(
          "error",
          "SCENARIO_FROM_BEFORE_BASELINE",
          `The scenario cannot start from ${formatYear(fromLever)}: it is before the baseline year ${formatYear(baseline)}.`,
          undefined,
          `Choose ${formatYear(baseline)} or a later year with an overtime figure.`
        )
      );
      return null;
    }
    if (!overtime.has(fromLever)) {
      findings.push(
        finding(
          "error",
          "SCENARIO_FROM_NO_FIGURE",
          `The scenario cannot start from ${formatYear(fromLever)}: the workbook has no overtime figure for that year.`,
          undefined,
          `Choose a year the budget sheet gives overtime for (${years.map(formatYear).join(", ")}).`
        )
      );
      return null;
    }
    from = fromLever;
    fromReason = "chosen";
  } else {
    const actual = analysis.overtime.byYear
      .filter((y) => y.basis === "actual" && y.year >= start && overtime.has(y.year))
      .map((y) => y.year);
    if (actual.length > 0) {
      from = Math.max(...actual);
      fromReason = "latestActual";
    } else {
      from = start;
      fromReason = start === baseline ? "baseline" : "firstYear";
    }
  }
  const reach = lever?.kind === "reach" ? lever.year : 0;
  const end = Math.max(target, from, reach, years[years.length - 1]);

  const pay = new Map<FinancialYear, { fig: Figure<Pence>; from: "workbook" | "projected" }>();
  const first = ownPay.get(start);
  if (!first) {
    findings.push(
      finding(
        "error",
        "SCENARIO_NO_PAY",
        `The workbook gives no pay for ${formatYear(start)}, the first year modelled, so overtime cannot be measured against the paybill.`,
        overtime.get(start)?.sources[0],
        `Add the ${formatYear(start)} pay on the same basis as the overtime.`
      )
    );
    return null;
  }
  const projected: FinancialYear[] = [];
  let prev = first;
  for (let year = start; year <= end; year++) {
    const own = ownPay.get(year);
    if (own) {
      pay.set(year, { fig: own, from: "workbook" });
      prev = own;
      continue;
    }
    const next = fig(
      growBy(prev.value, payGrowth),
      prev.sources,
      `${formatYear(year - 1)} pay x (1 + ${formatPolicyPercent(payGrowth)}), the pay growth setting`
    );
    pay.set(year, { fig: next, from: "projected" });
    projected.push(year);
    prev = next;
  }
  if (projected.length > 0)
    findings.push(
      finding(
        "info",
        "SCENARIO_PAY_PROJECTED",
        `The workbook has no pay for ${projected.map(formatYear).join(", ")}; the scenario assumes pay grows ${formatPolicyPercent(payGrowth)} a year from the year before.`,
        undefined,
        "Change the pay growth setting, or add the years' pay to the budget sheet."
      )
    );
  return { start, from, fromReason, end, overtime, pay, payGrowth };
}

/** The modelled overtime from the year after `from` to `to`, for a rate or an amount a year. */
function cutPath(
  inputs: OvertimeInputs,
  to: FinancialYear,
  cut: { rate: number } | { amount: Pence }
): Map<FinancialYear, Pence> {
  const out = new Map<FinancialYear, Pence>();
  let prev = inputs.overtime.get(inputs.from)!.value;
  for (let year = inputs.from + 1; year <= to; year++) {
    prev = "rate" in cut ? cutBy(prev, cut.rate) : Math.max(0, prev - cut.amount);
    out.set(year, prev);
  }
  return out;
}

function billValue(policy: Policy, pay: Pence, overtime: Pence): Pence {
  return policy.overtime.paybillIncludesOvertime ? pay + overtime : pay;
}

/** Whether the overtime reaches the threshold in some year from the start up to `by`. */
function reachesBy(
  policy: Policy,
  inputs: OvertimeInputs,
  modelled: ReadonlyMap<FinancialYear, Pence>,
  by: FinancialYear
): boolean {
  for (let year = inputs.start; year <= by; year++) {
    const ot = year <= inputs.from ? inputs.overtime.get(year)?.value : modelled.get(year);
    const pay = inputs.pay.get(year)?.fig.value;
    if (ot === undefined || pay === undefined) continue;
    const bill = billValue(policy, pay, ot);
    if (bill > 0 && atOrBelowShare(ot, bill, policy.overtime.threshold)) return true;
  }
  return false;
}

/**
 * The smallest yearly cut, in hundredths of a percent, that reaches the threshold by `year`, or
 * null when even a 99.99% cut would not. Larger cuts never leave more overtime in any year, so
 * "reached by the year" only turns from false to true as the cut grows: a binary search finds it.
 */
export function solveYearlyCut(
  policy: Policy,
  inputs: OvertimeInputs,
  year: FinancialYear
): number | null {
  const works = (k: number) =>
    reachesBy(policy, inputs, cutPath(inputs, year, { rate: k / CUT_STEPS }), year);
  if (!works(CUT_STEPS - 1)) return null;
  let lo = 0;
  let hi = CUT_STEPS - 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (works(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo / CUT_STEPS;
}

function leverProblem(
  lever: OvertimeLever,
  inputs: OvertimeInputs,
  policy: Policy
): Finding | undefined {
  const { baseline, target } = policy.years;
  if (lever.kind === "rate") {
    if (!Number.isFinite(lever.rate) || lever.rate < 0 || lever.rate >= 1)
      return finding(
        "error",
        "SCENARIO_CUT_OUT_OF_RANGE",
        `A yearly overtime cut of ${Number.isFinite(lever.rate) ? formatPolicyPercent(lever.rate) : String(lever.rate)} cannot be modelled: it must be at least 0% and less than 100%.`,
        undefined,
        "Enter a yearly cut such as 5% or 7.5%."
      );
    return undefined;
  }
  if (lever.kind === "amount") {
    const fromOt = inputs.overtime.get(inputs.from)!.value;
    if (!Number.isFinite(lever.amount) || lever.amount < 0)
      return finding(
        "error",
        "SCENARIO_CUT_OUT_OF_RANGE",
        "A yearly overtime cut in pounds must be zero or more.",
        undefined,
        "Enter the yearly cut as an amount such as £250,000."
      );
    if (lever.amount >= fromOt)
      return finding(
        "error",
        "SCENARIO_CUT_OUT_OF_RANGE",
        `A yearly overtime cut of ${formatPounds(lever.amount)} is all of ${formatYear(inputs.from)}'s overtime (${formatPounds(fromOt)}) or more, so it cannot be modelled.`,
        inputs.overtime.get(inputs.from)!.sources[0],
        "Enter a smaller yearly cut, or a rate."
      );
    return undefined;
  }
  if (!Number.isInteger(lever.year) || lever.year < baseline)
    return finding(
      "error",
      "SCENARIO_YEAR_BEFORE_BASELINE",
      `Overtime cannot be brought to the threshold by ${formatYear(lever.year)}: that is before the baseline year ${formatYear(baseline)}.`,
      undefined,
      `Choose a year from ${formatYear(inputs.from + 1)} on.`
    );
  if (lever.year > target + MAX_YEARS_AFTER_TARGET)
    return finding(
      "error",
      "SCENARIO_YEAR_OUT_OF_RANGE",
      `The year ${formatYear(lever.year)} is more than ${MAX_YEARS_AFTER_TARGET} years after the target year ${formatYear(target)}; check the year.`,
      undefined
    );
  return undefined;
}

export function modelOvertime(
  data: ForceData,
  analysis: Analysis,
  lever: OvertimeLever | undefined,
  options: { readonly from?: FinancialYear; readonly payGrowth?: number },
  findings: Finding[]
): OvertimeScenario | null {
  const policy = analysis.policy;
  const payGrowth = options.payGrowth ?? policy.overtime.payGrowth;
  if (!Number.isFinite(payGrowth) || payGrowth <= -1 || payGrowth >= 1) {
    findings.push(
      finding(
        "error",
        "SCENARIO_PAY_GROWTH_OUT_OF_RANGE",
        `Pay growth of ${Number.isFinite(payGrowth) ? formatPolicyPercent(payGrowth) : String(payGrowth)} a year cannot be modelled: it must be more than -100% and less than 100%.`,
        undefined,
        "Enter a yearly growth such as 1% or 2.5%."
      )
    );
    return null;
  }
  const inputs = inputsOf(data, analysis, lever, options.from, payGrowth, findings);
  if (!inputs) return null;
  const problem = lever ? leverProblem(lever, inputs, policy) : undefined;
  if (problem) {
    findings.push(problem);
    return null;
  }
  const threshold = policy.overtime.threshold;
  const t = formatPolicyPercent(threshold);
  let rate: number | null = null;
  let amount: Pence | null = null;
  let solvedFor: FinancialYear | null = null;
  if (!lever) rate = 0;
  else if (lever.kind === "rate") rate = lever.rate;
  else if (lever.kind === "amount") amount = lever.amount;
  else {
    solvedFor = lever.year;
    if (reachesBy(policy, inputs, new Map(), Math.min(lever.year, inputs.from))) {
      rate = 0;
      findings.push(
        finding(
          "info",
          "SCENARIO_ALREADY_REACHED",
          `The workbook's own figures are already at or below ${t} by ${formatYear(Math.min(lever.year, inputs.from))}, so no cut is needed to reach it; the White Paper still expects overtime to keep coming down.`
        )
      );
    } else if (lever.year <= inputs.from) {
      findings.push(
        finding(
          "error",
          "SCENARIO_REACH_NOT_POSSIBLE",
          `The scenario keeps the workbook's own overtime figures in ${formatYear(lever.year)} (it starts after ${formatYear(inputs.from)}), and they are above ${t}, so no cut can reach it by then.`,
          inputs.overtime.get(lever.year)?.sources[0],
          `Choose a year after ${formatYear(inputs.from)}.`
        )
      );
      return null;
    } else {
      rate = solveYearlyCut(policy, inputs, lever.year);
      if (rate === null) {
        findings.push(
          finding(
            "error",
            "SCENARIO_REACH_NOT_POSSIBLE",
            `Even a 99.99% yearly cut from ${formatYear(inputs.from)} would not bring overtime to ${t} by ${formatYear(lever.year)}.`,
            undefined,
            "Choose a later year."
          )
        );
        return null;
      }
    }
  }

  const modelled = cutPath(inputs, inputs.end, amount !== null ? { amount } : { rate: rate ?? 0 });
  if (amount !== null) {
    const zero = [...modelled].find(([, v]) => v === 0);
    if (zero)
      findings.push(
        finding(
          "warning",
          "SCENARIO_OVERTIME_ZERO",
          `A yearly cut of ${formatPounds(amount)} leaves no overtime at all from ${formatYear(zero[0])}; the figures stop at zero.`
        )
      );
  }
  const fromFig = inputs.overtime.get(inputs.from)!;
  // A scenario from an unconfirmed ratio is unconfirmed too: its years get no status.
  const unsure = analysis.overtime.byYear.filter(
    (y) => y.confidence === "unconfirmed" && y.year <= inputs.from
  );
  if (unsure.length > 0)
    findings.push(
      finding(
        "warning",
        "SCENARIO_OVERTIME_UNCONFIRMED",
        `The overtime ratio for ${unsure.map((y) => formatYear(y.year)).join(", ")} is unconfirmed: it rests on budget lines the add-in could not settle (${[...new Set(unsure.flatMap((y) => y.doubts.map((d) => formatRef(d.cell))))].join(", ")}). The scenario starts from those figures, so its years are given no position against the threshold either.`,
        unsure[0].doubts[0]?.cell,
        "Confirm the lines named in the Benchmarks or Data step, then model again."
      )
    );
  const cutWords =
    amount !== null ? `- ${formatPounds(amount)}` : `x (1 - ${formatPolicyPercent(rate ?? 0)})`;
  const byYear: OvertimeScenarioYear[] = [];
  for (let year = inputs.start; year <= inputs.end; year++) {
    const kept = year <= inputs.from;
    const own = inputs.overtime.get(year);
    if (kept && !own) continue;
    const overtime: Figure<Pence> = kept
      ? own!
      : fig(modelled.get(year)!, fromFig.sources, `${formatYear(year - 1)} overtime ${cutWords}`);
    const pay = inputs.pay.get(year)!;
    const paybill = paybillOn(policy, pay.fig, overtime);
    const ratio =
      paybill.value > 0
        ? fig(
            overtime.value / paybill.value,
            mergeSources(overtime.sources, paybill.sources),
            "overtime / paybill"
          )
        : null;
    byYear.push({
      year,
      overtime,
      pay: pay.fig,
      paybill,
      ratio,
      status:
        ratio === null || unsure.length > 0
          ? "unknown"
          : atOrBelowShare(overtime.value, paybill.value, threshold)
            ? "atOrBelow"
            : "above",
      overtimeFrom: kept ? "kept" : "modelled",
      payFrom: pay.from,
    });
  }
  const reached = byYear.find((y) => y.status === "atOrBelow")?.year ?? null;
  const { baseline } = policy.years;
  const base = byYear.find((y) => y.year === baseline);
  const savingsAgainstBaseline = base
    ? byYear
        .filter((y) => y.year > baseline)
        .map((y) => ({
          year: y.year,
          saving: fig(
            base.overtime.value - y.overtime.value,
            mergeSources(base.overtime.sources, y.overtime.sources),
            `${formatYear(baseline)} overtime - ${formatYear(y.year)} overtime`
          ),
        }))
    : [];
  if (!base)
    findings.push(
      finding(
        "warning",
        "SCENARIO_NO_BASELINE",
        `The workbook has no overtime for the baseline year ${formatYear(baseline)}, so the scenario's savings against the baseline cannot be worked out.`
      )
    );

  // The White Paper's minimum path from the start year, on this scenario's pay.
  const kept = new Map<FinancialYear, OvertimeYear>();
  for (const y of byYear)
    if (y.overtimeFrom === "kept")
      kept.set(y.year, {
        year: y.year,
        overtime: y.overtime,
        paybill: y.paybill,
        ratio: y.ratio,
        confidence: unsure.length > 0 ? "unconfirmed" : "confirmed",
        doubtfulAmount: fig(0, [], "money on lines not settled"),
        doubts: [],
        status: y.status,
        highestSpender: false,
      });
  const required = requiredPath(policy, inputs.from, inputs.end, kept, new Map(), (year, ot) => {
    const pay = inputs.pay.get(year);
    return pay
      ? { value: billValue(policy, pay.fig.value, ot), sources: pay.fig.sources }
      : undefined;
  });

  return {
    from: inputs.from,
    fromReason: inputs.fromReason,
    yearlyCut: rate,
    yearlyCutAmount: amount,
    solvedFor,
    payGrowth,
    byYear,
    yearThresholdReached: reached,
    savingsAgainstBaseline,
    requiredPath: required,
    settings: settingsUsed(policy, lever, rate, amount, payGrowth, options.payGrowth !== undefined),
  };
}

function settingsUsed(
  policy: Policy,
  lever: OvertimeLever | undefined,
  rate: number | null,
  amount: Pence | null,
  payGrowth: number,
  growthFromLever: boolean
): SettingUsed[] {
  const o = policy.overtime;
  const out: SettingUsed[] = [
    {
      key: "overtime.threshold",
      label: "Overtime threshold",
      value: formatPolicyPercent(o.threshold),
    },
    {
      key: "overtime.basis",
      label: "Paybill measured against",
      value:
        o.basis === "officers"
          ? "police officers only"
          : o.basis === "officerOvertimeWholePaybill"
            ? "officer overtime against the whole paybill"
            : "officers, staff and PCSOs",
    },
    {
      key: "overtime.paybillIncludesOvertime",
      label: "Paybill includes overtime",
      value: o.paybillIncludesOvertime ? "yes" : "no",
    },
    {
      key: "overtime.minAnnualCut",
      label: "Required yearly cut",
      value: formatPolicyPercent(o.minAnnualCut),
    },
    { key: "years.baseline", label: "Baseline year", value: formatYear(policy.years.baseline) },
    { key: "years.target", label: "Target year", value: formatYear(policy.years.target) },
    {
      key: growthFromLever ? "scenario.payGrowth" : "overtime.payGrowth",
      label: growthFromLever ? "Pay growth (this scenario)" : "Pay growth (setting)",
      value: `${formatPolicyPercent(payGrowth)} a year`,
    },
  ];
  if (lever?.kind === "reach")
    out.push({
      key: "scenario.overtime.reach",
      label: "Reach the threshold by",
      value: `${formatYear(lever.year)} (smallest yearly cut ${formatPolicyPercent(rate ?? 0)})`,
    });
  else if (amount !== null)
    out.push({
      key: "scenario.overtime.cut",
      label: "Yearly cut",
      value: `${formatPounds(amount)} a year`,
    });
  else
    out.push({
      key: "scenario.overtime.cut",
      label: "Yearly cut",
      value: `${formatPolicyPercent(rate ?? 0)} a year`,
    });
  return out;
}
