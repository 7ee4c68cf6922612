/**
 * What peers benchmarking returns (analysis/peers.ts): for each indicator in the peers sheet, the
 * force's value, its rank and quartile among all forces, the top-quartile value, the most similar
 * group's average and the all-force average, the gap to the top quartile and, for overtime and
 * business support, that gap priced as an estimated saving.
 */
import { CellRef } from "../grid";
import { Finding } from "../findings";
import { Force } from "../forces";
import { Pence } from "../money";
import { Policy } from "../policy";
import { Direction, KnownIndicatorKey } from "../peersData";
import { Percentiles } from "./peersStats";
import type { FinancialYear } from "../years";
import type { SupportDefinition } from "../classifications/definitions";

export type { Percentiles } from "./peersStats";

/** A figure handed in from the main analysis: the number and the cells it came from. */
export interface InputFigure<T> {
  readonly value: T;
  readonly sources: readonly CellRef[];
  /** How it was worked out, e.g. "officer pay + officer overtime, 2009/10". */
  readonly formula?: string;
}

/**
 * Figures from the main analysis that price the gap to the top quartile. They are inputs so this
 * module stays independent of how the analysis computes them (gapInputsFromAnalysis fills them).
 */
export interface GapInputs {
  /** The force's paybill on the overtime ratio's basis, in pence. */
  readonly paybill?: InputFigure<Pence>;
  /** Total workforce FTE (officers + staff + PCSOs). */
  readonly workforceFte?: InputFigure<number>;
  /** Average cost of one business-support FTE, in pence. */
  readonly averageSupportCost?: InputFigure<Pence>;
  /** The force's own overtime ratio from its budget sheets, to check the peers sheet against. */
  readonly overtimeRatio?: InputFigure<number>;
  /** The force's own business-support share from its workforce sheets, likewise. */
  readonly supportShare?: InputFigure<number>;
  /** The financial year the figures are for, in words ("2009/10"), for the formula text. */
  readonly yearText?: string;
  /** The year of the force's own overtime ratio, and of its business-support share. */
  readonly overtimeYear?: FinancialYear;
  readonly supportYear?: FinancialYear;
  /** Which reading of business support the force's own share is on. */
  readonly supportDefinition?: SupportDefinition;
}

export interface PeersSettings {
  /** Direction by column key or by indicator name (any case); overrides the defaults. */
  readonly directions?: Readonly<Record<string, Direction>>;
  /** Columns (key or name) to leave out of the comparison. */
  readonly exclude?: readonly string[];
  /** Count the force itself in its group's average (default: no, the group is its peers). */
  readonly includeForceInGroupAverage?: boolean;
  /** Weight the group average by this column (key or name), e.g. "Population"; simple mean if unset. */
  readonly weightColumn?: string;
  /** A group chosen by the user; replaces the sheet's group for the force. */
  readonly group?: readonly string[];
  /** Thresholds come from the policy (4% overtime, 7% business support); defaults if unset. */
  readonly policy?: Policy;
  readonly gapInputs?: GapInputs;
}

export type DirectionSource = "setting" | "default" | "guessed" | "assumed";

export interface GapSavingTerm {
  readonly name: string;
  readonly value: number;
  /** "fraction" (a ratio), "pence", "fte". */
  readonly kind: "fraction" | "pence" | "fte";
  readonly sources: readonly CellRef[];
  readonly formula?: string;
}

/** An estimated saving from closing the gap to the top quartile. */
export interface GapSaving {
  /** Pence; 0 when the force is already in the top quartile. */
  readonly amount: Pence;
  /** The formula in words, e.g. "(force ratio − top-quartile ratio) × paybill". */
  readonly formula: string;
  /** The figures the formula multiplies, in order. */
  readonly terms: readonly GapSavingTerm[];
  /** For business support: the FTE above the top-quartile share. */
  readonly excessFte?: number;
  /** Always true: a benchmark gap is an estimate, not a plan. */
  readonly estimate: true;
  readonly sources: readonly CellRef[];
}

export interface SkiSlopeBar {
  readonly name: string;
  readonly value: number;
  readonly cell: CellRef;
  readonly isForce: boolean;
  readonly inGroup: boolean;
  readonly rank: number;
  /** The figure is not on the same footing as the others' (PeerRow.notComparable): ranked, not in the quartiles. */
  readonly notComparable?: true;
}

/** A ranked bar chart: every force best to worst, the force highlighted, a threshold where one exists. */
export interface SkiSlope {
  readonly key: string;
  readonly title: string;
  readonly direction: Direction;
  readonly isPercent: boolean;
  readonly unit?: "£";
  readonly bars: readonly SkiSlopeBar[];
  /** Index into bars of the force, or null when it has no value. */
  readonly forceIndex: number | null;
  readonly threshold?: {
    readonly value: number;
    readonly label: string;
    readonly paragraph: string;
  };
  readonly topQuartileValue: number | null;
}

