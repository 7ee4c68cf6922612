/**
 * The scenario model's inputs (levers) and results. A finance team asks "what if" before it
 * commits to a plan: a yearly overtime cut (or the smallest one that reaches 4% by a year),
 * business-support posts removed by year (or the FTE to remove to reach a share by a year),
 * contracts moved to the national approach, and the pay growth assumed where the workbook has no
 * pay figure. Money is whole pence, FTE is held to two decimals, ratios are fractions, years are
 * FinancialYear (2008 = 2008/09), dates ISO. Every figure cites the cells it used, and every
 * result lists the settings it used.
 */
import { Finding } from "../findings";
import { FrameworkCategory } from "../policy";
import { Pence } from "../money";
import { FinancialYear } from "../years";
import { Figure, OvertimeRequirement, ThresholdStatus } from "../analysis/types";

/** A yearly overtime cut as a rate (0.05 = 5% a year) or in pence a year, or a year to reach. */
export type OvertimeLever =
  | { readonly kind: "rate"; readonly rate: number }
  | { readonly kind: "amount"; readonly amount: Pence }
  | { readonly kind: "reach"; readonly year: FinancialYear };

export interface SupportRemoval {
  readonly year: FinancialYear;
  /** FTE removed in that year (held to two decimals). */
  readonly fte: number;
}

/** Business-support posts removed by year, or a share to get below by a year (the FTE solved). */
export type SupportLever =
  | { readonly kind: "remove"; readonly removals: readonly SupportRemoval[] }
  | { readonly kind: "reach"; readonly year: FinancialYear; readonly share?: number };

export interface ContractMove {
  /** The contract line's label cell, "Procurement!A5" (as formatRef writes it). */
  readonly cell: string;
  /** ISO date the contract moves to the national approach; null: it does not move. */
  readonly date: string | null;
}

export interface ProcurementLever {
  /** Moves that differ from the default (the planned date, else the date it is due by). */
  readonly moves?: readonly ContractMove[];
  /** Local estimates of a category's saving rate, in place of the policy's. */
  readonly rates?: Readonly<Partial<Record<FrameworkCategory, number>>>;
}

export interface ScenarioLevers {
  readonly overtime?: OvertimeLever;
  readonly businessSupport?: SupportLever;
  readonly procurement?: ProcurementLever;
  /** Pay growth a year where the workbook has no pay figure; the policy setting otherwise. */
  readonly payGrowth?: number;
  /** The year the levers apply from (later years are modelled); default: the latest actual year. */
  readonly from?: FinancialYear;
}

export interface Scenario {
  readonly name: string;
  readonly levers: ScenarioLevers;
}

