/**
 * The force's own targets against its actuals (5.10: forces set targets in their statement;
 * 5.53: planned and then actual). Where the force chose a modelled scenario as its targets
 * ("Use as our targets"), each year that has ended is tested: overtime at or below the target,
 * business support at or below the target FTE, and every contract the targets move by a date
 * now passed off its legacy contract. Without targets the rules do not apply.
 */
import { financialYearOf } from "../dates";
import { formatDate, formatPounds, formatYear } from "../format";
import { procurementCategoryLabel } from "../names";
import { formatRef, parseRef } from "../grid";
import { pastYears } from "./completeness";
import { CheckContext, hit } from "./context";
import { RuleCode } from "./rules";
import { CheckArea, RuleGroupResult, RuleHit } from "./types";

const NO_TARGETS =
  "The force has not set targets from a modelled scenario (Model step, Use as our targets).";

function overtimeMet(ctx: CheckContext): RuleGroupResult {
  const rule: RuleCode = "TARGETS_OVERTIME_MET";
  const t = ctx.result.targets?.overtime;
  if (!ctx.result.targets) return { findings: [], notApplicable: [{ rule, note: NO_TARGETS }] };
  if (!t)
    return {
      findings: [],
      notApplicable: [{ rule, note: "The targets set no overtime figures." }],
    };
  const past = pastYears(ctx);
  const out: RuleHit[] = [];
  let tested = 0;
  for (const target of t.byYear) {
    if (target.overtimeFrom !== "modelled") continue;
    const own = ctx.result.analysis.overtime.byYear.find((y) => y.year === target.year);
    if (!own || !(own.basis === "actual" || past?.isPast(target.year))) continue;
    tested++;
    if (own.overtime.value > target.overtime.value)
      out.push(
        hit(
          rule,
          `Overtime in ${formatYear(target.year)} is ${formatPounds(own.overtime.value)}, above the force's target of ${formatPounds(target.overtime.value)} (scenario "${ctx.result.targets.name}").`,
          own.overtime.sources[0],
          "Explain the difference in the statement, or revise the targets."
        )
      );
  }
  return tested === 0
    ? {
        findings: [],
        notApplicable: [
          { rule, note: "No year the targets set has ended with an actual overtime figure yet." },
        ],
      }
    : { findings: out, notApplicable: [] };
}

function supportMet(ctx: CheckContext): RuleGroupResult {
  const rule: RuleCode = "TARGETS_SUPPORT_MET";
  const t = ctx.result.targets?.businessSupport;
  if (!ctx.result.targets) return { findings: [], notApplicable: [{ rule, note: NO_TARGETS }] };
  if (!t)
    return {
      findings: [],
      notApplicable: [{ rule, note: "The targets set no business-support figures." }],
    };
  const past = pastYears(ctx);
  const out: RuleHit[] = [];
  let tested = 0;
  for (const target of t.byYear) {
    if (target.from !== "modelled" || !past?.isPast(target.year)) continue;
    const own = ctx.result.analysis.businessSupport.byYear.find((y) => y.year === target.year);
    if (!own) continue;
    tested++;
    // FTE are compared to the hundredth, as the targets are set.
    if (Math.round(own.supportFte.value * 100) > Math.round(target.supportFte.value * 100))
      out.push(
        hit(
          rule,
          `Business support in ${formatYear(target.year)} is ${own.supportFte.value} FTE, above the force's target of ${target.supportFte.value} FTE (scenario "${ctx.result.targets.name}").`,
          own.supportFte.sources[0],
          "Explain the difference in the statement, or revise the targets."
        )
      );
  }
  return tested === 0
    ? {
        findings: [],
        notApplicable: [
          { rule, note: "No year the targets set has ended with workforce figures yet." },
        ],
      }
    : { findings: out, notApplicable: [] };
}

function migrationMet(ctx: CheckContext): RuleGroupResult {
  const rule: RuleCode = "TARGETS_MIGRATION_MET";
  const t = ctx.result.targets?.procurement;
  if (!ctx.result.targets) return { findings: [], notApplicable: [{ rule, note: NO_TARGETS }] };
  if (!t)
    return { findings: [], notApplicable: [{ rule, note: "The targets set no contract moves." }] };
  const past = pastYears(ctx);
  const open = new Set(ctx.result.analysis.procurement.opportunities.map((o) => formatRef(o.cell)));
  const out: RuleHit[] = [];
  let tested = 0;
  for (const m of t.moves) {
    if (!m.moveDate) continue;
    const year = financialYearOf(new Date(`${m.moveDate}T00:00:00Z`));
    if (!past?.isPast(year)) continue;
    tested++;
    if (open.has(m.cell))
      out.push(
        hit(
          rule,
          `The force's targets move ${procurementCategoryLabel(m.category)}${m.supplier ? ` (${m.supplier})` : ""} to the national approach by ${formatDate(m.moveDate)}, in ${formatYear(year)}, which has ended, but the contract is still not on it.`,
          parseRef(m.cell),
          "Move the contract, or explain the delay in the statement."
        )
      );
  }
  return tested === 0
    ? {
        findings: [],
        notApplicable: [{ rule, note: "No move the targets set falls in a year that has ended." }],
      }
    : { findings: out, notApplicable: [] };
}

const BY_AREA: Readonly<Partial<Record<CheckArea, (ctx: CheckContext) => RuleGroupResult>>> = {
  overtime: overtimeMet,
  businessSupport: supportMet,
  procurement: migrationMet,
};

/** The targets rules of one area. */
export function checkTargets(area: CheckArea): (ctx: CheckContext) => RuleGroupResult {
  return (ctx) => BY_AREA[area]?.(ctx) ?? { findings: [], notApplicable: [] };
}
