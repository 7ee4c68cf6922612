/**
 * Financial years and dates as forces write them in titles, headers and sheet names.
 *
 * A financial year runs 1 April to 31 March and is held as its start year (2008 = "2008/09").
 * Ranges: "2008/09", "2008-09", "08/09", "2008/2009", "FY2008/09", with a basis word around it
 * ("Actual 2008/09", "2010/11 Budget", "2013/14 Target"). Snapshots: a date such as
 * "as at 31 March 2010" belongs to the financial year it falls in (2009/10), because the
 * position at 31 March is the position at the end of that year.
 */
import { CellValue, isErrorValue } from "../grid";
import { FinancialYear } from "../years";
import { DAY_MS, financialYearOf, isoOfDate, serialToDate, serialToIso } from "../dates";

import type { YearBasis } from "../forceData";
export type { YearBasis };

export interface YearInText {
  readonly year: FinancialYear;
  readonly basis?: YearBasis;
  /** "range" for 2008/09 forms; "date" when the year came from a date (a snapshot). */
  readonly form: "range" | "date";
  /** The date, ISO, for the "date" form. */
  readonly date?: string;
}

/** Years outside this window are not financial years a police budget would hold. */
const MIN_YEAR = 1970;
const MAX_YEAR = 2099;

const MONTHS = new Map<string, number>(
  Object.entries({
    jan: 0,
    january: 0,
    feb: 1,
    february: 1,
    mar: 2,
    march: 2,
    apr: 3,
    april: 3,
    may: 4,
    jun: 5,
    june: 5,
    jul: 6,
    july: 6,
    aug: 7,
    august: 7,
    sep: 8,
    sept: 8,
    september: 8,
    oct: 9,
    october: 9,
    nov: 10,
    november: 10,
    dec: 11,
    december: 11,
  })
);

function month(word: string): number | undefined {
  return MONTHS.get(word);
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** A valid calendar date as a UTC Date, or undefined (31 February is not a date). */
export function makeDate(year: number, month: number, day: number): Date | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return undefined;
  if (!Number.isInteger(month) || month < 0 || month > 11) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month || d.getUTCDate() !== day)
    return undefined;
  return d;
}

function lastDayOfMonth(year: number, month: number): Date | undefined {
  if (year < 1900 || year > 9999) return undefined;
  return new Date(Date.UTC(year, month + 1, 0));
}

// No lookbehind in these patterns (Safari before 16.4 cannot even load a script that has one):
// "not straight after a digit, slash, dot or dash" is checked in code instead (notAfter).
const AFTER_NUMBER = /[\d/.-]/;
const AFTER_DIGIT = /\d/;
const RE_ISO = /(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/.-])/g;
const RE_DMY = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/.-])/g;
const RE_D_MONTH_Y = /(\d{1,2})(?:st|nd|rd|th)?[\s.-]*([a-z]{3,9})\.?[\s.,-]*(\d{4}|\d{2})(?!\d)/g;
const RE_MONTH_D_Y = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/g;
const RE_MONTH_Y = /\b([a-z]{3,9})\.?[\s-]+(\d{4})(?!\d)/g;
const STRONG =
  /\b(?:as at|as of|at|snapshot|position|census|year end(?:ed|ing)?|ending|ended|to)\s*$/;

export interface DateInText {
  readonly date: Date;
  /** True when the words before the date say it is a point in time ("as at", "year ending"). */
  readonly strong: boolean;
}

/** True when the match starts straight after a character of `notAfter` (a lookbehind's job). */
function follows(t: string, index: number, notAfter: RegExp | undefined): boolean {
  return notAfter !== undefined && index > 0 && notAfter.test(t[index - 1]);
}

/** The first match of a global pattern that makes a real date. */
function firstDate(
  re: RegExp,
  t: string,
  make: (m: RegExpExecArray) => Date | undefined,
  notAfter?: RegExp
): { date: Date; index: number } | undefined {
  re.lastIndex = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const d = follows(t, m.index, notAfter) ? undefined : make(m);
    if (d) return { date: d, index: m.index };
    re.lastIndex = m.index + 1;
  }
  return undefined;
}

/**
 * The first date written in text: "31 March 2010", "31 Mar 10", "31/03/2010", "31.03.10",
 * "2010-03-31", "March 31, 2010", or "March 2010" (taken as the month's last day). Day-first,
 * as in the UK. Undefined when there is none or it is not a real date.
 */
