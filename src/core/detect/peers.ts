/**
 * Finds a peers sheet in a workbook: one row per force, a force column, indicator columns, and
 * optionally a "most similar forces" column. Forces compare their costs with other forces and
 * especially with their most similar group, as HMIC's Value for Money Profiles do (White Paper
 * 5.59; vfm-policy.md, "Benchmarking"); this module reads such a table, in the add-in's own
 * template (see peersTemplateSheet) or as a force keeps it (title rows above, notes columns,
 * blank rows, average rows below).
 *
 * Every value keeps its cell. Percentages are held as fractions: 5.9 under a "%" header and
 * 0.059 formatted as a percentage both become 0.059.
 */
import {
  CellRef,
  CellValue,
  SheetGrid,
  WorkbookGrid,
  cellRef,
  cellValue,
  columnCount,
  formatRef,
  numberFormat,
  rowCount,
} from "../grid";
import { Finding, finding } from "../findings";
import { Sourced } from "../forceData";
import { FORCES, Force, describeUnknownForce, matchForce, normaliseForceName } from "../forces";
import { SheetPlan } from "../writePlan";
import { fromPoints } from "../numberText";
import { readNumberCell } from "./cells";

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
  readonly isPercent: boolean;
  readonly unit?: "£";
  readonly defaultDirection: Direction;
  /** Why that direction, with the paragraph it rests on. */
  readonly why: string;
  /** Whether a header names this indicator (header already lower-cased, spaces collapsed). */
  readonly matches: (header: string) => boolean;
}

/**
 * The known indicators. Directions are defaults the user can change in the analysis settings.
 * Officers per 1,000 population is read as higher-is-better: the efficiency programme counts its
 * gains as officer time released to the public (5.4 puts process improvement at the equivalent of
 * some 10,000 officers), while the cost side is carried by net revenue expenditure per head.
 */
export const KNOWN_INDICATORS: readonly KnownIndicator[] = [
  {
    key: "overtimePctPaybill",
    name: "Overtime % of paybill",
    templateHeader: "Overtime % of paybill",
    isPercent: true,
    defaultDirection: "lowerIsBetter",
    why: "less overtime for the paybill is better; the White Paper expects forces above 4% to bring it down (5.9-5.10)",
    matches: (h) => /\bovertime\b/.test(h) && !/\b(?:hours|£|cost|spend)\b/.test(h),
  },
  {
    key: "businessSupportPctWorkforce",
    name: "Business support % of workforce",
    templateHeader: "Business support % of workforce",
    isPercent: true,
    defaultDirection: "lowerIsBetter",
    why: "a smaller business-support share is better; the target is below 7% of the workforce (5.46-5.51)",
    matches: (h) =>
      /\b(?:business support|back office|support services?|support staff)\b/.test(h) &&
      !/\b(?:cost|spend|£)\b/.test(h),
  },
  {
    key: "nrePerHead",
    name: "Net revenue expenditure per head of population",
    templateHeader: "Net revenue expenditure per head of population (£)",
    isPercent: false,
    unit: "£",
    defaultDirection: "lowerIsBetter",
    why: "spending less per resident for the same service is better value (5.59)",
    matches: (h) =>
      /\b(?:nre|net revenue|net (?:revenue )?(?:expenditure|spend|cost)|net budget|cost|spend)\b/.test(
        h
      ) && /\b(?:per head|per capita|per resident|per person|per (?:1 ?000 )?population)\b/.test(h),
  },
  {
    key: "officersPer1000",
    name: "Officers per 1,000 population",
    templateHeader: "Officers per 1,000 population",
    isPercent: false,
    defaultDirection: "higherIsBetter",
    why: "more officers for the population served is read as more policing capacity (5.4); change it if your comparison treats officers as a cost",
    matches: (h) =>
      /\bofficers?\b/.test(h) && /\bper (?:1 ?000|thousand|1k)\b|\bper 1 000\b/.test(h),
  },
  {
    key: "frameworkProcurementPct",
    name: "Procurement spend through national frameworks %",
    templateHeader: "Procurement spend through national frameworks %",
    isPercent: true,
    defaultDirection: "higherIsBetter",
    why: "more spend through national frameworks is better; forces are expected to adopt them quickly (5.31-5.40)",
    matches: (h) => /\bframeworks?\b/.test(h),
  },
];

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

