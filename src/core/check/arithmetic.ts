/**
 * Arithmetic an inspector re-does by hand (5.53, 5.58): every total and subtotal row equals the
 * lines it totals, within their rounding; and an actual saving that differs from its plan by more than
 * the variance threshold carries a note saying why.
 *
 * Which lines a total row adds up is not written down in a sheet, so a total passes when it
 * equals any of the ways sheets are commonly laid out (the arithmetic of each is exact, so a
 * wrong total does not pass by chance):
 * - the lines between the previous total row and this one (a subtotal);
 * - every line above it (a grand total);
 * - the subtotals above it plus the lines since the last one (a total of subtotals);
 * - the previous total plus or minus the lines since it (net = gross - income);
 * each also with income lines taken away rather than added.
 *
 * Published figures are rounded before they are added, so a total agrees with its lines when it
 * is within their rounding (core/tolerance.ts: half a unit for each line and for the total, the
 * unit being the precision the figures are written to, whole FTE or £1,000 on a sheet in £000).
 * "of which" lines are part of the line above them and are never added again.
 */
import { CellRef, parseA1 } from "../grid";
import { BudgetLine, WorkforceLine } from "../forceData";
import { FinancialYear } from "../years";
import { formatFte, formatYear } from "../format";
import { CheckContext, hit, rowSpanText } from "./context";
import { FTE_NOISE, fteUnit, sheetPenceUnit, withinRounding } from "../tolerance";
import { MoneyUnit } from "../money";
import { statedSupportTotals } from "./businessSupport";
import { RuleGroupResult, RuleHit } from "./types";
import { noteFallsShort } from "./varianceNote";
import { formatPercent, formatPolicyPercent, formatPounds } from "../format";

/** One row of a sheet for one year and one measure. */
interface Row {
  readonly isTotal: boolean;
  /** Income (and other credits) may be taken away by the totals below them. */
  readonly income: boolean;
  readonly value?: number;
  readonly cell?: CellRef;
  readonly labelCell: CellRef;
}

const INCOME = /\b(?:income|grants?|receipts?|recharges?|contributions? from|fees and charges)\b/i;

function rowOf(ref: CellRef): number {
  return parseA1(ref.address)?.row ?? 0;
}

/** A way the total may be made up: its sum, and how many rounded figures went into it. */
interface Candidate {
  readonly sum: number;
  readonly count: number;
}

/** The candidate sums for the total at index i, and the lines of its own section. */
function candidates(
  rows: readonly Row[],
  i: number
): { sums: Candidate[]; section: Row[]; above: Row[] } {
  let lastTotal = -1;
  for (let j = i - 1; j >= 0; j--)
    if (rows[j].isTotal && rows[j].value !== undefined) {
      lastTotal = j;
      break;
    }
  const has = (r: Row) => r.value !== undefined;
  const lines = (from: number) => rows.slice(from, i).filter((r) => !r.isTotal && has(r));
  const section = lines(lastTotal + 1);
  const above = lines(0);
  const totals = rows.slice(0, i).filter((r) => r.isTotal && has(r));
  const sum = (rs: readonly Row[], negateIncome = false) =>
    rs.reduce((s, r) => s + (negateIncome && r.income ? -1 : 1) * (r.value ?? 0), 0);
  const c = (v: number, count: number): Candidate => ({ sum: v, count });
  const sums = [
    c(sum(section), section.length),
    c(sum(section, true), section.length),
    c(sum(above), above.length),
    c(sum(above, true), above.length),
    c(sum(totals) + sum(section), totals.length + section.length),
    c(sum(totals) + sum(section, true), totals.length + section.length),
  ];
  if (lastTotal >= 0) {
    const q = rows[lastTotal].value ?? 0;
    sums.push(c(q + sum(section), section.length + 1), c(q - sum(section), section.length + 1));
  }
  return { sums, section, above };
}

interface Measure {
  /** "£" for money in pence, "FTE" for workforce. */
  readonly kind: "money" | "fte";
  readonly what: string;
  /** The unit a money sheet states (its figures are rounded to it). */
  readonly unit?: MoneyUnit;
}

function totalsOfSheet(
  label: (i: number) => string,
  rows: readonly Row[],
  year: FinancialYear,
  measure: Measure,
  skip: ReadonlySet<number>
): RuleHit[] {
  const out: RuleHit[] = [];
  const figures = rows.flatMap((r) => (r.value === undefined ? [] : [r.value]));
  const unit = measure.kind === "money" ? sheetPenceUnit(figures, measure.unit) : fteUnit(figures);
  const close = (stated: number, c: Candidate) =>
    withinRounding(stated, c.sum, c.count, unit) ||
    (measure.kind === "fte" && Math.abs(stated - c.sum) <= FTE_NOISE);
  const show = (n: number) =>
    measure.kind === "money" ? formatPounds(n) : `${formatFte(n, 2, 0)} FTE`;
  rows.forEach((r, i) => {
    if (!r.isTotal || r.value === undefined || skip.has(i)) return;
    const { sums, section, above } = candidates(rows, i);
    const basis = section.length > 0 ? section : above;
    if (basis.length === 0) return;
    if (sums.some((s) => close(r.value ?? 0, s))) return;
    const expected = sums[section.length > 0 ? 0 : 2].sum;
    const diff = (r.value ?? 0) - expected;
    out.push(
      hit(
        "TOTALS_ADD_UP",
        `"${label(i)}"${measure.what} for ${formatYear(year)} shows ${show(r.value)}, but ${section.length > 0 ? "the lines it totals" : "the lines above it"} (${rowSpanText(basis.map((b) => b.labelCell))}) add up to ${show(expected)}: ${show(Math.abs(diff))} ${diff > 0 ? "more" : "less"}.`,
        r.cell ?? r.labelCell,
        "Correct the total or the lines, so that the total is the sum of its lines."
      )
    );
  });
  return out;
}