export function findDateInText(text: string): DateInText | undefined {
  if (!/\d/.test(text)) return undefined;
  const t = text.toLowerCase();
  const found: { date: Date; index: number }[] = [];
  const push = (x: { date: Date; index: number } | undefined): void => {
    if (x) found.push(x);
  };
  push(
    firstDate(
      RE_ISO,
      t,
      (m) => makeDate(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
      AFTER_NUMBER
    )
  );
  push(
    firstDate(
      RE_DMY,
      t,
      (m) => makeDate(fullYear(m[3]), Number(m[2]) - 1, Number(m[1])),
      AFTER_NUMBER
    )
  );
  push(
    firstDate(
      RE_D_MONTH_Y,
      t,
      (m) =>
        month(m[2]) === undefined
          ? undefined
          : makeDate(fullYear(m[3]), month(m[2]) as number, Number(m[1])),
      AFTER_DIGIT
    )
  );
  if (found.length === 0)
    push(
      firstDate(RE_MONTH_D_Y, t, (m) =>
        month(m[1]) === undefined
          ? undefined
          : makeDate(Number(m[3]), month(m[1]) as number, Number(m[2]))
      )
    );
  if (found.length === 0)
    push(
      firstDate(RE_MONTH_Y, t, (m) =>
        month(m[1]) === undefined ? undefined : lastDayOfMonth(Number(m[2]), month(m[1]) as number)
      )
    );
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.index - b.index);
  const first = found[0];
  return { date: first.date, strong: STRONG.test(t.slice(0, first.index).trimEnd()) };
}

/** A date written as text, or undefined. */
export function parseDateText(text: string): Date | undefined {
  return findDateInText(text)?.date;
}

const RE_RANGE = /(\d{4}|\d{2})\s*[/\-–—]\s*(\d{4}|\d{2}|\d)(?![\d/.-])/g;

interface RangeScan {
  readonly year?: FinancialYear;
  /** A year-like range that is not a financial year, e.g. "2008/11". */
  readonly invalid?: string;
}

function scanRanges(t: string): RangeScan {
  let invalid: string | undefined;
  RE_RANGE.lastIndex = 0;
  for (let m = RE_RANGE.exec(t); m; m = RE_RANGE.exec(t)) {
    if (follows(t, m.index, AFTER_NUMBER)) {
      RE_RANGE.lastIndex = m.index + 1;
      continue;
    }
    const a = m[1];
    const b = m[2];
    const start = fullYear(a);
    let ok: boolean;
    if (b.length === 4) ok = Number(b) === start + 1 && a.length === 4;
    else if (b.length === 2) ok = (start + 1) % 100 === Number(b);
    else ok = a.length === 4 && (start + 1) % 10 === Number(b);
    if (ok && start >= MIN_YEAR && start <= MAX_YEAR) return { year: start };
    if (a.length === 4 && invalid === undefined) invalid = m[0].trim();
  }
  return invalid ? { invalid } : {};
}

/** The basis a header states: "Actual", "Outturn" -> actual; "Budget" -> budget; "Plan" -> plan; ... */
export function basisOf(text: string): YearBasis | undefined {
  const words = text.toLowerCase().split(/[^a-z]+/);
  let actual = false;
  let budget = false;
  let target = false;
  let forecast = false;
  let plan = false;
  for (const w of words) {
    switch (w) {
      case "forecast":
      case "forecasts":
      case "projected":
      case "projection":
      case "probable":
      case "provisional":
        forecast = true;
        break;
      case "target":
      case "targets":
        target = true;
        break;
      case "actual":
      case "actuals":
      case "outturn":
        actual = true;
        break;
      case "budget":
      case "budgeted":
      case "estimate":
      case "estimated":
      case "original":
      case "revised":
        budget = true;
        break;
      case "plan":
      case "planned":
      case "mtfp":
        plan = true;
        break;
    }
  }
  if (forecast) return "forecast";
  if (target) return "target";
  if (actual) return "actual";
  if (budget) return "budget";
  if (plan) return "plan";
  return undefined;
}

/**
 * The financial year a header, title or sheet name states. A range ("2010/11 Budget") wins over a
 * date; a date ("as at 31 March 2010") gives the year it falls in. Undefined when there is none
 * or it is not a real financial year ("2008/11").
 */
