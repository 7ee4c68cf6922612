/**
 * Scenarios compared beside the workbook's own plan: one table of the headline figures, and one
 * chart per measure (overtime as a share of paybill, business support as a share of the
 * workforce, the procurement saving by year), each with its threshold and the White Paper's
 * required path. Built as the statement's own blocks, so the task pane draws them with the same
 * table and chart components, and every figure keeps its cells.
 */
import { MoneyUnit, Pence } from "../money";
import { FinancialYear, yearRange } from "../years";
import {
  PERCENT_FORMAT,
  formatFte,
  formatPolicyPercent,
  formatPounds,
  formatYear,
  moneyNumberFormat,
} from "../format";
import { Analysis } from "../analysis/types";
import {
  ChartBlock,
  ChartSeries,
  DisplayFigure,
  TableBlock,
  TableCell,
  TableRow,
} from "../statement/model";
import {
  missingFigure,
  moneyFigure,
  percentFigure,
  textFigure,
  yearFigure,
} from "../statement/format";
import { modelProcurement } from "./procurement";
import { WORKBOOK_PLAN_NAME } from "./scenario";
import { ScenarioResult } from "./types";

export interface Comparison {
  readonly table: TableBlock;
  /** Overtime, business support, procurement, in that order. */
  readonly charts: readonly ChartBlock[];
}

function years(analysis: Analysis, results: readonly ScenarioResult[]): FinancialYear[] {
  let first = analysis.policy.years.baseline;
  let last = analysis.policy.years.target;
  for (const y of analysis.overtime.byYear) last = Math.max(last, y.year);
  for (const r of results)
    if (r.years.length > 0) {
      first = Math.min(first, r.years[0]);
      last = Math.max(last, r.years[r.years.length - 1]);
    }
  return yearRange(first, last);
}

const pct = (v: number, sources: DisplayFigure["sources"] = [], how?: string) =>
  percentFigure(v, sources, how);

function cutText(r: ScenarioResult): DisplayFigure {
  const o = r.overtime;
  if (!o) return missingFigure("text", "not modelled");
  if (o.yearlyCutAmount !== null) return textFigure(`${formatPounds(o.yearlyCutAmount)} a year`);
  const words = `${formatPolicyPercent(o.yearlyCut ?? 0)} a year`;
  return textFigure(
    o.solvedFor !== null ? `${words} (solved for ${formatYear(o.solvedFor)})` : words
  );
}

