import { lazy, Suspense, useMemo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Finding } from "../../core";
import {
  budgetTable,
  dataView,
  procurementTable,
  savingsTable,
  workforceTable,
} from "../model/dataView";
import { usePane } from "../PaneContext";
import { CellLink } from "../components/CellLink";
import { FindingList } from "../components/FindingList";
import { SubtotalChoices } from "../components/SubtotalChoices";
import { ModelTable } from "../components/ModelTable";
import { Section } from "../components/Section";

// The corrections and the input sheets sit below the figures: they are fetched once the step
// shows, so the pane's first download is the figures' alone (issue 15, taskpaneOpenGzipBytes).
const MappingEditor = lazy(() =>
  import(/* webpackChunkName: "data-tools" */ "./MappingEditor").then((m) => ({
    default: m.MappingEditor,
  }))
);
const InsertTemplate = lazy(() =>
  import(/* webpackChunkName: "data-tools" */ "./InsertTemplate").then((m) => ({
    default: m.InsertTemplate,
  }))
);

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  force: { margin: "0 0 8px" },
  sheets: { listStyle: "none", padding: 0, margin: 0 },
  sheet: {
    display: "flex",
    justifyContent: "space-between",
    gap: "8px",
    alignItems: "flex-start",
    padding: "4px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  how: {
    display: "block",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  panel: { paddingBottom: "8px" },
  counts: { margin: "0 0 8px" },
});

const READ_AS = {
  budget: "Budget",
  workforce: "Workforce",
  procurement: "Procurement",
  savingsPlan: "Savings plan",
  settings: "Settings",
  peers: "Peers",
} as const;

function count(findings: readonly Finding[], severity: Finding["severity"]): number {
  return findings.filter((f) => f.severity === severity).length;
}

/** Data: what was found and where, what is missing or doubtful, and the user's corrections. */
export function DataStep() {
  const styles = useStyles();
  const { result, goToSheet } = usePane();
  const { data, analysis, findings } = result;
  const view = useMemo(() => dataView(data, analysis), [data, analysis]);
  const unit = view.budget.unit;
  const groups = [
    {
      id: "budget",
      title: `Budget (${view.budget.rows.length} lines)`,
      table: view.budget.rows.length ? budgetTable(view.budget) : undefined,
    },
    {
      id: "workforce",
      title: `Workforce (${view.workforce.rows.length} functions)`,
      table: view.workforce.rows.length ? workforceTable(view.workforce) : undefined,
    },
    {
      id: "procurement",
      title: `Procurement (${view.procurement.length} contracts)`,
      table: view.procurement.length ? procurementTable(view.procurement, unit) : undefined,
    },
    {
      id: "savings",
      title: `Savings plan (${view.savings.length} lines)`,
      table: view.savings.length ? savingsTable(view.savings, unit) : undefined,
    },
  ];
  const errors = count(findings, "error");
  const warnings = count(findings, "warning");
  const notes = count(findings, "info");

  return (
    <>
      <Section id="data-found" title="What was found">
        <p className={styles.force}>
          Force:{" "}
          {view.force ? (
            <CellLink cells={view.force.cells} what="Force name">
              {view.force.text}
            </CellLink>
          ) : (
            <span className={styles.muted}>not named in the workbook</span>
          )}
        </p>
        {data.sheetsUsed.length === 0 ? (
          <Text className={styles.muted}>
            No budget, workforce, procurement or savings sheets were recognised. Check the findings
            below, or insert the input sheets to start from the add-in&apos;s layout.
          </Text>
        ) : (
          <ul className={styles.sheets} aria-label="Sheets read">
            {data.sheetsUsed.map((s) => (
              <li key={`${s.sheet}-${s.as}`} className={styles.sheet}>
                <span>
                  <strong>{s.sheet}</strong>: read as {READ_AS[s.as].toLowerCase()}
                  <span className={styles.how}>{s.how}</span>
                </span>
                <Button
                  size="small"
                  onClick={() => goToSheet(s.sheet)}
                  aria-label={`Go to the sheet ${s.sheet}`}
                >
                  Go to
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section
        id="data-figures"
        title="Figures and their cells"
        intro="Select a figure to go to the cell it came from."
      >
        <Accordion multiple collapsible defaultOpenItems={["budget"]}>
          {groups.map((g) => (
            <AccordionItem key={g.id} value={g.id}>
              <AccordionHeader as="h3">{g.title}</AccordionHeader>
              <AccordionPanel className={styles.panel}>
                {g.table ? (
                  <ModelTable table={g.table} hideCaption />
                ) : (
                  <Text className={styles.muted}>Nothing of this kind was found.</Text>
                )}
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      </Section>
      <Section id="data-findings" title={`Missing or doubtful (${findings.length})`}>
        {findings.length === 0 ? (
          <Text className={styles.muted}>Nothing missing or doubtful was found.</Text>
        ) : (
          <>
            <p className={styles.counts}>
              {errors} error{errors === 1 ? "" : "s"}, {warnings} warning{warnings === 1 ? "" : "s"}
              , {notes} note
              {notes === 1 ? "" : "s"}.
            </p>
            <FindingList findings={findings} label="Missing or doubtful" />
          </>
        )}
      </Section>
      <SubtotalChoices />
      <Suspense fallback={null}>
        <MappingEditor />
        <InsertTemplate />
      </Suspense>
    </>
  );
}
