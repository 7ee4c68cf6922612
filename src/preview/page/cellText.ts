/**
 * What the preview grid shows in a cell: the value formatted by the cell's number format, as
 * Excel would show it. Excel's format codes (sections, thousands scaling "#,##0,", brackets for
 * negatives, percentages, dates, text sections) are SheetJS's SSF, the implementation that comes
 * with SheetJS CE; only SSF is imported, so the rest of SheetJS stays out of the page's bundle.
 */
import { SSF } from "@e965/xlsx";
import { CellValue, isErrorValue } from "../../core/grid";

/** The one SSF call used here; SheetJS's own types declare SSF as `any`. */
const ssf: { format(code: string, value: number | string | boolean | Date): string } = SSF;

/** A date with no format of its own reads as the UK short date. */
const DATE_FORMAT = "dd/mm/yyyy";

/**
 * SSF reads a Date in the machine's time zone; the grid's dates are UTC days (as Excel keeps
 * them, with no zone), so it is given the same wall-clock time as a local Date.
 */
function asLocal(d: Date): Date {
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds()
  );
}

function format(code: string, value: number | string | boolean | Date): string {
  try {
    return ssf.format(code, value);
  } catch {
    // A format code SSF cannot read (a damaged file): Excel's General instead of nothing.
    return ssf.format("General", value);
  }
}

/** The text Excel would show for `value` under the number format `numberFormat`. */
export function cellText(value: CellValue | undefined, numberFormat?: string): string {
  if (value === null || value === undefined) return "";
  if (isErrorValue(value)) return value.error;
  const code = numberFormat && numberFormat.trim() !== "" ? numberFormat : undefined;
  if (value instanceof Date) return format(code ?? DATE_FORMAT, asLocal(value));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return code ? format(code, value) : value;
  return format(code ?? "General", value);
}
