/**
 * How the statement writes numbers, as a police treasurer expects to read them. These are the
 * only formatting rules in the add-in: the statement builder applies them once, and every
 * renderer shows the resulting text (or, in Excel, the value with the matching number format).
 *
 * Conventions (one unit for the whole statement: the unit the force's own budget sheet used,
 * or whole pounds when none was stated):
 *
 * | unit  | table cell (header says the unit) | Excel number format       | in a sentence   |
 * |-------|-----------------------------------|---------------------------|-----------------|
 * | £     | 5,225,000   negative (1,234)      | #,##0;(#,##0)             | £5,225,000      |
 * | £000  | 5,225       negative (1)          | #,##0,;(#,##0,)           | £5,225k         |
 * | £m    | 5.23        negative (0.12)       | #,##0.00,,;(#,##0.00,,)   | £5.23m, £545m   |
 *
 * - Rounding is half away from zero on the exact decimal amount (as Excel's ROUND does). A
 *   non-zero amount that would round to nothing in a sentence is written in the next smaller
 *   unit (£400 is never "£0k").
 * - In sentences, "£m" drops a ".00" ("£545m"), never other digits.
 * - Percentages: one decimal place, "5.5%"; stored as the fraction 0.055 with format "0.0%".
 *   Differences between two percentages are written in percentage points ("0.6 points").
 * - FTE: one decimal place with thousands separators, "1,234.5".
 * - Financial years: "2010/11". Dates: "31 March 2011".
 * - Where there is no figure, the cell says "no data" rather than showing a blank or a zero.
 */
import { CellRef, formatRef, parseA1 } from "../grid";
import { MoneyUnit, Pence, shiftRound, toPounds } from "../money";
import { FinancialYear, formatYear } from "../years";
import { DisplayFigure, RAG_LABELS, RagState, TableCell } from "./model";

export const NO_DATA = "no data";

/** "1234567" -> "1,234,567" for a string of digits. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * `n` scaled by 10^exponent and shown with `decimals` decimal places, half away from zero,
 * without the sign. E.g. amountText(522500000, -5, 0) = "5,225" (pence to £000).
 */
function amountText(n: number, exponent: number, decimals: number): string {
  const scaled = Math.abs(shiftRound(n, exponent + decimals));
  let whole = String(scaled);
  let frac = "";
  if (decimals > 0) {
    whole = whole.padStart(decimals + 1, "0");
    frac = "." + whole.slice(-decimals);
    whole = whole.slice(0, -decimals);
  }
  return group(whole) + frac;
}

/** Exponent from pence to the unit, and decimals shown in tables. */
const UNIT_SHAPE: Readonly<Record<MoneyUnit, { exponent: number; decimals: number }>> = {
  "£": { exponent: -2, decimals: 0 },
  "£000": { exponent: -5, decimals: 0 },
  "£m": { exponent: -8, decimals: 2 },
};

/** A money amount as a table cell shows it in `unit` (the unit is in the column header). */
export function formatMoneyCell(pence: Pence, unit: MoneyUnit): string {
  const { exponent, decimals } = UNIT_SHAPE[unit];
  const text = amountText(pence, exponent, decimals);
  const isZero = /^[0.,]*$/.test(text);
  return pence < 0 && !isZero ? `(${text})` : text;
}

/** The Excel number format that shows a value in pounds as formatMoneyCell does. */
export function moneyNumberFormat(unit: MoneyUnit): string {
  switch (unit) {
    case "£":
      return "#,##0;(#,##0)";
    case "£000":
      return "#,##0,;(#,##0,)";
    case "£m":
      return "#,##0.00,,;(#,##0.00,,)";
  }
}

/** The unit as a column header writes it: "£", "£000", "£m". */
export function unitLabel(unit: MoneyUnit): string {
  return unit;
}

