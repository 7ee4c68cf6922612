/**
 * The peers detector: finds a peers sheet in a workbook (one row per force, a force column,
 * indicator columns, optionally a "most similar forces" column) and reads it into PeersData
 * (core/peersData.ts), in the add-in's own template or as a force keeps it. Where the table is
 * comes from peersTable.ts; this module reads its columns, rows, figures and groups.
 *
 * Every value keeps its cell. Percentages are held as fractions: 5.9 under a "%" header and
 * 0.059 formatted as a percentage both become 0.059.
 */
import {
  CellRef,
  WorkbookGrid,
  cellRef,
  cellValue,
  columnCount,
  formatRef,
  rowCount,
} from "../grid";
import { Finding, finding } from "../findings";
import { Sourced } from "../forceData";
import { Force, describeUnknownForce, matchForce, normaliseForceName } from "../forces";
import {
  PeerColumn,
  PeerColumnRole,
  PeerGroup,
  PeerRow,
  PeersData,
  knownIndicator,
  normaliseHeader,
} from "../peersData";
import { fromPoints } from "../numberText";
import { PEERS_TEMPLATE } from "../template";
import {
  Candidate,
  Read,
  findCandidates,
  headerSaysPercent,
  illustrativeText,
  indicatorOfHeader,
  isContextHeader,
  isDerivedHeader,
  isGroupHeader,
  isNoteText,
  isNotesHeader,
  isPoundsHeader,
  isSummaryName,
  numericShare,
  readCell,
  sameForce,
  sheetPreference,
  textOf,
} from "./peersTable";

export interface DetectPeersOptions {
  /** The workbook's own force, which may not be one of the 43 (the sample's Exampleshire). */
  readonly forceName?: string;
  /** Read this sheet only. */
  readonly sheet?: string;
}

export interface PeersDetection {
  /** The peers table, where the workbook has one. */
  readonly peers?: PeersData;
  /** Why there is none, or which other sheets looked like one (also in peers.findings). */
  readonly findings: readonly Finding[];
}

// ---------------------------------------------------------------------------------------------
// Columns

