/**
 * Benchmarking against the most similar forces and all forces (White Paper 5.59; vfm-policy.md,
 * "Benchmarking"): for each indicator in the peers sheet, the force's value, its rank and
 * quartile among all forces in the sheet, the top-quartile value, the most similar group's
 * average and the all-force average, and the gap to the top quartile. For overtime and business
 * support the gap is also priced as an estimated saving (gap x base), the reading of the 1999
 * strategy's "top quartile of comparable forces" bar for cost ratios.
 *
 * Percentiles are mathjs quantileSeq with its default linear interpolation: the p-th percentile
 * of n sorted values sits at position p x (n - 1) (counting from 0), interpolating between the
 * two values either side. That is Excel's PERCENTILE.INC (and QUARTILE.INC), so a treasurer can
 * reproduce every quartile with =PERCENTILE.INC(range, 0.25).
 *
 * Ranks are "competition" ranks, as Excel's RANK.EQ gives: forces with equal values share the
 * better rank, and the next rank is skipped (1, 2, 2, 4).
 */
import { create, meanDependencies, quantileSeqDependencies } from "mathjs";
import { CellRef, cellRef, parseA1 } from "../grid";
import { Finding, finding, sortFindings } from "../findings";
import { Pence, applyRate } from "../money";
import { DEFAULT_POLICY, Policy } from "../policy";
import { Force, describeUnknownForce, matchForce, normaliseForceName } from "../forces";
import {
  Direction,
  KNOWN_INDICATORS,
  KnownIndicatorKey,
  PeerColumn,
  PeerRow,
  PeersData,
  normaliseHeader,
} from "../detect/peers";
import type { Analysis } from "./types";
import { formatPercent } from "../format";

// Only the two functions used, so the task pane bundle does not carry the whole of mathjs.
const math = create({ quantileSeqDependencies, meanDependencies });

/** A figure handed in from the main analysis: the number and the cells it came from. */
export interface InputFigure<T> {
  readonly value: T;
  readonly sources: readonly CellRef[];
  /** How it was worked out, e.g. "officer pay + officer overtime, 2009/10". */
  readonly formula?: string;
}

/**
 * Figures from the main analysis that price the gap to the top quartile. They are inputs so this
 * module stays independent of how the analysis computes them (gapInputsFromAnalysis fills them).
 */
export interface GapInputs {
  /** The force's paybill on the overtime ratio's basis, in pence. */
  readonly paybill?: InputFigure<Pence>;
  /** Total workforce FTE (officers + staff + PCSOs). */
  readonly workforceFte?: InputFigure<number>;
  /** Average cost of one business-support FTE, in pence. */
  readonly averageSupportCost?: InputFigure<Pence>;
  /** The force's own overtime ratio from its budget sheets, to check the peers sheet against. */
  readonly overtimeRatio?: InputFigure<number>;
  /** The force's own business-support share from its workforce sheets, likewise. */
  readonly supportShare?: InputFigure<number>;
  /** The financial year the figures are for, in words ("2009/10"), for the formula text. */
  readonly yearText?: string;
}

export interface PeersSettings {
  /** Direction by column key or by indicator name (any case); overrides the defaults. */
  readonly directions?: Readonly<Record<string, Direction>>;
  /** Columns (key or name) to leave out of the comparison. */
  readonly exclude?: readonly string[];
  /** Count the force itself in its group's average (default: no, the group is its peers). */
  readonly includeForceInGroupAverage?: boolean;
  /** Weight the group average by this column (key or name), e.g. "Population"; simple mean if unset. */
  readonly weightColumn?: string;
  /** A group chosen by the user; replaces the sheet's group for the force. */
  readonly group?: readonly string[];
  /** Thresholds come from the policy (4% overtime, 7% business support); defaults if unset. */
  readonly policy?: Policy;
  readonly gapInputs?: GapInputs;
}

export type DirectionSource = "setting" | "default" | "guessed" | "assumed";

export interface Percentiles {
  /** 25th, 50th and 75th percentiles, PERCENTILE.INC. */
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
}

