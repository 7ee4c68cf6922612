import fc from "fast-check";
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  isUnbounded,
  parseArea,
  parseAreas,
  rangeAddress,
} from "../../src/excel/address";

describe("Office.js addresses to rectangles", () => {
  test("cells and ranges, with or without sheet and $", () => {
    expect(parseArea("Budget!C5:H40")).toEqual({ top: 4, left: 2, bottom: 39, right: 7 });
    expect(parseArea("$C$5")).toEqual({ top: 4, left: 2, bottom: 4, right: 2 });
    expect(parseArea("'Pay 2010'!AA10")).toEqual({ top: 9, left: 26, bottom: 9, right: 26 });
  });

  test("whole rows and columns parse to the sheet's extent (and count as unbounded)", () => {
    const rows = parseArea("Budget!5:7");
    expect(rows).toEqual({ top: 4, left: 0, bottom: 6, right: EXCEL_MAX_COLUMNS - 1 });
    const cols = parseArea("Budget!$A:$C");
    expect(cols).toEqual({ top: 0, left: 0, bottom: EXCEL_MAX_ROWS - 1, right: 2 });
    expect(rows && isUnbounded(rows)).toBe(true);
    expect(cols && isUnbounded(cols)).toBe(true);
    expect(isUnbounded({ top: 0, left: 0, bottom: 299_999, right: 7 })).toBe(false);
  });

  test("area lists split only at commas outside quoted sheet names", () => {
    expect(parseAreas("'Budget, 2010'!A1:B4, 'Budget, 2010'!D1:D4,'O''Brien''s'!C3")).toEqual([
      { top: 0, left: 0, bottom: 3, right: 1 },
      { top: 0, left: 3, bottom: 3, right: 3 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
    expect(parseAreas("")).toEqual([]);
    expect(parseAreas(undefined)).toEqual([]);
  });

  test("what is not an address is skipped", () => {
    expect(parseArea("C")).toBeUndefined();
    expect(parseArea("A1:B2:C3")).toBeUndefined();
    expect(parseArea("#REF!")).toBeUndefined();
    expect(parseAreas("Budget!A1, nonsense, Budget!B2")).toHaveLength(2);
  });

  test("rangeAddress and parseArea are inverses (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(EXCEL_MAX_ROWS - 1),
        fc.nat(EXCEL_MAX_COLUMNS - 1),
        fc.nat(EXCEL_MAX_ROWS - 1),
        fc.nat(EXCEL_MAX_COLUMNS - 1),
        (r1, c1, r2, c2) => {
          const rect = {
            top: Math.min(r1, r2),
            bottom: Math.max(r1, r2),
            left: Math.min(c1, c2),
            right: Math.max(c1, c2),
          };
          expect(parseArea(`'My sheet'!${rangeAddress(rect)}`)).toEqual(rect);
        }
      )
    );
  });
});
