/**
 * Completeness (5.53): the statement covers all nine areas, shows planned and actual figures for
 * the years that have ended, and has the overtime baseline (5.9-5.10) and the target year
 * (5.9-5.10, 5.46-5.51) it is measured between.
 */
import { CellRef } from "../grid";
import { SAVINGS_AREAS, SavingsLine } from "../forceData";
import { savingsAreaLabel } from "../analysis/savings";
import { FinancialYear } from "../years";
import { formatDate, formatYear } from "../format";
import { financialYearEnd } from "../dates";
import { CheckContext, cellInColumnOf, hit } from "./context";
import { RuleCode } from "./rules";
import { RuleGroupResult, RuleHit } from "./types";

/**
 * Words that state plainly that an area has no savings planned: "No planned savings",
 * "No savings are planned", "None planned", "Nothing planned", "Not applicable".
 */
const NO_PLANNED_SAVINGS =
  /\bno\s+(?:planned\s+)?savings?\b|\bno\s+savings?\s+(?:are\s+|is\s+)?(?:planned|expected|identified)\b|\b(?:none|nothing)\s+(?:is\s+|are\s+)?planned\b|\bnot\s+applicable\b/i;

/** True when a savings line says in its initiative or notes that nothing is planned for its area. */
export function saysNoPlannedSavings(line: SavingsLine): boolean {
  return NO_PLANNED_SAVINGS.test(line.initiative) || NO_PLANNED_SAVINGS.test(line.notes ?? "");
}

/**
 * Which financial years have ended. With a date for today: a year has ended on its last day, 31
 * March (a treasurer checking "as at 31 March 2011" closes 2010/11). Without one (the core never reads the clock):
 * the workbook's own column headers. A year is ended when a budget column for it is headed
 * actual, and so is every year before it; a year headed budget, target or forecast has not
 * ended. An actual figure typed into a savings line never ends a year by itself: one stray
 * actual for 2013/14 must not make 2010/11 to 2013/14 count as ended. Undefined when neither
 * a date nor the headers tell.
 */
export function pastYears(
  ctx: CheckContext
): { readonly isPast: (y: FinancialYear) => boolean; readonly basis: string } | undefined {
  const today = ctx.today ? /^(\d{4})-(\d{2})-(\d{2})/.exec(ctx.today.trim()) : null;
  if (today) {
    const iso = `${today[1]}-${today[2]}-${today[3]}`;
    return {
      isPast: (y) => iso >= financialYearEnd(y),
      basis: `the check's date, ${formatDate(iso)}`,
    };
  }
  const { data } = ctx.result;
  const notActual = new Set<FinancialYear>();
  let latest: FinancialYear | undefined;
  for (const l of data.budget.lines)
    for (const [y, b] of l.basis ?? new Map()) {
      if (b !== "actual") notActual.add(y);
      else if (latest === undefined || y > latest) latest = y;
    }
  if (latest === undefined) return undefined;
  const last = latest;
  return {
    isPast: (y) => y <= last && !notActual.has(y),
    basis: `the workbook's own column headers, which mark the years to ${formatYear(last)} as actual`,
  };
}

function areasAddressed(ctx: CheckContext): RuleHit[] {
  const { data } = ctx.result;
  const sheet = data.sheetsUsed.find((s) => s.as === "savingsPlan")?.sheet;
  const out: RuleHit[] = [];
  for (const area of SAVINGS_AREAS) {
    const lines = data.savingsPlan.lines.filter((l) => l.area === area);
    if (lines.some((l) => l.planned !== undefined || saysNoPlannedSavings(l))) continue;
    const words = savingsAreaLabel(area);
    const where: CellRef | { sheet: string } | undefined =
      lines[0]?.labelCell ?? (sheet ? { sheet } : undefined);
    out.push(
      hit(
        "AREAS_ADDRESSED",
        lines.length > 0
          ? `The savings plan has lines for ${words} but no planned figure for any of them, and no line saying that no savings are planned.`
          : `The savings plan says nothing about ${words}, one of the nine areas the statement must cover.`,
        where,
        `Add the planned savings for ${words}, or a line for the area saying "No planned savings".`
      )
    );
  }
  return out;
}

/**
 * The cell a line's missing planned or actual figure for `year` belongs in: on the row of the
 * figure it does have (`at`), in the column that kind of figure for that year sits in. A plan
 * with a Year column keeps every year's figures of a kind in one column, so any line shows where;
 * a plan laid out a column per year (Planned 2009/10, Actual 2009/10, Planned 2010/11, ...) keeps
 * each year apart, so only the same year's figures show where, and another year's column is never
 * cited. Undefined when the sheet has no column for it.
 */
function missingCell(
  at: CellRef,
  year: FinancialYear,
  lines: readonly SavingsLine[],
  kind: "planned" | "actual"
): CellRef | undefined {
  const cellOf = (l: SavingsLine) => l[kind]?.sources[0];
  const sameYear = cellInColumnOf(at, lines.filter((l) => l.year === year).map(cellOf));
  if (sameYear) return sameYear;
  // One column for every year: the figure the line has shares its column with other years'.
  const column = (ref: CellRef | undefined) =>
    ref && ref.sheet === at.sheet ? /^[A-Z]+/.exec(ref.address)?.[0] : undefined;
  const own = column(at);
  const other = kind === "actual" ? "planned" : "actual";
  const yearsInColumn = new Set(
    lines.filter((l) => column(l[other]?.sources[0]) === own).map((l) => l.year)
  );
  return yearsInColumn.size > 1 ? cellInColumnOf(at, lines.map(cellOf)) : undefined;
}

