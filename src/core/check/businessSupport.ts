/**
 * Business support against the 7% rule (5.46-5.51): the planned workforce brings support
 * functions (IT excluded) below 7% of the workforce by the target year, and any business-support
 * total the workbook states agrees with the functions the classification counts.
 */
import { CellRef } from "../grid";
import { WorkforceLine } from "../forceData";
import { cleanFte, lineWorkforceFte } from "../analysis/figures";
import { FTE_NOISE, fteUnit, toleranceWords, withinRounding } from "../tolerance";
import { isUnconfirmed, unconfirmedSentence } from "../analysis/supportConfidence";
import { BusinessSupportYear } from "../analysis/types";
import { FinancialYear } from "../years";
import { formatFte, formatYear } from "../format";
import { CheckContext, hit } from "./context";
import { RuleGroupResult, RuleHit } from "./types";
import { formatPercent, formatPolicyPercent } from "../format";

/** A stated business-support total: "Total business support", "Back office support subtotal". */
const SUPPORT_TOTAL = /\b(?:business|back[- ]?office|corporate|organisational)\s+support\b/i;
/** ...that says it includes IT ("Business support including IT"). */
const INCLUDES_IT =
  /\b(?:incl(?:uding|udes|\.)?|plus|with|and)\s+(?:it|ict|information\s+technology)\b/i;
const EXCLUDES_IT = /\b(?:excl(?:uding|udes|\.)?|less|without|not)\s+(?:it|ict)\b/i;

/** Which IT reading a stated total's label gives: with IT, without it, or it does not say. */
type ItReading = "with" | "without" | "unsaid";

const fteText = (n: number) => formatFte(n, 2, 1);

/** The workforce total rows that state business support, and whether each includes IT. */
export function statedSupportTotals(
  lines: readonly WorkforceLine[]
): { readonly line: WorkforceLine; readonly includesIt: boolean; readonly it: ItReading }[] {
  return lines
    .filter((l) => l.isTotal && SUPPORT_TOTAL.test(l.label) && !/\boperational\b/i.test(l.label))
    .map((line) => {
      const it: ItReading = EXCLUDES_IT.test(line.label)
        ? "without"
        : INCLUDES_IT.test(line.label)
          ? "with"
          : "unsaid";
      return { line, includesIt: it === "with", it };
    });
}

function belowByTarget(ctx: CheckContext): RuleHit[] | string {
  const bs = ctx.result.analysis.businessSupport;
  const known = bs.byYear.filter((y) => y.ratio !== null);
  if (known.length === 0) return "The workbook has no business-support share to assess.";
  const target = bs.targetYear;
  const t = formatYear(target);
  const limit = formatPolicyPercent(bs.threshold);
  const share = (y: BusinessSupportYear) => formatPercent(y.ratio?.value ?? 0, 1, 0);
  const atTarget = known.find((y) => y.year === target);
  const before = known.filter((y) => y.year < target);
  const measured = atTarget ?? before[before.length - 1] ?? known[0];
  if (isUnconfirmed(measured))
    // No pass and no fail on a share that rests on lines not yet confirmed.
    return [
      hit(
        "SUPPORT_BELOW_THRESHOLD_BY_TARGET",
        `${unconfirmedSentence(measured)} Whether business support is below ${limit} by ${t} cannot be checked until then.`,
        measured.doubts[0]?.cell ?? measured.totalFte.sources[0],
        "Confirm the lines named (their category in the Data step, or the missing breakdown), then check again."
      ),
    ];
  if (atTarget) {
    if (atTarget.status === "atOrBelow") return [];
    const limitFte = bs.threshold * atTarget.totalFte.value;
    return [
      hit(
        "SUPPORT_BELOW_THRESHOLD_BY_TARGET",
        `Business support in ${t} is planned at ${fteText(atTarget.supportFte.value)} FTE, ${share(atTarget)} of a workforce of ${fteText(atTarget.totalFte.value)}; to be below ${limit} it must be under ${fteText(limitFte)} FTE.`,
        atTarget.supportFte.sources[0] ?? atTarget.totalFte.sources[0],
        `Plan business support below ${limit} of the workforce in ${t}.`
      ),
    ];
  }
  const last = before[before.length - 1];
  if (last && last.status === "atOrBelow") return [];
  const shown = last ?? known[0];
  return [
    hit(
      "SUPPORT_BELOW_THRESHOLD_BY_TARGET",
      last
        ? `The workforce figures stop at ${formatYear(last.year)}, with business support at ${share(last)}; nothing shows it below ${limit} by ${t}.`
        : `The workforce figures start after ${t} (${formatYear(shown.year)}: ${share(shown)}), so they do not show business support below ${limit} by ${t}.`,
      shown.supportFte.sources[0] ?? shown.totalFte.sources[0],
      `Add the planned workforce for ${t}, with business support below ${limit}.`
    ),
  ];
}

