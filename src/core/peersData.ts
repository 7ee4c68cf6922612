/**
 * Peers as data: what detection reads from a peers sheet (one row per force, indicator columns,
 * optionally each force's most similar group) and the indicators the add-in knows. Forces compare
 * their costs with other forces and especially with their most similar group, as HMIC's Value for
 * Money Profiles do (White Paper 5.59; vfm-policy.md, "Benchmarking").
 *
 * Every value keeps its cell. Percentages are held as fractions: 5.9 under a "%" header and
 * 0.059 formatted as a percentage both become 0.059.
 */
import { CellRef } from "./grid";
import { Finding } from "./findings";
import { Sourced } from "./forceData";
import { Force } from "./forces";

/** Which way an indicator is better. */
export type Direction = "lowerIsBetter" | "higherIsBetter";

/** The indicators the add-in knows, with their default direction. */
export type KnownIndicatorKey =
  | "overtimePctPaybill"
  | "businessSupportPctWorkforce"
  | "nrePerHead"
  | "officersPer1000"
  | "frameworkProcurementPct";

export interface KnownIndicator {
  readonly key: KnownIndicatorKey;
  /** The name the add-in shows. */
  readonly name: string;
  /** The header the template writes. */
  readonly templateHeader: string;
  /** What the template's help line over the column says the figure is. */
  readonly templateHelp: string;
  readonly isPercent: boolean;
  readonly unit?: "£";
  readonly defaultDirection: Direction;
  /** Why that direction, with the paragraph it rests on. */
  readonly why: string;
}

/**
 * The known indicators. Directions are defaults the user can change in the analysis settings.
 * Officers per 1,000 population is read as higher-is-better: the efficiency programme counts its
 * gains as officer time released to the public (5.4 puts process improvement at the equivalent of
 * some 10,000 officers), while the cost side is carried by net revenue expenditure per head.
 */
/** A most similar group is a force and at most seven others like it (HMIC's VfM profiles). */
export const MOST_SIMILAR_GROUP_MAX = 7;

export const KNOWN_INDICATORS: readonly KnownIndicator[] = [
  {
    key: "overtimePctPaybill",
    name: "Overtime % of paybill",
    templateHeader: "Overtime % of paybill",
    templateHelp: "Officer overtime / officer paybill",
    isPercent: true,
    defaultDirection: "lowerIsBetter",
    why: "less overtime for the paybill is better; the White Paper expects forces above 4% to bring it down (5.9-5.10)",
  },
  {
    key: "businessSupportPctWorkforce",
    name: "Business support % of workforce",
    templateHeader: "Business support % of workforce",
    templateHelp: "Business-support FTE (IT left out) / workforce FTE",
    isPercent: true,
    defaultDirection: "lowerIsBetter",
    why: "a smaller business-support share is better; the target is below 7% of the workforce (5.46-5.51)",
  },
  {
    key: "nrePerHead",
    name: "Net revenue expenditure per head of population",
    templateHeader: "Net revenue expenditure per head of population (£)",
    templateHelp: "Net revenue expenditure / residents",
    isPercent: false,
    unit: "£",
    defaultDirection: "lowerIsBetter",
    why: "spending less per resident for the same service is better value (5.59)",
  },
  {
    key: "officersPer1000",
    name: "Officers per 1,000 population",
    templateHeader: "Officers per 1,000 population",
    templateHelp: "Officer FTE per 1,000 residents",
    isPercent: false,
    defaultDirection: "higherIsBetter",
    why: "more officers for the population served is read as more policing capacity (5.4); change it if your comparison treats officers as a cost",
  },
  {
    key: "frameworkProcurementPct",
    name: "Procurement spend through national frameworks %",
    templateHeader: "Procurement spend through national frameworks %",
    templateHelp: "Spend through national frameworks / addressable spend",
    isPercent: true,
    defaultDirection: "higherIsBetter",
    why: "more spend through national frameworks is better; forces are expected to adopt them quickly (5.31-5.40)",
  },
];

export function knownIndicator(key: KnownIndicatorKey): KnownIndicator | undefined {
  return KNOWN_INDICATORS.find((k) => k.key === key);
}

/** What a column of the peers table holds. */
export type PeerColumnRole =
  /** A measure to rank forces on. */
  | "indicator"
  /** A size or base figure (population, FTE, paybill): not ranked, usable as weights. */
  | "context";

export interface PeerColumn {
  /** Stable key: the known indicator's key, or "col:" plus the header reduced to words. */
  readonly key: string;
  /** The known indicator, where the header names one. */
  readonly known?: KnownIndicatorKey;
  /** The name shown: the known indicator's name, or the header as written. */
  readonly name: string;
  /** The header as written. */
  readonly header: string;
  readonly headerCell: CellRef;
  readonly role: PeerColumnRole;
  /** Values are fractions (0.059 for 5.9%). */
  readonly isPercent: boolean;
  /** "£" where the header says the figures are pounds. */
  readonly unit?: "£";
  /** Zero-based column index in the sheet. */
  readonly column: number;
}

export interface PeerGroup {
  /** The cell as written. */
  readonly text: string;
  readonly cell: CellRef;
  /** Names as written, in order, duplicates removed. */
  readonly members: readonly string[];
  /** The territorial force each member names, where it names one (same order as members). */
  readonly matched: readonly (Force | undefined)[];
}

export interface PeerRow {
  /** The force name as written. */
  readonly name: string;
  readonly nameCell: CellRef;
  /** The territorial force the name denotes, where it is one of the 43. */
  readonly force?: Force;
  /** True when this row is the workbook's own force (options.forceName). */
  readonly isOwnForce: boolean;
  /** Values by column key; a blank, text or error cell has no entry (and a finding). */
  readonly values: ReadonlyMap<string, Sourced<number>>;
  /** The force's most similar group, where the sheet gives one. */
  readonly group?: PeerGroup;
  /**
   * Figures of this row not on the same footing as the other forces', by column key, with why
   * (HMIC's per-head figures for a force whose population basis moves): they are shown and
   * ranked, but left out of the quartile edges and the averages.
   */
  readonly notComparable?: ReadonlyMap<string, string>;
}

export interface PeersData {
  readonly sheet: string;
  /** Zero-based header row. */
  readonly headerRow: number;
  readonly forceColumn: number;
  readonly groupColumn?: number;
  /** How the sheet was recognised, e.g. "template sheet Peers" or "header row 4 of 'VfM profile'". */
  readonly how: string;
  /** "template" when the headers are the add-in's own, "freeForm" otherwise. */
  readonly form: "template" | "freeForm";
  /** Indicator and context columns, in sheet order. */
  readonly columns: readonly PeerColumn[];
  /** One per force row, in sheet order (average and note rows are left out). */
  readonly rows: readonly PeerRow[];
  /** Text above or below the table saying the figures are illustrative, where there is any. */
  readonly illustrativeNote?: string;
  readonly findings: readonly Finding[];
}

/**
 * A header or indicator name reduced for comparison: lower case, "&" as "and", "per cent" as %,
 * punctuation (except % and £) as spaces.
 */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/per cent|percent(?:age)?/g, " % ")
    .replace(/[^a-z0-9%£]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
