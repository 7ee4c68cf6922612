/**
 * The one reading of numbers typed as text (src/core/numberText.ts), rule by rule, with the cases
 * where the two readers it replaced disagreed: detection's cells rejected "0123" and read "nil" as
 * blank; the peers reader accepted ".5", "0123" and "5.9%". One set of rules now decides each.
 */
import fc from "fast-check";
import { fromPoints, NumberText, parseNumberText } from "../../src/core/numberText";
import { readNumberCell, amountFromCell, FindingSink } from "../../src/core/detect/cells";

const num = (value: number, more: { percent?: boolean; pounds?: boolean } = {}): NumberText => ({
  kind: "number",
  value,
  percent: !!more.percent,
  pounds: !!more.pounds,
});
const TEXT: NumberText = { kind: "text" };
const NIL: NumberText = { kind: "nil" };

describe("numbers typed as text: worked examples", () => {
  test.each<[string, NumberText]>([
    ["1234", num(1234)],
    ["1,234.50", num(1234.5)],
    ["1,234,567", num(1234567)],
    [" 12 ", num(12)],
    ["+7", num(7)],
    ["-7.25", num(-7.25)],
    ["(3.2)", num(-3.2)],
    [" ( 1,234 ) ", num(-1234)],
    ["£12", num(12, { pounds: true })],
    ["£ 12", num(12, { pounds: true })],
    ["-£1,000", num(-1000, { pounds: true })],
    ["(£1,000)", num(-1000, { pounds: true })],
    ["0", num(0)],
    ["-0", num(0)],
    ["0.5", num(0.5)],
    // Rule 4: a number may start at its decimal point (the peers reader's reading, kept).
    [".5", num(0.5)],
    // Rule 7: % is a flag; the value stays in points.
    ["5.9%", num(5.9, { percent: true })],
    ["5.9 %", num(5.9, { percent: true })],
    ["(2%)", num(-2, { percent: true })],
  ])("%j reads as a number", (text, expected) => expect(parseNumberText(text)).toEqual(expected));

  test.each<[string]>([["-"], ["--"], ["–"], ["—"], ["nil"], ["NIL"], [" Nil "], [""], ["   "]])(
    "%j is nil: nothing here",
    (text) => expect(parseNumberText(text)).toEqual(NIL)
  );

  test.each<[string, string]>([
    ["0123", "a leading zero: a code"],
    ["007", "a leading zero: a code"],
    ["£000", "the unit, not a number"],
    ["0,123", "a leading zero in the first group"],
    ["1,23", "commas not in threes"],
    ["12,3456", "commas not in threes"],
    ["12 345", "a space inside the digits"],
    ["1e5", "an exponent"],
    ["1.2.3", "two decimal points"],
    ["(5", "a bracket without its pair"],
    ["5)", "a bracket without its pair"],
    ["(-5)", "a sign inside brackets"],
    ["$5", "a currency other than £"],
    ["5 FTE", "a word"],
    ["n/a", "a word"],
    ["%", "no digits"],
    ["£", "no digits"],
    [".", "no digits"],
    ["+-5", "two signs"],
  ])("%j is text (%s)", (text) => expect(parseNumberText(text)).toEqual(TEXT));

  test("points to fractions carry no binary noise: 5.8 -> 0.058 exactly", () => {
    expect(5.8 / 100).not.toBe(0.058);
    expect(fromPoints(5.8)).toBe(0.058);
  });
});

/** A number with up to two decimals, as a spreadsheet would show it. */
const amount = fc.integer({ min: 0, max: 1e12 }).map((pence) => pence / 100);
const grouped = (n: number) =>
  n.toLocaleString("en-GB", { useGrouping: true, maximumFractionDigits: 2 });
const plain = (n: number) => String(n);

describe("numbers typed as text: properties", () => {
  test("a number written plain or grouped in threes reads back as itself", () => {
    fc.assert(
      fc.property(amount, fc.boolean(), (n, group) => {
        const text = group ? grouped(n) : plain(n);
        expect(parseNumberText(text)).toEqual(num(n));
      })
    );
  });

  test("brackets, a minus sign, £, % and spaces at either end change only sign and flags", () => {
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom("none", "minus", "brackets"),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("", " ", "  "),
        (n, negative, pounds, percent, pad) => {
          let text = `${pounds ? "£" : ""}${grouped(n)}${percent ? "%" : ""}`;
          if (negative === "minus") text = `-${text}`;
          if (negative === "brackets") text = `(${text})`;
          const value = negative === "none" || n === 0 ? n : -n;
          expect(parseNumberText(`${pad}${text}${pad}`)).toEqual(num(value, { percent, pounds }));
        }
      )
    );
  });

  test("a whole number of two or more digits with a leading zero is never a number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99999 }),
        fc.integer({ min: 1, max: 3 }),
        (n, zeros) => {
          expect(parseNumberText("0".repeat(zeros) + String(n))).toEqual(TEXT);
        }
      )
    );
  });

  test("text with a letter in it is never a number (only nil is nil)", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom(..."abcdefghijklmopqrstuvwxyzABCXYZ"),
        fc.string(),
        (a, letter, b) => {
          const text = `${a}${letter}${b}`;
          fc.pre(text.trim().toLowerCase() !== "nil");
          expect(parseNumberText(text).kind).toBe("text");
        }
      )
    );
  });

  test("whatever the text, a number read from it is finite", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9,.()£%+\- ]{0,24}$/), (text) => {
        const p = parseNumberText(text);
        if (p.kind === "number") expect(Number.isFinite(p.value)).toBe(true);
      })
    );
  });
});

describe("figures cells use the same rules", () => {
  test("readNumberCell: text numbers are flagged, nil is blank, codes stay text", () => {
    expect(readNumberCell("(1,234)")).toEqual({ kind: "number", value: -1234, fromText: true });
    expect(readNumberCell("nil")).toEqual({ kind: "blank" });
    expect(readNumberCell("0123")).toEqual({ kind: "text", text: "0123" });
    expect(readNumberCell(".5")).toEqual({ kind: "number", value: 0.5, fromText: true });
    expect(readNumberCell("5.9%")).toEqual({
      kind: "number",
      value: 5.9,
      fromText: true,
      percent: true,
    });
  });

  test("a percentage typed in an amount cell is left out with a finding, never read as pounds", () => {
    const sink = new FindingSink();
    const ref = { sheet: "Budget", address: "C7" };
    expect(amountFromCell(readNumberCell("5%"), ref, "£", "2009/10 of 'Overtime'", sink)).toBe(
      undefined
    );
    expect(sink.all().map((f) => [f.code, f.message])).toEqual([
      [
        "TEXT_IN_NUMBER_CELL",
        `Budget!C7 (2009/10 of 'Overtime') holds the text "5%" where an amount was expected; it was left out.`,
      ],
    ]);
  });
});
