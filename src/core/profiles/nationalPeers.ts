/**
 * The comparison with all 43 forces from HMIC's profile data, for a workbook with no peers sheet.
 * The national table becomes a peers table (core/peersData.ts) that the peers analysis ranks as
 * it ranks a sheet, so the rank, quartile, top-quartile value, gap priced in pounds and ranked
 * chart are worked out once, the same way:
 * - each indicator is compared in the year of the force's own figure (its own workbook's ratio
 *   for 2009/10 beside the other forces' 2009/10), or, where HMIC published no figures for that
 *   year, the nearest year that has them, and the comparison says so in words;
 * - the force's own row carries its own figure from its workbook, never HMIC's nor a target;
 * - every other value cites its published cell as Excel writes a reference to another
 *   workbook: '[file]sheet'!A1.
 */
import { CellRef } from "../grid";
import { formatNumber, formatPoundsValue, formatYear } from "../format";
import { matchForce } from "../forces";
import { Sourced } from "../forceData";
import { OGL_ATTRIBUTION } from "../classifications/sources";
import { SUPPORT_DEFINITION_SPECS, SupportDefinition } from "../classifications/definitions";
import { KnownIndicatorKey, knownIndicator, PeerColumn, PeerRow, PeersData } from "../peersData";
import { FinancialYear } from "../years";
import type { GapInputs, NationalComparison, NationalComparisonLine } from "../analysis/peersTypes";
import { PER_POPULATION_KEYS, populationShifts, recordsFor } from "./national";
import { NationalTable, ProfileCell, ProfileIndicatorKey, ProfileRecord } from "./types";

/** The sheet name the national comparison goes under. */
export const NATIONAL_SHEET = "HMIC Value for Money profiles";

/** A published cell as Excel refers to a cell in another workbook. */
export function externalRef(c: ProfileCell): CellRef {
  return { sheet: `[${c.file}]${c.sheet}`, address: c.address };
}

/** The year to compare in: the force's own, else the nearest HMIC published (the earlier of two as near). */
export function nearestYear(
  years: readonly FinancialYear[],
  wanted: FinancialYear
): FinancialYear | undefined {
  let best: FinancialYear | undefined;
  for (const y of years)
    if (best === undefined || Math.abs(y - wanted) < Math.abs(best - wanted)) best = y;
  return best;
}

interface Planned {
  readonly key: ProfileIndicatorKey;
  readonly known: KnownIndicatorKey;
  readonly year: FinancialYear;
  readonly forceYear?: FinancialYear;
  readonly own?: {
    readonly value: number;
    readonly sources: readonly CellRef[];
    readonly year: FinancialYear;
  };
}

const PROFILE_OF: Readonly<
  Record<
    "overtimePctPaybill" | "businessSupportPctWorkforce" | "nrePerHead" | "officersPer1000",
    ProfileIndicatorKey
  >
> = {
  overtimePctPaybill: "overtimeRatio",
  businessSupportPctWorkforce: "businessSupportRatio",
  nrePerHead: "nrePerHead",
  officersPer1000: "officersPer1000",
};

/*
 * Not ranked here: non-staff costs as a share of staff costs (nonStaffPctStaffCosts), which the
 * profile readers work out and `vfm profiles` reports. It is left out of the comparison, and of
 * the shipped dataset (dataset.ts), because:
 * - no White Paper paragraph says which way it is better (a policy rule must cite one; 5.31-5.40
 *   price non-pay spend through national frameworks, not as a share of pay), so it has no known
 *   indicator and no direction to rank it by;
 * - the force's workbook has no figure on the same basis (its non-pay lines are its own
 *   grouping, not CIPFA's non-staff costs less national policing), so only HMIC's figure could
 *   stand in the force's row;
 * - HMIC's own figures are not on one footing across years: the 2016/17 file lists no
 *   third-party payments (PROFILE_NON_STAFF_PARTIAL, reads low), and the 2010 file's published
 *   ratio differs from its own cells for Surrey (23.20% published, 24.44% worked out).
 */

function yearsWith(table: NationalTable, key: ProfileIndicatorKey): FinancialYear[] {
  return table.years.filter((y) => recordsFor(table, y).some((r) => r.indicators[key]));
}