export interface GapSavingTerm {
  readonly name: string;
  readonly value: number;
  /** "fraction" (a ratio), "pence", "fte". */
  readonly kind: "fraction" | "pence" | "fte";
  readonly sources: readonly CellRef[];
  readonly formula?: string;
}

/** An estimated saving from closing the gap to the top quartile. */
export interface GapSaving {
  /** Pence; 0 when the force is already in the top quartile. */
  readonly amount: Pence;
  /** The formula in words, e.g. "(force ratio − top-quartile ratio) × paybill". */
  readonly formula: string;
  /** The figures the formula multiplies, in order. */
  readonly terms: readonly GapSavingTerm[];
  /** For business support: the FTE above the top-quartile share. */
  readonly excessFte?: number;
  /** Always true: a benchmark gap is an estimate, not a plan. */
  readonly estimate: true;
  readonly sources: readonly CellRef[];
}

export interface SkiSlopeBar {
  readonly name: string;
  readonly value: number;
  readonly cell: CellRef;
  readonly isForce: boolean;
  readonly inGroup: boolean;
  readonly rank: number;
}

/** A ranked bar chart: every force best to worst, the force highlighted, a threshold where one exists. */
export interface SkiSlope {
  readonly key: string;
  readonly title: string;
  readonly direction: Direction;
  readonly isPercent: boolean;
  readonly unit?: "£";
  readonly bars: readonly SkiSlopeBar[];
  /** Index into bars of the force, or null when it has no value. */
  readonly forceIndex: number | null;
  readonly threshold?: {
    readonly value: number;
    readonly label: string;
    readonly paragraph: string;
  };
  readonly topQuartileValue: number | null;
}

export interface PeerIndicatorResult {
  readonly key: string;
  readonly known?: KnownIndicatorKey;
  readonly name: string;
  readonly headerCell: CellRef;
  readonly direction: Direction;
  readonly directionSource: DirectionSource;
  readonly isPercent: boolean;
  readonly unit?: "£";
  /** The force's value, with its cell. */
  readonly value: number | null;
  readonly valueCell?: CellRef;
  /** 1 = best, among every force in the sheet with a value; null when the force has none. */
  readonly rank: number | null;
  readonly of: number;
  /** 1 = best quarter; null when the force has no value or every force has the same value. */
  readonly quartile: 1 | 2 | 3 | 4 | null;
  readonly percentiles: Percentiles | null;
  /** The edge of the best quarter: the 25th percentile when lower is better, else the 75th. */
  readonly topQuartileValue: number | null;
  /** Mean of the most similar group (see PeersAnalysis.groupAverage for how). */
  readonly msgAverage: number | null;
  /** Group members whose value went into msgAverage. */
  readonly msgCount: number;
  /** Mean over every force in the sheet with a value, the force included. */
  readonly allAverage: number | null;
  /** How far the force is from the top-quartile edge, in the indicator's own unit; 0 when inside. */
  readonly gapToTopQuartile: number | null;
  /** The policy threshold, where one applies (4% overtime, 7% business support). */
  readonly threshold?: {
    readonly value: number;
    readonly label: string;
    readonly paragraph: string;
  };
  /** Overtime and business support only, where the inputs were given. */
  readonly gapSaving: GapSaving | null;
  readonly chart: SkiSlope;
}

export interface PeersAnalysis {
  /** The force as named by the caller, or its official name where it is one of the 43. */
  readonly force: string;
  readonly matchedForce?: Force;
  /** The force's row in the peers sheet, where found. */
  readonly forceCell?: CellRef;
  readonly sheet: string;
  /** The group's members (official names where recognised). */
  readonly group: readonly string[];
  readonly groupSource: "sheet" | "settings" | "none";
  readonly groupCell?: CellRef;
  readonly groupAverage: {
    readonly includesForce: boolean;
    /** The column the mean is weighted by, or undefined for a simple mean. */
    readonly weightedBy?: string;
  };
  /** Forces in the sheet with at least one figure. */
  readonly forcesInSheet: number;
  readonly indicators: readonly PeerIndicatorResult[];
  /** True when the sheet says its figures are illustrative. */
  readonly illustrative: boolean;
  readonly illustrativeNote?: string;
  /** The peers sheet's findings and the analysis's own, errors first. */
  readonly findings: readonly Finding[];
}

