import { detectForceData } from "../../../src/core/detect/detect";
import { BudgetLineKey, ForceData } from "../../../src/core/forceData";
import { CellValue } from "../../../src/core/grid";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";

/** The amount in pence for a key and year, and the cell it came from. */
function amount(
  d: ForceData,
  key: BudgetLineKey,
  year: number
): { value: number; cell: string } | undefined {
  const line = d.budget.lines.find((l) => l.key === key && !l.isTotal);
  const a = line?.amounts.get(year);
  return a && { value: a.value, cell: `${a.sources[0].sheet}!${a.sources[0].address}` };
}

function codes(d: ForceData): string[] {
  return d.findings.map((f) => f.code);
}

function budget(rows: CellValue[][], extras = {}): ForceData {
  return detectForceData(workbookOf(sheetFromRows("Budget", rows, extras)));
}

const HEADER = [null, "2008/09", "2009/10"];

describe("budget lines in a force's own layout", () => {
  test("a label column and a year row under title rows, read in £000 from the title", () => {
    // 96,200 £000 = £96,200,000 = 9,620,000,000p; 5,600 £000 = 560,000,000p.
    const d = budget([
      ["Revenue budget"],
      ["£000"],
      [],
      HEADER,
      ["Police officer pay", 96200, 98300],
      ["Police officer overtime", 5600, 5480],
    ]);
    expect(amount(d, "officerPay", 2008)).toEqual({ value: 9_620_000_000, cell: "Budget!B5" });
    expect(amount(d, "officerOvertime", 2009)).toEqual({ value: 548_000_000, cell: "Budget!C6" });
    expect(d.budget.unit).toBe("£000");
    expect(d.budget.years).toEqual([2008, 2009]);
    expect(codes(d)).toEqual([]);
  });

  test.each([
    ["Police officer overtime"],
    ["Overtime - Police Officers"],
    ["Officers' overtime"],
    ["Police overtime"],
  ])("'%s' is officer overtime", (label) => {
    const d = budget([["£000"], HEADER, ["Police officer pay", 100, 100], [label, 5, 6]]);
    expect(amount(d, "officerOvertime", 2008)?.value).toBe(500_000);
  });

  test.each([
    ["Police officer pay"],
    ["Police Officers Pay & Allowances"],
    ["Officer pay and allowances"],
  ])("'%s' is officer pay", (label) => {
    const d = budget([["£000"], HEADER, [label, 100, 100], ["Officer overtime", 5, 6]]);
    expect(amount(d, "officerPay", 2009)?.value).toBe(10_000_000);
  });

  test("staff and PCSO pay and overtime", () => {
    const d = budget([
      ["£"],
      HEADER,
      ["Police officer pay", 1, 1],
      ["Police officer overtime", 1, 1],
      ["Police staff pay", 300, 310],
      ["Police staff overtime", 30, 31],
      ["PCSO pay", 200, 210],
      ["PCSO overtime", 20, 21],
    ]);
    expect([
      amount(d, "staffPay", 2008)?.value,
      amount(d, "staffOvertime", 2008)?.value,
      amount(d, "pcsoPay", 2009)?.value,
      amount(d, "pcsoOvertime", 2009)?.value,
    ]).toEqual([30_000, 3_000, 21_000, 2_100]);
  });

  test("the unit stated in a header, or in a note below the table", () => {
    const inHeader = budget([
      [null, "2008/09 £m", "2009/10 £m"],
      ["Police officer pay", 1.5, 2],
      ["Officer overtime", 0.1, 0.2],
    ]);
    // 1.5 £m = £1,500,000 = 150,000,000p
    expect(amount(inHeader, "officerPay", 2008)?.value).toBe(150_000_000);
    const inNote = budget([
      HEADER,
      ["Police officer pay", 1.5, 2],
      ["Officer overtime", 0.1, 0.2],
      [],
      ["Note: all amounts in £ millions"],
    ]);
    expect(amount(inNote, "officerPay", 2008)?.value).toBe(150_000_000);
    expect(
      inNote.budget.lines.find((l) => l.key === "officerPay")?.amounts.get(2008)?.how
    ).toContain("£m stated in the note");
  });

  test("no unit stated: a warning naming the sheet, and pounds assumed", () => {
    const d = budget([HEADER, ["Police officer pay", 100, 100], ["Officer overtime", 5, 5]]);
    expect(amount(d, "officerPay", 2008)?.value).toBe(10_000);
    const f = d.findings.find((x) => x.code === "UNITS_NOT_STATED");
    expect(f?.severity).toBe("warning");
    expect(f?.sheet).toBe("Budget");
    expect(f?.message).toContain('Sheet "Budget"');
    expect(d.budget.unit).toBeUndefined();
  });

  test("sub-totals and totals are kept apart and never counted as lines", () => {
    const d = budget([
      ["£000"],
      HEADER,
      ["Police officers"],
      ["Pay and allowances", 100, 110],
      ["Overtime", 6, 5],
      ["Sub-total police officers", 106, 115],
      ["Police staff"],
      ["Pay", 50, 52],
      ["Overtime", 3, 2],
      ["Sub-total police staff", 53, 54],
      ["Total pay", 159, 169],
    ]);
    // Under the heading "Police officers", "Overtime" is officer overtime; under "Police staff", staff overtime.
    expect(amount(d, "officerPay", 2008)?.value).toBe(10_000_000);
    expect(amount(d, "officerOvertime", 2008)?.value).toBe(600_000);
    expect(amount(d, "staffPay", 2009)?.value).toBe(5_200_000);
    expect(amount(d, "staffOvertime", 2009)?.value).toBe(200_000);
    const totals = d.budget.lines.filter((l) => l.isTotal).map((l) => l.label);
    expect(totals).toEqual(["Sub-total police officers", "Sub-total police staff", "Total pay"]);
    // Lines that are not totals add up to the grand total: 100+6+50+3 = 159; nothing twice.
    const lines2008 = d.budget.lines
      .filter((l) => !l.isTotal)
      .reduce((a, l) => a + (l.amounts.get(2008)?.value ?? 0), 0);
    expect(lines2008).toBe(15_900_000);
    expect(d.budget.lines.find((l) => l.label === "Overtime")?.amounts.get(2008)?.how).toContain(
      'under the heading "Police officers"'
    );
    expect(codes(d)).toEqual([]);
  });

  test("a total that is not the sum of the rows above is reported for information", () => {
    const d = budget([
      ["£000"],
      HEADER,
      ["Police officer pay", 100, 100],
      ["Officer overtime", 5, 5],
      ["Total pay", 108, 105],
    ]);
    const f = d.findings.find((x) => x.code === "TOTAL_NOT_RECONCILED");
    // 100 + 5 = 105 £000, but the total says 108 for 2008/09: more than the rounding of two
    // lines in £000 (half of £1,000 each, and half for the total: £1,500).
    expect(f?.message).toContain("Budget!B5");
    expect(f?.message).toContain("£108,000");
    expect(f?.message).toContain("£105,000");
  });

  test("a total within the rounding of its lines is not reported (half a unit per line)", () => {
    // Published in £000: 100 + 5 = 105, the total 106 (worked out before rounding).
    const d = budget([
      ["£000"],
      HEADER,
      ["Police officer pay", 100, 100],
      ["Officer overtime", 5, 5],
      ["Total pay", 106, 105],
    ]);
    expect(d.findings.filter((x) => x.code === "TOTAL_NOT_RECONCILED")).toEqual([]);
  });

  test("a merged title (only its master cell holds text) and a hidden row", () => {
    const d = budget(
      [
        ["Exampleshire Constabulary revenue budget (£000)"],
        [],
        HEADER,
        ["Police officer pay", 100, 100],
        ["Officer overtime", 5, 5],
      ],
      { merges: [{ top: 0, left: 0, bottom: 0, right: 2 }], hiddenRows: [4] }
    );
    expect(amount(d, "officerOvertime", 2008)?.value).toBe(500_000);
    expect(d.settings.forceName?.value).toBe("Exampleshire Constabulary");
    const hidden = d.findings.find((x) => x.code === "HIDDEN_ROWS_READ");
    expect(hidden?.severity).toBe("info");
    expect(hidden?.message).toContain("row 5");
  });

  test("year headers in every form, with their basis", () => {
    const d = budget([
      ["£"],
      [
        null,
        "Actual 2008/09",
        "2009-10",
        "10/11",
        "2011/2012",
        "2012/13 Budget",
        "2013/14 Target",
        "Notes",
      ],
      ["Police officer pay", 1, 2, 3, 4, 5, 6, "a note"],
      ["Officer overtime", 1, 1, 1, 1, 1, 1],
    ]);
    const line = d.budget.lines.find((l) => l.key === "officerPay");
    expect([...(line?.amounts.keys() ?? [])]).toEqual([2008, 2009, 2010, 2011, 2012, 2013]);
    expect(line?.basis?.get(2008)).toBe("actual");
    expect(line?.basis?.get(2012)).toBe("budget");
    expect(line?.basis?.get(2013)).toBe("target");
    expect(codes(d)).toEqual([]);
  });
});

