import { useMemo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AREA_HEADINGS, AREA_SHORT, areaStatus, formatMoney } from "../../core";
import { KIND_WORDS, SavingsKind, allYearsTable, areaTable, yearTable } from "../model/savings";
import { usePane } from "../PaneContext";
import { useStatement } from "../useStatement";
import { ModelTable } from "../components/ModelTable";
import { RagText } from "../components/RagText";
import { Section } from "../components/Section";
import { ragView } from "../model/benchmarks";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  status: {
    display: "flex",
    gap: "8px",
    alignItems: "center",
    flexWrap: "wrap",
    margin: "0 0 8px",
  },
  rule: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  header: { display: "flex", gap: "8px", alignItems: "center" },
  testsLead: { margin: "0 0 2px" },
  tests: { margin: "0 0 8px", paddingLeft: "18px" },
});

const KINDS: readonly SavingsKind[] = ["cashable", "nonCashable"];

const RAG_WORDS_CAP = (w: string) => w[0].toUpperCase() + w.slice(1);

/** Savings: planned against actual by the nine areas and by year, cashable and non-cashable apart. */
export function SavingsStep() {
  const styles = useStyles();
  const { result } = usePane();
  const statement = useStatement();
  const s = result.analysis.savings;
  const unit = statement.unit;
  const overall = ragView(s.rag);
  const tables = useMemo(
    () => ({
      area: KINDS.map((k) => areaTable(result.analysis, k, unit)),
      year: KINDS.map((k) => allYearsTable(s, k, unit)),
    }),
    [result.analysis, s, unit]
  );
  if (s.byYear.length === 0)
    return (
      <Section id="savings-none" title="No savings plan found">
        <Text className={styles.muted}>
          The workbook has no savings plan lines, so there is nothing to compare. Add a savings plan
          sheet (initiative, area, cashable or not, year, planned, actual), or insert the input
          sheets from the Data step.
        </Text>
      </Section>
    );
  const withLines = s.byArea.filter((a) => a.lineCount > 0);
  return (
    <>
      <div className={styles.status}>
        <span>Savings plan overall:</span>
        <RagText state={overall.state} words={overall.words} />
        <span className={styles.rule}>{overall.rule}</span>
      </div>
      <Section id="savings-by-area" title="By area, all years">
        {tables.area.map((t) => (
          <ModelTable key={t.id} table={t} />
        ))}
        {s.areasWithoutPlans.length > 0 ? (
          <p className={styles.muted}>
            No planned savings yet for: {s.areasWithoutPlans.map((a) => AREA_SHORT[a]).join(", ")}.
            Each of the nine areas needs a figure, or a note saying why none is planned.
          </p>
        ) : null}
        {s.unassigned.lineCount > 0 ? (
          <p className={styles.muted}>
            {s.unassigned.lineCount} line{s.unassigned.lineCount === 1 ? "" : "s"} could not be
            matched to an area ({formatMoney(s.unassigned.cashable.planned.value, unit)} cashable
            planned) and {s.unassigned.lineCount === 1 ? "is" : "are"} left out of the area totals.
            Name the area on {s.unassigned.lineCount === 1 ? "that line" : "those lines"}.
          </p>
        ) : null}
      </Section>
      <Section id="savings-by-year" title="By year, all areas">
        {tables.year.map((t) => (
          <ModelTable key={t.id} table={t} />
        ))}
      </Section>
      <Section id="savings-area-years" title="Each area by year">
        <Accordion multiple collapsible>
          {withLines.map((a) => {
            // The area's one status (the core's), and each test it rests on.
            const status = areaStatus(result.analysis, a.area);
            const rag = ragView({ ...a.rag, rag: status.rag });
            return (
              <AccordionItem key={a.area} value={a.area}>
                <AccordionHeader as="h3">
                  <span className={styles.header}>
                    {AREA_HEADINGS[a.area]} <RagText state={rag.state} words={rag.words} />
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  {status.tests.length > 1 ? (
                    <div className={styles.rule} data-testid={`area-status-${a.area}`}>
                      <p className={styles.testsLead}>
                        {RAG_WORDS_CAP(status.words)}: the weaker of two tests.
                      </p>
                      <ul className={styles.tests}>
                        {status.tests.map((t) => {
                          const v = ragView(t.status);
                          return (
                            <li key={t.label}>
                              {t.label}: <RagText state={v.state} words={v.words} /> {v.rule}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  ) : (
                    <p className={styles.rule}>Savings plan: {rag.rule}</p>
                  )}
                  {KINDS.map((k) => (
                    <ModelTable
                      key={k}
                      table={yearTable(
                        a.byYear,
                        a[k],
                        k,
                        unit,
                        `${AREA_HEADINGS[a.area]}: ${KIND_WORDS[k].toLowerCase()} by year (${unit})`,
                        `savings-${a.area}-${k}`
                      )}
                    />
                  ))}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      </Section>
    </>
  );
}