const SMALLER: Readonly<Record<MoneyUnit, MoneyUnit | undefined>> = {
  "£m": "£000",
  "£000": "£",
  "£": undefined,
};

/** A money amount in a sentence: "£5,225,000", "£5,225k" or "£5.23m" (see the table above). */
export function formatMoney(pence: Pence, unit: MoneyUnit): string {
  if (pence === 0) return "£0";
  const sign = pence < 0 ? "-" : "";
  const { exponent, decimals } = UNIT_SHAPE[unit];
  let text = amountText(pence, exponent, decimals);
  const roundsToZero = /^[0.,]*$/.test(text);
  const smaller = SMALLER[unit];
  if (pence !== 0 && roundsToZero) {
    if (smaller) return formatMoney(pence, smaller);
    // Under a pound: show the pence rather than "£0".
    return `${sign}£${amountText(pence, -2, 2)}`;
  }
  if (unit === "£m") text = text.replace(/\.00$/, "");
  const suffix = unit === "£000" ? "k" : unit === "£m" ? "m" : "";
  return `${sign}£${text}${suffix}`;
}

/** A fraction as a percentage to one decimal place: 0.0545 -> "5.5%" (half away from zero). */
export function formatPercent(fraction: number): string {
  const tenths = shiftRound(fraction, 3);
  const sign = tenths < 0 ? "-" : "";
  const abs = Math.abs(tenths);
  return `${sign}${group(String(Math.floor(abs / 10)))}.${abs % 10}%`;
}

/** A difference between two fractions in percentage points: 0.006 -> "0.6 percentage points". */
export function formatPoints(fractionDifference: number): string {
  const text = formatPercent(Math.abs(fractionDifference)).replace("%", "");
  return `${text} percentage point${text === "1.0" ? "" : "s"}`;
}

export const PERCENT_FORMAT = "0.0%";
export const FTE_FORMAT = "#,##0.0";
export const COUNT_FORMAT = "#,##0";

/** FTE to one decimal place: 1234.56 -> "1,234.6". */
export function formatFte(fte: number): string {
  const sign = fte < 0 && shiftRound(fte, 1) !== 0 ? "-" : "";
  return sign + amountText(fte, 0, 1);
}

/** A number to `decimals` places with separators: (2.456, 2) -> "2.46". */
export function formatDecimal(n: number, decimals: number): string {
  const sign = n < 0 && shiftRound(n, decimals) !== 0 ? "-" : "";
  return sign + amountText(n, 0, decimals);
}

/** A whole count with separators: 1234 -> "1,234". */
export function formatCount(n: number): string {
  const sign = n < 0 ? "-" : "";
  return sign + amountText(n, 0, 0);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * An ISO date or timestamp ("2011-03-31", "2025-05-05T14:03:00Z") as "31 March 2011"; the
 * date part is read as written, so the result never depends on the machine's time zone.
 * Text that is not an ISO date is returned unchanged.
 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return iso;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return `${day} ${MONTHS[month - 1]} ${m[1]}`;
}

// ---------------------------------------------------------------------------------------------
// Figures: a value, its text and its sources together.

function refs(sources: readonly CellRef[] | undefined): readonly CellRef[] {
  return sources ?? [];
}

/** A money figure: value in pounds (as `vfm analyse --json` writes it), text in the statement's unit. */
export function moneyFigure(
  pence: Pence,
  unit: MoneyUnit,
  sources?: readonly CellRef[],
  derivation?: string,
  style: "cell" | "prose" = "cell"
): DisplayFigure {
  return {
    kind: "money",
    value: toPounds(pence),
    text: style === "cell" ? formatMoneyCell(pence, unit) : formatMoney(pence, unit),
    numberFormat: moneyNumberFormat(unit),
    sources: refs(sources),
    ...(derivation ? { derivation } : {}),
  };
}

/**
 * Stored values are rounded as `vfm analyse --json` rounds them, so a cell written by the
 * statement holds exactly the JSON's figure: ratios to ten decimals, FTE to four.
 */