function lineWords(
  p: Planned,
  basis: string,
  definition: string | undefined,
  forces: number,
  ownDefinition: SupportDefinition | undefined,
  recordsDef: SupportDefinition | undefined
): string {
  const name = knownIndicator(p.known)?.name ?? p.known;
  const head = `${name}: compared with ${forces} forces in HMIC's Value for Money profile data for ${formatYear(p.year)} (${basis}${definition ? `; ${definition}` : ""})`;
  const when =
    p.forceYear === undefined
      ? "; the workbook has no figure of its own, so HMIC's figure for the force is used"
      : p.forceYear === p.year
        ? `, the year of the force's own figure`
        : `; the force's own figure is for ${formatYear(p.forceYear)}, for which HMIC published none, and ${formatYear(p.year)} is the nearest year that HMIC did`;
  const measure =
    p.known === "businessSupportPctWorkforce" &&
    ownDefinition &&
    recordsDef &&
    ownDefinition !== recordsDef
      ? `. The force's own share is on ${SUPPORT_DEFINITION_SPECS[ownDefinition].name}, HMIC's on ${SUPPORT_DEFINITION_SPECS[recordsDef].name}: not the same measure`
      : "";
  return `${head}${when}${measure}.`;
}

/**
 * The national table as a peers table for the force, and the words saying which data, year and
 * definition each indicator uses. Undefined when the table has none of the indicators.
 */
