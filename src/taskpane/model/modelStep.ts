/**
 * The Model step's levers as the user types them, read with the core's own readers (so the pane
 * and `vfm model` accept exactly the same), and the scenario's headline in words. A lever that
 * cannot be read is a message beside its box, and the rest of the scenario still runs.
 */
import {
  Analysis,
  ProcurementOpportunity,
  ScenarioLevers,
  ScenarioResult,
  formatDate,
  formatFte,
  formatMoney,
  formatPolicyPercent,
  formatRef,
  formatYear,
  isIsoDate,
  procurementCategoryLabel,
  readCut,
  readRate,
  readRemovals,
  readYear,
} from "../../core";
import type { MoneyUnit } from "../../core";

export type OvertimeMode = "cut" | "reach" | "none";

/** A contract's move as typed: a date from its date box, or staying on its contract. */
export interface MoveDraft {
  /** ISO date, as the date box gives it ("" when the box is cleared). */
  readonly date: string;
  readonly stays: boolean;
}
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
  /** The share to get below by the year: the policy's threshold unless changed ("6.5%"). */
  readonly supportShare: string;
  /** Contracts moved otherwise than by default, by their cell ("'Contracts 2009-10'!B5"). */
  readonly moves: Readonly<Record<string, MoveDraft>>;
  /** Local estimates of a category's saving rate ("5%"), by category; empty: the policy's. */
  readonly rates: Readonly<Record<string, string>>;
  readonly payGrowth: string;
  /** Empty: the latest actual year (or the baseline). */
  readonly from: string;
}

export type LeverField = keyof Omit<LeverDraft, "overtimeMode" | "supportMode" | "moves" | "rates">;

/** Where a problem is shown: a lever's box, a contract's date box, or a category's rate box. */
export type ProblemKey = LeverField | `move:${string}` | `rate:${string}`;

/** One contract still to move, as the Model step lists it. */
export interface ContractRow {
  /** Its cell as the lever names it ("'Contracts 2009-10'!B5"). */
  readonly cell: string;
  /** "Vehicles (Northway Motors Ltd)". */
  readonly label: string;
  readonly category: string;
  /** The date it moves unless changed: the force's planned date, else the date it is due by. */
  readonly defaultDate: string;
  /** "£1,840,000 a year; due by 31 March 2011; planned 30 June 2011." */
  readonly description: string;
}

function contractLabel(o: ProcurementOpportunity): string {
  const category = o.category === "other" ? o.categoryText : procurementCategoryLabel(o.category);
  return o.supplier ? `${category} (${o.supplier})` : category;
}

/** The contracts the procurement lever can move, earliest due first, as the core lists them. */
export function contractRows(analysis: Analysis, unit: MoneyUnit): ContractRow[] {
  return [...analysis.procurement.opportunities]
    .sort((x, y) => x.migrateBy.localeCompare(y.migrateBy) || y.spend.value - x.spend.value)
    .map((o) => ({
      cell: formatRef(o.cell),
      label: contractLabel(o),
      category: o.category,
      defaultDate: o.plannedMigration ?? o.migrateBy,
      description: `${formatMoney(o.spend.value, unit)} a year; due by ${formatDate(o.migrateBy)}; ${
        o.plannedMigration
          ? `the workbook plans ${formatDate(o.plannedMigration)}`
          : "no move planned in the workbook"
      }.`,
    }));
}

/** The categories of the contracts still to move, each with the policy's rate (null: none). */
export function rateRows(
  analysis: Analysis
): { readonly category: string; readonly label: string; readonly policyRate: number | null }[] {
  const seen = new Map<string, number | null>();
  for (const o of analysis.procurement.opportunities)
    if (o.category !== "other" && !seen.has(o.category)) seen.set(o.category, o.rate);
  return [...seen].map(([category, policyRate]) => ({
    category,
    label: procurementCategoryLabel(category as ProcurementOpportunity["category"]),
    policyRate,
  }));
}

/** A contract's draft after its date box or its "stays" box changed; the default is dropped. */
export function withMove(d: LeverDraft, row: ContractRow, change: Partial<MoveDraft>): LeverDraft {
  const was = d.moves[row.cell] ?? { date: row.defaultDate, stays: false };
  const next = { ...was, ...change };
  const { [row.cell]: _gone, ...rest } = d.moves;
  return {
    ...d,
    moves: !next.stays && next.date === row.defaultDate ? rest : { ...rest, [row.cell]: next },
  };
}

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
    supportShare: formatPolicyPercent(analysis.policy.businessSupport.threshold),
    moves: {},
    rates: {},
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
    supportShare:
      b?.kind === "reach" && b.share !== undefined ? formatPolicyPercent(b.share) : d.supportShare,
    moves: Object.fromEntries(
      (levers.procurement?.moves ?? []).map((m) => [
        m.cell,
        m.date === null ? { date: "", stays: true } : { date: m.date, stays: false },
      ])
    ),
    rates: Object.fromEntries(
      Object.entries(levers.procurement?.rates ?? {}).map(([c, r]) => [
        c,
        formatPolicyPercent(r ?? 0),
      ])
    ),
    payGrowth: levers.payGrowth !== undefined ? formatPolicyPercent(levers.payGrowth) : d.payGrowth,
    from: levers.from !== undefined ? formatYear(levers.from) : "",
  };
}

/**
 * The levers a draft gives, and a message for each box that cannot be read. The share to get
 * below is a lever only where it differs from the policy's threshold (`threshold`).
 */
export function readDraft(
  d: LeverDraft,
  threshold?: number
): {
  readonly levers: ScenarioLevers;
  readonly problems: Partial<Record<ProblemKey, string>>;
} {
  const problems: Partial<Record<ProblemKey, string>> = {};
  const levers: { -readonly [K in keyof ScenarioLevers]: ScenarioLevers[K] } = {};
  const bad = (field: ProblemKey, why: string) =>
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
    const share = d.supportShare.trim() ? readRate(d.supportShare) : undefined;
    if (share && !share.ok) bad("supportShare", share.why);
    const own = share?.ok && share.value !== threshold ? share.value : undefined;
    if (r.ok)
      levers.businessSupport =
        own !== undefined
          ? { kind: "reach", year: r.value, share: own }
          : { kind: "reach", year: r.value };
    else bad("supportReach", r.why);
  }
  const moves: { cell: string; date: string | null }[] = [];
  for (const [cell, m] of Object.entries(d.moves)) {
    if (m.stays) moves.push({ cell, date: null });
    else if (isIsoDate(m.date)) moves.push({ cell, date: m.date });
    else bad(`move:${cell}`, "enter the date it moves, or tick that it stays on its contract");
  }
  const rates: Record<string, number> = {};
  for (const [category, text] of Object.entries(d.rates)) {
    if (!text.trim()) continue;
    const r = readRate(text);
    if (r.ok) rates[category] = r.value;
    else bad(`rate:${category}`, r.why);
  }
  if (moves.length > 0 || Object.keys(rates).length > 0)
    levers.procurement = {
      ...(moves.length > 0 ? { moves } : {}),
      ...(Object.keys(rates).length > 0 ? { rates } : {}),
    };
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
