/** The inspector's check: the API the task pane, the findings sheet and `vfm check` use. */
export {
  checkWorkbook,
  findingsByArea,
  ruleWords,
  CHECK_RAG_WORDS,
  DEFAULT_VARIANCE_THRESHOLD,
  DEFAULT_RECONCILIATION_TOLERANCE,
} from "./check";
export type { CheckOptions } from "./check";
export { CHECK_RULES, ruleFor, rulesFor, isRuleCode, parseSeverityOverrides } from "./rules";
export type { CheckRule, RuleCode, RuleTerms, SeverityOverride, SeverityOverrides } from "./rules";
export { CHECK_AREAS, CHECK_AREA_LABELS } from "./types";
export type {
  CheckArea,
  CheckCounts,
  CheckFinding,
  CheckReport,
  CheckSeverity,
  ExpectedCell,
  ExpectedSheet,
  RuleOutcome,
  RuleResult,
  StatementExpectation,
} from "./types";
export { statementSheetsIn } from "./consistency";
export { documentClaims, documentDifferenceCount, normalText } from "./document";
export type { DocBlock, PublishedStatement } from "./document";
export { CHECK_SETTINGS_KEY, checkOptionsFromSettings, checkSettingsToStore } from "./settings";
export type { CheckSettings } from "./settings";
