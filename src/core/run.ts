/**
 * The one pipeline every front end runs: the task pane (in Excel and in the preview) and the
 * `vfm` command. Workbook grid in, everything the user sees out: detected figures with their
 * cells, the analysis, peers benchmarking where a peers sheet exists, and all findings.
 */
import { WorkbookGrid } from "./grid";
import { isIsoDate } from "./dates";
import { Finding, sortFindings } from "./findings";
import { ForceData } from "./forceData";
import { JsonValue, StoredSettings } from "./gateway";
import { DEFAULT_POLICY, Policy } from "./policy";
import { detectForceData, DetectOptions } from "./detect/detect";
import { analyse, AnalyseOptions } from "./analysis/analyse";
import type { IndicatorEngine } from "./analysis/indicators";
import type { NationalComparer } from "./analysis/analyse";
import { compareNationalFigures } from "./profiles/compare";
import { isIndicatorKey } from "./policy";
import { Analysis } from "./analysis/types";
import { PeersAnalysis } from "./analysis/peersTypes";
import { runScenario } from "./scenario/scenario";
import { storedScenarios } from "./scenario/store";
import { ScenarioResult } from "./scenario/types";
import { CheckSettings, storedCheckSettings } from "./check/settings";
import { withRuleSeverities } from "./check/ruleSeverities";
import type { NationalTable } from "./profiles/types";

// The next step, drafting the statement, is its own module, so a front end that runs the pipeline
// without drafting (the task pane's first step) does not bundle the statement's code.
export { draftStatement } from "./draft";
export type { DraftOptions } from "./draft";

export interface VfmRunOptions {
  /** Settings stored in the workbook by the task pane: mapping decisions and policy overrides. */
  readonly settings?: StoredSettings;
  /** A policy file's overrides (`vfm analyse --policy FILE`). */
  readonly policyFile?: AnalyseOptions["policyFile"];
  readonly policy?: Policy;
  /** The formula engine, when the workbook defines indicators (see withIndicatorEngine). */
  readonly indicatorEngine?: IndicatorEngine;
  /** HMIC's national table, to compare with all 43 forces when the workbook has no peers sheet. */
  readonly national?: NationalTable;
  /**
   * The comparison with the national table (runVfm gives compareNationalFigures; the pane
   * passes the one loadNationalModel fetched with the table).
   */
  readonly nationalComparer?: NationalComparer;
  /** A most similar group chosen by the user (the pane), used with the national table. */
  readonly group?: readonly string[];
}

export interface VfmResult {
  readonly workbook: WorkbookGrid;
  readonly data: ForceData;
  readonly analysis: Analysis;
  /** Present when the workbook has a peers sheet (analysis.peers). */
  readonly peers?: PeersAnalysis;
  readonly forceName: string;
  /** The force's targets, where a scenario was chosen as them ("Use as our targets"), modelled. */
  readonly targets?: ScenarioResult;
  /** Every finding from detection, the analyses and peers; errors first. */
  readonly findings: readonly Finding[];
  /**
   * The check's settings kept in the workbook (a severity per rule, the variance threshold):
   * the check applies them, and the analysis's findings that are a rule's problem take the
   * rule's severity from them, so every front end shows one severity per problem.
   */
  readonly checkSettings?: CheckSettings;
  /**
   * The statement's settings kept in the workbook by the pane: the Police Authority's name and the
   * date it approved the statement. draftStatement uses them, so the statement written into the
   * workbook and the one the check drafts again say the same.
   */
  readonly statementSettings?: StatementSettings;
}

/** What the user told the pane about the statement (SETTINGS_KEYS.statement). */
export interface StatementSettings {
  readonly authority?: string;
  /** ISO date of approval. */
  readonly approved?: string;
}

/** The statement settings stored in the workbook, each kept only where it is well formed. */
export function statementSettingsFrom(settings: StoredSettings | undefined): StatementSettings {
  const raw = asRecord(settings?.[SETTINGS_KEYS.statement]);
  const authority = typeof raw?.authority === "string" ? raw.authority.trim() : "";
  const approved = raw?.approved;
  return {
    ...(authority ? { authority } : {}),
    ...(isIsoDate(approved) ? { approved } : {}),
  };
}

/**
 * True when the workbook, its stored settings or the policy file may define an indicator: a key
 * "indicator.NAME" (or "indicator: NAME") in a text cell or among the overrides. A cheap look
 * that may say yes for a workbook whose key the detector then does not take; never no for one
 * that defines an indicator.
 */
export function definesIndicators(workbook: WorkbookGrid, options: VfmRunOptions = {}): boolean {
  const overrides = asRecord(options.settings?.[SETTINGS_KEYS.policy]);
  const keys = [
    ...Object.keys(overrides ?? {}),
    ...Object.keys(options.policyFile?.overrides ?? {}),
  ];
  if (keys.some(isIndicatorKey)) return true;
  for (const sheet of workbook.sheets)
    for (const row of sheet.values) {
      if (!row) continue;
      for (const v of row)
        if (
          typeof v === "string" &&
          v.length >= 10 &&
          /^\s*indicator/i.test(v) &&
          isIndicatorKey(v)
        )
          return true;
    }
  return false;
}

