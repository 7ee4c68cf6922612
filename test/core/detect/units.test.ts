import { findUnit, unitInText } from "../../../src/core/detect/units";
import { sheetFromRows } from "../../../src/core/sample/gridBuilder";

describe("money units", () => {
  test.each([
    ["All figures £000", "£000"],
    ["£'000", "£000"],
    ["Revenue budget (£000s)", "£000"],
    ["£ thousands", "£000"],
    ["Amounts in £m", "£m"],
    ["£ millions", "£m"],
    ["Annual spend (£)", "£"],
    ["Annual spend £", "£"],
    ["£", "£"],
  ])("%s -> %s", (text, unit) => {
    expect(unitInText(text)).toBe(unit);
  });
  test.each(["Police officer pay", "Saving of £1.2m", "Enter amounts in £, £000 or £m", "2010/11"])(
    "%s states no unit",
    (text) => {
      expect(unitInText(text)).toBeUndefined();
    }
  );
  test("header before title before notes before a number format", () => {
    const sheet = sheetFromRows("B", [
      ["Budget £m"],
      [null, "2008/09 £000"],
      ["Pay", 1],
      [],
      ["Note: £ thousands"],
    ]);
    const u = findUnit(sheet, { headerRow: 1, amountColumns: [1], firstDataRow: 2 });
    expect(u.statement).toMatchObject({ unit: "£000", where: "header", cell: { address: "B2" } });
    expect(u.conflicts.map((c) => [c.unit, c.where])).toEqual([["£m", "title"]]);
    const formatOnly = findUnit(
      sheetFromRows(
        "B",
        [
          [null, "2008/09"],
          ["Pay", 1],
        ],
        { numberFormats: [[], [undefined, '"£"#,##0']] }
      ),
      {
        headerRow: 0,
        amountColumns: [1],
        firstDataRow: 1,
      }
    );
    expect(formatOnly.statement).toMatchObject({ unit: "£", where: "format" });
  });
});