export interface PeerIndicatorResult {
  readonly key: string;
  readonly known?: KnownIndicatorKey;
  readonly name: string;
  readonly headerCell: CellRef;
  readonly direction: Direction;
  readonly directionSource: DirectionSource;
  readonly isPercent: boolean;
  readonly unit?: "£";
  /** The force's value, with its cell. */
  readonly value: number | null;
  readonly valueCell?: CellRef;
  /** 1 = best, among every force in the sheet with a value; null when the force has none. */
  readonly rank: number | null;
  readonly of: number;
  /** 1 = best quarter; null when the force has no value or every force has the same value. */
  readonly quartile: 1 | 2 | 3 | 4 | null;
  readonly percentiles: Percentiles | null;
  /** The edge of the best quarter: the 25th percentile when lower is better, else the 75th. */
  readonly topQuartileValue: number | null;
  /** Mean of the most similar group (see PeersAnalysis.groupAverage for how). */
  readonly msgAverage: number | null;
  /** Group members whose value went into msgAverage. */
  readonly msgCount: number;
  /** Mean over every force in the sheet with a value, the force included. */
  readonly allAverage: number | null;
  /**
   * Figures shown and ranked but left out of `percentiles`, `topQuartileValue`, `allAverage` and
   * `msgAverage` (PeerRow.notComparable), with why; absent when every figure is in them. Where the force's
   * own figure is one, it has no quartile and no gap.
   */
  readonly leftOut?: readonly {
    readonly name: string;
    readonly value: number;
    readonly why: string;
    readonly isForce: boolean;
  }[];
  /** How far the force is from the top-quartile edge, in the indicator's own unit; 0 when inside. */
  readonly gapToTopQuartile: number | null;
  /** The policy threshold, where one applies (4% overtime, 7% business support). */
  readonly threshold?: {
    readonly value: number;
    readonly label: string;
    readonly paragraph: string;
  };
  /** Overtime and business support only, where the inputs were given. */
  readonly gapSaving: GapSaving | null;
  /**
   * The force's own figure from its budget or workforce sheets, where it differs from the one
   * compared (the peers sheet's): shown beside the comparison, which is not relied on until the
   * two are reconciled.
   */
  readonly ownFigure?: {
    readonly value: number;
    readonly sources: readonly CellRef[];
    /** The year of the force's own figure, in words ("2009/10"). */
    readonly yearText?: string;
  };
  readonly chart: SkiSlope;
}

export interface PeersAnalysis {
  /** The force as named by the caller, or its official name where it is one of the 43. */
  readonly force: string;
  readonly matchedForce?: Force;
  /** The force's row in the peers sheet, where found. */
  readonly forceCell?: CellRef;
  readonly sheet: string;
  /** The group's members (official names where recognised). */
  readonly group: readonly string[];
  readonly groupSource: "sheet" | "settings" | "none";
  readonly groupCell?: CellRef;
  readonly groupAverage: {
    readonly includesForce: boolean;
    /** The column the mean is weighted by, or undefined for a simple mean. */
    readonly weightedBy?: string;
  };
  /** Forces in the sheet with at least one figure. */
  readonly forcesInSheet: number;
  readonly indicators: readonly PeerIndicatorResult[];
  /** True when the sheet says its figures are illustrative. */
  readonly illustrative: boolean;
  readonly illustrativeNote?: string;
  /** The peers sheet's findings and the analysis's own, errors first. */
  readonly findings: readonly Finding[];
  /** Where the comparison is with HMIC's national data shipped with the add-in (no peers sheet). */
  readonly national?: NationalComparison;
}

/** One indicator compared with HMIC's profile data: which data, year and definition. */
export interface NationalComparisonLine {
  /** The peers column key (known indicator key). */
  readonly key: string;
  readonly name: string;
  /** HMIC's year used, and the year of the force's own figure (they differ when HMIC published no figure for it). */
  readonly year: FinancialYear;
  readonly forceYear?: FinancialYear;
  /** What the year's figures are ("CIPFA 2009-10 estimates", "Home Office ADR, FTE at 31 March 2010"). */
  readonly basis: string;
  /** The measure, where it has a named definition (business support). */
  readonly definition?: string;
  /** The files HMIC's figures come from. */
  readonly files: readonly string[];
  /** Forces with a figure that year. */
  readonly forces: number;
  /** The sentence that says all of it, for the pane, the statement and the command line. */
  readonly words: string;
}

export interface NationalComparison {
  readonly attribution: string;
  readonly lines: readonly NationalComparisonLine[];
}
