/**
 * The inspector's check: what a rule finds and what a whole check reports. Plain data, so the
 * task pane's Check step, the findings sheet and `vfm check --json` all read the same thing.
 */
import { CellRef } from "../grid";
import { RagStatus } from "../analysis/types";
import type { RuleCode } from "./rules";
import type { AreaStatus } from "../analysis/areaStatus";

/** A check finding is either something to put right before publishing, or something to review. */
export type CheckSeverity = "error" | "warning";

/** The groups the rules fall into, in the order the task pane and the findings sheet list them. */
export const CHECK_AREAS = [
  "completeness",
  "figures",
  "overtime",
  "businessSupport",
  "procurement",
  "arithmetic",
  "consistency",
  "peers",
] as const;
export type CheckArea = (typeof CHECK_AREAS)[number];

export const CHECK_AREA_LABELS: Readonly<Record<CheckArea, string>> = {
  completeness: "Completeness",
  figures: "Figures in the cells",
  overtime: "Overtime",
  businessSupport: "Business support",
  procurement: "Procurement",
  arithmetic: "Arithmetic",
  consistency: "Consistency with the data",
  peers: "Peers",
};

/** One problem a rule found, pointing at the cell where it applies. */
export interface CheckFinding {
  readonly severity: CheckSeverity;
  /** The rule's code (see rules.ts). */
  readonly rule: RuleCode;
  readonly area: CheckArea;
  /** Plain English, naming the year, line or figure concerned. */
  readonly message: string;
  /** The cell the finding is about, where one applies. */
  readonly cell?: CellRef;
  /** The sheet, where the finding concerns a sheet as a whole (no single cell applies). */
  readonly sheet?: string;
  /** The place in a published document the finding is about ("2. Overtime", table "...", row "2010/11"). */
  readonly place?: string;
  /** White Paper paragraph(s) the rule rests on. */
  readonly paragraph: string;
  /** What to do about it. */
  readonly fix?: string;
}

/**
 * How each rule came out for this workbook: "pass" (it applied and found nothing), "fail" (at
 * least one finding), "notApplicable" (nothing to check, e.g. no peer data), "off" (switched off
 * in the settings).
 */
export type RuleOutcome = "pass" | "fail" | "notApplicable" | "off";

export interface RuleResult {
  readonly rule: RuleCode;
  readonly area: CheckArea;
  readonly outcome: RuleOutcome;
  /** Why a rule did not apply, in plain English. */
  readonly note?: string;
  /**
   * The rule's title and explanation, naming the thresholds and years of the policy the check
   * ran under (checkWorkbook always gives them; without them, the default policy's words).
   */
  readonly title?: string;
  readonly explanation?: string;
}

export interface CheckCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly byArea: Readonly<
    Record<CheckArea, { readonly errors: number; readonly warnings: number }>
  >;
}

export interface CheckReport {
  /** The force as the analysis named it. */
  readonly force: string;
  /** The workbook's file name, where known. */
  readonly file?: string;
  /** Overall status, always with its words: red when any error, amber when any warning. */
  readonly rag: RagStatus;
  /** Every finding, errors first, then in rule-catalogue order. */
  readonly findings: readonly CheckFinding[];
  readonly counts: CheckCounts;
  /** Every rule in the catalogue, with how it came out. */
  readonly rules: readonly RuleResult[];
  /**
   * Each of the nine savings areas' one status, worked out once (analysis/areaStatus.ts): the
   * status the statement, the pane and `vfm analyse` show, with both tests where it combines two.
   */
  readonly areas?: readonly AreaStatus[];
  /** The date the check treated as today (ISO), where given. */
  readonly checkedOn?: string;
}

/** What a rule module returns: its findings, and the rules that had nothing to check. */
export interface RuleGroupResult {
  readonly findings: readonly RuleHit[];
  /** Rules of the group that did not apply, with the reason. */
  readonly notApplicable: readonly { readonly rule: RuleCode; readonly note: string }[];
}

/** A finding before the catalogue has given it its severity, area and paragraph. */
export interface RuleHit {
  readonly rule: RuleCode;
  readonly message: string;
  readonly cell?: CellRef;
  readonly sheet?: string;
  readonly place?: string;
  readonly fix?: string;
}

/** A cell the statement sheet should hold, as the renderer would write it from today's data. */
export interface ExpectedCell {
  /** Zero-based row and column on the sheet. */
  readonly row: number;
  readonly col: number;
  /** The value the renderer writes: text, a number (money in pounds, ratios as fractions), a boolean. */
  readonly value: string | number | boolean;
  /** What the figure is, in words ("Officer overtime, 2009/10"), where known. */
  readonly what?: string;
  /** The workbook cells the figure is drawn from, where known. */
  readonly sources?: readonly CellRef[];
}

/** One add-in sheet as it should be: every cell it should hold, and the area compared. */
export interface ExpectedSheet {
  /** The sheet's name in the workbook. */
  readonly sheet: string;
  readonly cells: readonly ExpectedCell[];
  /** Rows 0..rows-1 and columns 0..cols-1 are compared; anything else there is an addition. */
  readonly rows: number;
  readonly cols: number;
  /** Rows not compared (e.g. the "drafted on" line, which holds the date of drafting). */
  readonly skipRows?: readonly number[];
}

/**
 * The add-in's statement sheets as they would be drafted from the workbook's data now. The
 * renderer outside the core builds it (core/check/expectation.ts), so the core rule only
 * compares cells and needs no knowledge of the layout.
 */
export interface StatementExpectation {
  readonly sheets: readonly ExpectedSheet[];
  /** Why no expectation could be built, where one could not (the rule then does not apply). */
  readonly unavailable?: string;
}
