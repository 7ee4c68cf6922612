/**
 * Benchmarking against the most similar forces and all forces (White Paper 5.59; vfm-policy.md,
 * "Benchmarking"): finds the force's row in the peers sheet, settles its most similar group (the
 * user's choice, else the sheet's) and how the group average is taken, then benchmarks every
 * indicator column (peersIndicator.ts). For overtime and business support the gap to the top
 * quartile is also priced as an estimated saving (peersGap.ts). The arithmetic is Excel's
 * PERCENTILE.INC and RANK.EQ (peersStats.ts). analyse() runs it where the workbook has a peers
 * sheet; `vfm peers` runs it on its own.
 */
import { CellRef, cellRef, parseA1 } from "../grid";
import { Finding, finding, sortFindings } from "../findings";
import { DEFAULT_POLICY } from "../policy";
import { Force, describeUnknownForce, matchForce, normaliseForceName } from "../forces";
import { MOST_SIMILAR_GROUP_MAX, PeerColumn, PeerRow, PeersData } from "../peersData";
import { analyseIndicator, columnMatches, PeersScope } from "./peersIndicator";
import { PeersAnalysis, PeersSettings } from "./peersTypes";

export type * from "./peersTypes";
export { gapInputsFromAnalysis } from "./peersGap";

function rowIsForce(row: PeerRow, forceName: string, target: Force | undefined): boolean {
  if (target && row.force) return row.force.id === target.id;
  const a = normaliseForceName(row.name);
  return a.length > 0 && a === normaliseForceName(forceName);
}

/** The force row's cell in the group column, where the sheet has one. */
function groupColumnCell(peers: PeersData, row: PeerRow): CellRef | undefined {
  const at = parseA1(row.nameCell.address);
  return at && peers.groupColumn !== undefined
    ? cellRef(peers.sheet, at.row, peers.groupColumn)
    : undefined;
}

/** The force's own row, with an error where its name is missing or not in the sheet. */
function findForceRow(
  peers: PeersData,
  forceName: string,
  forceLabel: string,
  target: Force | undefined,
  findings: Finding[]
): PeerRow | undefined {
  const sheetRef = { sheet: peers.sheet };
  if (!forceName.trim()) {
    findings.push(
      finding(
        "error",
        "PEERS_FORCE_NAME_MISSING",
        "The force's name is not known, so its row in the peers sheet cannot be found.",
        sheetRef,
        "Enter the force name in the Settings sheet."
      )
    );
    return undefined;
  }
  const forceRow = peers.rows.find((r) => rowIsForce(r, forceName, target));
  if (!forceRow)
    findings.push(
      finding(
        "error",
        "PEERS_FORCE_NOT_FOUND",
        `${forceLabel} is not in the peers sheet "${peers.sheet}", so it cannot be ranked; the all-force figures are still shown.`,
        sheetRef,
        `Add a row for ${forceLabel} with its figures, named as in the Settings sheet.`
      )
    );
  return forceRow;
}

/** Detection's findings, less its "unknown force" note on the force's own row (it could not know). */
function detectionFindings(peers: PeersData, forceRow: PeerRow | undefined): Finding[] {
  return peers.findings.filter(
    (f) =>
      !(
        f.code === "PEERS_UNKNOWN_FORCE" &&
        forceRow &&
        f.cell &&
        f.cell.sheet === forceRow.nameCell.sheet &&
        f.cell.address === forceRow.nameCell.address
      )
  );
}

interface GroupChoice {
  readonly names: readonly string[];
  readonly source: PeersAnalysis["groupSource"];
  readonly cell?: CellRef;
}

/** The group: the user's choice, else the force's row; none with a note where there is none. */
function chooseGroup(
  peers: PeersData,
  forceName: string,
  forceLabel: string,
  target: Force | undefined,
  forceRow: PeerRow | undefined,
  settings: PeersSettings,
  findings: Finding[]
): GroupChoice {
  if (settings.group && settings.group.length > 0) {
    const names = settings.group.map((s) => s.trim()).filter((s) => s.length > 0);
    for (const n of names)
      if (!matchForce(n) && normaliseForceName(n) !== normaliseForceName(forceName))
        findings.push(
          finding(
            "warning",
            "PEERS_GROUP_MEMBER_UNKNOWN",
            `The chosen most similar group lists "${n}", but ${describeUnknownForce(n)}.`,
            undefined,
            "Pick the force from the list."
          )
        );
    if (names.length > MOST_SIMILAR_GROUP_MAX)
      findings.push(
        finding(
          "warning",
          "PEERS_GROUP_TOO_LARGE",
          `The chosen most similar group lists ${names.length} forces; a most similar group has at most seven. All ${names.length} are used in the group average.`,
          undefined,
          "Remove the forces that are not in the group."
        )
      );
    return { names, source: "settings" };
  }
  if (forceRow?.group)
    return { names: forceRow.group.members, source: "sheet", cell: forceRow.group.cell };
  if (forceRow) {
    const city = target?.id === "city-of-london";
    findings.push(
      finding(
        "info",
        "PEERS_NO_GROUP",
        city
          ? "City of London Police has no most similar group, so it is compared with all forces only."
          : `${forceLabel} has no most similar group in the peers sheet, so it is compared with all forces only.`,
        groupColumnCell(peers, forceRow) ?? forceRow.nameCell,
        city
          ? undefined
          : "List up to seven most similar forces in the group column, separated by commas or semicolons."
      )
    );
  }
  return { names: [], source: "none" };
}

