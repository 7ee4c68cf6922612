/**
 * The opening summary: totals of cashable and non-cashable savings, planned and actual, by
 * year and by area, and the force's plan next to the national programme (5.4) as context only.
 */
import { formatMoney, formatYear } from "../../format";
import { SAVINGS_AREAS, SavingsArea } from "../../forceData";
import { Pence } from "../../money";
import { FinancialYear } from "../../years";
import { Figure as AnalysisFigure } from "../../analysis/types";
import { Block, Section, TableBlock, TableRow } from "../model";
import { cell, missingFigure, moneyFigure, percentFigure, ragCell, textFigure } from "../format";
import {
  DraftContext,
  listYears,
  moneyCell,
  moneyOf,
  para,
  plannedActualTable,
  varianceSentence,
  yearsWithoutActuals,
} from "./common";
import { AREA_HEADINGS, areaStatus, capacitySentence } from "./areas";
import { thereAre } from "../../plainEnglish";

/** National figures are whole £m: the Excel format that shows 545000000 as "£545m". */
const NATIONAL_FORMAT = '"£"#,##0,,"m"';

function areaTable(ctx: DraftContext): TableBlock {
  const s = ctx.analysis.savings;
  const rows: TableRow[] = SAVINGS_AREAS.map((area) => {
    const a = s.byArea.find((x) => x.area === area);
    const none = missingFigure("money", "no lines");
    return {
      cells: [
        textFigure(AREA_HEADINGS[area]),
        a && a.lineCount > 0 ? moneyCell(ctx, a.cashable.planned) : none,
        a && a.lineCount > 0 ? moneyCell(ctx, a.cashable.actual, "not reported") : none,
        a && a.lineCount > 0 ? moneyCell(ctx, a.nonCashable.planned) : none,
        a && a.lineCount > 0 ? moneyCell(ctx, a.nonCashable.actual, "not reported") : none,
        ragCell(areaStatus(ctx, area).status),
      ],
    };
  });
  rows.push({
    role: "total",
    cells: [
      cell(textFigure("All nine areas"), "strong"),
      cell(moneyCell(ctx, s.total.cashable.planned), "strong"),
      cell(moneyCell(ctx, s.total.cashable.actual, "not reported"), "strong"),
      cell(moneyCell(ctx, s.total.nonCashable.planned), "strong"),
      cell(moneyCell(ctx, s.total.nonCashable.actual, "not reported"), "strong"),
      textFigure(""),
    ],
  });
  const headers = ["Area", "Planned", "Actual", "Planned", "Actual", "Status"];
  return {
    kind: "table",
    id: "summary-by-area",
    caption: "Savings by area: planned and actual over all years, with each area's status",
    columns: [
      { header: headers[0], kind: "text", width: 30 },
      { header: headers[1], kind: "money", width: 12 },
      { header: headers[2], kind: "money", width: 12 },
      { header: headers[3], kind: "money", width: 12 },
      { header: headers[4], kind: "money", width: 12 },
      { header: headers[5], kind: "rag", width: 11 },
    ],
    headerRows: [
      [
        { text: "", span: 1 },
        { text: `Cashable (${ctx.unit})`, span: 2 },
        { text: `Non-cashable (${ctx.unit} equivalent)`, span: 2 },
        { text: "", span: 1 },
      ],
      headers.map((h) => ({ text: h, span: 1 })),
    ],
    rows,
    note: "Each area's status and the rule behind it are given in the area's own section.",
  };
}

function cashablePlannedIn(
  ctx: DraftContext,
  year: FinancialYear,
  area?: SavingsArea
): AnalysisFigure<Pence> | undefined {
  const s = ctx.analysis.savings;
  const list = area ? s.byArea.find((a) => a.area === area)?.byYear : s.byYear;
  const y = list?.find((q) => q.year === year);
  return y && (y.cashable.planned.value !== 0 || y.cashable.planned.sources.length > 0)
    ? y.cashable.planned
    : undefined;
}

function contextTable(ctx: DraftContext): TableBlock {
  const np = ctx.policy.nationalProgramme;
  const target = ctx.analysis.targetYear;
  const o = ctx.analysis.overtime;
  const rows: [string, Pence, string, AnalysisFigure<Pence> | null | undefined, string][] = [
    [
      `All savings in ${formatYear(np.firstYear)}`,
      np.firstYearSaving,
      "5.4",
      cashablePlannedIn(ctx, np.firstYear),
      "cashable savings planned in the year",
    ],
    [
      `All savings a year by ${formatYear(np.byYear)}`,
      np.annualSaving,
      "5.4",
      cashablePlannedIn(ctx, np.byYear),
      "cashable savings planned in the year",
    ],
    [
      // 5.9-5.10: the £70m is a reduction from 2008/09 levels, so the force's figure is its own
      // reduction from the baseline, not one year's saving.
      `Overtime reduction from ${formatYear(o.baselineYear)} by ${formatYear(target)}`,
      ctx.policy.overtime.nationalTarget,
      "5.9-5.10",
      o.reductionByTarget,
      `${formatYear(o.baselineYear)} overtime minus ${formatYear(target)} overtime`,
    ],
    [
      `Support services saving a year by ${formatYear(target)}`,
      ctx.policy.businessSupport.nationalSaving,
      "5.51",
      cashablePlannedIn(ctx, target, "supportServices"),
      "cashable support services savings planned in the year",
    ],
  ];
  return {
    kind: "table",
    id: "summary-national-context",
    caption: "The force's plan next to the national programme (context, not targets)",
    columns: [
      { header: "National figure", kind: "text", width: 30 },
      { header: "National", kind: "money", width: 9 },
      { header: "White Paper", kind: "text", width: 9 },
      { header: `This force (${ctx.unit})`, kind: "money", width: 12 },
      { header: "Share of national", kind: "percent", width: 9 },
    ],
    headerRows: [
      [
        { text: "National figure", span: 1 },
        { text: "National", span: 1 },
        { text: "White Paper", span: 1 },
        { text: `This force (${ctx.unit})`, span: 1 },
        { text: "Share of national", span: 1 },
      ],
    ],
    rows: rows.map(([label, national, paragraph, force, how]) => ({
      cells: [
        textFigure(label),
        {
          ...moneyFigure(national, "£m", [], "policy setting"),
          text: formatMoney(national, "£m"),
          numberFormat: NATIONAL_FORMAT,
        },
        textFigure(paragraph),
        force
          ? { ...moneyCell(ctx, force), derivation: force.formula ?? how }
          : missingFigure("money", "no figure"),
        force && national !== 0
          ? percentFigure(force.value / national, force.sources, `force's figure / national figure`)
          : missingFigure("percent", ""),
      ],
    })),
    note: "National figures are totals for all forces in England and Wales. The White Paper does not divide them into targets for each force.",
  };
}

