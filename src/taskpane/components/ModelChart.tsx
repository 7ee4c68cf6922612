import { useId } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChartBlock } from "../../core";
import { chartLayout } from "../model/chartLayout";
import { FigureText } from "./ModelTable";
import { FORCED, useSvgChartStyles } from "./svgChartStyles";

const useStyles = makeStyles({
  figure: { margin: "8px 0 12px" },
  caption: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    marginBottom: "4px",
  },
  overflow: { overflow: "visible" },
  // Labels drawn over bars keep a halo of the background, so they stay legible.
  halo: {
    paintOrder: "stroke",
    stroke: tokens.colorNeutralBackground1,
    strokeWidth: "3px",
    strokeLinejoin: "round",
    [FORCED]: { stroke: "Canvas" },
  },
  series0: {
    fill: tokens.colorBrandBackground,
    stroke: tokens.colorBrandBackground,
    [FORCED]: { fill: "CanvasText", stroke: "CanvasText" },
  },
  series1: {
    fill: tokens.colorPaletteDarkOrangeBorderActive,
    stroke: tokens.colorPaletteDarkOrangeBorderActive,
    [FORCED]: { fill: "Highlight", stroke: "Highlight" },
  },
  series2: {
    fill: tokens.colorPaletteGreenBorderActive,
    stroke: tokens.colorPaletteGreenBorderActive,
    [FORCED]: { fill: "LinkText", stroke: "LinkText" },
  },
  series3: {
    fill: tokens.colorPaletteBerryBorderActive,
    stroke: tokens.colorPaletteBerryBorderActive,
    [FORCED]: { fill: "GrayText", stroke: "GrayText" },
  },
  emphasis: {
    stroke: tokens.colorNeutralForeground1,
    strokeWidth: 1.5,
    [FORCED]: { stroke: "CanvasText" },
  },
  line: { fill: "none", strokeWidth: 2 },
  threshold: {
    fill: "none",
    stroke: tokens.colorPaletteRedForeground1,
    strokeWidth: 2,
    strokeDasharray: "6 4",
    [FORCED]: { stroke: "LinkText" },
  },
  thresholdText: {
    fill: tokens.colorPaletteRedForeground1,
    fontSize: "10px",
    fontWeight: 600,
    paintOrder: "stroke",
    stroke: tokens.colorNeutralBackground1,
    strokeWidth: "3px",
    strokeLinejoin: "round",
    [FORCED]: { fill: "LinkText", stroke: "Canvas" },
  },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: "4px 12px",
    listStyle: "none",
    padding: 0,
    margin: "4px 0",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  swatch0: {
    backgroundColor: tokens.colorBrandBackground,
    [FORCED]: { backgroundColor: "CanvasText" },
  },
  swatch1: {
    backgroundColor: tokens.colorPaletteDarkOrangeBorderActive,
    [FORCED]: { backgroundColor: "Highlight" },
  },
  swatch2: {
    backgroundColor: tokens.colorPaletteGreenBorderActive,
    [FORCED]: { backgroundColor: "LinkText" },
  },
  swatch3: {
    backgroundColor: tokens.colorPaletteBerryBorderActive,
    [FORCED]: { backgroundColor: "GrayText" },
  },
  swatch: {
    [FORCED]: { forcedColorAdjust: "none" },
    display: "inline-block",
    width: "14px",
    height: "10px",
    marginRight: "4px",
    verticalAlign: "middle",
  },
  dash: {
    display: "inline-block",
    width: "16px",
    height: 0,
    marginRight: "4px",
    verticalAlign: "middle",
    borderTop: `2px dashed ${tokens.colorPaletteRedForeground1}`,
    [FORCED]: { forcedColorAdjust: "none", borderTopColor: "LinkText" },
  },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  summary: {
    cursor: "pointer",
    color: tokens.colorNeutralForeground2,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  table: { borderCollapse: "collapse", marginTop: "4px", fontVariantNumeric: "tabular-nums" },
  cell: {
    padding: "2px 6px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "left",
  },
  num: { textAlign: "right" },
  scroll: {
    overflowX: "auto",
    maxHeight: "260px",
    overflowY: "auto",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
});

type Styles = ReturnType<typeof useStyles>;

function seriesClass(styles: Styles, i: number): string {
  return [styles.series0, styles.series1, styles.series2, styles.series3][i % 4];
}

/**
 * A statement chart drawn small in the pane: an SVG with the chart's own text alternative
 * (role="img"), a legend in words, and the same figures as a table in a details element. Every
 * text is the core's; bars and lines are placed by chartLayout.
 */
export function ModelChart({
  chart,
  width = 320,
  height = 160,
}: {
  readonly chart: ChartBlock;
  readonly width?: number;
  readonly height?: number;
}) {
  const styles = useStyles();
  const marks = useSvgChartStyles();
  const id = useId();
  const layout = chartLayout(chart, { width, height });
  const dataSeries = chart.series.filter((s) => s.role === "data");
  const many = chart.categories.length > 12;
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-title`} data-chart={chart.id}>
      <div id={`${id}-title`} className={styles.caption}>
        {chart.title}
      </div>
      {layout.empty ? null : (
        <svg
          className={mergeClasses(marks.svg, styles.overflow)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={chart.altText}
          focusable="false"
        >
          {layout.maxLabel ? (
            <>
              <line
                className={marks.grid}
                x1={layout.plot.left}
                x2={layout.plot.right}
                y1={layout.maxLabel.y}
                y2={layout.maxLabel.y}
              />
              <text
                className={marks.text}
                x={layout.plot.left - 4}
                y={layout.maxLabel.y + 3}
                textAnchor="end"
              >
                {layout.maxLabel.text}
              </text>
            </>
          ) : null}
          {layout.bars.map((b, i) => (
            <rect
              key={i}
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
              className={mergeClasses(seriesClass(styles, b.series), b.emphasis && styles.emphasis)}
            >
              <title>{b.label}</title>
            </rect>
          ))}
          {layout.bars
            .filter((b) => b.emphasis)
            .map((b, i) => (
              <text
                key={`m${i}`}
                className={mergeClasses(marks.text, styles.halo)}
                x={Math.min(
                  layout.plot.right - 30,
                  Math.max(layout.plot.left + 30, b.x + b.width / 2)
                )}
                y={Math.max(10, b.y - 4)}
                textAnchor="middle"
                fontWeight={600}
              >
                ▼ this force
              </text>
            ))}
          {layout.lines.map((l, i) => (
            <polyline
              key={i}
              points={l.points.map((p) => `${p.x},${p.y}`).join(" ")}
              className={
                l.dashed
                  ? styles.threshold
                  : mergeClasses(styles.line, seriesClass(styles, l.series))
              }
              style={l.dashed ? undefined : { fill: "none" }}
            />
          ))}
          {layout.lines.map((l, i) =>
            l.labelAt ? (
              <text
                key={`t${i}`}
                className={styles.thresholdText}
                x={l.labelAt.x}
                y={l.labelAt.y}
                textAnchor="end"
              >
                {l.labelAt.text}
              </text>
            ) : null
          )}
          <line
            className={marks.axis}
            x1={layout.plot.left}
            x2={layout.plot.right}
            y1={layout.baseline}
            y2={layout.baseline}
          />
          {layout.categoryLabels.map((c, i) => (
            <text
              key={`c${i}`}
              className={marks.text}
              x={c.x}
              y={layout.height - 6}
              textAnchor="middle"
            >
              {c.text}
            </text>
          ))}
        </svg>
      )}
      <ul className={styles.legend} aria-label="Legend">
        {layout.legend.map((l, i) => (
          <li key={i}>
            {l.kind === "dashed" ? (
              <span className={styles.dash} aria-hidden="true" />
            ) : (
              <span
                className={mergeClasses(
                  styles.swatch,
                  [styles.swatch0, styles.swatch1, styles.swatch2, styles.swatch3][l.series % 4]
                )}
                aria-hidden="true"
              />
            )}
            {l.name}
            {l.kind === "dashed" ? " (dashed line)" : ""}
          </li>
        ))}
      </ul>
      <details className={styles.details}>
        <summary className={styles.summary}>Figures in this chart</summary>
        <div
          className={many ? styles.scroll : undefined}
          {...(many
            ? { tabIndex: 0, role: "region", "aria-label": `Figures: ${chart.title}` }
            : {})}
        >
          <table className={styles.table}>
            <caption className="vfm-visually-hidden">Figures: {chart.title}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>
                  {chart.categoryTitle}
                </th>
                {dataSeries.map((s) => (
                  <th key={s.name} scope="col" className={mergeClasses(styles.cell, styles.num)}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.categories.map((c, i) => (
                <tr key={i}>
                  <th scope="row" className={styles.cell}>
                    {c}
                  </th>
                  {dataSeries.map((s) => {
                    const p = s.points[i];
                    return (
                      <td key={s.name} className={mergeClasses(styles.cell, styles.num)}>
                        {p ? <FigureText figure={p} what={`${s.name}, ${c}`} /> : ""}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
