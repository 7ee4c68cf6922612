/**
 * Reading published cells: numbers with their place, force names normalised to the 43, and a
 * finding in plain English for every cell that is blank, text or an error where a number was
 * expected, or a force name that is not one of the 43.
 */
import { a1, CellValue, isErrorValue, SheetGrid } from "../grid";
import { Finding, finding } from "../findings";
import { describeUnknownForce, FORCES, matchForce } from "../forces";
import { formatNumber, formatYear } from "../format";
import { numberInWords } from "../plainEnglish";
import { FinancialYear } from "../years";
import { ProfileCell } from "./types";

/** Collects findings for one file; every message starts with the file's name. */
export class FileContext {
  readonly findings: Finding[] = [];
  constructor(readonly file: string) {}

  note(
    severity: Finding["severity"],
    code: string,
    message: string,
    sheet?: string,
    address?: string,
    fix?: string
  ): void {
    const where = sheet ? (address ? { sheet, address } : { sheet }) : undefined;
    this.findings.push(finding(severity, code, `${this.file}: ${message}`, where, fix));
  }

  /**
   * The number in a cell, or undefined with a finding naming the cell when it is blank, text
   * that is not a number, or an error value. `who` says what the figure is for the finding.
   */
  number(
    sheet: SheetGrid,
    row: number,
    col: number,
    what: string,
    who: string
  ): ProfileCell | undefined {
    const v: CellValue = sheet.values[row]?.[col] ?? null;
    const address = a1(row, col);
    if (typeof v === "number" && Number.isFinite(v))
      return { file: this.file, sheet: sheet.name, address, value: v, what };
    const n = typeof v === "string" ? numberInText(v) : undefined;
    if (n !== undefined) return { file: this.file, sheet: sheet.name, address, value: n, what };
    const shown =
      v === null || (typeof v === "string" && !v.trim())
        ? "is blank"
        : isErrorValue(v)
          ? `holds the error ${v.error}`
          : `holds "${String(v).trim()}", which is not a number`;
    this.note(
      "warning",
      v === null || (typeof v === "string" && !v.trim())
        ? "PROFILE_VALUE_MISSING"
        : "PROFILE_VALUE_NOT_NUMBER",
      `cell ${sheet.name}!${address} (${what}, ${who}) ${shown}, so the figures that need it are left out for that force.`,
      sheet.name,
      address
    );
    return undefined;
  }
}

/** "1,595,200 " and " 12.5 " read as numbers (the CSV writes thousands commas); other text is not. */
function numberInText(text: string): number | undefined {
  const t = text.trim().replace(/,(?=\d{3}(?:\D|$))/g, "");
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

export interface ForceColumn {
  readonly forceId: string;
  readonly force: string;
  readonly index: number;
}

/**
 * The force a name cell denotes ("Avon & Somerset", "Metropolitan Police", " Dyfed-Powys "),
 * with a finding naming the cell when it is none of the 43. Totals and averages are not forces
 * and are passed over silently.
 */
export function forceOfName(
  ctx: FileContext,
  text: CellValue,
  sheet: string,
  address: string
): { forceId: string; force: string } | undefined {
  if (typeof text !== "string" || !text.trim()) return undefined;
  const t = text.trim();
  if (
    /^(england|wales|england (and|&) wales|total|average|national|mean|median|msg|most similar)\b/i.test(
      t
    )
  )
    return undefined;
  const m = matchForce(t);
  if (m) return { forceId: m.force.id, force: m.force.name };
  ctx.note(
    "warning",
    "PROFILE_UNKNOWN_FORCE",
    `"${t}" in ${sheet}!${address} is left out: ${describeUnknownForce(t)}.`,
    sheet,
    address
  );
  return undefined;
}

/** A finding for each of the 43 forces a file gives no figures for in a year. */
export function noteMissingForces(
  ctx: FileContext,
  found: ReadonlySet<string>,
  year: FinancialYear,
  sheet: string
): void {
  const missing = FORCES.filter((f) => !found.has(f.id));
  if (missing.length === 0) return;
  ctx.note(
    "warning",
    "PROFILE_FORCE_MISSING",
    missing.length === 1
      ? `${missing[0].name} has no figures for ${formatYear(year)} in sheet "${sheet}", so the national comparison for that year has ${43 - missing.length} forces.`
      : `Of the 43 forces, ${numberInWords(missing.length)} have no figures for ${formatYear(year)} in sheet "${sheet}" (${missing.map((f) => f.name).join(", ")}), so the national comparison for that year has ${43 - missing.length} forces.`,
    sheet
  );
}

/** Cell text reduced for comparison: lower case, spaces collapsed, "&" as "and". */
export function words(v: CellValue): string {
  return typeof v === "string"
    ? v
        .toLowerCase()
        .replace(/&/g, " and ")
        .replace(/[^a-z0-9%/]+/g, " ")
        .replace(/\s+/g, " ")
        .trim()
    : "";
}

/** A published figure in a formula text: as written, to at most two decimals (169,503; 3,355.46). */
export function figureText(n: number): string {
  return formatNumber(n, 2, 0);
}
