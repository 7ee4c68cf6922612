import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CancelledError, Statement, WriteResult, noPoliceFigures } from "../../core";
import { statementFor } from "../model/statement";
import { DOCX_MIME, statementFileName } from "../model/files";
import { usePane } from "../PaneContext";
import { nextFrame } from "../useVfm";
import { useOperation } from "../useOperation";
import { downloadBytes } from "../download";
import { OperationStatus } from "../components/Status";
import { Section } from "../components/Section";
import { WriteReport } from "../components/WriteReport";
import { StatementAuthority } from "./StatementAuthority";

const useStyles = makeStyles({
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "4px 0 8px" },
  muted: { color: tokens.colorNeutralForeground2 },
  done: { margin: "6px 0", color: tokens.colorNeutralForeground1 },
  paper: {
    backgroundColor: "#ffffff",
    color: "#1b1b1b",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px 12px",
    overflowX: "auto",
    fontSize: tokens.fontSizeBase200,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
    // Each wide table (and a chart's table of figures) scrolls in its own box to its last
    // column, with its first column kept in view.
    "& .vfm-table-wrap, & figure": {
      overflowX: "auto",
      maxWidth: "100%",
      margin: "0",
      ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
    },
    "& .vfm-table th:first-child": {
      position: "sticky",
      left: 0,
      zIndex: 1,
      backgroundColor: "#ffffff",
    },
    "& .vfm-table thead th:first-child": { backgroundColor: "#dde4f0" },
  },
});

/** The two documents drafted together: the statement for publication and its working papers. */
type DocumentKind = "statement" | "papers";

/** What the pane says where the host cannot save files (Excel for Mac and iPad). */
export const NO_DOWNLOADS_TEXT =
  "This version of Excel does not let add-ins save files, so the Word documents cannot be downloaded here. Use Generate into the workbook above: the statement sheet is laid out for A4, so you can print it or save it as a PDF from Excel (File, Print), or copy it into Word. To get the .docx file itself, open this workbook in Excel on the web or Excel for Windows and download it there.";

function check(cancel: { readonly aborted: boolean }): void {
  if (cancel.aborted) throw new CancelledError();
}

