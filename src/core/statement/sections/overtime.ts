/**
 * Evidence for the overtime area: the ratio of overtime to paybill by year against the
 * threshold, the most overtime each year may have, the years that miss it, the year the
 * threshold is reached, and the force's pro-rata share of the national reduction (5.9-5.10).
 */
import { finding } from "../../findings";
import { FinancialYear } from "../../years";
import { formatYear } from "../../format";
import { OvertimeAnalysis } from "../../analysis/types";
import { Block, ChartBlock, DisplayFigure, Section, TableBlock, TableRow } from "../model";
import { missingFigure, percentFigure, textFigure, yearFigure } from "../format";
import { PERCENT_FORMAT, formatMoney, formatPercent, formatPolicyPercent } from "../../format";
import {
  DraftContext,
  keyFactsTable,
  raise,
  listYears,
  moneyCell,
  moneyOf,
  para,
  percentCell,
  sheetOf,
} from "./common";
import { thresholdFigure } from "./thresholds";

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
    const status =
      !y || y.status === "unknown"
        ? missingFigure("text")
        : textFigure(y.status === "above" ? `Above ${t}` : `At or below ${t}`);
    const met = !r
      ? textFigure(year === o.baselineYear ? "Baseline" : "")
      : r.met === null
        ? missingFigure("text", "no figure")
        : textFigure(r.met ? "Yes" : "No");
    const required = r ? moneyCell(ctx, r.maximum) : missingFigure("money", "");
    return {
      cells: [
        yearFigure(year),
        moneyCell(ctx, y?.overtime),
        moneyCell(ctx, y?.paybill),
        percentCell(y?.ratio),
        status,
        required,
        met,
        s ? moneyCell(ctx, s.saving) : missingFigure("money", ""),
      ],
    };
  });
  return {
    kind: "table",
    id: "overtime-by-year",
    caption: `Overtime as a share of paybill, by year, against ${t}`,
    columns: [
      { header: "Year", kind: "year", width: 10 },
      { header: `Overtime (${ctx.unit})`, kind: "money", width: 12 },
      { header: `Paybill (${ctx.unit})`, kind: "money", width: 12 },
      { header: "Ratio", kind: "percent", width: 8 },
      { header: `Against ${t}`, kind: "text", width: 12 },
      { header: `Most allowed (${ctx.unit})`, kind: "money", width: 12 },
      { header: "Within it", kind: "text", width: 9 },
      { header: `Saved on ${formatYear(o.baselineYear)} (${ctx.unit})`, kind: "money", width: 12 },
    ],
    headerRows: [
      [
        { text: "Year", span: 1 },
        { text: `Overtime (${ctx.unit})`, span: 1 },
        { text: `Paybill (${ctx.unit})`, span: 1 },
        { text: "Ratio", span: 1 },
        { text: `Against ${t}`, span: 1 },
        { text: `Most allowed (${ctx.unit})`, span: 1 },
        { text: "Within it", span: 1 },
        { text: `Saved on ${formatYear(o.baselineYear)} (${ctx.unit})`, span: 1 },
      ],
    ],
    rows,
    note:
      `Ratio = overtime / paybill (${basisWords(ctx, o)}). "Most allowed": while the previous year was above ${t}, ` +
      `overtime may be at most ${formatPolicyPercent(1 - ctx.policy.overtime.minAnnualCut)} of that year's; ` +
      `at or below ${t}, it may not rise (White Paper ${PARA}).`,
  };
}

function basisWords(ctx: DraftContext, o: OvertimeAnalysis): string {
  const who = o.basis === "officers" ? "police officers" : "officers, staff and PCSOs";
  const incl = ctx.policy.overtime.paybillIncludesOvertime
    ? "the paybill includes overtime"
    : "the paybill excludes overtime";
  return `${who}; ${incl}`;
}

