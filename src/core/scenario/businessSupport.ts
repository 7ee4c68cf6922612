/**
 * The business-support scenario (5.46-5.51): posts removed by year, the workforce shrinking by
 * the same FTE, or the FTE to remove to get below a share (the 7% threshold unless another is
 * given) by a year, solved exactly to the hundredth of an FTE and spread evenly over the years.
 * The rest of the workforce is the workbook's own figure for each year (held at its last figure
 * where a year has none). The saving is the FTE removed x the analysis's average cost per
 * support FTE (the Settings figure, or staff pay / staff FTE).
 */
import { CellRef } from "../grid";
import { Finding, finding } from "../findings";
import { FinancialYear } from "../years";
import { fig, mergeSources, mulDiv } from "../analysis/figures";
import { Analysis } from "../analysis/types";
import { isUnconfirmed, unconfirmedSentence } from "../analysis/supportConfidence";
import { RATE_SCALE, belowShare, fteHundredths, fteTenThousandths, rateParts } from "./exact";
import {
  SettingUsed,
  SupportLever,
  SupportRemoval,
  SupportScenario,
  SupportScenarioYear,
} from "./types";
import { formatFte, formatPercent, formatPolicyPercent, formatPounds, formatYear } from "../format";

const MAX_YEARS_AFTER_TARGET = 30;

interface Known {
  readonly support: number; // ten-thousandths of an FTE
  readonly total: number;
  readonly supportSources: readonly CellRef[];
  readonly totalSources: readonly CellRef[];
}

const fteText = (tenThousandths: number) => `${formatFte(tenThousandths / 1e4, 2, 0)} FTE`;

/** The smallest FTE, in hundredths, whose removal brings support/total below the share. */
export function fteToRemove(support: number, total: number, share: number): number {
  const s = BigInt(rateParts(share));
  const num = BigInt(support) * BigInt(RATE_SCALE) - s * BigInt(total);
  if (num < 0n) return 0;
  const den = 100n * (BigInt(RATE_SCALE) - s);
  return Number(num / den) + 1;
}

/** `total` hundredths spread evenly over the years, the remainder on the earliest. */
function spread(total: number, years: readonly FinancialYear[]): SupportRemoval[] {
  const base = Math.floor(total / years.length);
  let rem = total - base * years.length;
  const out: SupportRemoval[] = [];
  for (const year of years) {
    const h = base + (rem > 0 ? 1 : 0);
    if (rem > 0) rem--;
    if (h > 0) out.push({ year, fte: h / 100 });
  }
  return out;
}

