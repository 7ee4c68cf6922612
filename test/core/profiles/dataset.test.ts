/**
 * The national dataset the add-in ships (src/core/profiles/nationalData.ts) is what
 * scripts/national-data.mjs builds from HMIC's eight files: read afresh here, merged, packed,
 * it is the shipped data exactly; unpacked, it is the table the readers give, cells and all.
 */
import { NATIONAL_DATA_JSON } from "../../../src/core/profiles/nationalData";
import {
  nationalTable,
  packNationalTable,
  PUBLISHED_PROFILE_FILES,
  SHIPPED_INDICATOR_KEYS,
  unpackNationalTable,
} from "../../../src/core/profiles";
import { NationalTable } from "../../../src/core/profiles/types";
import { profileOf } from "./profileFiles";

let fresh: NationalTable;
beforeAll(async () => {
  const files = [];
  for (const f of PUBLISHED_PROFILE_FILES) files.push(await profileOf(f));
  fresh = nationalTable(files);
}, 120_000);

test("the shipped dataset is a fresh build of the eight files (re-run scripts/national-data.mjs if not)", () => {
  expect(JSON.parse(NATIONAL_DATA_JSON)).toEqual(
    JSON.parse(JSON.stringify(packNationalTable(fresh)))
  );
});

test("unpacked, it is the national table: 43 forces in each of eight years, every value and cell", () => {
  const shipped = unpackNationalTable(JSON.parse(NATIONAL_DATA_JSON));
  expect(shipped.years).toEqual([2008, 2009, 2012, 2013, 2014, 2015, 2016, 2017]);
  for (const y of shipped.years)
    expect(shipped.records.filter((r) => r.year === y)).toHaveLength(43);
  // Every indicator the comparison ranks, cells and all; non-staff shares stay with `vfm profiles`.
  expect(SHIPPED_INDICATOR_KEYS).toEqual([
    "overtimeRatio",
    "businessSupportRatio",
    "nrePerHead",
    "officersPer1000",
  ]);
  const ranked = fresh.records.map((r) => ({
    ...r,
    indicators: Object.fromEntries(
      Object.entries(r.indicators).filter(([k]) => k !== "nonStaffPctStaffCosts")
    ),
    basis: Object.fromEntries(
      Object.entries(r.basis).filter(([k]) => k !== "nonStaffPctStaffCosts")
    ),
  }));
  expect(shipped.records).toEqual(ranked);
  expect(JSON.parse(NATIONAL_DATA_JSON).attribution).toMatch(/Open Government Licence v3\.0/);
});
