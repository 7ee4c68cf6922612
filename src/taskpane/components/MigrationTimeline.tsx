import { makeStyles, tokens } from "@fluentui/react-components";
import { MigrationItem } from "../model/benchmarks";
import { timelineLayout } from "../model/timeline";
import { CellLink } from "./CellLink";
import { FORCED, useSvgChartStyles } from "./svgChartStyles";

const useStyles = makeStyles({
  due: {
    fill: tokens.colorNeutralBackground1,
    stroke: tokens.colorBrandForeground1,
    strokeWidth: 2,
    [FORCED]: { fill: "Canvas", stroke: "CanvasText" },
  },
  ring: {
    fill: "none",
    stroke: tokens.colorBrandForeground1,
    strokeWidth: 1.5,
    [FORCED]: { stroke: "CanvasText" },
  },
  planned: { fill: tokens.colorBrandForeground1, [FORCED]: { fill: "CanvasText" } },
  late: { fill: tokens.colorPaletteRedForeground1, [FORCED]: { fill: "Highlight" } },
  link: {
    stroke: tokens.colorNeutralForeground3,
    strokeWidth: 1,
    [FORCED]: { stroke: "GrayText" },
  },
  list: { margin: "4px 0 0", paddingLeft: "22px", fontSize: tokens.fontSizeBase200 },
  desc: { display: "block", color: tokens.colorNeutralForeground1, marginBottom: "4px" },
  lateWord: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  legend: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    margin: "2px 0",
  },
});

/**
 * When each contract should move to its national framework (open circle) and when the force
 * plans to (filled diamond; red and marked "late" when after the due date). The numbered list
 * below says the same in words, with links to the contracts' rows.
 */
export function MigrationTimeline({ items }: { readonly items: readonly MigrationItem[] }) {
  const styles = useStyles();
  const chart = useSvgChartStyles();
  const layout = timelineLayout(items, { width: 400, labelWidth: 120 });
  const shown = items.slice(0, layout.rows.length);
  const late = items.filter((i) => i.late).length;
  const alt =
    `Timeline of ${items.length} contract${items.length === 1 ? "" : "s"} still to move to national frameworks` +
    (late > 0 ? `, ${late} planned later than due` : "") +
    ". The list below gives each one's dates.";
  return (
    <div data-testid="migration-timeline">
      <svg
        className={chart.svg}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={alt}
      >
        {layout.ticks.map((t, i) => (
          <g key={i}>
            <line className={chart.grid} x1={t.x} x2={t.x} y1={4} y2={layout.axisY} />
            <text className={chart.text} x={t.x + 2} y={layout.axisY + 13}>
              {t.text}
            </text>
          </g>
        ))}
        <line
          className={chart.axis}
          x1={layout.left}
          x2={layout.right}
          y1={layout.axisY}
          y2={layout.axisY}
        />
        {layout.rows.map((r) => (
          <g key={r.number}>
            <text className={chart.text} x={4} y={r.y + 3}>
              {r.shortLabel}
            </text>
            {r.plannedX !== null ? (
              <line className={styles.link} x1={r.dueX} x2={r.plannedX} y1={r.y} y2={r.y} />
            ) : null}
            {/* A move planned within days of the date due: the circle rings the diamond. */}
            <circle
              className={r.together ? styles.ring : styles.due}
              cx={r.dueX}
              cy={r.y}
              r={r.together ? 7.5 : 4}
              data-mark="due"
            />
            {r.plannedX !== null ? (
              <path
                data-mark="planned"
                className={r.late ? styles.late : styles.planned}
                d={`M ${r.plannedX} ${r.y - 5} L ${r.plannedX + 5} ${r.y} L ${r.plannedX} ${r.y + 5} L ${r.plannedX - 5} ${r.y} Z`}
              />
            ) : null}
          </g>
        ))}
      </svg>
      <p className={styles.legend}>
        Open circle: move by. Diamond: planned move. A diamond inside a ring: planned within days of
        the date due. Rows are numbered as in the list below.
      </p>
      <ol className={styles.list} aria-label="Contracts still to move">
        {shown.map((i, n) => (
          <li key={n}>
            <CellLink cells={[i.cell]} what="Contract">
              {i.label}
            </CellLink>
            <span className={styles.desc}>
              {i.description} {i.late ? <span className={styles.lateWord}>Late.</span> : null}
            </span>
          </li>
        ))}
      </ol>
      {items.length > shown.length ? (
        <p className={styles.legend}>
          {items.length - shown.length} more in the migration schedule below.
        </p>
      ) : null}
    </div>
  );
}
