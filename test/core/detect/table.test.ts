import {
  checkTotals,
  findYearHeader,
  readYearTable,
  rowList,
} from "../../../src/core/detect/table";
import { isTotalLabel } from "../../../src/core/detect/labels";
import { detectForceData } from "../../../src/core/detect/detect";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";

describe("finding the table on a sheet", () => {
  test("the year row anywhere below titles, labels in any column left of it, notes to the right", () => {
    const sheet = sheetFromRows("B", [
      ["Northshire Police"],
      ["Medium-term plan"],
      [],
      [null, null, null, "Actual 2008/09", "2009/10 Budget", "Notes"],
      [null, "Code", "Line"],
      [null, "P101", "Police officer pay", 10, 11, "rising"],
      [null, null, "Premises", 3, 3],
    ]);
    const header = findYearHeader(sheet);
    expect(header?.row).toBe(3);
    expect(header?.columns.map((c) => [c.col, c.year, c.basis])).toEqual([
      [3, 2008, "actual"],
      [4, 2009, "budget"],
    ]);
    const table = readYearTable(sheet, header!, { isTotal: isTotalLabel });
    // "P101" is a code, not a label: the label is the first text with words.
    expect(table.rows.map((r) => [r.row, r.kind, r.label, r.labelCol])).toEqual([
      [4, "heading", "Code", 1],
      [5, "line", "Police officer pay", 2],
      [6, "line", "Premises", 2],
    ]);
  });

  test("units and basis written under each year continue the header", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Budget", [
          [null, "2008/09", "2009/10"],
          [null, "Actual", "Budget"],
          [null, "£000", "£000"],
          ["Police officer pay", 100, 110],
          ["Officer overtime", 6, 5],
        ])
      )
    );
    const pay = d.budget.lines.find((l) => l.key === "officerPay");
    expect(pay?.amounts.get(2009)?.value).toBe(11_000_000);
    expect([...(pay?.basis ?? [])]).toEqual([
      [2008, "actual"],
      [2009, "budget"],
    ]);
    expect(d.findings.map((f) => f.code)).toEqual([]);
  });

  test("a header with only one year needs text, not a date that happens to be in a data row", () => {
    const ledger = sheetFromRows("L", [
      ["Category", "Contract end"],
      ["Vehicles", new Date(Date.UTC(2011, 2, 31))],
    ]);
    expect(findYearHeader(ledger, {}, 1)).toBeUndefined();
    expect(
      findYearHeader(
        sheetFromRows("B", [
          [null, "2010/11 Budget"],
          ["Pay", 1],
        ]),
        {},
        1
      )?.row
    ).toBe(0);
  });
});

describe("totals", () => {
  test("sub-totals, a total of sub-totals and a net line that adds negative income", () => {
    // a=100, b=5 -> sub 105; c=50 -> sub 50; total pay 155; income -20; net 135
    const items = [
      { isTotal: false, values: [100] },
      { isTotal: false, values: [5] },
      { isTotal: true, values: [105] },
      { isTotal: false, values: [50] },
      { isTotal: true, values: [50] },
      { isTotal: true, values: [155] },
      { isTotal: false, values: [-20] },
      { isTotal: true, values: [135] },
    ];
    expect(checkTotals(items, (a, b) => a === b)).toEqual([
      { index: 2, ok: true, covers: [0, 1] },
      { index: 4, ok: true, covers: [3] },
      { index: 5, ok: true, covers: [2, 4] },
      { index: 7, ok: true, covers: [5, 6] },
    ]);
  });
  test("a total that fits no run of rows above reports what the rows add up to", () => {
    const r = checkTotals(
      [
        { isTotal: false, values: [100, 1] },
        { isTotal: false, values: [5, 2] },
        { isTotal: true, values: [104, 3] },
      ],
      (a, b) => a === b
    );
    // 100 + 5 = 105, not 104; the second column (1 + 2 = 3) is right.
    expect(r).toEqual([
      { index: 2, ok: false, differences: [{ column: 0, stated: 104, sum: 105 }] },
    ]);
  });
  test("row lists for messages", () => {
    expect(rowList([4])).toBe("row 5");
    expect(rowList([4, 6, 9])).toBe("rows 5, 7 and 10");
  });
});
