/**
 * The POA files of 2012-2017 (CIPFA estimates): each recognised in its own layout, its year told
 * by its notes or its name, all 43 forces, and the ratios worked from the whole-force rows.
 */
import { nationalTable, PUBLISHED_PROFILE_FILES, recordsFor } from "../../../src/core/profiles";
import { parseA1 } from "../../../src/core/grid";
import { profileGrid, profileOf } from "./profileFiles";

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

test("2013/14 non-staff share, Avon and Somerset worked: the sheet's ten lines over officer, staff and PCSO costs less national policing", async () => {
  const p = await profileOf("poa-data-2013.xlsx");
  const r = p.records.find((x) => x.forceId === "avon-and-somerset")!;
  const v = r.indicators.nonStaffPctStaffCosts!;
  // 0 + 6,598 + 691 + 389 + 10,191 + 6,519 + 17,463 + 1,092 + 24,521 + 5,093 = 72,557;
  // (155,693 + 55,738 + 10,851) − (5,179 + 1,501 + 0) = 222,282 − 6,680 = 215,602.
  expect(v.formula).toBe(
    "(0 + 6,598 + 691 + 389 + 10,191 + 6,519 + 17,463 + 1,092 + 24,521 + 5,093) / ((155,693 + 55,738 + 10,851) − (5,179 + 1,501 + 0))"
  );
  expect(v.value).toBeCloseTo(72557 / 215602, 12);
  expect(new Set(v.cells.map((c) => c.sheet))).toEqual(
    new Set(["Total_non-staff_costs", "Officer_cost", "Other_staff_cost", "PCSO_cost"])
  );
  expect(r.basis.nonStaffPctStaffCosts).toBe(
    "CIPFA POA 2013/14 estimates, national policing left out"
  );
});

test("2017/18 non-staff share: the sheet's own total, over staff costs that equal the file's own 'excl national policing' rows", async () => {
  const file = "HMICFRS-VFM-2017-open-data-POA.ods";
  const p = await profileOf(file);
  const g = await profileGrid(file);
  const y = p.records.filter((r) => r.indicators.nonStaffPctStaffCosts);
  expect(y).toHaveLength(43);
  const excl = (sheet: string) => {
    const s = g.sheets.find((x) => x.name === sheet)!;
    const row = s.values.findIndex((r) =>
      /^total (excl|without) national policing$/i.test(String(r?.[0] ?? "").trim())
    );
    return { s, row };
  };
  const own = ["11_Officer_cost", "14_Other_staff_cost", "15_PCSO_cost"].map(excl);
  for (const r of y) {
    const v = r.indicators.nonStaffPctStaffCosts!;
    const [nonStaff, ...rest] = v.cells;
    expect(nonStaff.sheet).toBe("1_Total_non-staff_costs");
    expect(nonStaff.what).toMatch(/less national policing/);
    const staff =
      rest.slice(0, 3).reduce((a, c) => a + c.value, 0) -
      rest.slice(3).reduce((a, c) => a + c.value, 0);
    // The file's own totals without national policing, in the same force's column.
    const published = own.reduce((a, { s, row }) => {
      const at = parseA1(rest.find((x) => x.sheet === s.name)!.address)!;
      return a + Number(s.values[row][at.col]);
    }, 0);
    expect(Math.abs(staff - published)).toBeLessThan(0.01);
    expect(v.value).toBeCloseTo(nonStaff.value / staff, 12);
  }
});

test("2016/17's non-staff sheet lists no third-party payments: said in a finding naming the sheet", async () => {
  const p = await profileOf("HMIC-VFM-2016-open-data-POA.ods");
  const f = p.findings.filter((x) => x.code === "PROFILE_NON_STAFF_PARTIAL");
  expect(f).toHaveLength(1);
  expect(f[0].message).toMatch(/"1_Total_non-staff_costs" lists no third-party payments.*2016\/17/);
  for (const other of ["poa-data-2013.xlsx", "HMICFRS-VFM-2017-open-data-POA.ods"])
    expect(
      (await profileOf(other)).findings.filter((x) => x.code === "PROFILE_NON_STAFF_PARTIAL")
    ).toEqual([]);
});

test("2012/13 non-staff share, Avon and Somerset worked: the long file's expenditure lines over its salary and overtime lines, national policing off both", async () => {
  const p = await profileOf("value-for-money-profile-data-2012.ods");
  const r = p.records.find((x) => x.forceId === "avon-and-somerset")!;
  const v = r.indicators.nonStaffPctStaffCosts!;
  // Non-staff: 72,508.7 (ten lines) − 1,020.5 (their national policing) = 71,488.2;
  // staff: 223,091.1 (salaries and overtime) − 6,800.6 (national policing) = 216,290.5.
  expect(v.value).toBeCloseTo(71488.2 / 216290.5, 10);
  expect(v.formula).toMatch(
    /^\(\(0 \+ 6,328\.2 \+ .* \+ 4,731\.1\) − \(0 \+ 0 \+ 54\.9 .*\)\) \/ \(\(150,657\.7 .*\) − \(4,923\.2 .*\)\)$/
  );
  expect(v.cells).toHaveLength(32);
  expect(new Set(v.cells.map((c) => c.sheet))).toEqual(new Set(["POA_data"]));
  expect(r.basis.nonStaffPctStaffCosts).toBe(
    "CIPFA POA 2012/13 estimates, national policing left out"
  );
});

// The six POA files: every published file after the two of 2010.
test.each(PUBLISHED_PROFILE_FILES.slice(2))(
  "%s: a non-staff share for all 43 forces, between 15%% and 75%%",
  async (file) => {
    const y = (await profileOf(file)).records.filter((r) => r.indicators.nonStaffPctStaffCosts);
    expect(y).toHaveLength(43);
    for (const r of y) {
      expect(r.indicators.nonStaffPctStaffCosts!.value).toBeGreaterThan(0.15);
      expect(r.indicators.nonStaffPctStaffCosts!.value).toBeLessThan(0.75);
    }
  }
);

test("the City of London's population, 316,500 in the 2010 file and 11,677 residents in 2012's, is a finding naming both cells; no other force's moves by half", async () => {
  const t = nationalTable([
    await profileOf("value-for-money-2010-underlying-data-20100609.xls"),
    await profileOf("value-for-money-profile-data-2012.ods"),
  ]);
  const jumps = t.findings.filter((f) => f.code === "PROFILE_POPULATION_JUMPS");
  expect(jumps.map((f) => f.message)).toEqual([
    "City of London Police's population is 11,677 for 2012/13 (value-for-money-profile-data-2012.ods Populations!B6) but 316,500 for 2009/10 (value-for-money-2010-underlying-data-20100609.xls 'Section 1. Income & Expenditure'!B8), so its figures per head and per 1,000 residents in those years are not on the same footing.",
  ]);
  // 885.6 officers × 1,000 / 11,677 residents = 75.84 per 1,000 in 2012/13, as published.
  const city = recordsFor(t, 2012).find((r) => r.forceId === "city-of-london")!;
  expect(city.indicators.officersPer1000!.value).toBeCloseTo((885.6 * 1000) / 11677, 10);
});
