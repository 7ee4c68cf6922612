import { useState } from "react";
import { Button } from "@fluentui/react-components";
import { WriteResult } from "../../core/gateway";
import { blankTemplate } from "../../core/template";
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
  const { gateway, reload } = usePane();
  const op = useOperation();
  const [done, setDone] = useState<WriteResult | undefined>();
  const insert = async () => {
    setDone(undefined);
    const result = await op.run("inserting the input sheets", "Inserting the input sheets", (c) =>
      gateway.applyWritePlan(blankTemplate(), c)
    );
    if (result) {
      setDone(result);
      if (result.sheets.some((s) => s.actual)) reload();
    }
  };
  return (
    <Section
      id="data-template"
      title="Start from nothing"
      intro="Adds empty input sheets (budget, workforce, procurement, savings plan, settings, peers) laid out as the add-in reads them. Sheets you already have are never overwritten."
    >
      <Button onClick={() => void insert()} disabled={op.running}>
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
