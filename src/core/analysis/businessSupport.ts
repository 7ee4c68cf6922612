/**
 * Business support against the 7% rule (5.46-5.51): business-support FTE (IT excluded) as a
 * share of the workforce (officers + staff + PCSOs; specials never count), the FTE above the
 * threshold in the target year, what removing it would save, and a straight-line path to the
 * threshold by the target year.
 */
import { CellRef } from "../grid";
import { Finding, finding } from "../findings";
import { ForceData, WorkforceLine } from "../forceData";
import { Pence, applyRate } from "../money";
import { Policy, SupportClass, supportClassOf } from "../policy";
import { breakdownOf } from "../classifications";
import { FTE_NOISE, fteUnit, withinRounding } from "../tolerance";
import { FinancialYear } from "../years";
import { formatFte, formatYear } from "../format";
import {
  budgetAmount,
  cleanFte,
  fig,
  lineWorkforceFte,
  mergeSources,
  rag,
  sortedUnique,
} from "./figures";
import {
  BusinessSupportAnalysis,
  BusinessSupportPathPoint,
  BusinessSupportYear,
  Figure,
  RagStatus,
  SupportDoubt,
} from "./types";
import { formatPolicyPercent } from "../format";

const PARA = "5.46-5.51";

function workforceYears(data: ForceData): FinancialYear[] {
  const ys: FinancialYear[] = [...data.workforce.years];
  for (const l of data.workforce.lines) for (const y of l.fte.keys()) ys.push(y);
  return sortedUnique(ys);
}

/**
 * Whether a line without a breakdown holds functions the classification counts differently
 * (the ADR "Business support" line holds IT/Communications, which the measure leaves out).
 */
function needsBreakdown(policy: Policy, l: WorkforceLine): boolean {
  if (!l.entry || l.categoryConfirmed) return false;
  const own = supportClassOf(policy, l.category);
  return breakdownOf(l.entry).some((c) => supportClassOf(policy, c.category) !== own);
}

