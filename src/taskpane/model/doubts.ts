/**
 * The lines a business-support share or an overtime ratio rests on that the add-in could not
 * classify or settle, as the Benchmarks step lists them under the figure: each with its cell, why
 * it is in doubt, and the one-click corrections (confirm the category a function was read as;
 * say which budget line a row is; read a row as a subtotal), which detection then applies as the
 * user's own choice on every later run. Anything else is done in the Data step.
 */
import {
  BUDGET_KEY_NAMES,
  BudgetLineKey,
  CellRef,
  doubtCorrection,
  doubtText,
  DetectOptions,
  ForceData,
  formatFte,
  formatPounds,
  formatRef,
  formatYear,
  FunctionCategory,
  functionCategoryLabel,
  supportClassOf,
  VfmResult,
} from "../../core";
import { cellKey, chooseFunctionCategory } from "./mapping";

const COUNTS_AS = {
  businessSupport: "counted as business support",
  excluded: "left out of the ratio",
  operational: "counted as operational",
} as const;

/** What one click records. */
export type DoubtFix =
  | { readonly kind: "category"; readonly cell: CellRef; readonly category: FunctionCategory }
  | { readonly kind: "budgetKey"; readonly cell: CellRef; readonly key: BudgetLineKey }
  | { readonly kind: "subtotal"; readonly cell: CellRef };

export interface DoubtAction {
  /** "Confirm as Administration (counted as business support)". */
  readonly label: string;
  readonly fix: DoubtFix;
}

export interface DoubtView {
  /** "Support services" at Establishment!A13 (318.0 FTE): it holds IT/Communications ... */
  readonly text: string;
  /** "To confirm it, choose its category in the Data step." */
  readonly correction: string;
  readonly cell: CellRef;
  /** The one-click confirmation of the category the line is read as, where there is one. */
  readonly confirm?: {
    readonly category: FunctionCategory;
    readonly label: string;
  };
  /** Every one-click correction offered, the confirmation first. */
  readonly actions: readonly DoubtAction[];
}

export interface DoubtsView {
  /** "2009/10". */
  readonly year: string;
  readonly doubts: readonly DoubtView[];
}

function subtotalActions(
  candidates: readonly { label: string; cell: CellRef }[] | undefined
): DoubtAction[] {
  return (candidates ?? []).map((c) => ({
    label: `Read "${c.label}" (${formatRef(c.cell)}) as a subtotal`,
    fix: { kind: "subtotal", cell: c.cell },
  }));
}

/** The doubts of the year the share is measured in; undefined when it is confirmed. */
export function supportDoubts(result: VfmResult): DoubtsView | undefined {
  const b = result.analysis.businessSupport;
  const y = b.byYear.find((q) => q.year === b.assessedYear);
  if (!y || y.confidence !== "unconfirmed") return undefined;
  const lines = result.data.workforce.lines;
  return {
    year: formatYear(y.year),
    doubts: y.doubts.map((d) => {
      const line = lines.find((l) => l.labelCell && cellKey(l.labelCell) === cellKey(d.cell));
      // A line with no category is counted as "other" (operational) until the user says more.
      const category: FunctionCategory = line?.category ?? "other";
      const counts = COUNTS_AS[supportClassOf(result.analysis.policy, category)];
      // A line holding parts counted differently (IT in "Business support") is counted whole
      // once confirmed: the button says so.
      const label = d.mixedParts?.length
        ? `Count all ${formatFte(d.fte)} FTE as ${functionCategoryLabel(category)} (${counts}), ${d.mixedParts.join(", ")} in it too`
        : `Confirm as ${functionCategoryLabel(category)} (${counts})`;
      const confirm = line ? { category, label } : undefined;
      return {
        text: doubtText(d),
        correction: doubtCorrection(d),
        cell: d.cell,
        ...(confirm ? { confirm } : {}),
        actions: [
          ...(confirm
            ? [{ label, fix: { kind: "category", cell: d.cell, category } as const }]
            : []),
          ...subtotalActions(d.subtotalCandidates),
        ],
      };
    }),
  };
}

