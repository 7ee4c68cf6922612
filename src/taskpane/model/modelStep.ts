/**
 * The Model step's levers as the user types them, read with the core's own readers (so the pane
 * and `vfm model` accept exactly the same), and the scenario's headline in words. A lever that
 * cannot be read is a message beside its box, and the rest of the scenario still runs.
 */
import {
  Analysis,
  ScenarioLevers,
  ScenarioResult,
  formatFte,
  formatMoney,
  formatPolicyPercent,
  formatYear,
  readCut,
  readRate,
  readRemovals,
  readYear,
} from "../../core";
import type { MoneyUnit } from "../../core";

export type OvertimeMode = "cut" | "reach" | "none";
export type SupportMode = "remove" | "reach" | "none";

export interface LeverDraft {
  readonly name: string;
  readonly overtimeMode: OvertimeMode;
  /** "7.5%" or "£250,000" for a cut; "2012/13" for a year to reach. */
  readonly overtimeCut: string;
  readonly overtimeReach: string;
  readonly supportMode: SupportMode;
  /** "5@2010/11, 7.5@2012/13". */
  readonly supportRemove: string;
  readonly supportReach: string;
  readonly payGrowth: string;
  /** Empty: the latest actual year (or the baseline). */
  readonly from: string;
}

export type LeverField = keyof Omit<LeverDraft, "overtimeMode" | "supportMode">;

/** The first draft: reach the thresholds by the target year, pay growth as the setting says. */
export function initialDraft(analysis: Analysis): LeverDraft {
  const target = formatYear(analysis.policy.years.target);
  return {
    name: "",
    overtimeMode: "reach",
    overtimeCut: "5%",
    overtimeReach: target,
    supportMode: "reach",
    supportRemove: "",
    supportReach: target,
    payGrowth: formatPolicyPercent(analysis.policy.overtime.payGrowth),
    from: "",
  };
}

/** A kept scenario's levers back as a draft, so it can be loaded and changed. */
export function draftOf(analysis: Analysis, name: string, levers: ScenarioLevers): LeverDraft {
  const d = initialDraft(analysis);
  const o = levers.overtime;
  const b = levers.businessSupport;
  return {
    ...d,
    name,
    overtimeMode: !o ? "none" : o.kind === "reach" ? "reach" : "cut",
    overtimeCut:
      o?.kind === "rate"
        ? formatPolicyPercent(o.rate)
        : o?.kind === "amount"
          ? formatMoney(o.amount, "£")
          : d.overtimeCut,
    overtimeReach: o?.kind === "reach" ? formatYear(o.year) : d.overtimeReach,
    supportMode: !b ? "none" : b.kind,
    supportRemove:
      b?.kind === "remove"
        ? b.removals.map((r) => `${r.fte}@${formatYear(r.year)}`).join(", ")
        : d.supportRemove,
    supportReach: b?.kind === "reach" ? formatYear(b.year) : d.supportReach,
    payGrowth: levers.payGrowth !== undefined ? formatPolicyPercent(levers.payGrowth) : d.payGrowth,
    from: levers.from !== undefined ? formatYear(levers.from) : "",
  };
}

/** The levers a draft gives, and a message for each box that cannot be read. */
export function readDraft(d: LeverDraft): {
  readonly levers: ScenarioLevers;
  readonly problems: Partial<Record<LeverField, string>>;
} {
  const problems: Partial<Record<LeverField, string>> = {};
  const levers: { -readonly [K in keyof ScenarioLevers]: ScenarioLevers[K] } = {};
  const bad = (field: LeverField, why: string) =>
    (problems[field] = `This cannot be used: ${why}.`);
  if (d.overtimeMode === "cut") {
    const r = readCut(d.overtimeCut);
    if (r.ok) levers.overtime = r.value;
    else bad("overtimeCut", r.why);
  } else if (d.overtimeMode === "reach") {
    const r = readYear(d.overtimeReach);
    if (r.ok) levers.overtime = { kind: "reach", year: r.value };
    else bad("overtimeReach", r.why);
  }
  if (d.supportMode === "remove") {
    const r = readRemovals(d.supportRemove);
    if (r.ok) levers.businessSupport = { kind: "remove", removals: r.value };
    else bad("supportRemove", r.why);
  } else if (d.supportMode === "reach") {
    const r = readYear(d.supportReach);
    if (r.ok) levers.businessSupport = { kind: "reach", year: r.value };
    else bad("supportReach", r.why);
  }
  if (d.payGrowth.trim()) {
    const r = readRate(d.payGrowth);
    if (r.ok) levers.payGrowth = r.value;
    else bad("payGrowth", r.why);
  }
  if (d.from.trim()) {
    const r = readYear(d.from);
    if (r.ok) levers.from = r.value;
    else bad("from", r.why);
  }
  return { levers, problems };
}

/** The scenario's answer in a few plain sentences, for the live region above the charts. */
export function headline(r: ScenarioResult, analysis: Analysis, unit: MoneyUnit): string[] {
  const out: string[] = [];
  const t = formatPolicyPercent(analysis.policy.overtime.threshold);
  const o = r.overtime;
  if (o) {
    const cut =
      o.yearlyCutAmount !== null
        ? `${formatMoney(o.yearlyCutAmount, unit)} a year`
        : `${formatPolicyPercent(o.yearlyCut ?? 0)} a year`;
    const last = o.byYear[o.byYear.length - 1];
    const saving = o.savingsAgainstBaseline.find((s) => s.year === last?.year);
    out.push(
      `Overtime: ${o.solvedFor !== null ? `the smallest yearly cut reaching ${t} by ${formatYear(o.solvedFor)} is ${cut}` : `a cut of ${cut}`} from ${formatYear(o.from)}; ${
        o.yearThresholdReached !== null
          ? `${t} is reached in ${formatYear(o.yearThresholdReached)}`
          : `${t} is not reached by ${formatYear(last?.year ?? analysis.policy.years.target)}`
      }${saving ? `, saving ${formatMoney(saving.saving.value, unit)} on ${formatYear(analysis.policy.years.baseline)} in ${formatYear(saving.year)}` : ""}.`
    );
  }
  const b = r.businessSupport;
  if (b) {
    const total = b.removeFte.reduce((a, x) => a + Math.round(x.fte * 100), 0) / 100;
    const s = formatPolicyPercent(b.share);
    out.push(
      `Business support: ${formatFte(total, 2)} FTE removed${b.solvedFor !== null ? ` (the fewest to get below ${s} by ${formatYear(b.solvedFor)})` : ""}; ${
        b.yearShareReached !== null
          ? `below ${s} from ${formatYear(b.yearShareReached)}`
          : `not below ${s} in the years modelled`
      }${b.cashableSaving && b.cashableSaving.value > 0 ? `, a cashable saving of ${formatMoney(b.cashableSaving.value, unit)} a year` : ""}.`
    );
  }
  const p = r.procurement;
  if (p && p.moves.length > 0)
    out.push(
      `Procurement: ${p.moves.filter((m) => m.moveDate !== null).length} contracts move, saving ${formatMoney(p.annualSaving.value, unit)} in a full year.`
    );
  if (!o && !b && !p) out.push("Nothing could be modelled: see the points below.");
  return out;
}