// ---------------------------------------------------------------------------------------------
// Arithmetic, exported for tests and for the task pane.

/**
 * A derived figure to 12 significant digits, so binary noise (0.022250000000000006) does not
 * reach the user; every input figure in a sheet has far fewer digits than that.
 */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** PERCENTILE.INC of the values at p (0..1), by mathjs quantileSeq's linear interpolation. */
export function percentileInc(values: readonly number[], p: number): number {
  return clean(math.quantileSeq([...values], p) as number);
}

/** Arithmetic mean (mathjs). */
export function meanOf(values: readonly number[]): number {
  return clean(math.mean([...values]) as number);
}

/** Competition rank (RANK.EQ): 1 + the number of values strictly better. */
export function competitionRank(
  value: number,
  values: readonly number[],
  direction: Direction
): number {
  let better = 0;
  for (const v of values) if (direction === "lowerIsBetter" ? v < value : v > value) better++;
  return better + 1;
}

/** The quartile (1 = best) of a value given the quartile points, mirrored for higher-is-better. */
export function quartileOf(value: number, q: Percentiles, direction: Direction): 1 | 2 | 3 | 4 {
  if (direction === "lowerIsBetter") {
    if (value <= q.p25) return 1;
    if (value <= q.p50) return 2;
    if (value <= q.p75) return 3;
    return 4;
  }
  if (value >= q.p75) return 1;
  if (value >= q.p50) return 2;
  if (value >= q.p25) return 3;
  return 4;
}

// ---------------------------------------------------------------------------------------------

/** Words in a header that tell which way a user's own indicator is better. */
const LOWER_WORDS =
  /\b(?:cost|costs|spend|spending|expenditure|price|overtime|sickness|absence|days lost|complaints|crimes?|offences|incidents|victims|response time|waiting|backlog|overheads?|vacanc(?:y|ies)|turnover)\b/;
const HIGHER_WORDS =
  /\b(?:detections?|detected|sanction|solved|satisfaction|satisfied|confidence|visib(?:le|ility)|frontline|front line|available|availability|savings?|framework|productivity|attendance|collaboration|outcomes?)\b/;

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
  const known = col.known && KNOWN_INDICATORS.find((k) => k.key === col.known);
  if (known) return { direction: known.defaultDirection, source: "default" };
  const h = normaliseHeader(col.header);
  // Where both kinds of word appear, the later one names the measure ("crime detection rate").
  const last = (re: RegExp) => {
    let found: { word: string; at: number } | undefined;
    for (const m of h.matchAll(new RegExp(re.source, "g")))
      found = { word: m[0], at: m.index ?? 0 };
    return found;
  };
  const lower = last(LOWER_WORDS);
  const higher = last(HIGHER_WORDS);
  if (lower && (!higher || lower.at > higher.at))
    return { direction: "lowerIsBetter", source: "guessed", word: lower.word };
  if (higher) return { direction: "higherIsBetter", source: "guessed", word: higher.word };
  return { direction: "lowerIsBetter", source: "assumed" };
}

function columnMatches(col: PeerColumn, wanted: string): boolean {
  const w = normaliseHeader(wanted);
  return col.key === wanted || normaliseHeader(col.name) === w || normaliseHeader(col.header) === w;
}

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

function describeDirection(d: Direction): string {
  return d === "lowerIsBetter" ? "lower is better" : "higher is better";
}