/** The group's members as rows of the sheet, and their names as shown. */
function groupMembers(
  peers: PeersData,
  group: GroupChoice,
  forceName: string,
  forceLabel: string,
  target: Force | undefined,
  findings: Finding[]
): { memberRows: PeerRow[]; labels: string[] } {
  const memberRows: PeerRow[] = [];
  const labels: string[] = [];
  for (const n of group.names) {
    const m = matchForce(n);
    const label = m ? m.force.name : n;
    const isSelf =
      (target && m && m.force.id === target.id) ||
      normaliseForceName(n) === normaliseForceName(forceName);
    if (isSelf) {
      findings.push(
        finding(
          "info",
          "PEERS_GROUP_INCLUDES_FORCE",
          `The most similar group of ${forceLabel} lists the force itself; it is not counted as its own peer.`,
          group.cell
        )
      );
      continue;
    }
    labels.push(label);
    const row = peers.rows.find((r) =>
      m && r.force
        ? r.force.id === m.force.id
        : normaliseForceName(r.name) === normaliseForceName(n)
    );
    if (!row) {
      findings.push(
        finding(
          "warning",
          "PEERS_GROUP_MEMBER_NOT_IN_SHEET",
          `${label} is in the most similar group of ${forceLabel} but has no row with figures in the peers sheet, so the group average leaves it out.`,
          group.cell ?? { sheet: peers.sheet },
          `Add a row for ${label} to the peers sheet.`
        )
      );
      continue;
    }
    if (!memberRows.includes(row)) memberRows.push(row);
  }
  return { memberRows, labels };
}

/** The column the group average is weighted by, where the user named one that exists. */
function weightColumn(
  peers: PeersData,
  settings: PeersSettings,
  findings: Finding[]
): PeerColumn | undefined {
  if (!settings.weightColumn) return undefined;
  const col = peers.columns.find((c) => columnMatches(c, settings.weightColumn ?? ""));
  if (!col)
    findings.push(
      finding(
        "warning",
        "PEERS_WEIGHT_COLUMN_NOT_FOUND",
        `The group average was to be weighted by "${settings.weightColumn}", but the peers sheet has no such column; a simple average is used.`,
        { sheet: peers.sheet }
      )
    );
  return col;
}

/**
 * Compares the force with its most similar group and with all forces in the peers sheet.
 * Problems (the force not in the sheet, unknown group members, too few forces, an indicator with
 * no spread...) become findings and the rest goes on.
 */
export function analysePeers(
  peers: PeersData,
  forceName: string,
  settings: PeersSettings = {}
): PeersAnalysis {
  const findings: Finding[] = [];
  const target = matchForce(forceName)?.force;
  const forceLabel = target ? target.name : forceName.trim();
  const forceRow = findForceRow(peers, forceName, forceLabel, target, findings);
  const fromDetection = detectionFindings(peers, forceRow);
  const group = chooseGroup(peers, forceName, forceLabel, target, forceRow, settings, findings);
  const { memberRows, labels } = groupMembers(
    peers,
    group,
    forceName,
    forceLabel,
    target,
    findings
  );
  const includeForce = !!settings.includeForceInGroupAverage;
  const weightCol = weightColumn(peers, settings, findings);
  const scope: PeersScope = {
    rows: peers.rows,
    ...(forceRow ? { forceRow } : {}),
    forceLabel,
    memberRows,
    avgRows: includeForce && forceRow ? [...memberRows, forceRow] : memberRows,
    hasGroup: group.source !== "none",
    includeForce,
    ...(weightCol ? { weightCol } : {}),
    settings,
    policy: settings.policy ?? DEFAULT_POLICY,
  };
  const excluded = (c: PeerColumn) => (settings.exclude ?? []).some((e) => columnMatches(c, e));
  const indicators = peers.columns
    .filter((c) => c.role === "indicator" && !excluded(c))
    .map((col) => analyseIndicator(col, scope, findings));
  return {
    force: forceLabel,
    ...(target ? { matchedForce: target } : {}),
    ...(forceRow ? { forceCell: forceRow.nameCell } : {}),
    sheet: peers.sheet,
    group: labels,
    groupSource: group.source,
    ...(group.cell ? { groupCell: group.cell } : {}),
    groupAverage: {
      includesForce: includeForce,
      ...(weightCol ? { weightedBy: weightCol.name } : {}),
    },
    forcesInSheet: peers.rows.length,
    indicators,
    illustrative: !!peers.illustrativeNote,
    ...(peers.illustrativeNote ? { illustrativeNote: peers.illustrativeNote } : {}),
    findings: sortFindings([...fromDetection, ...findings]),
  };
}
