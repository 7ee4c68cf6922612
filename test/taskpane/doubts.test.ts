/**
 * The one-click corrections the Benchmarks and Data steps offer for doubtful lines (issue 11):
 * say which budget line a row is (joining the rows already read as that line), read a row as a
 * subtotal, or count a row read as a subtotal as a line of its own. Amounts in £000.
 */
import { runVfm } from "../../src/core/run";
import { DetectOptions } from "../../src/core/detect/options";
import { CellValue } from "../../src/core/grid";
import { sheetFromRows, workbookOf } from "../../src/core/sample/gridBuilder";
import { overtimeCard } from "../../src/taskpane/model/benchmarks";
import {
  applyDoubtFix,
  countAsLine,
  overtimeDoubts,
  subtotalChoices,
} from "../../src/taskpane/model/doubts";

const K = 100_000; // pence in £1,000

function run(rows: CellValue[][], detect: DetectOptions = {}) {
  const grid = workbookOf(
    sheetFromRows("Budget", [["Revenue budget £000"], [null, "2009/10"], ...rows])
  );
  return runVfm(grid, { settings: { detect: JSON.parse(JSON.stringify(detect)) } });
}

test("a row that could be pay or overtime: the card gives no position, one click settles it", () => {
  const rows: CellValue[][] = [
    ["Police officer pay", 100000],
    ["Police officer overtime", 4000],
    ["Police officer overtime allowances", 500],
  ];
  const r = run(rows);
  const card = overtimeCard(r.analysis);
  expect(card.figureLabel).toBe("Overtime as a share of paybill, 2009/10, unconfirmed");
  expect(card.position).toBe(
    "Not given: the ratio is unconfirmed (£500,000 on budget lines not yet settled)"
  );
  expect(card.rag.words).toBe("Not assessed");
  const view = overtimeDoubts(r)!;
  expect(view.year).toBe("2009/10");
  expect(view.doubts.map((d) => d.actions.map((a) => a.label))).toEqual([
    ["Count it as police officer pay", "Count it as police officer overtime"],
  ]);
  // "Count it as police officer overtime": A5 joins A4, which stays overtime.
  const options = applyDoubtFix({}, r.data, view.doubts[0].actions[1].fix);
  expect(options).toEqual({
    budgetLines: { "Budget!A4": "officerOvertime", "Budget!A5": "officerOvertime" },
  });
  const after = run(rows, options).analysis.overtime.byYear[0];
  // 4,500 / (100,000 + 4,500) = 4.31%, above 4%.
  expect([after.confidence, after.status, after.overtime.value]).toEqual([
    "confirmed",
    "above",
    4500 * K,
  ]);
  expect(overtimeDoubts(run(rows, options))).toBeUndefined();
});

test("a pay total out by one row's amount offers to read that row as a subtotal", () => {
  // "Police officer pay" (A6) is basic pay + allowances only, not everything since the heading,
  // so it is not taken as a subtotal by itself: the rows add up to 7,000 + 90,000 + 5,000 +
  // 95,000 = 197,000 against the stated total of 102,000, over by 95,000: A6's own amount.
  const rows: CellValue[][] = [
    ["Police officer employer's national insurance", 7000],
    ["Police officer basic pay", 90000],
    ["Police officer allowances", 5000],
    ["Police officer pay", 95000],
    ["Total police officer pay", 102000],
    ["Police officer overtime", 4000],
  ];
  const r = run(rows);
  const view = overtimeDoubts(r)!;
  expect(view.doubts.map((d) => [d.cell.address, d.actions.map((a) => a.label)])).toEqual([
    ["A7", ['Read "Police officer pay" (Budget!A6) as a subtotal']],
  ]);
  const options = applyDoubtFix({}, r.data, view.doubts[0].actions[0].fix);
  expect(options).toEqual({ subtotals: { "Budget!A6": true } });
  const after = run(rows, options);
  // Now A6 = 90,000 + 5,000 and the total = 7,000 + 95,000: pay 102,000, 4,000 / 106,000 = 3.77%.
  expect(after.analysis.overtime.byYear[0]).toMatchObject({
    confidence: "confirmed",
    status: "atOrBelow",
  });
  expect(after.analysis.overtime.byYear[0].paybill.value).toBe((102000 + 4000) * K);
  // The Data step lists the row as the user's subtotal, with the one click that undoes it.
  expect(subtotalChoices(after, options).map((c) => [c.by, c.label, c.text])).toEqual([
    ["user", "Count it again", "You marked Budget!A6 as a subtotal, so it is not added in."],
  ]);
});

test("a row the add-in read as a subtotal can be counted as a line of its own", () => {
  const rows: CellValue[][] = [
    ["Police officer basic pay", 90000],
    ["Police officer allowances", 5000],
    ["Police officer pay", 95000],
    ["Police officer overtime", 3900],
  ];
  const r = run(rows);
  const choices = subtotalChoices(r, {});
  expect(choices.map((c) => [c.by, c.cell.address, c.label])).toEqual([
    ["addin", "A5", "Count it as a line of its own"],
  ]);
  const options = countAsLine({}, choices[0].cell);
  expect(options).toEqual({ subtotals: { "Budget!A5": false } });
  expect(run(rows, options).analysis.overtime.byYear[0].paybill.value).toBe((190000 + 3900) * K);
  expect(subtotalChoices(run(rows, options), options)).toEqual([]);
});
