/**
 * The peers detector: finds a peers sheet in a workbook (one row per force, a force column,
 * indicator columns, optionally a "most similar forces" column) and reads it into PeersData
 * (core/peersData.ts), in the add-in's own template or as a force keeps it. Where the table is
 * comes from peersTable.ts, its columns from peersColumns.ts and its force rows from peersRows.ts;
 * this module puts them together and picks the sheet.
 *
 * Every value keeps its cell. Percentages are held as fractions: 5.9 under a "%" header and
 * 0.059 formatted as a percentage both become 0.059.
 */
import { WorkbookGrid, cellRef } from "../grid";
import { Finding, finding } from "../findings";
import { PeersData, normaliseHeader } from "../peersData";
import { PEERS_TEMPLATE } from "../template";
import { illustrativeNoteOf, readColumns } from "./peersColumns";
import { readRows } from "./peersRows";
import { Candidate, findCandidates, sheetPreference } from "./peersTable";

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
