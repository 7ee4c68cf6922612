import { useMemo } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { SETTINGS_KEYS, VfmResult } from "../../core";
import { asDetectOptions, cellKey, toJson } from "../model/mapping";
import { detectOptionsOf, withPart } from "../model/settings";
import {
  applyDoubtFix,
  DoubtAction,
  DoubtsView,
  overtimeDoubts,
  supportDoubts,
} from "../model/doubts";
import { usePane } from "../PaneContext";
import { useOperation } from "../useOperation";
import { CellLink } from "./CellLink";
import { OperationStatus } from "./Status";

const useStyles = makeStyles({
  box: {
    borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    padding: "4px 0 4px 10px",
    margin: "8px 0",
  },
  h4: { margin: "0 0 4px", fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, padding: 0, listStyle: "none" },
  item: { marginBottom: "8px" },
  hint: {
    display: "block",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", marginTop: "4px" },
});

/**
 * The lines a figure rests on that are not yet classified or settled, each with its cell and
 * one-click corrections; the figure gets a position once they are confirmed.
 */
function DoubtList(props: {
  id: string;
  title: string;
  view: (r: VfmResult) => DoubtsView | undefined;
  other: string;
}) {
  const styles = useStyles();
  const { result, settings, applySettings, goToStep } = usePane();
  const { view: of } = props;
  const view = useMemo(() => of(result), [of, result]);
  const op = useOperation();
  if (!view) return null;

  const apply = (a: DoubtAction) =>
    void op.run("saving the settings", "Saving your correction and reading again", async () => {
      const next = applyDoubtFix(asDetectOptions(detectOptionsOf(settings)), result.data, a.fix);
      await applySettings(withPart(settings, SETTINGS_KEYS.detect, toJson(next)));
      return true;
    });

  return (
    <section className={styles.box} aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h4 id={`${props.id}-title`} className={styles.h4}>
        {props.title.replace("{year}", view.year)}
      </h4>
      <ul className={styles.list}>
        {view.doubts.map((d) => (
          <li key={cellKey(d.cell)} className={styles.item}>
            {d.text}. <CellLink cells={[d.cell]} />
            <span className={styles.hint}>{d.correction}</span>
            <span className={styles.actions}>
              {d.actions.map((a) => (
                <Button
                  key={a.label}
                  size="small"
                  disabledFocusable={op.running}
                  onClick={() => apply(a)}
                >
                  {a.label}
                </Button>
              ))}
              <Button size="small" appearance="subtle" onClick={() => goToStep("data")}>
                {props.other}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <OperationStatus op={op} />
    </section>
  );
}

/** Under the business-support share: the lines to confirm before it is assessed. */
export function SupportDoubts() {
  return (
    <DoubtList
      id="support-doubts"
      title="To confirm before the {year} share is assessed"
      view={supportDoubts}
      other="Choose another category in the Data step"
    />
  );
}

/** Under the overtime ratio: the budget lines to settle before it is assessed. */
export function OvertimeDoubts() {
  return (
    <DoubtList
      id="overtime-doubts"
      title="To confirm before the overtime ratio for {year} is assessed"
      view={overtimeDoubts}
      other="Choose the lines in the Data step"
    />
  );
}