/** The figures that price the gaps, read from the main analysis's result for its latest year. */
export function gapInputsFromAnalysis(analysis: Analysis): GapInputs {
  const ot = [...analysis.overtime.byYear].reverse().find((y) => y.ratio !== null);
  const bs = [...analysis.businessSupport.byYear].reverse().find((y) => y.ratio !== null);
  const cost = analysis.businessSupport.averageCost;
  const years = [ot?.year, bs?.year].filter((y): y is number => y !== undefined);
  const yearText =
    years.length > 0
      ? `${Math.max(...years)}/${String((Math.max(...years) + 1) % 100).padStart(2, "0")}`
      : undefined;
  return {
    ...(ot
      ? {
          paybill: {
            value: ot.paybill.value,
            sources: ot.paybill.sources,
            formula: ot.paybill.formula,
          },
          ...(ot.ratio
            ? { overtimeRatio: { value: ot.ratio.value, sources: ot.ratio.sources } }
            : {}),
        }
      : {}),
    ...(bs
      ? {
          workforceFte: {
            value: bs.totalFte.value,
            sources: bs.totalFte.sources,
            formula: bs.totalFte.formula,
          },
          ...(bs.ratio
            ? { supportShare: { value: bs.ratio.value, sources: bs.ratio.sources } }
            : {}),
        }
      : {}),
    ...(cost
      ? {
          averageSupportCost: { value: cost.value, sources: cost.sources, formula: cost.formula },
        }
      : {}),
    ...(yearText ? { yearText } : {}),
  };
}

function thresholdFor(
  key: KnownIndicatorKey | undefined,
  policy: Policy
): PeerIndicatorResult["threshold"] {
  if (key === "overtimePctPaybill")
    return {
      value: policy.overtime.threshold,
      label: "overtime threshold",
      paragraph: "5.9-5.10",
    };
  if (key === "businessSupportPctWorkforce")
    return {
      value: policy.businessSupport.threshold,
      label: "business support target",
      paragraph: "5.46-5.51",
    };
  return undefined;
}

