/**
 * Overtime against the 4% rule (5.9-5.10), read from the analysis's required path: above the
 * threshold each year's overtime is at least 5% below the previous year's; a year reaching the
 * threshold is planned by the target year; at or below it, overtime does not rise. Every year
 * that misses is named, each at its own overtime cell.
 */
import { OvertimeRequirement, OvertimeYear } from "../analysis/types";
import { FinancialYear } from "../years";
import { formatYear } from "../format";
import { formatRef } from "../grid";
import { listWords } from "../plainEnglish";
import { CheckContext, hit } from "./context";
import { countOf } from "../plainEnglish";
import { RuleGroupResult, RuleHit } from "./types";
import { formatPercent, formatPolicyPercent, formatPounds } from "../format";

function missedYear(
  r: OvertimeRequirement,
  own: OvertimeYear,
  previous: OvertimeYear | undefined,
  cut: number,
  threshold: number
): RuleHit {
  const year = formatYear(r.year);
  const prev = formatYear(r.previousYear);
  const overtime = formatPounds(r.overtime ?? own.overtime.value);
  const prevText =
    r.previousFrom === "figure"
      ? `${prev}'s ${formatPounds(r.previous)}`
      : `${prev}'s ${formatPounds(r.previous)} (projected: the workbook has no figure for ${prev})`;
  if (r.rule === "cut" && r.compounded)
    return hit(
      "OVERTIME_ANNUAL_CUT",
      `Overtime in ${year} is ${overtime}, more than ${formatPounds(r.maximum.value)}, which is ${formatYear(r.compounded.fromYear)}'s overtime cut by ${formatPolicyPercent(cut)} a year for ${countOf(r.compounded.years, "year")} (the cut is compounded from ${formatYear(r.compounded.fromYear)}, as the settings read 5.10); the force was above ${formatPolicyPercent(threshold)} of paybill in ${prev}.`,
      own.overtime.sources[0],
      `Plan overtime for ${year} at ${formatPounds(r.maximum.value)} or less.`
    );
  if (r.rule === "cut")
    return hit(
      "OVERTIME_ANNUAL_CUT",
      `Overtime in ${year} is ${overtime}, more than ${formatPounds(r.maximum.value)}, which is ${formatPolicyPercent(cut)} below ${prevText}; the force was above ${formatPolicyPercent(threshold)} of paybill, so a cut of at least ${formatPolicyPercent(cut)} was due.`,
      own.overtime.sources[0],
      `Plan overtime for ${year} at ${formatPounds(r.maximum.value)} or less.`
    );
  if (r.rule === "fall")
    return hit(
      "OVERTIME_NO_RISE",
      `Overtime in ${year} is ${overtime}, not below ${prevText}; the force was at or below ${formatPolicyPercent(threshold)} of paybill, and the settings read 5.10 ("continue to make further reductions") as a fall every year.`,
      own.overtime.sources[0],
      `Plan overtime for ${year} below ${formatPounds(r.maximum.value)}.`
    );
  const wasAbove = previous?.status === "above";
  return hit(
    "OVERTIME_NO_RISE",
    wasAbove
      ? `Overtime rises in ${year} to ${overtime}, above ${prevText}; the force is not counted as a highest spender, so it should at least not rise.`
      : `Overtime rises in ${year} to ${overtime}, above ${prevText}, although the force was at or below ${formatPolicyPercent(threshold)} of paybill.`,
    own.overtime.sources[0],
    `Hold overtime for ${year} at ${formatPounds(r.maximum.value)} or less.`
  );
}