/** A setting or lever a result used, as a treasurer would write it. */
export interface SettingUsed {
  /** A policy key ("overtime.threshold") or a lever ("scenario.overtime.yearlyCut"). */
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

// ---------------------------------------------------------------------------------------------

export interface OvertimeScenarioYear {
  readonly year: FinancialYear;
  readonly overtime: Figure<Pence>;
  /** Pay without overtime: the workbook's figure, or projected at the pay growth rate. */
  readonly pay: Figure<Pence>;
  /** The paybill on the policy's definition (pay + overtime where it includes overtime). */
  readonly paybill: Figure<Pence>;
  readonly ratio: Figure<number> | null;
  readonly status: ThresholdStatus;
  /** "kept": the workbook's own figure (an actual, or the start year); "modelled": the lever's. */
  readonly overtimeFrom: "kept" | "modelled";
  readonly payFrom: "workbook" | "projected";
}

export interface OvertimeScenario {
  /** The last year that keeps the workbook's figure; the cut applies to the years after it. */
  readonly from: FinancialYear;
  readonly fromReason: "latestActual" | "baseline" | "firstYear" | "chosen";
  /** The yearly cut applied, as a fraction (solved or given), or null for a cut in pounds. */
  readonly yearlyCut: number | null;
  /** The yearly cut in pence, where the lever was a cut in pounds. */
  readonly yearlyCutAmount: Pence | null;
  /** Where the lever asked to reach the threshold by a year: that year. */
  readonly solvedFor: FinancialYear | null;
  readonly payGrowth: number;
  readonly byYear: readonly OvertimeScenarioYear[];
  /** The first year (from the start) at or below the threshold; null if none. */
  readonly yearThresholdReached: FinancialYear | null;
  /** Baseline overtime - the year's overtime, for each year after the baseline. */
  readonly savingsAgainstBaseline: readonly {
    readonly year: FinancialYear;
    readonly saving: Figure<Pence>;
  }[];
  /**
   * The White Paper's minimum path from the start year (5.9-5.10): the most overtime each year
   * may have if the force cut by exactly the required amount, on the scenario's pay.
   */
  readonly requiredPath: readonly OvertimeRequirement[];
  readonly settings: readonly SettingUsed[];
}

export interface SupportScenarioYear {
  readonly year: FinancialYear;
  readonly supportFte: Figure<number>;
  readonly totalFte: Figure<number>;
  readonly ratio: Figure<number> | null;
  /** "atOrBelow" means strictly below the share (the target is "below 7%"). */
  readonly status: ThresholdStatus;
  /** FTE removed by the end of the year, counted from the start year. */
  readonly removedFte: number;
  /** removedFte x the average cost per support FTE; null where that cost is unknown. */
  readonly saving: Figure<Pence> | null;
  readonly from: "kept" | "modelled";
}

export interface SupportScenario {
  readonly from: FinancialYear;
  /** The share to get below: the policy's threshold unless the lever gave another. */
  readonly share: number;
  readonly removeFte: readonly SupportRemoval[];
  readonly solvedFor: FinancialYear | null;
  readonly byYear: readonly SupportScenarioYear[];
  readonly yearShareReached: FinancialYear | null;
  readonly averageCost: Figure<Pence> | null;
  /** The yearly saving once every post has gone (the last year's): removed FTE x average cost. */
  readonly cashableSaving: Figure<Pence> | null;
  readonly settings: readonly SettingUsed[];
}

export interface ProcurementScenarioMove {
  readonly cell: string;
  readonly category: FrameworkCategory;
  readonly categoryText: string;
  readonly supplier?: string;
  readonly spend: Figure<Pence>;
  /** When it moves in this scenario; null: it stays where it is. */
  readonly moveDate: string | null;
  readonly migrateBy: string;
  /** Moves later than the date it is due by (or not at all). */
  readonly late: boolean;
  readonly rate: number | null;
  readonly rateFrom: "policy" | "scenario";
  /** Spend x rate: the saving in a full year after the move; null where no rate is known. */
  readonly annualSaving: Figure<Pence> | null;
}

export interface ProcurementScenario {
  readonly moves: readonly ProcurementScenarioMove[];
  /** The saving in each financial year, part years pro rata by day from the move date. */
  readonly byYear: readonly { readonly year: FinancialYear; readonly saving: Figure<Pence> }[];
  readonly byCategory: readonly {
    readonly category: FrameworkCategory;
    readonly rate: number | null;
    readonly rateFrom: "policy" | "scenario";
    readonly annualSaving: Figure<Pence> | null;
  }[];
  /** Full-year saving once every contract that moves has moved. */
  readonly annualSaving: Figure<Pence>;
  readonly settings: readonly SettingUsed[];
}

export interface ScenarioResult {
  readonly name: string;
  readonly levers: ScenarioLevers;
  readonly years: readonly FinancialYear[];
  /** Null where the lever was out of range or the workbook lacks the figures (see findings). */
  readonly overtime: OvertimeScenario | null;
  readonly businessSupport: SupportScenario | null;
  readonly procurement: ProcurementScenario | null;
  readonly findings: readonly Finding[];
}