describe("bad input in budgets", () => {
  test("text and error values in number cells: findings naming the cell; the rest is read", () => {
    const d = budget([
      ["£"],
      HEADER,
      ["Police officer pay", "tbc", 100],
      ["Officer overtime", { error: "#REF!" }, 5],
    ]);
    const text = d.findings.find((f) => f.code === "TEXT_IN_NUMBER_CELL");
    expect(text?.cell).toEqual({ sheet: "Budget", address: "B3" });
    expect(text?.message).toContain("Budget!B3");
    expect(text?.message).toContain('"tbc"');
    const err = d.findings.find((f) => f.code === "ERROR_VALUE");
    expect(err?.cell).toEqual({ sheet: "Budget", address: "B4" });
    expect(err?.message).toContain("#REF!");
    expect(amount(d, "officerPay", 2009)?.value).toBe(10_000);
    expect(amount(d, "officerPay", 2008)).toBeUndefined();
  });

  test("#DIV/0! and #N/A are error values too", () => {
    const d = budget([
      ["£"],
      HEADER,
      ["Police officer pay", { error: "#DIV/0!" }, { error: "#N/A" }],
      ["Officer overtime", 1, 1],
    ]);
    expect(d.findings.filter((f) => f.code === "ERROR_VALUE").map((f) => f.cell?.address)).toEqual([
      "B3",
      "C3",
    ]);
  });

  test("numbers typed as text are read, with a note", () => {
    const d = budget([
      ["£"],
      HEADER,
      ["Police officer pay", "1,234.50", "(10)"],
      ["Officer overtime", 1, 1],
    ]);
    expect(amount(d, "officerPay", 2008)?.value).toBe(123_450);
    expect(amount(d, "officerPay", 2009)?.value).toBe(-1_000);
    expect(codes(d)).toContain("NUMBER_STORED_AS_TEXT");
  });

  test("negative pay", () => {
    const d = budget([
      ["£"],
      HEADER,
      ["Police officer pay", -100, 100],
      ["Officer overtime", 1, 1],
    ]);
    const f = d.findings.find((x) => x.code === "NEGATIVE_PAY");
    expect(f?.cell).toEqual({ sheet: "Budget", address: "B3" });
  });

  test("duplicate years: the actual is preferred over the budget; two plain columns warn", () => {
    const d = budget([
      ["£"],
      [null, "2009/10 Budget", "2009/10 Actual"],
      ["Police officer pay", 100, 98],
      ["Officer overtime", 5, 6],
    ]);
    expect(amount(d, "officerPay", 2009)).toEqual({ value: 9_800, cell: "Budget!C3" });
    expect(d.findings.find((f) => f.code === "DUPLICATE_YEAR")?.severity).toBe("info");
    const plain = budget([
      ["£"],
      [null, "2009/10", "2009/10"],
      ["Police officer pay", 100, 98],
      ["Officer overtime", 5, 6],
    ]);
    expect(amount(plain, "officerPay", 2009)).toEqual({ value: 10_000, cell: "Budget!B3" });
    const dup = plain.findings.find((f) => f.code === "DUPLICATE_YEAR");
    expect(dup?.severity).toBe("warning");
    expect(dup?.cell).toEqual({ sheet: "Budget", address: "C2" });
  });

  test("a year that is not a financial year is named", () => {
    const d = budget([
      ["£"],
      [null, "2008/09", "2008/11", "2010/11"],
      ["Police officer pay", 1, 2, 3],
      ["Officer overtime", 1, 1, 1],
    ]);
    expect(d.findings.find((f) => f.code === "YEAR_NOT_VALID")?.cell).toEqual({
      sheet: "Budget",
      address: "C2",
    });
    expect(d.budget.years).toEqual([2008, 2010]);
  });

  test("an ambiguous label is a finding, not a guess", () => {
    const d = budget([
      ["£"],
      HEADER,
      ["Police officer pay", 100, 100],
      ["Officer and staff overtime", 5, 5],
    ]);
    const f = d.findings.find((x) => x.code === "AMBIGUOUS_LABEL");
    expect(f?.cell).toEqual({ sheet: "Budget", address: "A4" });
    expect(f?.message).toContain("police officer overtime or police staff overtime");
    expect(
      d.budget.lines.find((l) => l.label === "Officer and staff overtime")?.key
    ).toBeUndefined();
    expect(codes(d)).toContain("REQUIRED_LINE_MISSING");
  });

  test("the user's mapping settles it, by cell or by label", () => {
    const rows: CellValue[][] = [
      ["£"],
      HEADER,
      ["Police officer pay", 100, 100],
      ["Officer and staff overtime", 5, 5],
    ];
    const byCell = detectForceData(workbookOf(sheetFromRows("Budget", rows)), {
      budgetLines: { "Budget!A4": "officerOvertime" },
    });
    expect(amount(byCell, "officerOvertime", 2008)?.value).toBe(500);
    expect(
      byCell.budget.lines.find((l) => l.key === "officerOvertime")?.amounts.get(2008)?.how
    ).toContain("Data step");
    const byLabel = detectForceData(workbookOf(sheetFromRows("Budget", rows)), {
      budgetLines: { "officer staff overtime": "officerOvertime" },
    });
    expect(amount(byLabel, "officerOvertime", 2008)?.value).toBe(500);
    const none = detectForceData(workbookOf(sheetFromRows("Budget", rows)), {
      budgetLines: { "Budget!A3": "none" },
    });
    expect(amount(none, "officerPay", 2008)).toBeUndefined();
  });

  test("several lines for one key on one sheet are added by the analyses, and the finding says so", () => {
    const d = budget([
      ["£"],
      HEADER,
      ["Police officers"],
      ["Basic pay", 90, 90],
      ["Allowances", 10, 10],
      ["Overtime", 5, 5],
    ]);
    expect(d.budget.lines.filter((l) => l.key === "officerPay").map((l) => l.label)).toEqual([
      "Basic pay",
      "Allowances",
    ]);
    expect(codes(d)).toContain("LINES_ADDED");
  });

  test("the same key on two sheets is used from the first only", () => {
    const a = sheetFromRows("Budget", [
      ["£"],
      HEADER,
      ["Police officer pay", 100, 100],
      ["Officer overtime", 5, 5],
    ]);
    const b = sheetFromRows("Summary budget", [["£"], HEADER, ["Police officer pay", 100, 100]]);
    const d = detectForceData(workbookOf(a, b));
    expect(d.budget.lines.filter((l) => l.key === "officerPay")).toHaveLength(1);
    expect(d.findings.find((f) => f.code === "DUPLICATE_LINE")?.cell).toEqual({
      sheet: "Summary budget",
      address: "A3",
    });
  });
});
