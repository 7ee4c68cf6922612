/**
 * A plan of writes to the workbook: the Excel renderer produces it from the statement model,
 * and either gateway (Office.js or the in-memory preview) applies it. It is plain data, so one
 * renderer serves both and tests can inspect exactly what would be written.
 *
 * Rules every gateway keeps when applying a plan:
 * - Only sheets the add-in owns are ever replaced. A sheet of the user's with the planned name
 *   is left alone and the plan's sheet gets another name (see resolveSheetNames).
 * - Every string is written as literal text: "=SUM(A1)" arrives in the cell as those characters,
 *   never as a formula.
 */
import { CellRange, a1 } from "./grid";
import { formatCount } from "./format";

/** Excel's limits that a plan must respect. */
export const EXCEL_LIMITS = {
  rows: 1048576,
  columns: 16384,
  textLength: 32767,
  sheetNameLength: 31,
} as const;

export type PlainValue = string | number | boolean | null;

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Points. */
  readonly fontSize?: number;
  /** "#RRGGBB". */
  readonly fontColor?: string;
  readonly fill?: string;
  readonly horizontalAlignment?: "left" | "center" | "right";
  readonly verticalAlignment?: "top" | "center" | "bottom";
  readonly wrapText?: boolean;
  readonly borderBottom?: "thin" | "medium";
  readonly borderTop?: "thin" | "medium";
  readonly numberFormat?: string;
}

/** A rectangle of values written at (top, left); formats align with values where given. */
export interface ValueBlock {
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly PlainValue[])[];
  readonly numberFormats?: readonly (readonly (string | undefined)[])[];
}

export interface ChartPlan {
  readonly type: "line" | "columnClustered" | "barClustered" | "lineMarkers";
  readonly title: string;
  /** The sheet holding the data (defaults to the chart's own sheet). */
  readonly dataSheet?: string;
  /** First row: series names; first column: categories. */
  readonly dataRange: CellRange;
  /** Where the chart sits, as a cell rectangle on its own sheet. */
  readonly position: CellRange;
  readonly seriesBy?: "columns" | "rows";
  readonly yAxisTitle?: string;
  /** Number format for the value axis, e.g. "0.0%". */
  readonly valueAxisFormat?: string;
  /** The value axis' top, where the chart stops its scale below an outlier (its column is cut). */
  readonly valueAxisMaximum?: number;
  /** Label every category (a column per force), never every second one as Excel may choose. */
  readonly labelEveryCategory?: boolean;
  /** Series drawn differently, by name (e.g. the threshold as a dashed line). */
  readonly seriesStyles?: readonly {
    readonly name: string;
    readonly color?: string;
    readonly dashed?: boolean;
    readonly asLine?: boolean;
  }[];
  /** Alternative text for screen readers. */
  readonly altText: string;
}

/**
 * A link from a cell holding text to a cell of a sheet of the same plan, named as planned (the
 * gateway follows the name resolveSheetNames gives it). The cell keeps its text.
 */
export interface CellLink {
  readonly row: number;
  readonly col: number;
  /** The planned name of the sheet linked to. */
  readonly sheet: string;
  readonly target: { readonly row: number; readonly col: number };
  /** What a pointer over the link shows. */
  readonly tip?: string;
}

