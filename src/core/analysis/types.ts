/**
 * The analysis result: what `analyse(data, policy)` returns and what the statement, the task pane,
 * the inspector's check and `vfm analyse --json` read. Money is integer pence, ratios are
 * fractions (0.052), years are FinancialYear (2008 = 2008/09), dates are ISO "2010-09-30".
 * Every figure carries the cells it came from, so the statement can cite them.
 *
 * Stability: fields are added, never renamed or removed.
 */
import { CellRef } from "../grid";
import { Finding } from "../findings";
import {
  BudgetLineKey,
  FunctionCategory,
  ProcurementCategory,
  ProcurementRoute,
  SavingsArea,
  YearBasis,
} from "../forceData";
import { MoneyUnit, Pence } from "../money";
import { FinancialYear } from "../years";
import { OvertimeBasis, Policy, PolicyOverrideApplied, SupportClass } from "../policy";
import type { SupportDefinition } from "../classifications/definitions";
import type { PeersAnalysis } from "./peersTypes";
import type { ReadingVerdict } from "./readings";

export type { SupportClass } from "../policy";

/** A computed figure with the cells it came from (a sum cites every cell it added). */
export interface Figure<T> {
  readonly value: T;
  readonly sources: readonly CellRef[];
  /** How it was computed, in words, e.g. "officer pay + officer overtime". */
  readonly formula?: string;
}

/** RAG status; always shown with its words, never colour alone. "none" = not enough data. */
export type Rag = "green" | "amber" | "red" | "none";

export const RAG_WORDS: Readonly<Record<Rag, string>> = {
  green: "on track",
  amber: "at risk",
  red: "off track",
  none: "not assessed",
};

export interface RagStatus {
  readonly rag: Rag;
  /** "on track" | "at risk" | "off track" | "not assessed". */
  readonly words: string;
  /** The rule that set it, in plain English (own words), e.g. "every year met its required maximum". */
  readonly rule: string;
  /** White Paper paragraph(s) the rule rests on, e.g. "5.9-5.10". */
  readonly paragraph: string;
  /**
   * Set when "none" is because the figure rests on lines the user has not yet confirmed (not
   * because there is no data): anything built on this status gives none either.
   */
  readonly unconfirmed?: true;
}

/** "atOrBelow" / "above" the threshold; "unknown" where the ratio cannot be computed. */
export type ThresholdStatus = "atOrBelow" | "above" | "unknown";

// ---------------------------------------------------------------------------------------------
// Overtime (5.9-5.10)

export interface OvertimeYear {
  readonly year: FinancialYear;
  /** Overtime on the chosen basis (officers, or officers + staff + PCSOs). */
  readonly overtime: Figure<Pence>;
  /** Paybill on the chosen basis (pay + overtime where the policy says the paybill includes it). */
  readonly paybill: Figure<Pence>;
  /** overtime / paybill; null where the paybill is zero or missing. */
  readonly ratio: Figure<number> | null;
  /**
   * "confirmed" when every pay and overtime line the ratio rests on was settled; "unconfirmed"
   * when a line could be pay or overtime, or a pay total does not add up to its lines: then
   * `status` is "unknown" and the year has no position until the user confirms.
   */
  readonly confidence: "confirmed" | "unconfirmed";
  /** The money on the doubtful lines, with their cells (0 when confirmed). */
  readonly doubtfulAmount: Figure<Pence>;
  readonly doubts: readonly OvertimeDoubt[];
  readonly status: ThresholdStatus;
  /** Whether the year counts as a "highest spender" year (held to the annual cut). */
  readonly highestSpender: boolean;
  /** "actual" | "budget" | "plan" | "target" | "forecast" where the header said so. */
  readonly basis?: YearBasis;
}

/** A budget line the overtime ratio of a year may rest on, that the add-in could not settle. */
export interface OvertimeDoubt {
  readonly label: string;
  /** The line's label cell. */
  readonly cell: CellRef;
  /** The money in doubt: the line's amount, or how far a total is from its lines. */
  readonly amount: Pence;
  readonly reason: string;
  /** The one correction that settles it, e.g. "say which line it is in the Data step". */
  readonly correction: string;
  /**
   * The one-click corrections: read the line as one of these keys, or (for a total that does not
   * add up) nothing to click: the figures themselves need correcting.
   */
  readonly keys?: readonly BudgetLineKey[];
  /** Rows that may be a subtotal counted twice (their amount is what the total is out by). */
  readonly subtotalCandidates?: readonly { readonly label: string; readonly cell: CellRef }[];
}

