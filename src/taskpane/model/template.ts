/**
 * "Insert input sheets": the core's blank input template (settings, budget, workforce,
 * procurement, savings plan and peers), every sheet created only where no sheet of that name
 * exists (mode "createOnly"), so nothing of the user's is ever written over.
 */
import { blankTemplate, Policy, WritePlan } from "../../core";

export function inputSheetsPlan(policy?: Policy): WritePlan {
  return blankTemplate(
    policy ? { baselineYear: policy.years.baseline, targetYear: policy.years.target } : {}
  );
}

/** The names of the sheets the plan would create, for the button's explanation. */
export function inputSheetNames(plan: WritePlan): string[] {
  return plan.sheets.map((s) => s.name);
}
