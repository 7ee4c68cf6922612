/**
 * Where a peers table is: a header row with a force column (named "Force" or listing forces) and
 * indicator columns over numbers, on any sheet, in the add-in's own template or as a force keeps
 * it (title rows above, notes columns, blank rows, average rows below). The reading of the table
 * found is in peers.ts.
 */
import { CellValue, SheetGrid, cellValue, columnCount, numberFormat, rowCount } from "../grid";
import { KnownIndicatorKey, normaliseHeader } from "../peersData";
import { matchForce, normaliseForceName } from "../forces";
import { fromPoints } from "../numberText";
import { readNumberCell } from "./cells";

/** Whether a header (normalised) names a known indicator. */
export const INDICATOR_HEADERS: Readonly<Record<KnownIndicatorKey, (header: string) => boolean>> = {
  overtimePctPaybill: (h) => /\bovertime\b/.test(h) && !/\b(?:hours|£|cost|spend)\b/.test(h),
  businessSupportPctWorkforce: (h) =>
    /\b(?:business support|back office|support services?|support staff)\b/.test(h) &&
    !/\b(?:cost|spend|£)\b/.test(h),
  nrePerHead: (h) =>
    /\b(?:nre|net revenue|net (?:revenue )?(?:expenditure|spend|cost)|net budget|cost|spend)\b/.test(
      h
    ) && /\b(?:per head|per capita|per resident|per person|per (?:1 ?000 )?population)\b/.test(h),
  officersPer1000: (h) =>
    /\bofficers?\b/.test(h) && /\bper (?:1 ?000|thousand|1k)\b|\bper 1 000\b/.test(h),
  frameworkProcurementPct: (h) => /\bframeworks?\b/.test(h),
};

const INDICATOR_KEYS = Object.keys(INDICATOR_HEADERS) as KnownIndicatorKey[];

