import fc from "fast-check";
import {
  basisOf,
  findDateInText,
  invalidYearText,
  isDateFormat,
  parseFinancialYear,
  parseSnapshot,
  readDateCell,
  yearOfCell,
} from "../../../src/core/detect/years";
import { formatYear } from "../../../src/core/format";
import { serialToIso } from "../../../src/core/dates";

describe("financial years in headers", () => {
  test.each([
    ["2008/09", 2008],
    ["2008-09", 2008],
    ["2008–09", 2008],
    ["08/09", 2008],
    ["2008/2009", 2008],
    ["2008-2009", 2008],
    ["FY2008/09", 2008],
    ["99/00", 1999],
    ["2009/10 (£000)", 2009],
  ])("%s is 2008/09-style year %i", (text, year) => {
    expect(parseFinancialYear(text)?.year).toBe(year);
    expect(parseFinancialYear(text)?.form).toBe("range");
  });

  test.each([
    ["Actual 2008/09", 2008, "actual"],
    ["Outturn 2009/10", 2009, "actual"],
    ["2010/11 Budget", 2010, "budget"],
    ["2011/12 Plan", 2011, "plan"],
    ["2013/14 Target", 2013, "target"],
    ["Forecast outturn 2009/10", 2009, "forecast"],
    ["Probable outturn 2009/10", 2009, "forecast"],
  ])("%s gives year %i and basis %s", (text, year, basis) => {
    expect(parseFinancialYear(text)).toEqual({ year, basis, form: "range" });
  });

  test.each(["2008/11", "2008/2010", "2008-07", "1850/51"])("%s is not a financial year", (t) => {
    expect(parseFinancialYear(t)).toBeUndefined();
  });

  test("nonsense year ranges are named so a finding can quote them", () => {
    expect(invalidYearText("Budget 2008/11")).toBe("2008/11");
    expect(invalidYearText("2008/09")).toBeUndefined();
    expect(invalidYearText("31/03/2010")).toBeUndefined();
  });

  test("plain numbers and words are not years", () => {
    expect(parseFinancialYear("2010")).toBeUndefined();
    expect(parseFinancialYear("Notes")).toBeUndefined();
    expect(parseFinancialYear("Officers 2,034")).toBeUndefined();
    expect(yearOfCell(2010)).toBeUndefined();
  });

  // Two-digit years read 70-99 as 19xx and 00-69 as 20xx, so the short form holds for 1970-2068.
  test("every start year round-trips through each written form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2068 }), (y) => {
        const short = String(y % 100).padStart(2, "0");
        const next = String((y + 1) % 100).padStart(2, "0");
        return [
          formatYear(y),
          `${y}-${next}`,
          `${short}/${next}`,
          `${y}/${y + 1}`,
          `Actual ${formatYear(y)}`,
        ]
          .map((t) => parseFinancialYear(t)?.year)
          .every((p) => p === y);
      })
    );
  });
});

describe("snapshot dates belong to the financial year they fall in", () => {
  // 31 March 2010 is the last day of 2009/10; 1 April 2010 is the first of 2010/11.
  test.each([
    ["as at 31 March 2010", 2009, "2010-03-31", true],
    ["Workforce (FTE) as at 31 March 2010", 2009, "2010-03-31", true],
    ["Establishment 31/03/2010", 2009, "2010-03-31", false],
    ["Workforce 31.03.10", 2009, "2010-03-31", false],
    ["Workforce 31-03-2010", 2009, "2010-03-31", false],
    ["Strength 31 Mar 10", 2009, "2010-03-31", false],
    ["Position at 2010-03-31", 2009, "2010-03-31", true],
    ["as at March 2010", 2009, "2010-03-31", true],
    ["as at 1 April 2010", 2010, "2010-04-01", true],
    ["year ending 31st March 2009", 2008, "2009-03-31", true],
    ["as at March 31, 2010", 2009, "2010-03-31", true],
  ])("%s -> %i (%s)", (text, year, date, strong) => {
    expect(parseSnapshot(text)).toEqual({ year, date, strong });
  });

  test("a date in a header gives a year too", () => {
    expect(parseFinancialYear("as at 31 March 2010")).toEqual({
      year: 2009,
      form: "date",
      date: "2010-03-31",
    });
  });

  test("not dates: 31 February, month 13, words that start like months", () => {
    expect(findDateInText("31/02/2010")).toBeUndefined();
    expect(findDateInText("12/13/2010")).toBeUndefined();
    expect(findDateInText("Market 2010")).toBeUndefined();
    expect(findDateInText("10 officers 20 staff")).toBeUndefined();
  });
});

describe("date cells", () => {
  test("Excel serials: 40268 is 31 March 2010, 1 is 1 January 1900, 61 is 1 March 1900", () => {
    expect(serialToIso(40268)).toBe("2010-03-31");
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(0)).toBeUndefined();
  });

  test("date number formats are told from number formats", () => {
    for (const f of ["dd/mm/yyyy", "d-mmm-yy", "[$-809]dd mmmm yyyy", "mmm-yy", "yyyy-mm-dd"])
      expect(isDateFormat(f)).toBe(true);
    for (const f of [
      undefined,
      "General",
      "#,##0",
      "0.0%",
      '"£"#,##0',
      "h:mm",
      "#,##0;[Red]-#,##0",
    ])
      expect(isDateFormat(f)).toBe(false);
  });

  test("a header cell holding a real date or a date serial gives its financial year", () => {
    expect(yearOfCell(new Date(Date.UTC(2010, 2, 31)))?.year).toBe(2009);
    expect(yearOfCell(40268, "dd/mm/yyyy")?.year).toBe(2009);
    expect(yearOfCell(40268, "#,##0")).toBeUndefined();
  });

  test("contract end cells: date, serial, text, unreadable, error", () => {
    expect(readDateCell(new Date(Date.UTC(2011, 2, 31)), undefined)).toEqual({
      kind: "date",
      iso: "2011-03-31",
      how: "date cell",
    });
    expect(readDateCell(40633, "dd/mm/yyyy")).toEqual({
      kind: "date",
      iso: "2011-03-31",
      how: "date serial",
    });
    // A whole number in the range of plausible serials is taken as a date whose format was lost.
    expect(readDateCell(40633, undefined)).toEqual({
      kind: "date",
      iso: "2011-03-31",
      how: "date serial",
    });
    expect(readDateCell("30 Sept 2010", undefined)).toEqual({
      kind: "date",
      iso: "2010-09-30",
      how: "date text",
    });
    expect(readDateCell("soon", undefined)).toEqual({ kind: "unreadable", text: "soon" });
    expect(readDateCell(2011, undefined)).toEqual({ kind: "unreadable", text: "2011" });
    expect(readDateCell({ error: "#N/A" }, undefined)).toEqual({ kind: "error", error: "#N/A" });
    expect(readDateCell(null, undefined)).toEqual({ kind: "blank" });
  });

  test("basis words", () => {
    expect(basisOf("Original budget")).toBe("budget");
    expect(basisOf("MTFP")).toBe("plan");
    expect(basisOf("Notes")).toBeUndefined();
  });
});
