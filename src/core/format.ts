/**
 * How the add-in writes numbers, dates and years, as a police treasurer expects to read them.
 * The analyses' findings, the check, the statement, the command line and the task pane all
 * write figures with these functions and nothing else, so a figure reads the same everywhere.
 *
 * Rounding: one rule for everything, half away from zero on the decimal value read to 15
 * significant figures (rounding.ts): 0.0555 -> "5.6%", 0.0705 -> "7.1%", 0.0455 -> "4.6%",
 * -0.0005 -> "-0.1%", 1e-9 -> "0.0%". A figure that rounds to zero carries no minus sign.
 *
 * Money (one unit for a whole statement: the unit the force's own budget sheet used, or whole
 * pounds when none was stated):
 *
 * | unit  | table cell (header says the unit) | Excel number format       | in a sentence   |
 * |-------|-----------------------------------|---------------------------|-----------------|
 * | £     | 5,225,000   negative (1,234)      | #,##0;(#,##0)             | £5,225,000      |
 * | £000  | 5,225       negative (1)          | #,##0,;(#,##0,)           | £5,225k         |
 * | £m    | 5.23        negative (0.12)       | #,##0.00,,;(#,##0.00,,)   | £5.23m, £545m   |
 *
 * - A non-zero amount that would round to nothing in a sentence is written in the next smaller
 *   unit (£400 is never "£0k"). In sentences, "£m" drops a ".00" ("£545m"), never other digits.
 * - Findings quote amounts to the penny as the cell holds them: "£1,234.56", "£5,225,000".
 * - Percentages: one decimal place, "5.5%" (the fraction 0.055 with format "0.0%"); findings'
 *   sentences drop a ".0" ("15% below the planned £100,000", "5.6% of paybill"). A policy
 *   figure (a threshold, a rate, a required cut) is written as set, without trailing zeros:
 *   "4%", "7%", "6.5%", "1.25%". Differences between two percentages are in percentage points.
 * - FTE: one decimal place with thousands separators, "1,234.5".
 * - Financial years: "2010/11". Dates: "31 March 2011".
 */
import { MoneyUnit, Pence } from "./money";
import { roundedDigits } from "./rounding";
import { FinancialYear } from "./years";
import { IsoDate, isoDate, isoDatePart } from "./dates";

/** "1234567" -> "1,234,567" for a string of digits. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * `n` x 10^exponent to `decimals` places with thousands separators, dropping trailing zeros
 * down to `minDecimals`; "-" only when the rounded figure is not zero.
 */
