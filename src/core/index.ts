/**
 * The core's face: everything the task pane, the ribbon commands and the command line may use.
 * The fronts import from here ("../core"), never from the core's files; lint keeps them to it
 * (eslint.config.mjs). Add an export here when a front end needs something new of the core.
 *
 * Every module behind this face is pure and free of side effects (webpack is told so), so a
 * front end that takes one name from here bundles only what that name needs.
 */

// The pipeline: workbook grid in, result out; then the statement.
export {
  definesIndicators,
  loadIndicatorEngine,
  loadScenarioModel,
  needsScenarioModel,
  runVfm,
  runVfmWith,
  SETTINGS_KEYS,
  statementSettingsFrom,
  withIndicatorEngine,
} from "./run";
export { draftStatement } from "./draft";
export type { DraftOptions } from "./draft";
export type { IndicatorEngine } from "./analysis/indicators";
export type { NationalComparer } from "./analysis/analyse";
export type { ScenarioModel, StatementSettings, VfmResult, VfmRunOptions } from "./run";

// The ground floor: grid, gateway contract, write plans, findings, money, dates, formatting, names.
export { finding, findingPlace, sortFindings } from "./findings";
export type { Finding } from "./findings";
export { SAVINGS_AREAS } from "./forceData";
export type { BudgetLine, BudgetLineKey, ForceData, FunctionCategory } from "./forceData";
export { dayOfIso, financialYearOfDay, financialYearStart, isIsoDate, isoDatePart } from "./dates";
export type { IsoDate } from "./dates";
export { FORCES, matchForce } from "./forces";
export type { Force } from "./forces";
export { hasBudgetFigures, noPoliceFigures } from "./policeFigures";
export type { NoPoliceFigures } from "./policeFigures";
export {
  formatAsWritten,
  formatBytes,
  formatCount,
  formatDate,
  formatFte,
  formatMoney,
  formatMoneyCell,
  formatNumber,
  formatPercent,
  formatPolicyPercent,
  formatPounds,
  formatPoundsValue,
  formatYear,
} from "./format";
export { CancelledError, GatewayError } from "./gateway";
export type {
  Cancellation,
  JsonValue,
  Progress,
  StoredSettings,
  WorkbookGateway,
  WriteResult,
} from "./gateway";
export { formatRef } from "./grid";
export type { CellRef, SheetGrid, WorkbookGrid } from "./grid";
export type { MoneyUnit, Pence } from "./money";
export {
  AREA_SHORT,
  BUDGET_KEY_NAMES,
  functionCategoryLabel,
  procurementCategoryLabel,
  ROUTE_NAMES,
} from "./names";
export { decodeSettingsSheet, isSettingsSheet } from "./ownership";
export {
  formatPolicyValue,
  FUNCTION_CATEGORIES,
  parsePolicyValue,
  POLICY_SETTINGS,
  POLICY_GROUP_LABELS,
  policyDefaultSource,
  policyOverridesFromJson,
  policySettingWords,
  policyValue,
  supportClassOf,
} from "./policy";
export type { Policy, PolicyGroup, PolicySettingDescriptor, PolicyValue } from "./policy";
export type { WritePlan } from "./writePlan";
export type { FinancialYear } from "./years";
export { parseYearKey } from "./years";

// Detection.
export type { DetectOptions } from "./detect/options";
export { detectPeersReport } from "./detect/peers";
export type { PeersData } from "./peersData";
export { UNIT_WORDS } from "./detect/units";

// The analysis and its JSON.
export { UNNAMED_FORCE } from "./analysis/analyse";
export { areaStatus } from "./analysis/areaStatus";
export type { AreaStatus, AreaTest } from "./analysis/areaStatus";
export { lineWorkforceFte } from "./analysis/figures";
export { overtimeBasisWords } from "./analysis/overtime";
export type { ReadingOption, ReadingVerdict } from "./analysis/readings";
export { analysisToJson } from "./analysis/json";
export { analysePeers, gapInputsFromAnalysis } from "./analysis/peers";
export type {
  GapInputs,
  NationalComparison,
  NationalComparisonLine,
  PeerIndicatorResult,
  PeersAnalysis,
} from "./analysis/peers";
export { peersToJson } from "./analysis/peersJson";
export { savingsAreaLabel } from "./analysis/savings";
export {
  doubtCells,
  doubtCorrection,
  doubtText,
  isUnconfirmed,
  unconfirmedMark,
  unconfirmedSentence,
} from "./analysis/supportConfidence";
export type {
  Analysis,
  BusinessSupportYear,
  PlannedActual,
  ProcurementOpportunity,
  RagStatus,
  SavingsAnalysis,
  SavingsYearTotals,
  SupportDoubt,
} from "./analysis/types";

// The statement as a document model.
export {
  cell,
  missingFigure,
  moneyFigure,
  NO_DATA,
  percentFigure,
  ragCell,
  refsText,
  textFigure,
  yearFigure,
} from "./statement/format";
export { RAG_LABELS } from "./statement/model";
export type {
  Block,
  ChartBlock,
  DisplayFigure,
  ParagraphBlock,
  RagState,
  Section,
  Statement,
  TableBlock,
  TableCell,
  TableColumn,
  TableRow,
} from "./statement/model";
export { AREA_HEADINGS } from "./statement/sections/areas";
export { countOf, countWord, goOnLower, listWords, thereAre } from "./plainEnglish";
export { listYears, ragState, sentence, withParagraph } from "./statement/sections/common";
export { THIS_FORCE } from "./statement/sections/skiSlope";

// The inspector's check.
export * from "./check";
export { checkWorkbookWithStatement, expectedStatementSheets } from "./check/expectation";
export type { StatementPlanRenderer } from "./check/expectation";

// Savings scenarios.
export { scenarioToJson } from "./scenario/json";
export { readCut, readRate, readRemovals, readYear } from "./scenario/levers";
export { runScenario } from "./scenario/scenario";
export { compareScenarios } from "./scenario/compare";
export type { Comparison } from "./scenario/compare";
export { WORKBOOK_PLAN_NAME } from "./scenario/scenario";
export {
  MAX_SCENARIOS,
  pinnedLevers,
  storedScenarios,
  withScenario,
  withTargets,
  withoutScenario,
} from "./scenario/store";
export type {
  OvertimeLever,
  Scenario,
  ScenarioLevers,
  ScenarioResult,
  SupportLever,
} from "./scenario/types";

// The input template and the bundled sample.
export { exampleshireFreeForm, exampleshireTemplate } from "./sample/exampleshire";
export { blankTemplate, inputTemplate, TEMPLATE_LAYOUT, templateSheetPlan } from "./template";

// HMIC's Value for Money profile data: the national table of the 43 forces.
export {
  INDICATOR_NAMES,
  indicatorSpread,
  nationalTable,
  nationalTableToJson,
  NOT_A_PROFILE,
  PROFILE_INDICATOR_KEYS,
  compareWithNational,
  loadNationalModel,
  loadNationalTable,
  loadProfileReader,
  nationalGapInputs,
  profileLayout,
  profilePeersSheet,
  readProfileFile,
  recordsFor,
} from "./profiles";
export type {
  FileProfile,
  IndicatorSpread,
  NationalModel,
  NationalTable,
  ProfileCell,
  ProfileIndicatorKey,
  ProfileRecord,
  ProfileValue,
} from "./profiles";
export { OGL_ATTRIBUTION, SUPPORT_DEFINITION_SPECS } from "./classifications";