export function modelBusinessSupport(
  analysis: Analysis,
  lever: SupportLever | undefined,
  from: FinancialYear,
  findings: Finding[]
): SupportScenario | null {
  const policy = analysis.policy;
  const b = analysis.businessSupport;
  const { baseline, target } = policy.years;
  const known = new Map<FinancialYear, Known>();
  for (const y of b.byYear)
    if (y.ratio !== null && y.totalFte.value > 0)
      known.set(y.year, {
        support: fteTenThousandths(y.supportFte.value),
        total: fteTenThousandths(y.totalFte.value),
        supportSources: y.supportFte.sources,
        totalSources: y.totalFte.sources,
      });
  const years = [...known.keys()].sort((x, y) => x - y);
  if (years.length === 0) {
    findings.push(
      finding(
        "error",
        "SCENARIO_NO_WORKFORCE",
        "The workbook gives no workforce FTE by function, so no business-support scenario can be modelled.",
        undefined,
        "Add a workforce sheet with FTE by function, or use the input template."
      )
    );
    return null;
  }
  const start = [...years].reverse().find((y) => y <= from) ?? years[0];
  // A scenario from an unconfirmed share is unconfirmed too: its years get no status.
  const startYear = b.byYear.find((y) => y.year === start);
  const unconfirmed = startYear !== undefined && isUnconfirmed(startYear);
  if (unconfirmed)
    findings.push(
      finding(
        "warning",
        "SCENARIO_SUPPORT_UNCONFIRMED",
        `${unconfirmedSentence(startYear)} The scenario starts from it, so its years are given no position against the share either.`,
        startYear.doubts[0]?.cell,
        "Confirm the lines named in the Benchmarks or Data step, then model again."
      )
    );
  const share = lever?.kind === "reach" && lever.share !== undefined ? lever.share : b.threshold;
  const startFig = known.get(start)!;
  const t = formatPolicyPercent(share);

  if (!Number.isFinite(share) || share <= 0 || share >= 1) {
    findings.push(
      finding(
        "error",
        "SCENARIO_SHARE_OUT_OF_RANGE",
        `A business-support share of ${Number.isFinite(share) ? formatPolicyPercent(share) : String(share)} cannot be modelled: it must be more than 0% and less than 100%.`,
        undefined,
        "Enter a share such as 7%."
      )
    );
    return null;
  }

  // Removals by year, in hundredths of an FTE.
  let removals: SupportRemoval[] = [];
  let solvedFor: FinancialYear | null = null;
  const yearProblem = (year: FinancialYear, what: string): Finding | undefined => {
    if (!Number.isInteger(year) || year < baseline)
      return finding(
        "error",
        "SCENARIO_YEAR_BEFORE_BASELINE",
        `${what} ${formatYear(year)} cannot be modelled: it is before the baseline year ${formatYear(baseline)}.`,
        undefined,
        `Choose a year after ${formatYear(start)}.`
      );
    if (year <= start)
      return finding(
        "error",
        "SCENARIO_YEAR_NOT_AFTER_START",
        `${what} ${formatYear(year)} cannot be modelled: the workforce keeps the workbook's figures up to ${formatYear(start)}, where the scenario starts.`,
        startFig.supportSources[0],
        `Choose a year after ${formatYear(start)}.`
      );
    if (year > target + MAX_YEARS_AFTER_TARGET)
      return finding(
        "error",
        "SCENARIO_YEAR_OUT_OF_RANGE",
        `The year ${formatYear(year)} is more than ${MAX_YEARS_AFTER_TARGET} years after the target year ${formatYear(target)}; check the year.`
      );
    return undefined;
  };

  let end = Math.max(target, years[years.length - 1], start);
  if (lever?.kind === "remove") {
    const byYear = new Map<FinancialYear, number>();
    for (const r of lever.removals) {
      const p = yearProblem(r.year, "Removing posts in");
      if (p) {
        findings.push(p);
        return null;
      }
      if (!Number.isFinite(r.fte) || r.fte <= 0) {
        findings.push(
          finding(
            "error",
            "SCENARIO_FTE_OUT_OF_RANGE",
            `Removing ${String(r.fte)} FTE in ${formatYear(r.year)} cannot be modelled: enter a number of posts above zero.`,
            undefined,
            "Enter the FTE to remove, such as 12.5."
          )
        );
        return null;
      }
      byYear.set(r.year, (byYear.get(r.year) ?? 0) + fteHundredths(r.fte));
    }
    const total = [...byYear.values()].reduce((a, v) => a + v, 0);
    if (total * 100 > startFig.support) {
      findings.push(
        finding(
          "error",
          "SCENARIO_FTE_OUT_OF_RANGE",
          `Removing ${total / 100} FTE in all is more than the ${fteText(startFig.support)} of business support in ${formatYear(start)}.`,
          startFig.supportSources[0],
          "Enter fewer posts to remove."
        )
      );
      return null;
    }
    removals = [...byYear].sort((x, y) => x[0] - y[0]).map(([year, h]) => ({ year, fte: h / 100 }));
    end = Math.max(end, ...removals.map((r) => r.year));
  } else if (lever?.kind === "reach") {
    const p = yearProblem(lever.year, "Getting below the share by");
    if (p) {
      findings.push(p);
      return null;
    }
    if (belowShare(startFig.support, startFig.total, share)) {
      findings.push(
        finding(
          "error",
          "SCENARIO_SHARE_NOT_A_REDUCTION",
          `Business support is already below ${t} of the workforce in ${formatYear(start)} (${formatPercent(startFig.support / startFig.total, 1, 0)}), so there is nothing to remove to reach it.`,
          startFig.supportSources[0],
          "Enter a share below today's."
        )
      );
      return null;
    }
    solvedFor = lever.year;
    end = Math.max(end, lever.year);
  }

  // The rest of the workforce: the workbook's own figure, held at the last one where a year has none.
  const other = new Map<FinancialYear, { value: number; sources: readonly CellRef[] }>();
  let lastOther = { value: startFig.total - startFig.support, sources: startFig.totalSources };
  const held: FinancialYear[] = [];
  for (let year = start; year <= end; year++) {
    const k = known.get(year);
    if (k) lastOther = { value: k.total - k.support, sources: k.totalSources };
    else held.push(year);
    other.set(year, lastOther);
  }
  if (held.length > 0)
    findings.push(
      finding(
        "info",
        "SCENARIO_WORKFORCE_HELD",
        `The workbook has no workforce for ${held.map(formatYear).join(", ")}; the scenario holds the rest of the workforce at the year before's level.`
      )
    );

  if (lever?.kind === "reach") {
    const y = lever.year;
    const total = other.get(y)!.value + startFig.support;
    const h = fteToRemove(startFig.support, total, share);
    if (h * 100 > startFig.support) {
      findings.push(
        finding(
          "error",
          "SCENARIO_REACH_NOT_POSSIBLE",
          `Business support cannot get below ${t} by ${formatYear(y)} by removing support posts alone.`,
          startFig.supportSources[0]
        )
      );
      return null;
    }
    const span: FinancialYear[] = [];
    for (let year = start + 1; year <= y; year++) span.push(year);
    removals = spread(h, span);
  }

  const avg = b.averageCost;
  if (!avg && removals.length > 0)
    findings.push(
      finding(
        "warning",
        "SCENARIO_SUPPORT_COST_UNKNOWN",
        "The saving from the posts removed cannot be worked out: there is no average cost per support FTE.",
        undefined,
        "Enter the average cost of a business-support post in the Settings sheet."
      )
    );
  const removedBy = (year: FinancialYear) =>
    removals.filter((r) => r.year <= year).reduce((a, r) => a + fteHundredths(r.fte), 0);

  const rows: SupportScenarioYear[] = [];
  const row = (
    year: FinancialYear,
    support: number,
    total: number,
    supportSrc: readonly CellRef[],
    totalSrc: readonly CellRef[],
    removed: number,
    from: "kept" | "modelled"
  ): SupportScenarioYear => ({
    year,
    supportFte: fig(
      support / 1e4,
      supportSrc,
      from === "kept"
        ? "business-support functions, IT excluded"
        : `${formatYear(start)} business support - ${removed / 100} FTE removed`
    ),
    totalFte: fig(
      total / 1e4,
      mergeSources(totalSrc, supportSrc),
      from === "kept" ? "officers + staff + PCSOs" : "rest of the workforce + business support"
    ),
    ratio:
      total > 0
        ? fig(
            support / total,
            mergeSources(supportSrc, totalSrc),
            "business support FTE / workforce FTE"
          )
        : null,
    status:
      total > 0 && !unconfirmed
        ? belowShare(support, total, share)
          ? "atOrBelow"
          : "above"
        : "unknown",
    removedFte: removed / 100,
    saving:
      avg && from === "modelled"
        ? fig(
            mulDiv(avg.value, removed, 100),
            mergeSources(avg.sources),
            `${removed / 100} FTE removed x average cost per support FTE (${formatPounds(avg.value)})`
          )
        : null,
    from,
  });
  for (const year of years)
    if (year >= Math.min(baseline, start) && year <= start) {
      const k = known.get(year)!;
      rows.push(row(year, k.support, k.total, k.supportSources, k.totalSources, 0, "kept"));
    }
  for (let year = start + 1; year <= end; year++) {
    const removed = removedBy(year);
    const support = startFig.support - removed * 100;
    const o = other.get(year)!;
    rows.push(
      row(year, support, o.value + support, startFig.supportSources, o.sources, removed, "modelled")
    );
  }
  const last = rows[rows.length - 1];
  const settings: SettingUsed[] = [
    {
      key: "businessSupport.threshold",
      label: "Business support threshold",
      value: formatPolicyPercent(b.threshold),
    },
    { key: "years.target", label: "Target year", value: formatYear(target) },
    {
      key: "businessSupport.averageCost",
      label: "Average cost per support FTE",
      value: avg
        ? `${formatPounds(avg.value)} (${avg.method === "input" ? "the Settings sheet" : "police staff pay / police staff FTE"})`
        : "not known",
    },
  ];
  if (lever?.kind === "reach")
    settings.push({
      key: "scenario.businessSupport.reach",
      label: "Get below",
      value: `${t} by ${formatYear(lever.year)}`,
    });
  if (removals.length > 0)
    settings.push({
      key: "scenario.businessSupport.remove",
      label: "Posts removed",
      value: removals.map((r) => `${r.fte} FTE in ${formatYear(r.year)}`).join(", "),
    });
  return {
    from: start,
    share,
    removeFte: removals,
    solvedFor,
    byYear: rows,
    yearShareReached: rows.find((r) => r.year >= start && r.status === "atOrBelow")?.year ?? null,
    averageCost: avg ? fig(avg.value, avg.sources, avg.formula) : null,
    cashableSaving:
      last && last.saving ? last.saving : avg ? fig(0, avg.sources, "no posts removed") : null,
    settings,
  };
}
