import { makeStyles, tokens } from "@fluentui/react-components";
import { Finding, findingPlace } from "../../core";
import { CellLink } from "./CellLink";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0 },
  item: {
    padding: "6px 0 6px 10px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    marginBottom: "6px",
    color: tokens.colorNeutralForeground1,
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

/** Findings in plain English: the severity in words, the message, the cell (a link) and the fix. */
export function FindingList({
  findings,
  label,
}: {
  readonly findings: readonly Finding[];
  readonly label: string;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {findings.map((f, i) => (
        <li
          key={i}
          className={[
            styles.item,
            f.severity === "error" ? styles.error : f.severity === "warning" ? styles.warning : "",
          ].join(" ")}
          data-code={f.code}
        >
          <strong>{SEVERITY_WORDS[f.severity]}:</strong> {f.message}
          {f.cell ? (
            <span className={styles.where}>
              Cell: <CellLink cells={[f.cell]} />
            </span>
          ) : findingPlace(f) ? (
            <span className={styles.where}>Sheet: {findingPlace(f)}</span>
          ) : null}
          {f.fix ? <span className={styles.fix}>How to fix: {f.fix}</span> : null}
        </li>
      ))}
    </ul>
  );
}
