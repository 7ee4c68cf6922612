import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from "@fluentui/react-components";
import { WriteResult } from "../../core";
import { usePane } from "../PaneContext";

const useStyles = makeStyles({
  list: { margin: "4px 0 0", paddingLeft: "18px" },
  item: { marginBottom: "4px" },
  go: { marginLeft: "6px" },
});

/**
 * What a write did, sheet by sheet: written (with a button to go there), replaced, renamed or
 * left alone because a sheet of that name already existed; and any optional setting Excel did
 * not accept (a page layout, a chart's styling), which the sheets were written without.
 */
export function WriteReport({
  result,
  title,
}: {
  readonly result: WriteResult;
  readonly title: string;
}) {
  const styles = useStyles();
  const { goToSheet } = usePane();
  const written = result.sheets.filter((s) => s.actual);
  const notes = result.notes ?? [];
  const intent = written.length === 0 ? "info" : notes.length > 0 ? "warning" : "success";
  return (
    <MessageBar intent={intent} layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list} aria-label="Sheets">
          {result.sheets.map((s) => (
            <li key={s.planned} className={styles.item} data-sheet={s.actual ?? s.planned}>
              {s.actual
                ? `${s.replaces ? "Replaced" : "Wrote"} the sheet "${s.actual}".`
                : `Left "${s.planned}" as it was.`}{" "}
              {s.note ? s.note : null}
              {s.actual ? (
                <Button
                  size="small"
                  className={styles.go}
                  onClick={() => goToSheet(s.actual!)}
                  aria-label={`Go to the sheet ${s.actual}`}
                >
                  Go to it
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {notes.length > 0 ? (
          <ul className={styles.list} aria-label="Settings left out" data-testid="write-notes">
            {notes.map((n) => (
              <li key={n} className={styles.item}>
                {n}
              </li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
