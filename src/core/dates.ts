/**
 * Calendar days, as the add-in holds them: ISO text "YYYY-MM-DD" (which sorts and compares as
 * text), read and written by UTC calendar day so that no result depends on the machine's time
 * zone. Excel's serial day numbers in both of its date systems, and the financial year a day
 * falls in.
 *
 * Excel's two date systems:
 * - 1900 (Windows Excel, the default): serial 1 is 1 January 1900. Excel counts a 29 February
 *   1900 that never was (Lotus 1-2-3's leap-year bug), so serial 60 is that day and from serial
 *   61 (1 March 1900) on, every serial is one more than the days since 31 December 1899.
 *   Serial 60 is not a date here.
 * - 1904 (old Mac Excel, and any workbook saved with "Use 1904 date system"): serial 0 is
 *   1 January 1904, with no missing day.
 * A serial's fraction is the time of day. The last date either system holds is 31 December 9999.
 */
import { FinancialYear } from "./years";

export type IsoDate = string;
export type DateSystem = 1900 | 1904;

export const DAY_MS = 86_400_000;

/**
 * Day numbers count whole days from 1 January 1970 (day 0), as Date.UTC / DAY_MS does:
 * 1899-12-30 is day -25569, the day from which Excel's 1900 serials count (from serial 61),
 * and 1904-01-01 is day -24107, serial 0 of the 1904 system.
 */
const SERIAL_ZERO_DAY: Readonly<Record<DateSystem, number>> = { 1900: -25569, 1904: -24107 };

/** The serial of 1 March 1900 in the 1900 system: the first after Excel's phantom 29 February. */
const FIRST_SERIAL_AFTER_PHANTOM_DAY = 61;
const PHANTOM_SERIAL = 60;
/** The serial of 31 December 9999 in each system. */
const LAST_SERIAL: Readonly<Record<DateSystem, number>> = { 1900: 2958465, 1904: 2957003 };
const FIRST_SERIAL: Readonly<Record<DateSystem, number>> = { 1900: 1, 1904: 0 };

/** The month (0 = January) a UK police financial year starts in: April (1 April - 31 March). */
export const FINANCIAL_YEAR_FIRST_MONTH = 3;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Midnight UTC of a day (month 1-12); unlike Date.UTC, years 0-99 are not read as 1900-1999. */
function utcDay(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

/** The ISO date of a calendar day (month 1-12), or undefined when there is no such day (31 April). */
export function isoDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = utcDay(year, month, day);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True for exactly "YYYY-MM-DD" naming a real calendar day ("2011-02-29" is not one). */
export function isIsoDate(text: unknown): text is IsoDate {
  if (typeof text !== "string" || text.length !== 10) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) !== undefined;
}

/**
 * The calendar day an ISO date or timestamp starts with, read as written ("2011-04-01T00:30+01:00"
 * is 2011-04-01); undefined when the text does not start with a real ISO date.
 */
