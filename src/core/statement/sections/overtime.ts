/**
 * Evidence for the overtime area: the ratio of overtime to paybill by year against the
 * threshold, the most overtime each year may have, the years that miss it, the year the
 * threshold is reached, and the force's pro-rata share of the national reduction (5.9-5.10).
 */
import {
  PERCENT_FORMAT,
  formatMoney,
  formatPercent,
  formatPolicyPercent,
  formatYear,
} from "../../format";
import { finding } from "../../findings";
import { FinancialYear } from "../../years";
import { OvertimeAnalysis } from "../../analysis/types";
import { Block, ChartBlock, Section, TableBlock, TableRow } from "../model";
import { missingFigure, percentFigure, textFigure, yearFigure } from "../format";
import {
  DraftContext,
  basisCell,
  latestActual,
  money,
  yearWithBasis,
  raise,
  listYears,
  moneyCell,
  moneyOf,
  para,
  percentCell,
  sheetOf,
} from "./common";
import { thresholdFigure } from "./thresholds";
import { countOf } from "../../plainEnglish";

const PARA = "5.9-5.10";

function years(o: OvertimeAnalysis): FinancialYear[] {
  const set = new Set<FinancialYear>();
  for (const y of o.byYear) set.add(y.year);
  for (const r of o.requiredByYear) set.add(r.year);
  return [...set].sort((a, b) => a - b);
}

function byYearTable(ctx: DraftContext, o: OvertimeAnalysis): TableBlock {
  const t = formatPolicyPercent(o.threshold);
  const rows: TableRow[] = years(o).map((year) => {
    const y = o.byYear.find((b) => b.year === year);
    const r = o.requiredByYear.find((q) => q.year === year);
    const s = o.savingsAgainstBaseline.find((q) => q.year === year);
    const met = !r
      ? textFigure(year === o.baselineYear ? "Baseline" : "")
      : y?.confidence === "unconfirmed"
        ? missingFigure("text", "unconfirmed")
        : r.met === null
          ? missingFigure("text", "no figure")
          : textFigure(r.met ? "Yes" : "No");
    const required = r ? moneyCell(ctx, r.maximum) : missingFigure("money", "");
    return {
      cells: [
        yearFigure(year),
        basisCell(ctx, year),
        moneyCell(ctx, y?.overtime),
        moneyCell(ctx, y?.paybill),
        percentCell(y?.ratio),
        required,
        met,
        s ? moneyCell(ctx, s.saving) : missingFigure("money", ""),
      ],
    };
  });
  const headers = [
    "Year",
    "Figures",
    `Overtime (${ctx.unit})`,
    `Paybill (${ctx.unit})`,
    "Share of paybill",
    `Most allowed (${ctx.unit})`,
    "Within it",
    `Less than ${formatYear(o.baselineYear)} (${ctx.unit})`,
  ];
  return {
    kind: "table",
    id: "overtime-by-year",
    caption: `The force's overtime targets: overtime as a share of paybill by year, against ${t}`,
    columns: [
      { header: headers[0], kind: "year", width: 8 },
      { header: headers[1], kind: "text", width: 8 },
      { header: headers[2], kind: "money", width: 11 },
      { header: headers[3], kind: "money", width: 12 },
      { header: headers[4], kind: "percent", width: 8 },
      { header: headers[5], kind: "money", width: 11 },
      { header: headers[6], kind: "text", width: 7 },
      { header: headers[7], kind: "money", width: 11 },
    ],
    headerRows: [headers.map((h) => ({ text: h, span: 1 }))],
    rows,
    note:
      `Share of paybill = overtime / paybill (${basisWords(ctx, o)}). "Most allowed": while the previous year was above ${t}, ` +
      (ctx.policy.overtime.cutFrom === "baseline"
        ? `overtime may be at most the first such year's cut by ${formatPolicyPercent(ctx.policy.overtime.minAnnualCut)} a year, compounded; `
        : `overtime may be at most ${formatPolicyPercent(1 - ctx.policy.overtime.minAnnualCut)} of that year's; `) +
      (ctx.policy.overtime.atOrBelow === "fall"
        ? `at or below ${t}, it must fall below the year before (White Paper ${PARA}).`
        : `at or below ${t}, it may not rise (White Paper ${PARA}).`) +
      (o.byYear.some((y) => y.confidence === "unconfirmed")
        ? ` A year marked unconfirmed rests on budget lines the add-in could not settle (the working papers list them) and has no position until they are confirmed.`
        : ""),
  };
}

