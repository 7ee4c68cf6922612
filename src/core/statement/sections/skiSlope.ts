/**
 * The ranked ("ski-slope") chart of one peer indicator: every force in the peers sheet as a
 * column, best on the left, the force itself in its own series (so every renderer draws it in
 * another colour, and its category label says "this force" in words), and the White Paper's
 * threshold as a dashed line where one applies (4% overtime, 5.9-5.10; 7% business support,
 * 5.46-5.51). The chart is plain data (a ChartBlock); the Excel renderer puts it on the charts
 * sheet as a native chart, the Word and HTML renderers draw it from the same figures.
 */
import { CellRef } from "../../grid";
import { ChartBlock, ChartSeries, DisplayFigure } from "../model";
import { numberFigure, percentFigure } from "../format";
import { formatNumber, formatPercent, formatPolicyPercent, formatPoundsValue } from "../../format";

/** One column of the chart (SkiSlopeBar in analysis/peers.ts fits it). */
export interface RankedBar {
  readonly name: string;
  readonly value: number;
  readonly cell?: CellRef;
  readonly isForce: boolean;
  readonly inGroup?: boolean;
}

/** What the chart needs of an indicator (PeerIndicatorResult in analysis/peers.ts fits it). */
export interface RankedIndicator {
  readonly key?: string;
  readonly name: string;
  readonly direction: "lowerIsBetter" | "higherIsBetter";
  readonly isPercent: boolean;
  readonly unit?: "£";
  readonly chart?: {
    /** Best first. */
    readonly bars: readonly RankedBar[];
    readonly threshold?: { readonly value: number };
    readonly topQuartileValue?: number | null;
  };
}

/** Words added to the force's own column label, so it is never marked by colour alone. */
export const THIS_FORCE = "(this force)";

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "indicator"
  );
}

function figure(i: RankedIndicator, v: number, cell?: CellRef): DisplayFigure {
  const sources = cell ? [cell] : [];
  if (i.isPercent) return percentFigure(v, sources);
  const f = numberFigure(v, 2, sources);
  return i.unit === "£" ? { ...f, text: `£${f.text}`, numberFormat: '"£"#,##0.00' } : f;
}

function valueText(i: RankedIndicator, v: number): string {
  return i.isPercent
    ? formatPercent(v)
    : i.unit === "£"
      ? formatPoundsValue(v)
      : formatNumber(v, 2);
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th"}`;
}

/**
 * The ski-slope chart for an indicator, or undefined when it has no figures to rank.
 * `force` names the force's own series (e.g. "Exampleshire Constabulary").
 */
export function skiSlopeChart(i: RankedIndicator, force: string): ChartBlock | undefined {
  const bars = i.chart?.bars ?? [];
  if (bars.length === 0) return undefined;
  const forceAt = bars.findIndex((b) => b.isForce);
  const categories = bars.map((b) => (b.isForce ? `${b.name} ${THIS_FORCE}` : b.name));
  const series: ChartSeries[] = [
    {
      name: "Other forces",
      points: bars.map((b) => (b.isForce ? null : figure(i, b.value, b.cell))),
      role: "data",
    },
  ];
  if (forceAt >= 0)
    series.push({
      name: force,
      points: bars.map((b) => (b.isForce ? figure(i, b.value, b.cell) : null)),
      role: "data",
    });
  const threshold = i.chart?.threshold;
  if (threshold)
    series.push({
      name: `${formatPolicyPercent(threshold.value)} threshold`,
      points: bars.map(() => percentFigure(threshold.value)),
      role: "threshold",
    });
  const better = i.direction === "lowerIsBetter" ? "lowest" : "highest";
  const first = bars[0];
  const last = bars[bars.length - 1];
  const where =
    forceAt >= 0
      ? `${force} is ${ordinal(forceAt + 1)} of ${bars.length} at ${valueText(i, bars[forceAt].value)}.`
      : `${force} has no figure, so it is not shown.`;
  const tq = i.chart?.topQuartileValue;
  const altText =
    `Column chart ranking ${bars.length} forces on ${i.name}, best (${better}) on the left. ${where} ` +
    `Best: ${first.name}, ${valueText(i, first.value)}; last: ${last.name}, ${valueText(i, last.value)}.` +
    (tq !== undefined && tq !== null ? ` The top quartile starts at ${valueText(i, tq)}.` : "") +
    (threshold ? ` The ${formatPolicyPercent(threshold.value)} threshold is drawn as a line.` : "");
  return {
    kind: "chart",
    id: `chart-peers-${slug(i.key ?? i.name)}`,
    chartType: "column",
    title: `${i.name}: forces ranked, best first`,
    categoryTitle: "Force",
    categories,
    series,
    valueKind: i.isPercent ? "percent" : i.unit === "£" ? "money" : "number",
    valueAxisTitle: i.isPercent ? "%" : i.unit === "£" ? "£" : i.name,
    valueFormat: i.isPercent ? "0.0%" : i.unit === "£" ? '"£"#,##0.00' : "#,##0.00",
    ...(threshold
      ? { threshold: { value: threshold.value, text: formatPolicyPercent(threshold.value) } }
      : {}),
    altText,
  };
}
