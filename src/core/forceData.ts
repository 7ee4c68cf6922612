/**
 * What detection finds in a workbook, before any analysis: every figure with the cell it came
 * from and how it was recognised. Detection (core/detect) produces it from a WorkbookGrid,
 * whether the workbook uses the add-in's input template or the force's own free-form sheets;
 * the analyses (core/analysis) take it as their only input besides the policy.
 */
import { CellRef } from "./grid";
import { Finding } from "./findings";
import { MoneyUnit, Pence } from "./money";
import { FinancialYear } from "./years";
import type { PeersData } from "./peersData";

/** What a year's figures are, as the workbook's own header says ("Actual 2008/09", "2011/12 Plan"). */
export type YearBasis = "actual" | "budget" | "plan" | "target" | "forecast";

/** How a figure was recognised, for the user and the sources section. */
export interface Recognition {
  /** e.g. "template table Budget", "label 'Overtime - Police Officers' matched officer overtime". */
  readonly how: string;
}

export interface Sourced<T> extends Recognition {
  readonly value: T;
  /** The cell(s) the figure came from; a sum cites each cell it added. */
  readonly sources: readonly CellRef[];
}

/** The budget lines the analyses need, whatever the force calls them. */
export type BudgetLineKey =
  | "officerPay"
  | "officerOvertime"
  | "staffPay"
  | "staffOvertime"
  | "pcsoPay"
  | "pcsoOvertime"
  | "totalPay"
  | "nonPay"
  | "grossExpenditure"
  | "income"
  | "netExpenditure";

export interface BudgetLine {
  /** The label as written in the sheet. */
  readonly label: string;
  /** Which line it is, where recognised; lines not needed by the analyses have none. */
  readonly key?: BudgetLineKey;
  /** Subtotal or total rows are kept apart so they are never added in twice. */
  readonly isTotal: boolean;
  readonly labelCell: CellRef;
  /** Amount in pence per financial year, with its cell. */
  readonly amounts: ReadonlyMap<FinancialYear, Sourced<Pence>>;
  /** The label says the pay includes overtime ("pay including overtime"): the analyses take the overtime line out of it. */
  readonly includesOvertime?: boolean;
  /** "of which: police officer overtime": part of the line above it, never added to a total again. */
  readonly partOfLineAbove?: boolean;
  /** Budget / actual / target / forecast where the header said so. */
  readonly basis?: ReadonlyMap<FinancialYear, YearBasis>;
  /** The label fits these keys equally, so it was read as none of them until the user says. */
  readonly ambiguousKeys?: readonly BudgetLineKey[];
  /** The key a total row's label names ("Total police officer pay"), where it names one. */
  readonly totalOf?: BudgetLineKey;
  /** A total whose figure is not the sum of the rows above it, beyond their rounding, by year. */
  readonly unreconciled?: ReadonlyMap<
    FinancialYear,
    { readonly stated: Pence; readonly sum: Pence; readonly cell: CellRef }
  >;
  /** Read as a subtotal because its figures are the sum of the rows above it (no "total" in its label). */
  readonly unlabelledSubtotal?: boolean;
}

/** Business-support classification keys (policy.ts holds which count, after 5.46-5.51). */
export type FunctionCategory =
  | "corporateDevelopment"
  | "hr"
  | "finance"
  | "procurement"
  | "administration"
  | "communications"
  | "legal"
  | "performanceReview"
  | "professionalStandards"
  | "staffAssociations"
  | "it"
  | "estates"
  | "fleet"
  | "training"
  | "forceCommand"
  | "operational"
  | "other";

export interface WorkforceLine {
  readonly label: string;
  readonly category?: FunctionCategory;
  /** The user chose the category (Data step or Category column): no doubt is raised about it. */
  readonly categoryConfirmed?: boolean;
  /** The published function it names (core/classifications id), where its label is one. */
  readonly entry?: string;
  /**
   * Index (in workforce.lines) of the line this one breaks down, e.g. "IT/Communications" under
   * "Business support": its FTE are part of that line's, so never added to the workforce again.
   */
  readonly breakdownOf?: number;
  /** Why the line's place in the structure is in doubt (e.g. its breakdown does not add up). */
  readonly doubt?: string;
  /** Subtotal and total rows (found by their words or by adding up to the lines above). */
  readonly isTotal: boolean;
  readonly labelCell: CellRef;
  /** FTE by year, by worker type where the sheet splits it; `total` is officers + staff + PCSOs. */
  readonly fte: ReadonlyMap<
    FinancialYear,
    {
      readonly officers?: Sourced<number>;
      readonly staff?: Sourced<number>;
      readonly pcsos?: Sourced<number>;
      readonly specials?: Sourced<number>;
      readonly total?: Sourced<number>;
    }
  >;
}

