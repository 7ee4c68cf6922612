/**
 * The columns of a peers table: the group column, and each indicator or context column with its
 * key, name, unit and how its percentages are written. Part of the peers detector (peers.ts).
 */
import { cellRef, cellValue, columnCount, rowCount } from "../grid";
import { Finding, finding } from "../findings";
import { PeerColumn, PeerColumnRole, knownIndicator, normaliseHeader } from "../peersData";
import {
  Candidate,
  headerSaysPercent,
  illustrativeText,
  indicatorOfHeader,
  isContextHeader,
  isDerivedHeader,
  isGroupHeader,
  isNotesHeader,
  isPoundsHeader,
  numericShare,
  readCell,
  textOf,
} from "./peersTable";

// ---------------------------------------------------------------------------------------------
// Columns

export interface ColumnPlan extends PeerColumn {
  /** For percentage columns: how an unformatted number is read. */
  readonly plainScale: "points" | "fraction";
}

/** A header reduced to a key: "Crime per 1,000 (%)" -> "crime-per-1-000-pct". */
function slug(h: string): string {
  return h
    .replace(/%/g, " pct ")
    .replace(/£/g, " gbp ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, "-");
}

/**
 * How an unformatted number in a percentage column is read: 5.9 means 5.9% ("points") unless
 * every such number is within [-1, 1], which only makes sense as a fraction already (with a
 * warning where any is not zero).
 */
function percentScale(
  cand: Candidate,
  c: number,
  header: string,
  findings: Finding[]
): "points" | "fraction" {
  const plain = cand.rows
    .map(({ row }) => readCell(cand.sheet, row, c))
    .filter((r) => r.kind === "number" && !r.percentFormat && !r.textPercent)
    .map((r) => (r.kind === "number" ? r.value : 0));
  if (plain.length === 0 || !plain.every((v) => Math.abs(v) <= 1)) return "points";
  const example = plain.find((v) => v !== 0);
  if (example !== undefined)
    findings.push(
      finding(
        "warning",
        "PEERS_PERCENT_SCALE_ASSUMED",
        `The column "${header}" holds percentages, but its figures (such as ${example}) are not formatted as percentages and are all 1 or less. They were read as fractions (0.059 = 5.9%).`,
        cellRef(cand.sheet.name, cand.headerRow, c),
        "Format the column as a percentage, or enter 5.9 for 5.9% under a header with %, so there is no doubt."
      )
    );
  return "fraction";
}

/** One indicator or context column, or undefined for a text column (region, family, comments). */
function planColumn(
  cand: Candidate,
  c: number,
  h: string,
  usedKeys: Set<string>,
  findings: Finding[]
): ColumnPlan | undefined {
  const nh = normaliseHeader(h);
  const knownKey = indicatorOfHeader(nh, usedKeys);
  const known = knownKey ? knownIndicator(knownKey) : undefined;
  if (!known && numericShare(cand.sheet, cand.rows, c) < 0.5) return undefined;
  const percentCells = cand.rows.filter(({ row }) => {
    const r = readCell(cand.sheet, row, c);
    return r.kind === "number" && (r.percentFormat || r.textPercent);
  }).length;
  const isPercent = known?.isPercent || headerSaysPercent(nh) || percentCells > 0;
  const plainScale = isPercent ? percentScale(cand, c, h, findings) : "points";
  const role: PeerColumnRole = !known && isContextHeader(nh) ? "context" : "indicator";
  const base = known ? known.key : `col:${slug(nh)}`;
  let key = base;
  for (let n = 2; usedKeys.has(key); n++) key = `${base}-${n}`;
  usedKeys.add(key);
  const unit = known?.unit ?? (isPoundsHeader(nh) ? "£" : undefined);
  return {
    key,
    ...(known ? { known: known.key } : {}),
    name: known ? known.name : h.replace(/\s+/g, " ").trim(),
    header: h,
    headerCell: cellRef(cand.sheet.name, cand.headerRow, c),
    role,
    isPercent,
    ...(unit ? { unit } : {}),
    column: c,
    plainScale,
  };
}

export interface Columns {
  readonly headers: readonly string[];
  readonly groupColumn?: number;
  readonly columns: readonly ColumnPlan[];
}

/** The header row: the group column, and the indicator and context columns in sheet order. */
export function readColumns(cand: Candidate, findings: Finding[]): Columns {
  const { sheet, headerRow, forceColumn } = cand;
  let groupColumn: number | undefined;
  const columns: ColumnPlan[] = [];
  const usedKeys = new Set<string>();
  const headers: string[] = [];
  const width = columnCount(sheet);
  for (let c = 0; c < width; c++) {
    const h = textOf(cellValue(sheet, headerRow, c));
    headers.push(h ?? "");
    if (c === forceColumn || !h) continue;
    const nh = normaliseHeader(h);
    if (groupColumn === undefined && isGroupHeader(nh)) {
      groupColumn = c;
      continue;
    }
    if (isNotesHeader(nh) || isDerivedHeader(nh)) continue;
    const col = planColumn(cand, c, h, usedKeys, findings);
    if (col) columns.push(col);
  }
  return { headers, ...(groupColumn !== undefined ? { groupColumn } : {}), columns };
}

/** Text saying the figures are illustrative, above the header or below the table. */
export function illustrativeNoteOf(cand: Candidate): string | undefined {
  for (let r = 0; r < rowCount(cand.sheet); r++) {
    if (r === cand.headerRow) continue;
    for (const v of cand.sheet.values[r] ?? []) {
      const t = textOf(v ?? null);
      if (t && illustrativeText(t)) return t;
    }
  }
  return undefined;
}
