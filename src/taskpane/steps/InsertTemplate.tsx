import { useState } from "react";
import { Button } from "@fluentui/react-components";
import { listWords, WriteResult } from "../../core";
import { inputSheetNames, inputSheetsPlan } from "../model/template";
import { usePane } from "../PaneContext";
import { useOperation } from "../useOperation";
import { OperationStatus } from "../components/Status";
import { Section } from "../components/Section";
import { WriteReport } from "../components/WriteReport";

/**
 * "Insert input sheets": the add-in's input template for a force starting from nothing. The
 * sheets are created only where no sheet of that name exists, so nothing is ever overwritten.
 */
export function InsertTemplate() {
  const { gateway, reload, result } = usePane();
  const policy = result.analysis.policy;
  const names = inputSheetNames(inputSheetsPlan(policy));
  const op = useOperation();
  const [done, setDone] = useState<WriteResult | undefined>();
  const insert = async () => {
    setDone(undefined);
    const written = await op.run("inserting the input sheets", "Inserting the input sheets", (c) =>
      gateway.applyWritePlan(inputSheetsPlan(policy), c)
    );
    if (written) {
      setDone(written);
      if (written.sheets.some((s) => s.actual)) reload();
    }
  };
  return (
    <Section
      id="data-template"
      title="Start from nothing"
      intro={`Adds empty input sheets laid out as the add-in reads them: ${listWords(names)}. A sheet you already have with one of those names is left as it is.`}
    >
      <Button onClick={() => void insert()} disabledFocusable={op.running}>
        Insert input sheets
      </Button>
      <OperationStatus op={op} />
      {done ? (
        <WriteReport
          result={done}
          title={
            done.sheets.some((s) => s.actual)
              ? "Input sheets inserted"
              : "Nothing was inserted: every input sheet already exists"
          }
        />
      ) : null}
    </Section>
  );
}
