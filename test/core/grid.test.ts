import { a1, columnIndex, columnLetters, formatRef, parseA1, parseRef } from "../../src/core/grid";
import fc from "fast-check";

describe("A1 addresses", () => {
  test("columns: 0 is A, 25 is Z, 26 is AA, 701 is ZZ, 702 is AAA", () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
  });
  test("row 6, column 2 is C7 and back", () => {
    expect(a1(6, 2)).toBe("C7");
    expect(parseA1("$C$7")).toEqual({ row: 6, col: 2 });
  });
  test("letters and indexes round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetters(c)) === c)
    );
  });
  test("sheet names with spaces or quotes are quoted as Excel writes them", () => {
    expect(formatRef({ sheet: "Budget", address: "C7" })).toBe("Budget!C7");
    expect(formatRef({ sheet: "Workforce 2010", address: "B4" })).toBe("'Workforce 2010'!B4");
    expect(formatRef({ sheet: "Officers' pay", address: "A1" })).toBe("'Officers'' pay'!A1");
    expect(parseRef("'Officers'' pay'!$a$1")).toEqual({ sheet: "Officers' pay", address: "A1" });
  });
});
