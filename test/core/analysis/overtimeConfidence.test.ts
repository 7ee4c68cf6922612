/**
 * Never a confident wrong overtime figure (issue 11, item 3): a ratio that rests on a budget line
 * the add-in could not settle is shown unconfirmed, with the cell, and given no status until the
 * user confirms; subtotals on a budget sheet are never added in again. Amounts in £000.
 */
import { runVfm } from "../../../src/core/run";
import { checkWorkbook } from "../../../src/core/check/check";
import { analysisToJson } from "../../../src/core/analysis/json";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import { CellValue } from "../../../src/core/grid";
import { DetectOptions } from "../../../src/core/detect/options";

const K = 100_000; // pence in £1,000

function run(rows: CellValue[][], detect: DetectOptions = {}) {
  const grid = workbookOf(
    sheetFromRows("Budget", [["Revenue budget £000"], [null, "2009/10"], ...rows])
  );
  return runVfm(grid, { settings: { detect: JSON.parse(JSON.stringify(detect)) } });
}

describe("a label that could be pay or overtime", () => {
  // Row 5 "Police officer overtime allowances" fits officer pay and officer overtime equally.
  const rows: CellValue[][] = [
    ["Police officer pay", 100000],
    ["Police officer overtime", 4000],
    ["Police officer overtime allowances", 500],
  ];

  test("the ratio is shown unconfirmed, names the cell, and has no status", () => {
    const r = run(rows);
    const y = r.analysis.overtime.byYear.find((b) => b.year === 2009)!;
    // Without the doubtful row: 4,000 / (100,000 + 4,000) = 0.0384615...
    expect(y.ratio?.value).toBeCloseTo(4000 / 104000, 12);
    expect(y.confidence).toBe("unconfirmed");
    expect(y.status).toBe("unknown");
    expect(y.doubtfulAmount.value).toBe(500 * K);
    expect(y.doubts).toEqual([
      expect.objectContaining({
        label: "Police officer overtime allowances",
        cell: { sheet: "Budget", address: "A5" },
        amount: 500 * K,
        keys: ["officerPay", "officerOvertime"],
      }),
    ]);
    expect(r.analysis.overtime.rag).toMatchObject({ rag: "none", unconfirmed: true });
    expect(r.analysis.overtime.rag.rule).toContain("Budget!A5");
    const f = r.findings.find((x) => x.code === "OVERTIME_LINE_UNCONFIRMED");
    expect(f?.message).toBe(
      '"Police officer overtime allowances" at Budget!A5 (£500,000 in 2009/10): its label could be police officer pay or police officer overtime, so it was counted as neither, so the overtime ratio is shown unconfirmed and given no status.'
    );
    const json = analysisToJson(r.analysis) as unknown as {
      overtime: { byYear: { confidence: string; doubts: { cell: string; keys: string[] }[] }[] };
    };
    expect(json.overtime.byYear[0].confidence).toBe("unconfirmed");
    expect(json.overtime.byYear[0].doubts[0]).toMatchObject({
      cell: "Budget!A5",
      keys: ["officerPay", "officerOvertime"],
    });
  });

  test("the check neither passes nor fails the 4% rule on it", () => {
    const hits = checkWorkbook(run(rows)).findings.filter(
      (x) => x.rule === "OVERTIME_THRESHOLD_YEAR_PLANNED"
    );
    expect(hits).toHaveLength(1);
    expect(hits[0].message).toMatch(/^The overtime ratio for 2009\/10 is unconfirmed: .*Budget!A5/);
  });

  test("once the user says which line it is, the ratio is confirmed and placed", () => {
    // The one-click correction keeps the row already read as overtime (A4) and adds A5 to it.
    const r = run(rows, {
      budgetLines: { "Budget!A4": "officerOvertime", "Budget!A5": "officerOvertime" },
    });
    const y = r.analysis.overtime.byYear.find((b) => b.year === 2009)!;
    // 4,500 / (100,000 + 4,500) = 0.043062... above 4%.
    expect(y.ratio?.value).toBeCloseTo(4500 / 104500, 12);
    expect(y.confidence).toBe("confirmed");
    expect(y.status).toBe("above");
    expect(r.analysis.overtime.rag.rag).not.toBe("none");
  });
});

