import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Finding, findingPlace } from "../../core";
import { CellLink } from "./CellLink";
import { useGridKeys } from "./gridKeys";

const useStyles = makeStyles({
  list: { padding: 0, margin: 0 },
  item: {
    display: "block",
    padding: "6px 0 6px 10px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    marginBottom: "6px",
    color: tokens.colorNeutralForeground1,
  },
  cell: {
    display: "block",
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  fix: {
    display: "block",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  where: { display: "block", fontSize: tokens.fontSizeBase200 },
});

export const SEVERITY_WORDS = { error: "Error", warning: "Warning", info: "Note" } as const;

/**
 * Findings in plain English: the severity in words, the message, the cell (a link) and the fix.
 * One Tab stop for the whole list: Up and Down move between findings, Right to the cell link,
 * Enter goes to the cell (the grid pattern, gridKeys.ts).
 */
export function FindingList({
  findings,
  label,
}: {
  readonly findings: readonly Finding[];
  readonly label: string;
}) {
  const styles = useStyles();
  const grid = useGridKeys<HTMLDivElement>();
  return (
    <div
      ref={grid.ref}
      className={styles.list}
      role="grid"
      aria-readonly="true"
      aria-label={label}
      onKeyDown={grid.onKeyDown}
      onFocus={grid.onFocus}
    >
      {findings.map((f, i) => (
        <div
          key={i}
          role="row"
          className={[
            styles.item,
            f.severity === "error" ? styles.error : f.severity === "warning" ? styles.warning : "",
          ].join(" ")}
          data-code={f.code}
        >
          <span role="gridcell" className={styles.cell}>
            <strong>{SEVERITY_WORDS[f.severity]}:</strong> {f.message}
            {f.fix ? <span className={styles.fix}>How to fix: {f.fix}</span> : null}
          </span>
          {f.cell ? (
            <span role="gridcell" className={mergeClasses(styles.cell, styles.where)}>
              Cell: <CellLink cells={[f.cell]} />
            </span>
          ) : findingPlace(f) ? (
            <span role="gridcell" className={mergeClasses(styles.cell, styles.where)}>
              Sheet: {findingPlace(f)}
            </span>
          ) : null}
        </div>
      ))}
    </div>
  );
}
