/**
 * What the analysis needs of the check's rules as it runs (the task pane's first step): each
 * rule's code and default severity, and the severity the check's settings give a finding that is
 * a rule's problem. The catalogue itself, with each rule's words and paragraph, is rules.ts, which
 * only the check and the findings sheet load.
 */
import { CellRef } from "../grid";
import { Finding, finding } from "../findings";
import type { CheckSeverity } from "./types";

/** Every rule's code with its default severity, in the catalogue's order (rules.ts). */
export const RULE_SEVERITIES = {
  AREAS_ADDRESSED: "error",
  PAST_YEARS_PLANNED_AND_ACTUAL: "error",
  OVERTIME_BASELINE_PRESENT: "error",
  TARGET_YEAR_COVERED: "error",
  FIGURE_READABLE: "error",
  FIGURE_NOT_NEGATIVE: "error",
  NUMBER_NOT_TEXT: "error",
  OVERTIME_ANNUAL_CUT: "error",
  OVERTIME_THRESHOLD_YEAR_PLANNED: "error",
  OVERTIME_NO_RISE: "warning",
  SUPPORT_BELOW_THRESHOLD_BY_TARGET: "error",
  SUPPORT_FTE_MATCHES_WORKFORCE: "error",
  MIGRATION_DATE_PLANNED: "error",
  MIGRATION_DATE_IN_TIME: "error",
  TOTALS_ADD_UP: "error",
  VARIANCE_EXPLAINED: "warning",
  PLAN_RECONCILES_TO_BUDGET: "warning",
  STATEMENT_MATCHES_DATA: "error",
  DOCUMENT_MATCHES_DATA: "error",
  DOCUMENT_AREAS_PRESENT: "error",
  DOCUMENT_TEXT_ADDED: "warning",
  TARGETS_OVERTIME_MET: "warning",
  TARGETS_SUPPORT_MET: "warning",
  TARGETS_MIGRATION_MET: "warning",
  PEER_BOTTOM_QUARTILE_ACTION: "warning",
} as const satisfies Readonly<Record<string, CheckSeverity>>;

export type RuleCode = keyof typeof RULE_SEVERITIES;

/** Severity as set in the check's settings: a severity, or "off" to skip the rule. */
export type SeverityOverride = CheckSeverity | "off";
export type SeverityOverrides = Readonly<Partial<Record<RuleCode, SeverityOverride>>>;

export function isRuleCode(code: string): code is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULE_SEVERITIES, code);
}

/**
 * A finding of the analysis that is the same problem a check rule finds (overtime above the
 * required path, a move planned late): it carries the rule, and the rule's default severity, so
 * the analysis and the check never give one problem two severities.
 */
export function ruleFinding(
  rule: RuleCode,
  code: string,
  message: string,
  where?: CellRef | { sheet: string },
  fix?: string
): Finding {
  return { ...finding(RULE_SEVERITIES[rule], code, message, where, fix), rule };
}

/**
 * The findings with the severity the check's settings give their rule (a finding whose rule is
 * switched off stays, as information): the one severity the Data step, `vfm analyse` and the
 * check all show for the same problem.
 */
export function withRuleSeverities(
  findings: readonly Finding[],
  overrides: SeverityOverrides | undefined
): Finding[] {
  return findings.map((f) => {
    if (!f.rule || !isRuleCode(f.rule)) return f;
    const set = overrides?.[f.rule] ?? RULE_SEVERITIES[f.rule];
    const severity = set === "off" ? "info" : set;
    return severity === f.severity ? f : { ...f, severity };
  });
}