export interface OvertimeRequirement {
  readonly year: FinancialYear;
  /** The most overtime the year may have under the rule. */
  readonly maximum: Figure<Pence>;
  /**
   * "cut": the previous year was a highest-spender year above the threshold; "noRise": it was
   * not; "fall": it was not, and the policy reads 5.10 as a fall every year (overtime.atOrBelow).
   */
  readonly rule: "cut" | "noRise" | "fall";
  /** Where the cut is compounded from the baseline (overtime.cutFrom): from which year, over how many years. */
  readonly compounded?: { readonly fromYear: FinancialYear; readonly years: number };
  /** The previous year's overtime the maximum rests on; "projected" when that year had no figure. */
  readonly previousYear: FinancialYear;
  readonly previous: Pence;
  readonly previousFrom: "figure" | "projected";
  /** The year's own overtime, where the workbook has it. */
  readonly overtime: Pence | null;
  /** overtime <= maximum; null when the year has no figure (a projection only). */
  readonly met: boolean | null;
}

export interface OvertimeSaving {
  readonly year: FinancialYear;
  /** Baseline overtime - this year's overtime (positive = saved). */
  readonly saving: Figure<Pence>;
}

/** One year of the required-cuts-only path (5.9-5.10), from the baseline figure. */
export interface RequiredCutsPoint {
  readonly year: FinancialYear;
  readonly overtime: Pence;
  readonly paybill: Pence;
  readonly ratio: number;
  /** True when the workbook gives no pay for the year, so the last pay given is held. */
  readonly payHeld: boolean;
}

export interface OvertimeAnalysis {
  readonly basis: OvertimeBasis;
  readonly threshold: number;
  readonly baselineYear: FinancialYear;
  readonly targetYear: FinancialYear;
  readonly byYear: readonly OvertimeYear[];
  readonly requiredByYear: readonly OvertimeRequirement[];
  /** Years whose overtime is above their required maximum. */
  readonly yearsMissed: readonly FinancialYear[];
  /** First year (from the baseline, up to the target) at or below the threshold; null if none. */
  readonly yearThresholdReached: FinancialYear | null;
  /**
   * The first year in which overtime on the required-cuts path (requiredCutsPath) is at or below
   * the threshold of that year's paybill; null when the path has no start or never gets there.
   * It may fall after the target year, where the path holds pay at its last known level.
   */
  readonly projectedYearThresholdReached: FinancialYear | null;
  /** Overtime if only the required cuts were made from the baseline, year by year. */
  readonly requiredCutsPath: readonly RequiredCutsPoint[];
  /** Baseline overtime - target-year overtime: the reduction the figures plan by the target year. */
  readonly reductionByTarget: Figure<Pence> | null;
  readonly baselineOvertime: Figure<Pence> | null;
  readonly savingsAgainstBaseline: readonly OvertimeSaving[];
  /** Baseline overtime x national target / national baseline (70/413), the pro-rata share. */
  readonly nationalShare: Figure<Pence> | null;
  /** The fraction used for the share (70/413 by default). */
  readonly nationalShareFraction: number;
  readonly rag: RagStatus;
  readonly findings: readonly Finding[];
}

// ---------------------------------------------------------------------------------------------
// Business support (5.46-5.51)

export interface BusinessSupportYear {
  readonly year: FinancialYear;
  /** Business-support FTE, IT excluded. */
  readonly supportFte: Figure<number>;
  /** IT FTE (excluded from the ratio, shown for transparency). */
  readonly excludedFte: Figure<number>;
  /** Officers + staff + PCSOs (specials excluded). */
  readonly totalFte: Figure<number>;
  /** supportFte / totalFte; null where the total is zero or missing. */
  readonly ratio: Figure<number> | null;
  /**
   * "confirmed" when every line the share adds up is classified and every breakdown resolved;
   * "unconfirmed" otherwise, and then `status` is "unknown" until the user confirms the lines.
   */
  readonly confidence: "confirmed" | "unconfirmed";
  /** The FTE the share depends on that the add-in could not classify or place, with their cells. */
  readonly unclassifiedFte: Figure<number>;
  /** Each doubtful line: its cell, its FTE, why, and the correction to make. */
  readonly doubts: readonly SupportDoubt[];
  /**
   * Lines the user confirmed as one category although they hold parts counted differently (the
   * ADR "Business support" line with IT/Communications in it, no breakdown): counted whole.
   */
  readonly confirmedWhole?: readonly {
    readonly label: string;
    readonly cell: CellRef;
    readonly fte: number;
    /** The parts in it the classification counts differently: "IT/Communications". */
    readonly parts: readonly string[];
  }[];
  /** "atOrBelow" here means strictly below the threshold (the target is "below 7%"). */
  readonly status: ThresholdStatus;
}

