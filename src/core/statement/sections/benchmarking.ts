/**
 * The benchmarking section: the force against the White Paper's thresholds now, and against its
 * most similar forces and all forces where peer figures exist (5.59).
 *
 * The peers slot: buildStatement takes an optional PeersForStatement. It is deliberately a
 * small structural interface, so the peers analysis (src/core/analysis/peers.ts, PeersAnalysis)
 * can be passed as it is, and so this module does not depend on its internals. Percentages are
 * fractions (0.059 = 5.9%), as the peers analysis holds them.
 */
import {
  formatNumber,
  formatPercent,
  formatPoints,
  formatPolicyPercent,
  formatPoundsValue,
} from "../../format";
import { CellRef } from "../../grid";
import { Pence } from "../../money";
import { Block, DisplayFigure, Section, TableBlock, TableRow } from "../model";
import {
  countFigure,
  missingFigure,
  moneyFigure,
  numberFigure,
  percentFigure,
  textFigure,
} from "../format";
import { DraftContext, listWords, para, yearWithBasis } from "./common";
import { RankedIndicator, skiSlopeChart } from "./skiSlope";

/** One indicator of a peer comparison, as the statement needs it. */
export interface PeerIndicatorForStatement {
  readonly name: string;
  readonly direction: "lowerIsBetter" | "higherIsBetter";
  /** Values are fractions (0.059) when true. */
  readonly isPercent: boolean;
  /** "£" for money indicators such as spend per head (values in pounds). */
  readonly unit?: "£";
  readonly value: number | null;
  readonly valueCell?: CellRef;
  readonly rank: number | null;
  readonly of: number;
  readonly quartile: 1 | 2 | 3 | 4 | null;
  readonly topQuartileValue: number | null;
  readonly msgAverage: number | null;
  readonly allAverage: number | null;
  readonly gapToTopQuartile: number | null;
  /** Stable key of the indicator (chart ids). */
  readonly key?: string;
  /** Which White Paper measure the indicator is, where it is one (overtime, business support). */
  readonly known?: string;
  /** The ranked (ski-slope) chart's data, best first; PeerIndicatorResult.chart fits it. */
  readonly chart?: RankedIndicator["chart"];
  /** The force's own figure, where it differs from the one compared (PeerIndicatorResult.ownFigure). */
  readonly ownFigure?: {
    readonly value: number;
    readonly sources: readonly CellRef[];
    readonly yearText?: string;
  };
  /** An estimated saving from closing the gap to the top quartile, with its formula. */
  readonly gapSaving?: {
    readonly amount: Pence;
    readonly formula: string;
    readonly sources: readonly CellRef[];
  } | null;
}

