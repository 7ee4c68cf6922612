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
  expect(shipped.records).toEqual(fresh.records);
  expect(JSON.parse(NATIONAL_DATA_JSON).attribution).toMatch(/Open Government Licence v3\.0/);
});
