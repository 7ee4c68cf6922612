/**
 * A workbook with no police figures cannot produce a statement: the pane's Statement step and the
 * vfm commands refuse it with the same reason, from the core.
 */
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { detectForceData } from "../../src/core/detect/detect";
import { noPoliceFigures } from "../../src/core/policeFigures";

describe("noPoliceFigures", () => {
  test("the sample has police figures: nothing to refuse", () => {
    const wb = exampleshireFreeForm();
    expect(
      noPoliceFigures(
        detectForceData(wb),
        wb.sheets.map((s) => s.name)
      )
    ).toBeUndefined();
  });

  test("a duty rota and a shopping list: why, naming the sheets, and what to open instead", () => {
    const wb = {
      sheets: [
        {
          name: "Rota",
          values: [
            ["Name", "Monday", "Tuesday"],
            ["PC Smith", "Early", "Late"],
          ],
        },
        {
          name: "Shopping",
          values: [
            ["Item", "Cost"],
            ["Tea", 3.5],
          ],
        },
      ],
    };
    const refused = noPoliceFigures(
      detectForceData(wb),
      wb.sheets.map((s) => s.name)
    )!;
    expect(refused.title).toBe("This workbook has no police figures to make a statement from");
    expect(refused.why).toBe(
      'Its two sheets ("Rota" and "Shopping") have no budget figures the add-in recognises: no police pay, overtime or spend set out by financial year. A Value for Money Statement starts from the force\'s own budget, so none can be drafted from this workbook.'
    );
    expect(refused.instead).toMatch(/^Open the force's budget workbook/);
    expect(refused.instead).toMatch(/insert the input sheets/);
  });

  test("an empty workbook says it has no sheets", () => {
    const refused = noPoliceFigures(detectForceData({ sheets: [] }), [])!;
    expect(refused.why).toMatch(/^The workbook has no sheets\. /);
  });
});
