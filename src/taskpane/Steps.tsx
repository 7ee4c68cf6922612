import { useState } from "react";
import { Tab, TabList, makeStyles } from "@fluentui/react-components";
import { WorkbookGateway } from "../core/gateway";
import { VfmResult } from "../core/run";
import { DataStep } from "./steps/DataStep";

const useStyles = makeStyles({
  tabs: { padding: "0 8px" },
  panel: { padding: "8px 16px 16px" },
});

export interface StepProps {
  readonly gateway: WorkbookGateway;
  readonly result: VfmResult;
  readonly reload: () => void;
}

const STEPS = [
  { id: "data", label: "Data", render: (p: StepProps) => <DataStep {...p} /> },
] as const;

/** The guided flow: one tab per step, each a panel labelled by its tab. */
export function Steps(props: StepProps) {
  const styles = useStyles();
  const [step, setStep] = useState<string>(STEPS[0].id);
  const current = STEPS.find((s) => s.id === step) ?? STEPS[0];
  return (
    <>
      <TabList
        className={styles.tabs}
        selectedValue={step}
        onTabSelect={(_, d) => setStep(String(d.value))}
        aria-label="Steps"
      >
        {STEPS.map((s) => (
          <Tab key={s.id} value={s.id} id={`step-tab-${s.id}`} aria-controls={`step-panel-${s.id}`}>
            {s.label}
          </Tab>
        ))}
      </TabList>
      <div
        role="tabpanel"
        id={`step-panel-${current.id}`}
        aria-labelledby={`step-tab-${current.id}`}
        className={styles.panel}
      >
        {current.render(props)}
      </div>
    </>
  );
}