interface ColumnPlan extends PeerColumn {
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

interface Columns {
  readonly headers: readonly string[];
  readonly groupColumn?: number;
  readonly columns: readonly ColumnPlan[];
}

/** The header row: the group column, and the indicator and context columns in sheet order. */
function readColumns(cand: Candidate, findings: Finding[]): Columns {
  const { sheet, headerRow, forceColumn } = cand;
  let groupColumn: number | undefined;
  const columns: ColumnPlan[] = [];
  const usedKeys = new Set<string>();
  const headers: string[] = [];
  for (let c = 0; c < columnCount(sheet); c++) {
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
function illustrativeNoteOf(cand: Candidate): string | undefined {
  for (let r = 0; r < rowCount(cand.sheet); r++) {
    if (r === cand.headerRow) continue;
    for (const v of cand.sheet.values[r] ?? []) {
      const t = textOf(v ?? null);
      if (t && illustrativeText(t)) return t;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rows

/** What a figure cell that is not a number means for the comparison, as a finding. */
function valueProblem(r: Read, who: string, col: PeerColumn, cell: CellRef): Finding | undefined {
  const left = "it is left out of that indicator's ranking and averages.";
  if (r.kind === "blank")
    return finding(
      "warning",
      "PEERS_VALUE_MISSING",
      `${who} has no figure for "${col.name}"; ${left}`,
      cell,
      "Enter the figure, or leave it blank if the force did not report it."
    );
  if (r.kind === "error")
    return finding(
      "warning",
      "PEERS_VALUE_ERROR",
      `${who}'s figure for "${col.name}" is the error ${r.error}; ${left}`,
      cell,
      "Fix the formula or enter the figure."
    );
  if (r.kind === "text")
    return finding(
      "warning",
      "PEERS_VALUE_NOT_NUMBER",
      `${who}'s figure for "${col.name}" is "${r.text}", which is not a number; ${left}`,
      cell,
      "Enter a number, or clear the cell if there is no figure."
    );
  return undefined;
}

/** One figure as a fraction where the column holds percentages, with how it was read. */
function figureOf(r: Read & { kind: "number" }, col: ColumnPlan, cell: CellRef): Sourced<number> {
  let value = r.value;
  let how = `column "${col.header}"`;
  if (col.isPercent && !r.percentFormat && !r.textPercent) {
    if (col.plainScale === "points") {
      value = fromPoints(r.value);
      how += `, ${r.value} read as ${r.value}%`;
    } else how += ", read as a fraction";
  } else if (r.percentFormat) how += ", percentage format";
  if (r.fromText) how += ", number stored as text";
  return { value, sources: [cell], how };
}

/** A row's figures by column key, the problems met, and whether any cell was filled. */
function readValues(
  cand: Candidate,
  row: number,
  who: string,
  columns: readonly ColumnPlan[]
): { values: Map<string, Sourced<number>>; problems: Finding[]; anyFilled: boolean } {
  const values = new Map<string, Sourced<number>>();
  const problems: Finding[] = [];
  let anyFilled = false;
  for (const col of columns) {
    const cell = cellRef(cand.sheet.name, row, col.column);
    const r = readCell(cand.sheet, row, col.column);
    if (r.kind !== "blank") anyFilled = true;
    const problem = valueProblem(r, who, col, cell);
    if (problem) problems.push(problem);
    if (r.kind !== "number") continue;
    if (r.fromText)
      problems.push(
        finding(
          "info",
          "PEERS_NUMBER_AS_TEXT",
          `${who}'s figure for "${col.name}" is stored as text; it was read as the number it shows.`,
          cell
        )
      );
    values.set(col.key, figureOf(r, col, cell));
  }
  return { values, problems, anyFilled };
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

/** The force's most similar group from the group column, with findings on its members. */
function readGroup(
  cand: Candidate,
  row: number,
  groupColumn: number,
  who: string,
  ownForce: string | undefined,
  findings: Finding[]
): PeerGroup | undefined {
  const gv = cellValue(cand.sheet, row, groupColumn);
  const gt = textOf(gv);
  const cell = cellRef(cand.sheet.name, row, groupColumn);
  if (!gt || isNoGroup(gt)) {
    if (gv !== null && !gt && typeof gv !== "string")
      findings.push(
        finding(
          "warning",
          "PEERS_GROUP_NOT_TEXT",
          `The most similar forces cell for ${who} does not hold names.`,
          cell,
          "List the forces by name, separated by commas or semicolons."
        )
      );
    return undefined;
  }
  const members: string[] = [];
  const matched: (Force | undefined)[] = [];
  const ids = new Set<string>();
  for (const name of splitMembers(gt)) {
    const m = matchForce(name);
    const id = m ? m.force.id : normaliseForceName(name);
    if (ids.has(id)) continue;
    ids.add(id);
    members.push(name);
    matched.push(m?.force);
    if (!m && !(ownForce && sameForce(name, ownForce)))
      findings.push(
        finding(
          "warning",
          "PEERS_GROUP_MEMBER_UNKNOWN",
          `The most similar group of ${who} lists "${name}", but ${describeUnknownForce(name)}.`,
          cell,
          "Correct the name (the add-in offers the list of forces), or remove it from the group."
        )
      );
  }
  if (members.length > 7)
    findings.push(
      finding(
        "warning",
        "PEERS_GROUP_TOO_LARGE",
        `The most similar group of ${who} lists ${members.length} forces; a most similar group has at most seven. All ${members.length} are used in the group average.`,
        cell,
        "Remove the forces that are not in the group."
      )
    );
  return { text: gt, cell, members, matched };
}

/**
 * Whether a named row is a force to compare: notes and summary rows are skipped (summaries with
 * a finding); a force seen before is a duplicate; a name not among the 43 is kept with a finding.
 */
function rowIdentity(
  name: string,
  nameCell: CellRef,
  ownForce: string | undefined,
  seen: ReadonlyMap<string, PeerRow>,
  findings: Finding[]
): { identity: string; force?: Force; isOwn: boolean } | undefined {
  const m = matchForce(name);
  const isOwn = !!ownForce && sameForce(name, ownForce);
  if (!m && !isOwn) {
    if (isNoteText(name) || illustrativeText(name)) return undefined;
    if (isSummaryName(normaliseForceName(name))) {
      findings.push(
        finding(
          "info",
          "PEERS_SUMMARY_ROW_SKIPPED",
          `"${name}" looks like a summary row rather than a force, so it was left out; the add-in works out its own averages.`,
          nameCell
        )
      );
      return undefined;
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
    return undefined;
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
  return { identity, ...(m ? { force: m.force } : {}), isOwn };
}

/** The force rows of the table, in sheet order. */
function readRows(
  cand: Candidate,
  cols: Columns,
  ownForce: string | undefined,
  findings: Finding[]
): PeerRow[] {
  const rows: PeerRow[] = [];
  const seen = new Map<string, PeerRow>();
  for (const { row, name } of cand.rows) {
    const nameCell = cellRef(cand.sheet.name, row, cand.forceColumn);
    const id = rowIdentity(name, nameCell, ownForce, seen, findings);
    if (!id) continue;
    const who = id.force ? id.force.name : name;
    const { values, problems, anyFilled } = readValues(cand, row, who, cols.columns);
    if (!anyFilled && cols.columns.length > 0)
      findings.push(
        finding(
          "info",
          "PEERS_ROW_EMPTY",
          `${who} has no figures in the peers sheet, so it is left out of the comparison.`,
          nameCell
        )
      );
    else findings.push(...problems);
    const group =
      cols.groupColumn !== undefined
        ? readGroup(cand, row, cols.groupColumn, who, ownForce, findings)
        : undefined;
    const peerRow: PeerRow = {
      name,
      nameCell,
      ...(id.force ? { force: id.force } : {}),
      isOwnForce: id.isOwn,
      values,
      ...(group ? { group } : {}),
    };
    seen.set(id.identity, peerRow);
    if (anyFilled || cols.columns.length === 0) rows.push(peerRow);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The table

/** The add-in's own header row, in order. */
const TEMPLATE_HEADERS = PEERS_TEMPLATE.columns.map((c) => normaliseHeader(c.header));

function readTable(cand: Candidate, ownForce: string | undefined): PeersData {
  const { sheet, headerRow, forceColumn } = cand;
  const findings: Finding[] = [];
  const cols = readColumns(cand, findings);
  const illustrativeNote = illustrativeNoteOf(cand);
  const rows = readRows(cand, cols, ownForce, findings);
  const isTemplate = TEMPLATE_HEADERS.every(
    (t, i) => normaliseHeader(cols.headers[forceColumn + i] ?? "") === t
  );
  const column = cellRef(sheet.name, headerRow, forceColumn).address.replace(/\d+$/, "");
  return {
    sheet: sheet.name,
    headerRow,
    forceColumn,
    ...(cols.groupColumn !== undefined ? { groupColumn: cols.groupColumn } : {}),
    how: isTemplate
      ? `template sheet ${sheet.name}`
      : `header row ${headerRow + 1} of sheet ${sheet.name}, force names in column ${column}`,
    form: isTemplate ? "template" : "freeForm",
    columns: cols.columns.map(({ plainScale: _p, ...rest }) => rest),
    rows,
    ...(illustrativeNote ? { illustrativeNote } : {}),
    findings,
  };
}

/** Each sheet's best candidate, with a finding for a sheet named like peers where none was found. */
function bestPerSheet(
  sheets: WorkbookGrid["sheets"],
  ownForce: string | undefined,
  findings: Finding[]
): Candidate[] {
  const best: Candidate[] = [];
  for (const s of sheets) {
    const cands = findCandidates(s, ownForce);
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
  return best;
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
  const wanted = options.sheet?.toLowerCase();
  const sheets = workbook.sheets.filter(
    (s) => !s.addinOwned && (!wanted || s.name.toLowerCase() === wanted)
  );
  if (options.sheet && sheets.length === 0)
    return {
      findings: [
        finding("error", "PEERS_SHEET_NOT_FOUND", `There is no sheet called "${options.sheet}".`, {
          sheet: options.sheet,
        }),
      ],
    };
  const best = bestPerSheet(sheets, options.forceName, findings);
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
