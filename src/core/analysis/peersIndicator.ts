/**
 * One indicator of the peers sheet benchmarked: which way is better, the force's value, rank and
 * quartile among all forces, the top-quartile edge and the gap to it, the most similar group's
 * average, the all-force average, the cross-check against the force's own sheets, and the ranked
 * bar chart ("ski slope"). analysePeers (peers.ts) runs it for every indicator column.
 */
import { CellRef } from "../grid";
import { Finding, finding } from "../findings";
import { formatPercent } from "../format";
import { Policy } from "../policy";
import {
  Direction,
  KnownIndicatorKey,
  PeerColumn,
  PeerRow,
  knownIndicator,
  normaliseHeader,
} from "../peersData";
import { priceGap } from "./peersGap";
import {
  clean,
  competitionRank,
  meanOf,
  Percentiles,
  quartileOf,
  quartilePoints,
  weightedMean,
} from "./peersStats";
import {
  DirectionSource,
  GapSaving,
  PeerIndicatorResult,
  PeersSettings,
  SkiSlope,
} from "./peersTypes";

/** Words in a header that tell which way a user's own indicator is better. */
const LOWER_WORDS =
  /\b(?:cost|costs|spend|spending|expenditure|price|overtime|sickness|absence|days lost|complaints|crimes?|offences|incidents|victims|response time|waiting|backlog|overheads?|vacanc(?:y|ies)|turnover)\b/;
const HIGHER_WORDS =
  /\b(?:detections?|detected|sanction|solved|satisfaction|satisfied|confidence|visib(?:le|ility)|frontline|front line|available|availability|savings?|framework|productivity|attendance|collaboration|outcomes?)\b/;

/** Close enough to count as the same ratio (a twentieth of a percentage point). */
const SAME_RATIO = 0.0005;

/** Fewer forces with a figure than this, and quartiles say little. */
const FEW_FORCES = 4;

/** Everything the indicators share: the force, its group and how the group average is taken. */
export interface PeersScope {
  readonly rows: readonly PeerRow[];
  readonly forceRow?: PeerRow;
  readonly forceLabel: string;
  readonly memberRows: readonly PeerRow[];
  /** The rows the group average is over (the members, and the force where the user says so). */
  readonly avgRows: readonly PeerRow[];
  readonly hasGroup: boolean;
  readonly includeForce: boolean;
  readonly weightCol?: PeerColumn;
  readonly settings: PeersSettings;
  readonly policy: Policy;
}

/** Whether a column is the one a setting names, by key, name or header. */
export function columnMatches(col: PeerColumn, wanted: string): boolean {
  const w = normaliseHeader(wanted);
  return col.key === wanted || normaliseHeader(col.name) === w || normaliseHeader(col.header) === w;
}

/** The last match of a pattern in a header, with where it is. */
function lastWord(h: string, re: RegExp): { word: string; at: number } | undefined {
  let found: { word: string; at: number } | undefined;
  for (const m of h.matchAll(new RegExp(re.source, "g"))) found = { word: m[0], at: m.index ?? 0 };
  return found;
}

function resolveDirection(
  col: PeerColumn,
  settings: PeersSettings
): { direction: Direction; source: DirectionSource; word?: string } {
  const d = settings.directions;
  if (d) {
    const byKey = d[col.key];
    if (byKey) return { direction: byKey, source: "setting" };
    const n = normaliseHeader(col.name);
    const h = normaliseHeader(col.header);
    for (const [k, v] of Object.entries(d)) {
      const nk = normaliseHeader(k);
      if (nk === n || nk === h) return { direction: v, source: "setting" };
    }
  }
  const known = col.known && knownIndicator(col.known);
  if (known) return { direction: known.defaultDirection, source: "default" };
  const h = normaliseHeader(col.header);
  // Where both kinds of word appear, the later one names the measure ("crime detection rate").
  const lower = lastWord(h, LOWER_WORDS);
  const higher = lastWord(h, HIGHER_WORDS);
  if (lower && (!higher || lower.at > higher.at))
    return { direction: "lowerIsBetter", source: "guessed", word: lower.word };
  if (higher) return { direction: "higherIsBetter", source: "guessed", word: higher.word };
  return { direction: "lowerIsBetter", source: "assumed" };
}

function describeDirection(d: Direction): string {
  return d === "lowerIsBetter" ? "lower is better" : "higher is better";
}

function directionFinding(
  col: PeerColumn,
  dir: ReturnType<typeof resolveDirection>
): Finding | undefined {
  if (dir.source === "guessed")
    return finding(
      "info",
      "PEERS_DIRECTION_GUESSED",
      `"${col.name}" was read as ${describeDirection(dir.direction)} from the word "${dir.word}" in its header.`,
      col.headerCell,
      "Change the direction in the benchmarking settings if that is wrong."
    );
  if (dir.source === "assumed")
    return finding(
      "warning",
      "PEERS_DIRECTION_ASSUMED",
      `It is not known whether a lower or a higher "${col.name}" is better, so lower was assumed; its ranks and quartiles depend on that.`,
      col.headerCell,
      "Set the direction for this indicator in the benchmarking settings."
    );
  return undefined;
}

