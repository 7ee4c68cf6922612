import { WorkbookGrid } from "../../src/core/grid";
import { runVfm, SETTINGS_KEYS } from "../../src/core/run";
import {
  cellKey,
  chooseBudgetLine,
  chooseFunctionCategory,
  chooseUnit,
  decisionCount,
  moneySheets,
  toJson,
} from "../../src/taskpane/model/mapping";
import { detectOptionsOf, withPart } from "../../src/taskpane/model/settings";

/** A free-form budget in £000 whose overtime row detection reads as "Police officer overtime". */
const workbook: WorkbookGrid = {
  sheets: [
    {
      name: "Budget",
      values: [
        ["Revenue budget (£000)"],
        [],
        ["Line", "2009/10", "2010/11"],
        ["Police officer pay", 94500, 95000],
        ["Police officer overtime", 5200, 5000],
        ["Bank holiday working", 300, 310],
        ["Police staff pay", 24000, 24100],
      ],
    },
  ],
};

describe("the user's corrections to the mapping", () => {
  const first = runVfm(workbook);

  test("choosing another row for officer overtime marks the row detection chose as no key", () => {
    const chosen = first.data.budget.lines.find((l) => l.label === "Bank holiday working")!;
    const options = chooseBudgetLine({}, first.data, "officerOvertime", chosen.labelCell);
    expect(options).toEqual({
      budgetLines: { "Budget!A5": "none", "Budget!A6": "officerOvertime" },
    });
  });

  test("stored in the settings, the choice is applied on the next run without asking", () => {
    const chosen = first.data.budget.lines.find((l) => l.label === "Bank holiday working")!;
    const options = chooseUnit(
      chooseBudgetLine({}, first.data, "officerOvertime", chosen.labelCell),
      "Budget",
      "£m"
    );
    const settings = withPart({}, SETTINGS_KEYS.detect, toJson(options));
    const again = runVfm(workbook, { settings });
    const overtime = again.data.budget.lines.filter((l) => l.key === "officerOvertime");
    expect(overtime.map((l) => l.label)).toEqual(["Bank holiday working"]);
    // 310 in £m = £310,000,000 = 31,000,000,000 pence for 2010/11.
    expect(overtime[0].amounts.get(2010)?.value).toBe(31_000_000_000);
    expect(again.data.budget.unit).toBe("£m");
    expect(detectOptionsOf(settings)).toEqual(toJson(options));
  });

  test("choosing no row gives the key back to detection, forgetting earlier choices", () => {
    const options = chooseBudgetLine(
      {
        budgetLines: { "Budget!A5": "none", "Budget!A6": "officerOvertime" },
        units: { Budget: "£m" },
      },
      first.data,
      "officerOvertime",
      undefined
    );
    expect(options).toEqual({ budgetLines: { "Budget!A5": "none" }, units: { Budget: "£m" } });
    expect(chooseUnit(options, "Budget", undefined)).toEqual({
      budgetLines: { "Budget!A5": "none" },
    });
  });

  test("a function's category is recorded by its label cell, and decisions are counted", () => {
    const o = chooseFunctionCategory({}, { sheet: "Workforce 2010", address: "A9" }, "hr");
    expect(o).toEqual({ functionCategories: { "Workforce 2010!A9": "hr" } });
    expect(cellKey({ sheet: "Workforce 2010", address: "A9" })).toBe("Workforce 2010!A9");
    expect(decisionCount({ ...o, units: { Budget: "£000" } })).toBe(2);
    expect(decisionCount({})).toBe(0);
  });

  test("the money sheets are the budget, procurement and savings sheets read", () => {
    expect(moneySheets(first.data)).toEqual(["Budget"]);
  });
});
