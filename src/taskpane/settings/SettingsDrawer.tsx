import { useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PolicyGroup, SETTINGS_KEYS } from "../../core";
import {
  POLICY_GROUP_LABELS,
  PolicyField,
  defaultHint,
  editText,
  nextPolicyOverrides,
  policyFields,
  policyInputProblem,
  policyOverridesOf,
  readingHints,
  withPart,
} from "../model/settings";
import { usePane } from "../PaneContext";
import { useOperation } from "../useOperation";
import { OperationStatus } from "../components/Status";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: "14px", padding: "4px 0 8px" },
  intro: {
    margin: "0 0 8px",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  footer: { display: "flex", gap: "8px", flexWrap: "wrap" },
  // As wide as the pane it covers (see App.tsx), never the window.
  drawer: { width: "100%", maxWidth: "100%", maxHeight: "100%" },
  hint: { display: "block" },
});

const GROUPS: readonly PolicyGroup[] = [
  "overtime",
  "businessSupport",
  "classification",
  "years",
  "procurement",
  "rag",
  "nationalProgramme",
];

function Hint({ field }: { readonly field: PolicyField }) {
  const styles = useStyles();
  const d = field.descriptor;
  return (
    <>
      <span className={styles.hint}>{defaultHint(field)}</span>
      <span className={styles.hint}>
        In use: {field.currentText}, {field.source}.
      </span>
      {d.note ? <span className={styles.hint}>{d.note}</span> : null}
      {readingHints(field).map((line) => (
        <span key={line} className={styles.hint}>
          {line}
        </span>
      ))}
    </>
  );
}

/**
 * The policy settings panel: every threshold, year, classification, framework date and rate,
 * with its White Paper default and paragraph, editable. Saved in the workbook; the analysis
 * runs again with them.
 */
export function SettingsDrawer({
  open,
  onClose,
  mountNode,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly mountNode?: HTMLElement | null;
}) {
  const styles = useStyles();
  const { result, settings, applySettings } = usePane();
  const fields = useMemo(() => policyFields(result.analysis), [result.analysis]);
  const [edits, setEdits] = useState<Record<string, string | boolean>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const op = useOperation();
  const stored = policyOverridesOf(settings);
  const edited = Object.keys(edits).length > 0;

  const setValue = (key: string, value: string | boolean) => {
    setSaved(false);
    setEdits((e) => ({ ...e, [key]: value }));
    setProblems((p) => {
      const { [key]: _gone, ...rest } = p;
      return rest;
    });
  };

  const store = async (overrides: Parameters<typeof withPart>[2]) => {
    const ok = await op.run(
      "saving the settings",
      "Saving the settings and working the figures out again",
      async () => {
        await applySettings(withPart(settings, SETTINGS_KEYS.policy, overrides));
        return true;
      }
    );
    if (ok) {
      setEdits({});
      setSaved(true);
    }
  };

  const save = async () => {
    const next = nextPolicyOverrides(stored, edits, fields);
    if (!next.ok) {
      setProblems(next.problems);
      return;
    }
    await store(next.overrides);
  };

  const control = (f: PolicyField) => {
    const d = f.descriptor;
    const value =
      edits[d.key] ?? (d.kind === "boolean" ? f.current === true : editText(d, f.current));
    const problem =
      problems[d.key] ??
      (typeof value === "string" && d.key in edits ? policyInputProblem(d, value) : undefined);
    const hint = <Hint field={f} />;
    if (d.kind === "boolean")
      return (
        <Field key={d.key} label={d.label} hint={hint}>
          <Switch
            checked={value === true}
            onChange={(_, data) => setValue(d.key, data.checked)}
            label={value === true ? "Yes" : "No"}
          />
        </Field>
      );
    if (d.kind === "enum")
      return (
        <Field key={d.key} label={d.label} hint={hint}>
          <Select value={String(value)} onChange={(_, data) => setValue(d.key, data.value)}>
            {(d.options ?? []).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      );
    return (
      <Field
        key={d.key}
        label={d.label}
        hint={hint}
        validationState={problem ? "error" : "none"}
        validationMessage={problem}
      >
        <Input value={String(value)} onChange={(_, data) => setValue(d.key, data.value)} />
      </Field>
    );
  };

  return (
    <OverlayDrawer
      open={open}
      onOpenChange={(_, d) => (d.open ? undefined : onClose())}
      position="end"
      size="full"
      className={styles.drawer}
      mountNode={mountNode ?? undefined}
      aria-labelledby="settings-title"
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" onClick={onClose} aria-label="Close the settings">
              Close
            </Button>
          }
        >
          <span id="settings-title">Policy settings</span>
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <p className={styles.intro}>
          The White Paper&apos;s thresholds, years and classifications the analysis uses. Change one
          only where your force has agreed a different reading; each shows its default and the
          paragraph it comes from. Write percentages as 4% or 0.04, amounts as £70m, years as
          2008/09, dates as 2011-04-01.
        </p>
        <Accordion multiple collapsible defaultOpenItems={["overtime", "businessSupport"]}>
          {GROUPS.map((g) => (
            <AccordionItem key={g} value={g}>
              <AccordionHeader as="h3">{POLICY_GROUP_LABELS[g]}</AccordionHeader>
              <AccordionPanel>
                <div className={styles.fields}>
                  {fields.filter((f) => f.descriptor.group === g).map(control)}
                </div>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      </DrawerBody>
      <DrawerFooter>
        <div>
          <OperationStatus op={op} />
          {Object.keys(problems).length > 0 ? (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>
                {Object.keys(problems).length} setting
                {Object.keys(problems).length === 1 ? "" : "s"} could not be read; see the messages
                above. Nothing was saved.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {saved && !edited ? (
            <MessageBar intent="success" role="status">
              <MessageBarBody>
                Saved in the workbook; the figures were worked out again.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.footer}>
            <Button
              appearance="primary"
              disabledFocusable={!edited || op.running}
              onClick={() => void save()}
            >
              Save and re-run
            </Button>
            <Button
              disabledFocusable={!edited || op.running}
              onClick={() => (setEdits({}), setProblems({}))}
            >
              Undo changes
            </Button>
            <Button
              disabledFocusable={Object.keys(stored).length === 0 || op.running}
              onClick={() => void store({})}
            >
              Remove the changes made here
            </Button>
          </div>
        </div>
      </DrawerFooter>
    </OverlayDrawer>
  );
}
