/**
 * checkWorkbook: the inspector's check over one workbook's result (runVfm). Runs every rule in
 * the catalogue, gives each finding its severity (the default, or the one set in the settings),
 * area and White Paper paragraph, and sums up with a RAG status in words. Pure and
 * deterministic: it never reads the clock (pass `today`) and never throws; a rule group that
 * fails on something unexpected becomes a finding and the other groups go on.
 *
 * The statement-sheet comparison needs the statement drafted again from today's data, which
 * takes the Excel renderer, which the front end passes in: call checkWorkbookWithStatement
 * (expectation.ts) to have it done, or pass `expectedStatement` yourself.
 */
import { RagStatus } from "../analysis/types";
import { AreaStatus, areaStatus } from "../analysis/areaStatus";
import { SAVINGS_AREAS } from "../forceData";
import type { VfmResult } from "../run";
import { checkArithmetic } from "./arithmetic";
import { checkBusinessSupport } from "./businessSupport";
import { checkCompleteness } from "./completeness";
import { checkConsistency } from "./consistency";
import { checkDocument, PublishedStatement } from "./document";
import { CheckContext } from "./context";
import { checkOvertime } from "./overtime";
import { checkPeers } from "./peers";
import { checkProcurement } from "./procurement";
import { checkReconciliation } from "./reconciliation";
import { checkSourceCells } from "./sourceCells";
import { checkTargets } from "./targets";
import {
  CHECK_RULES,
  CheckRule,
  DEFAULT_RECONCILIATION_TOLERANCE,
  DEFAULT_VARIANCE_THRESHOLD,
  RuleCode,
  SeverityOverrides,
  ruleFor,
  rulesFor,
} from "./rules";
import {
  CHECK_AREAS,
  CheckArea,
  CheckCounts,
  CheckFinding,
  CheckReport,
  CheckSeverity,
  RuleGroupResult,
  RuleOutcome,
  RuleResult,
  StatementExpectation,
} from "./types";

export interface CheckOptions {
  /** A rule's severity, or "off" to skip it; the catalogue's default otherwise. */
  readonly severityOverrides?: SeverityOverrides;
  /** Planned vs actual differences above this share of the plan need a note (default 0.10). */
  readonly varianceThreshold?: number;
  /** A plan's overtime or support saving this far from the budget's fall does not reconcile (default 0.15). */
  readonly reconciliationTolerance?: number;
  /**
   * Today, ISO "2011-06-30": years whose 31 March has passed count as past. Without it, the
   * years up to the workbook's latest actual figures count as past.
   */
  readonly today?: string;
  /** The statement sheets as drafted from today's data (see checkWorkbookWithStatement). */
  readonly expectedStatement?: StatementExpectation;
  /** A published Word statement, with the draft to compare it with (see document.ts). */
  readonly publishedStatement?: PublishedStatement;
}

export { DEFAULT_VARIANCE_THRESHOLD, DEFAULT_RECONCILIATION_TOLERANCE };

/** The overall status's words, for the task pane, the findings sheet and the command line. */
export const CHECK_RAG_WORDS = {
  green: "no problems found",
  amber: "warnings to review",
  red: "errors to put right",
  none: "not checked",
} as const;

const GROUPS: readonly { area: CheckArea; run: (ctx: CheckContext) => RuleGroupResult }[] = [
  { area: "completeness", run: checkCompleteness },
  { area: "figures", run: checkSourceCells },
  { area: "overtime", run: checkOvertime },
  { area: "businessSupport", run: checkBusinessSupport },
  { area: "procurement", run: checkProcurement },
  { area: "arithmetic", run: checkArithmetic },
  { area: "arithmetic", run: checkReconciliation },
  { area: "consistency", run: checkConsistency },
  { area: "consistency", run: checkDocument },
  { area: "peers", run: checkPeers },
  { area: "overtime", run: checkTargets("overtime") },
  { area: "businessSupport", run: checkTargets("businessSupport") },
  { area: "procurement", run: checkTargets("procurement") },
];

const RULE_ORDER = new Map<string, number>(CHECK_RULES.map((r, i) => [r.code, i]));

function severityOf(rule: CheckRule, overrides: SeverityOverrides | undefined) {
  return overrides?.[rule.code as RuleCode] ?? rule.defaultSeverity;
}

function ragOf(counts: CheckCounts): RagStatus {
  if (counts.errors > 0)
    return {
      rag: "red",
      words: CHECK_RAG_WORDS.red,
      rule: `${counts.errors} error${counts.errors === 1 ? "" : "s"} to put right before the statement is published`,
      paragraph: "5.53-5.54, 5.58",
    };
  if (counts.warnings > 0)
    return {
      rag: "amber",
      words: CHECK_RAG_WORDS.amber,
      rule: `no errors; ${counts.warnings} warning${counts.warnings === 1 ? "" : "s"} to review`,
      paragraph: "5.53-5.54, 5.58",
    };
  return {
    rag: "green",
    words: CHECK_RAG_WORDS.green,
    rule: "every rule that applies was met",
    paragraph: "5.53-5.54, 5.58",
  };
}

function emptyCounts(): Record<CheckArea, { errors: number; warnings: number }> {
  const out = {} as Record<CheckArea, { errors: number; warnings: number }>;
  for (const a of CHECK_AREAS) out[a] = { errors: 0, warnings: 0 };
  return out;
}

/**
 * The check of one result. Severities and the variance threshold are the options', else the
 * check's settings kept in the workbook (result.checkSettings), else the catalogue's defaults:
 * the task pane and `vfm check` check a workbook alike.
 */
