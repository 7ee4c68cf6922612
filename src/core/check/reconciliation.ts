/**
 * The savings plan against the budget and the workforce (5.53, 5.58; 5.9-5.10 and 5.46-5.51):
 * an overtime saving has to show as overtime falling in the budget, and a support-services
 * saving as business-support FTE falling in the workforce (priced at the average cost of a
 * support FTE the Settings sheet gives).
 *
 * A plan may state each year's saving against the year before or against the 2008/09 baseline,
 * and plans are written both ways, so a year reconciles when its saving is within the tolerance
 * of either fall:
 *   year on year:   budget(y - 1) - budget(y)
 *   from baseline:  budget(baseline) - budget(y)
 * "Within the tolerance" is |saving - fall| <= tolerance x the larger of the two. Years the
 * budget heads actual are reconciled on the actual saving (where given); other years on the plan.
 * In a year that has ended the plan is held to a looser test as well: |planned - fall| <=
 * tolerance x the whole line the year before (a £2.8m overtime plan in a year whose £5.6m
 * overtime fell by £120,000 is caught; a £280,000 plan that fell short to £120,000 is left to
 * the variance rule).
 * Only cashable lines count: non-cashable gains release capacity, not budget.
 */
import { FinancialYear } from "../years";
import { CellRef, formatRef } from "../grid";
import { SavingsArea, SavingsLine } from "../forceData";
import { formatFte, formatPolicyPercent, formatPounds, formatYear } from "../format";
import { Pence } from "../money";
import { Figure } from "../analysis/types";
import { CheckContext, hit } from "./context";
import { RuleGroupResult, RuleHit } from "./types";
import { DEFAULT_RECONCILIATION_TOLERANCE } from "./rules";
import { saysNoPlannedSavings } from "./completeness";

const RULE = "PLAN_RECONCILES_TO_BUDGET" as const;

interface YearFigure {
  readonly value: number;
  readonly cell?: CellRef;
}

interface Measure {
  /** "overtime" or "business-support FTE". */
  readonly what: string;
  readonly area: SavingsArea;
  readonly byYear: ReadonlyMap<FinancialYear, YearFigure>;
  /** Turns a fall in the measure into pounds (pence): overtime is money already; FTE x cost. */
  readonly price: (fall: number) => number;
  /** The fall in words: "£330,000" or "10.5 FTE (£341,250 at £32,500 a post)". */
  readonly showFall: (fall: number) => string;
  readonly where: string;
}

interface Saving {
  readonly value: Pence;
  readonly cell?: CellRef;
  readonly kind: "planned" | "actual";
  /** In a year reconciled on its actual saving: the plan's own figure for the year, where given. */
  readonly planned?: { readonly value: Pence; readonly cell?: CellRef };
}

/** The area's cashable saving for each year: actual where the year has ended and one is given. */
function savingsByYear(
  lines: readonly SavingsLine[],
  area: SavingsArea,
  isActualYear: (y: FinancialYear) => boolean
): Map<FinancialYear, Saving> {
  const out = new Map<FinancialYear, Saving>();
  const years = [...new Set(lines.filter((l) => l.area === area).map((l) => l.year))].sort();
  for (const y of years) {
    // A line saying plainly that no savings are planned claims none.
    const own = lines.filter(
      (l) => l.area === area && l.year === y && l.type === "cashable" && !saysNoPlannedSavings(l)
    );
    if (own.length === 0) continue;
    const useActual = isActualYear(y) && own.some((l) => l.actual);
    const figures = own.map((l) => (useActual ? l.actual : l.planned)).filter((f) => f);
    if (figures.length === 0) continue;
    const plans = useActual ? own.map((l) => l.planned).filter((f) => f) : [];
    out.set(y, {
      value: figures.reduce((s, f) => s + (f?.value ?? 0), 0),
      cell: figures[0]?.sources[0],
      kind: useActual ? "actual" : "planned",
      ...(plans.length > 0
        ? {
            planned: {
              value: plans.reduce((s, f) => s + (f?.value ?? 0), 0),
              cell: plans[0]?.sources[0],
            },
          }
        : {}),
    });
  }
  return out;
}

