/**
 * The national table: which profile layout a workbook is, each file read by its reader, and the
 * files merged into one record per force and year. Then, per year and indicator, the spread of
 * the forces' values with Excel's arithmetic (PERCENTILE.INC quartiles, RANK.EQ ranks).
 */
import { Finding, finding, sortFindings } from "../findings";
import { formatNumber, formatYear } from "../format";
import { quoteSheetName } from "../grid";
import { FinancialYear } from "../years";
import { Direction, KnownIndicatorKey, knownIndicator } from "../peersData";
import {
  competitionRank,
  meanOf,
  Percentiles,
  quartileOf,
  quartilePoints,
} from "../analysis/peersStats";
import {
  FileProfile,
  NationalTable,
  ProfileCell,
  PROFILE_INDICATOR_KEYS,
  ProfileIndicatorKey,
  ProfileRecord,
} from "./types";

type MutableRecord = {
  -readonly [K in keyof ProfileRecord]: ProfileRecord[K] extends object
    ? { -readonly [J in keyof ProfileRecord[K]]: ProfileRecord[K][J] }
    : ProfileRecord[K];
};

/** Merges files: one record per force and year; a value two files both give is taken from the first, with a note where they differ. */
export function nationalTable(files: readonly FileProfile[]): NationalTable {
  const findings: Finding[] = [];
  const byKey = new Map<string, MutableRecord>();
  const seenFiles = new Set<string>();
  const used: FileProfile[] = [];
  for (const f of files) {
    if (seenFiles.has(f.source.file)) {
      findings.push(
        finding("info", "PROFILE_FILE_TWICE", `${f.source.file} was given twice; it is read once.`)
      );
      continue;
    }
    seenFiles.add(f.source.file);
    used.push(f);
    findings.push(...f.findings);
    for (const r of f.records) {
      const k = `${r.forceId}|${r.year}`;
      const into = byKey.get(k);
      if (!into) {
        byKey.set(k, {
          ...r,
          indicators: { ...r.indicators },
          definitions: { ...r.definitions },
          basis: { ...r.basis },
        });
        continue;
      }
      for (const key of PROFILE_INDICATOR_KEYS) {
        const v = r.indicators[key];
        if (!v) continue;
        const had = into.indicators[key];
        if (!had) {
          into.indicators[key] = v;
          into.basis[key] = r.basis[key];
          if (key === "overtimeRatio") into.definitions.overtimeRatio = r.definitions.overtimeRatio;
          if (key === "businessSupportRatio")
            into.definitions.businessSupportRatio = r.definitions.businessSupportRatio;
        } else if (Math.abs(had.value - v.value) > 1e-9)
          findings.push(
            finding(
              "info",
              "PROFILE_VALUE_TWICE",
              `${r.force}'s ${INDICATOR_NAMES[key]} for ${formatYear(r.year)} is in ${had.cells[0]?.file} and in ${v.cells[0]?.file}; the first is used.`
            )
          );
      }
      if (!into.population && r.population) into.population = r.population;
    }
  }
  const records = [...byKey.values()].sort(
    (a, b) => a.year - b.year || a.force.localeCompare(b.force)
  ) as ProfileRecord[];
  findings.push(...populationJumps(records));
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  return { sources: used.map((f) => f.source), years, records, findings: sortFindings(findings) };
}

/** A force's population in one year more than twice (or under half) another's: its per-head figures measure different things. */
const POPULATION_JUMP = 2;

/** A force whose population in the files moves by more than POPULATION_JUMP: its lowest and highest year. */
export interface PopulationShift {
  readonly forceId: string;
  readonly force: string;
  readonly low: { readonly year: FinancialYear; readonly population: ProfileCell };
  readonly high: { readonly year: FinancialYear; readonly population: ProfileCell };
  /**
   * The years whose population is under half the highest (City of London: 2012/13, 11,677
   * residents against 316,500 for 2009/10). In those years its figures per head and per 1,000
   * are many times any other force's (2012/13: £7,743.60 per head, the next £422.59), a measure
   * of something else, so a comparison with the other forces sets them apart. The other years'
   * figures sit among the other forces' (2009/10: £266.06, 41st of 43).
   */
  readonly offFooting: readonly FinancialYear[];
}

/**
 * The forces whose population moves by more than a factor of two between the years the files
 * give (the 2010 files count the City of London's population as about 316,500, the 2012 file its
 * 11,677 residents): their figures per head and per 1,000 are not comparable across those
 * years, nor with other forces' on the same footing.
 */
export function populationShifts(records: readonly ProfileRecord[]): PopulationShift[] {
  const out: PopulationShift[] = [];
  const byForce = new Map<string, ProfileRecord[]>();
  for (const r of records)
    if (r.population) byForce.set(r.forceId, [...(byForce.get(r.forceId) ?? []), r]);
  for (const rs of byForce.values()) {
    const sorted = [...rs].sort((a, b) => a.population!.value - b.population!.value);
    const low = sorted[0];
    const high = sorted[sorted.length - 1];
    if (high.population!.value <= POPULATION_JUMP * low.population!.value) continue;
    out.push({
      forceId: low.forceId,
      force: low.force,
      low: { year: low.year, population: low.population! },
      high: { year: high.year, population: high.population! },
      offFooting: rs
        .filter((r) => r.population!.value * POPULATION_JUMP < high.population!.value)
        .map((r) => r.year)
        .sort((a, b) => a - b),
    });
  }
  return out;
}

