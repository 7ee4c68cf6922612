/**
 * The preview grid shows a cell as Excel would, by its number format (SheetJS SSF). The worked
 * examples are the add-in's own formats: £000 cells carry "#,##0," (Excel divides by 1,000 once
 * per trailing comma), negatives in brackets, ratios as percentages, UK dates.
 */
import { cellText } from "../../src/preview/page/cellText";

describe("cellText", () => {
  test("a £000 cell holding 50,000 pounds shows 50 (50,000 / 1,000)", () => {
    expect(cellText(50000, "#,##0,")).toBe("50");
    expect(cellText(1400000, "#,##0,")).toBe("1,400");
    expect(cellText(19280000, "#,##0,")).toBe("19,280");
  });

  test("a negative amount shows in brackets where the format says so", () => {
    expect(cellText(-5000, "#,##0,;(#,##0,)")).toBe("(5)");
    expect(cellText(-1234.5, "#,##0.00;(#,##0.00)")).toBe("(1,234.50)");
  });

  test("ratios show as percentages: 0.055 is 5.5%, the 4% threshold 4.0%", () => {
    expect(cellText(0.055, "0.0%")).toBe("5.5%");
    expect(cellText(0.04, "0.0%")).toBe("4.0%");
  });

  test("General shows numbers as Excel does, with no grouping", () => {
    expect(cellText(1234567, undefined)).toBe("1234567");
    expect(cellText(0.055)).toBe("0.055");
  });

  test("dates are UTC days: 31 March 2011 reads 31/03/2011 whatever the machine's zone", () => {
    const d = new Date(Date.UTC(2011, 2, 31));
    expect(cellText(d)).toBe("31/03/2011");
    expect(cellText(d, "d mmm yyyy")).toBe("31 Mar 2011");
  });

  test("text, booleans, errors and empty cells", () => {
    expect(cellText("Officer overtime", "@")).toBe("Officer overtime");
    expect(cellText("Officer overtime")).toBe("Officer overtime");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText({ error: "#DIV/0!" }, "0.0%")).toBe("#DIV/0!");
    expect(cellText(null, "0.0%")).toBe("");
  });

  test("a damaged format code falls back to General instead of failing", () => {
    expect(cellText(5, 'bogus"')).toBe("5");
  });
});
