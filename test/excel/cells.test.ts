import {
  SheetBuilder,
  isDateFormat,
  serialToDate,
  dateToSerial,
  toCellValue,
  toVisibility,
} from "../../src/excel/cells";

describe("number formats that show dates", () => {
  test.each([
    ["dd/mm/yyyy", true],
    ["d-mmm-yy", true],
    ["[$-809]dd mmmm yyyy", true],
    ["h:mm", true],
    ["[h]:mm:ss", true],
    ["General", false],
    ["@", false],
    ["#,##0.00", false],
    ["0.0%", false],
    ["£#,##0;[Red]-£#,##0", false],
    ['#,##0 "days"', false],
    ["_(* #,##0_);_(* (#,##0)", false],
    ["0.00E+00", false],
  ])("%s", (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe("Excel cells to grid values", () => {
  test("serial dates, as ExcelJS reads them", () => {
    // 40268 is 31 March 2010: 40268 - 25569 = 14699 days after 1 January 1970.
    expect(serialToDate(40268)).toEqual(new Date(Date.UTC(2010, 2, 31)));
    expect(dateToSerial(new Date(Date.UTC(2010, 2, 31, 12)))).toBe(40268.5);
  });

  test("values by type", () => {
    expect(toCellValue("", "Empty")).toBeNull();
    expect(toCellValue("#REF!", "Error")).toEqual({ error: "#REF!" });
    expect(toCellValue(40268, "Double", "dd/mm/yyyy")).toEqual(new Date(Date.UTC(2010, 2, 31)));
    expect(toCellValue(40268, "Double", "#,##0")).toBe(40268);
    expect(toCellValue(true, "Boolean")).toBe(true);
    expect(toCellValue("=SUM(A1)", "String")).toBe("=SUM(A1)");
  });

  test("visibility", () => {
    expect(["Visible", "Hidden", "VeryHidden"].map(toVisibility)).toEqual([
      "visible",
      "hidden",
      "veryHidden",
    ]);
  });
});

describe("SheetBuilder", () => {
  test("anchors at A1, drops General, keeps formulas only where they differ from the value", () => {
    const b = new SheetBuilder("Budget", "visible", false, {
      top: 4,
      left: 2,
      bottom: 5,
      right: 3,
    });
    b.addCells(
      { top: 4, left: 2, bottom: 5, right: 3 },
      [
        ["Pay", 10],
        ["=literal", 30],
      ],
      [
        ["General", "#,##0"],
        ["@", "#,##0"],
      ],
      [
        ["String", "Double"],
        ["String", "Double"],
      ],
      [
        ["Pay", 10],
        ["=literal", "=B5*3"],
      ]
    );
    expect(b.build()).toEqual({
      name: "Budget",
      visibility: "visible",
      addinOwned: false,
      values: [[], [], [], [], [null, null, "Pay", 10], [null, null, "=literal", 30]],
      numberFormats: [
        [],
        [],
        [],
        [],
        [undefined, undefined, undefined, "#,##0"],
        [undefined, undefined, "@", "#,##0"],
      ],
      formulas: [[], [], [], [], [], [undefined, undefined, undefined, "=B5*3"]],
    });
  });

  test("hidden rows: used rows no visible area touches", () => {
    const b = new SheetBuilder("S", "visible", false, { top: 0, left: 0, bottom: 9, right: 2 });
    // Visible: rows 1-3 and 6-8 (zero-based 0-2 and 5-7), in two column runs each.
    b.addVisibility(
      { top: 0, left: 0, bottom: 99, right: 15 },
      [
        { top: 0, left: 0, bottom: 2, right: 0 },
        { top: 0, left: 2, bottom: 2, right: 15 },
        { top: 5, left: 0, bottom: 7, right: 0 },
        { top: 5, left: 2, bottom: 7, right: 15 },
      ],
      false
    );
    // Rows 3, 4, 8, 9 of the used range 0-9 are hidden; rows 10-99 are outside it.
    expect(b.build().hiddenRows).toEqual([3, 4, 8, 9]);
  });

  test("merged areas are kept once each", () => {
    const b = new SheetBuilder("S", "visible", true, { top: 0, left: 0, bottom: 0, right: 3 });
    b.addMerges([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    b.addMerges([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 5, left: 5, bottom: 5, right: 5 },
    ]);
    expect(b.build().merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });
});