/** First year above the threshold, and the first later year at or below it (up to any year). */
function thresholdYear(
  byYear: readonly OvertimeYear[],
  target: FinancialYear
): RuleHit[] | "notApplicable" {
  const known = byYear.filter((y) => y.ratio !== null);
  const firstAbove = known.find((y) => y.status === "above" && y.year <= target);
  if (!firstAbove) return "notApplicable";
  const reached = known.find((y) => y.year > firstAbove.year && y.status === "atOrBelow");
  const t = formatYear(target);
  if (reached && reached.year <= target) return [];
  const atTarget = known.find((y) => y.year === target);
  const last = known[known.length - 1];
  const where = (atTarget ?? last).overtime.sources[0];
  const ratio = (y: OvertimeYear) => formatPercent(y.ratio?.value ?? 0, 1, 0);
  return [
    hit(
      "OVERTIME_THRESHOLD_YEAR_PLANNED",
      reached
        ? `Overtime comes down to the threshold only in ${formatYear(reached.year)}, after the target year ${t} (${ratio(atTarget ?? last)} in ${formatYear((atTarget ?? last).year)}).`
        : `No year up to ${t} brings overtime down to the threshold: it is still ${ratio(last)} of paybill in ${formatYear(last.year)}, the last year the workbook shows.`,
      where,
      `Plan the year, by ${t} at the latest, in which overtime reaches the threshold.`
    ),
  ];
}

export function checkOvertime(ctx: CheckContext): RuleGroupResult {
  const ot = ctx.result.analysis.overtime;
  const policy = ctx.result.analysis.policy;
  const at = new Map(ot.byYear.map((y) => [y.year, y]));
  const findings: RuleHit[] = [];
  const notApplicable: RuleGroupResult["notApplicable"][number][] = [];
  let cutRules = 0;
  let noRiseRules = 0;
  for (const r of ot.requiredByYear) {
    if (r.rule === "cut") cutRules++;
    else noRiseRules++;
    const own = at.get(r.year);
    if (r.met !== false || !own) continue;
    findings.push(
      missedYear(r, own, at.get(r.previousYear), policy.overtime.minAnnualCut, ot.threshold)
    );
  }
  const noRatio = "The workbook has no overtime ratio for two years in a row to compare.";
  if (ot.requiredByYear.length === 0) {
    notApplicable.push({ rule: "OVERTIME_ANNUAL_CUT", note: noRatio });
    notApplicable.push({ rule: "OVERTIME_NO_RISE", note: noRatio });
  } else {
    if (cutRules === 0)
      notApplicable.push({
        rule: "OVERTIME_ANNUAL_CUT",
        note: "Overtime was never above the threshold in a year before another.",
      });
    if (noRiseRules === 0)
      notApplicable.push({
        rule: "OVERTIME_NO_RISE",
        note: "Overtime was above the threshold in every year before another.",
      });
  }
  const unsure = ot.byYear.filter((y) => y.ratio !== null && y.confidence === "unconfirmed");
  // No pass and no fail on a ratio that rests on lines not yet confirmed.
  const reach =
    unsure.length > 0
      ? [
          hit(
            "OVERTIME_THRESHOLD_YEAR_PLANNED",
            `The overtime ratio for ${listWords(unsure.map((y) => formatYear(y.year)))} is unconfirmed: it rests on budget lines the add-in could not settle (${[...new Set(unsure.flatMap((y) => y.doubts.map((d) => formatRef(d.cell))))].join(", ")}), so whether overtime reaches ${formatPolicyPercent(ot.threshold)} of paybill by ${formatYear(ot.targetYear)} cannot be checked until then.`,
            unsure[0].doubts[0]?.cell ?? unsure[0].overtime.sources[0],
            "Confirm the lines named (say which line each is in the Data step, or correct the total), then check again."
          ),
        ]
      : thresholdYear(ot.byYear, ot.targetYear);
  if (reach === "notApplicable")
    notApplicable.push({
      rule: "OVERTIME_THRESHOLD_YEAR_PLANNED",
      note: ot.byYear.some((y) => y.ratio !== null)
        ? "Overtime is at or below the threshold in every year shown up to the target year."
        : "The workbook has no overtime ratio.",
    });
  else findings.push(...reach);
  return { findings, notApplicable };
}