/** Close enough to count as the same ratio (a twentieth of a percentage point). */
const SAME_RATIO = 0.0005;

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
  const policy = settings.policy ?? DEFAULT_POLICY;
  const findings: Finding[] = [];
  const sheetRef = { sheet: peers.sheet };
  const target = matchForce(forceName)?.force;
  const forceLabel = target ? target.name : forceName.trim();

  // The force's row.
  const forceRow = forceName.trim()
    ? peers.rows.find((r) => rowIsForce(r, forceName, target))
    : undefined;
  if (!forceName.trim())
    findings.push(
      finding(
        "error",
        "PEERS_FORCE_NAME_MISSING",
        "The force's name is not known, so its row in the peers sheet cannot be found.",
        sheetRef,
        "Enter the force name in the Settings sheet."
      )
    );
  else if (!forceRow)
    findings.push(
      finding(
        "error",
        "PEERS_FORCE_NOT_FOUND",
        `${forceLabel} is not in the peers sheet "${peers.sheet}", so it cannot be ranked; the all-force figures are still shown.`,
        sheetRef,
        `Add a row for ${forceLabel} with its figures, named as in the Settings sheet.`
      )
    );

  // Detection could not know which row was the force's own; drop its "unknown force" note for it.
  const detectionFindings = peers.findings.filter(
    (f) =>
      !(
        f.code === "PEERS_UNKNOWN_FORCE" &&
        forceRow &&
        f.cell &&
        f.cell.sheet === forceRow.nameCell.sheet &&
        f.cell.address === forceRow.nameCell.address
      )
  );

  // The group: the user's choice, else the force's row.
  let groupNames: readonly string[] = [];
  let groupSource: PeersAnalysis["groupSource"] = "none";
  let groupCell: CellRef | undefined;
  if (settings.group && settings.group.length > 0) {
    groupSource = "settings";
    groupNames = settings.group.map((s) => s.trim()).filter((s) => s.length > 0);
    for (const n of groupNames)
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
    if (groupNames.length > 7)
      findings.push(
        finding(
          "warning",
          "PEERS_GROUP_TOO_LARGE",
          `The chosen most similar group lists ${groupNames.length} forces; a most similar group has at most seven. All ${groupNames.length} are used in the group average.`,
          undefined,
          "Remove the forces that are not in the group."
        )
      );
  } else if (forceRow?.group) {
    groupSource = "sheet";
    groupNames = forceRow.group.members;
    groupCell = forceRow.group.cell;
  } else if (forceRow) {
    findings.push(
      finding(
        "info",
        "PEERS_NO_GROUP",
        target?.id === "city-of-london"
          ? "City of London Police has no most similar group, so it is compared with all forces only."
          : `${forceLabel} has no most similar group in the peers sheet, so it is compared with all forces only.`,
        groupColumnCell(peers, forceRow) ?? forceRow.nameCell,
        target?.id === "city-of-london"
          ? undefined
          : "List up to seven most similar forces in the group column, separated by commas or semicolons."
      )
    );
  }

  // Resolve group members to rows.
  const memberRows: PeerRow[] = [];
  const groupLabels: string[] = [];
  const memberSet = new Set<PeerRow>();
  for (const n of groupNames) {
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
          groupCell
        )
      );
      continue;
    }
    groupLabels.push(label);
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
          groupCell ?? sheetRef,
          `Add a row for ${label} to the peers sheet.`
        )
      );
      continue;
    }
    if (!memberSet.has(row)) {
      memberSet.add(row);
      memberRows.push(row);
    }
  }
  const includeForce = !!settings.includeForceInGroupAverage;
  const avgRows = includeForce && forceRow ? [...memberRows, forceRow] : memberRows;

  // Weighting.
  let weightCol: PeerColumn | undefined;
  if (settings.weightColumn) {
    weightCol = peers.columns.find((c) => columnMatches(c, settings.weightColumn ?? ""));
    if (!weightCol)
      findings.push(
        finding(
          "warning",
          "PEERS_WEIGHT_COLUMN_NOT_FOUND",
          `The group average was to be weighted by "${settings.weightColumn}", but the peers sheet has no such column; a simple average is used.`,
          sheetRef
        )
      );
  }

  const excluded = (c: PeerColumn) => (settings.exclude ?? []).some((e) => columnMatches(c, e));
  const indicatorColumns = peers.columns.filter((c) => c.role === "indicator" && !excluded(c));

  const indicators: PeerIndicatorResult[] = [];
  for (const col of indicatorColumns) {
    const dir = resolveDirection(col, settings);
    if (dir.source === "guessed")
      findings.push(
        finding(
          "info",
          "PEERS_DIRECTION_GUESSED",
          `"${col.name}" was read as ${describeDirection(dir.direction)} from the word "${dir.word}" in its header.`,
          col.headerCell,
          "Change the direction in the benchmarking settings if that is wrong."
        )
      );
    else if (dir.source === "assumed")
      findings.push(
        finding(
          "warning",
          "PEERS_DIRECTION_ASSUMED",
          `It is not known whether a lower or a higher "${col.name}" is better, so lower was assumed; its ranks and quartiles depend on that.`,
          col.headerCell,
          "Set the direction for this indicator in the benchmarking settings."
        )
      );

    const withValue = peers.rows
      .map((r) => ({ row: r, fig: r.values.get(col.key) }))
      .filter((x): x is { row: PeerRow; fig: NonNullable<typeof x.fig> } => x.fig !== undefined);
    const values = withValue.map((x) => x.fig.value);
    const of = values.length;
    const threshold = thresholdFor(col.known, policy);
    const forceFig = forceRow?.values.get(col.key);

    if (of === 0) {
      findings.push(
        finding(
          "warning",
          "PEERS_INDICATOR_NO_VALUES",
          `No force has a figure for "${col.name}", so it cannot be compared.`,
          col.headerCell
        )
      );
    } else if (of < 4) {
      findings.push(
        finding(
          "warning",
          "PEERS_TOO_FEW_FORCES",
          `Only ${of} force${of === 1 ? " has a figure" : "s have figures"} for "${col.name}". Quartiles of fewer than four forces say little, so read its quartile and top-quartile figures with care.`,
          col.headerCell,
          "Add the other forces' figures to the peers sheet."
        )
      );
    }
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

    const percentiles: Percentiles | null =
      of > 0
        ? {
            p25: percentileInc(values, 0.25),
            p50: percentileInc(values, 0.5),
            p75: percentileInc(values, 0.75),
          }
        : null;
    const topQuartileValue = percentiles
      ? dir.direction === "lowerIsBetter"
        ? percentiles.p25
        : percentiles.p75
      : null;
    const value = forceFig ? forceFig.value : null;
    const rank = value !== null ? competitionRank(value, values, dir.direction) : null;
    const quartile =
      value !== null && percentiles && !noSpread
        ? quartileOf(value, percentiles, dir.direction)
        : null;
    const gap =
      value !== null && topQuartileValue !== null
        ? clean(
            Math.max(
              0,
              dir.direction === "lowerIsBetter"
                ? value - topQuartileValue
                : topQuartileValue - value
            )
          )
        : null;

    // Group average.
    let msgAverage: number | null = null;
    let msgCount = 0;
    if (groupSource !== "none" || includeForce) {
      const pts: { v: number; w: number }[] = [];
      for (const r of groupSource === "none" ? [] : avgRows) {
        const f = r.values.get(col.key);
        if (!f) continue;
        if (weightCol) {
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
        } else pts.push({ v: f.value, w: 1 });
      }
      msgCount = pts.length;
      if (pts.length > 0) {
        if (weightCol) {
          const wsum = pts.reduce((s, p) => s + p.w, 0);
          msgAverage = clean(pts.reduce((s, p) => s + p.v * p.w, 0) / wsum);
        } else msgAverage = meanOf(pts.map((p) => p.v));
      }
    }
    const allAverage = of > 0 ? meanOf(values) : null;

    // Gap-to-best saving for overtime and business support.
    const gapSaving =
      dir.direction === "lowerIsBetter"
        ? priceGap(
            col,
            value,
            forceFig?.sources ?? [],
            topQuartileValue,
            gap,
            settings,
            findings,
            forceLabel
          )
        : null;

    // Cross-check against the force's own sheets.
    const own =
      col.known === "overtimePctPaybill"
        ? settings.gapInputs?.overtimeRatio
        : col.known === "businessSupportPctWorkforce"
          ? settings.gapInputs?.supportShare
          : undefined;
    if (own && value !== null && Math.abs(own.value - value) > SAME_RATIO)
      findings.push(
        finding(
          "warning",
          "PEERS_VALUE_DIFFERS_FROM_ANALYSIS",
          `The peers sheet gives ${forceLabel} ${formatPercent(value)} for "${col.name}", but its own sheets give ${formatPercent(own.value)}${settings.gapInputs?.yearText ? ` for ${settings.gapInputs.yearText}` : ""}. The benchmark uses the peers sheet's figure.`,
          forceFig?.sources[0],
          "Check that the peers sheet and the budget sheets are for the same year and basis."
        )
      );

    // The ski slope: best first; ties by name.
    const groupSet = new Set(memberRows);
    const bars = withValue
      .map((x) => ({
        name: x.row.force?.name ?? x.row.name,
        value: x.fig.value,
        cell: x.fig.sources[0],
        isForce: x.row === forceRow,
        inGroup: groupSet.has(x.row),
        rank: competitionRank(x.fig.value, values, dir.direction),
      }))
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, "en-GB"));
    const forceIndex = bars.findIndex((b) => b.isForce);
    const chart: SkiSlope = {
      key: col.key,
      title: col.name,
      direction: dir.direction,
      isPercent: col.isPercent,
      ...(col.unit ? { unit: col.unit } : {}),
      bars,
      forceIndex: forceIndex >= 0 ? forceIndex : null,
      ...(threshold ? { threshold } : {}),
      topQuartileValue,
    };

    indicators.push({
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
      rank,
      of,
      quartile,
      percentiles,
      topQuartileValue,
      msgAverage,
      msgCount,
      allAverage,
      gapToTopQuartile: gap,
      ...(threshold ? { threshold } : {}),
      gapSaving,
      chart,
    });
  }

  const illustrative = !!peers.illustrativeNote;
  return {
    force: forceLabel,
    ...(target ? { matchedForce: target } : {}),
    ...(forceRow ? { forceCell: forceRow.nameCell } : {}),
    sheet: peers.sheet,
    group: groupLabels,
    groupSource,
    ...(groupCell ? { groupCell } : {}),
    groupAverage: {
      includesForce: includeForce,
      ...(weightCol ? { weightedBy: weightCol.name } : {}),
    },
    forcesInSheet: peers.rows.length,
    indicators,
    illustrative,
    ...(peers.illustrativeNote ? { illustrativeNote: peers.illustrativeNote } : {}),
    findings: sortFindings([...detectionFindings, ...findings]),
  };
}