export function isoDatePart(text: string): IsoDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** The ISO date of a Date's UTC calendar day: 2011-03-31T23:00Z -> "2011-03-31". */
export function isoOfDate(d: Date): IsoDate {
  const y = d.getUTCFullYear();
  return `${y < 0 ? "-" : ""}${pad(Math.abs(y), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Midnight UTC of an ISO date, or undefined when the text is not one. */
export function dateOfIso(iso: string): Date | undefined {
  return isIsoDate(iso) ? new Date(dayOfIso(iso)! * DAY_MS) : undefined;
}

/** The day number (days since 1970-01-01) of an ISO date; undefined when it is not one. */
export function dayOfIso(iso: string): number | undefined {
  if (!isIsoDate(iso)) return undefined;
  const d = utcDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  return Math.round(d.getTime() / DAY_MS);
}

/** The ISO date of a day number (days since 1970-01-01). */
export function isoOfDay(day: number): IsoDate {
  return isoOfDate(new Date(Math.floor(day) * DAY_MS));
}

/** The day number of a whole serial, or undefined for serials that are not days of the system. */
function dayOfSerial(whole: number, system: DateSystem): number | undefined {
  if (whole < FIRST_SERIAL[system] || whole > LAST_SERIAL[system]) return undefined;
  if (system === 1904) return SERIAL_ZERO_DAY[1904] + whole;
  if (whole === PHANTOM_SERIAL) return undefined;
  return SERIAL_ZERO_DAY[1900] + whole + (whole < FIRST_SERIAL_AFTER_PHANTOM_DAY ? 1 : 0);
}

function serialOfDay(day: number, system: DateSystem): number | undefined {
  let serial = day - SERIAL_ZERO_DAY[system];
  if (system === 1900 && serial < FIRST_SERIAL_AFTER_PHANTOM_DAY) serial -= 1;
  return serial < FIRST_SERIAL[system] || serial > LAST_SERIAL[system] ? undefined : serial;
}

/**
 * The ISO date of an Excel serial (its whole days; the time of day is dropped): 40268 is
 * 2010-03-31 in the 1900 system, 38806 in the 1904 system. Undefined outside the system's
 * dates and for the 1900 system's phantom 29 February 1900 (serial 60).
 */
export function serialToIso(serial: number, system: DateSystem = 1900): IsoDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const day = dayOfSerial(Math.floor(serial), system);
  return day === undefined ? undefined : isoOfDay(day);
}

/** The Excel serial of an ISO date: the inverse of serialToIso. */
export function isoToSerial(iso: string, system: DateSystem = 1900): number | undefined {
  const day = dayOfIso(iso);
  return day === undefined ? undefined : serialOfDay(day, system);
}

/**
 * An Excel serial with its time of day to a Date (UTC): 40268.5 is noon on 31 March 2010 in
 * the 1900 system. A time with no date (0 <= serial < 1 in the 1900 system) falls on Excel's
 * "day 0", 31 December 1899. Undefined where serialToIso has no date.
 */
export function serialToDate(serial: number, system: DateSystem = 1900): Date | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  const day =
    system === 1900 && whole === 0 ? SERIAL_ZERO_DAY[1900] + 1 : dayOfSerial(whole, system);
  if (day === undefined) return undefined;
  return new Date(day * DAY_MS + Math.round((serial - whole) * DAY_MS));
}

/** The Excel serial of a Date (UTC) with its time of day: the inverse of serialToDate. */
export function dateToSerial(d: Date, system: DateSystem = 1900): number | undefined {
  const t = d.getTime();
  if (Number.isNaN(t)) return undefined;
  const day = Math.floor(t / DAY_MS);
  const time = (t - day * DAY_MS) / DAY_MS;
  if (system === 1900 && day === SERIAL_ZERO_DAY[1900] + 1) return time;
  const serial = serialOfDay(day, system);
  return serial === undefined ? undefined : serial + time;
}

// ---------------------------------------------------------------------------------------------
// Financial years: 1 April to 31 March, held as the calendar year they start in (2010 = 2010/11).

/** The financial year a day number falls in: 31 March 2011 is in 2010/11, 1 April 2011 in 2011/12. */
export function financialYearOfDay(day: number): FinancialYear {
  const d = new Date(Math.floor(day) * DAY_MS);
  const y = d.getUTCFullYear();
  return d.getUTCMonth() < FINANCIAL_YEAR_FIRST_MONTH ? y - 1 : y;
}

/** The financial year a Date's UTC calendar day falls in. */
export function financialYearOf(date: Date): FinancialYear {
  return financialYearOfDay(Math.floor(date.getTime() / DAY_MS));
}

/** The financial year an ISO date falls in; undefined when the text is not an ISO date. */
export function financialYearOfIso(iso: string): FinancialYear | undefined {
  const day = dayOfIso(iso);
  return day === undefined ? undefined : financialYearOfDay(day);
}

/** The first day of a financial year: 2010 -> "2010-04-01". */
export function financialYearStart(year: FinancialYear): IsoDate {
  return `${pad(year, 4)}-04-01`;
}

/** The last day of a financial year: 2010 -> "2011-03-31". */
export function financialYearEnd(year: FinancialYear): IsoDate {
  return `${pad(year + 1, 4)}-03-31`;
}
