import { DEFAULT_POLICY } from "../../src/core/policy";
import { MemoryGateway } from "../../src/preview/memoryGateway";
import { inputSheetNames, inputSheetsPlan } from "../../src/taskpane/model/template";

describe("Insert input sheets", () => {
  test("the five input sheets and the peers sheet, all create-only", () => {
    const plan = inputSheetsPlan(DEFAULT_POLICY);
    expect(inputSheetNames(plan)).toEqual([
      "Budget",
      "Workforce",
      "Procurement",
      "Savings plan",
      "Settings",
      "Peers",
    ]);
    expect(plan.sheets.every((s) => s.mode === "createOnly")).toBe(true);
  });

  test("a sheet of the user's with a template name is left as it is, and said so", async () => {
    const gateway = new MemoryGateway({
      sheets: [{ name: "Budget", values: [["my own budget"]] }],
    });
    const result = await gateway.applyWritePlan(inputSheetsPlan());
    const budget = result.sheets.find((s) => s.planned === "Budget")!;
    expect(budget.actual).toBeUndefined();
    expect(budget.note).toBe('A sheet named "Budget" already exists, so it was left as it is.');
    expect(gateway.toGrid().sheets.find((s) => s.name === "Budget")?.values).toEqual([
      ["my own budget"],
    ]);
    expect(result.sheets.filter((s) => s.actual).map((s) => s.actual)).toEqual([
      "Workforce",
      "Procurement",
      "Savings plan",
      "Settings",
      "Peers",
    ]);
    // A second time, nothing is written.
    const again = await gateway.applyWritePlan(inputSheetsPlan());
    expect(again.sheets.every((s) => s.actual === undefined)).toBe(true);
  });
});