function thresholdFor(
  key: KnownIndicatorKey | undefined,
  policy: Policy
): PeerIndicatorResult["threshold"] {
  if (key === "overtimePctPaybill")
    return { value: policy.overtime.threshold, label: "overtime threshold", paragraph: "5.9-5.10" };
  if (key === "businessSupportPctWorkforce")
    return {
      value: policy.businessSupport.threshold,
      label: "business support target",
      paragraph: "5.46-5.51",
    };
  return undefined;
}

/** Findings on how many forces have a figure, and whether they differ at all. */
function coverageFindings(
  col: PeerColumn,
  values: readonly number[],
  findings: Finding[]
): boolean {
  const of = values.length;
  if (of === 0)
    findings.push(
      finding(
        "warning",
        "PEERS_INDICATOR_NO_VALUES",
        `No force has a figure for "${col.name}", so it cannot be compared.`,
        col.headerCell
      )
    );
  else if (of < FEW_FORCES)
    findings.push(
      finding(
        "warning",
        "PEERS_TOO_FEW_FORCES",
        `Only ${of} force${of === 1 ? " has a figure" : "s have figures"} for "${col.name}". Quartiles of fewer than four forces say little, so read its quartile and top-quartile figures with care.`,
        col.headerCell,
        "Add the other forces' figures to the peers sheet."
      )
    );
  const noSpread = of > 1 && values.every((v) => v === values[0]);
  if (noSpread)
    findings.push(
      finding(
        "warning",
        "PEERS_INDICATOR_NO_SPREAD",
        `Every force has the same figure for "${col.name}", so there is nothing to rank: all share rank 1 and no quartile is given.`,
        col.headerCell,
        "Check that the column holds each force's own figure."
      )
    );
  return noSpread;
}

/** The most similar group's mean (weighted where a weight column is set), and how many it is over. */
function groupAverage(
  col: PeerColumn,
  scope: PeersScope,
  findings: Finding[]
): { msgAverage: number | null; msgCount: number } {
  if (!scope.hasGroup && !scope.includeForce) return { msgAverage: null, msgCount: 0 };
  const weightCol = scope.weightCol;
  const pts: { v: number; w: number }[] = [];
  for (const r of scope.hasGroup ? scope.avgRows : []) {
    const f = r.values.get(col.key);
    // A figure not on the same footing is in no average (PeerRow.notComparable).
    if (!f || r.notComparable?.has(col.key)) continue;
    if (!weightCol) {
      pts.push({ v: f.value, w: 1 });
      continue;
    }
    const w = r.values.get(weightCol.key);
    if (!w || !(w.value > 0)) {
      findings.push(
        finding(
          "warning",
          "PEERS_WEIGHT_MISSING",
          `${r.force?.name ?? r.name} has no usable "${weightCol.name}" figure to weight by, so it is left out of the weighted group average for "${col.name}".`,
          w ? w.sources[0] : r.nameCell
        )
      );
      continue;
    }
    pts.push({ v: f.value, w: w.value });
  }
  if (pts.length === 0) return { msgAverage: null, msgCount: 0 };
  return {
    msgAverage: weightCol ? weightedMean(pts) : meanOf(pts.map((p) => p.v)),
    msgCount: pts.length,
  };
}

/**
 * Where the peers sheet's own-force ratio differs from the force's own sheets: the force's own
 * figure, and a finding saying so.
 */
function crossCheck(
  col: PeerColumn,
  value: number | null,
  cell: CellRef | undefined,
  scope: PeersScope
): { finding: Finding; own: NonNullable<PeerIndicatorResult["ownFigure"]> } | undefined {
  const inputs = scope.settings.gapInputs;
  const own =
    col.known === "overtimePctPaybill"
      ? inputs?.overtimeRatio
      : col.known === "businessSupportPctWorkforce"
        ? inputs?.supportShare
        : undefined;
  if (!own || value === null || Math.abs(own.value - value) <= SAME_RATIO) return undefined;
  return {
    finding: finding(
      "warning",
      "PEERS_VALUE_DIFFERS_FROM_ANALYSIS",
      `The peers sheet gives ${scope.forceLabel} ${formatPercent(value)} for "${col.name}", but its own sheets give ${formatPercent(own.value)}${inputs?.yearText ? ` for ${inputs.yearText}` : ""}. The benchmark uses the peers sheet's figure.`,
      cell,
      "Check that the peers sheet and the budget sheets are for the same year and basis."
    ),
    own: {
      value: own.value,
      sources: own.sources,
      ...(inputs?.yearText ? { yearText: inputs.yearText } : {}),
    },
  };
}

type WithValue = {
  readonly row: PeerRow;
  readonly fig: { value: number; sources: readonly CellRef[] };
};