/** The known indicator a header names, leaving out those already taken. */
export function indicatorOfHeader(
  header: string,
  taken: ReadonlySet<string> = new Set()
): KnownIndicatorKey | undefined {
  return INDICATOR_KEYS.find((k) => INDICATOR_HEADERS[k](header) && !taken.has(k));
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

export function isGroupHeader(h: string): boolean {
  return /\b(?:most similar|similar forces?|msg|peer group|comparators?|comparator group|family)\b/.test(
    h
  );
}

export function isNotesHeader(h: string): boolean {
  return /\b(?:notes?|comments?|remarks?|sources?|explanation|commentary)\b/.test(h);
}

/** Headers of columns that restate a ranking rather than hold a measure. */
export function isDerivedHeader(h: string): boolean {
  return /^(?:rank(?:ing)?|quartile|position|band|rag|status)\b/.test(h);
}

/** Size and base figures: useful as weights, not to rank on. */
export function isContextHeader(h: string): boolean {
  if (/\bper\b|%/.test(h)) return false;
  return /\b(?:population|residents|households|fte|headcount|strength|paybill|pay bill|budget|expenditure|nre|area|hectares|sq km)\b/.test(
    h
  );
}

/** Words that mark a figure as pounds. */
export function isPoundsHeader(h: string): boolean {
  return /£|\bpounds?\b/.test(h);
}

export function headerSaysPercent(h: string): boolean {
  return /%/.test(h);
}

/** Rows that summarise the forces rather than being one. */
export function isSummaryName(n: string): boolean {
  return /^(?:total|average|mean|median|msg|most similar|group|national|england|wales|all forces|top quartile|quartile|upper quartile|lower quartile|minimum|maximum|min|max|range)\b|\baverage\b|\bmean\b|\bmedian\b|\bquartile\b|\btotal\b/.test(
    n
  );
}

/** Notes written in the force column, under or over the table. */
export function isNoteText(text: string): boolean {
  const t = text.trim().toLowerCase();
  return (
    t.length > 60 ||
    /^(?:source|sources|note|notes|n\.?b\.?|\*|figures|data|illustrative|prepared|compiled|updated|the )\b/.test(
      t
    )
  );
}

export function illustrativeText(text: string): boolean {
  return /\billustrative\b|\bsynthetic\b|\bnot real\b|\bfictional\b/i.test(text);
}

export function textOf(v: CellValue): string | undefined {
  if (typeof v === "string") {
    const t = v.trim();
    return t ? t : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Numbers

export type Read =
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
export function readCell(sheet: SheetGrid, row: number, col: number): Read {
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

export interface Candidate {
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

export function sameForce(a: string, b: string): boolean {
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
export function numericShare(
  sheet: SheetGrid,
  rows: readonly { row: number }[],
  col: number
): number {
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

/** Per column, the rows near the top that name a force (worked out once: a ledger can be long). */
function forceRowsByColumn(sheet: SheetGrid, scanTo: number, ownForce: string | undefined) {
  const forceRows: number[][] = [];
  const columns = columnCount(sheet);
  for (let c = 0; c < columns; c++) {
    const hits: number[] = [];
    for (let r = 0; r < scanTo; r++) {
      const t = textOf(cellValue(sheet, r, c));
      if (t && t.length <= 60 && (matchForce(t) || (ownForce && sameForce(t, ownForce))))
        hits.push(r);
    }
    forceRows.push(hits);
  }
  return forceRows;
}

/** Columns of the header row, other than the force column, with a header over numbers. */
function indicatorColumnCount(
  sheet: SheetGrid,
  headerRow: number,
  forceColumn: number,
  rows: readonly { row: number }[]
): number {
  let n = 0;
  const columns = columnCount(sheet);
  for (let k = 0; k < columns; k++) {
    if (k === forceColumn) continue;
    const h = textOf(cellValue(sheet, headerRow, k));
    if (!h) continue;
    const nh = normaliseHeader(h);
    if (isGroupHeader(nh) || isNotesHeader(nh)) continue;
    if (numericShare(sheet, rows, k) >= 0.5 || indicatorOfHeader(nh) !== undefined) n++;
  }
  return n;
}

/** The table whose force column is (r, c), where that cell can head one. */
function candidateAt(
  sheet: SheetGrid,
  r: number,
  c: number,
  forceRows: readonly number[],
  ownForce: string | undefined
): Candidate | undefined {
  const header = textOf(cellValue(sheet, r, c));
  const explicitHeader = !!header && isForceHeader(normaliseHeader(header));
  if (header && !explicitHeader) return undefined;
  // A column with no header can still be the force column if it lists forces.
  if (!explicitHeader && forceRows.filter((x) => x > r && x <= r + LOOK_AHEAD).length < 3)
    return undefined;
  const rows = dataRows(sheet, r, c);
  if (rows.length === 0 || rows.length > MAX_TABLE_ROWS) return undefined;
  const matched = countMatched(rows, ownForce);
  // Each force appears once in a peers table: a column repeating a few forces is something else.
  if (distinctForces(rows, ownForce) < matched / 2) return undefined;
  if (!explicitHeader && (header !== undefined || matched < 3)) return undefined;
  // At least one other column in this header row must have a header over numbers.
  const indicatorColumns = indicatorColumnCount(sheet, r, c, rows);
  if (indicatorColumns === 0) return undefined;
  // A force column must mostly name forces unless its header says it is one.
  if (!explicitHeader && matched < rows.length / 2) return undefined;
  if (explicitHeader && matched === 0) return undefined;
  // Named rows that are not forces count against a candidate: a help row above the real
  // header would otherwise read the header itself as a force.
  const score =
    matched * 10 - (rows.length - matched) + indicatorColumns + (explicitHeader ? 5 : 0);
  return {
    sheet,
    headerRow: r,
    forceColumn: c,
    rows,
    matchedForces: matched,
    score,
    explicitHeader,
  };
}

/** Every place on the sheet a peers table could start, each with its score. */
export function findCandidates(sheet: SheetGrid, ownForce: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  const lastRow = Math.min(rowCount(sheet), HEADER_SCAN_ROWS);
  const forceRows = forceRowsByColumn(
    sheet,
    Math.min(rowCount(sheet), lastRow + LOOK_AHEAD),
    ownForce
  );
  // Counted once: columnCount reads every row, and a ledger has hundreds of thousands.
  const columns = columnCount(sheet);
  for (let r = 0; r < lastRow; r++)
    for (let c = 0; c < columns; c++) {
      const cand = candidateAt(sheet, r, c, forceRows[c], ownForce);
      if (cand) out.push(cand);
    }
  return out;
}

export function sheetPreference(name: string): number {
  const n = name.toLowerCase();
  if (/^peers?$/.test(n)) return 3;
  if (/peer|similar|benchmark|profile|msg|compar/.test(n)) return 2;
  return 0;
}
