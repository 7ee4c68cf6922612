import { allYearsTable, areaTable, yearTable } from "../../src/taskpane/model/savings";
import { paneResult } from "./fixtures";

const texts = (cells: readonly { text: string }[]) => cells.map((c) => c.text);

describe("the Savings step's tables", () => {
  const analysis = paneResult().analysis;
  const s = analysis.savings;

  test("cashable by area: planned, actual, variance and the status in words, nine areas and a total", () => {
    const t = areaTable(analysis, "cashable", "£");
    expect(t.columns.map((c) => c.header)).toEqual([
      "Area",
      "Planned",
      "Actual",
      "Variance",
      "Status",
    ]);
    expect(t.caption).toBe("Cashable savings by area, all years (£)");
    expect(t.rows).toHaveLength(10);
    const overtime = t.rows.find((r) => r.cells[0].text === "Overtime")!;
    // Planned 300,000 + 200,000 = 500,000; actual 270,000 reported for 2009/10 only;
    // variance over the lines with an actual: 270,000 - 300,000 = -30,000, shown in brackets.
    expect(texts(overtime.cells).slice(1, 4)).toEqual(["500,000", "270,000", "(30,000)"]);
    expect(overtime.cells[4].rag).toBeDefined();
    expect(overtime.cells[1].sources.length).toBeGreaterThan(0);
    const deployment = t.rows.find((r) => r.cells[0].text === "Deployment")!;
    expect(texts(deployment.cells).slice(1, 4)).toEqual(["no lines", "no lines", "no lines"]);
    const total = t.rows[t.rows.length - 1];
    expect(total.role).toBe("total");
    expect(texts(total.cells).slice(0, 4)).toEqual([
      "All nine areas",
      "500,000",
      "270,000",
      "(30,000)",
    ]);
  });

  test("non-cashable apart from cashable", () => {
    const t = areaTable(analysis, "nonCashable", "£000");
    const procurement = t.rows.find((r) => r.cells[0].text === "Procurement")!;
    // 42,000 in £000 = 42; nothing reported yet.
    expect(texts(procurement.cells).slice(1, 4)).toEqual(["42", "not reported", "not reported"]);
  });

  test("by year, all areas, with a total row", () => {
    const t = allYearsTable(s, "cashable", "£");
    expect(t.rows.map((r) => r.cells[0].text)).toEqual(["2009/10", "2010/11", "Total"]);
    expect(texts(t.rows[0].cells)).toEqual(["2009/10", "300,000", "270,000", "(30,000)"]);
    expect(texts(t.rows[1].cells)).toEqual(["2010/11", "200,000", "not reported", "not reported"]);
  });

  test("one area by year", () => {
    const area = s.byArea.find((a) => a.area === "overtime")!;
    const t = yearTable(area.byYear, area.cashable, "cashable", "£", "Overtime by year", "x");
    expect(t.caption).toBe("Overtime by year");
    expect(t.rows[t.rows.length - 1].cells[1].text).toBe("500,000");
  });
});
