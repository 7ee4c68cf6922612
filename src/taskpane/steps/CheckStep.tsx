import { useCallback, useEffect, useState } from "react";
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckReport, checkWorkbookWithStatement, isIsoDate, WriteResult } from "../../core";
import { checkView } from "../model/check";
import { usePane } from "../PaneContext";
import { nextFrame } from "../useVfm";
import { useOperation } from "../useOperation";
import { CellLink } from "../components/CellLink";
import { RagText } from "../components/RagText";
import { OperationStatus } from "../components/Status";
import { Section } from "../components/Section";
import { WriteReport } from "../components/WriteReport";
import { PublishedStatementCheck } from "../components/PublishedStatementCheck";

const useStyles = makeStyles({
  overall: {
    display: "flex",
    gap: "8px",
    alignItems: "center",
    flexWrap: "wrap",
    margin: "0 0 4px",
  },
  rule: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    margin: "0 0 8px",
  },
  list: { listStyle: "none", padding: 0, margin: 0 },
  item: {
    padding: "6px 0 6px 10px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    marginBottom: "8px",
  },
  area: { padding: "4px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  small: {
    display: "block",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  actions: {
    display: "flex",
    gap: "8px",
    flexWrap: "wrap",
    alignItems: "flex-end",
    margin: "8px 0",
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: "2px 6px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "left",
    verticalAlign: "top",
  },
  summary: {
    cursor: "pointer",
    color: tokens.colorNeutralForeground2,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  date: { maxWidth: "160px" },
});

/** Check: the statement and figures as an inspector would check them, with cell links. */
export function CheckStep() {
  const styles = useStyles();
  const { result } = usePane();
  const op = useOperation();
  const { run } = op;
  const [report, setReport] = useState<CheckReport | undefined>();
  const [today, setToday] = useState("");

  const runCheck = useCallback(async () => {
    const r = await run("checking", "Checking the workbook", async (c) => {
      // The check drafts the statement again to compare it with a generated statement sheet.
      const { renderStatementWritePlan } = await import(
        /* webpackChunkName: "render-excel" */ "../../render/excel"
      );
      await nextFrame();
      if (c.cancel.aborted) return undefined;
      return checkWorkbookWithStatement(
        result,
        renderStatementWritePlan,
        isIsoDate(today) ? { today } : {}
      );
    });
    if (r) setReport(r);
  }, [run, result, today]);

  // Check again whenever the figures change (a new reading, new settings).
  useEffect(() => {
    void runCheck();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  const view = report ? checkView(report) : undefined;
  return (
    <>
      <Section id="check-overall" title="Overall">
        {view ? (
          <>
            <div className={styles.overall} data-testid="check-overall">
              <RagText state={view.state} words={view.words} />
              <span>{view.counts}.</span>
            </div>
            <p className={styles.rule}>{view.rule}</p>
          </>
        ) : (
          <Text>Not checked yet.</Text>
        )}
        <div className={styles.actions}>
          <Field
            label="Treat as today (optional)"
            hint="A year ends on its 31 March: years ended by this date need actual figures. Blank: the years the budget heads Actual."
          >
            <Input
              className={styles.date}
              type="date"
              value={today}
              onChange={(_, d) => setToday(d.value)}
            />
          </Field>
          <Button onClick={() => void runCheck()} disabledFocusable={op.running}>
            Check again
          </Button>
        </div>
        <OperationStatus op={op} />
      </Section>
      {view && view.areas.length > 0 ? (
        <Section
          id="check-areas"
          title="The nine areas"
          intro="Each area's status, as the statement gives it."
        >
          <ul className={styles.list} aria-label="The nine areas" data-testid="check-areas">
            {view.areas.map((a) => (
              <li key={a.area} className={styles.area}>
                <strong>{a.name}:</strong> <RagText state={a.state} words={a.words} />
                <span className={styles.small}>{a.rule}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {view && view.groups.length > 0 ? (
        <Section id="check-findings" title="Findings by area">
          {view.groups.map((g, gi) => (
            <Section
              key={g.area}
              id={`check-area-${gi}`}
              level={3}
              title={`${g.area} (${g.counts})`}
            >
              <ul className={styles.list} aria-label={`${g.area} findings`}>
                {g.findings.map((f, i) => (
                  <li
                    key={i}
                    className={[
                      styles.item,
                      f.severity === "Error" ? styles.error : styles.warning,
                    ].join(" ")}
                  >
                    <strong>{f.severity}:</strong> {f.message}
                    <span className={styles.small}>
                      Rule: {f.ruleTitle} ({f.paragraph})
                    </span>
                    {f.cell ? (
                      <span className={styles.small}>
                        Cell: <CellLink cells={[f.cell]} />
                      </span>
                    ) : f.sheet ? (
                      <span className={styles.small}>Sheet: {f.sheet}</span>
                    ) : null}
                    {f.fix ? <span className={styles.small}>How to fix: {f.fix}</span> : null}
                  </li>
                ))}
              </ul>
            </Section>
          ))}
        </Section>
      ) : null}
      {view ? (
        <Section id="check-rules" title="Every rule">
          <details>
            <summary className={styles.summary}>
              How each rule came out ({view.rules.length})
            </summary>
            <table className={styles.table}>
              <caption className="vfm-visually-hidden">How each rule came out</caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.cell}>
                    Rule
                  </th>
                  <th scope="col" className={styles.cell}>
                    Outcome
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.rules.map((r) => (
                  <tr key={r.title}>
                    <th scope="row" className={styles.cell}>
                      {r.title}
                      <span className={styles.small}>{r.area}</span>
                    </th>
                    <td className={styles.cell}>
                      {r.outcome}
                      {r.note ? <span className={styles.small}>{r.note}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </Section>
      ) : null}
      <Section
        id="check-document"
        title="A published statement"
        intro="Checks the Word statement as published against this workbook."
      >
        <PublishedStatementCheck />
      </Section>
      <FindingsWriter report={report} />
    </>
  );
}

/** "Write findings to a sheet": a formatted findings sheet of the add-in's own. */
function FindingsWriter({ report }: { readonly report?: CheckReport }) {
  const { gateway } = usePane();
  const op = useOperation();
  const [done, setDone] = useState<WriteResult | undefined>();
  const write = async () => {
    if (!report) return;
    setDone(undefined);
    const r = await op.run("writing the findings", "Writing the findings sheet", async (c) => {
      const { writeFindingsPlan } = await import(
        /* webpackChunkName: "render-findings" */ "../../render/findings"
      );
      return gateway.applyWritePlan(writeFindingsPlan(report), c);
    });
    if (r) setDone(r);
  };
  return (
    <Section
      id="check-write"
      title="Findings sheet"
      intro="Adds the findings to a sheet of the add-in's own, to share or print."
    >
      <Button onClick={() => void write()} disabledFocusable={!report || op.running}>
        Write findings to a sheet
      </Button>
      <OperationStatus op={op} />
      {done ? <WriteReport result={done} title="The findings were written" /> : null}
    </Section>
  );
}
