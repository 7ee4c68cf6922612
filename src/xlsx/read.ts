/**
 * Reads an .xlsx file into the core's WorkbookGrid with ExcelJS. Used in Node by the command
 * line and in the browser by the preview, so it takes bytes and has no Node imports.
 *
 * ExcelJS hands cells over in several shapes; each is turned into one plain value here:
 * - merged ranges: every cell of the range reports the master's value. Only the master keeps it;
 *   the others are null, and the range is recorded in `merges`;
 * - rich text {richText: [...]}: the parts joined into one string;
 * - formulas {formula, result} and shared formulas {sharedFormula, result}: the cached result,
 *   with the formula text (as Excel shows it, "=SUM(B2:B3)") kept in `formulas`; a workbook
 *   saved without any calculated results gets one finding (FORMULAS_NOT_CALCULATED);
 * - errors {error: "#REF!"}, alone or as a formula's result: an ErrorValue and a finding;
 * - hyperlinks {text, hyperlink}: the text;
 * - dates: ExcelJS already turns a number with a date format into a Date (midnight UTC); a
 *   number with a format ExcelJS does not know as a date stays a number with its format, and
 *   detection decides.
 * Hidden rows, sheet visibility, number formats and the add-in's ownership marks
 * (src/core/ownership.ts) are read as well.
 */
import * as ExcelJS from "exceljs";
import {
  CellRange,
  CellValue,
  SheetGrid,
  SheetVisibility,
  WorkbookGrid,
  a1,
  formatRef,
} from "../core/grid";
import { Finding, finding } from "../core/findings";
import { DefinedNameEntry, SheetRole, ownedSheetsFromNames } from "../core/ownership";
import { UnreadableWorkbookError, checkReadable, inspectXlsx } from "./inspect";
import { formatCount } from "../core/format";

export { UnreadableWorkbookError } from "./inspect";

export interface XlsxReadOptions {
  /**
   * Heap the read may use, in bytes. A workbook expected to need more is refused with an
   * UnreadableWorkbookError ("tooLarge") before ExcelJS starts, instead of running out of memory.
   */
  readonly memoryBudgetBytes?: number;
  /** Added to the "too large" message: what the user can do here (given the memory needed). */
  readonly tooLargeAdvice?: string | ((needBytes: number) => string);
  /** Findings of one kind listed per sheet before the rest are summed up in one (default 20). */
  readonly maxFindingsPerSheet?: number;
}

export interface XlsxReadResult {
  readonly workbook: WorkbookGrid;
  /** Problems met while reading (error values; a workbook saved without calculated results). */
  readonly findings: Finding[];
  /** The role recorded in each add-in sheet's ownership mark, by sheet name. */
  readonly roles: ReadonlyMap<string, SheetRole>;
}

/** What each Excel error value means, in plain English. */
const ERROR_MEANINGS: Readonly<Record<string, string>> = {
  "#REF!": "a reference to cells that were deleted",
  "#DIV/0!": "a division by zero",
  "#N/A": "a value that is not available (often a lookup that found nothing)",
  "#NAME?": "a name or function Excel does not recognise",
  "#VALUE!": "a calculation on the wrong kind of value, such as text where a number was expected",
  "#NUM!": "a number that cannot be calculated",
  "#NULL!": "ranges that do not meet",
  "#SPILL!": "a result that has no room to spill into",
  "#CALC!": "a calculation Excel could not finish",
};

type ExcelCellValue = ExcelJS.CellValue;

interface Converted {
  value: CellValue;
  formula?: string;
  /** True for a formula whose file holds no saved result. */
  noResult?: boolean;
}

function plainText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "richText" in v) {
    const parts = (v as ExcelJS.CellRichTextValue).richText;
    return Array.isArray(parts) ? parts.map((p) => p.text ?? "").join("") : "";
  }
  if (v === null || v === undefined) return "";
  return String(v);
}

/** One ExcelJS cell value as a grid value; `formulaText` is ExcelJS's (translated) formula. */
function convert(v: ExcelCellValue, formulaText: string | undefined): Converted {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: Number.isNaN(v.getTime()) ? null : v };
  if ("error" in v) return { value: { error: String(v.error) } };
  if ("richText" in v) return { value: plainText(v) };
  // A follower of a shared formula whose master is missing arrives as {result} alone.
  if ("formula" in v || "sharedFormula" in v || "result" in v) {
    const f = v as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    const text = formulaText ?? ("formula" in f && f.formula ? f.formula : undefined);
    const formula = text ? (text.startsWith("=") ? text : `=${text}`) : undefined;
    if (f.result === undefined || f.result === null)
      return { value: null, formula, noResult: true };
    return { value: convert(f.result as ExcelCellValue, undefined).value, formula };
  }
  if ("hyperlink" in v) return { value: plainText((v as ExcelJS.CellHyperlinkValue).text) };
  if ("text" in v) return { value: plainText((v as { text: unknown }).text) };
  return { value: null };
}