/** Procurement category keys from the national approaches (5.31-5.40). */
export type ProcurementCategory =
  | "vehicles"
  | "bodyArmour"
  | "forensicDna"
  | "forensicDrugs"
  | "forensicOther"
  | "eForensics"
  | "uniform"
  | "mobilePhones"
  | "digitalEvidence"
  | "consultancy"
  | "translators"
  | "olympics"
  | "radio"
  | "forensicsRefresh"
  | "fingerprintId"
  | "fingerprintScanning"
  | "construction"
  | "ict"
  | "other";

export type ProcurementRoute = "nationalFramework" | "regional" | "local" | "unknown";

export interface ProcurementLine {
  readonly labelCell: CellRef;
  /** The category as written. */
  readonly categoryText: string;
  /** What was bought, where the sheet has a description column. */
  readonly description?: string;
  readonly category?: ProcurementCategory;
  readonly supplier?: string;
  readonly annualSpend: Sourced<Pence>;
  readonly route: ProcurementRoute;
  readonly routeText?: string;
  /** ISO date "2011-03-31". */
  readonly contractEnd?: Sourced<string>;
  /** A migration date the force has planned, ISO. */
  readonly plannedMigration?: Sourced<string>;
}

/** The statement's nine areas (5.53), in the order the statement lists them. */
export const SAVINGS_AREAS = [
  "deployment",
  "overtime",
  "processImprovement",
  "bureaucracy",
  "procurement",
  "it",
  "supportServices",
  "collaboration",
  "overheads",
] as const;
export type SavingsArea = (typeof SAVINGS_AREAS)[number];

export interface SavingsLine {
  readonly initiative: string;
  readonly labelCell: CellRef;
  readonly area?: SavingsArea;
  readonly areaText: string;
  readonly type: "cashable" | "nonCashable";
  readonly year: FinancialYear;
  readonly planned?: Sourced<Pence>;
  readonly actual?: Sourced<Pence>;
  /**
   * Capacity released (5.53: productivity gains "often shown as hours, officer equivalents or £
   * equivalent"), where the plan gives it: hours and officer equivalents (FTE), planned and
   * actual, each with its cell. Only non-cashable lines carry them.
   */
  readonly capacity?: SavingsCapacity;
  readonly notes?: string;
}

/** The capacity measures a savings plan may give, in the order the statement shows them. */
export const CAPACITY_KINDS = [
  "hoursPlanned",
  "hoursActual",
  "officersPlanned",
  "officersActual",
] as const;
export type CapacityKind = (typeof CAPACITY_KINDS)[number];

/** A savings line's capacity released, as the plan gives it (never converted from money). */
export type SavingsCapacity = { readonly [K in CapacityKind]?: Sourced<number> };

export interface ForceSettings {
  readonly forceName?: Sourced<string>;
  /** The Police Authority that publishes the statement (5.53-5.54), where the workbook names it. */
  readonly authorityName?: Sourced<string>;
  /** The year of the Local Policing Plan the statement goes in, where the workbook gives it. */
  readonly policingPlanYear?: Sourced<FinancialYear>;
  readonly baselineYear?: Sourced<FinancialYear>;
  readonly targetYear?: Sourced<FinancialYear>;
  /** The money unit the Settings sheet gives for sheets that state none. */
  readonly unit?: Sourced<MoneyUnit>;
  /** Average cost of one business-support FTE, where the user gives it. */
  readonly averageSupportCost?: Sourced<Pence>;
  /** The force's most similar group as the user named it (up to seven forces). */
  readonly mostSimilarForces?: Sourced<readonly string[]>;
  /** Policy overrides as written in the Settings sheet: key -> text or number. */
  readonly policyOverrides: ReadonlyMap<string, Sourced<string | number>>;
}

export interface ForceData {
  readonly settings: ForceSettings;
  readonly budget: {
    readonly lines: readonly BudgetLine[];
    readonly years: readonly FinancialYear[];
    /** The unit amounts were stated in, where found (all amounts above are already in pence). */
    readonly unit?: MoneyUnit;
  };
  readonly workforce: {
    readonly lines: readonly WorkforceLine[];
    readonly years: readonly FinancialYear[];
  };
  readonly procurement: { readonly lines: readonly ProcurementLine[] };
  readonly savingsPlan: { readonly lines: readonly SavingsLine[] };
  /** The peers table (one row per force, indicator columns), where the workbook has one. */
  readonly peers?: PeersData;
  /** Which sheets were read as what, for the Data step and the sources section. */
  readonly sheetsUsed: readonly {
    readonly sheet: string;
    readonly as: "budget" | "workforce" | "procurement" | "savingsPlan" | "settings" | "peers";
    readonly how: string;
  }[];
  readonly findings: readonly Finding[];
}