/**
 * Loads the formula engine (mathjs, in its own chunk for the task pane and its own module for
 * the command line). The fronts call it only when definesIndicators says so.
 */
export function loadIndicatorEngine(): Promise<IndicatorEngine> {
  return import(/* webpackChunkName: "formula-engine" */ "./analysis/indicatorEngine").then(
    (m) => m.indicatorEngine
  );
}

/** The run options with the formula engine added when the workbook defines indicators. */
export async function withIndicatorEngine(
  workbook: WorkbookGrid,
  options: VfmRunOptions = {}
): Promise<VfmRunOptions> {
  if (options.indicatorEngine || !definesIndicators(workbook, options)) return options;
  return { ...options, indicatorEngine: await loadIndicatorEngine() };
}

/** Where the task pane keeps its decisions in StoredSettings. */
export const SETTINGS_KEYS = {
  detect: "detect",
  policy: "policyOverrides",
  group: "mostSimilarGroup",
  statement: "statement",
} as const;

function asRecord(v: JsonValue | undefined): Record<string, JsonValue> | undefined {
  return v && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, JsonValue>)
    : undefined;
}

/** The same finding reached by two routes (the analysis and the stored scenarios) is listed once. */
function unique(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.severity}|${f.code}|${f.message}|${f.cell?.sheet ?? f.sheet ?? ""}!${f.cell?.address ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Models a force's chosen targets: runScenario (scenario/scenario.ts), or loadScenarioModel's. */
export type ScenarioModel = typeof runScenario;

/** The pipeline, with the scenario model that the targets stored in the workbook need. */
export function runVfm(workbook: WorkbookGrid, options: VfmRunOptions = {}): VfmResult {
  return runVfmWith(
    workbook,
    options.national && !options.nationalComparer
      ? { ...options, nationalComparer: compareNationalFigures }
      : options,
    runScenario
  );
}

/**
 * Loads the scenario model (in its own chunk for the task pane), for runVfmWith. The pane calls
 * it only when the workbook's settings store targets (needsScenarioModel).
 */
export function loadScenarioModel(): Promise<ScenarioModel> {
  return import(/* webpackChunkName: "scenario" */ "./scenario/scenario").then(
    (m) => m.runScenario
  );
}

/** True when the settings store targets, which runVfmWith models with the scenario model. */
export function needsScenarioModel(settings: StoredSettings | undefined): boolean {
  return storedScenarios(settings).targets !== undefined;
}

/**
 * runVfm with the scenario model passed in, so that a front end that loads its code in parts
 * (the task pane) fetches the model only for a workbook that stores targets (and the national
 * comparison only with the national table, options.nationalComparer). Without a model,
 * stored targets are an error, never left out in silence.
 */
export function runVfmWith(
  workbook: WorkbookGrid,
  options: VfmRunOptions,
  scenarioModel: ScenarioModel | undefined
): VfmResult {
  const detectOptions = asRecord(options.settings?.[SETTINGS_KEYS.detect]) as
    DetectOptions | undefined;
  const overrides = asRecord(options.settings?.[SETTINGS_KEYS.policy]);
  const data = detectForceData(workbook, detectOptions);
  // The pane keeps the most similar group the user picked with the other settings.
  const storedGroup = options.settings?.[SETTINGS_KEYS.group];
  const group =
    options.group ??
    (Array.isArray(storedGroup)
      ? storedGroup.filter((g): g is string => typeof g === "string")
      : undefined);
  const analysed = analyse(data, options.policy ?? DEFAULT_POLICY, {
    ...(options.indicatorEngine ? { indicatorEngine: options.indicatorEngine } : {}),
    ...(options.national ? { national: options.national } : {}),
    ...(options.nationalComparer ? { nationalComparer: options.nationalComparer } : {}),
    ...(group ? { group } : {}),
    policyFile:
      options.policyFile ??
      (overrides && Object.keys(overrides).length > 0
        ? { name: "the add-in's settings", overrides }
        : undefined),
  });
  const checkSettings = storedCheckSettings(options.settings);
  const analysis: Analysis = {
    ...analysed,
    findings: withRuleSeverities(analysed.findings, checkSettings.severityOverrides),
  };
  const stored = storedScenarios(options.settings);
  if (stored.targets && !scenarioModel)
    throw new Error("The workbook stores targets, and the scenario model was not loaded.");
  const targets =
    stored.targets && scenarioModel ? scenarioModel(data, analysis, stored.targets) : undefined;
  const findings = sortFindings(unique([...analysis.findings, ...stored.findings]));
  const statementSettings = statementSettingsFrom(options.settings);
  const result: VfmResult = {
    workbook,
    data,
    analysis,
    ...(analysis.peers ? { peers: analysis.peers } : {}),
    forceName: analysis.force.value,
    findings,
    ...(Object.keys(checkSettings).length > 0 ? { checkSettings } : {}),
    ...(Object.keys(statementSettings).length > 0 ? { statementSettings } : {}),
  };
  return targets ? { ...result, targets } : result;
}
