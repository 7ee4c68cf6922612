/**
 * Whether a workbook holds police figures at all. A Value for Money Statement (White Paper 5.53)
 * starts from the force's budget (pay, overtime and spend by financial year); a workbook in which
 * no budget figures were recognised cannot produce one, however it is drafted. Every front end
 * (the pane's Statement step, the vfm commands) asks this before drafting, and says why and what
 * to open instead.
 */
import { ForceData } from "./forceData";
import { countOf } from "./plainEnglish";

export interface NoPoliceFigures {
  /** "This workbook has no police figures to make a statement from." */
  readonly title: string;
  /** What was looked for and not found, naming the sheets read. */
  readonly why: string;
  /** What to open or do instead. */
  readonly instead: string;
}

function listSheets(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/**
 * True when the workbook holds a police budget: at least one line detection recognised as a
 * police budget line (officer, staff or PCSO pay and overtime, total pay, non-pay, gross or net
 * expenditure, income) with an amount. Amounts under year-like headers alone are not enough: a
 * sheet of XIRR tests has those too.
 */
export function hasBudgetFigures(data: ForceData): boolean {
  return data.budget.lines.some((l) => l.key !== undefined && l.amounts.size > 0);
}

/** Undefined when the workbook has police figures; otherwise why a statement cannot be drafted. */
export function noPoliceFigures(
  data: ForceData,
  sheetNames: readonly string[]
): NoPoliceFigures | undefined {
  if (hasBudgetFigures(data)) return undefined;
  const sheets =
    sheetNames.length === 0
      ? "The workbook has no sheets."
      : `Its ${sheetNames.length === 1 ? "sheet" : countOf(sheetNames.length, "sheet")} (${listSheets(sheetNames.slice(0, 6))}${sheetNames.length > 6 ? " and others" : ""}) ${sheetNames.length === 1 ? "has" : "have"} no budget figures the add-in recognises: no police pay, overtime or spend set out by financial year.`;
  return {
    title: "This workbook has no police figures to make a statement from",
    why: `${sheets} A Value for Money Statement starts from the force's own budget, so none can be drafted from this workbook.`,
    instead:
      "Open the force's budget workbook (the one with police officer pay and overtime by year), or insert the input sheets from the Data step and fill them in. The bundled sample, exampleshire.xlsx, shows a layout the add-in reads.",
  };
}