function yearFigures(
  lines: readonly WorkforceLine[],
  policy: Policy,
  year: FinancialYear
): BusinessSupportYear | undefined {
  let support = 0;
  let excluded = 0;
  let total = 0;
  let counted = 0;
  let any = false;
  const sSrc: CellRef[] = [];
  const eSrc: CellRef[] = [];
  const tSrc: CellRef[] = [];
  const doubts: SupportDoubt[] = [];
  const confirmedWhole: NonNullable<BusinessSupportYear["confirmedWhole"]>[number][] = [];
  const add = (cls: SupportClass, v: number, src: readonly CellRef[]) => {
    if (cls === "businessSupport") {
      support += v;
      sSrc.push(...src);
    } else if (cls === "excluded") {
      excluded += v;
      eSrc.push(...src);
    }
  };
  lines.forEach((l, i) => {
    // Totals are never added; a breakdown's lines are counted through the line they break down.
    if (l.isTotal || l.breakdownOf !== undefined) return;
    const f = lineWorkforceFte(l, year);
    if (!f) return;
    any = true;
    counted++;
    total += f.value;
    tSrc.push(...f.sources);
    const parts = lines
      .map((c, j) => ({ c, j }))
      .filter(({ c }) => c.breakdownOf === i && !c.isTotal)
      .map(({ c }) => ({ c, f: lineWorkforceFte(c, year) }))
      .filter((x): x is { c: WorkforceLine; f: { value: number; sources: CellRef[] } } => !!x.f);
    const cell = f.sources[0] ?? l.labelCell;
    if (parts.length > 0) {
      // Split the line by its breakdown; what rounding leaves over stays with the line's class
      // (HMIC: business support less IT/Communications).
      let rest = f.value;
      for (const p of parts) {
        rest -= p.f.value;
        if (!p.c.category && !p.c.categoryConfirmed)
          doubts.push(unclassified(p.c, p.f.value, p.f.sources[0] ?? p.c.labelCell));
        add(supportClassOf(policy, p.c.category ?? l.category), p.f.value, p.f.sources);
      }
      add(supportClassOf(policy, l.category), rest, f.sources);
    } else {
      add(supportClassOf(policy, l.category), f.value, f.sources);
      if (l.categoryConfirmed && l.entry && mixedParts(policy, l).length > 0)
        confirmedWhole.push({
          label: l.label,
          cell: l.labelCell,
          fte: f.value,
          parts: mixedParts(policy, l),
        });
      if (!l.category) doubts.push(unclassified(l, f.value, cell));
      else if (needsBreakdown(policy, l))
        doubts.push({
          label: l.label,
          cell: l.labelCell,
          fte: f.value,
          mixedParts: mixedParts(policy, l),
          reason: `it holds ${listWords(mixedParts(policy, l))}, which the classification counts differently, and no breakdown of it was found`,
          correction:
            "add the line's breakdown (for business support: IT/Communications, Personnel/HR, Finance ...), or confirm its category in the Data step",
        });
    }
    if (l.doubt && !l.categoryConfirmed)
      doubts.push({
        label: l.label,
        cell: l.labelCell,
        fte: f.value,
        reason: l.doubt,
        correction: "correct the breakdown, or confirm the line's category in the Data step",
      });
  });
  if (!any) return undefined;
  support = cleanFte(support);
  total = cleanFte(total);
  // The workforce as stated, where a total row agrees with the lines within their rounding.
  const stated = statedTotal(lines, year, total, counted);
  // A stated workforce total that no count of the lines agrees with means a line is counted
  // twice (an unmarked subtotal) or left out: the share is not given a status on it.
  const grand = stated ? undefined : grandTotal(lines, year);
  if (grand && Math.abs(grand.value - total) > FTE_NOISE) {
    // A line whose FTE are what the lines are over the total may be a subtotal counted twice.
    const over = total - grand.value;
    const unit = fteUnit([grand.value]);
    const subtotalCandidates =
      over > FTE_NOISE
        ? lines
            .filter((l) => !l.isTotal && l.breakdownOf === undefined)
            .filter((l) => {
              const f = lineWorkforceFte(l, year);
              return f !== undefined && withinRounding(f.value, over, counted, unit);
            })
            .map((l) => ({ label: l.label, cell: l.labelCell }))
        : [];
    doubts.push({
      label: grand.line.label,
      cell: grand.sources[0] ?? grand.line.labelCell,
      fte: cleanFte(Math.abs(grand.value - total)),
      ...(subtotalCandidates.length > 0 ? { subtotalCandidates } : {}),
      reason: `the workforce total there is ${formatFte(grand.value)} FTE, but the lines counted add up to ${formatFte(total)}, more than their rounding explains, so a line may be counted twice or left out`,
      correction:
        'correct the total or the lines; a subtotal needs "total" in its label, and a line read as the wrong function can be given its category in the Data step',
    });
  }
  const totalFte = stated
    ? fig(stated.value, stated.sources, `total workforce as stated (the lines add up to ${total})`)
    : fig(total, tSrc, "officers + staff + PCSOs");
  const ratio =
    totalFte.value > 0
      ? fig(
          support / totalFte.value,
          mergeSources(sSrc, totalFte.sources),
          "business support FTE / workforce FTE"
        )
      : null;
  const doubtFte = cleanFte(doubts.reduce((a, d) => a + d.fte, 0));
  const confidence = doubts.length === 0 ? "confirmed" : "unconfirmed";
  return {
    year,
    supportFte: fig(support, sSrc, "business-support functions, IT excluded"),
    excludedFte: fig(cleanFte(excluded), eSrc, "functions excluded from the ratio"),
    totalFte,
    ratio,
    confidence,
    unclassifiedFte: fig(
      doubtFte,
      doubts.map((d) => d.cell),
      "FTE on lines not classified or not resolved"
    ),
    doubts,
    ...(confirmedWhole.length > 0 ? { confirmedWhole } : {}),
    status:
      ratio === null || confidence === "unconfirmed"
        ? "unknown"
        : ratio.value < policy.businessSupport.threshold
          ? "atOrBelow"
          : "above",
  };
}

function unclassified(l: WorkforceLine, fte: number, cell: CellRef): SupportDoubt {
  return {
    label: l.label,
    cell: l.labelCell.address ? l.labelCell : cell,
    fte,
    reason: "the add-in could not tell which function it is",
    correction: "choose its category in the Data step",
  };
}

