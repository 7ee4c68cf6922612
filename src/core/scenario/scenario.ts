/**
 * runScenario: one named set of levers over the workbook's own figures, pure and exact. Each
 * part (overtime, business support, procurement) is modelled on its own; a lever out of range,
 * or figures the workbook lacks, give a finding and no numbers for that part, and the other
 * parts go on. Nothing here throws on bad input.
 */
import { Finding, finding, sortFindings } from "../findings";
import { ForceData } from "../forceData";
import { FinancialYear, yearRange } from "../years";
import { Analysis } from "../analysis/types";
import { modelBusinessSupport } from "./businessSupport";
import { modelOvertime } from "./overtime";
import { modelProcurement } from "./procurement";
import { Scenario, ScenarioResult } from "./types";

/** The name the workbook's own figures go by beside the scenarios. */
export const WORKBOOK_PLAN_NAME = "The workbook's plan";

function guard<T>(run: () => T, what: string, findings: Finding[]): T | null {
  try {
    return run();
  } catch (e) {
    findings.push(
      finding(
        "error",
        "SCENARIO_FAILED",
        `The ${what} scenario stopped on an unexpected problem (${e instanceof Error ? e.message : String(e)}); the other parts were modelled.`
      )
    );
    return null;
  }
}

export function runScenario(
  data: ForceData,
  analysis: Analysis,
  scenario: Scenario
): ScenarioResult {
  const findings: Finding[] = [];
  const { levers } = scenario;
  const policy = analysis.policy;
  const overtime = guard(
    () =>
      modelOvertime(
        data,
        analysis,
        levers.overtime,
        {
          ...(levers.from !== undefined ? { from: levers.from } : {}),
          ...(levers.payGrowth !== undefined ? { payGrowth: levers.payGrowth } : {}),
        },
        findings
      ),
    "overtime",
    findings
  );
  // Business support starts from the same year as overtime: the chosen year, else the latest
  // actual year, else the baseline.
  const from: FinancialYear = levers.from ?? overtime?.from ?? policy.years.baseline;
  const businessSupport = guard(
    () => modelBusinessSupport(analysis, levers.businessSupport, from, findings),
    "business support",
    findings
  );
  const last = Math.max(
    policy.years.target,
    overtime?.byYear[overtime.byYear.length - 1]?.year ?? 0,
    businessSupport?.byYear[businessSupport.byYear.length - 1]?.year ?? 0
  );
  const first = Math.min(
    policy.years.baseline,
    overtime?.byYear[0]?.year ?? policy.years.baseline,
    businessSupport?.byYear[0]?.year ?? policy.years.baseline
  );
  const years = yearRange(first, last);
  const procurement = guard(
    () => modelProcurement(analysis, levers.procurement, years, findings),
    "procurement",
    findings
  );
  return {
    name: scenario.name,
    levers,
    years,
    overtime,
    businessSupport,
    procurement,
    findings: sortFindings(findings),
  };
}
