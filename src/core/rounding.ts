/**
 * The add-in's one rounding rule, used for money, percentages, FTE and every other figure it
 * writes (format.ts) or converts (money.ts):
 *
 *   Round half away from zero on the number's decimal value, read to 15 significant figures.
 *
 * - Half away from zero is what Excel's ROUND does and what a treasurer does by hand:
 *   2.5 -> 3, -2.5 -> -3, 5.55% -> 5.6%, -0.05% -> -0.1%.
 * - The decimal value, not the binary double: 0.0555 is held as 0.05549999999999999... but is
 *   5.55% and rounds to 5.6%; 1.005 to two places is 1.01 (1.005 * 100 would give 100.49...).
 * - 15 significant figures is as many as Excel keeps, so the noise that float arithmetic leaves
 *   in the 16th and 17th digits cannot tip a half either way: 0.3 - 0.2295 = 0.07049999999999998
 *   reads as 0.0705 and rounds to 7.1%, as 0.0705 typed into a cell does. Integers are exact
 *   whatever their size (pence totals are never read to 15 figures).
 *
 * It works on the digits as text, so no product with a power of ten can add noise of its own.
 */

/** Significant figures a decimal value is read to (Excel's precision). */
export const SIGNIFICANT_FIGURES = 15;

/** The value's decimal digits (no leading zeros) and where the point sits among them. */
function decimalDigits(abs: number): { digits: string; point: number } {
  const read = (text: string) => {
    const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
    if (!m) throw new RangeError(`Cannot read ${abs}`);
    return { digits: m[1] + (m[2] ?? ""), point: 1 + Number(m[3]) };
  };
  // Shortest round-trip digits; a value with more than 15 of them is read to 15.
  const shortest = read(abs.toExponential());
  if (shortest.digits.length <= SIGNIFICANT_FIGURES || Number.isInteger(abs)) return shortest;
  const r = read(abs.toExponential(SIGNIFICANT_FIGURES - 1));
  return { digits: r.digits.replace(/0+$/, "") || "0", point: r.point };
}

/** "999" + 1 = "1000", on decimal text. */
function increment(digits: string): string {
  const d = digits.split("");
  let i = d.length - 1;
  while (i >= 0 && d[i] === "9") d[i--] = "0";
  if (i < 0) return "1" + d.join("");
  d[i] = String(Number(d[i]) + 1);
  return d.join("");
}

/**
 * `value` x 10^exponent rounded to a whole number by the rule above, as decimal digits and a
 * sign. A value that rounds to zero is never negative. E.g. (0.0555, 3) -> 56; (-0.0005, 3) -> -1.
 */
export function roundedDigits(
  value: number,
  exponent: number
): { readonly negative: boolean; readonly digits: string } {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  if (value === 0) return { negative: false, digits: "0" };
  const { digits, point: at } = decimalDigits(Math.abs(value));
  const point = at + exponent;
  let whole: string;
  let up = false;
  if (point <= 0) {
    whole = "";
    up = point === 0 && digits[0] >= "5";
  } else if (point >= digits.length) {
    whole = digits + "0".repeat(point - digits.length);
  } else {
    whole = digits.slice(0, point);
    up = digits[point] >= "5";
  }
  if (up) whole = increment(whole);
  whole = whole.replace(/^0+(?=\d)/, "") || "0";
  return { negative: value < 0 && whole !== "0", digits: whole };
}

/**
 * `value` x 10^exponent rounded to a whole number by the rule above: shiftRound(1.005, 2) = 101,
 * shiftRound(-2.5, 0) = -3, shiftRound(0.0049, 2) = 0.
 */
export function shiftRound(value: number, exponent: number): number {
  const r = roundedDigits(value, exponent);
  const n = Number(r.digits);
  return r.negative ? -n : n;
}

/** `value` rounded to `decimals` places by the rule above, as a number: (0.0705, 3) -> 0.071. */
export function roundTo(value: number, decimals: number): number {
  const r = roundedDigits(value, decimals);
  const n = Number(`${r.digits}e${-decimals}`);
  return r.negative ? -n : n;
}
