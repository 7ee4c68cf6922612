/** Calendar days, Excel serials in both date systems, and the financial year of a day. */
import fc from "fast-check";
import {
  DAY_MS,
  dateOfIso,
  dateToSerial,
  dayOfIso,
  financialYearEnd,
  financialYearOf,
  financialYearOfDay,
  financialYearOfIso,
  financialYearStart,
  isIsoDate,
  isoDate,
  isoDatePart,
  isoOfDate,
  isoOfDay,
  isoToSerial,
  serialToDate,
  serialToIso,
} from "../../src/core/dates";

describe("ISO dates", () => {
  test("isoDate builds only real calendar days", () => {
    expect(isoDate(2011, 3, 31)).toBe("2011-03-31");
    expect(isoDate(2012, 2, 29)).toBe("2012-02-29");
    expect(isoDate(2011, 2, 29)).toBeUndefined();
    expect(isoDate(2000, 2, 29)).toBe("2000-02-29"); // divisible by 400: a leap year
    expect(isoDate(1900, 2, 29)).toBeUndefined(); // divisible by 100: not one
    expect(isoDate(2011, 4, 31)).toBeUndefined();
    expect(isoDate(2011, 13, 1)).toBeUndefined();
    expect(isoDate(2011, 0, 1)).toBeUndefined();
    expect(isoDate(2011, 1, 0)).toBeUndefined();
    expect(isoDate(2011.5, 1, 1)).toBeUndefined();
    // years below 100 are not read as 1900-1999
    expect(isoDate(48, 2, 29)).toBe("0048-02-29");
    expect(isoDate(10000, 1, 1)).toBeUndefined();
  });
  test("isIsoDate: exactly YYYY-MM-DD naming a real day", () => {
    expect(isIsoDate("2011-03-31")).toBe(true);
    expect(isIsoDate("2011-02-29")).toBe(false);
    expect(isIsoDate("2011-3-31")).toBe(false);
    expect(isIsoDate("2011-03-31T00:00:00Z")).toBe(false);
    expect(isIsoDate(" 2011-03-31")).toBe(false);
    expect(isIsoDate("31/03/2011")).toBe(false);
    expect(isIsoDate(40268)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
  test("isoDatePart: the day a timestamp starts with, as written", () => {
    expect(isoDatePart("2011-04-01T00:30:00+01:00")).toBe("2011-04-01");
    expect(isoDatePart("2011-04-01")).toBe("2011-04-01");
    expect(isoDatePart("2011-04-31T00:00")).toBeUndefined();
    expect(isoDatePart("2011-04-011")).toBeUndefined();
    expect(isoDatePart("as at 2011-04-01")).toBeUndefined();
  });
  test("Dates and day numbers by UTC calendar day", () => {
    expect(isoOfDate(new Date(Date.UTC(2011, 2, 31, 23, 30)))).toBe("2011-03-31");
    expect(dateOfIso("2011-03-31")).toEqual(new Date(Date.UTC(2011, 2, 31)));
    expect(dateOfIso("2011-02-30")).toBeUndefined();
    expect(dayOfIso("1970-01-01")).toBe(0);
    expect(dayOfIso("1970-01-02")).toBe(1);
    expect(dayOfIso("1969-12-31")).toBe(-1);
    expect(dayOfIso("nope")).toBeUndefined();
    expect(isoOfDay(0)).toBe("1970-01-01");
    expect(isoOfDay(15064)).toBe("2011-03-31");
    expect(isoOfDay(15064.9)).toBe("2011-03-31");
  });
  test("property: day number and ISO date are inverses", () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) => {
        const iso = isoOfDay(day);
        expect(isIsoDate(iso)).toBe(true);
        expect(dayOfIso(iso)).toBe(day);
      })
    );
  });
});