/** Once, for the whole statement: the years with no actual figures yet show the plan only. */
function pendingSentence(ctx: DraftContext): string {
  const pending = yearsWithoutActuals(ctx.analysis.savings.byYear);
  if (pending.length === 0) return "";
  return `No actual savings have been reported yet for ${listYears(pending)}, so ${pending.length === 1 ? "that year shows" : "those years show"} the plan only, in this summary and in each area.`;
}

/** The summary section and its national-context part. */
export function summarySections(ctx: DraftContext): Section[] {
  const s = ctx.analysis.savings;
  const years = s.byYear.map((y) => y.year);
  const span =
    years.length === 0
      ? ""
      : years.length === 1
        ? ` in ${listYears(years)}`
        : ` from ${listYears([years[0]])} to ${listYears([years[years.length - 1]])}`;
  const blocks: Block[] = [
    para(
      [
        `Cashable savings are money that is no longer spent; non-cashable gains are capacity released, such as officer hours, shown as a money equivalent. `,
        `Amounts are in ${ctx.unit} unless stated. Every figure comes from the force's own workbook; the working papers give the cells behind each one.`,
      ],
      "lead"
    ),
  ];
  if (s.byYear.length === 0) {
    blocks.push(
      para(
        [
          "The workbook has no savings plan figures, so no planned or actual savings can be summarised.",
        ],
        "missing"
      )
    );
  } else {
    blocks.push(
      para([
        `Across the plan${span}, the force expects `,
        moneyOf(ctx, s.total.cashable.planned),
        ` of cashable savings`,
        ...(s.total.nonCashable.planned.value !== 0
          ? [" and ", moneyOf(ctx, s.total.nonCashable.planned), " of non-cashable gains. "]
          : s.capacity
            ? [" and non-cashable gains given as capacity released, with no money value. "]
            : [" and no non-cashable gains. "]),
        ...varianceSentence(ctx, "cashable savings", s.total.cashable),
        ...varianceSentence(ctx, "non-cashable gains", s.total.nonCashable),
        pendingSentence(ctx),
      ])
    );
    blocks.push(
      ...capacitySentence(
        s.capacity,
        s.total.nonCashable.planned.value !== 0 || s.total.nonCashable.actual
          ? "Beside the £ equivalent, across all areas the plan gives the capacity non-cashable gains release: "
          : "Across all areas the plan gives the capacity non-cashable gains release: "
      )
    );
    blocks.push(
      plannedActualTable(
        ctx,
        "summary-by-year",
        "All areas: planned and actual savings by year",
        s.byYear,
        s.total
      )
    );
    blocks.push(areaTable(ctx));
  }
  if (s.unassigned.lineCount > 0)
    blocks.push(
      para(
        [
          `${thereAre(s.unassigned.lineCount, "line")} in the savings plan that could not be matched to one of the nine areas; ${s.unassigned.lineCount === 1 ? "it is" : "they are"} left out of the area totals (`,
          moneyOf(ctx, s.unassigned.cashable.planned),
          ` cashable planned). Naming the area on ${s.unassigned.lineCount === 1 ? "that line" : "those lines"} will bring ${s.unassigned.lineCount === 1 ? "it" : "them"} in.`,
        ],
        "missing"
      )
    );
  const np = ctx.policy.nationalProgramme;
  const context: Block[] = [
    para([
      `For context only: across all forces, the national programme looks for at least ${formatMoney(np.annualSaving, "£m")} of savings a year by ${formatYear(np.byYear)}, `,
      `with at least ${formatMoney(np.firstYearSaving, "£m")} in ${formatYear(np.firstYear)} (White Paper 5.4). `,
      `These are national totals; the White Paper does not set them as targets for ${ctx.force}. The table puts the force's own planned cashable savings beside them.`,
    ]),
    contextTable(ctx),
  ];
  return [
    { id: "summary", heading: "Summary", level: 1, blocks },
    { id: "summary-national", heading: "The plan in national context", level: 2, blocks: context },
  ];
}