export function checkWorkbook(result: VfmResult, options: CheckOptions = {}): CheckReport {
  const kept = result.checkSettings ?? {};
  const ctx: CheckContext = {
    result,
    varianceThreshold:
      options.varianceThreshold ?? kept.varianceThreshold ?? DEFAULT_VARIANCE_THRESHOLD,
    reconciliationTolerance:
      options.reconciliationTolerance ??
      kept.reconciliationTolerance ??
      DEFAULT_RECONCILIATION_TOLERANCE,
    ...(options.today ? { today: options.today } : {}),
    ...(options.expectedStatement ? { expectedStatement: options.expectedStatement } : {}),
    ...(options.publishedStatement ? { publishedStatement: options.publishedStatement } : {}),
  };
  const overrides = options.severityOverrides ?? kept.severityOverrides;
  // The rules' words name the thresholds and years of the policy this analysis used.
  const catalogue = rulesFor(
    result.analysis.policy,
    ctx.varianceThreshold,
    ctx.reconciliationTolerance
  );
  const findings: CheckFinding[] = [];
  const notApplicable = new Map<string, string>();
  const failedGroups = new Map<CheckArea, string>();

  for (const group of GROUPS) {
    const rulesOn = catalogue.filter(
      (r) => r.area === group.area && severityOf(r, overrides) !== "off"
    );
    if (rulesOn.length === 0) continue;
    let out: RuleGroupResult;
    try {
      out = group.run(ctx);
    } catch (e) {
      failedGroups.set(group.area, e instanceof Error ? e.message : String(e));
      continue;
    }
    for (const n of out.notApplicable) notApplicable.set(n.rule, n.note);
    for (const h of out.findings) {
      const rule = catalogue.find((r) => r.code === h.rule);
      if (!rule) continue;
      const severity = severityOf(rule, overrides);
      if (severity === "off") continue;
      findings.push({
        severity,
        rule: rule.code,
        area: rule.area,
        message: h.message,
        ...(h.cell ? { cell: h.cell } : {}),
        ...(h.sheet && !h.cell ? { sheet: h.sheet } : {}),
        ...(h.place ? { place: h.place } : {}),
        paragraph: rule.paragraph,
        ...(h.fix ? { fix: h.fix } : {}),
      });
    }
  }

  // Errors first; then the catalogue's order; a rule's own findings keep their order.
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        sevRank(a.f.severity) - sevRank(b.f.severity) ||
        (RULE_ORDER.get(a.f.rule) ?? 0) - (RULE_ORDER.get(b.f.rule) ?? 0) ||
        a.i - b.i
    )
    .map((x) => x.f);

  const byArea = emptyCounts();
  let errors = 0;
  let warnings = 0;
  for (const f of sorted) {
    if (f.severity === "error") {
      errors++;
      byArea[f.area].errors++;
    } else {
      warnings++;
      byArea[f.area].warnings++;
    }
  }
  const counts: CheckCounts = { errors, warnings, byArea };

  const failing = new Set(sorted.map((f) => f.rule));
  const rules: RuleResult[] = catalogue.map((r) => {
    let outcome: RuleOutcome;
    let note: string | undefined;
    if (severityOf(r, overrides) === "off") {
      outcome = "off";
      note = "Switched off in the check's settings.";
    } else if (failedGroups.has(r.area)) {
      outcome = "notApplicable";
      note = `The ${r.area} rules stopped on an unexpected problem (${failedGroups.get(r.area)}); please report it.`;
    } else if (failing.has(r.code)) outcome = "fail";
    else if (notApplicable.has(r.code)) {
      outcome = "notApplicable";
      note = notApplicable.get(r.code);
    } else outcome = "pass";
    const words = { title: r.title, explanation: r.explanation };
    return note
      ? { rule: r.code, area: r.area, outcome, note, ...words }
      : { rule: r.code, area: r.area, outcome, ...words };
  });

  const file = result.workbook.fileName;
  return {
    force: result.forceName,
    ...(file ? { file } : {}),
    rag: ragOf(counts),
    findings: sorted,
    counts,
    rules,
    ...areasOf(result),
    ...(options.today ? { checkedOn: options.today } : {}),
  };
}

/** The nine areas' statuses; none where the analysis is not whole (the check never throws). */
function areasOf(result: VfmResult): { areas?: AreaStatus[] } {
  try {
    return { areas: SAVINGS_AREAS.map((area) => areaStatus(result.analysis, area)) };
  } catch {
    return {};
  }
}

function sevRank(s: CheckSeverity): number {
  return s === "error" ? 0 : 1;
}

/** The report's findings grouped by area, in the catalogue's area order (for the Check step). */
export function findingsByArea(
  report: CheckReport
): { readonly area: CheckArea; readonly findings: readonly CheckFinding[] }[] {
  return CHECK_AREAS.map((area) => ({
    area,
    findings: report.findings.filter((f) => f.area === area),
  })).filter((g) => g.findings.length > 0);
}

/**
 * A rule's title and explanation as the report words them (the thresholds and years of the
 * policy the check ran under); the default policy's words for a report that does not carry them.
 */
export function ruleWords(
  report: CheckReport,
  code: string
): { readonly title: string; readonly explanation: string } {
  const r = report.rules.find((x) => x.rule === code);
  const fallback = ruleFor(code);
  return {
    title: r?.title ?? fallback?.title ?? code,
    explanation: r?.explanation ?? fallback?.explanation ?? "",
  };
}
