/**
 * Model: the what-if a finance team runs before it commits to a plan. Levers (a yearly overtime
 * cut or a year to reach the threshold by, business-support posts removed or a year to get below
 * a share by (the threshold, or a lower share of the force's own), which contracts move to the
 * national approach and when, each category's saving rate, pay growth, the start year) are read as the user types, with the same readers as `vfm model`; the
 * scenario is worked out at once (pure core, no workbook read) and drawn against the threshold
 * and the required path. Up to three scenarios are kept in the workbook's add-in settings,
 * compared in one table and a chart per measure, and one can be made the force's targets.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  MAX_SCENARIOS,
  Scenario,
  ScenarioResult,
  StoredSettings,
  compareScenarios,
  formatPolicyPercent,
  pinnedLevers,
  runScenario,
  storedScenarios,
  withScenario,
  withTargets,
  withoutScenario,
} from "../../core";
import {
  ContractRow,
  LeverDraft,
  LeverField,
  OvertimeMode,
  SupportMode,
  contractRows,
  draftOf,
  headline,
  initialDraft,
  rateRows,
  readDraft,
  withMove,
} from "../model/modelStep";
import { usePane } from "../PaneContext";
import { useStatement } from "../useStatement";
import { useOperation } from "../useOperation";
import { OperationStatus } from "../components/Status";
import { FindingList } from "../components/FindingList";
import { ModelChart } from "../components/ModelChart";
import { ModelTable } from "../components/ModelTable";
import { Section } from "../components/Section";

const useStyles = makeStyles({
  levers: { display: "flex", flexDirection: "column", gap: "12px", marginBottom: "8px" },
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px 10px",
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: "0 4px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  headline: { margin: "4px 0 8px", paddingLeft: "18px" },
  muted: { color: tokens.colorNeutralForeground2 },
  kept: { listStyle: "none", padding: 0, margin: "4px 0 8px" },
  keptItem: {
    display: "flex",
    flexWrap: "wrap",
    gap: "6px",
    alignItems: "center",
    padding: "4px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  keptName: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold },
  summary: {
    cursor: "pointer",
    padding: "4px 0",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  contracts: { listStyle: "none", padding: 0, margin: 0 },
  contract: {
    padding: "6px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  date: { maxWidth: "170px" },
});

function ModeRadios<M extends string>({
  label,
  value,
  options,
  onChange,
}: {
  readonly label: string;
  readonly value: M;
  readonly options: readonly { readonly value: M; readonly label: string }[];
  readonly onChange: (m: M) => void;
}) {
  return (
    <Field label={label}>
      <RadioGroup value={value} onChange={(_, d) => onChange(d.value as M)} layout="vertical">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}

export function ModelStep() {
  const styles = useStyles();
  const { result, settings, applySettings } = usePane();
  const statement = useStatement();
  const { analysis, data } = result;
  const unit = statement.unit;
  const [draft, setDraft] = useState<LeverDraft>(() => initialDraft(analysis));
  const [notice, setNotice] = useState<string | undefined>();
  const op = useOperation();
  const set = (patch: Partial<LeverDraft>) => {
    setNotice(undefined);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const threshold = analysis.policy.businessSupport.threshold;
  const read = useMemo(() => readDraft(draft, threshold), [draft, threshold]);
  const contracts = useMemo(() => contractRows(analysis, unit), [analysis, unit]);
  const rates = useMemo(() => rateRows(analysis), [analysis]);
  // The scenario and its charts, worked out on every change (timed for the browser test).
  const timing = useRef(0);
  const current = useMemo(() => {
    const start = performance.now();
    const r = runScenario(data, analysis, {
      name: draft.name.trim() || "This scenario",
      levers: read.levers,
    });
    const comparison = compareScenarios(analysis, [r], unit);
    timing.current = performance.now() - start;
    return { r, comparison };
  }, [data, analysis, unit, read.levers, draft.name]);
  const liveRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    liveRef.current?.setAttribute("data-model-ms", timing.current.toFixed(2));
  }, [current]);

  const kept = useMemo(() => storedScenarios(settings), [settings]);
  const keptResults = useMemo(
    () => kept.scenarios.map((s) => runScenario(data, analysis, s)),
    [kept.scenarios, data, analysis]
  );
  const keptComparison = useMemo(
    () => (keptResults.length > 0 ? compareScenarios(analysis, keptResults, unit) : undefined),
    [analysis, keptResults, unit]
  );

  const save = async (next: StoredSettings, done: string) => {
    const ok = await op.run("saving the settings", "Saving in the workbook", async () => {
      await applySettings(next);
      return true;
    });
    if (ok) setNotice(done);
  };
  const problems = Object.keys(read.problems).length;
  const keep = () => {
    const name = draft.name.trim();
    if (!name) {
      setNotice("Give the scenario a name to keep it.");
      return;
    }
    const r = withScenario(settings, { name, levers: read.levers });
    if (!r.ok) setNotice(r.why);
    else void save(r.settings, `"${name}" is kept in the workbook.`);
  };
  const adoptAsTargets = (s: Scenario, r: ScenarioResult) =>
    void save(
      withTargets(settings, { name: s.name, levers: pinnedLevers(r) }),
      `"${s.name}" is now the force's targets: the statement sets them out, and the check tests the actuals against them.`
    );

  const contract = (c: ContractRow) => {
    const m = draft.moves[c.cell];
    const problem = read.problems[`move:${c.cell}`];
    return (
      <li key={c.cell} className={styles.contract}>
        <Field
          label={`${c.label}: moves on`}
          hint={c.description}
          validationState={problem ? "error" : "none"}
          validationMessage={problem}
        >
          <Input
            type="date"
            className={styles.date}
            value={m?.stays ? "" : (m?.date ?? c.defaultDate)}
            disabled={m?.stays === true}
            onChange={(_, d) => {
              setNotice(undefined);
              setDraft((x) => withMove(x, c, { date: d.value }));
            }}
          />
        </Field>
        <Checkbox
          label={`${c.label} stays on its contract`}
          checked={m?.stays === true}
          onChange={(_, d) => {
            setNotice(undefined);
            setDraft((x) => withMove(x, c, { stays: d.checked === true }));
          }}
        />
      </li>
    );
  };
  const changedMoves = Object.keys(draft.moves).length;

  const box = (field: LeverField, label: string, hint: string) => (
    <Field
      label={label}
      hint={hint}
      validationState={read.problems[field] ? "error" : "none"}
      validationMessage={read.problems[field]}
    >
      <Input value={draft[field]} onChange={(_, d) => set({ [field]: d.value })} />
    </Field>
  );

  return (
    <>
      <Section
        id="model-levers"
        title="Levers"
        intro="Years up to the start keep the workbook's own figures; the levers apply to the years after. Write rates as 5% or 0.05, amounts as £250,000, years as 2012/13."
      >
        <div className={styles.levers}>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>Overtime</legend>
            <ModeRadios<OvertimeMode>
              label="How overtime comes down"
              value={draft.overtimeMode}
              onChange={(m) => set({ overtimeMode: m })}
              options={[
                {
                  value: "reach",
                  label: "The smallest yearly cut that reaches the threshold by a year",
                },
                { value: "cut", label: "A yearly cut I choose" },
                { value: "none", label: "Not modelled" },
              ]}
            />
            {draft.overtimeMode === "reach"
              ? box("overtimeReach", "Reach the threshold by", "A financial year, such as 2012/13.")
              : null}
            {draft.overtimeMode === "cut"
              ? box("overtimeCut", "Yearly cut", "A rate (7.5%) or an amount a year (£250,000).")
              : null}
          </fieldset>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>Business support</legend>
            <ModeRadios<SupportMode>
              label="How business support comes down"
              value={draft.supportMode}
              onChange={(m) => set({ supportMode: m })}
              options={[
                { value: "reach", label: "The fewest posts to get below the threshold by a year" },
                { value: "remove", label: "Posts I choose to remove, by year" },
                { value: "none", label: "Not modelled" },
              ]}
            />
            {draft.supportMode === "reach" ? (
              <>
                {box(
                  "supportReach",
                  "Get below the share by",
                  "A financial year, such as 2013/14."
                )}
                {box(
                  "supportShare",
                  "Share of the workforce to get below",
                  `The threshold in force is ${formatPolicyPercent(threshold)}; a force may aim lower, such as 6.5%.`
                )}
              </>
            ) : null}
            {draft.supportMode === "remove"
              ? box(
                  "supportRemove",
                  "Posts to remove",
                  "FTE@year, separated by commas: 5@2010/11, 7.5@2012/13."
                )
              : null}
          </fieldset>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>Procurement</legend>
            {contracts.length === 0 ? (
              <Text className={styles.muted}>
                No contract is left to move to a national framework.
              </Text>
            ) : (
              <>
                <details>
                  <summary className={styles.summary}>
                    Saving rates ({rates.length} {rates.length === 1 ? "category" : "categories"})
                  </summary>
                  <div className={styles.levers}>
                    {rates.map((r) => {
                      const key = `rate:${r.category}` as const;
                      return (
                        <Field
                          key={r.category}
                          label={`${r.label}: saving rate`}
                          hint={
                            r.policyRate === null
                              ? "The policy gives none: give a local estimate (such as 5%), or no saving is counted."
                              : `Leave empty for the policy's ${formatPolicyPercent(r.policyRate)}.`
                          }
                          validationState={read.problems[key] ? "error" : "none"}
                          validationMessage={read.problems[key]}
                        >
                          <Input
                            value={draft.rates[r.category] ?? ""}
                            onChange={(_, d) =>
                              set({ rates: { ...draft.rates, [r.category]: d.value } })
                            }
                          />
                        </Field>
                      );
                    })}
                  </div>
                </details>
                <details>
                  <summary className={styles.summary}>
                    Contracts still to move ({contracts.length}
                    {changedMoves > 0 ? `; ${changedMoves} changed` : ""})
                  </summary>
                  <p className={styles.muted}>
                    Each moves on the date the workbook plans, else the date it is due by. Change
                    the date, or tick that it stays on its contract.
                  </p>
                  <ul className={styles.contracts} aria-label="Contracts still to move">
                    {contracts.map(contract)}
                  </ul>
                </details>
              </>
            )}
          </fieldset>
          {box(
            "payGrowth",
            "Pay growth a year where the workbook has no pay figure",
            `The setting is ${formatPolicyPercent(analysis.policy.overtime.payGrowth)} a year; the workbook's own pay figures always win.`
          )}
          {box(
            "from",
            "Start after (optional)",
            "Leave empty for the latest year marked actual, else the baseline."
          )}
        </div>
      </Section>

      <Section id="model-results" title="This scenario">
        <div ref={liveRef} aria-live="polite" data-testid="model-headline">
          <ul className={styles.headline}>
            {headline(current.r, analysis, unit).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {problems > 0 ? (
            <Text className={styles.muted}>
              {problems} lever{problems === 1 ? "" : "s"} cannot be read and{" "}
              {problems === 1 ? "is" : "are"} left out; see the message{problems === 1 ? "" : "s"}{" "}
              above.
            </Text>
          ) : null}
        </div>
        {current.comparison.charts.map((c) => (
          <ModelChart key={c.id} chart={c} />
        ))}
        {current.r.findings.length > 0 ? (
          <FindingList findings={current.r.findings} label="Points about this scenario" />
        ) : null}
        <div className={styles.row}>
          <Field label="Name">
            <Input value={draft.name} onChange={(_, d) => set({ name: d.value })} />
          </Field>
          <Button appearance="primary" disabled={op.running} onClick={keep}>
            Keep this scenario
          </Button>
          <Button disabled={op.running} onClick={() => set(initialDraft(analysis))}>
            Start again
          </Button>
        </div>
        <OperationStatus op={op} />
        {notice ? (
          <MessageBar intent="info" role="status">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
      </Section>

      <Section
        id="model-kept"
        title="Kept scenarios"
        intro={`Up to ${MAX_SCENARIOS} scenarios are kept in the workbook's add-in settings (not in your sheets), beside the workbook's own plan.`}
      >
        {kept.targets ? (
          <p>
            The force&apos;s targets are set from &quot;{kept.targets.name}&quot;.{" "}
            <Button
              size="small"
              disabled={op.running}
              onClick={() =>
                void save(withTargets(settings, undefined), "The targets are no longer set.")
              }
            >
              Stop using as targets
            </Button>
          </p>
        ) : (
          <Text className={styles.muted}>No targets are set from a scenario.</Text>
        )}
        {kept.scenarios.length === 0 ? (
          <p className={styles.muted}>No scenario is kept yet.</p>
        ) : (
          <ul className={styles.kept} aria-label="Kept scenarios">
            {kept.scenarios.map((s, i) => (
              <li key={s.name} className={styles.keptItem}>
                <span className={styles.keptName}>{s.name}</span>
                <Button size="small" onClick={() => set(draftOf(analysis, s.name, s.levers))}>
                  Load {s.name}
                </Button>
                <Button
                  size="small"
                  disabled={op.running}
                  onClick={() => adoptAsTargets(s, keptResults[i])}
                >
                  Use {s.name} as our targets
                </Button>
                <Button
                  size="small"
                  disabled={op.running}
                  onClick={() =>
                    void save(withoutScenario(settings, s.name), `"${s.name}" was deleted.`)
                  }
                >
                  Delete {s.name}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {keptComparison ? (
          <>
            <ModelTable table={keptComparison.table} />
            {keptComparison.charts.map((c) => (
              <ModelChart key={c.id} chart={c} />
            ))}
          </>
        ) : null}
      </Section>
    </>
  );
}