export interface SupportDoubt {
  readonly label: string;
  readonly cell: CellRef;
  readonly fte: number;
  readonly reason: string;
  /** The one correction that settles it, e.g. "choose its category in the Data step". */
  readonly correction: string;
  /** Rows that may be a subtotal counted twice (their FTE are what the total is out by). */
  readonly subtotalCandidates?: readonly { readonly label: string; readonly cell: CellRef }[];
  /** The parts of the line the classification counts differently, where that is the doubt. */
  readonly mixedParts?: readonly string[];
}

export interface BusinessSupportPathPoint {
  readonly year: FinancialYear;
  /** The most support FTE the year should have on a straight line to the target. */
  readonly maximumSupportFte: number;
  readonly totalFte: number;
  readonly ratio: number;
  /** The year's own support FTE where known, and whether it is on or under the path. */
  readonly supportFte: number | null;
  readonly onPath: boolean | null;
}

export interface BusinessSupportAnalysis {
  readonly threshold: number;
  readonly targetYear: FinancialYear;
  /** The year the excess is measured in: the target year, or the latest year given. */
  readonly assessedYear: FinancialYear | null;
  readonly assessedYearIsTarget: boolean;
  readonly byYear: readonly BusinessSupportYear[];
  /** Support FTE above threshold x total FTE in the assessed year (0 when below). */
  readonly excessFte: Figure<number> | null;
  /** Average cost of one support FTE, and where it came from. */
  readonly averageCost:
    (Figure<Pence> & { readonly method: "input" | "staffPayPerStaffFte" }) | null;
  /** excessFte x averageCost. */
  readonly cashableSaving: Figure<Pence> | null;
  /** Straight line from the first year given (from the baseline) to the threshold in the target year. */
  readonly path: readonly BusinessSupportPathPoint[];
  /** The published reading the classification starts from (the statement names it). */
  readonly definition: SupportDefinition;
  /** The classification used: which function counts as what. */
  readonly classification: Readonly<Record<FunctionCategory, SupportClass>>;
  readonly rag: RagStatus;
  readonly findings: readonly Finding[];
}

// ---------------------------------------------------------------------------------------------
// Procurement (5.31-5.40)

export type MigrationState = "inTime" | "late" | "notPlanned" | "notYetDue" | "dateUnreadable";

export interface ProcurementOpportunity {
  readonly category: ProcurementCategory;
  /** The category as the force wrote it. */
  readonly categoryText: string;
  readonly supplier?: string;
  readonly route: ProcurementRoute;
  readonly spend: Figure<Pence>;
  /** The date the national approach is (or was) in place, ISO. */
  readonly frameworkDate: string;
  readonly contractEnd: string | null;
  /** The later of the framework's date and the contract's end, ISO. */
  readonly migrateBy: string;
  /** A migration date the force has planned, and whether it is later than migrateBy. */
  readonly plannedMigration: string | null;
  readonly plannedMigrationLate: boolean | null;
  /**
   * A planned move is needed now (policy procurement.planMovesFor): always for every contract;
   * else only where the approach is in place by the end of the Local Policing Plan's year.
   */
  readonly planDue: boolean;
  /**
   * Where the line stands, worked out once (analysis/procurement.ts): a move planned in time, a
   * move planned later than due, no move planned though one is needed now, no move planned and
   * none needed yet (planDue false), or a planned date that cannot be read. The area's status,
   * the check's findings and the pane read this, never their own test.
   */
  readonly migration: MigrationState;
  /** The cell the planned migration date is in, or should be in (its row, the dates' column). */
  readonly migrationCell: CellRef;
  /** The category's saving rate; null where none is stated (a local estimate is needed). */
  readonly rate: number | null;
  readonly annualSaving: Figure<Pence> | null;
  /** The line's label cell. */
  readonly cell: CellRef;
}

export interface ProcurementCategorySummary {
  readonly category: ProcurementCategory;
  readonly approach: string;
  readonly frameworkDate: string;
  readonly paragraph: string;
  readonly spend: Figure<Pence>;
  readonly onFrameworkSpend: Figure<Pence>;
  /** onFramework / spend; null where spend is zero. */
  readonly onFrameworkShare: number | null;
  readonly rate: number | null;
  readonly annualSaving: Figure<Pence> | null;
  readonly lineCount: number;
}

export interface ProcurementAnalysis {
  /** Spend in categories with a national approach. */
  readonly addressableSpend: Figure<Pence>;
  readonly onFrameworkSpend: Figure<Pence>;
  readonly onFrameworkShare: number | null;
  /** Spend outside the national-approach categories (including unmapped lines). */
  readonly otherSpend: Figure<Pence>;
  readonly totalSpend: Figure<Pence>;
  readonly byCategory: readonly ProcurementCategorySummary[];
  readonly opportunities: readonly ProcurementOpportunity[];
  /** Sum of the opportunities' annual savings where a rate exists. */
  readonly expectedAnnualSaving: Figure<Pence>;
  /** Opportunities' spend with no stated rate (needing a local estimate). */
  readonly spendWithoutRate: Figure<Pence>;
  readonly rag: RagStatus;
  readonly findings: readonly Finding[];
}

