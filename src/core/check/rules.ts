/**
 * The rule catalogue, as data: every check the add-in makes as an inspector would, with its
 * code, a plain-English explanation, the White Paper paragraph it rests on, its default
 * severity (kept in ruleSeverities.ts, which the analysis loads without these words) and its area. The severity of any rule can be changed (or the rule switched off) in
 * the check's settings; nothing else about a rule is configurable here, because the thresholds
 * and years it uses come from the policy (policy.ts), which the user can already override.
 */
import { formatPolicyPercent, formatYear } from "../format";
import { DEFAULT_POLICY, Policy } from "../policy";
import { CheckArea, CheckSeverity } from "./types";
import {
  isRuleCode,
  RULE_SEVERITIES,
  RuleCode,
  SeverityOverride,
  SeverityOverrides,
} from "./ruleSeverities";

export { isRuleCode, ruleFinding, RULE_SEVERITIES, withRuleSeverities } from "./ruleSeverities";
export type { RuleCode, SeverityOverride, SeverityOverrides } from "./ruleSeverities";

export interface CheckRule {
  readonly code: string;
  readonly area: CheckArea;
  /** A short name for lists and the findings sheet. */
  readonly title: string;
  /** What the rule looks for and why, in the add-in's own words. */
  readonly explanation: string;
  /** White Paper paragraph(s) (see the domain rulebook, vfm-policy.md). */
  readonly paragraph: string;
  readonly defaultSeverity: CheckSeverity;
}

/** The check's own setting: an actual saving this far from the plan needs a note (5.53, 5.58). */
export const DEFAULT_VARIANCE_THRESHOLD = 0.1;

/** The check's own setting: a plan's saving this far from the budget's fall does not reconcile. */
export const DEFAULT_RECONCILIATION_TOLERANCE = 0.15;

/**
 * The rules as data. Titles and explanations name the policy figures in force through
 * placeholders ({overtimeThreshold} and the others of RuleTerms), filled by rulesFor, so an
 * overridden threshold or year reads right wherever a rule is shown.
 */