function within(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

function reconcile(
  m: Measure,
  savings: ReadonlyMap<FinancialYear, Saving>,
  baseline: FinancialYear,
  tolerance: number
): { hits: RuleHit[]; compared: number } {
  const hits: RuleHit[] = [];
  let compared = 0;
  for (const [year, saving] of savings) {
    const own = m.byYear.get(year);
    const before = m.byYear.get(year - 1);
    const base = m.byYear.get(baseline);
    if (!own || year <= baseline) continue;
    const yoy = before ? before.value - own.value : undefined;
    const fromBase = base ? base.value - own.value : undefined;
    if (yoy === undefined && fromBase === undefined) continue;
    compared++;
    const falls: string[] = [];
    const cells = (from?: YearFigure) =>
      from?.cell && own.cell ? ` (${formatRef(from.cell)} to ${formatRef(own.cell)})` : "";
    if (yoy !== undefined)
      falls.push(
        `${verb(yoy)} ${m.showFall(Math.abs(yoy))} from ${formatYear(year - 1)}${cells(before)}`
      );
    if (fromBase !== undefined && year - 1 !== baseline)
      falls.push(
        `${verb(fromBase)} ${m.showFall(Math.abs(fromBase))} from the ${formatYear(baseline)} baseline${cells(base)}`
      );
    const y = formatYear(year);
    const plan = saving.planned;
    // A year that has ended is reconciled on its actual saving; its plan is held to a looser
    // test, since plans change and the variance rule asks why: the plan may miss the budget's
    // fall by up to the tolerance of the whole line the year before (its overtime, or its
    // support FTE priced), no more. A plan further out never matched the budget at all.
    const whole = before ? m.price(before.value) : base ? m.price(base.value) : undefined;
    if (plan && whole !== undefined && plan.value !== saving.value) {
      const near = [yoy, fromBase].some(
        (f) => f !== undefined && Math.abs(plan.value - m.price(f)) <= tolerance * Math.abs(whole)
      );
      if (!near)
        hits.push(
          hit(
            RULE,
            `The savings plan's planned ${m.what} saving for ${y}, a year that has ended, is ${formatPounds(plan.value)}${plan.cell ? ` (${formatRef(plan.cell)})` : ""}, but ${m.where} ${falls.join(", or ")}: the plan is further from the budget than ${formatPolicyPercent(tolerance)} of the whole ${m.what} ${before ? `of ${formatYear(year - 1)}` : `of the ${formatYear(baseline)} baseline`} (${formatPounds(whole as Pence)}), more than a shortfall explains.`,
            plan.cell,
            `Make the planned ${m.what} saving for ${y} the one the budget was set to deliver, or say in the line's note what the plan rested on.`
          )
        );
    }
    const fits = [yoy, fromBase].some(
      (f) => f !== undefined && within(saving.value, m.price(f), tolerance)
    );
    if (fits) continue;
    hits.push(
      hit(
        RULE,
        `The savings plan's ${saving.kind} ${m.what} saving for ${y} is ${formatPounds(saving.value)}${saving.cell ? ` (${formatRef(saving.cell)})` : ""}, but ${m.where} ${falls.join(", or ")}: the two differ by more than ${formatPolicyPercent(tolerance)}.`,
        saving.cell,
        `Make the ${m.what} saving the plan states match ${m.where}, or say in the line's note what the difference is.`
      )
    );
  }
  return { hits, compared };
}

const verb = (fall: number) => (fall >= 0 ? "falls by" : "rises by");

/** A measure's figure for each year of an analysis, with the first cell it came from. */
function yearFigures<Row extends { readonly year: FinancialYear }>(
  rows: readonly Row[],
  figure: (row: Row) => Figure<number>
): Map<FinancialYear, YearFigure> {
  return new Map(
    rows.map((row) => {
      const { value, sources } = figure(row);
      return [row.year, { value, ...(sources[0] ? { cell: sources[0] } : {}) }];
    })
  );
}

export function checkReconciliation(ctx: CheckContext): RuleGroupResult {
  const { analysis, data } = ctx.result;
  const tolerance = ctx.reconciliationTolerance ?? DEFAULT_RECONCILIATION_TOLERANCE;
  const baseline = analysis.policy.years.baseline;
  const lines = data.savingsPlan.lines;
  const actualYears = new Set(
    analysis.overtime.byYear.filter((y) => y.basis === "actual").map((y) => y.year)
  );
  const isActual = (y: FinancialYear) => actualYears.has(y);

  const overtime: Measure = {
    what: "overtime",
    area: "overtime",
    byYear: yearFigures(analysis.overtime.byYear, (y) => y.overtime),
    price: (fall) => fall,
    showFall: (fall) => formatPounds(fall as Pence),
    where: "the budget's overtime",
  };
  const ot = reconcile(overtime, savingsByYear(lines, "overtime", isActual), baseline, tolerance);

  const cost = data.settings.averageSupportCost;
  const supportSavings = savingsByYear(lines, "supportServices", isActual);
  let support = { hits: [] as RuleHit[], compared: 0 };
  if (cost && cost.value > 0) {
    const each = cost.value;
    const measure: Measure = {
      what: "support services",
      area: "supportServices",
      byYear: yearFigures(analysis.businessSupport.byYear, (y) => y.supportFte),
      price: (fte) => Math.round(fte * each),
      showFall: (fte) =>
        `${formatFte(fte, 1)} FTE (${formatPounds(Math.round(fte * each) as Pence)} at ${formatPounds(each as Pence)} an FTE, ${formatRef(cost.sources[0] ?? { sheet: "Settings", address: "B1" })})`,
      where: "business support in the workforce",
    };
    support = reconcile(measure, supportSavings, baseline, tolerance);
  }
  const findings = [...ot.hits, ...support.hits];
  if (ot.compared + support.compared > 0) return { findings, notApplicable: [] };
  return {
    findings,
    notApplicable: [
      {
        rule: RULE,
        note:
          supportSavings.size > 0 && !(cost && cost.value > 0)
            ? "No overtime saving could be set against the budget, and no average cost of a business-support FTE is given (Settings), so the support services saving cannot be set against the workforce."
            : "The savings plan has no cashable overtime or support services saving for a year the budget or the workforce also shows.",
      },
    ],
  };
}
