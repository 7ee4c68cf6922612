import { ReactNode, Suspense, lazy, useCallback, useEffect, useState } from "react";
import { Button, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { StepId } from "./PaneContext";
import { DataStep } from "./steps/DataStep";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { ProgressStatus } from "./components/Status";

// The first step comes with the flow; the others (the statement, its charts, the check) are one
// chunk of their own, fetched once the first step shows, so the pane opens on less.
const laterSteps = () => import(/* webpackChunkName: "steps" */ "./laterSteps");
const BenchmarksStep = lazy(() => laterSteps().then((m) => ({ default: m.BenchmarksStep })));
const ModelStep = lazy(() => laterSteps().then((m) => ({ default: m.ModelStep })));
const SavingsStep = lazy(() => laterSteps().then((m) => ({ default: m.SavingsStep })));
const StatementStep = lazy(() => laterSteps().then((m) => ({ default: m.StatementStep })));
const CheckStep = lazy(() => laterSteps().then((m) => ({ default: m.CheckStep })));

const useStyles = makeStyles({
  // The step tabs stay in view while the step below them scrolls.
  tabs: {
    padding: "0 8px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: "wrap",
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  panel: { padding: "8px 16px 24px" },
  next: { display: "flex", justifyContent: "flex-end", marginTop: "12px" },
});

export const STEPS: readonly {
  readonly id: StepId;
  readonly label: string;
  readonly render: () => ReactNode;
}[] = [
  { id: "data", label: "Data", render: () => <DataStep /> },
  { id: "benchmarks", label: "Benchmarks", render: () => <BenchmarksStep /> },
  { id: "model", label: "Model", render: () => <ModelStep /> },
  { id: "savings", label: "Savings", render: () => <SavingsStep /> },
  { id: "statement", label: "Statement", render: () => <StatementStep /> },
  { id: "check", label: "Check", render: () => <CheckStep /> },
];

/** Which step is open; steps once opened stay mounted, so their results survive a switch. */
export function useStepState(): {
  readonly step: StepId;
  readonly visited: ReadonlySet<StepId>;
  readonly goTo: (s: StepId) => void;
} {
  const [step, setStep] = useState<StepId>("data");
  const [visited, setVisited] = useState<ReadonlySet<StepId>>(() => new Set<StepId>(["data"]));
  const goTo = useCallback((s: StepId) => {
    setStep(s);
    setVisited((v) => (v.has(s) ? v : new Set([...v, s])));
  }, []);
  return { step, visited, goTo };
}

/** The guided flow: one tab per step, each a panel labelled by its tab, with a way on to the next. */
export function Steps({ state }: { readonly state: ReturnType<typeof useStepState> }) {
  const styles = useStyles();
  const { step, visited, goTo } = state;
  // Once the first step has painted, fetch the others, so that opening one does not wait.
  useEffect(() => {
    const t = setTimeout(() => void laterSteps().catch(() => undefined), 0);
    return () => clearTimeout(t);
  }, []);
  return (
    <>
      <TabList
        className={styles.tabs}
        selectedValue={step}
        onTabSelect={(_, d) => goTo(d.value as StepId)}
        aria-label="Steps"
        size="small"
      >
        {STEPS.map((s) => (
          <Tab key={s.id} value={s.id} id={`step-tab-${s.id}`} aria-controls={`step-panel-${s.id}`}>
            {s.label}
          </Tab>
        ))}
      </TabList>
      {STEPS.map((s, i) => {
        const next = STEPS[i + 1];
        return (
          <div
            key={s.id}
            role="tabpanel"
            id={`step-panel-${s.id}`}
            aria-labelledby={`step-tab-${s.id}`}
            className={styles.panel}
            hidden={s.id !== step}
            data-testid={`step-${s.id}`}
          >
            {visited.has(s.id) ? (
              <ErrorBoundary what={`the ${s.label} step`}>
                <Suspense fallback={<ProgressStatus label={`Opening the ${s.label} step`} />}>
                  {s.render()}
                </Suspense>
              </ErrorBoundary>
            ) : null}
            {next && visited.has(s.id) ? (
              <div className={styles.next}>
                <Button
                  appearance="secondary"
                  onClick={() => {
                    goTo(next.id);
                    requestAnimationFrame(() =>
                      document.getElementById(`step-tab-${next.id}`)?.focus()
                    );
                  }}
                >
                  Next: {next.label}
                </Button>
              </div>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