export function roundRatio(fraction: number): number {
  return Math.round(fraction * 1e10) / 1e10;
}

export function roundFte(fte: number): number {
  return Math.round(fte * 1e4) / 1e4;
}

export function percentFigure(
  fraction: number,
  sources?: readonly CellRef[],
  derivation?: string
): DisplayFigure {
  return {
    kind: "percent",
    value: roundRatio(fraction),
    text: formatPercent(fraction),
    numberFormat: PERCENT_FORMAT,
    sources: refs(sources),
    ...(derivation ? { derivation } : {}),
  };
}

export function fteFigure(
  fte: number,
  sources?: readonly CellRef[],
  derivation?: string
): DisplayFigure {
  return {
    kind: "fte",
    value: roundFte(fte),
    text: formatFte(fte),
    numberFormat: FTE_FORMAT,
    sources: refs(sources),
    ...(derivation ? { derivation } : {}),
  };
}

export function countFigure(n: number, sources?: readonly CellRef[]): DisplayFigure {
  return {
    kind: "number",
    value: n,
    text: formatCount(n),
    numberFormat: COUNT_FORMAT,
    sources: refs(sources),
  };
}

/** A plain number shown to `decimals` places (peer indicators such as officers per 1,000). */
export function numberFigure(
  n: number,
  decimals: number,
  sources?: readonly CellRef[]
): DisplayFigure {
  return {
    kind: "number",
    value: n,
    text: formatDecimal(n, decimals),
    numberFormat: decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : COUNT_FORMAT,
    sources: refs(sources),
  };
}

export function yearFigure(year: FinancialYear, sources?: readonly CellRef[]): DisplayFigure {
  const text = formatYear(year);
  return { kind: "year", value: text, text, sources: refs(sources) };
}

export function dateFigure(iso: string, sources?: readonly CellRef[]): DisplayFigure {
  const text = formatDate(iso);
  return { kind: "date", value: text, text, sources: refs(sources) };
}

export function textFigure(text: string, sources?: readonly CellRef[]): DisplayFigure {
  return { kind: "text", value: text, text, sources: refs(sources) };
}

/** A cell with no figure: it says so in words. */
export function missingFigure(kind: DisplayFigure["kind"], text: string = NO_DATA): DisplayFigure {
  return { kind, value: null, text, sources: [] };
}

export function ragCell(status: RagState): TableCell {
  const words = RAG_LABELS[status];
  return { kind: "rag", value: words, text: words, sources: [], rag: status };
}

/** A figure used as a table cell, optionally bold (totals). */
export function cell(figure: DisplayFigure, emphasis?: "strong"): TableCell {
  return emphasis ? { ...figure, emphasis } : figure;
}

/**
 * The cells a figure came from as a reader writes them: "Budget!C7", or "Budget!C7:H7" where
 * consecutive cells of one row or column follow each other, joined with ", ".
 */
export function refsText(sources: readonly CellRef[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < sources.length) {
    const first = sources[i];
    const start = parseA1(first.address);
    let j = i;
    if (start) {
      // Extend while the next cell is the neighbour along one row or down one column.
      let dir: "row" | "col" | undefined;
      while (j + 1 < sources.length && sources[j + 1].sheet === first.sheet) {
        const a = parseA1(sources[j].address);
        const b = parseA1(sources[j + 1].address);
        if (!a || !b) break;
        const along = a.row === b.row && b.col === a.col + 1 ? "row" : undefined;
        const down = a.col === b.col && b.row === a.row + 1 ? "col" : undefined;
        const step = along ?? down;
        if (!step || (dir && dir !== step)) break;
        dir = step;
        j++;
      }
    }
    const last = sources[j];
    parts.push(j > i ? `${formatRef(first)}:${last.address}` : formatRef(first));
    i = j + 1;
  }
  return parts.join(", ");
}