function basisWords(ctx: DraftContext, o: OvertimeAnalysis): string {
  const who =
    o.basis === "officers"
      ? "police officers"
      : o.basis === "officerOvertimeWholePaybill"
        ? "police officer overtime against the paybill of officers, staff and PCSOs"
        : "officers, staff and PCSOs";
  const incl = ctx.policy.overtime.paybillIncludesOvertime
    ? "the paybill includes overtime"
    : "the paybill excludes overtime";
  return `${who}; ${incl}`;
}

/** National figures are stated in £m whatever the statement's unit ("£70m"). */
function formatMoneyM(pence: number): string {
  return formatMoney(pence, "£m");
}

function chart(o: OvertimeAnalysis): ChartBlock | undefined {
  const rows = o.byYear.filter((y) => y.ratio !== null);
  if (rows.length === 0) return undefined;
  const t = formatPolicyPercent(o.threshold);
  const points = o.byYear.map((y) =>
    y.ratio ? percentFigure(y.ratio.value, y.ratio.sources) : null
  );
  const alt =
    `Column chart of overtime as a share of paybill by year, with the ${t} threshold drawn as a line. ` +
    o.byYear
      .map((y) => `${formatYear(y.year)}: ${y.ratio ? formatPercent(y.ratio.value) : "no figure"}`)
      .join("; ") +
    ".";
  return {
    kind: "chart",
    id: "chart-overtime",
    chartType: "column",
    title: `Overtime as % of paybill against the ${t} threshold`,
    categoryTitle: "Year",
    categories: o.byYear.map((y) => formatYear(y.year)),
    series: [
      { name: "Overtime as % of paybill", points, role: "data" },
      {
        name: `${t} threshold`,
        points: o.byYear.map(() => thresholdFigure(o.threshold)),
        role: "threshold",
      },
    ],
    valueKind: "percent",
    valueAxisTitle: "% of paybill",
    valueFormat: PERCENT_FORMAT,
    threshold: { value: o.threshold, text: t },
    altText: alt,
  };
}

/** ", unconfirmed: ..." for a year whose ratio rests on lines not settled; undefined otherwise. */
function unsureWords(y: OvertimeAnalysis["byYear"][number], t: string): string | undefined {
  if (y.confidence !== "unconfirmed") return undefined;
  const n = new Set(y.doubts.map((d) => `${d.cell.sheet}!${d.cell.address}`)).size;
  return `, unconfirmed: it rests on ${n === 1 ? "a budget line" : countOf(n, "budget line")} the add-in could not settle (the working papers list ${n === 1 ? "it" : "them"}), so it is given no position against ${t} until ${n === 1 ? "that line is" : "those lines are"} confirmed.`;
}

