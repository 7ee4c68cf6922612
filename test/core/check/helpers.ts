/** Shared by the check's tests: run the pipeline and the check, and pick out one rule's findings. */
import { WorkbookGrid } from "../../../src/core/grid";
import { runVfm, VfmResult } from "../../../src/core/run";
import { checkWorkbook, CheckOptions } from "../../../src/core/check/check";
import { RuleCode } from "../../../src/core/check/rules";
import { CheckFinding, CheckReport, RuleOutcome } from "../../../src/core/check/types";
import { formatRef } from "../../../src/core/grid";

export function checkOf(wb: WorkbookGrid, options: CheckOptions = {}): CheckReport {
  return checkWorkbook(runVfm(wb), options);
}

export function checkResult(result: VfmResult, options: CheckOptions = {}): CheckReport {
  return checkWorkbook(result, options);
}

export function ofRule(report: CheckReport, rule: RuleCode): CheckFinding[] {
  return report.findings.filter((f) => f.rule === rule);
}

export function outcome(report: CheckReport, rule: RuleCode): RuleOutcome | undefined {
  return report.rules.find((r) => r.rule === rule)?.outcome;
}

/** "Sheet!C7" (or the sheet alone) for each finding of a rule, in order. */
export function places(report: CheckReport, rule: RuleCode): string[] {
  return ofRule(report, rule).map((f) => (f.cell ? formatRef(f.cell) : (f.sheet ?? "")));
}
