/**
 * The peers benchmark as JSON (`vfm peers --json`), in the conventions of `vfm analyse --json`:
 * money in pounds with at most two decimals, ratios as fractions (0.058, not 5.8), cells
 * "Sheet!C7".
 */
import { formatYear } from "../format";
import { formatRef } from "../grid";
import { Finding, findingPlace } from "../findings";
import { toPounds } from "../money";
import { GapSaving, PeersAnalysis } from "./peers";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type PeersJson = { [k: string]: Json };

export const PEERS_JSON_VERSION = 1;

/** Ten decimals: enough for any check, without float noise. */
const num = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 1e10) / 1e10;

function findingJson(f: Finding): Json {
  return {
    severity: f.severity,
    code: f.code,
    message: f.message,
    cell: findingPlace(f) ?? null,
    ...(f.fix ? { fix: f.fix } : {}),
  };
}

function gapJson(g: GapSaving | null): Json {
  if (!g) return null;
  return {
    amount: toPounds(g.amount),
    estimate: true,
    formula: g.formula,
    terms: g.terms.map((t) => ({
      name: t.name,
      value: t.kind === "pence" ? toPounds(t.value) : num(t.value),
      unit: t.kind === "pence" ? "£" : t.kind,
      cells: t.sources.map(formatRef),
      ...(t.formula ? { formula: t.formula } : {}),
    })),
    ...(g.excessFte !== undefined ? { excessFte: num(g.excessFte) } : {}),
    cells: g.sources.map(formatRef),
  };
}

export function peersToJson(a: PeersAnalysis): PeersJson {
  return {
    version: PEERS_JSON_VERSION,
    force: a.force,
    forceCell: a.forceCell ? formatRef(a.forceCell) : null,
    sheet: a.sheet,
    illustrative: a.illustrative,
    group: [...a.group],
    groupSource: a.groupSource,
    groupCell: a.groupCell ? formatRef(a.groupCell) : null,
    groupAverage: {
      includesForce: a.groupAverage.includesForce,
      weightedBy: a.groupAverage.weightedBy ?? null,
    },
    forcesInSheet: a.forcesInSheet,
    ...(a.national
      ? {
          national: {
            attribution: a.national.attribution,
            comparisons: a.national.lines.map((l) => ({
              indicator: l.key,
              year: formatYear(l.year),
              forceYear: l.forceYear === undefined ? null : formatYear(l.forceYear),
              basis: l.basis,
              definition: l.definition ?? null,
              files: [...l.files],
              forces: l.forces,
              words: l.words,
            })),
          },
        }
      : {}),
    percentiles: "PERCENTILE.INC (mathjs quantileSeq, linear interpolation)",
    indicators: a.indicators.map((i) => ({
      key: i.key,
      name: i.name,
      direction: i.direction,
      directionSource: i.directionSource,
      unit: i.isPercent ? "fraction" : (i.unit ?? null),
      value: num(i.value),
      cell: i.valueCell ? formatRef(i.valueCell) : null,
      rank: i.rank,
      of: i.of,
      quartile: i.quartile,
      topQuartileValue: num(i.topQuartileValue),
      msgAverage: num(i.msgAverage),
      msgCount: i.msgCount,
      allAverage: num(i.allAverage),
      gapToTopQuartile: num(i.gapToTopQuartile),
      percentiles: i.percentiles
        ? {
            p25: num(i.percentiles.p25),
            p50: num(i.percentiles.p50),
            p75: num(i.percentiles.p75),
          }
        : null,
      threshold: i.threshold
        ? { value: i.threshold.value, paragraph: i.threshold.paragraph }
        : null,
      gapSaving: gapJson(i.gapSaving),
      // Ranked but not in the percentiles or averages (not on the same footing), where any are.
      ...(i.leftOut
        ? {
            leftOutOfQuartiles: i.leftOut.map((x) => ({
              force: x.name,
              value: num(x.value),
              why: x.why,
            })),
          }
        : {}),
    })),
    findings: a.findings.map(findingJson),
  };
}