/** A peer comparison, as the statement needs it (PeersAnalysis fits it). */
export interface PeersForStatement {
  readonly sheet?: string;
  readonly group: readonly string[];
  readonly indicators: readonly PeerIndicatorForStatement[];
  readonly illustrative?: boolean;
  readonly illustrativeNote?: string;
  /** Where the peers are HMIC's national data (no peers sheet): which data, year and definition, and the licence. */
  readonly national?: {
    readonly attribution: string;
    readonly lines: readonly { readonly words: string }[];
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th"}`;
}

const QUARTILE_WORDS = ["", "top quartile", "second quartile", "third quartile", "bottom quartile"];

function valueFigure(
  i: PeerIndicatorForStatement,
  v: number | null,
  sources?: readonly CellRef[]
): DisplayFigure {
  if (v === null) return missingFigure(i.isPercent ? "percent" : "number");
  if (i.isPercent) return percentFigure(v, sources);
  const f = numberFigure(v, 2, sources);
  return i.unit === "£" ? { ...f, text: `£${f.text}`, numberFormat: '"£"#,##0.00' } : f;
}

function valueText(i: PeerIndicatorForStatement, v: number): string {
  if (i.isPercent) return formatPercent(v);
  return i.unit === "£" ? formatPoundsValue(v) : formatNumber(v, 2);
}

function peersTable(peers: PeersForStatement): TableBlock {
  const headers = [
    "Indicator",
    "Better when",
    "This force",
    "Similar forces' average",
    "All forces' average",
    "Rank",
    "Quartile",
  ];
  const rows: TableRow[] = peers.indicators.map((i) => ({
    cells: [
      textFigure(i.name),
      textFigure(i.direction === "lowerIsBetter" ? "Lower" : "Higher"),
      valueFigure(i, i.value, i.valueCell ? [i.valueCell] : []),
      valueFigure(i, i.msgAverage),
      valueFigure(i, i.allAverage),
      i.rank === null ? missingFigure("text", "not ranked") : textFigure(`${i.rank} of ${i.of}`),
      i.quartile === null ? missingFigure("number", "none") : countFigure(i.quartile),
    ],
  }));
  return {
    kind: "table",
    id: "benchmarking-peers",
    caption: "Benchmarks: the force against its most similar forces and all forces",
    columns: [
      { header: headers[0], kind: "text", width: 26 },
      { header: headers[1], kind: "text", width: 8 },
      { header: headers[2], kind: "number", width: 10 },
      { header: headers[3], kind: "number", width: 11 },
      { header: headers[4], kind: "number", width: 11 },
      { header: headers[5], kind: "text", width: 8 },
      { header: headers[6], kind: "number", width: 8 },
    ],
    headerRows: [headers.map((h) => ({ text: h, span: 1 }))],
    rows,
    note: "Rank 1 is the best value among all forces compared; quartile 1 is the best quarter (Excel's PERCENTILE.INC). Each indicator's chart follows.",
  };
}

function indicatorSentence(ctx: DraftContext, i: PeerIndicatorForStatement): Block | undefined {
  if (i.value === null)
    return para(
      [`There is no figure for the force on ${i.name}, so it is not compared.`],
      "missing"
    );
  const parts: (string | DisplayFigure)[] = [
    `${i.name} (${i.direction === "lowerIsBetter" ? "lower" : "higher"} is better): `,
    valueFigure(i, i.value, i.valueCell ? [i.valueCell] : []),
  ];
  if (i.rank !== null) parts.push(`, ${ordinal(i.rank)} of ${i.of}`);
  if (i.quartile !== null) parts.push(`, in the ${QUARTILE_WORDS[i.quartile]}`);
  // The averages are in the benchmarks table just above: the sentence does not say them again.
  parts.push(".");
  // Never a confident figure on a basis the add-in could not reconcile: the force's own figure
  // is said where the compared one is shown.
  if (i.ownFigure)
    parts.push(
      ` The force's own figures give `,
      percentFigure(i.ownFigure.value, i.ownFigure.sources),
      `${i.ownFigure.yearText ? ` for ${i.ownFigure.yearText}` : ""}, not the `,
      valueText(i, i.value),
      ` compared here; the ranking holds only once both are for the same year and basis.`
    );
  if (i.gapToTopQuartile !== null && i.gapToTopQuartile > 0 && i.topQuartileValue !== null) {
    parts.push(
      ` Reaching the edge of the top quartile (${valueText(i, i.topQuartileValue)}) means closing a gap of ${
        i.isPercent ? formatPoints(i.gapToTopQuartile) : valueText(i, i.gapToTopQuartile)
      }`
    );
    if (i.gapSaving)
      parts.push(
        `, worth an estimated `,
        moneyFigure(
          i.gapSaving.amount,
          ctx.unit,
          i.gapSaving.sources,
          i.gapSaving.formula,
          "prose"
        ),
        ` (${i.gapSaving.formula})`
      );
    parts.push(".");
  } else if (i.quartile === 1) parts.push(" It is already in the top quartile.");
  const own = ownPlanned(ctx, i);
  if (own && i.topQuartileValue !== null && i.gapToTopQuartile !== null && i.gapToTopQuartile > 0) {
    const inside =
      i.direction === "lowerIsBetter"
        ? own.value <= i.topQuartileValue
        : own.value >= i.topQuartileValue;
    parts.push(
      ` The force's own figures for ${own.year} put it at `,
      percentFigure(own.value, own.sources),
      inside ? `, inside the top quartile.` : `, still outside the top quartile.`
    );
  }
  return para(parts);
}

/**
 * The force's own figure for the target year, for an indicator that is one of the White Paper's
 * measures: so a gap measured on the comparison's figures is read beside the force's plan.
 */
function ownPlanned(
  ctx: DraftContext,
  i: PeerIndicatorForStatement
): { value: number; sources: readonly CellRef[]; year: string } | undefined {
  const target = ctx.analysis.targetYear;
  if (i.known === "overtimePctPaybill") {
    const y = ctx.analysis.overtime.byYear.find((q) => q.year === target && q.ratio);
    return y?.ratio
      ? { value: y.ratio.value, sources: y.ratio.sources, year: yearWithBasis(ctx, target) }
      : undefined;
  }
  if (i.known === "businessSupportPctWorkforce") {
    const y = ctx.analysis.businessSupport.byYear.find((q) => q.year === target && q.ratio);
    return y?.ratio
      ? { value: y.ratio.value, sources: y.ratio.sources, year: yearWithBasis(ctx, target) }
      : undefined;
  }
  return undefined;
}

/** The benchmarking section (level 1). */
export function benchmarkingSections(ctx: DraftContext, peers?: PeersForStatement): Section[] {
  const blocks: Block[] = [
    para(
      [
        `Comparing costs with the most similar forces, as HMIC's value for money profiles do, shows where the force stands among its peers (White Paper 5.59). `,
        `The thresholds themselves (overtime at most ${formatPolicyPercent(ctx.analysis.overtime.threshold)} of paybill, business support under ${formatPolicyPercent(ctx.analysis.businessSupport.threshold)} of the workforce) are measured in the overtime and support services areas above.`,
      ],
      "lead"
    ),
  ];
  if (!peers || peers.indicators.length === 0) {
    blocks.push(
      para([
        "No peer figures were found in the workbook, so the force is compared with the national thresholds only. ",
        "A peers sheet (forces in rows, indicators in columns, with each force's most similar forces) adds rank, quartile and group averages here.",
      ])
    );
  } else {
    if (peers.national)
      blocks.push(
        para([
          "The workbook has no peers sheet, so the force is compared with all forces in HMIC's Value for Money profile data. ",
          ...peers.national.lines.map((l) => `${l.words} `),
          peers.national.attribution,
        ])
      );
    blocks.push(
      para([
        peers.group.length > 0
          ? `The force's most similar forces: ${listWords(peers.group)}.`
          : peers.national
            ? "No most similar forces were named for this force, so only all-force figures are shown."
            : "The peers sheet names no most similar forces for this force, so only all-force figures are shown.",
        peers.illustrative
          ? ` ${peers.illustrativeNote ?? "The peer figures are illustrative, not published figures."}`
          : "",
      ])
    );
    blocks.push(peersTable(peers));
    for (const i of peers.indicators) {
      const s = indicatorSentence(ctx, i);
      if (s) blocks.push(s);
      const chart = skiSlopeChart(i, ctx.force);
      if (chart) blocks.push(chart);
    }
  }
  return [{ id: "benchmarking", heading: "Benchmarking", level: 1, blocks }];
}
