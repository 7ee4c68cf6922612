/**
 * The force rows of a peers table: which rows are forces (notes, summaries and duplicates left
 * out), each force's figures with their cells, and its most similar group. Part of the peers
 * detector (peers.ts).
 */
import { CellRef, cellRef, cellValue, formatRef } from "../grid";
import { Finding, finding } from "../findings";
import { Sourced } from "../forceData";
import { Force, describeUnknownForce, matchForce, normaliseForceName } from "../forces";
import { MOST_SIMILAR_GROUP_MAX, PeerColumn, PeerGroup, PeerRow } from "../peersData";
import { fromPoints } from "../numberText";
import { ColumnPlan, Columns } from "./peersColumns";
import {
  Candidate,
  Read,
  illustrativeText,
  isNoteText,
  isSummaryName,
  readCell,
  sameForce,
  textOf,
} from "./peersTable";

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
  if (members.length > MOST_SIMILAR_GROUP_MAX)
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
export function readRows(
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
