import { useMemo } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { SETTINGS_KEYS } from "../../core";
import { asDetectOptions, cellKey, toJson } from "../model/mapping";
import { detectOptionsOf, withPart } from "../model/settings";
import { countAsLine, subtotalChoices } from "../model/doubts";
import { usePane } from "../PaneContext";
import { useOperation } from "../useOperation";
import { CellLink } from "./CellLink";
import { OperationStatus } from "./Status";
import { Section } from "./Section";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: "none" },
  item: { marginBottom: "8px" },
  actions: { display: "block", marginTop: "4px" },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The rows read as subtotals (never added in again), each with the one click that counts it as
 * a line of its own after all; rows are marked subtotals from the Benchmarks step's doubts.
 */
export function SubtotalChoices() {
  const styles = useStyles();
  const { result, settings, applySettings } = usePane();
  const options = useMemo(() => asDetectOptions(detectOptionsOf(settings)), [settings]);
  const choices = useMemo(() => subtotalChoices(result, options), [result, options]);
  const op = useOperation();
  if (choices.length === 0) return null;
  return (
    <Section id="data-subtotals" title={`Rows read as subtotals (${choices.length})`}>
      <ul className={styles.list}>
        {choices.map((c) => (
          <li key={cellKey(c.cell)} className={styles.item}>
            {c.text} <CellLink cells={[c.cell]} />
            <span className={styles.actions}>
              <Button
                size="small"
                disabledFocusable={op.running}
                onClick={() =>
                  void op.run(
                    "saving the settings",
                    "Saving your choice and reading again",
                    async () => {
                      await applySettings(
                        withPart(
                          settings,
                          SETTINGS_KEYS.detect,
                          toJson(countAsLine(options, c.cell))
                        )
                      );
                      return true;
                    }
                  )
                }
              >
                {c.label}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <OperationStatus op={op} />
    </Section>
  );
}
