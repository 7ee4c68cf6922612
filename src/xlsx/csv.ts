/**
 * Text files (.csv, .txt) as a one-sheet workbook: the bytes decoded (UTF-8 with or without a
 * byte-order mark, UTF-16 with one, otherwise Windows-1252, the code page Excel on a UK PC
 * saves "CSV" in), the fields split by SheetJS with the separator found here (comma,
 * semicolon or tab), and each field typed as Excel would type it on opening the file:
 * numbers with thousands separators, £ and brackets become numbers with a number format that
 * keeps what was typed ("#,##0", "0.0%"); an ISO date (2011-03-31) becomes a date; a code with a
 * leading zero ("0123") and other dates stay text (a day/month order cannot be known, so none is
 * guessed: detection reads UK dates written as text itself, and says so where it cannot).
 *
 * Which character marks decimals is decided once per file: a semicolon-separated file is
 * written with decimal commas (as Excel writes it where the comma is the decimal mark) unless
 * its numbers say otherwise; a comma-separated one with decimal points.
 *
 * No Node imports: the preview reads CSV files in the browser too.
 */
import type { CellValue } from "../core/grid";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** The text of a file and the encoding it was read in. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: the single-byte code page Excel uses for "CSV" on Western Windows.
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

const SEPARATORS = [",", ";", "\t"] as const;
export type Separator = (typeof SEPARATORS)[number];

/**
 * The field separator: Excel's "sep=;" first line when present, otherwise the candidate that
 * splits the first lines (outside quotes) into the same number of fields most consistently.
 */
export function guessSeparator(text: string): Separator {
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep && (SEPARATORS as readonly string[]).includes(sep[1])) return sep[1] as Separator;
  const lines = firstLines(text, 20);
  let best: Separator = ",";
  let bestScore = -1;
  for (const s of SEPARATORS) {
    const counts = lines.map((l) => countOutsideQuotes(l, s)).filter((n) => n > 0);
    if (counts.length === 0) continue;
    // The most common count, weighted by how many lines share it.
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    const [mode, lineCount] = [...freq].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    const score = lineCount * 1000 + mode;
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && out.length < n; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      if (i > start) out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (out.length < n && start < text.length) out.push(text.slice(start));
  return out;
}

function countOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === sep) n++;
  }
  return n;
}

/** "." or "," as the decimal mark, the other (or a space) as the thousands separator. */
export type DecimalMark = "." | ",";

const POINT_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$/;
const COMMA_NUMBER = /^\d{1,3}(?:[. ]\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$|^,\d+$/;

/** The bare digits of a field, signs, currency, brackets and % taken off (see csvValue). */
function numericCore(field: string): string | undefined {
  const m = /^\(?\s*[-+]?\s*£?\s*([\d.,  ]+?)\s*%?\s*\)?$/.exec(field.trim());
  return m ? m[1].replace(/ /g, " ") : undefined;
}

/**
 * The decimal mark of a file's numbers: the one that reads more of its fields as numbers only
 * that way ("1.234,5" only as decimal comma; "1,234.5" or "0.25" only as decimal point).
 */
export function decideDecimalMark(
  rows: readonly (readonly string[])[],
  sep: Separator
): DecimalMark {
  let point = 0;
  let comma = 0;
  for (const row of rows)
    for (const field of row) {
      if (typeof field !== "string") continue;
      const core = numericCore(field);
      if (!core || !/[.,]/.test(core)) continue;
      const p = POINT_NUMBER.test(core);
      const c = COMMA_NUMBER.test(core);
      if (p && !c) point++;
      else if (c && !p) comma++;
    }
  if (point !== comma) return point > comma ? "." : ",";
  return sep === ";" ? "," : ".";
}

/** A date written the ISO way (2011-03-31), the one written form whose day and month are certain. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A field with its number format, as Excel would set it when opening the file. */
export interface TypedField {
  readonly value: CellValue;
  readonly numberFormat?: string;
}

/**
 * One CSV field as Excel types it: "1,234" -> 1234 ("#,##0"), "(1,234)" and "-1,234" ->
 * -1234, "£1,234.50" -> 1234.5 ("£#,##0.00"), "12.5%" -> 0.125 ("0.0%"); "TRUE"/"FALSE" ->
 * booleans; "2011-03-31" -> that date; "0123", "2016/17", "31/03/2016" and other text stay
 * text (whether 03/04 is March or April cannot be known). Blank -> null.
 */
export function csvValue(field: string, mark: DecimalMark): TypedField {
  const t = field.trim();
  if (t === "") return { value: null };
  const upper = t.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const d = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
    if (d.getUTCMonth() === Number(iso[2]) - 1 && d.getUTCDate() === Number(iso[3]))
      return { value: d, numberFormat: "yyyy-mm-dd" };
    return { value: t };
  }
  const m = /^(\()?\s*([-+])?\s*(£)?\s*([\d.,  ]+?)\s*(%)?\s*(\))?$/.exec(t);
  if (!m) return { value: t };
  const [, open, sign, pound, digitsRaw, percent, close] = m;
  if (!!open !== !!close) return { value: t };
  const digits = digitsRaw.replace(/ /g, " ");
  const shape = mark === "." ? POINT_NUMBER : COMMA_NUMBER;
  if (!shape.test(digits)) return { value: t };
  const [intPart, fraction = ""] = mark === "." ? digits.split(".") : digits.split(",");
  const whole = intPart.replace(/[., ]/g, "");
  // A leading zero marks a code ("0123"), as a number it would lose the zero.
  if (whole.length > 1 && whole.startsWith("0")) return { value: t };
  const digitsText = `${whole || "0"}${fraction ? `.${fraction}` : ""}`;
  // "5.8%" is 5.8e-2 exactly as a decimal (0.058), where 5.8 / 100 would be 0.057999999999999996.
  const n = Number(percent ? `${digitsText}e-2` : digitsText);
  if (!Number.isFinite(n)) return { value: t };
  const signed = open || sign === "-" ? -n : n;
  const grouped = intPart.length !== whole.length;
  const decimals = fraction.length > 0 ? `.${"0".repeat(Math.min(fraction.length, 10))}` : "";
  if (percent) return { value: signed, numberFormat: `0${decimals}%` };
  if (pound) return { value: signed, numberFormat: `£#,##0${decimals}` };
  if (grouped) return { value: signed, numberFormat: `#,##0${decimals}` };
  return { value: signed };
}