function priceGap(
  col: PeerColumn,
  value: number | null,
  valueSources: readonly CellRef[],
  topQuartileValue: number | null,
  gap: number | null,
  settings: PeersSettings,
  findings: Finding[],
  forceLabel: string
): GapSaving | null {
  if (col.known !== "overtimePctPaybill" && col.known !== "businessSupportPctWorkforce")
    return null;
  if (value === null || topQuartileValue === null || gap === null) return null;
  const inputs = settings.gapInputs ?? {};
  const forceTerm: GapSavingTerm = {
    name:
      col.known === "overtimePctPaybill" ? "force overtime ratio" : "force business-support share",
    value,
    kind: "fraction",
    sources: valueSources,
  };
  const tqTerm: GapSavingTerm = {
    name: col.known === "overtimePctPaybill" ? "top-quartile ratio" : "top-quartile share",
    value: topQuartileValue,
    kind: "fraction",
    sources: [],
    formula: "25th percentile of all forces in the peers sheet (PERCENTILE.INC)",
  };
  if (col.known === "overtimePctPaybill") {
    const paybill = inputs.paybill;
    if (!paybill) {
      if (gap > 0)
        findings.push(
          finding(
            "info",
            "PEERS_GAP_NOT_PRICED",
            `${forceLabel}'s overtime is above the top quartile, but without its paybill the gap cannot be priced.`,
            col.headerCell,
            "Give the budget sheet's officer pay and overtime lines, so the paybill is known."
          )
        );
      return null;
    }
    const paybillTerm: GapSavingTerm = {
      name: inputs.yearText ? `paybill ${inputs.yearText}` : "paybill",
      value: paybill.value,
      kind: "pence",
      sources: paybill.sources,
      ...(paybill.formula ? { formula: paybill.formula } : {}),
    };
    return {
      amount: gap > 0 ? applyRate(paybill.value, gap) : 0,
      formula: "(force overtime ratio − top-quartile ratio) × paybill",
      terms: [forceTerm, tqTerm, paybillTerm],
      estimate: true,
      sources: [...valueSources, ...paybill.sources],
    };
  }
  const fte = inputs.workforceFte;
  const cost = inputs.averageSupportCost;
  if (!fte || !cost) {
    if (gap > 0)
      findings.push(
        finding(
          "info",
          "PEERS_GAP_NOT_PRICED",
          `${forceLabel}'s business-support share is above the top quartile, but without ${!fte ? "its workforce FTE" : "the average cost of a support post"} the gap cannot be priced.`,
          col.headerCell,
          !fte
            ? "Give the workforce sheet's total FTE."
            : "Give the average cost of a business-support FTE in the Settings sheet, or staff pay and staff FTE."
        )
      );
    return null;
  }
  const excessFte = clean(gap * fte.value);
  return {
    amount: gap > 0 ? applyRate(cost.value, excessFte) : 0,
    formula:
      "(force business-support share − top-quartile share) × workforce FTE × average support cost",
    terms: [
      forceTerm,
      tqTerm,
      {
        name: inputs.yearText ? `workforce FTE ${inputs.yearText}` : "workforce FTE",
        value: fte.value,
        kind: "fte",
        sources: fte.sources,
        ...(fte.formula ? { formula: fte.formula } : {}),
      },
      {
        name: "average support cost",
        value: cost.value,
        kind: "pence",
        sources: cost.sources,
        ...(cost.formula ? { formula: cost.formula } : {}),
      },
    ],
    excessFte,
    estimate: true,
    sources: [...valueSources, ...fte.sources, ...cost.sources],
  };
}