export function nationalPeers(
  table: NationalTable,
  forceName: string,
  inputs: GapInputs = {}
): { peers: PeersData; national: NationalComparison } | undefined {
  const target = matchForce(forceName)?.force;
  const plans: Planned[] = [];
  const planFor = (
    known: keyof typeof PROFILE_OF,
    own: Planned["own"] | undefined,
    fallback: FinancialYear | undefined
  ) => {
    const key = PROFILE_OF[known];
    const years = yearsWith(table, key);
    const wanted = own?.year ?? fallback;
    const year = wanted === undefined ? years[years.length - 1] : nearestYear(years, wanted);
    if (year === undefined) return;
    plans.push({ key, known, year, ...(own ? { forceYear: own.year, own } : {}) });
  };
  const ot =
    inputs.overtimeRatio && inputs.overtimeYear !== undefined
      ? { ...inputs.overtimeRatio, year: inputs.overtimeYear }
      : undefined;
  const bs =
    inputs.supportShare && inputs.supportYear !== undefined
      ? { ...inputs.supportShare, year: inputs.supportYear }
      : undefined;
  const anchor = ot?.year ?? bs?.year;
  planFor("overtimePctPaybill", ot, anchor);
  planFor("businessSupportPctWorkforce", bs, anchor);
  // Spend per head and officers per 1,000: HMIC's figures, in the overtime comparison's year only.
  const otYear = plans.find((p) => p.known === "overtimePctPaybill")?.year;
  for (const known of ["nrePerHead", "officersPer1000"] as const)
    if (otYear !== undefined && yearsWith(table, PROFILE_OF[known]).includes(otYear))
      plans.push({ key: PROFILE_OF[known], known, year: otYear });
  if (plans.length === 0) return undefined;

  // HMIC's per-head figures of a force whose population basis moves (City of London: 316,500 in
  // the 2010 files, 11,677 residents in 2012/13) are shown and ranked but left out of the
  // quartile edges and the averages, and the comparison says so. Why leave them out, not just
  // flag them: HMIC itself sets the City of London apart (its profiles give it no most similar
  // group: rulebook, Benchmarking 5.59), and on 11,677 residents its 2012/13 figures are
  // £7,743.60 of spending per head and 75.84 officers per 1,000 against at most £422.59 and 4.35
  // for any other force in any year: a measure of something else (a City whose workers far
  // outnumber its residents). Counted in, it moves the top-quartile edges every gap is measured
  // from (2012/13 spending per head: 75th percentile £210.15 with it, £207.18 without) and nearly
  // doubles the all-forces average (£372.42 with it, £196.92 without).
  const shifts = new Map(populationShifts(table.records).map((s) => [s.forceId, s]));
  const offFooting = new Map<string, Map<string, string>>(); // forceId -> column key -> why
  const columns: PeerColumn[] = [];
  const lines: NationalComparisonLine[] = [];
  plans.forEach((p, i) => {
    const k = knownIndicator(p.known);
    const records = recordsFor(table, p.year).filter((r) => r.indicators[p.key]);
    const first = records[0]?.indicators[p.key]?.cells[0];
    const basis = records[0]?.basis[p.key] ?? "";
    const defId =
      p.key === "businessSupportRatio" ? records[0]?.definitions.businessSupportRatio : undefined;
    const definition = defId ? SUPPORT_DEFINITION_SPECS[defId].name : undefined;
    columns.push({
      key: p.known,
      known: p.known,
      name: k?.name ?? p.known,
      header: `${k?.name ?? p.known}, HMIC ${formatYear(p.year)}`,
      headerCell: first ? externalRef(first) : { sheet: NATIONAL_SHEET, address: "A1" },
      role: "indicator",
      isPercent: k?.isPercent ?? false,
      ...(k?.unit ? { unit: k.unit } : {}),
      column: i + 1,
    });
    const files = [
      ...new Set(records.flatMap((r) => r.indicators[p.key]?.cells.map((c) => c.file) ?? [])),
    ];
    const flagged = PER_POPULATION_KEYS.includes(p.key)
      ? records.filter((r) => shifts.get(r.forceId)?.offFooting.includes(r.year))
      : [];
    const footing = flagged.map((r) => {
      const s = shifts.get(r.forceId)!;
      const why = `its population in HMIC's data is ${formatNumber(r.population?.value ?? s.low.population.value)} for ${formatYear(r.year)}, against ${formatNumber(s.high.population.value)} for ${formatYear(s.high.year)}`;
      const byKey = offFooting.get(r.forceId) ?? new Map<string, string>();
      byKey.set(p.known, why);
      offFooting.set(r.forceId, byKey);
      const v = r.indicators[p.key]!.value;
      const shown = k?.unit === "£" ? formatPoundsValue(v) : formatNumber(v, 2);
      const own = target?.id === r.forceId;
      return ` ${own ? "The force's" : `${r.force}'s`} figure (${shown}) is not on the same footing as the other forces': ${why}. It is ranked, but${own ? " has no quartile, and" : ""} the quartiles and averages are of the other ${records.length - flagged.length} forces.`;
    });
    lines.push({
      key: p.known,
      name: k?.name ?? p.known,
      year: p.year,
      ...(p.forceYear !== undefined ? { forceYear: p.forceYear } : {}),
      basis,
      ...(definition ? { definition } : {}),
      files,
      forces: records.length,
      words:
        lineWords(p, basis, definition, records.length, inputs.supportDefinition, defId) +
        footing.join(""),
    });
  });
  const popCol: PeerColumn = {
    key: "col:population",
    name: "Population",
    header: "Population",
    headerCell: { sheet: NATIONAL_SHEET, address: "A1" },
    role: "context",
    isPercent: false,
    column: columns.length + 1,
  };

  const popYear = plans[0].year;
  const byForce = new Map<string, ProfileRecord[]>();
  for (const r of table.records) byForce.set(r.forceId, [...(byForce.get(r.forceId) ?? []), r]);
  const rows: PeerRow[] = [];
  const own = new Map(plans.filter((p) => p.own).map((p) => [p.known, p.own!]));
  for (const [forceId, recs] of byForce) {
    const values = new Map<string, Sourced<number>>();
    const isOwn = target?.id === forceId;
    for (const p of plans) {
      const mine = isOwn ? own.get(p.known) : undefined;
      if (mine) {
        values.set(p.known, {
          value: mine.value,
          sources: mine.sources,
          how: `the force's own workbook, ${formatYear(mine.year)}`,
        });
        continue;
      }
      const v = recs.find((r) => r.year === p.year)?.indicators[p.key];
      if (v)
        values.set(p.known, {
          value: v.value,
          sources: v.cells.map(externalRef),
          how: `HMIC profile data ${formatYear(p.year)}: ${v.formula}`,
        });
    }
    // Population to weight a group average: the comparison year's, else the force's nearest year's.
    const withPop = recs.filter((r) => r.population);
    const py = nearestYear(
      withPop.map((r) => r.year),
      popYear
    );
    const pop = withPop.find((r) => r.year === py)?.population;
    if (pop)
      values.set(popCol.key, {
        value: pop.value,
        sources: [externalRef(pop)],
        how: `population (${pop.what}), ${formatYear(py as number)}`,
      });
    if (values.size === 0) continue;
    const name = recs[0].force;
    const off = offFooting.get(forceId);
    rows.push({
      name,
      nameCell: { sheet: NATIONAL_SHEET, address: `A${rows.length + 2}` },
      ...(matchForce(name) ? { force: matchForce(name)!.force } : {}),
      isOwnForce: isOwn,
      values,
      ...(off ? { notComparable: off } : {}),
    });
  }
  if (!target && forceName.trim()) {
    // A force not among the 43 (a test or training workbook) is ranked among them with its own figures.
    const values = new Map<string, Sourced<number>>();
    for (const [k, v] of own)
      values.set(k, {
        value: v.value,
        sources: v.sources,
        how: `the force's own workbook, ${formatYear(v.year)}`,
      });
    if (values.size > 0)
      rows.unshift({
        name: forceName.trim(),
        nameCell: { sheet: NATIONAL_SHEET, address: "A1" },
        isOwnForce: true,
        values,
      });
  }
  const peers: PeersData = {
    sheet: NATIONAL_SHEET,
    headerRow: 0,
    forceColumn: 0,
    how: "HMIC's Value for Money profile data shipped with the add-in",
    form: "freeForm",
    columns: [...columns, popCol],
    rows,
    findings: [],
  };
  return { peers, national: { attribution: OGL_ATTRIBUTION, lines } };
}