const RULE_CATALOGUE = [
  // Completeness (5.53: the statement covers nine areas, planned and then actual).
  {
    code: "AREAS_ADDRESSED",
    area: "completeness",
    title: "All nine areas addressed",
    explanation:
      "Each of the nine areas the statement must report has at least one planned figure in the savings plan, or a line saying plainly that no savings are planned there.",
    paragraph: "5.53",
  },
  {
    code: "PAST_YEARS_PLANNED_AND_ACTUAL",
    area: "completeness",
    title: "Planned and actual for past years",
    explanation:
      "For every financial year that has ended, each savings line shows both what was planned and what was actually saved, so readers can compare the two.",
    paragraph: "5.53",
  },
  {
    code: "OVERTIME_BASELINE_PRESENT",
    area: "completeness",
    title: "Overtime baseline year present",
    explanation:
      "The budget shows overtime and pay for the baseline year ({baselineYear}), the year overtime reductions are measured from.",
    paragraph: "5.9-5.10, 5.53",
  },
  {
    code: "TARGET_YEAR_COVERED",
    area: "completeness",
    title: "Target year covered",
    explanation:
      "The budget, the workforce figures and the savings plan all reach the target year ({targetYear}), the year the overtime and support-staff expectations fall due.",
    paragraph: "5.9-5.10, 5.46-5.51",
  },
  // Faults at their source: the cell that is wrong, not only the totals it throws out (5.53, 5.58).
  {
    code: "FIGURE_READABLE",
    area: "figures",
    title: "Figure cells hold figures",
    explanation:
      'Every budget, workforce, procurement and savings cell the statement draws on holds a number: text such as "n/a" or "5150000 (est)", an error such as #REF! or a date in its place leaves the figure out of every total and ratio built on it, so the cell itself is named.',
    paragraph: "5.53, 5.58",
  },
  {
    code: "FIGURE_NOT_NEGATIVE",
    area: "figures",
    title: "No negative pay, overtime, spend or FTE",
    explanation:
      "Pay, overtime, contract spend and FTE are never below zero; a negative one is named at its cell (a saving or a refund belongs on a line of its own).",
    paragraph: "5.53, 5.58",
  },
  {
    code: "NUMBER_NOT_TEXT",
    area: "figures",
    title: "Numbers stored as numbers",
    explanation:
      'A number typed as text ("5,150,000", "£312,500") is read by the add-in but ignored by Excel\'s SUM, so the workbook\'s own totals and the statement\'s disagree. Each such cell is named with the sum Excel shows for the lines it belongs to.',
    paragraph: "5.53, 5.58",
  },
  // Overtime (5.9-5.10).
  {
    code: "OVERTIME_ANNUAL_CUT",
    area: "overtime",
    title: "Yearly cut while above {overtimeThreshold}",
    explanation:
      "While overtime is above {overtimeThreshold} of the paybill, each year's overtime is at least {overtimeCut} lower {cutMeasure}. Every year that falls short is named.",
    paragraph: "5.9-5.10",
  },
  {
    code: "OVERTIME_THRESHOLD_YEAR_PLANNED",
    area: "overtime",
    title: "A year reaching {overtimeThreshold} is planned",
    explanation:
      "A force above {overtimeThreshold} shows, by the target year ({targetYear}) at the latest, a year in which its overtime comes down to {overtimeThreshold} of the paybill or less.",
    paragraph: "5.9-5.10",
  },
  {
    code: "OVERTIME_NO_RISE",
    area: "overtime",
    title: "{atOrBelowTitle} at or below {overtimeThreshold}",
    explanation:
      "Once overtime is at or below {overtimeThreshold} of the paybill, {atOrBelowRule} The year that does not is named.",
    paragraph: "5.9-5.10",
  },
  // Business support (5.46-5.51).
  {
    code: "SUPPORT_BELOW_THRESHOLD_BY_TARGET",
    area: "businessSupport",
    title: "Support below {supportThreshold} by the target year",
    explanation:
      "The planned workforce brings business support (IT staff excluded) below {supportThreshold} of the workforce by the target year ({targetYear}).",
    paragraph: "5.46-5.51",
  },
  {
    code: "SUPPORT_FTE_MATCHES_WORKFORCE",
    area: "businessSupport",
    title: "Support FTE shown matches the workforce lines",
    explanation:
      "Where the workbook states a business-support FTE (a total or summary row), it equals the sum of the functions that count as business support under the classification in use.",
    paragraph: "5.46-5.51",
  },
  // Procurement (5.31-5.40).
  {
    code: "MIGRATION_DATE_PLANNED",
    area: "procurement",
    title: "Migration date for every legacy contract",
    explanation:
      "Every line in a category with a national framework that is not yet bought through it has a planned date for moving onto the framework.",
    paragraph: "5.31-5.40",
  },
  {
    code: "MIGRATION_DATE_IN_TIME",
    area: "procurement",
    title: "Migration no later than it should be",
    explanation:
      "A planned move onto a national framework is no later than the framework's date or the contract's end, whichever comes later.",
    paragraph: "5.31-5.40",
  },
  // Arithmetic (the statement's figures must stand up to inspection: 5.53, 5.58).
  {
    code: "TOTALS_ADD_UP",
    area: "arithmetic",
    title: "Totals equal their lines",
    explanation:
      "Every total and subtotal row in the budget and workforce sheets equals the sum of the lines it totals, within the rounding of its figures: half a unit for each line and for the total, the unit being the precision the sheet is written to (a penny, £1,000 on a sheet in £000, one FTE).",
    paragraph: "5.53, 5.58",
  },
  {
    code: "VARIANCE_EXPLAINED",
    area: "arithmetic",
    title: "Large variances explained",
    explanation:
      'Where an actual saving differs from the plan by more than the variance threshold ({varianceThreshold}), the line\'s note says why: it names a cause (because, due to, delayed, contracts ending...) or a figure (an amount, a percentage, a month or a year). A note that only points elsewhere ("See above") or has fewer than three words does not count.',
    paragraph: "5.53, 5.58",
  },
  {
    code: "PLAN_RECONCILES_TO_BUDGET",
    area: "arithmetic",
    title: "Savings plan reconciles to the budget",
    explanation:
      "Each year's cashable overtime saving in the savings plan matches the fall in overtime the budget shows, and each year's support services saving the fall in business-support FTE the workforce shows, priced at the average cost of a support FTE. A saving counts against the year before or against the baseline year ({baselineYear}), within {reconciliationTolerance} of the larger figure; years the budget heads actual use the actual saving, and their planned saving may miss the fall by no more than {reconciliationTolerance} of the whole line the year before.",
    paragraph: "5.9-5.10, 5.46-5.51, 5.53",
  },
  // Consistency (5.53-5.54: the published statement reports the force's own figures).
  {
    code: "STATEMENT_MATCHES_DATA",
    area: "consistency",
    title: "Statement sheet matches the data",
    explanation:
      "The statement sheet the add-in drafted still shows what the workbook's data give today. A cell changed by hand after drafting, or data changed since, is pointed out cell by cell.",
    paragraph: "5.53-5.54, 5.58",
  },
  {
    code: "DOCUMENT_MATCHES_DATA",
    area: "consistency",
    title: "Published statement matches the workbook",
    explanation:
      "The Word statement, as published, says what the workbook gives today: every figure, status word, year and sentence the add-in drafts is there unchanged. Each difference is named by its place in the document (section, table, row and column) and the workbook cells it should match.",
    paragraph: "5.53-5.54, 5.58",
  },
  {
    code: "DOCUMENT_AREAS_PRESENT",
    area: "consistency",
    title: "Published statement reports all nine areas",
    explanation:
      "The Word statement keeps a section for each of the nine areas the statement must report.",
    paragraph: "5.53",
  },
  {
    code: "DOCUMENT_TEXT_ADDED",
    area: "consistency",
    title: "Text added to the published statement",
    explanation:
      "Text, rows or tables in the Word statement that the add-in did not draft from the workbook (an approval line, a figure typed in) are listed to be checked against the workbook.",
    paragraph: "5.53-5.54, 5.58",
  },
  // The force's own targets, where it set them from a modelled scenario (5.10, 5.53).
  {
    code: "TARGETS_OVERTIME_MET",
    area: "overtime",
    title: "Overtime within the force's targets",
    explanation:
      "Where the force set its targets from a modelled scenario, each year that has ended has overtime at or below the target the force set for that year.",
    paragraph: "5.10, 5.53",
  },
  {
    code: "TARGETS_SUPPORT_MET",
    area: "businessSupport",
    title: "Business support within the force's targets",
    explanation:
      "Where the force set its targets from a modelled scenario, each year that has ended has no more business-support FTE than the target the force set for that year.",
    paragraph: "5.46-5.51, 5.53",
  },
  {
    code: "TARGETS_MIGRATION_MET",
    area: "procurement",
    title: "Contracts moved as the force's targets set",
    explanation:
      "Where the force set its targets from a modelled scenario, every contract the targets move to the national approach in a year that has ended is no longer on its legacy contract.",
    paragraph: "5.31-5.40, 5.53",
  },
  // Peers (5.59).
  {
    code: "PEER_BOTTOM_QUARTILE_ACTION",
    area: "peers",
    title: "Bottom-quartile indicators have a planned action",
    explanation:
      "Where the force is in the worst quarter of its most similar forces on an indicator, the savings plan holds an action for that area.",
    paragraph: "5.59",
  },
] as const satisfies readonly (Omit<CheckRule, "defaultSeverity"> & { code: RuleCode })[];

