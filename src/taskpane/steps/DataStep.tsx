import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CellRef, formatRef } from "../../core/grid";
import { findingPlace } from "../../core/findings";
import { StepProps } from "../Steps";

const useStyles = makeStyles({
  section: { marginBottom: "16px" },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "8px 0" },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** A cell reference the user can follow: selects the cell in Excel, highlights it in the preview. */
export function CellLink({ cell, gateway }: { cell: CellRef; gateway: StepProps["gateway"] }) {
  return (
    <Link
      as="button"
      onClick={() => void gateway.selectCell(cell)}
      aria-label={`Go to cell ${formatRef(cell)}`}
    >
      {formatRef(cell)}
    </Link>
  );
}

/** What the add-in found in the workbook, where, and what is missing or doubtful. */
export function DataStep({ gateway, result }: StepProps) {
  const styles = useStyles();
  const { data, findings } = result;
  return (
    <>
      <section className={styles.section} aria-labelledby="data-sheets">
        <h2 id="data-sheets" className={styles.h2}>
          Sheets read
        </h2>
        {data.sheetsUsed.length === 0 ? (
          <Text className={styles.muted}>
            No budget, workforce, procurement or savings sheets were recognised.
          </Text>
        ) : (
          <Table size="small" aria-label="Sheets read">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Sheet</TableHeaderCell>
                <TableHeaderCell>Read as</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.sheetsUsed.map((s) => (
                <TableRow key={`${s.sheet}-${s.as}`}>
                  <TableCell>{s.sheet}</TableCell>
                  <TableCell>{s.how}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section className={styles.section} aria-labelledby="data-findings">
        <h2 id="data-findings" className={styles.h2}>
          Missing or doubtful ({findings.length})
        </h2>
        {findings.length === 0 ? (
          <Text className={styles.muted}>Nothing missing or doubtful was found.</Text>
        ) : (
          <ul>
            {findings.map((f, i) => (
              <li key={i}>
                <strong>
                  {f.severity === "error" ? "Error" : f.severity === "warning" ? "Warning" : "Note"}
                  :
                </strong>{" "}
                {f.message}{" "}
                {f.cell ? (
                  <CellLink cell={f.cell} gateway={gateway} />
                ) : findingPlace(f) ? (
                  `(${findingPlace(f)})`
                ) : null}
                {f.fix ? <div className={styles.muted}>{f.fix}</div> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
