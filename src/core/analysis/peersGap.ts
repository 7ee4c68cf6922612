/**
 * The gap to the top quartile priced as an estimated saving, for the two cost ratios the White
 * Paper sets thresholds for: overtime (gap x paybill, 5.9-5.10) and business support (gap x
 * workforce FTE x average support cost, 5.46-5.51). This is the reading of the 1999 strategy's
 * "top quartile of comparable forces" bar for cost ratios (vfm-policy.md, "Benchmarking").
 */
import { CellRef } from "../grid";
import { Finding, finding } from "../findings";
import { applyRate } from "../money";
import { PeerColumn } from "../peersData";
import { formatYear } from "../format";
import { clean } from "./peersStats";
import { GapInputs, GapSaving, GapSavingTerm, PeersSettings } from "./peersTypes";
import type { Analysis } from "./types";

/**
 * The figures that price the gaps, from the main analysis, all for one year: the latest year
 * the budget sheet marks as actual (a peers sheet compares what forces spent, not their plans),
 * else the latest year with figures. Value and base then come from the same year.
 */
export function gapInputsFromAnalysis(
  analysis: Pick<Analysis, "overtime" | "businessSupport">
): GapInputs {
  const withRatio = analysis.overtime.byYear.filter((y) => y.ratio !== null);
  const actual = [...withRatio].reverse().find((y) => y.basis === "actual");
  const year = actual?.year ?? withRatio[withRatio.length - 1]?.year;
  const ot = withRatio.find((y) => y.year === year);
  const supportYears = analysis.businessSupport.byYear.filter((y) => y.ratio !== null);
  const bs =
    supportYears.find((y) => y.year === year) ??
    (year === undefined ? supportYears[supportYears.length - 1] : undefined);
  const cost = analysis.businessSupport.averageCost;
  const years = [ot?.year, bs?.year].filter((y): y is number => y !== undefined);
  const yearText = years.length > 0 ? formatYear(Math.max(...years)) : undefined;
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
    ...(ot ? { overtimeYear: ot.year } : {}),
    ...(bs ? { supportYear: bs.year, supportDefinition: analysis.businessSupport.definition } : {}),
  };
}

/** What the gap is measured between, and on what. */
export interface GapAt {
  readonly col: PeerColumn;
  readonly value: number;
  readonly valueSources: readonly CellRef[];
  readonly topQuartileValue: number;
  /** How far above the top quartile the force is; 0 inside it. */
  readonly gap: number;
  readonly forceLabel: string;
}

function ratioTerms(at: GapAt): [GapSavingTerm, GapSavingTerm] {
  const overtime = at.col.known === "overtimePctPaybill";
  return [
    {
      name: overtime ? "force overtime ratio" : "force business-support share",
      value: at.value,
      kind: "fraction",
      sources: at.valueSources,
    },
    {
      name: overtime ? "top-quartile ratio" : "top-quartile share",
      value: at.topQuartileValue,
      kind: "fraction",
      sources: [],
      formula: "25th percentile of all forces in the peers sheet (PERCENTILE.INC)",
    },
  ];
}

function overtimeGap(at: GapAt, inputs: GapInputs, findings: Finding[]): GapSaving | null {
  const paybill = inputs.paybill;
  if (!paybill) {
    if (at.gap > 0)
      findings.push(
        finding(
          "info",
          "PEERS_GAP_NOT_PRICED",
          `${at.forceLabel}'s overtime is above the top quartile, but without its paybill the gap cannot be priced.`,
          at.col.headerCell,
          "Give the budget sheet's officer pay and overtime lines, so the paybill is known."
        )
      );
    return null;
  }
  return {
    amount: at.gap > 0 ? applyRate(paybill.value, at.gap) : 0,
    formula: "(force overtime ratio − top-quartile ratio) × paybill",
    terms: [
      ...ratioTerms(at),
      {
        name: inputs.yearText ? `paybill ${inputs.yearText}` : "paybill",
        value: paybill.value,
        kind: "pence",
        sources: paybill.sources,
        ...(paybill.formula ? { formula: paybill.formula } : {}),
      },
    ],
    estimate: true,
    sources: [...at.valueSources, ...paybill.sources],
  };
}

function supportGap(at: GapAt, inputs: GapInputs, findings: Finding[]): GapSaving | null {
  const fte = inputs.workforceFte;
  const cost = inputs.averageSupportCost;
  if (!fte || !cost) {
    if (at.gap > 0)
      findings.push(
        finding(
          "info",
          "PEERS_GAP_NOT_PRICED",
          `${at.forceLabel}'s business-support share is above the top quartile, but without ${!fte ? "its workforce FTE" : "the average cost of a support post"} the gap cannot be priced.`,
          at.col.headerCell,
          !fte
            ? "Give the workforce sheet's total FTE."
            : "Give the average cost of a business-support FTE in the Settings sheet, or staff pay and staff FTE."
        )
      );
    return null;
  }
  const excessFte = clean(at.gap * fte.value);
  return {
    amount: at.gap > 0 ? applyRate(cost.value, excessFte) : 0,
    formula:
      "(force business-support share − top-quartile share) × workforce FTE × average support cost",
    terms: [
      ...ratioTerms(at),
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
    sources: [...at.valueSources, ...fte.sources, ...cost.sources],
  };
}

/** The estimated saving from closing the gap, for overtime and business support; else null. */
export function priceGap(
  at: GapAt,
  settings: PeersSettings,
  findings: Finding[]
): GapSaving | null {
  const inputs = settings.gapInputs ?? {};
  if (at.col.known === "overtimePctPaybill") return overtimeGap(at, inputs, findings);
  if (at.col.known === "businessSupportPctWorkforce") return supportGap(at, inputs, findings);
  return null;
}