function scaledText(n: number, exponent: number, decimals: number, minDecimals = decimals): string {
  const { negative, digits } = roundedDigits(n, exponent + decimals);
  let whole = digits;
  let frac = "";
  if (decimals > 0) {
    whole = whole.padStart(decimals + 1, "0");
    frac = whole.slice(-decimals);
    whole = whole.slice(0, -decimals);
    let keep = frac.length;
    while (keep > minDecimals && frac[keep - 1] === "0") keep--;
    frac = frac.slice(0, keep);
  }
  return `${negative ? "-" : ""}${group(whole)}${frac ? `.${frac}` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * A number with thousands separators to `decimals` places, dropping trailing zeros down to
 * `minDecimals` (by default none are dropped): (2.456, 2) -> "2.46"; (1234.5, 2, 0) -> "1,234.5".
 */
export function formatNumber(n: number, decimals = 0, minDecimals = decimals): string {
  return scaledText(n, 0, decimals, minDecimals);
}

/** A whole count with separators: 1234 -> "1,234". */
export function formatCount(n: number): string {
  return scaledText(n, 0, 0);
}

/**
 * A number as a cell holds it, every digit kept (to 15 significant figures), with separators:
 * 1234567.5 -> "1,234,567.5", 0.1 + 0.2 -> "0.3". For findings that quote a cell.
 */
export function formatAsWritten(n: number): string {
  return scaledText(n, 0, 15, 0);
}

/** FTE to one decimal place (or `decimals`, dropping zeros down to `minDecimals`): "1,234.6". */
export function formatFte(fte: number, decimals = 1, minDecimals = decimals): string {
  return scaledText(fte, 0, decimals, minDecimals);
}

// ---------------------------------------------------------------------------------------------
// Percentages

/**
 * A fraction as a percentage to one decimal place (or `decimals`), dropping trailing zeros down
 * to `minDecimals` (none by default): 0.0555 -> "5.6%", 0.04 -> "4.0%"; findings' sentences
 * drop a ".0" with (0.04, 1, 0) -> "4%".
 */
export function formatPercent(fraction: number, decimals = 1, minDecimals = decimals): string {
  return `${scaledText(fraction, 2, decimals, minDecimals)}%`;
}

/**
 * A policy figure (threshold, rate, required cut) as set, without trailing zeros, to at most
 * four decimal places of a percent: 0.04 -> "4%", 0.065 -> "6.5%", 0.0125 -> "1.25%".
 */
export function formatPolicyPercent(fraction: number): string {
  return `${scaledText(fraction, 2, 4, 0)}%`;
}

/** The Excel number format that shows a policy percentage as formatPolicyPercent writes it. */
export function policyPercentFormat(fraction: number): string {
  const places = formatPolicyPercent(fraction).split(".")[1]?.length ?? 0;
  return places > 1 ? `0.${"0".repeat(places - 1)}%` : "0%";
}

/** A difference between two fractions in percentage points: 0.006 -> "0.6 percentage points". */
export function formatPoints(fractionDifference: number): string {
  const text = scaledText(Math.abs(fractionDifference), 2, 1);
  return `${text} percentage point${text === "1.0" ? "" : "s"}`;
}

export const PERCENT_FORMAT = "0.0%";
export const FTE_FORMAT = "#,##0.0";
export const COUNT_FORMAT = "#,##0";

// ---------------------------------------------------------------------------------------------
// Money

/** Exponent from pence to the unit, and decimals shown in tables. */
const UNIT_SHAPE: Readonly<Record<MoneyUnit, { exponent: number; decimals: number }>> = {
  "£": { exponent: -2, decimals: 0 },
  "£000": { exponent: -5, decimals: 0 },
  "£m": { exponent: -8, decimals: 2 },
};

const isZeroText = (text: string) => /^-?[0.,]*$/.test(text);

/** A money amount as a table cell shows it in `unit` (the unit is in the column header). */
export function formatMoneyCell(pence: Pence, unit: MoneyUnit): string {
  const { exponent, decimals } = UNIT_SHAPE[unit];
  const text = scaledText(Math.abs(pence), exponent, decimals);
  return pence < 0 && !isZeroText(text) ? `(${text})` : text;
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
  let text = scaledText(Math.abs(pence), exponent, decimals);
  if (isZeroText(text)) {
    const smaller = SMALLER[unit];
    if (smaller) return formatMoney(pence, smaller);
    // Under a pound: show the pence rather than "£0".
    return `${sign}£${scaledText(Math.abs(pence), -2, 2)}`;
  }
  if (unit === "£m") text = text.replace(/\.00$/, "");
  const suffix = unit === "£000" ? "k" : unit === "£m" ? "m" : "";
  return `${sign}£${text}${suffix}`;
}

/**
 * An amount to the penny, as a finding quotes a cell: "£5,225,000", "£1,234.56", "-£0.05"
 * (whole pounds drop ".00").
 */
export function formatPounds(pence: Pence): string {
  const text = scaledText(Math.abs(pence), -2, 2).replace(/\.00$/, "");
  return `${pence < 0 && !isZeroText(text) ? "-" : ""}£${text}`;
}

/** A policy amount as set: whole millions as "£70m", anything else to the penny ("£12,345"). */
export function formatPolicyMoney(pence: Pence): string {
  if (pence !== 0 && pence % 100_000_000 === 0) {
    return `${pence < 0 ? "-" : ""}£${scaledText(Math.abs(pence), -8, 0)}m`;
  }
  return formatPounds(pence);
}

/** A plain amount in pounds with the £ sign, to `decimals` places: (12.3456, 2) -> "£12.35". */
export function formatPoundsValue(pounds: number, decimals = 2, minDecimals = decimals): string {
  const text = scaledText(Math.abs(pounds), 0, decimals, minDecimals);
  return `${pounds < 0 && !isZeroText(text) ? "-" : ""}£${text}`;
}

// ---------------------------------------------------------------------------------------------
// Years and dates

/** 2008 -> "2008/09". */
export function formatYear(year: FinancialYear): string {
  return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
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
] as const;

/**
 * An ISO date or timestamp ("2011-03-31", "2025-05-05T14:03:00Z") as "31 March 2011"; the
 * date part is read as written, so the result never depends on the machine's time zone.
 * Text that is not an ISO date is returned unchanged.
 */
export function formatDate(iso: string): string {
  const d = isoDatePart(iso.trim());
  if (!d) return iso;
  return `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/**
 * formatDate read back: "31 March 2011" -> "2011-03-31"; undefined for anything else (a day that
 * does not exist, another wording). The check reads the date a statement was drafted on this way.
 */
export function dateOfWords(text: string): IsoDate | undefined {
  const m = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2] as (typeof MONTHS)[number]);
  return month < 0 ? undefined : isoDate(Number(m[3]), month + 1, Number(m[1]));
}

/** A size in bytes as a person reads it: "0.4 MB", "12 MB", "1.5 GB" (1 MB = 1,048,576 bytes). */
export function formatBytes(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= 1024 * MB) return `${formatNumber(bytes / (1024 * MB), 1)} GB`;
  return `${formatNumber(bytes / MB, bytes < 10 * MB ? 1 : 0)} MB`;
}
