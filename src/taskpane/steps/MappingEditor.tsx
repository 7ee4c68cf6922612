import { useEffect, useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  BUDGET_KEY_NAMES,
  BudgetLineKey,
  formatRef,
  FUNCTION_CATEGORIES,
  FunctionCategory,
  functionCategoryLabel,
  MoneyUnit,
  SETTINGS_KEYS,
  supportClassOf,
  UNIT_WORDS,
} from "../../core";
import {
  asDetectOptions,
  candidateLines,
  cellKey,
  chooseBudgetLine,
  chooseFunctionCategory,
  chooseUnit,
  decisionCount,
  lineFor,
  moneySheets,
  toJson,
} from "../model/mapping";
import { detectOptionsOf, withPart } from "../model/settings";
import { usePane } from "../PaneContext";
import { useOperation } from "../useOperation";
import { OperationStatus } from "../components/Status";
import { Section } from "../components/Section";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: "10px", marginBottom: "12px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", marginTop: "8px" },
  fnList: {
    listStyle: "none",
    padding: 0,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: "8px",
  },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // Long row labels must not push the pane wider than it is.
  select: {
    minWidth: 0,
    width: "100%",
    "& select": { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  },
});

const KEY_LINES: readonly BudgetLineKey[] = ["officerOvertime", "officerPay"];
const UNITS: readonly MoneyUnit[] = ["£", "£000", "£m"];
const SUPPORT_WORDS = {
  businessSupport: "counts as business support",
  excluded: "left out of the ratio",
  operational: "operational",
} as const;

function capital(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

/**
 * Confirm or correct what detection found: which row is officer overtime (and officer pay), the
 * category of each workforce function, the unit of each money sheet. Saved in the workbook as
 * DetectOptions, so the next run applies them without asking.
 */
export function MappingEditor() {
  const styles = useStyles();
  const { result, settings, applySettings } = usePane();
  const { data, analysis } = result;
  const stored = useMemo(() => asDetectOptions(detectOptionsOf(settings)), [settings]);
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);
  const op = useOperation();
  const [saved, setSaved] = useState(false);
  const changed = JSON.stringify(draft) !== JSON.stringify(stored);
  const lines = candidateLines(data);
  const sheets = moneySheets(data);
  const fnLines = data.workforce.lines.filter((l) => !l.isTotal);

  const save = async (next: typeof draft) => {
    setSaved(false);
    const done = await op.run(
      "saving the settings",
      "Saving your choices and reading the figures again",
      async () => {
        await applySettings(withPart(settings, SETTINGS_KEYS.detect, toJson(next)));
        return true;
      }
    );
    if (done) setSaved(true);
  };

  const chosenKey = (key: BudgetLineKey): string => {
    const byDraft = Object.entries(draft.budgetLines ?? {}).find(([, v]) => v === key)?.[0];
    if (byDraft) return byDraft;
    const line = lineFor(data, key);
    return line ? cellKey(line.labelCell) : "";
  };

  return (
    <Section
      id="data-mapping"
      title="Confirm or correct what was found"
      intro="Your choices are saved in the workbook, so the next time it is opened nothing needs asking again."
    >
      <div className={styles.fields}>
        {KEY_LINES.map((key) => (
          <Field key={key} label={`Which row is ${BUDGET_KEY_NAMES[key]}?`}>
            <Select
              className={styles.select}
              value={chosenKey(key)}
              onChange={(_, d) => {
                const line = lines.find((l) => cellKey(l.labelCell) === d.value);
                setDraft(chooseBudgetLine(draft, data, key, line?.labelCell));
              }}
            >
              <option value="">
                {lineFor(data, key) ? "Let the add-in decide" : "None found"}
              </option>
              {lines.map((l) => (
                <option key={cellKey(l.labelCell)} value={cellKey(l.labelCell)}>
                  {l.label} ({formatRef(l.labelCell)})
                </option>
              ))}
            </Select>
          </Field>
        ))}
        {sheets.map((sheet) => {
          const found =
            sheet === data.sheetsUsed.find((s) => s.as === "budget")?.sheet
              ? data.budget.unit
              : undefined;
          return (
            <Field
              key={sheet}
              label={`Units of the amounts on ${sheet}`}
              hint={found ? `The sheet says ${UNIT_WORDS[found]}.` : undefined}
            >
              <Select
                className={styles.select}
                value={draft.units?.[sheet] ?? ""}
                onChange={(_, d) =>
                  setDraft(
                    chooseUnit(draft, sheet, (d.value || undefined) as MoneyUnit | undefined)
                  )
                }
              >
                <option value="">As the sheet says</option>
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {capital(UNIT_WORDS[u])}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      {fnLines.length > 0 ? (
        <Section
          id="data-mapping-functions"
          level={3}
          title="Which functions count as business support"
          intro="Choose each function's category; the policy settings decide which categories count (IT is left out by default)."
        >
          <Accordion collapsible>
            <AccordionItem value="functions">
              <AccordionHeader as="h4">{`Workforce functions (${fnLines.length})`}</AccordionHeader>
              <AccordionPanel>
                <ul className={styles.fnList}>
                  {fnLines.map((l) => {
                    const key = cellKey(l.labelCell);
                    const value = (draft.functionCategories?.[key] ??
                      l.category ??
                      "other") as FunctionCategory;
                    return (
                      <li key={key}>
                        <Field
                          label={`${l.label} (${formatRef(l.labelCell)})`}
                          hint={capital(SUPPORT_WORDS[supportClassOf(analysis.policy, value)])}
                        >
                          <Select
                            className={styles.select}
                            value={value}
                            onChange={(_, d) =>
                              setDraft(
                                chooseFunctionCategory(
                                  draft,
                                  l.labelCell,
                                  d.value as FunctionCategory
                                )
                              )
                            }
                          >
                            {FUNCTION_CATEGORIES.map((c) => (
                              <option key={c} value={c}>
                                {functionCategoryLabel(c)}
                              </option>
                            ))}
                          </Select>
                        </Field>
                      </li>
                    );
                  })}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </Section>
      ) : null}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={!changed || op.running}
          onClick={() => void save(draft)}
        >
          Save and re-run
        </Button>
        {changed ? (
          <Button disabledFocusable={op.running} onClick={() => setDraft(stored)}>
            Undo changes
          </Button>
        ) : null}
        {decisionCount(stored) > 0 && !changed ? (
          <Button disabledFocusable={op.running} onClick={() => void save({})}>
            Forget my corrections ({decisionCount(stored)})
          </Button>
        ) : null}
      </div>
      <OperationStatus op={op} />
      {saved && !op.running && !changed ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            Saved in the workbook. The figures above now use your choices.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </Section>
  );
}