/** The policy figures rules name, as written in their titles and explanations. */
export interface RuleTerms {
  readonly overtimeThreshold: string;
  readonly overtimeCut: string;
  readonly supportThreshold: string;
  readonly baselineYear: string;
  readonly targetYear: string;
  readonly varianceThreshold: string;
  readonly reconciliationTolerance: string;
  /** How the yearly cut is measured (overtime.cutFrom). */
  readonly cutMeasure: string;
  /** What 5.10 asks at or below the threshold (overtime.atOrBelow). */
  readonly atOrBelowTitle: string;
  readonly atOrBelowRule: string;
}

export function ruleTerms(
  policy: Policy,
  varianceThreshold: number = DEFAULT_VARIANCE_THRESHOLD,
  reconciliationTolerance: number = DEFAULT_RECONCILIATION_TOLERANCE
): RuleTerms {
  return {
    overtimeThreshold: formatPolicyPercent(policy.overtime.threshold),
    overtimeCut: formatPolicyPercent(policy.overtime.minAnnualCut),
    supportThreshold: formatPolicyPercent(policy.businessSupport.threshold),
    baselineYear: formatYear(policy.years.baseline),
    targetYear: formatYear(policy.years.target),
    varianceThreshold: formatPolicyPercent(varianceThreshold),
    reconciliationTolerance: formatPolicyPercent(reconciliationTolerance),
    cutMeasure:
      policy.overtime.cutFrom === "baseline"
        ? `for every year since the first year above it (from the baseline, ${formatYear(policy.years.baseline)}), compounded`
        : "than the year before",
    atOrBelowTitle: policy.overtime.atOrBelow === "fall" ? "A fall every year" : "No rise",
    atOrBelowRule:
      policy.overtime.atOrBelow === "fall"
        ? "it keeps falling: each year's overtime is lower than the year before's (5.10, \"continue to make further reductions\")."
        : "it does not go up again from one year to the next.",
  };
}

