/**
 * The national table packed for shipping (src/core/profiles/nationalData.ts, written by
 * scripts/national-data.mjs from HMIC's files) and unpacked again. Packing loses nothing the
 * comparison uses: every value, formula, definition, basis and cell of the indicators it ranks
 * (SHIPPED_INDICATOR_KEYS); file names, sheet names and cell descriptions are held once in lists
 * and referred to by number. Non-staff costs as a share of staff costs, which the comparison does
 * not rank and whose POA sums run to twenty cells a force, stay with `vfm profiles`.
 */
import { Finding } from "../findings";
import { OGL_ATTRIBUTION } from "../classifications/sources";
import {
  NationalTable,
  PROFILE_INDICATOR_KEYS,
  ProfileCell,
  ProfileIndicatorKey,
  ProfileIndicators,
  ProfileRecord,
  ProfileSource,
  ProfileValue,
} from "./types";
import { PEER_KEY } from "./national";

/** The indicators the shipped dataset carries: those the national comparison ranks. */
export const SHIPPED_INDICATOR_KEYS: readonly ProfileIndicatorKey[] = PROFILE_INDICATOR_KEYS.filter(
  (k) => PEER_KEY[k] !== undefined
);

/**
 * The eight files HMIC published, in the order the national table reads them (where two give
 * the same value, the first is used). scripts/national-data.mjs reads these from
 * test/fixtures/hmic-vfm/.
 */
export const PUBLISHED_PROFILE_FILES: readonly string[] = [
  "value-for-money-2010-underlying-data-20100609.xls",
  "2010-11-value-for-money-profile-data-workforce-20110511.csv",
  "value-for-money-profile-data-2012.ods",
  "poa-data-2013.xlsx",
  "value-for-money-profile-2014-poa-data.ods",
  "value-for-money-profile-2015-poa-data-.ods",
  "HMIC-VFM-2016-open-data-POA.ods",
  "HMICFRS-VFM-2017-open-data-POA.ods",
];

/** [file, sheet, address, value, what] as indexes into the string list, except address and value. */
type PackedCell = [number, number, string, number, number];

interface PackedValue {
  readonly v: number;
  readonly f: string;
  readonly c: PackedCell[];
  readonly p?: PackedCell;
  readonly b: number;
}

interface PackedRecord {
  readonly id: string;
  readonly n: string;
  readonly y: number;
  readonly i: Partial<Record<keyof ProfileIndicators, PackedValue>>;
  readonly d: ProfileRecord["definitions"];
  readonly pop?: PackedCell;
}

export interface PackedNationalTable {
  readonly format: 1;
  readonly attribution: string;
  readonly strings: string[];
  readonly sources: ProfileSource[];
  readonly records: PackedRecord[];
  readonly findings: Finding[];
}

export function packNationalTable(table: NationalTable): PackedNationalTable {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (text: string): number => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return i;
  };
  const cell = (c: ProfileCell): PackedCell => [
    s(c.file),
    s(c.sheet),
    c.address,
    c.value,
    s(c.what),
  ];
  const records = table.records.map((r): PackedRecord => {
    const i: Partial<Record<keyof ProfileIndicators, PackedValue>> = {};
    for (const k of SHIPPED_INDICATOR_KEYS) {
      const v = r.indicators[k];
      if (!v) continue;
      i[k] = {
        v: v.value,
        f: v.formula,
        c: v.cells.map(cell),
        ...(v.published ? { p: cell(v.published) } : {}),
        b: s(r.basis[k] ?? ""),
      };
    }
    return {
      id: r.forceId,
      n: r.force,
      y: r.year,
      i,
      d: r.definitions,
      ...(r.population ? { pop: cell(r.population) } : {}),
    };
  });
  return {
    format: 1,
    attribution: OGL_ATTRIBUTION,
    strings,
    sources: [...table.sources],
    records,
    findings: [...table.findings],
  };
}

export function unpackNationalTable(packed: PackedNationalTable): NationalTable {
  const t = packed.strings;
  const cell = (c: PackedCell): ProfileCell => ({
    file: t[c[0]],
    sheet: t[c[1]],
    address: c[2],
    value: c[3],
    what: t[c[4]],
  });
  const records = packed.records.map((r): ProfileRecord => {
    const indicators: { -readonly [K in keyof ProfileIndicators]: ProfileValue } = {};
    const basis: Partial<Record<keyof ProfileIndicators, string>> = {};
    for (const k of PROFILE_INDICATOR_KEYS) {
      const v = r.i[k];
      if (!v) continue;
      indicators[k] = {
        value: v.v,
        formula: v.f,
        cells: v.c.map(cell),
        ...(v.p ? { published: cell(v.p) } : {}),
      };
      basis[k] = t[v.b];
    }
    return {
      forceId: r.id,
      force: r.n,
      year: r.y,
      indicators,
      definitions: r.d,
      ...(r.pop ? { population: cell(r.pop) } : {}),
      basis,
    };
  });
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  return { sources: packed.sources, years, records, findings: packed.findings };
}