function plannedAndActual(ctx: CheckContext): RuleGroupResult {
  const rule: RuleCode = "PAST_YEARS_PLANNED_AND_ACTUAL";
  const past = pastYears(ctx);
  if (!past)
    return {
      findings: [],
      notApplicable: [
        {
          rule,
          note: "No date was given for the check and no budget column is headed as actual, so no year counts as ended. Give the check a date, or head the budget's columns Actual, Budget or Plan.",
        },
      ],
    };
  const lines = ctx.result.data.savingsPlan.lines;
  const out: RuleHit[] = [];
  let considered = 0;
  for (const l of lines) {
    if (!past.isPast(l.year) || (!l.planned && !l.actual)) continue;
    considered++;
    const year = formatYear(l.year);
    if (l.planned && !l.actual) {
      const at = l.planned.sources[0] ?? l.labelCell;
      const cell = missingCell(at, l.year, lines, "actual");
      out.push(
        hit(
          rule,
          cell
            ? `"${l.initiative}" has a planned saving for ${year} but no actual figure, although ${year} has ended.`
            : `"${l.initiative}" has a planned saving for ${year} but no actual figure, although ${year} has ended; the sheet has no actual column for ${year}.`,
          cell ?? at,
          cell
            ? "Enter the saving actually made (0 if there was none)."
            : `Add an actual column for ${year} beside its planned column, and enter the saving actually made (0 if there was none).`
        )
      );
    } else if (l.actual && !l.planned) {
      const at = l.actual.sources[0] ?? l.labelCell;
      const cell = missingCell(at, l.year, lines, "planned");
      out.push(
        hit(
          rule,
          `"${l.initiative}" has an actual saving for ${year} but no planned figure to compare it with.`,
          cell ?? at,
          "Enter what was planned for the year (0 if the saving was not planned)."
        )
      );
    }
  }
  if (considered === 0)
    return {
      findings: [],
      notApplicable: [
        { rule, note: `No savings line is for a year that has ended (${past.basis}).` },
      ],
    };
  return { findings: out, notApplicable: [] };
}

function baselinePresent(ctx: CheckContext): RuleHit[] {
  const { analysis, data } = ctx.result;
  if (analysis.overtime.baselineOvertime) return [];
  const baseline = formatYear(analysis.baselineYear);
  const otLine = data.budget.lines.find((l) => l.key === "officerOvertime" && !l.isTotal);
  const budgetSheet = data.sheetsUsed.find((s) => s.as === "budget")?.sheet;
  return [
    hit(
      "OVERTIME_BASELINE_PRESENT",
      otLine
        ? `The overtime line has no figure for the baseline year ${baseline}, so the reduction from the baseline cannot be shown.`
        : `The budget has no overtime and pay figures for the baseline year ${baseline}, so the reduction from the baseline cannot be shown.`,
      otLine?.labelCell ?? (budgetSheet ? { sheet: budgetSheet } : undefined),
      `Add a ${baseline} column (actual figures) for overtime and pay.`
    ),
  ];
}

function targetCovered(ctx: CheckContext): RuleHit[] {
  const { analysis, data } = ctx.result;
  const target = analysis.targetYear;
  const t = formatYear(target);
  const out: RuleHit[] = [];
  const sheetOf = (as: string) => data.sheetsUsed.find((s) => s.as === as)?.sheet;
  const part = (
    what: string,
    years: readonly { year: FinancialYear; cell?: CellRef }[],
    sheet: string | undefined,
    fix: string
  ) => {
    if (years.some((y) => y.year === target)) return;
    const sorted = [...years].sort((a, b) => a.year - b.year);
    const last = sorted[sorted.length - 1];
    const where = last?.cell ?? (sheet ? { sheet } : undefined);
    out.push(
      hit(
        "TARGET_YEAR_COVERED",
        last
          ? last.year < target
            ? `The ${what} stop at ${formatYear(last.year)}; the target year ${t} is not covered.`
            : `The ${what} have no figures for the target year ${t}.`
          : `The workbook has no ${what}, so the target year ${t} is not covered.`,
        where,
        fix
      )
    );
  };
  part(
    "overtime and pay figures",
    analysis.overtime.byYear.map((y) => ({ year: y.year, cell: y.overtime.sources[0] })),
    sheetOf("budget"),
    `Add ${t} (budget or plan) to the budget sheet.`
  );
  part(
    "workforce figures",
    analysis.businessSupport.byYear.map((y) => ({
      year: y.year,
      cell: y.supportFte.sources[0] ?? y.totalFte.sources[0],
    })),
    sheetOf("workforce"),
    `Add the planned workforce for ${t}.`
  );
  part(
    "savings plan's lines",
    data.savingsPlan.lines.map((l) => ({ year: l.year, cell: l.labelCell })),
    sheetOf("savingsPlan"),
    `Add the savings planned for ${t}.`
  );
  return out;
}

export function checkCompleteness(ctx: CheckContext): RuleGroupResult {
  const pa = plannedAndActual(ctx);
  return {
    findings: [
      ...areasAddressed(ctx),
      ...pa.findings,
      ...baselinePresent(ctx),
      ...targetCovered(ctx),
    ],
    notApplicable: pa.notApplicable,
  };
}
