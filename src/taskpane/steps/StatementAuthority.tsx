import { useEffect, useState } from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { SETTINGS_KEYS, formatDate, isIsoDate, statementSettingsFrom } from "../../core";
import { usePane } from "../PaneContext";
import { useStatement } from "../useStatement";
import { useOperation } from "../useOperation";
import { withPart } from "../model/settings";
import { OperationStatus } from "../components/Status";
import { Section } from "../components/Section";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: "8px", maxWidth: "28rem" },
  date: { maxWidth: "12rem" },
  actions: { display: "flex", gap: "8px", margin: "4px 0 8px" },
  state: { margin: "6px 0", color: tokens.colorNeutralForeground1 },
});

/**
 * Whose statement it is and whether it is approved (5.53-5.54: the Police Authority publishes it
 * in its Local Policing Plan). Both are kept in the add-in's settings in the workbook, so the
 * statement written, downloaded and checked again all say the same. Until a date of approval is
 * given, every page of the statement says "Draft".
 */
export function StatementAuthority() {
  const styles = useStyles();
  const { settings, applySettings } = usePane();
  const statement = useStatement();
  const stored = statementSettingsFrom(settings);
  const [authority, setAuthority] = useState(stored.authority ?? "");
  const [approved, setApproved] = useState(stored.approved ?? "");
  useEffect(() => {
    setAuthority(stored.authority ?? "");
    setApproved(stored.approved ?? "");
  }, [stored.authority, stored.approved]);
  const op = useOperation();
  const [saved, setSaved] = useState(false);
  const badDate = approved.trim() !== "" && !isIsoDate(approved.trim());
  const changed =
    authority.trim() !== (stored.authority ?? "") || approved.trim() !== (stored.approved ?? "");

  const save = async () => {
    setSaved(false);
    const part = {
      ...(authority.trim() ? { authority: authority.trim() } : {}),
      ...(approved.trim() ? { approved: approved.trim() } : {}),
    };
    const done = await op.run(
      "saving the settings",
      "Saving the Authority's name and the date of approval",
      async () => {
        await applySettings(withPart(settings, SETTINGS_KEYS.statement, part));
        return true;
      }
    );
    if (done) setSaved(true);
  };

  const from =
    statement.authority.from === "workbook"
      ? `The workbook names ${statement.authority.text}.`
      : statement.authority.from === "option"
        ? `The statement names ${statement.authority.text}.`
        : "The workbook does not name the Police Authority: the statement leaves a space for its name until you give it here.";

  return (
    <Section
      id="statement-authority"
      title="Whose statement it is"
      intro="The statement is the Police Authority's, published in its Local Policing Plan (White Paper 5.53-5.54). What you give here is kept in the workbook."
    >
      <div className={styles.fields}>
        <Field label="Police Authority" hint={from}>
          <Input
            value={authority}
            placeholder={statement.authority.name ?? "e.g. Exampleshire Police Authority"}
            onChange={(_, d) => setAuthority(d.value)}
          />
        </Field>
        <Field
          label="Date the Authority approved the statement"
          hint="Leave it blank while the statement is a draft: until a date is given, every page says Draft."
          validationState={badDate ? "error" : "none"}
          validationMessage={badDate ? "Give the date as a day, month and year." : undefined}
        >
          <Input
            className={styles.date}
            type="date"
            value={approved}
            onChange={(_, d) => setApproved(d.value)}
          />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button onClick={() => void save()} disabledFocusable={op.running || badDate || !changed}>
          Save the statement&apos;s details
        </Button>
      </div>
      <OperationStatus op={op} />
      <p className={styles.state} role="status" data-testid="statement-approval">
        {statement.approval.approved && statement.approval.date
          ? `Approved on ${formatDate(statement.approval.date)}: the statement is no longer marked Draft.`
          : "Draft: every page of the statement says so until a date of approval is given."}
        {saved ? " Saved." : ""}
      </p>
    </Section>
  );
}