export interface DetectPeersOptions {
  /** The workbook's own force, which may not be one of the 43 (the sample's Exampleshire). */
  readonly forceName?: string;
  /** Read this sheet only. */
  readonly sheet?: string;
}

// ---------------------------------------------------------------------------------------------
// Headers

/** Lower case, "&" as "and", punctuation (except % and £) as spaces. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/per cent|percent(?:age)?/g, " % ")
    .replace(/[^a-z0-9%£]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function isForceHeader(h: string): boolean {
  if (/\b(?:similar|group|msg|peers?|comparators?|family|families)\b/.test(h)) return false;
  return (
    /^(?:police )?forces?(?: name| area)?$/.test(h) ||
    /^(?:name of )?(?:police )?force$/.test(h) ||
    /^(?:constabulary|police force area|pfa|organisation|force or area)$/.test(h) ||
    (/\bforce\b/.test(h) && h.split(" ").length <= 4)
  );
}

function isGroupHeader(h: string): boolean {
  return /\b(?:most similar|similar forces?|msg|peer group|comparators?|comparator group|family)\b/.test(
    h
  );
}

function isNotesHeader(h: string): boolean {
  return /\b(?:notes?|comments?|remarks?|sources?|explanation|commentary)\b/.test(h);
}

/** Headers of columns that restate a ranking rather than hold a measure. */
function isDerivedHeader(h: string): boolean {
  return /^(?:rank(?:ing)?|quartile|position|band|rag|status)\b/.test(h);
}

/** Size and base figures: useful as weights, not to rank on. */
function isContextHeader(h: string): boolean {
  if (/\bper\b|%/.test(h)) return false;
  return /\b(?:population|residents|households|fte|headcount|strength|paybill|pay bill|budget|expenditure|nre|area|hectares|sq km)\b/.test(
    h
  );
}

/** Words that mark a figure as pounds. */
function isPoundsHeader(h: string): boolean {
  return /£|\bpounds?\b/.test(h);
}

function headerSaysPercent(h: string): boolean {
  return /%/.test(h);
}

/** Rows that summarise the forces rather than being one. */
function isSummaryName(n: string): boolean {
  return /^(?:total|average|mean|median|msg|most similar|group|national|england|wales|all forces|top quartile|quartile|upper quartile|lower quartile|minimum|maximum|min|max|range)\b|\baverage\b|\bmean\b|\bmedian\b|\bquartile\b|\btotal\b/.test(
    n
  );
}

/** Notes written in the force column, under or over the table. */
function isNoteText(text: string): boolean {
  const t = text.trim().toLowerCase();
  return (
    t.length > 60 ||
    /^(?:source|sources|note|notes|n\.?b\.?|\*|figures|data|illustrative|prepared|compiled|updated|the )\b/.test(
      t
    )
  );
}

function illustrativeText(text: string): boolean {
  return /\billustrative\b|\bsynthetic\b|\bnot real\b|\bfictional\b/i.test(text);
}

