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
import { listWords, numberInWords } from "../../plainEnglish";

/** One column of the chart (SkiSlopeBar in analysis/peers.ts fits it). */
export interface RankedBar {
  readonly name: string;
  readonly value: number;
  readonly cell?: CellRef;
  readonly isForce: boolean;
  readonly inGroup?: boolean;
  /** Not on the same footing as the others (SkiSlopeBar.notComparable): its label says so. */
  readonly notComparable?: true;
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

/** Words added to the label of a figure not on the same footing (left out of the quartiles). */
export const NOT_COMPARABLE = "(not comparable)";

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
 * A column more than OUTLIER_RATIO times the height of the next tallest runs off the top of the
 * scale: one force far from the rest (City of London's officers per 1,000 residents, 67.45 against
 * at most 4.22 elsewhere) would otherwise flatten every other column into the axis. The test is
 * repeated, so two such forces both run off; at least MIN_ON_SCALE columns stay on the scale.
 */
export const OUTLIER_RATIO = 2;
const MIN_ON_SCALE = 5;

/** A round number at or above v, with a little headroom: 4.22 -> 4.5, 315.3 -> 350. */
export function roundAxisTop(v: number): number {
  if (!(v > 0)) return 1;
  const target = v * 1.05;
  const step = Math.pow(10, Math.floor(Math.log10(target))) / 2;
  // Worked in whole steps, so the result carries no binary fraction (4.5, not 4.500000001).
  const steps = Math.ceil(Number((target / step).toFixed(9)));
  return Number((steps * step).toPrecision(12));
}

export interface ChartScale {
  /** The value axis' top, where a column runs off it; undefined when every column fits. */
  readonly axisMaximum?: number;
  /** The columns that run off the top, tallest first. */
  readonly offScale: readonly RankedBar[];
}

/** Where the value axis stops for these columns (and the threshold line, which always shows). */
export function rankedScale(bars: readonly RankedBar[], threshold?: number): ChartScale {
  const byHeight = [...bars].filter((b) => b.value > 0).sort((a, b) => b.value - a.value);
  const offScale: RankedBar[] = [];
  while (
    byHeight.length - offScale.length > MIN_ON_SCALE &&
    byHeight[offScale.length].value > OUTLIER_RATIO * byHeight[offScale.length + 1].value
  )
    offScale.push(byHeight[offScale.length]);
  if (offScale.length === 0) return { offScale };
  const tallestOn = byHeight[offScale.length].value;
  return {
    axisMaximum: roundAxisTop(Math.max(tallestOn, threshold ?? 0)),
    offScale,
  };
}

/** "City of London Police (67.45, off the scale)": the label says what the cut column does not show. */
function offScaleLabel(i: RankedIndicator, b: RankedBar): string {
  return `${b.name} (${valueText(i, b.value)}, off the scale)`;
}

/**
 * The ski-slope chart for an indicator, or undefined when it has no figures to rank.
 * `force` names the force's own series (e.g. "Exampleshire Constabulary").
 */
export function skiSlopeChart(i: RankedIndicator, force: string): ChartBlock | undefined {
  const bars = i.chart?.bars ?? [];
  if (bars.length === 0) return undefined;
  const forceAt = bars.findIndex((b) => b.isForce);
  const threshold = i.chart?.threshold;
  const scale = rankedScale(bars, threshold?.value);
  const off = new Set(scale.offScale);
  const categories = bars.map((b) => {
    const shown = off.has(b) ? offScaleLabel(i, b) : b.name;
    const name = b.notComparable ? `${shown} ${NOT_COMPARABLE}` : shown;
    return b.isForce ? `${name} ${THIS_FORCE}` : name;
  });
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
    (threshold
      ? ` The ${formatPolicyPercent(threshold.value)} threshold is drawn as a line.`
      : "") +
    (scale.axisMaximum !== undefined
      ? ` The scale stops at ${valueText(i, scale.axisMaximum)}: ${listWords(scale.offScale.map((b) => `${b.name} (${valueText(i, b.value)})`))} ${scale.offScale.length === 1 ? "runs" : "run"} off the top.`
      : "");
  const note =
    scale.axisMaximum !== undefined
      ? `The scale stops at ${valueText(i, scale.axisMaximum)} so that the other forces can be told apart: ${listWords(scale.offScale.map((b) => `${b.name} (${valueText(i, b.value)})`))}, more than ${OUTLIER_RATIO === 2 ? "twice" : `${numberInWords(OUTLIER_RATIO)} times`} the next highest, ${scale.offScale.length === 1 ? "runs" : "run"} off the top, and the label gives the figure.`
      : undefined;
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
    ...(scale.axisMaximum !== undefined ? { axisMaximum: scale.axisMaximum } : {}),
    ...(note ? { note } : {}),
  };
}