function narrative(ctx: DraftContext, o: OvertimeAnalysis): Block[] {
  const t = formatPolicyPercent(o.threshold);
  const known = o.byYear.filter((y) => y.ratio !== null);
  const actualYear = latestActual(
    ctx,
    known.map((y) => y.year)
  );
  const latest = known.find((y) => y.year === actualYear) ?? known[known.length - 1];
  const target = known.find((y) => y.year === o.targetYear);
  const out: Block[] = [];
  if (latest && latest.ratio) {
    const isActual = latest.year === actualYear;
    out.push(
      para([
        `In ${formatYear(latest.year)}, ${isActual ? "the latest year of actual figures" : "the latest year with figures"}, overtime of `,
        moneyOf(ctx, latest.overtime),
        ` was `,
        percentFigure(latest.ratio.value, latest.ratio.sources, latest.ratio.formula),
        ` of a paybill of `,
        moneyOf(ctx, latest.paybill),
        unsureWords(latest, t) ??
          (latest.status === "above" ? `, above ${t}.` : `, at or below ${t}.`),
        ...(target && target.ratio && target.year !== latest.year
          ? [
              ` The force's target for ${yearWithBasis(ctx, target.year)} is `,
              moneyOf(ctx, target.overtime),
              `, `,
              percentFigure(target.ratio.value, target.ratio.sources, target.ratio.formula),
              unsureWords(target, t) ??
                (target.status === "above" ? `, still above ${t}.` : `, at or below ${t}.`),
            ]
          : []),
        known.some((y) => y.confidence === "unconfirmed")
          ? ""
          : o.yearThresholdReached !== null
            ? ` The force's figures first reach ${t} in ${yearWithBasis(ctx, o.yearThresholdReached)}.`
            : ` The force's figures do not reach ${t} by ${formatYear(o.targetYear)}.`,
      ])
    );
  }
  // What the required cuts alone would do (5.9-5.10), from the baseline, on the path's own figures.
  const path = o.requiredCutsPath;
  const atTarget = path.find((p) => p.year === o.targetYear);
  if (atTarget && o.baselineOvertime) {
    const reach = o.projectedYearThresholdReached;
    const inTime = reach !== null && reach <= o.targetYear;
    const reachPoint = path.find((p) => p.year === reach);
    out.push(
      para([
        `Cutting overtime by only the required ${formatPolicyPercent(ctx.policy.overtime.minAnnualCut)} a year from `,
        moneyOf(ctx, o.baselineOvertime),
        ` in ${formatYear(o.baselineYear)} would leave `,
        money(
          ctx,
          atTarget.overtime,
          o.baselineOvertime.sources,
          "baseline overtime cut by the required rate each year"
        ),
        ` in ${formatYear(o.targetYear)}, `,
        percentFigure(
          atTarget.ratio,
          o.baselineOvertime.sources,
          "required-cuts overtime / that year's paybill"
        ),
        ` of that year's paybill`,
        inTime
          ? `: the required cuts alone reach ${t}.`
          : reach !== null && reachPoint
            ? `, so the required cuts alone do not reach ${t} by ${formatYear(o.targetYear)}; with pay held at its ${formatYear(lastPayYear(o))} level they reach it in ${formatYear(reach)}.`
            : `, so the required cuts alone do not reach ${t}.`,
        o.yearsMissed.length > 0
          ? ` Overtime is above the most allowed in ${listYears(o.yearsMissed)}.`
          : o.requiredByYear.some((r) => r.met !== null)
            ? " Every year with a figure stays within the most allowed."
            : "",
      ])
    );
  }
  if (o.nationalShare) {
    const reduction = o.reductionByTarget;
    out.push(
      para([
        `Read pro rata, the force's share of the national reduction in officer overtime of ${formatMoneyM(ctx.policy.overtime.nationalTarget)} is `,
        moneyOf(ctx, o.nationalShare),
        ` (${formatPercent(o.nationalShareFraction)} of its ${formatYear(o.baselineYear)} officer overtime); this is a reading of the national figure, not a target the White Paper sets for the force.`,
        ...(reduction
          ? [
              ` The force plans to reduce overtime by `,
              moneyOf(ctx, reduction),
              ` from ${formatYear(o.baselineYear)} to ${formatYear(o.targetYear)}`,
              reduction.value >= o.nationalShare.value
                ? `, more than that share.`
                : `, less than that share.`,
            ]
          : []),
      ])
    );
  }
  return out;
}

/** The last year the workbook gives pay for (the path holds pay there after it). */
function lastPayYear(o: OvertimeAnalysis): FinancialYear {
  const given = o.requiredCutsPath.filter((p) => !p.payHeld);
  return given.length > 0 ? given[given.length - 1].year : o.baselineYear;
}

/** The overtime evidence section(s), level 2, under the overtime area. */
export function overtimeEvidence(ctx: DraftContext): Section[] {
  const o = ctx.analysis.overtime;
  const t = formatPolicyPercent(o.threshold);
  const heading = `Overtime against ${t} of paybill`;
  if (!o.byYear.some((y) => y.ratio !== null)) {
    raise(
      ctx,
      (f) => ["NO_OVERTIME_FIGURES"].includes(f.code),
      finding(
        "warning",
        "STATEMENT_OVERTIME_NO_DATA",
        `The workbook gives no overtime and paybill figures that can be compared by year, so the statement cannot measure overtime against ${t}.`,
        sheetOf(ctx.data, "budget"),
        "Add officer overtime and officer pay by year to the budget sheet."
      )
    );
    return [
      {
        id: "evidence-overtime",
        heading,
        level: 2,
        area: "overtime",
        blocks: [
          para(
            [
              `No overtime and paybill figures by year were found, so overtime cannot be measured against ${t} of paybill.`,
            ],
            "missing"
          ),
        ],
      },
    ];
  }
  const c = chart(o);
  const blocks: Block[] = [...narrative(ctx, o), byYearTable(ctx, o)];
  if (c) blocks.push(c);
  return [{ id: "evidence-overtime", heading, level: 2, area: "overtime", blocks }];
}