function fteMatches(ctx: CheckContext): RuleHit[] | string {
  const { data, analysis } = ctx.result;
  const stated = statedSupportTotals(data.workforce.lines);
  if (stated.length === 0) return "The workbook states no business-support total to compare.";
  const byYear = new Map<FinancialYear, BusinessSupportYear>(
    analysis.businessSupport.byYear.map((y) => [y.year, y])
  );
  const out: RuleHit[] = [];
  for (const { line, it } of stated) {
    for (const year of [...line.fte.keys()].sort((a, b) => a - b)) {
      const shown = lineWorkforceFte(line, year);
      const computed = byYear.get(year);
      if (!shown || !computed) continue;
      const without = cleanFte(computed.supportFte.value);
      const withIt = cleanFte(computed.supportFte.value + computed.excludedFte.value);
      // A label that does not say whether IT is in it (the ADR breakdown's own "Total" holds
      // IT/Communications) agrees with either; rounding as in core/tolerance.ts.
      const readings = it === "with" ? [withIt] : it === "without" ? [without] : [without, withIt];
      const count = Math.max(
        1,
        computed.supportFte.sources.length +
          (it === "without" ? 0 : computed.excludedFte.sources.length)
      );
      const unit = fteUnit([shown.value, without, withIt]);
      const agrees = (expected: number) =>
        withinRounding(shown.value, expected, count, unit) ||
        Math.abs(shown.value - expected) <= FTE_NOISE;
      if (readings.some(agrees)) continue;
      const expected = readings[readings.length - 1];
      const cell: CellRef | undefined = shown.sources[0] ?? line.labelCell;
      const sums =
        it === "with"
          ? `${fteText(expected)} FTE (with IT)`
          : it === "without"
            ? `${fteText(expected)} FTE (IT excluded)`
            : `${fteText(without)} FTE without IT and ${fteText(withIt)} FTE with it`;
      out.push(
        hit(
          "SUPPORT_FTE_MATCHES_WORKFORCE",
          `"${line.label}" shows ${fteText(shown.value)} FTE for ${formatYear(year)}, but the functions counted as business support add up to ${sums}; rounding explains at most ${toleranceWords(unit, count, "FTE")}.`,
          cell,
          "Correct the total, or check which functions count as business support in the settings."
        )
      );
    }
  }
  return out;
}

export function checkBusinessSupport(ctx: CheckContext): RuleGroupResult {
  const findings: RuleHit[] = [];
  const notApplicable: {
    rule: "SUPPORT_BELOW_THRESHOLD_BY_TARGET" | "SUPPORT_FTE_MATCHES_WORKFORCE";
    note: string;
  }[] = [];
  const below = belowByTarget(ctx);
  if (typeof below === "string")
    notApplicable.push({ rule: "SUPPORT_BELOW_THRESHOLD_BY_TARGET", note: below });
  else findings.push(...below);
  const fte = fteMatches(ctx);
  if (typeof fte === "string")
    notApplicable.push({ rule: "SUPPORT_FTE_MATCHES_WORKFORCE", note: fte });
  else findings.push(...fte);
  return { findings, notApplicable };
}
