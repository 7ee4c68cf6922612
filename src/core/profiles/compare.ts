/**
 * The force against all 43 forces in HMIC's profile data, where its workbook has no peers sheet
 * (a peers sheet in the workbook always wins): nationalPeers builds the table, the peers
 * analysis ranks it, and the result says which data, year and definition each comparison uses.
 */
import { analysePeers } from "../analysis/peers";
import { finding, sortFindings } from "../findings";
import { matchForce } from "../forces";
import type { GapInputs, PeersAnalysis, PeersSettings } from "../analysis/peersTypes";
import type { Analysis } from "../analysis/types";
import type { NationalComparer } from "../analysis/analyse";
import { gapInputsFromAnalysis } from "../analysis/peersGap";
import { NATIONAL_SHEET, nationalPeers } from "./nationalPeers";
import { NationalTable } from "./types";

export function compareWithNational(
  table: NationalTable,
  forceName: string,
  settings: PeersSettings = {}
): PeersAnalysis | undefined {
  // Nothing to compare: no figure of the force's own, and no force among the 43 named.
  const inputs = settings.gapInputs;
  if (!inputs?.overtimeRatio && !inputs?.supportShare && !matchForce(forceName)) return undefined;
  const built = nationalPeers(table, forceName, settings.gapInputs);
  if (!built) return undefined;
  const grouped = (settings.group ?? []).length > 0;
  const a = analysePeers(built.peers, forceName, {
    ...settings,
    // A most similar group's average is weighted by population where HMIC's data gives it.
    ...(grouped && !settings.weightColumn ? { weightColumn: "Population" } : {}),
  });
  const unknown = !a.matchedForce
    ? [
        finding(
          "warning",
          "PEERS_NATIONAL_FORCE_UNKNOWN",
          `${forceName.trim() || "The force"} is not one of the 43 forces by name, so its own figures are ranked beside all 43 in HMIC's data; if it is one of them, it is counted twice.`,
          undefined,
          "Enter the force's official name in the Settings sheet."
        ),
      ]
    : [];
  // The national table has no sheet to point at: its findings say what to do instead.
  const own = a.findings.map((f) =>
    f.code === "PEERS_NO_GROUP"
      ? finding(
          "info",
          "PEERS_NO_GROUP",
          `No most similar group was named for ${a.force}, so it is compared with all forces only.`,
          undefined,
          "Name up to seven most similar forces: in the pane, in the Settings sheet, or with --group."
        )
      : f.cell?.sheet === NATIONAL_SHEET || f.sheet === NATIONAL_SHEET
        ? { ...f, cell: undefined, sheet: undefined }
        : f
  );
  return { ...a, findings: sortFindings([...unknown, ...own]), national: built.national };
}

/**
 * The force's own figures to set beside HMIC's: for overtime, a year that is not a target or a
 * forecast, preferring one HMIC published (the latest such), then the latest actual, then the
 * latest other; business support in the same year where it has one, else by the same rule.
 * The paybill and workforce that price the gaps come from those same years.
 */
export function nationalGapInputs(
  analysis: Pick<Analysis, "overtime" | "businessSupport">,
  table: NationalTable
): GapInputs {
  const published = (key: "overtimeRatio" | "businessSupportRatio") =>
    new Set(table.records.filter((r) => r.indicators[key]).map((r) => r.year));
  const choose = <T extends { year: number; ratio: unknown; basis?: string }>(
    years: readonly T[],
    hmic: ReadonlySet<number>,
    prefer?: number
  ): T | undefined => {
    const own = years.filter(
      (y) => y.ratio !== null && y.basis !== "target" && y.basis !== "forecast"
    );
    const latest = (xs: T[]) => xs[xs.length - 1];
    return (
      own.find((y) => y.year === prefer) ??
      latest(own.filter((y) => hmic.has(y.year))) ??
      latest(own.filter((y) => y.basis === "actual")) ??
      latest(own)
    );
  };
  const ot = choose(analysis.overtime.byYear, published("overtimeRatio"));
  const bs = choose(analysis.businessSupport.byYear, published("businessSupportRatio"), ot?.year);
  return gapInputsFromAnalysis({
    overtime: { ...analysis.overtime, byYear: ot ? [ot] : [] },
    businessSupport: { ...analysis.businessSupport, byYear: bs ? [bs] : [] },
  });
}

/**
 * The comparison the analysis runs with HMIC's national table (AnalyseOptions.nationalComparer):
 * the force's own figures chosen by nationalGapInputs, ranked among the 43 by compareWithNational.
 */
export const compareNationalFigures: NationalComparer = (table, forceName, figures, settings) =>
  compareWithNational(table, forceName, {
    ...settings,
    gapInputs: nationalGapInputs(figures, table),
  });