/**
 * A formula cell's text. For a cell that follows a shared formula ExcelJS translates the
 * master's formula, and throws when the master is missing; the result is still read then.
 */
function formulaOf(cell: ExcelJS.Cell): string | undefined {
  try {
    return cell.formula || undefined;
  } catch {
    return undefined;
  }
}

/** Merged ranges of a sheet. ExcelJS keeps them in a private map; its public model is costly. */
function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  type RangeLike = { top: number; left: number; bottom: number; right: number };
  const raw = (ws as unknown as { _merges?: Record<string, RangeLike> })._merges;
  const ranges: RangeLike[] = [];
  if (raw && typeof raw === "object") ranges.push(...Object.values(raw));
  return ranges
    .filter((r) => [r.top, r.left, r.bottom, r.right].every(Number.isInteger))
    .map((r) => ({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  const state = String(ws.state);
  return state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
}

/** The defined names of a loaded workbook, as the ownership convention reads them. */
function definedNamesOf(wb: ExcelJS.Workbook): DefinedNameEntry[] {
  const model = (wb.definedNames as unknown as { model?: { name: string; ranges: string[] }[] })
    .model;
  if (!Array.isArray(model)) return [];
  return model.flatMap((n) => (n.ranges ?? []).map((reference) => ({ name: n.name, reference })));
}

/** Collects findings of one kind per sheet, listing the first few and counting the rest. */
class CappedFindings {
  private readonly counts = new Map<string, number>();
  constructor(
    private readonly out: Finding[],
    private readonly cap: number
  ) {}
  add(sheet: string, code: string, make: () => Finding): void {
    const key = `${sheet}\u0000${code}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= this.cap) this.out.push(make());
  }
  summarise(describe: (code: string, sheet: string, more: number) => Finding | undefined): void {
    for (const [key, n] of this.counts) {
      if (n <= this.cap) continue;
      const [sheet, code] = key.split("\u0000");
      const f = describe(code, sheet, n - this.cap);
      if (f) this.out.push(f);
    }
  }
}

function errorFinding(sheet: string, row: number, col: number, error: string): Finding {
  const meaning = ERROR_MEANINGS[error.toUpperCase()];
  return finding(
    "warning",
    "CELL_ERROR_VALUE",
    `${formatRef({ sheet, address: a1(row, col) })} shows the error ${error}${meaning ? ` (${meaning})` : ""}, so it holds no figure the add-in can use.`,
    { sheet, address: a1(row, col) },
    "Correct the formula or value in that cell in Excel, save the workbook and run the add-in again."
  );
}

/**
 * What the reader saw of formulas' saved results. ExcelJS cannot tell a formula whose result is
 * an empty string (common: =IF(x,"",...)) from one never calculated, so a single cell proves
 * nothing; a workbook where no formula has a saved result was written by a program that does
 * not calculate, and its totals would all read as empty.
 */
interface FormulaTally {
  withResult: number;
  withoutResult: number;
  first?: { sheet: string; row: number; col: number };
}

function notCalculatedFinding(tally: FormulaTally): Finding | undefined {
  if (tally.withResult > 0 || tally.withoutResult === 0 || !tally.first) return undefined;
  const { sheet, row, col } = tally.first;
  const n = tally.withoutResult;
  return finding(
    "warning",
    "FORMULAS_NOT_CALCULATED",
    `${n === 1 ? "The formula" : `All ${formatCount(n)} formulas`} in this workbook (from ${formatRef({ sheet, address: a1(row, col) })}) ${n === 1 ? "has" : "have"} no saved result, so ${n === 1 ? "it reads" : "they read"} as empty. The file was probably written by a program that does not calculate.`,
    { sheet, address: a1(row, col) },
    "Open the workbook in Excel, let it calculate, save it and try again."
  );
}

function sheetToGrid(
  ws: ExcelJS.Worksheet,
  owned: ReadonlyMap<string, SheetRole>,
  findings: CappedFindings,
  tally: FormulaTally
): SheetGrid {
  const name = ws.name;
  const values: CellValue[][] = [];
  let numberFormats: (string | undefined)[][] | undefined;
  let formulas: (string | undefined)[][] | undefined;
  const hiddenRows: number[] = [];

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // Every cell of a merged range reports the master's value: only the master counts.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      const conv = convert(cell.value, isFormula ? formulaOf(cell) : undefined);
      // An empty string is an empty cell, as Office.js reports it (a formula keeps its text).
      if (conv.value === "") conv.value = null;
      if (conv.value !== null) {
        while (out.length < c) out.push(null);
        out[c] = conv.value;
      }
      if (conv.formula) {
        formulas ??= [];
        (formulas[r] ??= [])[c] = conv.formula;
      }
      const fmt = cell.numFmt;
      if (fmt && fmt !== "General" && conv.value !== null) {
        numberFormats ??= [];
        (numberFormats[r] ??= [])[c] = fmt;
      }
      const v = conv.value;
      if (v !== null && typeof v === "object" && !(v instanceof Date))
        findings.add(name, "CELL_ERROR_VALUE", () => errorFinding(name, r, c, v.error));
      if (conv.formula) {
        if (!conv.noResult) tally.withResult++;
        else if (tally.withoutResult++ === 0) tally.first = { sheet: name, row: r, col: c };
      }
    });
    while (values.length < r) values.push([]);
    values[r] = out;
  });

  const merges = mergesOf(ws);
  const sheet: {
    -readonly [K in keyof SheetGrid]: SheetGrid[K];
  } = { name, values, visibility: visibilityOf(ws), addinOwned: owned.has(name.toLowerCase()) };
  if (numberFormats) sheet.numberFormats = fill(numberFormats, values.length);
  if (formulas) sheet.formulas = fill(formulas, values.length);
  if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
  if (merges.length) sheet.merges = merges;
  return sheet;
}

/** Sparse row arrays made dense (holes become empty rows / undefined cells). */
function fill<T>(rows: T[][], length: number): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < Math.max(length, rows.length); r++)
    out.push(rows[r] ? Array.from(rows[r]) : []);
  return out;
}

/**
 * Reads .xlsx bytes into a WorkbookGrid. Throws UnreadableWorkbookError (plain English) when the
 * bytes are not a readable workbook or are too large for the memory budget; every problem inside
 * a readable workbook is a finding instead.
 */
export async function xlsxToGrid(
  data: ArrayBuffer | Uint8Array,
  fileName?: string,
  options: XlsxReadOptions = {}
): Promise<XlsxReadResult> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const inspection = inspectXlsx(bytes);
  await checkReadable(bytes, inspection, options.memoryBudgetBytes, options.tooLargeAdvice);

  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's types name Buffer, but JSZip underneath takes any Uint8Array (and in the browser
    // there is no Buffer).
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    throw failure(e);
  }

  const findings: Finding[] = [];
  const capped = new CappedFindings(findings, options.maxFindingsPerSheet ?? 20);
  const worksheets = wb.worksheets;
  const owned = ownedSheetsFromNames(
    definedNamesOf(wb),
    worksheets.map((w) => w.name)
  );
  const sheets: SheetGrid[] = [];
  const tally: FormulaTally = { withResult: 0, withoutResult: 0 };
  try {
    for (const ws of worksheets) sheets.push(sheetToGrid(ws, owned, capped, tally));
  } catch (e) {
    throw failure(e);
  }
  capped.summarise((code, sheet, more) =>
    code === "CELL_ERROR_VALUE"
      ? finding(
          "warning",
          code,
          `${sheet} shows ${formatCount(more)} more error values besides those listed.`,
          { sheet }
        )
      : undefined
  );
  const notCalculated = notCalculatedFinding(tally);
  if (notCalculated) findings.push(notCalculated);

  const roles = new Map<string, SheetRole>();
  for (const s of sheets) {
    const role = owned.get(s.name.toLowerCase());
    if (role) roles.set(s.name, role);
  }
  const workbook: WorkbookGrid = fileName ? { sheets, fileName } : { sheets };
  return { workbook, findings, roles };
}

/** Turns what ExcelJS or the runtime threw into a plain-English UnreadableWorkbookError. */
function failure(e: unknown): UnreadableWorkbookError {
  if (e instanceof UnreadableWorkbookError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  if (
    e instanceof RangeError ||
    /invalid (string|array) length|allocation failed|out of memory/i.test(detail)
  )
    return new UnreadableWorkbookError(
      "tooLarge",
      "The workbook is too large to read in the memory available. Remove unused sheets or rows, or split it, and try again.",
      detail
    );
  return new UnreadableWorkbookError(
    "corrupt",
    "The workbook could not be read: its contents are damaged or use a feature the reader does not understand. Open it in Excel, save it again as an Excel Workbook (.xlsx), and try again.",
    detail
  );
}