export function compareScenarios(
  analysis: Analysis,
  results: readonly ScenarioResult[],
  unit: MoneyUnit
): Comparison {
  const policy = analysis.policy;
  const { baseline, target } = policy.years;
  const ot = analysis.overtime;
  const bs = analysis.businessSupport;
  const tOt = formatPolicyPercent(policy.overtime.threshold);
  const tBs = formatPolicyPercent(policy.businessSupport.threshold);
  const money = (p: Pence, sources: DisplayFigure["sources"] = [], how?: string) =>
    moneyFigure(p, unit, sources, how);
  const none = (words = "not modelled") => missingFigure("text", words);
  const planProcurement = modelProcurement(analysis, undefined, yearRange(baseline, target), []);

  // The table: one row per headline figure, a column for the plan and each scenario.
  const row = (
    label: string,
    plan: DisplayFigure,
    each: (r: ScenarioResult) => DisplayFigure
  ): TableRow => ({
    cells: [textFigure(label), plan, ...results.map(each)] as TableCell[],
  });
  const planOt = ot.byYear.find((y) => y.year === target);
  const planSaving = ot.savingsAgainstBaseline.find((s) => s.year === target);
  const planBs = bs.byYear.find((y) => y.year === target);
  const rows: TableRow[] = [
    row("Overtime: yearly cut", textFigure("as in the workbook"), cutText),
    row(
      `Overtime: first year at or below ${tOt}`,
      ot.yearThresholdReached !== null
        ? yearFigure(ot.yearThresholdReached)
        : textFigure("not reached"),
      (r) =>
        !r.overtime
          ? none()
          : r.overtime.yearThresholdReached !== null
            ? yearFigure(r.overtime.yearThresholdReached)
            : textFigure("not reached")
    ),
    row(
      `Overtime as % of paybill, ${formatYear(target)}`,
      planOt?.ratio
        ? pct(planOt.ratio.value, planOt.ratio.sources, planOt.ratio.formula)
        : missingFigure("percent"),
      (r) => {
        const y = r.overtime?.byYear.find((x) => x.year === target);
        return y?.ratio
          ? pct(y.ratio.value, y.ratio.sources, y.ratio.formula)
          : missingFigure("percent");
      }
    ),
    row(
      `Overtime saved against ${formatYear(baseline)}, ${formatYear(target)}`,
      planSaving
        ? money(planSaving.saving.value, planSaving.saving.sources, planSaving.saving.formula)
        : missingFigure("money"),
      (r) => {
        const s = r.overtime?.savingsAgainstBaseline.find((x) => x.year === target);
        return s
          ? money(s.saving.value, s.saving.sources, s.saving.formula)
          : missingFigure("money");
      }
    ),
    row("Business support: FTE removed", textFigure("as in the workbook"), (r) => {
      const b = r.businessSupport;
      if (!b) return none();
      const total = b.removeFte.reduce((a, x) => a + Math.round(x.fte * 100), 0) / 100;
      return textFigure(
        `${formatFte(total, 2)} FTE${b.solvedFor !== null ? ` (solved for ${formatYear(b.solvedFor)})` : ""}`
      );
    }),
    row(
      `Business support share, ${formatYear(target)}`,
      planBs?.ratio
        ? pct(planBs.ratio.value, planBs.ratio.sources, planBs.ratio.formula)
        : missingFigure("percent"),
      (r) => {
        const y = r.businessSupport?.byYear.find((x) => x.year === target);
        return y?.ratio
          ? pct(y.ratio.value, y.ratio.sources, y.ratio.formula)
          : missingFigure("percent");
      }
    ),
    row(
      `Business support: first year below ${tBs}`,
      (() => {
        const y = bs.byYear.find((x) => x.year >= baseline && x.status === "atOrBelow");
        return y ? yearFigure(y.year) : textFigure("not reached");
      })(),
      (r) =>
        !r.businessSupport
          ? none()
          : r.businessSupport.yearShareReached !== null
            ? yearFigure(r.businessSupport.yearShareReached)
            : textFigure("not reached")
    ),
    row("Business support: cashable saving a year", textFigure("as in the workbook"), (r) => {
      const c = r.businessSupport?.cashableSaving;
      return c
        ? money(c.value, c.sources, c.formula)
        : r.businessSupport
          ? missingFigure("money", "cost not known")
          : none();
    }),
    row(
      "Procurement: full-year saving",
      planProcurement
        ? money(
            planProcurement.annualSaving.value,
            planProcurement.annualSaving.sources,
            planProcurement.annualSaving.formula
          )
        : missingFigure("money"),
      (r) =>
        r.procurement
          ? money(
              r.procurement.annualSaving.value,
              r.procurement.annualSaving.sources,
              r.procurement.annualSaving.formula
            )
          : none()
    ),
    row(
      "Procurement: contracts moving late or not at all",
      textFigure(String(planProcurement?.moves.filter((m) => m.late).length ?? 0)),
      (r) =>
        r.procurement
          ? textFigure(String(r.procurement.moves.filter((m) => m.late).length))
          : none()
    ),
  ];
  const columns = [
    { header: "Measure", kind: "text" as const, width: 30 },
    { header: WORKBOOK_PLAN_NAME, kind: "text" as const, width: 14 },
    ...results.map((r) => ({ header: r.name, kind: "text" as const, width: 14 })),
  ];
  const table: TableBlock = {
    kind: "table",
    id: "model-comparison",
    caption: "Scenarios compared with the workbook's plan",
    columns,
    headerRows: [columns.map((c) => ({ text: c.header, span: 1 }))],
    rows,
    note: `Money in ${unit}. Years up to each scenario's start keep the workbook's figures; later years are modelled.`,
  };

  const ys = years(analysis, results);
  const categories = ys.map(formatYear);
  const series = (
    name: string,
    at: (y: FinancialYear) => DisplayFigure | null,
    role: ChartSeries["role"] = "data"
  ): ChartSeries => ({
    name,
    points: ys.map(at),
    role,
  });
  const alt = (what: string, s: readonly ChartSeries[]) =>
    `${what} ` +
    s
      .map(
        (x) =>
          `${x.name}: ${x.points
            .map((p, i) => (p ? `${categories[i]} ${p.text}` : null))
            .filter((t) => t !== null)
            .join(", ")}`
      )
      .join("; ") +
    ".";

  // Overtime: each scenario's ratio, the threshold, and the required path of the first scenario.
  const first = results.find((r) => r.overtime)?.overtime;
  const incl = policy.overtime.paybillIncludesOvertime;
  const otSeries: ChartSeries[] = [
    series(WORKBOOK_PLAN_NAME, (y) => {
      const r = ot.byYear.find((x) => x.year === y)?.ratio;
      return r ? pct(r.value, r.sources) : null;
    }),
    ...results.map((res) =>
      series(res.name, (y) => {
        const r = res.overtime?.byYear.find((x) => x.year === y)?.ratio;
        return r ? pct(r.value, r.sources) : null;
      })
    ),
    series(`${tOt} threshold`, () => pct(policy.overtime.threshold), "threshold"),
  ];
  if (first && first.requiredPath.length > 0)
    otSeries.push(
      series(
        `Required path from ${formatYear(first.from)}`,
        (y) => {
          if (y === first.from) {
            const r = first.byYear.find((x) => x.year === y)?.ratio;
            return r ? pct(r.value) : null;
          }
          const req = first.requiredPath.find((p) => p.year === y);
          const pay = first.byYear.find((x) => x.year === y)?.pay.value;
          if (!req || pay === undefined) return null;
          const bill = incl ? pay + req.maximum.value : pay;
          return bill > 0 ? pct(req.maximum.value / bill, req.maximum.sources) : null;
        },
        "path"
      )
    );
  const otChart: ChartBlock = {
    kind: "chart",
    id: "chart-model-overtime",
    chartType: "line",
    title: `Overtime as % of paybill by scenario, against ${tOt}`,
    categoryTitle: "Year",
    categories,
    series: otSeries,
    valueKind: "percent",
    valueAxisTitle: "% of paybill",
    valueFormat: PERCENT_FORMAT,
    threshold: { value: policy.overtime.threshold, text: tOt },
    altText: alt(
      `Line chart of overtime as a share of paybill, with the ${tOt} threshold and the required path.`,
      otSeries
    ),
  };

  const bsSeries: ChartSeries[] = [
    series(WORKBOOK_PLAN_NAME, (y) => {
      const r = bs.byYear.find((x) => x.year === y)?.ratio;
      return r ? pct(r.value, r.sources) : null;
    }),
    ...results.map((res) =>
      series(res.name, (y) => {
        const r = res.businessSupport?.byYear.find((x) => x.year === y)?.ratio;
        return r ? pct(r.value, r.sources) : null;
      })
    ),
    series(`${tBs} threshold`, () => pct(policy.businessSupport.threshold), "threshold"),
  ];
  if (bs.path.length > 0)
    bsSeries.push(
      series(
        "Straight-line path to the threshold",
        (y) => {
          const p = bs.path.find((x) => x.year === y);
          return p ? pct(p.ratio) : null;
        },
        "path"
      )
    );
  const bsChart: ChartBlock = {
    kind: "chart",
    id: "chart-model-support",
    chartType: "line",
    title: `Business support as % of the workforce by scenario, against ${tBs}`,
    categoryTitle: "Year",
    categories,
    series: bsSeries,
    valueKind: "percent",
    valueAxisTitle: "% of the workforce",
    valueFormat: PERCENT_FORMAT,
    threshold: { value: policy.businessSupport.threshold, text: tBs },
    altText: alt(
      `Line chart of business support as a share of the workforce, with the ${tBs} threshold and the straight-line path.`,
      bsSeries
    ),
  };

  const prSeries: ChartSeries[] = [
    series(WORKBOOK_PLAN_NAME, (y) => {
      const s = planProcurement?.byYear.find((x) => x.year === y)?.saving;
      return s ? money(s.value, s.sources) : null;
    }),
    ...results.map((res) =>
      series(res.name, (y) => {
        const s = res.procurement?.byYear.find((x) => x.year === y)?.saving;
        return s ? money(s.value, s.sources) : null;
      })
    ),
  ];
  const prChart: ChartBlock = {
    kind: "chart",
    id: "chart-model-procurement",
    chartType: "column",
    title: "Procurement saving by year, by scenario",
    categoryTitle: "Year",
    categories,
    series: prSeries,
    valueKind: "money",
    valueAxisTitle: `Saving (${unit})`,
    valueFormat: moneyNumberFormat(unit),
    altText: alt("Column chart of the procurement saving by year.", prSeries),
  };
  return { table, charts: [otChart, bsChart, prChart] };
}