/** A finding for each population shift, naming both cells. */
function populationJumps(records: readonly ProfileRecord[]): Finding[] {
  const cell = (c: ProfileCell) => `${c.file} ${quoteSheetName(c.sheet)}!${c.address}`;
  return populationShifts(records).map(({ force, low, high }) =>
    finding(
      "warning",
      "PROFILE_POPULATION_JUMPS",
      `${force}'s population is ${formatNumber(low.population.value)} for ${formatYear(low.year)} (${cell(low.population)}) but ${formatNumber(high.population.value)} for ${formatYear(high.year)} (${cell(high.population)}), so its figures per head and per 1,000 residents in those years are not on the same footing.`
    )
  );
}

/** The indicators worked out over a force's population: a population shift puts them off footing. */
export const PER_POPULATION_KEYS: readonly ProfileIndicatorKey[] = [
  "nrePerHead",
  "officersPer1000",
];

/** The indicators' names in sentences and tables. */
export const INDICATOR_NAMES: Readonly<Record<ProfileIndicatorKey, string>> = {
  overtimeRatio: "officer overtime as a share of officer pay",
  businessSupportRatio: "business support (IT left out) as a share of the workforce",
  nrePerHead: "net revenue expenditure per head of population",
  officersPer1000: "police officers per 1,000 population",
  nonStaffPctStaffCosts: "non-staff costs as a share of staff costs",
};

/** The peers-sheet indicator each profile indicator is (for its direction and the peers sheet). */
export const PEER_KEY: Readonly<Partial<Record<ProfileIndicatorKey, KnownIndicatorKey>>> = {
  overtimeRatio: "overtimePctPaybill",
  businessSupportRatio: "businessSupportPctWorkforce",
  nrePerHead: "nrePerHead",
  officersPer1000: "officersPer1000",
};

export function profileDirection(key: ProfileIndicatorKey): Direction {
  const k = PEER_KEY[key];
  return k ? (knownIndicator(k)?.defaultDirection ?? "lowerIsBetter") : "lowerIsBetter";
}

export interface IndicatorSpread {
  readonly key: ProfileIndicatorKey;
  readonly year: FinancialYear;
  readonly direction: Direction;
  /** Forces with a value. */
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** PERCENTILE.INC at 0.25, 0.5, 0.75. */
  readonly percentiles: Percentiles;
  /** Rank (RANK.EQ, 1 = best) and quartile (1 = best) by force id. */
  readonly ranks: ReadonlyMap<string, { readonly rank: number; readonly quartile: 1 | 2 | 3 | 4 }>;
  /**
   * Figures counted in the spread above (all of them, as Excel would) that are not on the same
   * footing as the others': a per-head figure in a year a force's population is off footing
   * (PopulationShift.offFooting; City of London 2012/13). The national comparison leaves them
   * out of its quartiles (nationalPeers.ts); a reader of these figures must know they are in.
   */
  readonly offFooting: readonly {
    readonly forceId: string;
    readonly force: string;
    readonly value: number;
  }[];
}

/** The records of one year. */
export function recordsFor(table: NationalTable, year: FinancialYear): ProfileRecord[] {
  return table.records.filter((r) => r.year === year);
}

/** The spread of one indicator over the forces that have it in a year; undefined when none has. */
export function indicatorSpread(
  table: NationalTable,
  year: FinancialYear,
  key: ProfileIndicatorKey,
  direction: Direction = profileDirection(key)
): IndicatorSpread | undefined {
  const points = recordsFor(table, year).flatMap((r) => {
    const v = r.indicators[key];
    return v ? [{ id: r.forceId, v: v.value }] : [];
  });
  if (points.length === 0) return undefined;
  const values = points.map((p) => p.v);
  const percentiles = quartilePoints(values);
  const ranks = new Map(
    points.map((p) => [
      p.id,
      {
        rank: competitionRank(p.v, values, direction),
        quartile: quartileOf(p.v, percentiles, direction),
      },
    ])
  );
  const shifted = PER_POPULATION_KEYS.includes(key)
    ? populationShifts(table.records).filter((s) => s.offFooting.includes(year))
    : [];
  const offFooting = shifted.flatMap((s) => {
    const v = recordsFor(table, year).find((r) => r.forceId === s.forceId)?.indicators[key];
    return v ? [{ forceId: s.forceId, force: s.force, value: v.value }] : [];
  });
  return {
    key,
    year,
    direction,
    offFooting,
    count: points.length,
    min: Math.min(...values),
    max: Math.max(...values),
    mean: meanOf(values),
    percentiles,
    ranks,
  };
}
