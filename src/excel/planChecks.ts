/**
 * What Excel would refuse in a write plan, found before anything is written, in plain English.
 * (The preview gateway checks the same things; these are Excel's own limits.)
 */
import { a1 } from "../core/grid";
import { SheetPlan, WritePlan } from "../core/writePlan";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "./address";

/** Excel holds at most this many characters in a cell. */
export const MAX_CELL_TEXT = 32_767;
export const MAX_SHEET_NAME = 31;

/** Why a sheet name cannot be used in Excel, or undefined when it can. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "A sheet name cannot be empty.";
  if (name.length > MAX_SHEET_NAME)
    return `The sheet name "${name}" is longer than the ${MAX_SHEET_NAME} characters Excel allows.`;
  if (/[[\]:*?/\\]/.test(name))
    return `The sheet name "${name}" has a character Excel does not allow in sheet names ([ ] : * ? / \\).`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `The sheet name "${name}" cannot start or end with an apostrophe.`;
  if (name.toLowerCase() === "history") return 'Excel keeps the sheet name "History" for itself.';
  return undefined;
}

function sheetProblems(plan: SheetPlan): string[] {
  const out: string[] = [];
  const bad = sheetNameProblem(plan.name);
  if (bad) out.push(bad);
  for (const block of plan.blocks) {
    const rows = block.values.length;
    const cols = Math.max(0, ...block.values.map((r) => r.length));
    if (
      block.top < 0 ||
      block.left < 0 ||
      block.top + rows > EXCEL_MAX_ROWS ||
      block.left + cols > EXCEL_MAX_COLUMNS
    ) {
      out.push(
        `The values planned at ${a1(Math.max(0, block.top), Math.max(0, block.left))} on "${plan.name}" run past the edge of the sheet.`
      );
      continue;
    }
    block.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const at = a1(block.top + i, block.left + j);
        if (typeof v === "string" && v.length > MAX_CELL_TEXT)
          out.push(
            `The text planned for ${at} on "${plan.name}" is longer than a cell holds (${MAX_CELL_TEXT.toLocaleString("en-GB")} characters).`
          );
        if (typeof v === "number" && !Number.isFinite(v))
          out.push(`The number planned for ${at} on "${plan.name}" is not a finite number.`);
      })
    );
  }
  return out;
}

/** Every problem with the plan as a whole; empty when Excel would take it. */
export function planProblems(plan: WritePlan): string[] {
  const out = plan.sheets.flatMap(sheetProblems);
  const seen = new Set<string>();
  for (const s of plan.sheets) {
    const key = s.name.toLowerCase();
    if (seen.has(key)) out.push(`The plan names the sheet "${s.name}" twice.`);
    seen.add(key);
  }
  return out;
}
