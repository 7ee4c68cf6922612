/**
 * Reading single cells for detection: numbers (with the text and error cases that become
 * findings), cached A1 addresses, and a findings collector that caps repeats so a 200,000-line
 * ledger with one bad column gives a readable list, not 200,000 findings.
 */
import { CellRef, CellValue, columnLetters, formatRef, isErrorValue, SheetGrid } from "../grid";
import { Finding, finding, Severity } from "../findings";
import { MoneyUnit, Pence, toPence, UNIT_EXPONENT } from "../money";
import { parseNumberText } from "../numberText";
import { formatAsWritten } from "../format";
import { thereAre } from "../plainEnglish";

/** What a cell that should hold a number actually holds. */
export type NumberCell =
  | { readonly kind: "blank" }
  | {
      readonly kind: "number";
      readonly value: number;
      readonly fromText?: boolean;
      /** Typed as text with a %, value in points ("5.9%" is 5.9). */
      readonly percent?: boolean;
    }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "error"; readonly error: string }
  | { readonly kind: "date"; readonly date: Date };

const BLANK: NumberCell = { kind: "blank" };

/**
 * Reads a cell that should hold a number. Text is read by the one set of rules for numbers typed
 * as text (core/numberText.ts): "1,234" or "(1,234)" are numbers (flagged fromText), a dash or
 * "nil" is a blank, "5.9%" is a number flagged percent (the value in points, 5.9), other text is
 * text.
 */
export function readNumberCell(v: CellValue | undefined): NumberCell {
  if (v === null || v === undefined) return BLANK;
  if (typeof v === "number") {
    return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "text", text: String(v) };
  }
  if (typeof v === "string") {
    const p = parseNumberText(v);
    if (p.kind === "nil") return BLANK;
    if (p.kind === "text") return { kind: "text", text: v.trim() };
    return p.percent
      ? { kind: "number", value: p.value, fromText: true, percent: true }
      : { kind: "number", value: p.value, fromText: true };
  }
  if (typeof v === "boolean") return { kind: "text", text: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) return { kind: "date", date: v };
  if (isErrorValue(v)) return { kind: "error", error: String(v.error) };
  return { kind: "text", text: String(v) };
}

/** The text of a cell for labels and headers: strings trimmed, numbers as written, else "". */
export function cellText(v: CellValue | undefined): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return "";
}

/** True when a cell holds nothing (null, undefined, or whitespace). */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A1 addresses with the column letters cached: detection makes millions of these. */
export class RefMaker {
  private readonly letters: string[] = [];
  constructor(readonly sheet: string) {}
  col(c: number): string {
    let l = this.letters[c];
    if (l === undefined) {
      l = columnLetters(c);
      this.letters[c] = l;
    }
    return l;
  }
  address(row: number, col: number): string {
    return `${this.col(col)}${row + 1}`;
  }
  ref(row: number, col: number): CellRef {
    return { sheet: this.sheet, address: `${this.col(col)}${row + 1}` };
  }
  /** "Budget!C7" for messages. */
  text(row: number, col: number): string {
    return formatRef(this.ref(row, col));
  }
}

/** Collects findings; after `cap` of one code on one sheet, the rest are counted in a summary. */
export class FindingSink {
  private readonly list: Finding[] = [];
  private readonly counts = new Map<string, { n: number; severity: Severity; sheet: string }>();
  constructor(private readonly cap = 20) {}

  add(f: Finding): void {
    const sheet = f.cell?.sheet ?? f.sheet ?? "";
    const key = `${f.code}\u0000${sheet}`;
    const c = this.counts.get(key);
    if (!c) {
      this.counts.set(key, { n: 1, severity: f.severity, sheet });
      this.list.push(f);
      return;
    }
    c.n++;
    if (c.n <= this.cap) this.list.push(f);
  }

  /** Findings in the order they were raised, each capped code followed by its summary line. */
  all(): Finding[] {
    const out = [...this.list];
    const keys = [...this.counts.keys()].sort();
    for (const key of keys) {
      const c = this.counts.get(key);
      if (!c || c.n <= this.cap) continue;
      const code = key.split("\u0000")[0];
      out.push({
        severity: c.severity,
        code,
        // Rule 3: the sentence starts with a word; the code travels in its own field.
        message: `${thereAre(c.n - this.cap, "more finding")} like the ones above${c.sheet ? ` on sheet "${c.sheet}"` : ""}, not listed one by one.`,
        ...(c.sheet ? { sheet: c.sheet } : {}),
      });
    }
    return out;
  }
}