/** The statement: write it into the workbook, download it for Word, or read it here. */
export function StatementStep() {
  const styles = useStyles();
  const { gateway, result, reload } = usePane();
  const write = useOperation();
  const word = useOperation();
  const htmlOp = useOperation();
  const [written, setWritten] = useState<WriteResult | undefined>();
  const [downloaded, setDownloaded] = useState<string | undefined>();
  const [preview, setPreview] = useState<
    { html: string; css: string; document: DocumentKind } | undefined
  >();
  const busy = write.running || word.running || htmlOp.running;
  // A workbook with no police figures cannot give a statement: say why, and what to open.
  const refused = useMemo(
    () =>
      noPoliceFigures(
        result.data,
        result.workbook.sheets
          .filter((x) => !x.addinOwned && (x.visibility ?? "visible") === "visible")
          .map((x) => x.name)
      ),
    [result]
  );
  const paper = useRef<HTMLDivElement | null>(null);
  // A table wider than the pane scrolls in its own box; the keyboard can reach it too.
  useEffect(() => {
    for (const box of paper.current?.querySelectorAll<HTMLElement>(".vfm-table-wrap, figure") ??
      []) {
      if (box.scrollWidth <= box.clientWidth) continue;
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      const caption = box.querySelector("caption, figcaption")?.textContent ?? "A table";
      box.setAttribute("aria-label", `${caption} (scrolls sideways)`);
    }
  }, [preview]);

  const draft = async (cancel: { readonly aborted: boolean }): Promise<Statement> => {
    await nextFrame();
    check(cancel);
    return statementFor(result, new Date().toISOString());
  };

  const generate = async () => {
    setWritten(undefined);
    const done = await write.run(
      "writing the statement",
      "Writing the statement into the workbook",
      async (c) => {
        c.onProgress({ phase: "writing", done: 0, total: 1, label: "Drafting the statement" });
        const statement = await draft(c.cancel);
        const { renderStatementWritePlan } = await import(
          /* webpackChunkName: "render-excel" */ "../../render/excel"
        );
        check(c.cancel);
        return gateway.applyWritePlan(renderStatementWritePlan(statement), c);
      }
    );
    if (done) {
      setWritten(done);
      // Read the workbook again, so the Check step sees the statement just written.
      reload();
    }
  };

  const makeWord = async (document: DocumentKind) => {
    setDownloaded(undefined);
    const what = document === "papers" ? "the working papers" : "the statement";
    const name = await word.run(
      "making the Word document",
      `Making ${what} as a Word document`,
      async (c) => {
        c.onProgress({ phase: "writing", done: 0, total: 2, label: "Drafting the statement" });
        const statement = await draft(c.cancel);
        c.onProgress({ phase: "writing", done: 1, total: 2, label: "Laying out the document" });
        const { renderPapersDocx, renderStatementDocx } = await import(
          /* webpackChunkName: "docx" */ "../../render/docx"
        );
        check(c.cancel);
        const bytes =
          document === "papers"
            ? await renderPapersDocx(statement)
            : await renderStatementDocx(statement);
        check(c.cancel);
        const fileName = statementFileName(
          statement.force,
          statement.generatedAt,
          "docx",
          document === "papers"
            ? "Value for Money Statement working papers"
            : "Value for Money Statement"
        );
        downloadBytes(bytes, fileName, DOCX_MIME);
        return fileName;
      }
    );
    if (name) setDownloaded(name);
  };

  const showHtml = async (document: DocumentKind) => {
    if (preview?.document === document) {
      setPreview(undefined);
      return;
    }
    const out = await htmlOp.run("drafting the preview", "Drafting the preview", async (c) => {
      const statement = await draft(c.cancel);
      const { renderStatementHtml, STATEMENT_CSS } = await import(
        /* webpackChunkName: "render-html" */ "../../render/html"
      );
      check(c.cancel);
      return {
        html: renderStatementHtml(statement, { titleLevel: 3, document }),
        css: STATEMENT_CSS,
        document,
      };
    });
    if (out) setPreview(out);
  };

  if (refused)
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="statement-refused">
        <MessageBarBody>
          <MessageBarTitle>{refused.title}</MessageBarTitle>
          <p>{refused.why}</p>
          <p>{refused.instead}</p>
        </MessageBarBody>
      </MessageBar>
    );

  return (
    <>
      <StatementAuthority />
      <Section
        id="statement-generate"
        title="Generate into the workbook"
        intro="Writes the statement, its charts and its working papers on sheets of the add-in's own. Your sheets are never changed: if one of yours already has the name, the add-in uses another."
      >
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void generate()} disabledFocusable={busy}>
            Generate into the workbook
          </Button>
        </div>
        <OperationStatus op={write} />
        {written ? <WriteReport result={written} title="The statement was written" /> : null}
      </Section>
      <Section
        id="statement-word"
        title="Download the Word documents"
        intro="Two .docx files: the statement, with its tables and charts, ready to edit and publish; and the working papers, where every figure came from, the settings used and the points to check, for the Authority's files and the inspector."
      >
        {gateway.canSaveFiles === false ? (
          // Never a button that would seem to work and save nothing.
          <p className={styles.done} role="note" data-testid="no-downloads">
            {NO_DOWNLOADS_TEXT}
          </p>
        ) : (
          <div className={styles.actions}>
            <Button onClick={() => void makeWord("statement")} disabledFocusable={busy}>
              Download the statement
            </Button>
            <Button onClick={() => void makeWord("papers")} disabledFocusable={busy}>
              Download the working papers
            </Button>
          </div>
        )}
        <OperationStatus op={word} />
        {downloaded ? (
          <p className={styles.done} role="status">
            Downloaded {downloaded}.
          </p>
        ) : null}
      </Section>
      <Section
        id="statement-preview"
        title="Preview"
        intro="Read the statement, or its working papers, here before writing them anywhere."
      >
        <div className={styles.actions}>
          <Button
            onClick={() => void showHtml("statement")}
            disabledFocusable={busy && !preview}
            aria-expanded={preview?.document === "statement"}
          >
            {preview?.document === "statement" ? "Hide the preview" : "Preview the statement"}
          </Button>
          <Button
            onClick={() => void showHtml("papers")}
            disabledFocusable={busy && !preview}
            aria-expanded={preview?.document === "papers"}
          >
            {preview?.document === "papers"
              ? "Hide the working papers"
              : "Preview the working papers"}
          </Button>
        </div>
        <OperationStatus op={htmlOp} />
        {preview ? (
          <>
            <style>{preview.css}</style>
            {/* renderStatementHtml escapes every text from the model and emits no script or event attribute. */}
            <div
              ref={paper}
              className={styles.paper}
              role="region"
              aria-label={
                preview.document === "papers" ? "Working papers preview" : "Statement preview"
              }
              tabIndex={0}
              data-testid="statement-preview"
              dangerouslySetInnerHTML={{ __html: preview.html }}
            />
          </>
        ) : (
          <Text className={styles.muted}>
            The preview is drafted from the figures as they are now.
          </Text>
        )}
      </Section>
    </>
  );
}
