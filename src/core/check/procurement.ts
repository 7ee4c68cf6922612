/**
 * National procurement frameworks (5.31-5.40): every legacy contract in a category with a
 * national approach has a planned move onto it, no later than the framework's date or the
 * contract's end, whichever is later (forces join as their contracts expire, 5.35(b)).
 */
import { CellRef } from "../grid";
import { procurementCategoryLabel } from "../names";
import { formatDate } from "../format";
import { CheckContext, hit } from "./context";
import { RuleGroupResult, RuleHit } from "./types";
import { MIGRATION_RULE, lineWords } from "../analysis/procurement";

const key = (r: CellRef) => `${r.sheet}\u0000${r.address}`;

export function checkProcurement(ctx: CheckContext): RuleGroupResult {
  const { analysis, data } = ctx.result;
  const opportunities = analysis.procurement.opportunities;
  if (opportunities.length === 0) {
    const note =
      data.procurement.lines.length === 0
        ? "The workbook has no procurement lines."
        : "Every line in a category with a national approach is already on it.";
    return {
      findings: [],
      notApplicable: [
        { rule: "MIGRATION_DATE_PLANNED", note },
        { rule: "MIGRATION_DATE_IN_TIME", note },
      ],
    };
  }
  const lineAt = new Map(data.procurement.lines.map((l) => [key(l.labelCell), l]));
  const findings: RuleHit[] = [];
  let planned = 0;
  let notDue = 0;
  for (const o of opportunities) {
    if (o.migration === "notYetDue") {
      notDue++; // procurement.planMovesFor: its approach arrives after the plan's year
      continue;
    }
    const line = lineAt.get(key(o.cell));
    const what = lineWords(o.categoryText, o.supplier, o.spend.value);
    const framework = procurementCategoryLabel(o.category);
    const by = formatDate(o.migrateBy);
    // The line's state is the analysis's (o.migration): the area's status rests on the same one.
    if (o.migration === "notPlanned" || o.migration === "dateUnreadable") {
      findings.push(
        hit(
          MIGRATION_RULE[o.migration],
          o.migration === "dateUnreadable"
            ? `${what} has a planned migration date that cannot be read as a date ("${line?.plannedMigration?.value}"); it is not yet on the national approach for ${framework}, which it should join by ${by}.`
            : `${what} is not yet bought through the national approach for ${framework} and has no planned date to move onto it; it should move by ${by}.`,
          o.migrationCell,
          `Enter the date the contract moves onto the national approach (${by} at the latest).`
        )
      );
      continue;
    }
    planned++;
    if (o.migration === "late")
      findings.push(
        hit(
          MIGRATION_RULE.late,
          `${what} is planned to move onto the national approach for ${framework} on ${formatDate(o.plannedMigration!)}, later than ${by}: the later of the framework's date (${formatDate(o.frameworkDate)}) and the contract's end (${o.contractEnd ? formatDate(o.contractEnd) : "not given"}).`,
          o.migrationCell,
          `Bring the move forward to ${by} or earlier.`
        )
      );
  }
  const notApplicable: RuleGroupResult["notApplicable"][number][] = [];
  if (planned === 0)
    notApplicable.push({
      rule: "MIGRATION_DATE_IN_TIME",
      note: "No line has a planned migration date to test.",
    });
  if (notDue === opportunities.length)
    notApplicable.push({
      rule: "MIGRATION_DATE_PLANNED",
      note: "Every line without a planned move has a national approach that arrives after the plan's year, which the settings do not ask a move for yet.",
    });
  return { findings, notApplicable };
}
