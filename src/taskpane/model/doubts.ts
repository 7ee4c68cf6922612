/**
 * The lines a business-support share rests on that the add-in could not classify or place, as the
 * Benchmarks step lists them under the share: each with its cell, why it is in doubt, and the
 * one-click correction (confirm the category it was read as, which the Data step then records as
 * the user's own choice). Choosing another category is done in the Data step.
 */
import {
  CellRef,
  doubtCorrection,
  doubtText,
  DetectOptions,
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

export interface DoubtView {
  /** "Support services" at Establishment!A13 (318.0 FTE): it holds IT/Communications ... */
  readonly text: string;
  /** "To confirm it, choose its category in the Data step." */
  readonly correction: string;
  readonly cell: CellRef;
  /** The one-click confirmation: the category the line is read as, and the options it saves. */
  readonly confirm?: {
    readonly category: FunctionCategory;
    /** "Confirm as Administration (counted as business support)". */
    readonly label: string;
  };
}

export interface DoubtsView {
  /** "2009/10". */
  readonly year: string;
  readonly doubts: readonly DoubtView[];
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
      return {
        text: doubtText(d),
        correction: doubtCorrection(d),
        cell: d.cell,
        ...(line
          ? {
              confirm: {
                category,
                label: `Confirm as ${functionCategoryLabel(category)} (${counts})`,
              },
            }
          : {}),
      };
    }),
  };
}

/** The detect options with the doubt's line confirmed as the category it was read as. */
export function confirmDoubt(options: DetectOptions, doubt: DoubtView): DetectOptions {
  if (!doubt.confirm) return options;
  return chooseFunctionCategory(options, doubt.cell, doubt.confirm.category);
}
