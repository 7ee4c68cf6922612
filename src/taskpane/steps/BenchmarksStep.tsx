import { ReactNode, useMemo } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { listWords } from "../../core";
import { BenchmarkCard, benchmarkCards, migrationItems } from "../model/benchmarks";
import { chartById, tableById } from "../model/statement";
import { usePane } from "../PaneContext";
import { useStatement } from "../useStatement";
import { FigureText, ModelTable } from "../components/ModelTable";
import { ModelChart } from "../components/ModelChart";
import { MigrationTimeline } from "../components/MigrationTimeline";
import { PeerCharts } from "../components/PeerCharts";
import { RagText } from "../components/RagText";
import { Section } from "../components/Section";
import { OvertimeDoubts, SupportDoubts } from "../components/SupportDoubts";
import {
  CompareWithProfileFile,
  GroupPicker,
  NationalLines,
} from "../components/NationalComparison";

const useStyles = makeStyles({
  card: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "10px 12px",
    marginBottom: "14px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  h3: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: "0 0 6px",
  },
  figure: {
    "& .fui-Link": { fontSize: "inherit", fontWeight: "inherit", lineHeight: "inherit" },
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  label: {
    display: "block",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  facts: { margin: "8px 0", display: "grid", gridTemplateColumns: "auto 1fr", gap: "4px 10px" },
  dt: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  dd: { margin: 0, color: tokens.colorNeutralForeground1 },
  rule: {
    display: "block",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    marginTop: "2px",
  },
  notes: { margin: "4px 0", paddingLeft: "18px" },
  details: { marginTop: "6px" },
  summary: {
    cursor: "pointer",
    color: tokens.colorNeutralForeground2,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

function Card({ card, children }: { readonly card: BenchmarkCard; readonly children?: ReactNode }) {
  const styles = useStyles();
  return (
    <section
      className={styles.card}
      aria-labelledby={`bench-${card.id}-title`}
      data-testid={`bench-${card.id}`}
    >
      <h3 id={`bench-${card.id}-title`} className={styles.h3}>
        {card.title}
      </h3>
      <div>
        <span className={styles.figure} data-testid={`bench-${card.id}-figure`}>
          <FigureText figure={card.figure} what={card.figureLabel} />
        </span>
        <span className={styles.label}>{card.figureLabel}</span>
      </div>
      <dl className={styles.facts}>
        <dt className={styles.dt}>Expected</dt>
        <dd className={styles.dd}>{card.threshold}</dd>
        <dt className={styles.dt}>Position</dt>
        <dd className={styles.dd} data-testid={`bench-${card.id}-position`}>
          {card.position}
        </dd>
        <dt className={styles.dt}>Status</dt>
        <dd className={styles.dd}>
          <RagText state={card.rag.state} words={card.rag.words} />
          <span className={styles.rule}>{card.rag.rule}</span>
        </dd>
      </dl>
      {card.notes.length > 0 ? (
        <ul className={styles.notes}>
          {card.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}

/** Benchmarks: the three White Paper measures as cards, then the force among its peers. */
export function BenchmarksStep() {
  const styles = useStyles();
  const { result } = usePane();
  const statement = useStatement();
  const cards = useMemo(() => benchmarkCards(result.analysis), [result.analysis]);
  const migrations = useMemo(() => migrationItems(result.analysis), [result.analysis]);
  const overtimeChart = chartById(statement, "chart-overtime");
  const supportChart = chartById(statement, "chart-support");
  const overtimeTable = tableById(statement, "overtime-by-year");
  const supportTable = tableById(statement, "support-by-year");
  const migrationTable = tableById(statement, "procurement-migration");
  const categoryTable = tableById(statement, "procurement-by-category");
  const peersTable = tableById(statement, "benchmarking-peers");
  const peers = result.peers;

  const more = (label: string, table: ReturnType<typeof tableById>) =>
    table ? (
      <details className={styles.details}>
        <summary className={styles.summary}>{label}</summary>
        <ModelTable table={table} />
      </details>
    ) : null;

  return (
    <>
      <Section id="bench-thresholds" title="Against the White Paper's thresholds">
        <Card card={cards[0]}>
          <OvertimeDoubts />
          {overtimeChart ? (
            <ModelChart chart={overtimeChart} />
          ) : (
            <Text className={styles.muted}>No year has a ratio to chart.</Text>
          )}
          {more("Year by year", overtimeTable)}
        </Card>
        <Card card={cards[1]}>
          <SupportDoubts />
          {supportChart ? (
            <ModelChart chart={supportChart} />
          ) : (
            <Text className={styles.muted}>No year has a share to chart.</Text>
          )}
          {more("Year by year", supportTable)}
        </Card>
        <Card card={cards[2]}>
          {migrations.length > 0 ? (
            <MigrationTimeline items={migrations} />
          ) : (
            <Text className={styles.muted}>
              No contract in a national-approach category is left to move.
            </Text>
          )}
          {more("By category", categoryTable)}
          {more("Migration schedule", migrationTable)}
        </Card>
      </Section>
      <Section id="bench-peers" title="Against similar forces">
        {!peers ? (
          <Text className={styles.muted}>
            The workbook has no peers sheet and no figure to compare with HMIC&apos;s data, so the
            force is compared with the thresholds only. Insert the input sheets (Data step) for a
            Peers sheet to fill in.
          </Text>
        ) : (
          <>
            <NationalLines peers={peers} />
            <p>
              {peers.group.length > 0
                ? `Most similar forces: ${listWords(peers.group)}.`
                : peers.national
                  ? "No most similar forces are named, so only all-force figures are shown."
                  : "The peers sheet names no most similar forces for this force, so only all-force figures are shown."}
              {peers.illustrative
                ? ` ${peers.illustrativeNote ?? "The peer figures are illustrative."}`
                : ""}
            </p>
            {peersTable ? <ModelTable table={peersTable} /> : null}
            <PeerCharts statement={statement} source="workbook" />
          </>
        )}
        <GroupPicker />
        <CompareWithProfileFile />
      </Section>
    </>
  );
}
