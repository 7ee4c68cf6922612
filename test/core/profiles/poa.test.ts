/**
 * The POA files of 2012-2017 (CIPFA estimates): each recognised in its own layout, its year told
 * by its notes or its name, all 43 forces, and the ratios worked from the whole-force rows.
 */
import { nationalTable, recordsFor } from "../../../src/core/profiles";
import { profileOf } from "./profileFiles";

test.each([
  ["value-for-money-profile-data-2012.ods", "poaLong2012", 2012],
  ["poa-data-2013.xlsx", "poaWide", 2013],
  ["value-for-money-profile-2014-poa-data.ods", "poaWide", 2014],
  ["value-for-money-profile-2015-poa-data-.ods", "poaWide", 2015],
  ["HMIC-VFM-2016-open-data-POA.ods", "poaWide", 2016],
  ["HMICFRS-VFM-2017-open-data-POA.ods", "poaWide", 2017],
] as const)(
  "%s: %s, %i estimates, 43 forces with overtime and POA business support",
  async (file, layout, year) => {
    const p = await profileOf(file);
    expect(p.source.layout).toBe(layout);
    expect(p.source.years).toEqual([year]);
    const y = recordsFor(nationalTable([p]), year);
    expect(y).toHaveLength(43);
    expect(
      y.filter((r) => r.indicators.overtimeRatio && r.definitions.overtimeRatio === "poa")
    ).toHaveLength(43);
    expect(y.filter((r) => r.definitions.businessSupportRatio === "poa")).toHaveLength(43);
    expect(p.findings.filter((f) => f.severity !== "info")).toEqual([]);
  }
);

test("2016/17, Avon and Somerset worked: (400.75 − 0) / 4,908.49 from '7_Total_workforce_FTE'", async () => {
  const p = await profileOf("HMIC-VFM-2016-open-data-POA.ods");
  const r = p.records.find((x) => x.forceId === "avon-and-somerset")!;
  const bs = r.indicators.businessSupportRatio!;
  expect(bs.formula).toBe("(400.75 − 0) / 4,908.49");
  expect(bs.value).toBeCloseTo(400.75 / 4908.49, 15);
  expect(bs.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual([
    "7_Total_workforce_FTE!B63",
    "7_Total_workforce_FTE!B69",
    "7_Total_workforce_FTE!B96",
  ]);
  expect(p.source.yearFrom).toMatch(/2016\/17 estimates/);
});

test("2013/14 has no notes sheet: the year comes from the file name, and says so", async () => {
  const p = await profileOf("poa-data-2013.xlsx");
  expect(p.source.yearFrom).toMatch(/file name says 2013.*2013\/14/);
  // Officers, staff and PCSOs are separate sheets: support less ICT over the three totals.
  const r = p.records.find((x) => x.forceId === "avon-and-somerset")!;
  expect(r.indicators.businessSupportRatio!.cells.map((c) => c.sheet)).toEqual([
    "Officers_FTE",
    "Staff_FTE",
    "PCSO_FTE",
    "Officers_FTE",
    "Staff_FTE",
    "PCSO_FTE",
    "Officers_FTE",
    "Staff_FTE",
    "PCSO_FTE",
  ]);
});

test("2012/13: population from 'Populations' (thousands), so net revenue expenditure per head and officers per 1,000", async () => {
  const p = await profileOf("value-for-money-profile-data-2012.ods");
  const r = p.records.find((x) => x.forceId === "avon-and-somerset")!;
  expect(r.population?.value).toBeCloseTo(1623195, 6);
  expect(r.indicators.nrePerHead?.formula).toMatch(/^\(269,725 \+ [\d,.]+\) × 1,000 \/ 1,623,195$/);
  expect(r.indicators.officersPer1000).toBeDefined();
});