function bySheet<T extends { readonly labelCell: CellRef }>(lines: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const l of lines) {
    const g = groups.get(l.labelCell.sheet);
    if (g) g.push(l);
    else groups.set(l.labelCell.sheet, [l]);
  }
  return [...groups.values()].map((g) =>
    [...g].sort((a, b) => rowOf(a.labelCell) - rowOf(b.labelCell))
  );
}

function budgetTotals(lines: readonly BudgetLine[], unit: MoneyUnit | undefined): RuleHit[] {
  const out: RuleHit[] = [];
  for (const sheet of bySheet(lines)) {
    if (!sheet.some((l) => l.isTotal)) continue;
    const years = [...new Set(sheet.flatMap((l) => [...l.amounts.keys()]))].sort((a, b) => a - b);
    for (const year of years) {
      const rows: Row[] = sheet.map((l) => {
        const a = l.partOfLineAbove ? undefined : l.amounts.get(year);
        return {
          isTotal: l.isTotal,
          income: l.key === "income" || INCOME.test(l.label),
          labelCell: l.labelCell,
          ...(a ? { value: a.value, cell: a.sources[0] } : {}),
        };
      });
      out.push(
        ...totalsOfSheet(
          (i) => sheet[i].label,
          rows,
          year,
          { kind: "money", what: "", ...(unit ? { unit } : {}) },
          new Set()
        )
      );
    }
  }
  return out;
}

const WORKER_FIELDS = ["officers", "staff", "pcsos", "specials", "total"] as const;
const FIELD_WORDS: Readonly<Record<(typeof WORKER_FIELDS)[number], string>> = {
  officers: " (officers)",
  staff: " (police staff)",
  pcsos: " (PCSOs)",
  specials: " (special constables)",
  total: "",
};

function workforceTotals(lines: readonly WorkforceLine[]): RuleHit[] {
  const out: RuleHit[] = [];
  const checkedElsewhere = new Set(statedSupportTotals(lines).map((s) => s.line));
  for (const sheet of bySheet(lines)) {
    if (!sheet.some((l) => l.isTotal)) continue;
    const skip = new Set<number>();
    sheet.forEach((l, i) => {
      if (checkedElsewhere.has(l)) skip.add(i);
    });
    const years = [...new Set(sheet.flatMap((l) => [...l.fte.keys()]))].sort((a, b) => a - b);
    for (const year of years)
      for (const field of WORKER_FIELDS) {
        const rows: Row[] = sheet.map((l) => {
          const f = l.fte.get(year)?.[field];
          return {
            isTotal: l.isTotal,
            income: false,
            labelCell: l.labelCell,
            ...(f ? { value: f.value, cell: f.sources[0] } : {}),
          };
        });
        if (!rows.some((r) => r.isTotal && r.value !== undefined)) continue;
        out.push(
          ...totalsOfSheet(
            (i) => sheet[i].label,
            rows,
            year,
            { kind: "fte", what: FIELD_WORDS[field] },
            skip
          )
        );
      }
  }
  return out;
}

function variances(ctx: CheckContext): RuleHit[] {
  const threshold = ctx.varianceThreshold;
  const out: RuleHit[] = [];
  for (const l of ctx.result.data.savingsPlan.lines) {
    if (!l.planned || !l.actual) continue;
    const planned = l.planned.value;
    const diff = l.actual.value - planned;
    if (diff === 0) continue;
    const ratio = planned !== 0 ? Math.abs(diff) / Math.abs(planned) : Infinity;
    if (ratio <= threshold) continue;
    const short = noteFallsShort(l.notes);
    if (short === undefined) continue;
    const year = formatYear(l.year);
    const how =
      planned === 0
        ? `against a plan of nothing`
        : `${formatPercent(ratio, 1, 0)} ${diff < 0 ? "below" : "above"} the planned ${formatPounds(planned)}`;
    out.push(
      hit(
        "VARIANCE_EXPLAINED",
        `"${l.initiative}" saved ${formatPounds(l.actual.value)} in ${year}, ${how}, and ${short} (the threshold is ${formatPolicyPercent(threshold)}).`,
        l.actual.sources[0] ?? l.labelCell,
        "Say in the line's note why the actual saving differs from the plan: the cause, or the figure behind it (not only where to look)."
      )
    );
  }
  return out;
}

export function checkArithmetic(ctx: CheckContext): RuleGroupResult {
  const { data } = ctx.result;
  const findings = [
    ...budgetTotals(data.budget.lines, data.budget.unit),
    ...workforceTotals(data.workforce.lines),
    ...variances(ctx),
  ];
  const notApplicable: RuleGroupResult["notApplicable"][number][] = [];
  const anyTotals =
    data.budget.lines.some((l) => l.isTotal) || data.workforce.lines.some((l) => l.isTotal);
  if (!anyTotals)
    notApplicable.push({
      rule: "TOTALS_ADD_UP",
      note: "The budget and workforce sheets have no total rows.",
    });
  if (!data.savingsPlan.lines.some((l) => l.planned && l.actual))
    notApplicable.push({
      rule: "VARIANCE_EXPLAINED",
      note: "No savings line has both a planned and an actual figure.",
    });
  return { findings, notApplicable };
}