function mixedParts(policy: Policy, l: WorkforceLine): string[] {
  const own = supportClassOf(policy, l.category);
  return breakdownOf(l.entry ?? "")
    .filter((c) => supportClassOf(policy, c.category) !== own)
    .map((c) => c.name);
}

function cap(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function listWords(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join("");
  return `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}

/** A total row that agrees with the counted lines within their rounding (the last one wins). */
function statedTotal(
  lines: readonly WorkforceLine[],
  year: FinancialYear,
  sum: number,
  count: number
): { value: number; sources: CellRef[] } | undefined {
  let found: { value: number; sources: CellRef[] } | undefined;
  for (const l of lines) {
    if (!l.isTotal || l.breakdownOf !== undefined) continue;
    const f = lineWorkforceFte(l, year);
    if (f && withinRounding(f.value, sum, count, fteUnit([f.value]))) found = f;
  }
  return found;
}

/** The largest stated total of the year outside any breakdown: the whole workforce, as stated. */
function grandTotal(
  lines: readonly WorkforceLine[],
  year: FinancialYear
): { line: WorkforceLine; value: number; sources: CellRef[] } | undefined {
  let found: { line: WorkforceLine; value: number; sources: CellRef[] } | undefined;
  for (const l of lines) {
    if (!l.isTotal || l.breakdownOf !== undefined) continue;
    const f = lineWorkforceFte(l, year);
    if (f && (!found || f.value > found.value)) found = { line: l, ...f };
  }
  return found;
}

/** Staff FTE in a year (sum of the lines' staff columns), where the sheet splits by worker type. */
function staffFte(
  lines: readonly WorkforceLine[],
  year: FinancialYear
): Figure<number> | undefined {
  let v = 0;
  let any = false;
  const src: CellRef[] = [];
  for (const l of lines) {
    if (l.isTotal) continue;
    const s = l.fte.get(year)?.staff;
    if (!s) continue;
    any = true;
    v += s.value;
    src.push(...s.sources);
  }
  return any ? fig(cleanFte(v), src, "police staff FTE") : undefined;
}

export function analyseBusinessSupport(data: ForceData, policy: Policy): BusinessSupportAnalysis {
  const threshold = policy.businessSupport.threshold;
  const target = policy.years.target;
  const findings: Finding[] = [];
  const lines = data.workforce.lines;

  const byYear: BusinessSupportYear[] = [];
  for (const y of workforceYears(data)) {
    const f = yearFigures(lines, policy, y);
    if (!f) continue;
    byYear.push(f);
    if (f.totalFte.value <= 0)
      findings.push(
        finding(
          "error",
          "ZERO_WORKFORCE",
          `The workforce for ${formatYear(y)} adds up to ${f.totalFte.value} FTE, so the business-support share cannot be worked out.`,
          f.totalFte.sources[0],
          "Check the workforce figures for the year."
        )
      );
  }

  const sheet = data.sheetsUsed.find((s) => s.as === "workforce")?.sheet;
  if (byYear.length === 0)
    findings.push(
      finding(
        "error",
        "NO_WORKFORCE_FIGURES",
        "No workforce FTE by function was found, so the business-support test cannot be done.",
        sheet ? { sheet } : undefined,
        "Add a workforce sheet with FTE by function, or use the input template."
      )
    );

  const known = byYear.filter((y) => y.ratio !== null);
  const assessed = known.find((y) => y.year === target) ?? known[known.length - 1];
  if (assessed && assessed.year !== target)
    findings.push(
      finding(
        "info",
        "SUPPORT_TARGET_YEAR_MISSING",
        `The workforce has no figures for the target year ${formatYear(target)}; the excess is measured in ${formatYear(assessed.year)}, the latest year given.`,
        assessed.totalFte.sources[0] ? { sheet: assessed.totalFte.sources[0].sheet } : undefined
      )
    );

  for (const d of assessed?.doubts ?? []) {
    if (d.reason.startsWith("the add-in could not tell")) continue; // detection said so already
    findings.push(
      finding(
        "warning",
        "SUPPORT_LINE_UNCONFIRMED",
        `"${d.label}" at ${d.cell.sheet}!${d.cell.address} (${d.fte} FTE in ${formatYear(assessed?.year ?? 0)}): ${d.reason}, so the business-support share is shown unconfirmed and given no status.`,
        d.cell,
        cap(d.correction) + "."
      )
    );
  }
  let excessFte: Figure<number> | null = null;
  let averageCost: BusinessSupportAnalysis["averageCost"] = null;
  let cashableSaving: Figure<Pence> | null = null;
  if (assessed) {
    // 5.51 "reduce the proportion ... to below 7%": at the workforce as it is, or with the
    // posts leaving it (policy businessSupport.excessMeasure).
    const postsLeave = policy.businessSupport.excessMeasure === "postsLeave";
    const excess =
      assessed.status === "atOrBelow"
        ? 0
        : postsLeave
          ? fewestPostsUnder(threshold, assessed.supportFte.value, assessed.totalFte.value)
          : cleanFte(
              assessed.supportFte.value - mostSupportUnder(threshold, assessed.totalFte.value)
            );
    excessFte = fig(
      excess,
      mergeSources(assessed.supportFte.sources, assessed.totalFte.sources),
      postsLeave
        ? `the fewest support FTE, in steps of ${FTE_STEP}, whose removal from both takes business support FTE / workforce FTE under ${formatPolicyPercent(threshold)} (${formatYear(assessed.year)})`
        : `business support FTE - the most support FTE under ${formatPolicyPercent(threshold)} of workforce FTE, in steps of ${FTE_STEP} (${formatYear(assessed.year)})`
    );
    averageCost = supportCost(data, lines, assessed.year, findings);
    if (averageCost)
      cashableSaving = fig(
        applyRate(averageCost.value, excess),
        mergeSources(excessFte.sources, averageCost.sources),
        "excess FTE x average cost per support FTE"
      );
  }

  const path = straightLine(byYear, policy, assessed);
  return {
    threshold,
    targetYear: target,
    assessedYear: assessed ? assessed.year : null,
    assessedYearIsTarget: assessed ? assessed.year === target : false,
    byYear,
    excessFte,
    averageCost,
    cashableSaving,
    path,
    definition: policy.businessSupport.definition,
    classification: policy.businessSupport.classification,
    rag: supportRag(policy, byYear, assessed, path),
    findings,
  };
}

/** The average cost of one support FTE: the user's figure, or staff pay / staff FTE. */
function supportCost(
  data: ForceData,
  lines: readonly WorkforceLine[],
  year: FinancialYear,
  findings: Finding[]
): BusinessSupportAnalysis["averageCost"] {
  const input = data.settings.averageSupportCost;
  if (input) {
    if (input.value > 0)
      return {
        value: input.value,
        sources: input.sources,
        formula: "given in the settings",
        method: "input",
      };
    findings.push(
      finding(
        "warning",
        "SUPPORT_COST_NOT_POSITIVE",
        "The average cost per support FTE in the settings is not above zero, so staff pay / staff FTE is used instead.",
        input.sources[0]
      )
    );
  }
  const pay = budgetAmount(data, "staffPay", year);
  const fte = staffFte(lines, year);
  if (pay && fte && fte.value > 0 && pay.value > 0)
    return {
      value: Math.round(pay.value / fte.value),
      sources: mergeSources(pay.sources, fte.sources),
      formula: `police staff pay / police staff FTE (${formatYear(year)})`,
      method: "staffPayPerStaffFte",
    };
  findings.push(
    finding(
      "warning",
      "SUPPORT_COST_UNKNOWN",
      `The saving from reducing business support cannot be worked out: there is no average cost per support FTE in the settings, and no police staff pay and staff FTE for ${formatYear(year)} to derive it from.`,
      undefined,
      "Enter the average cost of a business-support post in the Settings sheet."
    )
  );
  return null;
}

/** FTE are stated to one decimal place, so a reduction is counted in tenths of an FTE. */
export const FTE_STEP = 0.1;

/**
 * The most business support FTE, in steps of FTE_STEP, that is under (not at) `threshold` of a
 * workforce of `total` FTE (5.51). E.g. 7% of 3,612.5 is 252.875, so the most is 252.8 (6.998%);
 * 7% of 3,600 is exactly 252, which is not under 7%, so the most is 251.9.
 */
export function mostSupportUnder(threshold: number, total: number): number {
  const tenths = Math.round(1 / FTE_STEP);
  const limit = threshold * total * tenths;
  const below = Math.ceil(limit - 1e-9) - 1;
  return Math.max(0, below) / tenths;
}

/**
 * The fewest FTE, in steps of FTE_STEP, whose removal from both the support FTE and the workforce
 * takes the share under (not at) `threshold` (5.51, with the posts leaving the workforce). E.g.
 * 280.5 of 3,612.5 at 7%: (280.5 - x) < 0.07 x (3,612.5 - x) needs x > 27.625 / 0.93 = 29.70...,
 * so 29.8 (at a fixed workforce the excess is 280.5 - 252.8 = 27.7).
 */
export function fewestPostsUnder(threshold: number, support: number, total: number): number {
  const tenths = Math.round(1 / FTE_STEP);
  const s = Math.round(support * tenths);
  const w = Math.round(total * tenths);
  if (threshold >= 1 || s < threshold * w) return 0;
  let x = Math.max(0, Math.floor((s - threshold * w) / (1 - threshold) - 1e-9));
  while (s - x >= threshold * (w - x) - 1e-9 && x < s) x++;
  return x / tenths;
}

/**
 * A straight line in the share, from the first year given (from the baseline on) to the
 * threshold in the target year; the FTE on the line is that share of the year's workforce
 * (the assessed year's workforce where the year has none).
 */
function straightLine(
  byYear: readonly BusinessSupportYear[],
  policy: Policy,
  assessed: BusinessSupportYear | undefined
): BusinessSupportPathPoint[] {
  const known = byYear.filter((y) => y.ratio !== null);
  const first = known.find((y) => y.year >= policy.years.baseline) ?? known[0];
  const target = policy.years.target;
  const threshold = policy.businessSupport.threshold;
  if (!first || !assessed || first.year >= target || first.ratio!.value < threshold) return [];
  const r0 = first.ratio!.value;
  const out: BusinessSupportPathPoint[] = [];
  for (let year = first.year; year <= target; year++) {
    const ratio = r0 + ((threshold - r0) * (year - first.year)) / (target - first.year);
    const own = known.find((y) => y.year === year);
    const total = own ? own.totalFte.value : assessed.totalFte.value;
    // 5.51 asks for "under" the threshold: the target year's point is the most FTE below it.
    const max = year === target ? mostSupportUnder(threshold, total) : cleanFte(ratio * total);
    const support = own ? own.supportFte.value : null;
    out.push({
      year,
      maximumSupportFte: max,
      totalFte: total,
      ratio: year === target && total > 0 ? max / total : ratio,
      supportFte: support,
      onPath: support === null ? null : support <= max + 1e-9,
    });
  }
  return out;
}

function supportRag(
  policy: Policy,
  byYear: readonly BusinessSupportYear[],
  assessed: BusinessSupportYear | undefined,
  path: readonly BusinessSupportPathPoint[]
): RagStatus {
  const t = formatPolicyPercent(policy.businessSupport.threshold);
  if (!assessed || !assessed.ratio)
    return rag("none", "no business-support share could be worked out", PARA);
  if (assessed.confidence === "unconfirmed")
    return {
      ...rag(
        "none",
        `the ${formatYear(assessed.year)} share depends on ${formatFte(assessed.unclassifiedFte.value)} FTE the add-in could not classify or place; confirm ${assessed.doubts.length === 1 ? "that line" : `those ${assessed.doubts.length} lines`} in the Data step`,
        PARA
      ),
      unconfirmed: true,
    };
  const y = formatYear(assessed.year);
  if (assessed.status === "atOrBelow")
    return rag("green", `below ${t} of the workforce in ${y}`, PARA);
  if (assessed.year >= policy.years.target)
    return rag("red", `still at or above ${t} of the workforce in ${y}, the target year`, PARA);
  // A year whose share is unconfirmed says nothing about the path either.
  const unconfirmedYears = new Set(
    byYear.filter((y) => y.confidence === "unconfirmed").map((y) => y.year)
  );
  const offPath = path
    .filter((p) => p.onPath === false && !unconfirmedYears.has(p.year))
    .map((p) => formatYear(p.year));
  if (offPath.length > 0)
    return rag("red", `above the straight-line path to ${t} in ${offPath.join(", ")}`, PARA);
  return rag("amber", `above ${t} in ${y} but on the straight-line path to the target year`, PARA);
}