function textOf(v: CellValue): string | undefined {
  if (typeof v === "string") {
    const t = v.trim();
    return t ? t : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Numbers

type Read =
  | {
      kind: "number";
      value: number;
      percentFormat: boolean;
      fromText: boolean;
      textPercent: boolean;
    }
  | { kind: "blank" }
  | { kind: "text"; text: string }
  | { kind: "error"; error: string };

/**
 * A figure cell: numbers as they are (a % in the number format marks a percentage), text by the
 * shared rules for numbers typed as text ("5.9%" is 0.059, "(3.2)" is -3.2, a dash is blank).
 */
function readCell(sheet: SheetGrid, row: number, col: number): Read {
  const v = cellValue(sheet, row, col);
  if (typeof v === "number" && Number.isFinite(v)) {
    const fmt = numberFormat(sheet, row, col) ?? "";
    // A % outside quotes in the format code means Excel shows the value times 100.
    const percentFormat = /%/.test(fmt.replace(/"[^"]*"/g, ""));
    return { kind: "number", value: v, percentFormat, fromText: false, textPercent: false };
  }
  const c = readNumberCell(v);
  switch (c.kind) {
    case "blank":
      return c;
    case "error":
      return c;
    case "date":
      return { kind: "text", text: "a date" };
    case "text":
      return c;
    case "number":
      return {
        kind: "number",
        value: c.percent ? fromPoints(c.value) : c.value,
        percentFormat: false,
        fromText: true,
        textPercent: !!c.percent,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Finding the table

interface Candidate {
  sheet: SheetGrid;
  headerRow: number;
  forceColumn: number;
  /** Data rows (zero-based) from the header row down, with the force name. */
  rows: { row: number; name: string }[];
  matchedForces: number;
  score: number;
  explicitHeader: boolean;
}

const HEADER_SCAN_ROWS = 40;
/** Rows below a header with no force heading that are looked at for force names. */
const LOOK_AHEAD = 60;
/** More named rows than this (43 forces, the force's own, averages and notes, twice over) is not a peers table. */
const MAX_TABLE_ROWS = 200;
/** The table ends after this many rows in a row with no name in the force column. */
const BLANK_RUN_ENDS_TABLE = 5;

function sameForce(a: string, b: string): boolean {
  const na = normaliseForceName(a);
  const nb = normaliseForceName(b);
  if (na && na === nb) return true;
  const ma = matchForce(a);
  const mb = matchForce(b);
  return !!ma && !!mb && ma.force.id === mb.force.id;
}

function dataRows(
  sheet: SheetGrid,
  headerRow: number,
  col: number
): { row: number; name: string }[] {
  const out: { row: number; name: string }[] = [];
  let blanks = 0;
  for (let r = headerRow + 1; r < rowCount(sheet); r++) {
    const v = cellValue(sheet, r, col);
    const t = textOf(v);
    if (!t) {
      if (v !== null && typeof v !== "string") {
        blanks = 0;
        continue;
      }
      if (++blanks >= BLANK_RUN_ENDS_TABLE) break;
      continue;
    }
    blanks = 0;
    out.push({ row: r, name: t });
    // A table of forces is short; a column running on is a ledger or a list, not a peers table.
    if (out.length > MAX_TABLE_ROWS) break;
  }
  return out;
}

/** How many different forces (or the force's own name) the rows name. */
function distinctForces(rows: readonly { name: string }[], ownForce: string | undefined): number {
  const ids = new Set<string>();
  for (const r of rows) {
    const m = matchForce(r.name);
    if (m) ids.add(m.force.id);
    else if (ownForce && sameForce(r.name, ownForce)) ids.add("own");
  }
  return ids.size;
}

function countMatched(rows: readonly { name: string }[], ownForce: string | undefined): number {
  let n = 0;
  for (const r of rows) if (matchForce(r.name) || (ownForce && sameForce(r.name, ownForce))) n++;
  return n;
}

/** A column counts as numeric when most of its filled cells below the header hold numbers. */
function numericShare(sheet: SheetGrid, rows: readonly { row: number }[], col: number): number {
  let filled = 0;
  let numbers = 0;
  for (const { row } of rows) {
    const r = readCell(sheet, row, col);
    if (r.kind === "blank") continue;
    filled++;
    if (r.kind === "number") numbers++;
  }
  return filled === 0 ? 0 : numbers / filled;
}

function findCandidates(sheet: SheetGrid, ownForce: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  const lastRow = Math.min(rowCount(sheet), HEADER_SCAN_ROWS);
  const cols = columnCount(sheet);
  // A column with no header can still be the force column if it lists forces. Which of the first
  // rows name a force, per column, is worked out once (a ledger can be 200,000 rows long).
  const scanTo = Math.min(rowCount(sheet), lastRow + LOOK_AHEAD);
  const forceRows: number[][] = [];
  for (let c = 0; c < cols; c++) {
    const hits: number[] = [];
    for (let r = 0; r < scanTo; r++) {
      const t = textOf(cellValue(sheet, r, c));
      if (t && t.length <= 60 && (matchForce(t) || (ownForce && sameForce(t, ownForce))))
        hits.push(r);
    }
    forceRows.push(hits);
  }
  for (let r = 0; r < lastRow; r++) {
    for (let c = 0; c < cols; c++) {
      const header = textOf(cellValue(sheet, r, c));
      const explicitHeader = !!header && isForceHeader(normaliseHeader(header));
      if (header && !explicitHeader) continue;
      if (!explicitHeader) {
        const below = forceRows[c].filter((x) => x > r && x <= r + LOOK_AHEAD).length;
        if (below < 3) continue;
      }
      const rows = dataRows(sheet, r, c);
      if (rows.length === 0 || rows.length > MAX_TABLE_ROWS) continue;
      const matched = countMatched(rows, ownForce);
      // Each force appears once in a peers table: a column repeating a few forces is something else.
      if (distinctForces(rows, ownForce) < matched / 2) continue;
      if (!explicitHeader && (header !== undefined || matched < 3)) continue;
      // At least one other column in this header row must have a header over numbers.
      let indicatorColumns = 0;
      for (let k = 0; k < cols; k++) {
        if (k === c) continue;
        const h = textOf(cellValue(sheet, r, k));
        if (!h) continue;
        const nh = normaliseHeader(h);
        if (isGroupHeader(nh) || isNotesHeader(nh)) continue;
        if (numericShare(sheet, rows, k) >= 0.5 || KNOWN_INDICATORS.some((i) => i.matches(nh)))
          indicatorColumns++;
      }
      if (indicatorColumns === 0) continue;
      // A force column must mostly name forces unless its header says it is one.
      if (!explicitHeader && matched < rows.length / 2) continue;
      if (explicitHeader && matched === 0) continue;
      // Named rows that are not forces count against a candidate: a help row above the real
      // header would otherwise read the header itself as a force.
      const score =
        matched * 10 - (rows.length - matched) + indicatorColumns + (explicitHeader ? 5 : 0);
      out.push({
        sheet,
        headerRow: r,
        forceColumn: c,
        rows,
        matchedForces: matched,
        score,
        explicitHeader,
      });
    }
  }
  return out;
}

function sheetPreference(name: string): number {
  const n = name.toLowerCase();
  if (/^peers?$/.test(n)) return 3;
  if (/peer|similar|benchmark|profile|msg|compar/.test(n)) return 2;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Reading the table

function slug(h: string): string {
  return h
    .replace(/%/g, " pct ")
    .replace(/£/g, " gbp ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, "-");
}

function splitMembers(text: string): string[] {
  return text
    .split(/[;,\n|]+/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 0);
}

function isNoGroup(text: string): boolean {
  return /^(?:none|n\/?a|-+|nil|no group|not applicable|no most similar group)$/i.test(text.trim());
}

interface ColumnPlan extends PeerColumn {
  /** For percentage columns: how an unformatted number is read. */
  readonly plainScale: "points" | "fraction";
}

/** The Peers template: the add-in's own header row, in this order. */
/** The Peers template's header row, in order (see PEERS_TEMPLATE_COLUMNS). */
const TEMPLATE_HEADERS = [
  "Force",
  "Most similar forces",
  ...KNOWN_INDICATORS.map((k) => k.templateHeader),
  "Population",
  "Notes",
];

function readTable(cand: Candidate, ownForce: string | undefined): PeersData {
  const { sheet, headerRow, forceColumn } = cand;
  const findings: Finding[] = [];
  const cols = columnCount(sheet);
  const at = (r: number, c: number) => cellRef(sheet.name, r, c);

  // Columns.
  let groupColumn: number | undefined;
  const columns: ColumnPlan[] = [];
  const usedKeys = new Set<string>();
  const headers: string[] = [];
  for (let c = 0; c < cols; c++) {
    const h = textOf(cellValue(sheet, headerRow, c));
    headers.push(h ?? "");
    if (c === forceColumn || !h) continue;
    const nh = normaliseHeader(h);
    if (groupColumn === undefined && isGroupHeader(nh)) {
      groupColumn = c;
      continue;
    }
    if (isNotesHeader(nh) || isDerivedHeader(nh)) continue;
    const known = KNOWN_INDICATORS.find((k) => k.matches(nh) && !usedKeys.has(k.key));
    const share = numericShare(sheet, cand.rows, c);
    if (!known && share < 0.5) continue; // a text column: region, family name, comments
    const percentCells = cand.rows.filter(({ row }) => {
      const r = readCell(sheet, row, c);
      return r.kind === "number" && (r.percentFormat || r.textPercent);
    }).length;
    const isPercent = known?.isPercent || headerSaysPercent(nh) || percentCells > 0;
    // How an unformatted number in a percentage column is read: 5.9 means 5.9% ("points") unless
    // every such number is within [-1, 1], which only makes sense as a fraction already.
    const plain = cand.rows
      .map(({ row }) => readCell(sheet, row, c))
      .filter((r) => r.kind === "number" && !r.percentFormat && !r.textPercent)
      .map((r) => (r.kind === "number" ? r.value : 0));
    let plainScale: "points" | "fraction" = "points";
    if (isPercent && plain.length > 0 && plain.every((v) => Math.abs(v) <= 1)) {
      plainScale = "fraction";
      if (plain.some((v) => v !== 0))
        findings.push(
          finding(
            "warning",
            "PEERS_PERCENT_SCALE_ASSUMED",
            `The column "${h}" holds percentages, but its figures (such as ${plain.find((v) => v !== 0)}) are not formatted as percentages and are all 1 or less. They were read as fractions (0.059 = 5.9%).`,
            at(headerRow, c),
            "Format the column as a percentage, or enter 5.9 for 5.9% under a header with %, so there is no doubt."
          )
        );
    }
    const role: PeerColumnRole = known
      ? "indicator"
      : isContextHeader(nh)
        ? "context"
        : "indicator";
    let key = known ? known.key : `col:${slug(nh)}`;
    for (let n = 2; usedKeys.has(key); n++) key = `${known ? known.key : `col:${slug(nh)}`}-${n}`;
    usedKeys.add(key);
    const unit = known?.unit ?? (isPoundsHeader(nh) ? "£" : undefined);
    columns.push({
      key,
      ...(known ? { known: known.key } : {}),
      name: known ? known.name : h.replace(/\s+/g, " ").trim(),
      header: h,
      headerCell: at(headerRow, c),
      role,
      isPercent,
      ...(unit ? { unit } : {}),
      column: c,
      plainScale,
    });
  }

  // Text saying the figures are illustrative, above the header or below the table.
  let illustrativeNote: string | undefined;
  for (let r = 0; r < rowCount(sheet) && !illustrativeNote; r++) {
    if (r === headerRow) continue;
    for (const v of sheet.values[r] ?? []) {
      const t = textOf(v ?? null);
      if (t && illustrativeText(t)) {
        illustrativeNote = t;
        break;
      }
    }
  }

  // Rows.
  const rows: PeerRow[] = [];
  const seen = new Map<string, PeerRow>();
  for (const { row, name } of cand.rows) {
    const nameCell = at(row, forceColumn);
    const m = matchForce(name);
    const isOwn = !!ownForce && sameForce(name, ownForce);
    if (!m && !isOwn) {
      const n = normaliseForceName(name);
      if (isNoteText(name) || illustrativeText(name)) continue;
      if (isSummaryName(n)) {
        findings.push(
          finding(
            "info",
            "PEERS_SUMMARY_ROW_SKIPPED",
            `"${name}" looks like a summary row rather than a force, so it was left out; the add-in works out its own averages.`,
            nameCell
          )
        );
        continue;
      }
    }
    const identity = m ? `force:${m.force.id}` : `name:${normaliseForceName(name)}`;
    const earlier = seen.get(identity);
    if (earlier) {
      findings.push(
        finding(
          "warning",
          "PEERS_DUPLICATE_FORCE",
          `${m ? m.force.name : name} appears twice in the peers sheet; the row at ${formatRef(earlier.nameCell)} was used and this one was ignored.`,
          nameCell,
          "Delete or merge the duplicate row."
        )
      );
      continue;
    }
    if (!m && !isOwn)
      findings.push(
        finding(
          "warning",
          "PEERS_UNKNOWN_FORCE",
          `"${name}" is in the force column, but ${describeUnknownForce(name)}. Its figures still count in the rankings.`,
          nameCell,
          "Correct the name, or delete the row if it should not be compared."
        )
      );
    else if (m && !m.exact && !isOwn)
      findings.push(
        finding(
          "info",
          "PEERS_FORCE_NAME_VARIANT",
          `"${name}" was read as ${m.force.name}.`,
          nameCell
        )
      );

    // Values.
    const values = new Map<string, Sourced<number>>();
    const problems: Finding[] = [];
    let anyFilled = false;
    for (const col of columns) {
      const cell = at(row, col.column);
      const r = readCell(sheet, row, col.column);
      const who = m ? m.force.name : name;
      if (r.kind === "blank") {
        problems.push(
          finding(
            "warning",
            "PEERS_VALUE_MISSING",
            `${who} has no figure for "${col.name}"; it is left out of that indicator's ranking and averages.`,
            cell,
            "Enter the figure, or leave it blank if the force did not report it."
          )
        );
        continue;
      }
      anyFilled = true;
      if (r.kind === "error") {
        problems.push(
          finding(
            "warning",
            "PEERS_VALUE_ERROR",
            `${who}'s figure for "${col.name}" is the error ${r.error}; it is left out of that indicator's ranking and averages.`,
            cell,
            "Fix the formula or enter the figure."
          )
        );
        continue;
      }
      if (r.kind === "text") {
        problems.push(
          finding(
            "warning",
            "PEERS_VALUE_NOT_NUMBER",
            `${who}'s figure for "${col.name}" is "${r.text}", which is not a number; it is left out of that indicator's ranking and averages.`,
            cell,
            "Enter a number, or clear the cell if there is no figure."
          )
        );
        continue;
      }
      let value = r.value;
      let how = `column "${col.header}"`;
      if (col.isPercent && !r.percentFormat && !r.textPercent) {
        if (col.plainScale === "points") {
          value = fromPoints(r.value);
          how += `, ${r.value} read as ${r.value}%`;
        } else how += ", read as a fraction";
      } else if (r.percentFormat) how += ", percentage format";
      if (r.fromText) {
        how += ", number stored as text";
        problems.push(
          finding(
            "info",
            "PEERS_NUMBER_AS_TEXT",
            `${who}'s figure for "${col.name}" is stored as text; it was read as the number it shows.`,
            cell
          )
        );
      }
      values.set(col.key, { value, sources: [cell], how });
    }
    if (!anyFilled && columns.length > 0) {
      findings.push(
        finding(
          "info",
          "PEERS_ROW_EMPTY",
          `${m ? m.force.name : name} has no figures in the peers sheet, so it is left out of the comparison.`,
          nameCell
        )
      );
    } else findings.push(...problems);

    // Most similar group.
    let group: PeerGroup | undefined;
    if (groupColumn !== undefined) {
      const gv = cellValue(sheet, row, groupColumn);
      const gt = textOf(gv);
      const gcell = at(row, groupColumn);
      if (gt && !isNoGroup(gt)) {
        const members: string[] = [];
        const matched: (Force | undefined)[] = [];
        const ids = new Set<string>();
        for (const name2 of splitMembers(gt)) {
          const mm = matchForce(name2);
          const id = mm ? mm.force.id : normaliseForceName(name2);
          if (ids.has(id)) continue;
          ids.add(id);
          members.push(name2);
          matched.push(mm?.force);
          if (!mm && !(ownForce && sameForce(name2, ownForce)))
            findings.push(
              finding(
                "warning",
                "PEERS_GROUP_MEMBER_UNKNOWN",
                `The most similar group of ${m ? m.force.name : name} lists "${name2}", but ${describeUnknownForce(name2)}.`,
                gcell,
                "Correct the name (the add-in offers the list of forces), or remove it from the group."
              )
            );
        }
        if (members.length > 7)
          findings.push(
            finding(
              "warning",
              "PEERS_GROUP_TOO_LARGE",
              `The most similar group of ${m ? m.force.name : name} lists ${members.length} forces; a most similar group has at most seven. All ${members.length} are used in the group average.`,
              gcell,
              "Remove the forces that are not in the group."
            )
          );
        group = { text: gt, cell: gcell, members, matched };
      } else if (gv !== null && !gt && typeof gv !== "string") {
        findings.push(
          finding(
            "warning",
            "PEERS_GROUP_NOT_TEXT",
            `The most similar forces cell for ${m ? m.force.name : name} does not hold names.`,
            gcell,
            "List the forces by name, separated by commas or semicolons."
          )
        );
      }
    }

    const peerRow: PeerRow = {
      name,
      nameCell,
      ...(m ? { force: m.force } : {}),
      isOwnForce: isOwn,
      values,
      ...(group ? { group } : {}),
    };
    seen.set(identity, peerRow);
    if (anyFilled || columns.length === 0) rows.push(peerRow);
  }

  const isTemplate = TEMPLATE_HEADERS.every(
    (t, i) => normaliseHeader(headers[forceColumn + i] ?? "") === normaliseHeader(t)
  );
  const publicColumns: PeerColumn[] = columns.map(({ plainScale: _p, ...rest }) => rest);
  return {
    sheet: sheet.name,
    headerRow,
    forceColumn,
    ...(groupColumn !== undefined ? { groupColumn } : {}),
    how: isTemplate
      ? `template sheet ${sheet.name}`
      : `header row ${headerRow + 1} of sheet ${sheet.name}, force names in column ${at(headerRow, forceColumn).address.replace(/\d+$/, "")}`,
    form: isTemplate ? "template" : "freeForm",
    columns: publicColumns,
    rows,
    ...(illustrativeNote ? { illustrativeNote } : {}),
    findings,
  };
}

export interface PeersDetection {
  /** The peers table, where the workbook has one. */
  readonly peers?: PeersData;
  /** Why there is none, or which other sheets looked like one (also in peers.findings). */
  readonly findings: readonly Finding[];
}

/**
 * Looks for a peers table in every sheet (the add-in's own generated sheets excepted) and reads
 * the best one: the sheet listing the most forces, preferring one named like "Peers".
 */
export function detectPeersReport(
  workbook: WorkbookGrid,
  options: DetectPeersOptions = {}
): PeersDetection {
  const findings: Finding[] = [];
  const sheets = workbook.sheets.filter(
    (s) => !s.addinOwned && (!options.sheet || s.name.toLowerCase() === options.sheet.toLowerCase())
  );
  if (options.sheet && sheets.length === 0)
    return {
      findings: [
        finding("error", "PEERS_SHEET_NOT_FOUND", `There is no sheet called "${options.sheet}".`, {
          sheet: options.sheet,
        }),
      ],
    };
  const best: Candidate[] = [];
  for (const s of sheets) {
    const cands = findCandidates(s, options.forceName);
    if (cands.length === 0) {
      if (sheetPreference(s.name) >= 2)
        findings.push(
          finding(
            "warning",
            "PEERS_SHEET_NOT_READ",
            `The sheet "${s.name}" looks like a peers sheet by its name, but no header row with a force column and indicator columns was found in it.`,
            { sheet: s.name },
            'Put a header row with "Force" over the force names and a heading over each indicator.'
          )
        );
      continue;
    }
    cands.sort(
      (a, b) => b.score - a.score || a.headerRow - b.headerRow || a.forceColumn - b.forceColumn
    );
    best.push(cands[0]);
  }
  if (best.length === 0) return { findings };
  best.sort(
    (a, b) =>
      sheetPreference(b.sheet.name) - sheetPreference(a.sheet.name) ||
      b.score - a.score ||
      sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet)
  );
  const chosen = best[0];
  for (const other of best.slice(1))
    findings.push(
      finding(
        "info",
        "PEERS_OTHER_SHEET",
        `The sheet "${other.sheet.name}" also looks like a table of forces; "${chosen.sheet.name}" was used for benchmarking.`,
        { sheet: other.sheet.name }
      )
    );
  const data = readTable(chosen, options.forceName);
  if (!data.columns.some((c) => c.role === "indicator"))
    findings.push(
      finding(
        "warning",
        "PEERS_NO_INDICATORS",
        `The peers sheet "${data.sheet}" has no indicator columns to compare.`,
        { sheet: data.sheet }
      )
    );
  const all = [...data.findings, ...findings];
  return { peers: { ...data, findings: all }, findings: all };
}

/** The peers table in a workbook, with its findings; undefined when there is none. */
export function detectPeers(
  workbook: WorkbookGrid,
  options: DetectPeersOptions = {}
): PeersData | undefined {
  return detectPeersReport(workbook, options).peers;
}

// ---------------------------------------------------------------------------------------------
// The template

export interface PeersTemplateOptions {
  /** The force's own name, put in the first row when it is not one of the 43. */
  readonly forceName?: string;
  /** Sheet name; "Peers" by default. */
  readonly sheetName?: string;
}

/** The template's columns: header, one line of help above it, width and number format. */
export const PEERS_TEMPLATE_COLUMNS: readonly {
  readonly header: string;
  readonly help: string;
  readonly width: number;
  readonly numberFormat?: string;
}[] = [
  { header: "Force", help: "Official name (one row each)", width: 34 },
  {
    header: "Most similar forces",
    help: "Up to seven names, separated by ; or , (none for City of London)",
    width: 48,
  },
  ...KNOWN_INDICATORS.map((k) => ({
    header: k.templateHeader,
    help: {
      overtimePctPaybill: "Officer overtime / officer paybill",
      businessSupportPctWorkforce: "Business-support FTE (IT left out) / workforce FTE",
      nrePerHead: "Net revenue expenditure / residents",
      officersPer1000: "Officer FTE per 1,000 residents",
      frameworkProcurementPct: "Spend through national frameworks / addressable spend",
    }[k.key],
    width: 16,
    numberFormat: k.isPercent ? "0.0%" : k.unit === "£" ? "#,##0.00" : "0.00",
  })),
  {
    header: "Population",
    help: "Residents, to weight the group average",
    width: 14,
    numberFormat: "#,##0",
  },
  { header: "Notes", help: "Anything a reader should know", width: 40 },
];

/** Rows of the template, the same layout as the other input sheets: title, help, note, column help, header. */
export const PEERS_TEMPLATE_LAYOUT = {
  titleRow: 0,
  helpRow: 1,
  noteRow: 2,
  columnHelpRow: 3,
  headerRow: 4,
} as const;

/**
 * The Peers input sheet for "Insert input sheets": a title, a line on how to fill it in, a line of
 * help over each column, and an Excel table named "Peers" listing the 43 forces (plus the force's
 * own name first where it is not one of them) with a column per known indicator, a population
 * column for weighting and a notes column. Further indicator columns can be added to the table.
 * Percentage columns are formatted as percentages, so typing 5.9 gives 5.9%.
 */
export function peersTemplateSheet(options: PeersTemplateOptions = {}): SheetPlan {
  const name = options.sheetName ?? "Peers";
  const L = PEERS_TEMPLATE_LAYOUT;
  const cols = PEERS_TEMPLATE_COLUMNS;
  const forces: string[] = [];
  const own = options.forceName?.trim();
  if (own && !matchForce(own)) forces.push(own);
  for (const f of FORCES) forces.push(f.name);
  const lastCol = cols.length - 1;
  const lastRow = L.headerRow + forces.length;
  const pad = (first: string) => [first, ...cols.slice(1).map(() => null)];
  const formats = cols.map((c) => c.numberFormat);
  return {
    name,
    role: "input",
    mode: "createOnly",
    blocks: [
      {
        top: 0,
        left: 0,
        values: [
          pad("Peers: comparison with the most similar forces and all forces"),
          pad(
            "One row per force. Add a column for any other indicator to compare. Enter percentages as 5.9 for 5.9%."
          ),
          pad(""),
          cols.map((c) => c.help),
          cols.map((c) => c.header),
        ],
      },
      {
        top: L.headerRow + 1,
        left: 0,
        values: forces.map((f) => [f, ...cols.slice(1).map(() => null)]),
        numberFormats: forces.map(() => formats),
      },
    ],
    styles: [
      {
        range: { top: L.titleRow, left: 0, bottom: L.titleRow, right: 0 },
        style: { bold: true, fontSize: 14 },
      },
      { range: { top: L.helpRow, left: 0, bottom: L.noteRow, right: 0 }, style: { italic: true } },
      {
        range: { top: L.columnHelpRow, left: 0, bottom: L.columnHelpRow, right: lastCol },
        style: { italic: true, wrapText: true, fontColor: "#595959" },
      },
      {
        range: { top: L.headerRow, left: 0, bottom: L.headerRow, right: lastCol },
        style: { bold: true, wrapText: true, borderBottom: "thin" },
      },
    ],
    columnWidths: cols.map((c) => c.width),
    freeze: { rows: L.headerRow + 1, columns: 1 },
    tables: [
      { name: "Peers", range: { top: L.headerRow, left: 0, bottom: lastRow, right: lastCol } },
    ],
  };
}