// ---------------------------------------------------------------------------------------------
// Savings plan (5.53)

export interface PlannedActual {
  readonly planned: Figure<Pence>;
  /** null where no line in scope has an actual figure. */
  readonly actual: Figure<Pence> | null;
  /** actual - planned over the lines/years that have an actual; null where there is none. */
  readonly variance: Figure<Pence> | null;
  /** variance / planned for those same lines; null where planned is zero or no actual. */
  readonly varianceRatio: number | null;
}

export interface SavingsYearTotals {
  readonly year: FinancialYear;
  readonly cashable: PlannedActual;
  readonly nonCashable: PlannedActual;
}

/**
 * Capacity released as the plan gives it (5.53: productivity gains "often shown as hours, officer
 * equivalents or £ equivalent"), summed over the lines that give each measure, with their cells.
 * A measure no line gives is absent; nothing here is worked out from money.
 */
export interface CapacityTotals {
  readonly hoursPlanned?: Figure<number>;
  readonly hoursActual?: Figure<number>;
  readonly officersPlanned?: Figure<number>;
  readonly officersActual?: Figure<number>;
}

/** Capacity released in a scope (an area, all areas): the total and each year's. */
export interface CapacityReleased {
  readonly total: CapacityTotals;
  /** Years in order; only years where some line gives a capacity figure. */
  readonly byYear: readonly { readonly year: FinancialYear; readonly totals: CapacityTotals }[];
}

export interface SavingsAreaSummary {
  readonly area: SavingsArea;
  readonly cashable: PlannedActual;
  readonly nonCashable: PlannedActual;
  readonly byYear: readonly SavingsYearTotals[];
  readonly lineCount: number;
  /** Hours and officer equivalents released, where any of the area's lines gives them. */
  readonly capacity?: CapacityReleased;
  /** The user's own notes for the area's lines, in sheet order. */
  readonly notes: readonly { readonly text: string; readonly cell: CellRef }[];
  readonly rag: RagStatus;
}

export interface SavingsAnalysis {
  /** All nine areas, in SAVINGS_AREAS order, including those with no lines. */
  readonly byArea: readonly SavingsAreaSummary[];
  readonly byYear: readonly SavingsYearTotals[];
  readonly total: { readonly cashable: PlannedActual; readonly nonCashable: PlannedActual };
  /** Hours and officer equivalents over all areas, where any line with an area gives them. */
  readonly capacity?: CapacityReleased;
  readonly areasWithoutPlans: readonly SavingsArea[];
  /** Lines whose area could not be recognised (not in any area's totals). */
  readonly unassigned: {
    readonly lineCount: number;
    readonly cashable: PlannedActual;
    readonly nonCashable: PlannedActual;
  };
  readonly rag: RagStatus;
  readonly findings: readonly Finding[];
}

// ---------------------------------------------------------------------------------------------
// User-defined indicators (Settings sheet, evaluated with a restricted mathjs)

export interface IndicatorValue {
  readonly year: FinancialYear;
  readonly value: number | null;
  readonly sources: readonly CellRef[];
}

export interface IndicatorResult {
  readonly name: string;
  readonly expression: string;
  /** The Settings cell the indicator was written in. */
  readonly cell?: CellRef;
  readonly byYear: readonly IndicatorValue[];
  /** Why it could not be evaluated, where it could not. */
  readonly error?: string;
}

// ---------------------------------------------------------------------------------------------

export interface Analysis {
  readonly force: Figure<string>;
  /** Every financial year the analysis covers, sorted. */
  readonly years: readonly FinancialYear[];
  readonly baselineYear: FinancialYear;
  readonly targetYear: FinancialYear;
  readonly unit?: MoneyUnit;
  /** The effective policy after overrides. */
  readonly policy: Policy;
  readonly overridesApplied: readonly PolicyOverrideApplied[];
  readonly overtime: OvertimeAnalysis;
  readonly businessSupport: BusinessSupportAnalysis;
  readonly procurement: ProcurementAnalysis;
  readonly savings: SavingsAnalysis;
  readonly indicators: readonly IndicatorResult[];
  /** Benchmarking against the most similar forces and all forces, where there is a peers sheet. */
  readonly peers?: PeersAnalysis;
  /** The readings the White Paper leaves open, with the verdict each option gives (readings.ts). */
  readonly readings: readonly ReadingVerdict[];
  /** Every finding: detection's, the policy overrides', and each analysis's; errors first. */
  readonly findings: readonly Finding[];
}
