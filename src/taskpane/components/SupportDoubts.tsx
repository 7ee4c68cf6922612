import { useMemo } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { SETTINGS_KEYS } from "../../core";
import { asDetectOptions, toJson } from "../model/mapping";
import { detectOptionsOf, withPart } from "../model/settings";
import { confirmDoubt, DoubtView, supportDoubts } from "../model/doubts";
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
 * Under the business-support share: the lines it rests on that are not yet classified or placed,
 * each with its cell and a one-click confirmation; the share gets a position once they are.
 */
export function SupportDoubts() {
  const styles = useStyles();
  const { result, settings, applySettings, goToStep } = usePane();
  const view = useMemo(() => supportDoubts(result), [result]);
  const op = useOperation();
  if (!view) return null;

  const confirm = (d: DoubtView) =>
    void op.run("saving the settings", "Saving your confirmation and reading again", async () => {
      const next = confirmDoubt(asDetectOptions(detectOptionsOf(settings)), d);
      await applySettings(withPart(settings, SETTINGS_KEYS.detect, toJson(next)));
      return true;
    });

  return (
    <section
      className={styles.box}
      aria-labelledby="support-doubts-title"
      data-testid="support-doubts"
    >
      <h4 id="support-doubts-title" className={styles.h4}>
        {`To confirm before the ${view.year} share is assessed`}
      </h4>
      <ul className={styles.list}>
        {view.doubts.map((d) => (
          <li key={`${d.cell.sheet}!${d.cell.address}`} className={styles.item}>
            {d.text}. <CellLink cells={[d.cell]} />
            <span className={styles.hint}>{d.correction}</span>
            <span className={styles.actions}>
              {d.confirm ? (
                <Button size="small" disabledFocusable={op.running} onClick={() => confirm(d)}>
                  {d.confirm.label}
                </Button>
              ) : null}
              <Button size="small" appearance="subtle" onClick={() => goToStep("data")}>
                Choose another category in the Data step
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <OperationStatus op={op} />
    </section>
  );
}