function fill(text: string, terms: RuleTerms): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in terms ? terms[key as keyof RuleTerms] : whole
  );
}

/** The rules with their words made from the policy in force (and the check's variance threshold). */
export function rulesFor(
  policy: Policy,
  varianceThreshold: number = DEFAULT_VARIANCE_THRESHOLD,
  reconciliationTolerance: number = DEFAULT_RECONCILIATION_TOLERANCE
): readonly (CheckRule & { readonly code: RuleCode })[] {
  const terms = ruleTerms(policy, varianceThreshold, reconciliationTolerance);
  return RULE_CATALOGUE.map((r) => ({
    ...r,
    defaultSeverity: RULE_SEVERITIES[r.code],
    title: fill(r.title, terms),
    explanation: fill(r.explanation, terms),
  }));
}

/** The rules as they read under the White Paper's own figures (the default policy). */
export const CHECK_RULES = rulesFor(DEFAULT_POLICY);

const BY_CODE: ReadonlyMap<string, CheckRule> = new Map(CHECK_RULES.map((r) => [r.code, r]));

export function ruleFor(code: string): CheckRule | undefined {
  return BY_CODE.get(code);
}

/**
 * Reads severity settings written as text ("VARIANCE_EXPLAINED=error", "peer_bottom_quartile_action: off"),
 * as the command line's --severity option and a settings sheet give them. Unknown codes or
 * severities come back as problems in plain English, never as exceptions.
 */
export function parseSeverityOverrides(texts: readonly string[]): {
  readonly overrides: SeverityOverrides;
  readonly problems: readonly string[];
} {
  const overrides: Partial<Record<RuleCode, SeverityOverride>> = {};
  const problems: string[] = [];
  for (const text of texts) {
    const m = /^\s*([A-Za-z_]+)\s*[=:]\s*([A-Za-z]+)\s*$/.exec(text);
    if (!m) {
      problems.push(
        `"${text}" is not a rule setting; write it as RULE=error, RULE=warning or RULE=off.`
      );
      continue;
    }
    const code = m[1].toUpperCase();
    const severity = m[2].toLowerCase();
    if (!isRuleCode(code)) {
      problems.push(`There is no rule called ${code}.`);
      continue;
    }
    if (severity !== "error" && severity !== "warning" && severity !== "off") {
      problems.push(`The severity for ${code} must be error, warning or off, not "${m[2]}".`);
      continue;
    }
    overrides[code] = severity;
  }
  return { overrides, problems };
}