export function parseFinancialYear(text: string): YearInText | undefined {
  if (!/\d/.test(text)) return undefined;
  const t = text.toLowerCase();
  const range = scanRanges(t);
  const basis = basisOf(t);
  // A full date inside the text ("31/03/2010") is not a range; ranges were matched around it.
  if (range.year !== undefined)
    return basis ? { year: range.year, basis, form: "range" } : { year: range.year, form: "range" };
  const d = findDateInText(t);
  if (d) {
    const year = financialYearOf(d.date);
    if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
    return basis
      ? { year, basis, form: "date", date: isoOfDate(d.date) }
      : { year, form: "date", date: isoOfDate(d.date) };
  }
  return undefined;
}

/** The year-like text that is not a financial year ("2008/11"), for a finding; else undefined. */
export function invalidYearText(text: string): string | undefined {
  if (!/\d/.test(text)) return undefined;
  const t = text.toLowerCase();
  if (findDateInText(t)) return undefined;
  return scanRanges(t).invalid;
}

/** A snapshot date in a title, header or sheet name, with the financial year it belongs to. */
export function parseSnapshot(
  text: string
): { year: FinancialYear; date: string; strong: boolean } | undefined {
  const d = findDateInText(text);
  if (!d) return undefined;
  const year = financialYearOf(d.date);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  return { year, date: isoOfDate(d.date), strong: d.strong };
}

const dateFormatCache = new Map<string, boolean>();

/** True when an Excel number format shows a date ("dd/mm/yyyy", "d-mmm-yy", "[$-809]dd mmmm yyyy"). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const cached = dateFormatCache.get(fmt);
  if (cached !== undefined) return cached;
  const f = fmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  const result = f !== "general" && (/[dy]/.test(f) || (/m/.test(f) && !/[hs0#?]/.test(f)));
  if (dateFormatCache.size < 1000) dateFormatCache.set(fmt, result);
  return result;
}

/** Serial numbers 25569 (1 Jan 1970) to 73050 (31 Dec 2099): a number there may be a date whose format was lost. */
function plausibleSerial(n: number): boolean {
  return Number.isInteger(n) && n >= 25569 && n <= 73050;
}

export type DateCell =
  | { readonly kind: "blank" }
  | {
      readonly kind: "date";
      readonly iso: string;
      readonly how: "date cell" | "date serial" | "date text";
    }
  | { readonly kind: "unreadable"; readonly text: string }
  | { readonly kind: "error"; readonly error: string };

const BLANK: DateCell = { kind: "blank" };

/**
 * Reads a cell that should hold a date: a real date, a serial number (formatted as a date, or in
 * the range of plausible dates where the format was lost), or date text. Text is cached, as a
 * ledger repeats the same few dates many times.
 */
export function readDateCell(
  v: CellValue | undefined,
  fmt: string | undefined,
  textCache?: Map<string | number, DateCell>
): DateCell {
  if (v === null || v === undefined) return BLANK;
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return { kind: "unreadable", text: "an invalid date" };
    // Ledgers repeat a few dates many times: one result per day.
    const key = Math.floor(t / DAY_MS);
    const hit = textCache?.get(key);
    if (hit) return hit;
    const out: DateCell = { kind: "date", iso: isoOfDate(v), how: "date cell" };
    if (textCache && textCache.size < 100_000) textCache.set(key, out);
    return out;
  }
  if (typeof v === "number") {
    if (isDateFormat(fmt) || plausibleSerial(v)) {
      const iso = serialToIso(v);
      if (iso) return { kind: "date", iso, how: "date serial" };
    }
    return { kind: "unreadable", text: String(v) };
  }
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "" || t === "-") return BLANK;
    const hit = textCache?.get(t);
    if (hit) return hit;
    const d = parseDateText(t);
    const out: DateCell = d
      ? { kind: "date", iso: isoOfDate(d), how: "date text" }
      : { kind: "unreadable", text: t };
    if (textCache && textCache.size < 100_000) textCache.set(t, out);
    return out;
  }
  if (isErrorValue(v)) return { kind: "error", error: String(v.error) };
  return { kind: "unreadable", text: String(v) };
}

/**
 * The financial year a header cell states: year text, a real date, or a serial number shown as a
 * date. Plain numbers (2010) are not read as years: a calendar year is not a financial year.
 */
export function yearOfCell(v: CellValue | undefined, fmt?: string): YearInText | undefined {
  if (typeof v === "string") return parseFinancialYear(v);
  let d: Date | undefined;
  if (v instanceof Date) d = Number.isNaN(v.getTime()) ? undefined : v;
  else if (typeof v === "number" && isDateFormat(fmt)) d = serialToDate(v);
  if (!d) return undefined;
  const year = financialYearOf(d);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  return { year, form: "date", date: isoOfDate(d) };
}
