/**
 * The procurement scenario (5.31-5.40): which contracts still off a national framework move, and
 * when (by default the date the force plans, else the date it is due by: the later of the
 * framework's date and the contract's end), with each category's saving rate (the policy's, or
 * a local estimate given for the scenario). A move part way through a financial year saves that
 * year pro rata by day; every later year saves the full year.
 */
import { CellRef, formatRef } from "../grid";
import { Finding, finding } from "../findings";
import { Pence, applyRate } from "../money";
import { FRAMEWORK_CATEGORIES, FrameworkCategory } from "../policy";
import { procurementCategoryLabel } from "../names";
import { listWords, numberInWords, thereAre } from "../plainEnglish";
import { FinancialYear } from "../years";
import { fig, mergeSources, mulDiv } from "../analysis/figures";
import { Analysis, Figure } from "../analysis/types";
import { isIsoDate } from "../dates";
import { daysBetween } from "./exact";
import {
  ProcurementLever,
  ProcurementScenario,
  ProcurementScenarioMove,
  SettingUsed,
} from "./types";
import { formatPolicyPercent, formatYear } from "../format";

/** The part of a full year's saving that falls in financial year `year` for a move on `date`. */
export function savingInYear(annual: Pence, date: string, year: FinancialYear): Pence {
  const start = `${year}-04-01`;
  const end = `${year + 1}-04-01`;
  if (date <= start) return annual;
  if (date >= end) return 0;
  return mulDiv(annual, daysBetween(date, end), daysBetween(start, end));
}

