/**
 * The one reading of numbers typed as text, used for every figures cell detection reads (budget,
 * workforce, procurement, savings plan, settings, peers) and for the values of policy settings.
 *
 * The rules, in order:
 * 1. Spaces at either end are ignored. Nothing left is "nil" (see rule 2), not a number.
 * 2. A dash ("-", "--", "–", "—") or the word "nil" (any case) means "nothing here": nil.
 * 3. A number is: an optional opening bracket; an optional sign (+ or -); an optional £; digits;
 *    an optional decimal part; an optional % ; the closing bracket if there was an opening one.
 *    Spaces are allowed between those parts, never inside the digits ("1 234" is text).
 * 4. Digits are either plain ("1234") or grouped in threes with commas ("1,234,567"). A number may
 *    start at the decimal point (".5" is 0.5).
 * 5. A whole part of more than one digit that starts with 0 ("0123", "007", "0,123", "£000") is
 *    a code or a unit, not a number; "0" and "0.5" are numbers.
 * 6. Brackets mean negative, as accountants write them: "(1,234)" is -1234. A sign inside
 *    brackets ("(-5)") is text, so is a bracket without its pair.
 * 7. "%" is kept as a flag, not applied: "5.9%" reads as 5.9 with `percent`; the caller knows
 *    whether the cell wants a fraction (peers: 0.059) or no percentage at all (an amount).
 * 8. Anything else (letters, exponents such as "1e5", two decimal points, a currency other
 *    than £) is text.
 *
 * Worked examples: "1,234.50" = 1234.5; " (3.2) " = -3.2; "-£1,000" = -1000; "£ 12" = 12;
 * ".5" = 0.5; "5.9%" = 5.9 with percent; "nil" and "–" = nil; "0123", "1,23", "12 345" and "1e5"
 * are text.
 */

/** What a text reads as: a number (with what was written around it), nil, or not a number. */
export type NumberText =
  | {
      readonly kind: "number";
      readonly value: number;
      /** Written with a trailing %: the value is in percentage points (5.9 for "5.9%"). */
      readonly percent: boolean;
      /** Written with £. */
      readonly pounds: boolean;
    }
  | { readonly kind: "nil" }
  | { readonly kind: "text" };

const NIL_TEXT = new Set(["-", "--", "–", "—", "nil"]);
const TEXT: NumberText = { kind: "text" };
const NIL: NumberText = { kind: "nil" };

const NUMBER_RE = /^(\()?\s*([+-])?\s*(£)?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(%)?\s*(\))?$/;

/** Cheap guard first (a ledger has 200,000 cells): only digits, separators, signs, brackets, £, %. */
function mayBeNumber(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    // , . - ( ) + space £ %
    if (!digit && c !== 44 && c !== 46 && c !== 45 && c !== 40 && c !== 41 && c !== 43)
      if (c !== 32 && c !== 163 && c !== 37) return false;
  }
  return true;
}

/** Reads a number typed as text by the rules above. */
export function parseNumberText(text: string): NumberText {
  const t = text.trim();
  if (t === "" || NIL_TEXT.has(t.toLowerCase())) return NIL;
  if (!mayBeNumber(t)) return TEXT;
  const m = NUMBER_RE.exec(t);
  if (!m) return TEXT;
  const [, open, sign, pound, whole, fraction, percent, close] = m;
  if (!whole && !fraction) return TEXT;
  if (!!open !== !!close || (open && sign)) return TEXT;
  if (whole && whole.length > 1 && whole.startsWith("0")) return TEXT;
  const n = Number(`${whole ? whole.replace(/,/g, "") : "0"}${fraction ?? ""}`);
  if (!Number.isFinite(n)) return TEXT;
  const negative = !!open || sign === "-";
  return {
    kind: "number",
    value: negative && n !== 0 ? -n : n,
    percent: !!percent,
    pounds: !!pound,
  };
}

/** Percentage points to a fraction without binary noise: 5.8 -> 0.058 (not 0.057999999999999996). */
export function fromPoints(points: number): number {
  return Number((points / 100).toPrecision(15));
}