/** The value at (row, col) without allocating. */
export function at(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

const SCALE: Readonly<Record<MoneyUnit, number>> = { "£": 100, "£000": 100_000, "£m": 100_000_000 };

/**
 * An amount in pence, quickly: when the amount times the unit's scale is within a millionth of a
 * whole number (an amount with no more decimals than pence), that whole number is exact. Other
 * amounts (a half-penny, sub-penny decimals) go through toPence, which rounds on the decimal
 * digits. Undefined when the amount is too large to be held exactly.
 */
export function pence(value: number, unit: MoneyUnit): Pence | undefined {
  const scaled = value * SCALE[unit];
  if (!(Math.abs(scaled) <= MAX_PENCE)) return undefined;
  const whole = Math.round(scaled);
  if (Math.abs(scaled - whole) < 1e-6) return whole === 0 ? 0 : whole;
  return toPence(value, unit);
}

/** Whole pence that stay exact in a double. */
const MAX_PENCE = Number.MAX_SAFE_INTEGER;

/**
 * An amount cell in pence, in the sheet's unit, or undefined with a finding when the cell holds
 * text, an error or a date. `what` names the figure for the message ("2008/09 of 'Police staff pay'").
 */
export function amountFromCell(
  cell: NumberCell,
  ref: CellRef,
  unit: MoneyUnit,
  whatText: string | (() => string),
  sink: FindingSink
): Pence | undefined {
  if (cell.kind === "blank") return undefined;
  cell = notPercent(cell);
  if (cell.kind === "number" && !cell.fromText) {
    const fast = pence(cell.value, unit);
    if (fast !== undefined) return fast;
  }
  const place = formatRef(ref);
  const what = typeof whatText === "string" ? whatText : whatText();
  switch (cell.kind) {
    case "number": {
      const scaled = Math.abs(cell.value) * 10 ** (UNIT_EXPONENT[unit] + 2);
      if (scaled > MAX_PENCE) {
        sink.add(
          finding(
            "warning",
            "NUMBER_TOO_LARGE",
            `${place} (${what}) holds ${formatAsWritten(cell.value)} ${unit}, too large to be an amount in a police budget; it was left out.`,
            ref,
            "Check the figure and its unit."
          )
        );
        return undefined;
      }
      if (cell.fromText)
        sink.add(
          finding(
            "info",
            "NUMBER_STORED_AS_TEXT",
            `${place} (${what}) holds a number typed as text; it was read as ${formatAsWritten(cell.value)}.`,
            ref,
            "Convert the cell to a number in Excel so formulas add it up too."
          )
        );
      return toPence(cell.value, unit);
    }
    case "text":
      sink.add(
        finding(
          "warning",
          "TEXT_IN_NUMBER_CELL",
          `${place} (${what}) holds the text "${cell.text.slice(0, 60)}" where an amount was expected; it was left out.`,
          ref,
          "Enter a number, or leave the cell empty if there is no figure."
        )
      );
      return undefined;
    case "error":
      sink.add(
        finding(
          "warning",
          "ERROR_VALUE",
          `${place} (${what}) shows the error ${cell.error}; it was left out.`,
          ref,
          "Fix the formula in that cell so it gives a number."
        )
      );
      return undefined;
    case "date":
      sink.add(
        finding(
          "warning",
          "TEXT_IN_NUMBER_CELL",
          `${place} (${what}) holds a date where an amount was expected; it was left out.`,
          ref,
          "Enter the amount as a number."
        )
      );
      return undefined;
  }
}

/** A percentage typed as text ("5%") is not an amount or a count: it is read as the text it is. */
function notPercent(cell: NumberCell): NumberCell {
  return cell.kind === "number" && cell.percent
    ? { kind: "text", text: `${formatAsWritten(cell.value)}%` }
    : cell;
}

/** A figure that is not money (FTE): the number, or undefined with a finding as for amounts. */
export function quantityFromCell(
  cell: NumberCell,
  ref: CellRef,
  what: string,
  sink: FindingSink
): number | undefined {
  cell = notPercent(cell);
  if (cell.kind === "number") {
    if (cell.fromText)
      sink.add(
        finding(
          "info",
          "NUMBER_STORED_AS_TEXT",
          `${formatRef(ref)} (${what}) holds a number typed as text; it was read as ${formatAsWritten(cell.value)}.`,
          ref,
          "Convert the cell to a number in Excel so formulas add it up too."
        )
      );
    return cell.value;
  }
  if (cell.kind === "blank") return undefined;
  // Text, errors and dates get the same findings as amounts do.
  amountFromCell(cell, ref, "£", what, sink);
  return undefined;
}
