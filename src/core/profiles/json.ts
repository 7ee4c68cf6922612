/**
 * The national table as JSON (`vfm profiles --json`): sources, years, one entry per force and
 * year with its indicators (fractions for ratios), their definitions, rank and quartile among
 * the forces that year, and the cells every value came from; then the findings. Its schema is
 * schema/profiles.schema.json.
 */
import { findingPlace } from "../findings";
import { formatYear } from "../format";
import { OGL_ATTRIBUTION } from "../classifications/sources";
import { indicatorSpread, IndicatorSpread } from "./national";
import { NationalTable, PROFILE_INDICATOR_KEYS, ProfileCell, ProfileIndicatorKey } from "./types";

const cellJson = (c: ProfileCell) => ({
  file: c.file,
  sheet: c.sheet,
  cell: c.address,
  value: c.value,
  what: c.what,
});

export function nationalTableToJson(table: NationalTable) {
  const spreads = new Map<string, IndicatorSpread>();
  for (const y of table.years)
    for (const k of PROFILE_INDICATOR_KEYS) {
      const s = indicatorSpread(table, y, k);
      if (s) spreads.set(`${y}|${k}`, s);
    }
  return {
    schemaVersion: 1 as const,
    attribution: OGL_ATTRIBUTION,
    sources: table.sources.map((s) => ({
      file: s.file,
      layout: s.layout,
      title: s.title,
      years: s.years.map(formatYear),
      forces: s.forces,
      yearFrom: s.yearFrom,
    })),
    years: table.years.map(formatYear),
    summary: [...spreads.values()].map((s) => ({
      year: formatYear(s.year),
      indicator: s.key,
      better: s.direction === "lowerIsBetter" ? "lower" : "higher",
      forces: s.count,
      min: s.min,
      p25: s.percentiles.p25,
      median: s.percentiles.p50,
      p75: s.percentiles.p75,
      max: s.max,
      mean: s.mean,
      // Counted in the figures above though not on the same footing (City of London 2012/13).
      ...(s.offFooting.length > 0
        ? { notOnSameFooting: s.offFooting.map((o) => ({ force: o.force, value: o.value })) }
        : {}),
    })),
    forces: table.records.map((r) => {
      const indicators: Partial<Record<ProfileIndicatorKey, number>> = {};
      const cells: Partial<Record<ProfileIndicatorKey, unknown>> = {};
      const ranks: Partial<
        Record<ProfileIndicatorKey, { rank: number; of: number; quartile: number }>
      > = {};
      for (const k of PROFILE_INDICATOR_KEYS) {
        const v = r.indicators[k];
        if (!v) continue;
        indicators[k] = v.value;
        cells[k] = {
          formula: v.formula,
          from: v.cells.map(cellJson),
          ...(v.published ? { published: cellJson(v.published) } : {}),
          basis: r.basis[k],
        };
        const s = spreads.get(`${r.year}|${k}`);
        const rk = s?.ranks.get(r.forceId);
        if (s && rk) ranks[k] = { rank: rk.rank, of: s.count, quartile: rk.quartile };
      }
      return {
        force: r.force,
        forceId: r.forceId,
        year: formatYear(r.year),
        indicators,
        definitions: r.definitions,
        ranks,
        ...(r.population ? { population: cellJson(r.population) } : {}),
        cells,
      };
    }),
    findings: table.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      ...(findingPlace(f) ? { where: findingPlace(f) } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    })),
  };
}