describe("a pay total that does not add up", () => {
  test("is a doubt on the ratio; the same total that adds up is none", () => {
    const bad = run([
      ["Police officer basic pay", 90000],
      ["Police officer allowances", 5000],
      ["Total police officer pay", 110000],
      ["Police officer overtime", 3800],
    ]);
    const y = bad.analysis.overtime.byYear[0];
    // The lines add up to 95,000, the total says 110,000: £15,000,000 apart.
    expect(y.confidence).toBe("unconfirmed");
    expect(y.doubts.map((d) => [d.cell.address, d.amount])).toEqual([["A5", 15000 * K]]);
    expect(y.doubts[0].reason).toContain("£110,000,000");
    const good = run([
      ["Police officer basic pay", 90000],
      ["Police officer allowances", 5000],
      ["Total police officer pay", 95000],
      ["Police officer overtime", 3800],
    ]);
    // 3,800 / (95,000 + 3,800) = 0.038461...
    expect(good.analysis.overtime.byYear[0]).toMatchObject({
      confidence: "confirmed",
      status: "atOrBelow",
    });
    expect(good.analysis.overtime.byYear[0].ratio?.value).toBeCloseTo(3800 / 98800, 12);
  });
});

describe("unlabelled subtotals on a budget sheet", () => {
  // "Police officer pay" (row 6) is basic pay + allowances + national insurance, with no "total".
  const rows: CellValue[][] = [
    ["Police officer basic pay", 90000],
    ["Police officer allowances", 5000],
    ["Police officer employer's national insurance", 7000],
    ["Police officer pay", 102000],
    ["Police officer overtime", 4080],
  ];

  test("are read as subtotals, with a finding, and not counted again", () => {
    const r = run(rows);
    const y = r.analysis.overtime.byYear[0];
    // Pay 102,000 (not 204,000); 4,080 / (102,000 + 4,080) = 0.0384615...
    expect(y.paybill.value).toBe(106080 * K);
    expect(y.ratio?.value).toBeCloseTo(4080 / 106080, 12);
    expect(y.confidence).toBe("confirmed");
    const f = r.findings.filter((x) => x.code === "UNLABELLED_SUBTOTAL");
    expect(f.map((x) => x.cell)).toEqual([{ sheet: "Budget", address: "A6" }]);
    expect(f[0].message).toContain("sum of the 3 rows above it (rows 3 to 5)");
    expect(r.data.budget.lines.find((l) => l.labelCell.address === "A6")).toMatchObject({
      isTotal: true,
      unlabelledSubtotal: true,
    });
  });

  test("the user can say it is a line of its own, or make any row a subtotal", () => {
    const line = run(rows, { subtotals: { "Budget!A6": false } });
    expect(line.analysis.overtime.byYear[0].paybill.value).toBe((204000 + 4080) * K);
    expect(line.findings.filter((x) => x.code === "UNLABELLED_SUBTOTAL")).toEqual([]);
    // Two rows where the second is not quite the first's sum: only the user's word makes it one.
    const two = [
      ["Police officer basic pay", 90000],
      ["Police officer allowances", 5000],
      ["Police officer pay", 95500],
      ["Police officer overtime", 3900],
    ] as CellValue[][];
    expect(run(two).analysis.overtime.byYear[0].paybill.value).toBe((95000 + 95500 + 3900) * K);
    const told = run(two, { subtotals: { "Budget!A5": true } });
    expect(told.analysis.overtime.byYear[0].paybill.value).toBe((95000 + 3900) * K);
  });

  test("a row that adds up to rows of other keys is a line (officer pay is not staff pay)", () => {
    const r = run([
      ["Police staff pay", 30000],
      ["Police staff overtime", 500],
      ["Police officer pay", 30500],
      ["Police officer overtime", 1000],
    ]);
    expect(r.findings.filter((x) => x.code === "UNLABELLED_SUBTOTAL")).toEqual([]);
    expect(r.analysis.overtime.byYear[0].ratio?.value).toBeCloseTo(1000 / 31500, 12);
  });
});