export interface SheetPlan {
  /** The name wanted; the gateway may be given another by resolveSheetNames. */
  readonly name: string;
  /** What the sheet is, recorded with the ownership mark. */
  readonly role: "statement" | "papers" | "charts" | "findings" | "input" | "data";
  /**
   * "replace": replace an add-in-owned sheet of that name (user sheets are never touched).
   * "createOnly": create only if no sheet of that name exists (the input template).
   */
  readonly mode: "replace" | "createOnly";
  readonly blocks: readonly ValueBlock[];
  readonly styles?: readonly { readonly range: CellRange; readonly style: CellStyle }[];
  readonly merges?: readonly CellRange[];
  /** Column widths in characters, from column A. */
  readonly columnWidths?: readonly number[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly page?: {
    readonly orientation: "portrait" | "landscape";
    readonly paper: "A4";
    readonly printArea?: CellRange;
    readonly fitToWidth?: boolean;
  };
  readonly charts?: readonly ChartPlan[];
  /**
   * Row heights in points, where the plan sets them: a merged cell of wrapped text does not grow
   * its row by itself in Excel, so the renderer sizes the row for its text.
   */
  readonly rowHeights?: readonly { readonly row: number; readonly points: number }[];
  /** Cells that link to a place in the workbook (the statement's figures to their working-papers line). */
  readonly links?: readonly CellLink[];
  /** Excel tables (the input template): name, header row range. */
  readonly tables?: readonly { readonly name: string; readonly range: CellRange }[];
  readonly tabColor?: string;
  readonly hidden?: boolean;
}

export interface WritePlan {
  readonly sheets: readonly SheetPlan[];
  /** Sheet to show when done. */
  readonly activate?: string;
}

export interface ExistingSheet {
  readonly name: string;
  readonly addinOwned: boolean;
}

export interface SheetNameDecision {
  readonly planned: string;
  /** The name to write to, or undefined when a createOnly sheet already exists. */
  readonly actual?: string;
  /** True when an add-in sheet of that name is replaced. */
  readonly replaces: boolean;
  /** Plain-English note for the user when the name changed or the sheet was skipped. */
  readonly note?: string;
}

const MAX_SHEET_NAME = EXCEL_LIMITS.sheetNameLength;

/**
 * Decides where each planned sheet goes, given the sheets already in the workbook. A user sheet
 * that has the planned name keeps it; the add-in's sheet takes "Name (2)", "Name (3)", ...
 */
export function resolveSheetNames(
  plan: WritePlan,
  existing: readonly ExistingSheet[]
): SheetNameDecision[] {
  const taken = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
  const used = new Set<string>();
  return plan.sheets.map((sheet) => {
    const same = taken.get(sheet.name.toLowerCase());
    if (sheet.mode === "createOnly") {
      if (same)
        return {
          planned: sheet.name,
          replaces: false,
          note: `A sheet named "${same.name}" already exists, so it was left as it is.`,
        };
      used.add(sheet.name.toLowerCase());
      return { planned: sheet.name, actual: sheet.name, replaces: false };
    }
    if (!same || same.addinOwned) {
      used.add(sheet.name.toLowerCase());
      return { planned: sheet.name, actual: sheet.name, replaces: !!same };
    }
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = sheet.name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
      const clash = taken.get(candidate.toLowerCase());
      if (used.has(candidate.toLowerCase())) continue;
      if (!clash || clash.addinOwned) {
        used.add(candidate.toLowerCase());
        return {
          planned: sheet.name,
          actual: candidate,
          replaces: !!clash,
          note: `Your workbook already has a sheet of its own called "${same.name}", so it was left untouched and the add-in wrote "${candidate}" instead.`,
        };
      }
    }
  });
}

/** True when a string would be taken by Excel as a formula or a number sign if typed. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** Why a sheet name cannot be used in Excel, or undefined when it can. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "A sheet name cannot be empty.";
  if (name.length > EXCEL_LIMITS.sheetNameLength)
    return `The sheet name "${name}" is longer than Excel allows (${EXCEL_LIMITS.sheetNameLength} characters).`;
  if (/[[\]:*?/\\]/.test(name))
    return `The sheet name "${name}" contains a character Excel does not allow in sheet names ([ ] : * ? / \\).`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `The sheet name "${name}" cannot start or end with an apostrophe.`;
  if (name.toLowerCase() === "history") return 'Excel reserves the sheet name "History".';
  return undefined;
}

/**
 * Every problem that would stop Excel from taking the plan's sheet as it is: a bad name, cells
 * outside the sheet, text longer than a cell holds. Returned as plain-English sentences.
 */
export function sheetPlanProblems(plan: SheetPlan): string[] {
  const problems: string[] = [];
  const nameProblem = sheetNameProblem(plan.name);
  if (nameProblem) problems.push(nameProblem);
  for (const block of plan.blocks) {
    const rows = block.values.length;
    const cols = Math.max(0, ...block.values.map((r) => r.length));
    if (
      block.top < 0 ||
      block.left < 0 ||
      block.top + rows > EXCEL_LIMITS.rows ||
      block.left + cols > EXCEL_LIMITS.columns
    )
      problems.push(
        `The values planned at ${a1(Math.max(0, block.top), Math.max(0, block.left))} on "${plan.name}" run past the edge of an Excel sheet.`
      );
    block.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v === "string" && v.length > EXCEL_LIMITS.textLength)
          problems.push(
            `The text planned for "${plan.name}"!${a1(block.top + i, block.left + j)} is longer than an Excel cell holds (${formatCount(EXCEL_LIMITS.textLength)} characters).`
          );
        if (typeof v === "number" && !Number.isFinite(v))
          problems.push(
            `The number planned for "${plan.name}"!${a1(block.top + i, block.left + j)} is not a finite number.`
          );
      })
    );
  }
  return problems;
}

/** Every problem with the plan as a whole (each sheet's, and a sheet named twice); empty when Excel would take it. */
export function planProblems(plan: WritePlan): string[] {
  const out = plan.sheets.flatMap(sheetPlanProblems);
  const seen = new Set<string>();
  for (const s of plan.sheets) {
    const key = s.name.toLowerCase();
    if (seen.has(key)) out.push(`The plan names the sheet "${s.name}" twice.`);
    seen.add(key);
  }
  return out;
}
