/**
 * HMIC's Value for Money profile data as the add-in reads it: one national table of the 43
 * territorial forces by financial year, each value with the formula it was worked out by and
 * the cells (file, sheet, address) it came from. The files are HMIC's and HMICFRS's published
 * profile data (Crown copyright, Open Government Licence v3.0; see OGL_ATTRIBUTION).
 */
import { Finding } from "../findings";
import { SupportDefinition } from "../classifications/definitions";
import { FinancialYear } from "../years";

/** One published cell: which file, sheet and cell, and the number it holds. */
export interface ProfileCell {
  readonly file: string;
  readonly sheet: string;
  /** A1 address without the sheet. */
  readonly address: string;
  readonly value: number;
  /** What the cell is, in words ("officer overtime, £000"). */
  readonly what: string;
}

/** The indicators the national table carries, each lower-is-better or higher-is-better as in peersData. */
export type ProfileIndicatorKey =
  | "overtimeRatio"
  | "businessSupportRatio"
  | "nrePerHead"
  | "officersPer1000"
  | "nonStaffPctStaffCosts";

export const PROFILE_INDICATOR_KEYS: readonly ProfileIndicatorKey[] = [
  "overtimeRatio",
  "businessSupportRatio",
  "nrePerHead",
  "officersPer1000",
  "nonStaffPctStaffCosts",
];

/** How the overtime ratio was measured in a file. */
export type OvertimeDefinition = "hmic2010" | "poa";

/** A ratio or rate worked out from published cells. */
export interface ProfileValue {
  readonly value: number;
  /** The arithmetic in words with the figures, e.g. "4,733 / (169,503 + 4,733)". */
  readonly formula: string;
  readonly cells: readonly ProfileCell[];
  /** Where the file itself publishes the same ratio: its cell (the add-in's value is checked against it). */
  readonly published?: ProfileCell;
}

export interface ProfileIndicators {
  /** Officer overtime / officer pay including overtime (a fraction). */
  readonly overtimeRatio?: ProfileValue;
  /** Business support less IT / total workforce FTE (a fraction), on `definitions.businessSupportRatio`. */
  readonly businessSupportRatio?: ProfileValue;
  /** Net revenue expenditure per resident, pounds. */
  readonly nrePerHead?: ProfileValue;
  /** Police officer FTE per 1,000 residents. */
  readonly officersPer1000?: ProfileValue;
  /** Non-staff costs / staff costs (a fraction). */
  readonly nonStaffPctStaffCosts?: ProfileValue;
}

export interface ProfileDefinitions {
  readonly overtimeRatio?: OvertimeDefinition;
  readonly businessSupportRatio?: SupportDefinition;
}

/** One force in one financial year, gathered from every file that covers it. */
export interface ProfileRecord {
  /** core/forces id, e.g. "avon-and-somerset". */
  readonly forceId: string;
  /** The force's official name. */
  readonly force: string;
  /** The financial year (2009 = 2009/10). */
  readonly year: FinancialYear;
  readonly indicators: ProfileIndicators;
  readonly definitions: ProfileDefinitions;
  /** Residents, where a file gives them for the year (used to weight group averages). */
  readonly population?: ProfileCell;
  /** What each value's year means ("2009-10 estimates", "FTE at 31 March 2010"), by indicator. */
  readonly basis: Readonly<Partial<Record<ProfileIndicatorKey, string>>>;
}

/** Which published layout a file is. */
export type ProfileLayout =
  | "vfm2010" // the 2010 underlying-data workbook (.xls, three header rows)
  | "workforce2011" // the 2010/11 workforce CSV (one header row joined with "_")
  | "poaLong2012" // the 2012 POA data, one row per sub-objective and measure
  | "poaWide"; // 2013-2017: one sheet per measure, POA categories down, forces across

export interface ProfileSource {
  readonly file: string;
  readonly layout: ProfileLayout;
  /** What the file is, in words ("HMIC Value for Money profiles 2010, underlying data"). */
  readonly title: string;
  /** The financial years it gave values for. */
  readonly years: readonly FinancialYear[];
  /** Forces with at least one value. */
  readonly forces: number;
  /** How the year was told, e.g. "the notes sheet says '2016/17 estimates'". */
  readonly yearFrom: string;
}

export interface NationalTable {
  readonly sources: readonly ProfileSource[];
  readonly years: readonly FinancialYear[];
  /** By year, then force in FORCES order. */
  readonly records: readonly ProfileRecord[];
  readonly findings: readonly Finding[];
}

/** What one file reader returns, before files are merged. */
export interface FileProfile {
  readonly source: ProfileSource;
  readonly records: readonly ProfileRecord[];
  readonly findings: readonly Finding[];
}