function keyFacts(ctx: DraftContext, o: OvertimeAnalysis): TableBlock {
  const t = formatPolicyPercent(o.threshold);
  const latestSaving = [...o.savingsAgainstBaseline].reverse()[0];
  const facts: [string, DisplayFigure][] = [
    ["Measured on", textFigure(basisWords(ctx, o))],
    [`Threshold (White Paper ${PARA})`, thresholdFigure(o.threshold)],
    ["Baseline year", yearFigure(o.baselineYear)],
    [
      `Overtime in ${formatYear(o.baselineYear)}`,
      o.baselineOvertime
        ? moneyCell(ctx, o.baselineOvertime)
        : missingFigure("money", "not in the workbook"),
    ],
    [
      `First year at or below ${t}`,
      o.yearThresholdReached !== null
        ? yearFigure(o.yearThresholdReached)
        : textFigure(`Not reached by ${formatYear(o.targetYear)}`),
    ],
    [
      `Year ${t} is reached if only the required cuts are made`,
      o.projectedYearThresholdReached !== null
        ? yearFigure(o.projectedYearThresholdReached)
        : textFigure(`Not by ${formatYear(o.targetYear)}`),
    ],
    [
      "Years above the most allowed",
      textFigure(o.yearsMissed.length > 0 ? listYears(o.yearsMissed) : "None"),
    ],
    [
      `Pro-rata share of the national ${formatMoneyM(ctx.policy.overtime.nationalTarget)} reduction`,
      o.nationalShare ? moneyCell(ctx, o.nationalShare) : missingFigure("money"),
    ],
  ];
  if (latestSaving)
    facts.push([
      `Saved against ${formatYear(o.baselineYear)} in ${formatYear(latestSaving.year)}`,
      moneyCell(ctx, latestSaving.saving),
    ]);
  return keyFactsTable(
    "overtime-key-facts",
    "Overtime: key figures",
    facts,
    `Money in ${ctx.unit}.`
  );
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

function narrative(ctx: DraftContext, o: OvertimeAnalysis): Block[] {
  const t = formatPolicyPercent(o.threshold);
  const known = o.byYear.filter((y) => y.ratio !== null);
  const latest = known[known.length - 1];
  const base = o.byYear.find((y) => y.year === o.baselineYear && y.ratio !== null);
  const out: Block[] = [];
  if (latest && latest.ratio) {
    const basis = latest.basis ? ` (${latest.basis})` : "";
    const showBase = base && base.ratio && base.year !== latest.year ? base : undefined;
    out.push(
      para([
        `For ${formatYear(latest.year)}${basis}, the latest year with figures, overtime of `,
        moneyOf(ctx, latest.overtime),
        ` is `,
        percentFigure(latest.ratio.value, latest.ratio.sources, latest.ratio.formula),
        ` of a paybill of `,
        moneyOf(ctx, latest.paybill),
        latest.status === "above"
          ? `: above the ${t} threshold.`
          : `: at or below the ${t} threshold.`,
        ...(showBase && showBase.ratio
          ? [
              ` In the ${formatYear(showBase.year)} baseline year the ratio was `,
              percentFigure(showBase.ratio.value, showBase.ratio.sources, showBase.ratio.formula),
              ".",
            ]
          : []),
      ])
    );
  }
  const reached =
    o.yearThresholdReached !== null
      ? `The figures reach ${t} in ${formatYear(o.yearThresholdReached)}.`
      : `On the figures given, overtime does not come down to ${t} of paybill by ${formatYear(o.targetYear)}.`;
  const projected =
    o.yearThresholdReached !== null
      ? ""
      : o.projectedYearThresholdReached !== null
        ? ` Cutting overtime by exactly the required amount each year from the last figure, with the paybill held at its last known level, would reach ${t} in ${formatYear(o.projectedYearThresholdReached)}.`
        : ` Even cutting overtime by exactly the required amount each year from the last figure, with the paybill held at its last known level, would not reach ${t} by ${formatYear(o.targetYear)}.`;
  const missed =
    o.yearsMissed.length > 0
      ? ` Overtime is above the most allowed in ${listYears(o.yearsMissed)}.`
      : o.requiredByYear.some((r) => r.met !== null)
        ? " Every year with a figure stays within the most allowed."
        : "";
  out.push(para([reached + projected + missed]));
  if (o.nationalShare && o.baselineOvertime) {
    const plan = ctx.analysis.savings.byArea.find((a) => a.area === "overtime");
    const target = plan?.byYear.find((y) => y.year === o.targetYear);
    out.push(
      para([
        `Read pro rata, the force's share of the national overtime reduction of ${formatMoneyM(ctx.policy.overtime.nationalTarget)} is `,
        moneyOf(ctx, o.nationalShare),
        `: ${formatPercent(o.nationalShareFraction)} of its ${formatYear(o.baselineYear)} overtime of `,
        moneyOf(ctx, o.baselineOvertime),
        `. This is a reading of the national figure, not a target the White Paper sets for the force.`,
        target && target.cashable.planned.value !== 0
          ? ` The savings plan's cashable overtime savings for ${formatYear(o.targetYear)} come to `
          : "",
        target && target.cashable.planned.value !== 0 ? moneyOf(ctx, target.cashable.planned) : "",
        target && target.cashable.planned.value !== 0 ? "." : "",
      ])
    );
  }
  return out;
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
  const blocks: Block[] = [...narrative(ctx, o), byYearTable(ctx, o), keyFacts(ctx, o)];
  if (c) blocks.push(c);
  return [{ id: "evidence-overtime", heading, level: 2, area: "overtime", blocks }];
}
