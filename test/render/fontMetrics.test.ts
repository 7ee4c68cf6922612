import { advanceWidth, textTwips, textUnits } from "../../src/render/fontMetrics";

describe("Arial advance widths (Helvetica's AFM metrics)", () => {
  test('"30 September 2010" at 9 pt: the sum of its advance widths / 1000 x 9 pt x 20 twips', () => {
    // 3 556 + 0 556 = 1,112; space 278; S 667 e 556 p 556 t 278 e 556 m 833 b 556 e 556 r 333
    // = 4,891; space 278; 2 0 1 0 = 4 x 556 = 2,224. 1,112 + 278 + 4,891 + 278 + 2,224 = 8,783
    expect(textUnits("30 September 2010", false)).toBe(8783);
    // 8,783 / 1000 x 9 x 20 = 1,580.94 -> 1,581 twips (79.05 pt), rounded up
    expect(textTwips("30 September 2010", 9, false)).toBe(1581);
    // the flat 112 twips a character it replaces guessed 17 x 112 = 1,904
  });

  test("bold is wider: the header and total rows are measured in bold", () => {
    // bold: p 611, t 333, m 889, b 611, r 389 (regular 556, 278, 833, 556, 333):
    // 1,112 + 278 + (667 + 556 + 611 + 333 + 556 + 889 + 611 + 556 + 389 = 5,168) + 278 + 2,224
    expect(textUnits("30 September 2010", true)).toBe(9060);
    // 9,060 / 1000 x 9 x 20 = 1,630.8 -> 1,631
    expect(textTwips("30 September 2010", 9, true)).toBe(1631);
  });

  test("every digit is as wide as every other (556), so figures line up; narrow and wide letters differ", () => {
    for (const d of "0123456789") {
      expect(advanceWidth(d, false)).toBe(556);
      expect(advanceWidth(d, true)).toBe(556);
    }
    expect(advanceWidth("i", false)).toBe(222);
    expect(advanceWidth("W", false)).toBe(944);
    expect(advanceWidth("£", false)).toBe(556);
    // "é" advances as "e"; a character not in the tables counts as a whole em, never short
    expect(advanceWidth("é", false)).toBe(advanceWidth("e", false));
    expect(advanceWidth("中", false)).toBe(1000);
  });
});
