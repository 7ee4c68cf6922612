/**
 * "Check a published statement…": a Word statement (or its working papers) chosen from disk is
 * read here, in the pane (nothing leaves the computer), and checked against the open workbook
 * as `vfm check STATEMENT.docx --workbook` does: the statement is drafted again from the
 * workbook, written by the same Word renderer and read back by the same reader (src/docx), and
 * every figure, status word and year that differs is named by its place in the document.
 */
import { useState } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { checkWorkbookWithStatement } from "../../core";
import { DocumentCheckView, documentCheckView } from "../model/check";
import { usePane } from "../PaneContext";
import { CellLink } from "./CellLink";
import { FileChooser } from "./FileChooser";

const useStyles = makeStyles({
  box: { margin: "4px 0 8px" },
  small: {
    display: "block",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  list: { listStyle: "none", padding: 0, margin: "4px 0" },
  item: {
    padding: "6px 0 6px 10px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    marginBottom: "8px",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
});

type State =
  | { readonly kind: "none" }
  | { readonly kind: "reading"; readonly file: string }
  | { readonly kind: "error"; readonly message: string }
  | { readonly kind: "done"; readonly file: string; readonly view: DocumentCheckView };

export function PublishedStatementCheck() {
  const styles = useStyles();
  const { result } = usePane();
  const [state, setState] = useState<State>({ kind: "none" });

  const open = async (file: File) => {
    setState({ kind: "reading", file: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Mammoth, the Word renderer and the Excel renderer load only when a document is checked.
      const [
        { readDocxBlocks, DocxReadError },
        { publishedStatementOf },
        { renderStatementWritePlan },
      ] = await Promise.all([
        import(/* webpackChunkName: "docx-check" */ "../../docx/read"),
        import(/* webpackChunkName: "docx-check" */ "../../docx/published"),
        import(/* webpackChunkName: "render-excel" */ "../../render/excel"),
      ]);
      let found;
      try {
        found = await readDocxBlocks(bytes);
      } catch (err) {
        if (err instanceof DocxReadError) {
          setState({ kind: "error", message: `${file.name} is ${err.message}.` });
          return;
        }
        throw err;
      }
      const published = await publishedStatementOf(result, found, {
        document: file.name,
        ...(result.workbook.fileName ? { workbook: result.workbook.fileName } : {}),
      });
      const report = checkWorkbookWithStatement(result, renderStatementWritePlan, {
        publishedStatement: published,
      });
      setState({ kind: "done", file: file.name, view: documentCheckView(report, file.name) });
    } catch (err) {
      setState({
        kind: "error",
        message: `${file.name} could not be checked: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
      });
    }
  };

  return (
    <div className={styles.box} data-testid="document-check">
      <FileChooser
        label="Check a published statement…"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        testId="document-check-input"
        onFile={(file) => void open(file)}
      />
      <Text as="p" className={styles.small}>
        Opens the Word statement (.docx) the Police Authority published, or its working papers, and
        compares every figure, status word and year in it with what this workbook gives. It is read
        here, in the pane; nothing leaves this computer.
      </Text>
      <div aria-live="polite">
        {state.kind === "reading" ? <Text>Reading {state.file}…</Text> : null}
        {state.kind === "error" ? <Text role="alert">{state.message}</Text> : null}
        {state.kind === "done" ? (
          <div data-testid="document-check-result">
            <Text as="p">{state.view.headline}</Text>
            {state.view.findings.length > 0 ? (
              <ul className={styles.list} aria-label={`Differences in ${state.file}`}>
                {state.view.findings.map((f, i) => (
                  <li
                    key={i}
                    className={[
                      styles.item,
                      f.severity === "Error" ? styles.error : styles.warning,
                    ].join(" ")}
                  >
                    <strong>{f.severity}:</strong> {f.message}
                    {f.place ? (
                      <span className={styles.small}>In the document: {f.place}</span>
                    ) : null}
                    {f.cell ? (
                      <span className={styles.small}>
                        Should match: <CellLink cells={[f.cell]} />
                      </span>
                    ) : null}
                    <span className={styles.small}>
                      Rule: {f.ruleTitle} ({f.paragraph})
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            <ul className={styles.list} aria-label="The document rules">
              {state.view.rules.map((r) => (
                <li key={r.title} className={styles.small}>
                  {r.title}: {r.outcome}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}
