/**
 * Where each mark of a statement chart goes in the task pane's small SVG: pure layout from the
 * chart's figures (scaling values to pixels), no arithmetic on the figures themselves and no
 * formatting: every label is a text the core already wrote (a point's text, the threshold's).
 */
import { ChartBlock, DisplayFigure, THIS_FORCE } from "../../core";

export interface ChartBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Index among the chart's data series (decides the colour). */
  readonly series: number;
  readonly category: number;
  /** "Overtime as % of paybill, 2010/11: 5.2%". */
  readonly label: string;
  /** The force's own bar in a ranked chart: drawn with a marker as well as its colour. */
  readonly emphasis: boolean;
}

export interface ChartLine {
  readonly points: readonly { readonly x: number; readonly y: number }[];
  readonly dashed: boolean;
  /** Index among data series for a line chart's data; -1 for threshold and path lines. */
  readonly series: number;
  readonly name: string;
  /** Where the line's words go (its right end), for threshold lines. */
  readonly labelAt?: { readonly x: number; readonly y: number; readonly text: string };
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  /** The zero line. */
  readonly baseline: number;
  readonly bars: readonly ChartBar[];
  readonly lines: readonly ChartLine[];
  /** The largest value's own text, at its height, for the one value-axis label. */
  readonly maxLabel?: { readonly y: number; readonly text: string };
  /** Category names under the columns; omitted when there are too many to read. */
  readonly categoryLabels: readonly { readonly x: number; readonly text: string }[];
  /** Legend entries: data series, then lines. */
  readonly legend: readonly {
    readonly name: string;
    readonly series: number;
    readonly kind: "bar" | "line" | "dashed";
  }[];
  /** True when the chart has no figure at all to draw. */
  readonly empty: boolean;
}

export interface LayoutOptions {
  readonly width?: number;
  readonly height?: number;
  /** Most category labels drawn under the columns. */
  readonly maxCategoryLabels?: number;
}

function num(p: DisplayFigure | null | undefined): number | null {
  return p && typeof p.value === "number" && Number.isFinite(p.value) ? p.value : null;
}

/** Text shortened to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, Math.max(1, max - 1)) + "…" : text;
}

const round = (v: number) => Math.round(v * 10) / 10;

export function chartLayout(chart: ChartBlock, options: LayoutOptions = {}): ChartLayout {
  const width = options.width ?? 320;
  const height = options.height ?? 160;
  const maxLabels = options.maxCategoryLabels ?? 8;
  const data = chart.series.filter((s) => s.role === "data");
  const others = chart.series.filter((s) => s.role !== "data");
  const values: number[] = [];
  for (const s of chart.series) for (const p of s.points) if (num(p) !== null) values.push(num(p)!);
  if (chart.threshold) values.push(chart.threshold.value);
  const hasData = data.some((s) => s.points.some((p) => num(p) !== null));
  let maxPoint: DisplayFigure | undefined;
  for (const s of data)
    for (const p of s.points) {
      const v = num(p);
      if (v !== null && (maxPoint === undefined || v > (num(maxPoint) ?? -Infinity))) maxPoint = p!;
    }
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const n = chart.categories.length;
  const showCategories = n > 0 && n <= maxLabels;
  const labelChars = Math.max(4, maxPoint ? maxPoint.text.length : 4);
  const plot = {
    left: Math.min(96, 8 + labelChars * 6.5),
    top: 14,
    right: width - 8,
    bottom: height - (showCategories ? 22 : 8),
  };
  const plotW = plot.right - plot.left;
  const plotH = plot.bottom - plot.top;
  const y = (v: number) => round(plot.top + plotH - ((v - min) / span) * plotH);
  const band = plotW / Math.max(1, n);
  const centre = (i: number) => round(plot.left + i * band + band / 2);

  const bars: ChartBar[] = [];
  const lines: ChartLine[] = [];
  const asLines = chart.chartType === "line";
  if (!asLines)
    for (let c = 0; c < n; c++) {
      const present = data
        .map((s, si) => ({ s, si, v: num(s.points[c]) }))
        .filter((d) => d.v !== null);
      const barW = (band * 0.72) / Math.max(1, present.length);
      const start = plot.left + c * band + band * 0.14;
      const emphasis = chart.categories[c]?.includes(THIS_FORCE) ?? false;
      present.forEach((d, k) => {
        const v = d.v!;
        const top = Math.min(y(v), y(0));
        bars.push({
          x: round(start + k * barW),
          y: top,
          width: Math.max(1, round(barW)),
          height: Math.max(1, round(Math.abs(y(v) - y(0)))),
          series: d.si,
          category: c,
          label: `${d.s.name}, ${chart.categories[c]}: ${d.s.points[c]!.text}`,
          emphasis,
        });
      });
    }
  else
    data.forEach((s, si) =>
      lines.push({
        points: s.points
          .map((p, i) => (num(p) === null ? null : { x: centre(i), y: y(num(p)!) }))
          .filter((p): p is { x: number; y: number } => p !== null),
        dashed: false,
        series: si,
        name: s.name,
      })
    );
  for (const s of others) {
    const vs = s.points.map(num);
    const known = vs.filter((v): v is number => v !== null);
    if (known.length === 0) continue;
    const flat = known.every((v) => v === known[0]);
    const points = flat
      ? [
          { x: plot.left, y: y(known[0]) },
          { x: plot.right, y: y(known[0]) },
        ]
      : vs
          .map((v, i) => (v === null ? null : { x: centre(i), y: y(v) }))
          .filter((p): p is { x: number; y: number } => p !== null);
    const last = points[points.length - 1];
    lines.push({
      points,
      dashed: true,
      series: -1,
      name: s.name,
      ...(s.role === "threshold" && chart.threshold
        ? { labelAt: { x: last.x, y: last.y - 3, text: chart.threshold.text } }
        : {}),
    });
  }
  return {
    width,
    height,
    plot,
    baseline: y(0),
    bars,
    lines,
    ...(maxPoint ? { maxLabel: { y: y(num(maxPoint)!), text: maxPoint.text } } : {}),
    categoryLabels: showCategories
      ? chart.categories.map((c, i) => ({
          x: centre(i),
          text: shorten(c, Math.max(3, Math.floor(band / 6.5))),
        }))
      : [],
    legend: [
      ...data.map((s, si) => ({
        name: s.name,
        series: si,
        kind: asLines ? ("line" as const) : ("bar" as const),
      })),
      ...others.map((s) => ({ name: s.name, series: -1, kind: "dashed" as const })),
    ],
    empty: !hasData,
  };
}