export function modelProcurement(
  analysis: Analysis,
  lever: ProcurementLever | undefined,
  years: readonly FinancialYear[],
  findings: Finding[]
): ProcurementScenario | null {
  const opps = analysis.procurement.opportunities;
  const rates = new Map<FrameworkCategory, number>();
  for (const [cat, rate] of Object.entries(lever?.rates ?? {})) {
    if (!(FRAMEWORK_CATEGORIES as readonly string[]).includes(cat)) {
      findings.push(
        finding(
          "warning",
          "SCENARIO_UNKNOWN_CATEGORY",
          `"${cat}" is not a category with a national approach; its rate was ignored.`
        )
      );
      continue;
    }
    if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0 || rate >= 1) {
      findings.push(
        finding(
          "error",
          "SCENARIO_RATE_OUT_OF_RANGE",
          `A saving rate of ${typeof rate === "number" ? formatPolicyPercent(rate) : String(rate)} for ${procurementCategoryLabel(cat as FrameworkCategory)} cannot be modelled: it must be at least 0% and less than 100%.`,
          undefined,
          "Enter a local estimate such as 5%."
        )
      );
      return null;
    }
    rates.set(cat as FrameworkCategory, rate);
  }
  const moveAt = new Map<string, string | null>();
  for (const m of lever?.moves ?? []) {
    if (m.date !== null && !isIsoDate(m.date)) {
      findings.push(
        finding(
          "error",
          "SCENARIO_MOVE_DATE_INVALID",
          `The move date "${m.date}" for the contract at ${m.cell} is not a date; write it as 2011-04-01.`,
          undefined,
          "Enter the date as year-month-day."
        )
      );
      return null;
    }
    if (!opps.some((o) => formatRef(o.cell) === m.cell))
      findings.push(
        finding(
          "warning",
          "SCENARIO_MOVE_UNKNOWN_CONTRACT",
          `No contract still to move was found at ${m.cell}; that move was ignored.`
        )
      );
    moveAt.set(m.cell, m.date);
  }

  const moves: ProcurementScenarioMove[] = [];
  const noRate = new Set<FrameworkCategory>();
  for (const o of opps) {
    if (o.category === "other") continue;
    const cat = o.category;
    const cell = formatRef(o.cell);
    const date = moveAt.has(cell) ? moveAt.get(cell)! : (o.plannedMigration ?? o.migrateBy);
    const own = rates.get(cat);
    const rate = own ?? o.rate;
    let annualSaving: Figure<Pence> | null = null;
    if (own !== undefined)
      annualSaving = fig(
        applyRate(o.spend.value, own),
        o.spend.sources,
        `spend x ${formatPolicyPercent(own)} (this scenario's estimate)`
      );
    else if (o.annualSaving) annualSaving = o.annualSaving;
    else noRate.add(cat);
    const m: { -readonly [K in keyof ProcurementScenarioMove]: ProcurementScenarioMove[K] } = {
      cell,
      category: cat,
      categoryText: o.categoryText,
      spend: o.spend,
      moveDate: date,
      migrateBy: o.migrateBy,
      late: date === null || date > o.migrateBy,
      rate,
      rateFrom: own !== undefined ? "scenario" : "policy",
      annualSaving,
    };
    if (o.supplier !== undefined) m.supplier = o.supplier;
    moves.push(m);
  }
  if (noRate.size > 0)
    findings.push(
      finding(
        "warning",
        "SCENARIO_RATE_NEEDED",
        `No saving rate is known for ${listWords([...noRate].map(procurementCategoryLabel))}, so the scenario counts no saving for ${noRate.size === 1 ? "its" : "their"} contracts.`,
        undefined,
        "Give the scenario a local estimate of each category's rate (or set the category's rate in the settings)."
      )
    );
  const late = moves.filter((m) => m.late);
  if (late.length > 0)
    findings.push(
      finding(
        "warning",
        "SCENARIO_MOVE_LATE",
        // The contracts in brackets: after a colon the text would go on with a category's name.
        `${thereAre(late.length, "contract")} in this scenario that ${late.length === 1 ? "moves" : "move"} later than the date due, or not at all (${listWords(
          [
            ...late.slice(0, 5).map((m) => `${procurementCategoryLabel(m.category)} at ${m.cell}`),
            ...(late.length > 5 ? [`${numberInWords(late.length - 5)} more`] : []),
          ]
        )}).`
      )
    );

  const byYear = years.map((year) => {
    let total = 0;
    const sources: CellRef[] = [];
    for (const m of moves) {
      if (!m.annualSaving || m.moveDate === null) continue;
      const v = savingInYear(m.annualSaving.value, m.moveDate, year);
      if (v === 0) continue;
      total += v;
      sources.push(...m.annualSaving.sources);
    }
    return {
      year,
      saving: fig(
        total,
        mergeSources(sources),
        `full-year savings of the contracts moved by ${formatYear(year)}, part years pro rata by day`
      ),
    };
  });
  const byCategory = FRAMEWORK_CATEGORIES.filter((c) => moves.some((m) => m.category === c)).map(
    (category) => {
      const ms = moves.filter((m) => m.category === category && m.moveDate !== null);
      const withSaving = ms.filter((m) => m.annualSaving);
      const own = rates.get(category);
      return {
        category,
        rate: own ?? moves.find((m) => m.category === category)!.rate,
        rateFrom: own !== undefined ? ("scenario" as const) : ("policy" as const),
        annualSaving:
          withSaving.length > 0
            ? fig(
                withSaving.reduce((a, m) => a + m.annualSaving!.value, 0),
                mergeSources(...withSaving.map((m) => m.annualSaving!.sources)),
                "sum of the moved contracts' spend x rate"
              )
            : null,
      };
    }
  );
  const moved = moves.filter((m) => m.moveDate !== null && m.annualSaving);
  const settings: SettingUsed[] = byCategory.map((c) => ({
    key:
      c.rateFrom === "scenario"
        ? `scenario.procurement.rates.${c.category}`
        : `procurement.frameworks.${c.category}.rate`,
    label: `${procurementCategoryLabel(c.category)}: saving rate`,
    value:
      c.rate === null
        ? "none stated"
        : `${formatPolicyPercent(c.rate)}${c.rateFrom === "scenario" ? " (this scenario)" : ""}`,
  }));
  return {
    moves,
    byYear,
    byCategory,
    annualSaving: fig(
      moved.reduce((a, m) => a + m.annualSaving!.value, 0),
      mergeSources(...moved.map((m) => m.annualSaving!.sources)),
      "sum of the moved contracts' spend x rate"
    ),
    settings,
  };
}