/** The ski slope: every force with a figure, best first; ties by name. */
function skiSlope(
  col: PeerColumn,
  direction: Direction,
  withValue: readonly WithValue[],
  scope: PeersScope,
  threshold: PeerIndicatorResult["threshold"],
  topQuartileValue: number | null
): SkiSlope {
  const values = withValue.map((x) => x.fig.value);
  const groupSet = new Set(scope.memberRows);
  const bars = withValue
    .map((x) => ({
      name: x.row.force?.name ?? x.row.name,
      value: x.fig.value,
      cell: x.fig.sources[0],
      isForce: x.row === scope.forceRow,
      inGroup: groupSet.has(x.row),
      rank: competitionRank(x.fig.value, values, direction),
      ...(x.row.notComparable?.has(col.key) ? { notComparable: true as const } : {}),
    }))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, "en-GB"));
  const forceIndex = bars.findIndex((b) => b.isForce);
  return {
    key: col.key,
    title: col.name,
    direction,
    isPercent: col.isPercent,
    ...(col.unit ? { unit: col.unit } : {}),
    bars,
    forceIndex: forceIndex >= 0 ? forceIndex : null,
    ...(threshold ? { threshold } : {}),
    topQuartileValue,
  };
}

/** How far the value is outside the top quarter, in the indicator's unit; 0 inside it. */
function gapTo(value: number | null, edge: number | null, direction: Direction): number | null {
  if (value === null || edge === null) return null;
  return clean(Math.max(0, direction === "lowerIsBetter" ? value - edge : edge - value));
}

/** One indicator column benchmarked, with the findings it raises. */
export function analyseIndicator(
  col: PeerColumn,
  scope: PeersScope,
  findings: Finding[]
): PeerIndicatorResult {
  const dir = resolveDirection(col, scope.settings);
  const said = directionFinding(col, dir);
  if (said) findings.push(said);
  const withValue: WithValue[] = [];
  for (const row of scope.rows) {
    const fig = row.values.get(col.key);
    if (fig) withValue.push({ row, fig });
  }
  const values = withValue.map((x) => x.fig.value);
  const of = values.length;
  // Figures not on the same footing are ranked where they fall, but the quartile edges and the
  // all-forces average are of the others (where any others have a figure).
  const leftOut = withValue.filter((x) => x.row.notComparable?.has(col.key));
  const inQuartiles =
    leftOut.length > 0 && leftOut.length < of
      ? withValue.filter((x) => !x.row.notComparable?.has(col.key)).map((x) => x.fig.value)
      : values;
  const forceLeftOut = inQuartiles !== values && leftOut.some((x) => x.row === scope.forceRow);
  const threshold = thresholdFor(col.known, scope.policy);
  const forceFig = scope.forceRow?.values.get(col.key);
  const noSpread = coverageFindings(col, values, findings);
  const percentiles: Percentiles | null = of > 0 ? quartilePoints(inQuartiles) : null;
  const topQuartileValue = percentiles
    ? dir.direction === "lowerIsBetter"
      ? percentiles.p25
      : percentiles.p75
    : null;
  const value = forceFig ? forceFig.value : null;
  const gap = forceLeftOut ? null : gapTo(value, topQuartileValue, dir.direction);
  const { msgAverage, msgCount } = groupAverage(col, scope, findings);
  let gapSaving: GapSaving | null = null;
  if (
    dir.direction === "lowerIsBetter" &&
    value !== null &&
    topQuartileValue !== null &&
    gap !== null
  )
    gapSaving = priceGap(
      {
        col,
        value,
        valueSources: forceFig?.sources ?? [],
        topQuartileValue,
        gap,
        forceLabel: scope.forceLabel,
      },
      scope.settings,
      findings
    );
  const differs = crossCheck(col, value, forceFig?.sources[0], scope);
  if (differs) findings.push(differs.finding);
  return {
    key: col.key,
    ...(col.known ? { known: col.known } : {}),
    name: col.name,
    headerCell: col.headerCell,
    direction: dir.direction,
    directionSource: dir.source,
    isPercent: col.isPercent,
    ...(col.unit ? { unit: col.unit } : {}),
    value,
    ...(forceFig ? { valueCell: forceFig.sources[0] } : {}),
    rank: value !== null ? competitionRank(value, values, dir.direction) : null,
    of,
    quartile:
      value !== null && percentiles && !noSpread && !forceLeftOut
        ? quartileOf(value, percentiles, dir.direction)
        : null,
    percentiles,
    topQuartileValue,
    ...(inQuartiles !== values
      ? {
          leftOut: leftOut.map((x) => ({
            name: x.row.force?.name ?? x.row.name,
            value: x.fig.value,
            why: x.row.notComparable!.get(col.key)!,
            isForce: x.row === scope.forceRow,
          })),
        }
      : {}),
    msgAverage,
    msgCount,
    allAverage: of > 0 ? meanOf(inQuartiles) : null,
    gapToTopQuartile: gap,
    ...(threshold ? { threshold } : {}),
    gapSaving,
    ...(differs ? { ownFigure: differs.own } : {}),
    chart: skiSlope(col, dir.direction, withValue, scope, threshold, topQuartileValue),
  };
}