/** The budget lines the overtime ratio rests on that are not settled, in every year; undefined if none. */
export function overtimeDoubts(result: VfmResult): DoubtsView | undefined {
  const years = result.analysis.overtime.byYear.filter((y) => y.confidence === "unconfirmed");
  if (years.length === 0) return undefined;
  const seen = new Set<string>();
  const doubts: DoubtView[] = [];
  for (const y of years)
    for (const d of y.doubts) {
      const at = formatRef(d.cell);
      if (seen.has(at)) continue;
      seen.add(at);
      doubts.push({
        text: `"${d.label}" at ${at} (${formatPounds(d.amount)} in ${formatYear(y.year)}): ${d.reason}`,
        correction: `To confirm it, ${d.correction}.`,
        cell: d.cell,
        actions: [
          ...(d.keys ?? []).map((key) => ({
            label: `Count it as ${BUDGET_KEY_NAMES[key]}`,
            fix: { kind: "budgetKey", cell: d.cell, key } as const,
          })),
          ...subtotalActions(d.subtotalCandidates),
        ],
      });
    }
  return { year: years.map((y) => formatYear(y.year)).join(", "), doubts };
}

/** The detect options with the doubt's line confirmed as the category it was read as. */
export function confirmDoubt(options: DetectOptions, doubt: DoubtView): DetectOptions {
  if (!doubt.confirm) return options;
  return chooseFunctionCategory(options, doubt.cell, doubt.confirm.category);
}

/**
 * The detect options with one correction applied. A row counted as a budget line joins the rows
 * already read as that line (each is recorded, so none is dropped); a row read as a subtotal is
 * never added in again.
 */
export function applyDoubtFix(
  options: DetectOptions,
  data: ForceData,
  fix: DoubtFix
): DetectOptions {
  if (fix.kind === "category") return chooseFunctionCategory(options, fix.cell, fix.category);
  if (fix.kind === "subtotal")
    return { ...options, subtotals: { ...(options.subtotals ?? {}), [cellKey(fix.cell)]: true } };
  const lines: Record<string, BudgetLineKey | "none"> = { ...(options.budgetLines ?? {}) };
  for (const l of data.budget.lines)
    if (l.key === fix.key && !l.isTotal) lines[cellKey(l.labelCell)] = fix.key;
  lines[cellKey(fix.cell)] = fix.key;
  return { ...options, budgetLines: lines };
}

/** A row read as a subtotal, by the add-in (from its figures) or by the user. */
export interface SubtotalChoice {
  readonly cell: CellRef;
  /** "Budget!A6 ("Police officer pay") is not labelled a total, but ..." or "You marked ...". */
  readonly text: string;
  readonly by: "addin" | "user";
  /** "Count it as a line of its own" / "Count it again". */
  readonly label: string;
}

/**
 * The rows read as subtotals that the user can undo with one click: each row the add-in took as an
 * unlabelled subtotal (its UNLABELLED_SUBTOTAL finding), and each row the user marked one.
 */
export function subtotalChoices(result: VfmResult, options: DetectOptions): SubtotalChoice[] {
  const out: SubtotalChoice[] = [];
  const seen = new Set<string>();
  for (const [key, isSubtotal] of Object.entries(options.subtotals ?? {})) {
    if (!isSubtotal) continue;
    const bang = key.lastIndexOf("!");
    const cell = { sheet: key.slice(0, bang), address: key.slice(bang + 1) };
    seen.add(key);
    out.push({
      cell,
      text: `You marked ${formatRef(cell)} as a subtotal, so it is not added in.`,
      by: "user",
      label: "Count it again",
    });
  }
  for (const f of result.findings) {
    if (f.code !== "UNLABELLED_SUBTOTAL" || !f.cell?.address) continue;
    const cell = { sheet: f.cell.sheet, address: f.cell.address };
    if (seen.has(cellKey(cell))) continue;
    seen.add(cellKey(cell));
    out.push({ cell, text: f.message, by: "addin", label: "Count it as a line of its own" });
  }
  return out;
}

/** The detect options with a row's subtotal reading undone: counted as a line of its own. */
export function countAsLine(options: DetectOptions, cell: CellRef): DetectOptions {
  return { ...options, subtotals: { ...(options.subtotals ?? {}), [cellKey(cell)]: false } };
}
