/**
 * The 2009/10 national table from HMIC's 2010 files, checked against the files' own figures:
 * - overtime = "Police officer overtime" / ("Police officers (exc. OT)" + overtime), which is
 *   exactly what HMIC published in "Police officer overtime % salary" (column X), every force;
 * - business support at 31 March 2010 = (business support − IT/Communications) / total FTE,
 *   the breakdown's arithmetic (hmicData.ts reads the same CSV independently);
 * - a force missing or a value as text gets a finding naming the cell.
 */
import { hmicForces, publishedSupportShare } from "../realData/hmicData";
import { nationalTable, readProfileFile, recordsFor } from "../../../src/core/profiles";
import { FileProfile } from "../../../src/core/profiles/types";
import { SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { profileGrid, profileOf } from "./profileFiles";

const XLS = "value-for-money-2010-underlying-data-20100609.xls";
const CSV = "2010-11-value-for-money-profile-data-workforce-20110511.csv";

let xls: FileProfile;
let csv: FileProfile;
beforeAll(async () => {
  xls = await profileOf(XLS);
  csv = await profileOf(CSV);
});

test("2009/10 has all 43 forces, with overtime from the 2010 workbook and business support from the 2010/11 CSV", () => {
  const t = nationalTable([xls, csv]);
  const y = recordsFor(t, 2009);
  expect(y).toHaveLength(43);
  expect(y.filter((r) => r.indicators.overtimeRatio)).toHaveLength(43);
  expect(y.filter((r) => r.indicators.businessSupportRatio)).toHaveLength(43);
  expect(new Set(y.map((r) => r.definitions.businessSupportRatio))).toEqual(new Set(["hmic2010"]));
  expect(new Set(y.map((r) => r.definitions.overtimeRatio))).toEqual(new Set(["hmic2010"]));
  // Names as the files write them are the 43 official names.
  expect(y.map((r) => r.force)).toContain("Avon and Somerset Constabulary");
  expect(y.map((r) => r.force)).toContain("Metropolitan Police Service");
  expect(y.map((r) => r.force)).toContain("Devon and Cornwall Police");
  expect(y.map((r) => r.force)).toContain("Dyfed-Powys Police");
});

test("every overtime ratio equals HMIC's own 'Police officer overtime % salary', and no published ratio differs", () => {
  const published = new Map(hmicForces().map((f) => [f.force, f.overtimeShare]));
  const y = recordsFor(nationalTable([xls]), 2009);
  for (const r of y) {
    const v = r.indicators.overtimeRatio!;
    expect(v.published?.value).toBeDefined();
    expect(Math.abs(v.value - (v.published?.value ?? NaN))).toBeLessThan(1e-12);
    expect(v.cells.map((c) => c.sheet)).toEqual([
      "Section 1. Income & Expenditure",
      "Section 1. Income & Expenditure",
    ]);
    expect(v.cells.map((c) => c.address.replace(/\d+/, ""))).toEqual(["R", "S"]);
    expect(v.published?.address.replace(/\d+/, "")).toBe("X");
  }
  expect(y).toHaveLength(published.size);
  expect(
    xls.findings.filter(
      (f) => f.code === "PROFILE_PUBLISHED_RATIO_DIFFERS" && /overtime/.test(f.message)
    )
  ).toEqual([]);
});

test("Avon and Somerset, worked: 4,733 / (169,503 + 4,733) = 2.716% (R4, S4; HMIC's X4)", () => {
  const r = recordsFor(nationalTable([xls]), 2009).find((x) => x.forceId === "avon-and-somerset")!;
  const v = r.indicators.overtimeRatio!;
  expect(v.formula).toBe("4,733 / (169,503 + 4,733)");
  expect(v.value).toBeCloseTo(4733 / 174236, 15);
  expect(v.cells.map((c) => c.address)).toEqual(["R4", "S4"]);
  expect(v.published?.address).toBe("X4");
});

test("the 12 forces above 4% in 2009/10 are the ones the file shows, median 3.3%", () => {
  const fromFile = hmicForces()
    .filter((f) => f.overtimeShare > 0.04)
    .map((f) => f.force)
    .sort();
  const y = recordsFor(nationalTable([xls]), 2009);
  const above = y.filter((r) => r.indicators.overtimeRatio!.value > 0.04);
  expect(above).toHaveLength(12);
  expect(fromFile).toHaveLength(12);
  expect(above.map((r) => r.force)).toEqual([
    "Cambridgeshire Constabulary",
    "City of London Police",
    "Gloucestershire Constabulary",
    "Hertfordshire Constabulary",
    "Kent Police",
    "Lincolnshire Police",
    "Metropolitan Police Service",
    "South Yorkshire Police",
    "Surrey Police",
    "Thames Valley Police",
    "Warwickshire Police",
    "West Midlands Police",
  ]);
});

test("business support at 31 March 2010 = the breakdown's arithmetic, 5.5% to 9.9%, 37 of 43 above 7%", () => {
  const byName = new Map(hmicForces().map((f) => [f.force.toLowerCase(), f]));
  const y = recordsFor(nationalTable([csv]), 2009);
  expect(y).toHaveLength(43);
  for (const r of y) {
    const v = r.indicators.businessSupportRatio!;
    const label = v.cells[0].value;
    const f = [...byName.values()].find(
      (x) => x.total["Business support"] === label && x.total.Total === v.cells[2].value
    );
    expect([r.force, f]).toEqual([r.force, expect.anything()]);
    expect(v.value).toBe(publishedSupportShare(f!));
    expect(r.basis.businessSupportRatio).toBe("Home Office ADR, FTE at 31 March 2010");
  }
  const values = y.map((r) => r.indicators.businessSupportRatio!.value);
  expect(Math.min(...values)).toBeCloseTo(0.0554, 4);
  expect(Math.max(...values)).toBeCloseTo(0.0989, 4);
  expect(values.filter((v) => v > 0.07)).toHaveLength(37);
});

test("the 2010 workbook's own 2008/09 workforce sheet gives business support at 31 March 2009 for all 43", () => {
  const y = recordsFor(nationalTable([xls]), 2008);
  expect(y.filter((r) => r.indicators.businessSupportRatio)).toHaveLength(43);
  const avon = y.find((r) => r.forceId === "avon-and-somerset")!.indicators.businessSupportRatio!;
  // (489.42 − 89.1) / 5,942.6: business support less IT/comm's/audio over the total at 31/03/2009.
  expect(avon.formula).toBe("(489.42 − 89.1) / 5,942.6");
});

test("a published ratio the file's own figures do not give is a finding naming its cell (Surrey's non-staff share, Q39)", () => {
  const f = xls.findings.filter((x) => x.code === "PROFILE_PUBLISHED_RATIO_DIFFERS");
  expect(f.map((x) => x.cell?.address)).toEqual(["Q39"]);
  expect(f[0].message).toMatch(
    /Surrey Police's non-staff costs as a share of staff costs works out at 24\.44%.*publishes 23\.20%/
  );
});

/** The workbook with one cell changed. */
function edited(
  g: WorkbookGrid,
  sheet: string,
  row: number,
  col: number,
  value: string | null
): WorkbookGrid {
  return {
    ...g,
    sheets: g.sheets.map((s): SheetGrid =>
      s.name !== sheet
        ? s
        : {
            ...s,
            values: s.values.map((r, i) =>
              i !== row ? r : r.map((v, j) => (j === col ? value : v))
            ),
          }
    ),
  };
}

test("a value as text, and a force missing, each get a finding naming the cell; the rest goes on", async () => {
  const g = await profileGrid(XLS);
  // S5 (Bedfordshire's officer overtime) as text; A6 (Cambridgeshire's name) blanked.
  let bad = edited(g, "Section 1. Income & Expenditure", 4, 18, "n/a");
  bad = edited(bad, "Section 1. Income & Expenditure", 5, 0, null);
  const p = readProfileFile(bad, XLS)!;
  const text = p.findings.find((f) => f.code === "PROFILE_VALUE_NOT_NUMBER");
  expect(text?.cell).toEqual({ sheet: "Section 1. Income & Expenditure", address: "S5" });
  expect(text?.message).toMatch(
    /S5 \(officer overtime, £000, Bedfordshire Police, CIPFA 2009-10 estimates\) holds "n\/a", which is not a number/
  );
  const missing = p.findings.find(
    (f) => f.code === "PROFILE_FORCE_MISSING" && f.sheet === "Section 1. Income & Expenditure"
  );
  expect(missing?.message).toMatch(
    /Cambridgeshire Constabulary has no figures for 2009\/10.*42 forces/
  );
  const y = recordsFor(nationalTable([p]), 2009);
  expect(y.filter((r) => r.indicators.overtimeRatio)).toHaveLength(41);
});

test("a name that is not one of the 43 is a finding naming its cell", async () => {
  const g = await profileGrid(XLS);
  const p = readProfileFile(
    edited(g, "Section 1. Income & Expenditure", 3, 0, "British Transport Police"),
    XLS
  )!;
  const f = p.findings.find((x) => x.code === "PROFILE_UNKNOWN_FORCE");
  expect(f?.cell).toEqual({ sheet: "Section 1. Income & Expenditure", address: "A4" });
  expect(f?.message).toMatch(/national force for the railways/);
});

test("officers per 1,000 (2008/09): CIPFA's average officer FTE over the June 2008 population, equal to HMIC's column AJ for every force", () => {
  const y = recordsFor(nationalTable([xls]), 2008);
  const rated = y.filter((r) => r.indicators.officersPer1000);
  expect(rated).toHaveLength(43);
  for (const r of rated) {
    const v = r.indicators.officersPer1000!;
    expect(v.published?.address).toMatch(/^AJ\d+$/);
    expect(Math.abs(v.value - (v.published?.value ?? NaN))).toBeLessThan(0.005);
    expect(v.cells.map((c) => `${c.sheet}!${c.address.replace(/\d+/, "")}`)).toEqual([
      "Section 2. Workforce (volumes)!J",
      "Section 1. Income & Expenditure!B",
    ]);
    expect(r.basis.officersPer1000).toBe("CIPFA average officer FTE 2008-09, population June 2008");
  }
  // Avon and Somerset: 3,358 FTE × 1,000 / 1,591,900 residents = 2.1094 per 1,000 (AJ4 2.1094).
  const avon = rated.find((r) => r.forceId === "avon-and-somerset")!;
  expect(avon.indicators.officersPer1000!.formula).toBe("3,358 × 1,000 / 1,591,900");
  expect(avon.indicators.officersPer1000!.value).toBeCloseTo(2.1094, 4);
  expect(avon.population?.value).toBe(1591900);
  expect(
    xls.findings.filter(
      (f) => f.code === "PROFILE_PUBLISHED_RATIO_DIFFERS" && /officers/.test(f.message)
    )
  ).toEqual([]);
});