describe("Excel serials, 1900 date system", () => {
  test("known days", () => {
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(59)).toBe("1900-02-28");
    // serial 60 is Excel's 29 February 1900, a day that never was
    expect(serialToIso(60)).toBeUndefined();
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(25569)).toBe("1970-01-01");
    expect(serialToIso(40268)).toBe("2010-03-31");
    expect(serialToIso(40269)).toBe("2010-04-01");
    expect(serialToIso(45292)).toBe("2024-01-01");
    expect(serialToIso(2958465)).toBe("9999-12-31");
  });
  test("the time of day is dropped; no day outside the system", () => {
    expect(serialToIso(40268.99)).toBe("2010-03-31");
    expect(serialToIso(0)).toBeUndefined();
    expect(serialToIso(-1)).toBeUndefined();
    expect(serialToIso(2958466)).toBeUndefined();
    expect(serialToIso(NaN)).toBeUndefined();
    expect(serialToIso(Infinity)).toBeUndefined();
  });
  test("ISO to serial", () => {
    expect(isoToSerial("1900-01-01")).toBe(1);
    expect(isoToSerial("1900-02-28")).toBe(59);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2010-03-31")).toBe(40268);
    expect(isoToSerial("1899-12-31")).toBeUndefined();
    expect(isoToSerial("2010-02-30")).toBeUndefined();
  });
  test("with the time of day", () => {
    expect(serialToDate(40268)).toEqual(new Date(Date.UTC(2010, 2, 31)));
    expect(serialToDate(40268.5)).toEqual(new Date(Date.UTC(2010, 2, 31, 12)));
    expect(dateToSerial(new Date(Date.UTC(2010, 2, 31, 12)))).toBe(40268.5);
    expect(serialToDate(1)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(serialToDate(61.25)).toEqual(new Date(Date.UTC(1900, 2, 1, 6)));
    // a time with no date sits on Excel's day 0
    expect(serialToDate(0.75)).toEqual(new Date(Date.UTC(1899, 11, 31, 18)));
    expect(dateToSerial(new Date(Date.UTC(1899, 11, 31, 18)))).toBe(0.75);
    expect(serialToDate(60.5)).toBeUndefined();
    expect(dateToSerial(new Date(NaN))).toBeUndefined();
  });
  test("property: serial and ISO date are inverses for every day Excel holds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
        const iso = serialToIso(serial);
        if (serial === 60) expect(iso).toBeUndefined();
        else expect(isoToSerial(iso!)).toBe(serial);
      })
    );
  });
});

describe("Excel serials, 1904 date system", () => {
  test("known days", () => {
    expect(serialToIso(0, 1904)).toBe("1904-01-01");
    expect(serialToIso(1, 1904)).toBe("1904-01-02");
    // the same day is 1,462 less than its 1900 serial
    expect(serialToIso(40268 - 1462, 1904)).toBe("2010-03-31");
    expect(isoToSerial("2010-03-31", 1904)).toBe(38806);
    expect(serialToIso(2957003, 1904)).toBe("9999-12-31");
    expect(serialToIso(2957004, 1904)).toBeUndefined();
    expect(serialToIso(-1, 1904)).toBeUndefined();
    expect(isoToSerial("1903-12-31", 1904)).toBeUndefined();
  });
  test("with the time of day", () => {
    expect(serialToDate(38806.25, 1904)).toEqual(new Date(Date.UTC(2010, 2, 31, 6)));
    expect(dateToSerial(new Date(Date.UTC(2010, 2, 31, 6)), 1904)).toBe(38806.25);
    expect(serialToDate(0.5, 1904)).toEqual(new Date(Date.UTC(1904, 0, 1, 12)));
  });
  test("property: both systems name the same day 1,462 serials apart from March 1900", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: 2958465 }), (serial) => {
        expect(serialToIso(serial - 1462, 1904)).toBe(serialToIso(serial, 1900));
      })
    );
  });
});

describe("financial year of a day (1 April to 31 March)", () => {
  test("the boundary days", () => {
    expect(financialYearOfIso("2011-03-31")).toBe(2010);
    expect(financialYearOfIso("2011-04-01")).toBe(2011);
    expect(financialYearOfIso("2011-01-01")).toBe(2010);
    expect(financialYearOfIso("2010-12-31")).toBe(2010);
    expect(financialYearOfIso("2012-02-29")).toBe(2011);
    expect(financialYearOfIso("not a date")).toBeUndefined();
  });
  test("of a Date and of a day number", () => {
    expect(financialYearOf(new Date(Date.UTC(2010, 2, 31, 23, 59)))).toBe(2009);
    expect(financialYearOf(new Date(Date.UTC(2010, 3, 1)))).toBe(2010);
    expect(financialYearOfDay(dayOfIso("2010-04-01")!)).toBe(2010);
    expect(financialYearOfDay(dayOfIso("2010-03-31")!)).toBe(2009);
  });
  test("first and last days", () => {
    expect(financialYearStart(2010)).toBe("2010-04-01");
    expect(financialYearEnd(2010)).toBe("2011-03-31");
  });
  test("property: every day of a year is in it, and the days either side are not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2099 }), (fy) => {
        const first = dayOfIso(financialYearStart(fy))!;
        const last = dayOfIso(financialYearEnd(fy))!;
        expect(last - first + 1).toBeGreaterThanOrEqual(365);
        expect(financialYearOfDay(first)).toBe(fy);
        expect(financialYearOfDay(last)).toBe(fy);
        expect(financialYearOfDay(first - 1)).toBe(fy - 1);
        expect(financialYearOfDay(last + 1)).toBe(fy + 1);
      })
    );
  });
  test("a day is DAY_MS milliseconds", () => {
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });
});
