/**
 * The statement sheet as it should be, for the inspector's consistency rule. The core rule
 * (consistency.ts) compares cells and knows nothing of the layout; this module drafts the
 * statement again from the workbook's data with the same builder and the same Excel renderer
 * that wrote the sheet (passed in by the front end), and hands over every cell the renderer would write. No new format and
 * no hidden map in the workbook: what the add-in would write now is the reference.
 *
 * What is compared: every cell of the statement's body (the summary, the nine areas and the
 * benchmarking), of the charts sheet and of the working papers' sheet (the points to check, the
 * sheets read, the settings used, the readings and every figure's line). Not compared: the two
 * lines under each title (the Authority, its plan and the approval mark). The papers say the day
 * they were drafted and the workbook's name ("Drafted on 5 May 2011 from the workbook X."): the
 * papers are drafted again with the day and name that line gives, so the line itself is compared
 * too, and one replaced by other words ("Approved by the Police Authority...") is a difference.
 *
 * The money unit the sheet was drafted in is found by drafting in each unit and keeping the one
 * that matches best, so a statement drafted in £m is compared in £m.
 */
import { SheetGrid, findSheet } from "../grid";
import { MoneyUnit } from "../money";
import { VfmResult, draftStatement } from "../run";
import { DisplayFigure, Statement, TableBlock } from "../statement/model";
import { CheckOptions, checkWorkbook } from "./check";
import { statementSheetsIn } from "./consistency";
import { CheckReport, ExpectedCell, ExpectedSheet, StatementExpectation } from "./types";
import { dateOfWords, formatDate } from "../format";
import { PlainValue, SheetPlan, WritePlan } from "../writePlan";

/**
 * The Excel renderer that wrote the statement sheet (render/excel.ts's renderStatementWritePlan),
 * passed in by the front end: the core does not depend on the renderers.
 */
export type StatementPlanRenderer = (
  statement: Statement,
  names: {
    readonly statementSheet: string;
    readonly chartsSheet?: string;
    readonly papersSheet?: string;
  }
) => WritePlan;

/**
 * Sections that list findings and sources, not figures: the working papers, on a sheet of their
 * own since issue 13 (an older statement sheet may still end with them).
 */
const CLOSING_SECTIONS = new Set(["notes", "sources", "settings", "figures"]);
/**
 * The rows under the title: the Authority and its plan (which a user may give when drafting),
 * and the approval mark (Draft, or the date of approval); neither is a figure.
 */
const META_ROWS = [1, 2];
/** Any fixed timestamp, for papers whose drafting line cannot be read back (see draftedFrom). */
const DRAFTED_AT = "2000-01-01T00:00:00Z";
const UNITS: readonly MoneyUnit[] = ["£", "£000", "£m"];

/** The charts sheet of the add-in in the workbook, where there is one. */
function chartsSheetIn(sheets: readonly SheetGrid[]): SheetGrid | undefined {
  return sheets.find((s) => s.addinOwned === true && /^VfM Charts(?: \(\d+\))?$/i.test(s.name));
}

/** The working papers' sheet of the add-in in the workbook, where there is one. */
function papersSheetIn(sheets: readonly SheetGrid[]): SheetGrid | undefined {
  return sheets.find(
    (s) => s.addinOwned === true && /^VfM Working Papers(?: \(\d+\))?$/i.test(s.name)
  );
}

/** How the papers were drafted, as their "Drafted on ..." line says. */
interface Drafted {
  /** The day drafted, where the line gives one. */
  readonly on?: string;
  /** The workbook's name; "" where the line says "the force's workbook". */
  readonly workbookName?: string;
}

const DRAFTED_LINE =
  /^Drafted on (.+?) from (?:the workbook (.+)|the force's workbook)\. The add-in reads the workbook without changing it\.$/;

/**
 * The papers' "Drafted on" paragraph (wrapped over rows of column A, or in one cell), read back:
 * the day and the workbook's name. Empty where no such line can be read.
 */
function draftedFrom(papers: SheetGrid | undefined): Drafted {
  if (!papers) return {};
  const rows = papers.values;
  for (let r = 0; r < rows.length; r++) {
    const first = rows[r]?.[0];
    if (typeof first !== "string" || !first.startsWith("Drafted on ")) continue;
    let text = first.trim();
    for (let k = r + 1; k < rows.length; k++) {
      const next = rows[k]?.[0];
      if (typeof next !== "string" || next.trim() === "") break;
      text += ` ${next.trim()}`;
    }
    const m = DRAFTED_LINE.exec(text);
    if (!m) continue;
    const on = dateOfWords(m[1]);
    return { ...(on ? { on } : {}), workbookName: m[2] ?? "" };
  }
  return {};
}

/** Shown where the papers' drafting line could not be read back: its date is not known. */
const UNKNOWN_DAY = "(the day it was drafted)";

function statementOf(result: VfmResult, unit: MoneyUnit, drafted: Drafted = {}): Statement {
  return draftStatement(result, {
    generatedAt: drafted.on ?? DRAFTED_AT,
    unit,
    ...(drafted.workbookName !== undefined ? { workbookName: drafted.workbookName } : {}),
  });
}

/** Every non-empty cell a planned sheet writes, with the area it covers. */
function planCells(plan: SheetPlan): {
  cells: Map<string, ExpectedCell>;
  rows: number;
  cols: number;
} {
  const cells = new Map<string, ExpectedCell>();
  let rows = 0;
  let cols = 0;
  const hiddenByMerge = new Set<string>();
  for (const m of plan.merges ?? [])
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) hiddenByMerge.add(`${r},${c}`);
  for (const b of plan.blocks)
    b.values.forEach((row, i) =>
      row.forEach((v: PlainValue, j) => {
        const r = b.top + i;
        const c = b.left + j;
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
        const k = `${r},${c}`;
        if (v === null || (typeof v === "string" && v.trim() === "") || hiddenByMerge.has(k)) {
          cells.delete(k);
          return;
        }
        cells.set(k, { row: r, col: c, value: v });
      })
    );
  return { cells, rows, cols };
}

function valueOf(f: DisplayFigure): PlainValue {
  return f.value === null ? f.text : f.value;
}

/**
 * Says what each table cell is and which workbook cells it comes from. Tables are found by
 * their caption in column A, in document order; a table whose cells are not where the layout
 * puts them is left without provenance (the comparison itself does not depend on it).
 */
function addProvenance(statement: Statement, cells: Map<string, ExpectedCell>, rows: number): void {
  const tables: TableBlock[] = [];
  for (const s of statement.sections)
    if (!CLOSING_SECTIONS.has(s.id))
      for (const b of s.blocks) if (b.kind === "table") tables.push(b);
  let from = 0;
  for (const t of tables) {
    let caption = -1;
    for (let r = from; r < rows; r++)
      if (cells.get(`${r},0`)?.value === t.caption) {
        caption = r;
        break;
      }
    if (caption < 0) continue;
    const first = caption + 1 + t.headerRows.length;
    const fits = t.rows.every((row, i) =>
      row.cells.every((c, j) => {
        const v = valueOf(c);
        const at = cells.get(`${first + i},${j}`);
        return v === null || v === "" ? at === undefined : at?.value === v;
      })
    );
    from = caption + 1;
    if (!fits) continue;
    t.rows.forEach((row, i) => {
      const rowLabel = row.cells[0]?.text ?? "";
      row.cells.forEach((c, j) => {
        const k = `${first + i},${j}`;
        const at = cells.get(k);
        if (!at || j === 0) return;
        const header = columnTitle(t, j);
        const what = [t.caption, [rowLabel, header].filter((x) => x).join(", ")]
          .filter((x) => x)
          .join(": ");
        cells.set(k, { ...at, what, ...(c.sources.length > 0 ? { sources: c.sources } : {}) });
      });
    });
    from = first + t.rows.length;
  }
}

/** A column's header with the group headings above it: "Non-cashable Planned". */
function columnTitle(t: TableBlock, j: number): string {
  const parts: string[] = [];
  for (const row of t.headerRows) {
    let col = 0;
    for (const h of row) {
      if (j >= col && j < col + h.span) {
        if (h.text.trim() && !parts.includes(h.text.trim())) parts.push(h.text.trim());
        break;
      }
      col += h.span;
    }
  }
  return parts.length > 0 ? parts.join(" ") : (t.columns[j]?.header ?? "");
}

function expectedFor(
  result: VfmResult,
  renderStatementWritePlan: StatementPlanRenderer,
  unit: MoneyUnit,
  statementName: string,
  chartsName: string | undefined,
  papers?: { readonly name: string; readonly drafted: Drafted }
): ExpectedSheet[] {
  const statement = statementOf(result, unit, papers?.drafted);
  const names = {
    statementSheet: statementName,
    ...(chartsName ? { chartsSheet: chartsName } : {}),
    ...(papers ? { papersSheet: papers.name } : {}),
  };
  const full = renderStatementWritePlan(statement, names);
  const body = renderStatementWritePlan(
    { ...statement, sections: statement.sections.filter((s) => !CLOSING_SECTIONS.has(s.id)) },
    names
  );
  const main = planCells(body.sheets[0]);
  addProvenance(statement, main.cells, main.rows);
  const out: ExpectedSheet[] = [
    {
      sheet: statementName,
      cells: [...main.cells.values()],
      rows: main.rows,
      cols: main.cols,
      skipRows: META_ROWS,
    },
  ];
  const charts = full.sheets.find((s) => s.role === "charts");
  if (charts && chartsName) {
    const c = planCells(charts);
    out.push({ sheet: chartsName, cells: [...c.cells.values()], rows: c.rows, cols: c.cols });
  }
  const written = full.sheets.find((s) => s.role === "papers");
  if (written && papers) {
    const c = planCells(written);
    const cells = [...c.cells.values()].map((e) =>
      !papers.drafted.on && typeof e.value === "string" && e.value.includes(DRAFTED_WORDS)
        ? { ...e, value: e.value.replace(DRAFTED_WORDS, UNKNOWN_DAY), what: "the drafting line" }
        : e
    );
    out.push({ sheet: papers.name, cells, rows: c.rows, cols: c.cols, skipRows: META_ROWS });
  }
  return out;
}

/** DRAFTED_AT as the papers write it. */
const DRAFTED_WORDS = formatDate(DRAFTED_AT);

function mismatches(sheet: SheetGrid | undefined, expected: ExpectedSheet): number {
  if (!sheet) return 0;
  const skip = new Set(expected.skipRows ?? []);
  let n = 0;
  for (const e of expected.cells) {
    if (skip.has(e.row)) continue;
    const v = sheet.values[e.row]?.[e.col];
    if (typeof e.value === "number" ? v !== e.value : v !== e.value) n++;
  }
  return n;
}

/**
 * The add-in's statement (and charts) sheets as they would be drafted from the result's data
 * now, for checkWorkbook's `expectedStatement`. Undefined when the workbook holds no statement
 * sheet of the add-in's.
 */
export function expectedStatementSheets(
  result: VfmResult,
  render: StatementPlanRenderer
): StatementExpectation | undefined {
  const statementSheet = statementSheetsIn(result.workbook.sheets)[0];
  if (!statementSheet) return undefined;
  const chartsName = chartsSheetIn(result.workbook.sheets)?.name;
  const papersSheet = papersSheetIn(result.workbook.sheets);
  const papers = papersSheet
    ? { name: papersSheet.name, drafted: draftedFrom(papersSheet) }
    : undefined;
  try {
    let best: { sheets: ExpectedSheet[]; misses: number } | undefined;
    const usual = result.analysis.unit ?? result.data.budget.unit ?? "£";
    for (const unit of [usual, ...UNITS.filter((u) => u !== usual)]) {
      const sheets = expectedFor(result, render, unit, statementSheet.name, chartsName, papers);
      const misses = mismatches(findSheet(result.workbook, sheets[0].sheet), sheets[0]);
      if (!best || misses < best.misses) best = { sheets, misses };
      if (misses === 0) break;
    }
    return { sheets: best?.sheets ?? [] };
  } catch (e) {
    return {
      sheets: [],
      unavailable: `The statement could not be drafted again to compare with (${e instanceof Error ? e.message : String(e)}).`,
    };
  }
}

/**
 * The whole check, the statement comparison included: what the task pane's Check step and
 * `vfm check` call.
 */
export function checkWorkbookWithStatement(
  result: VfmResult,
  render: StatementPlanRenderer,
  options: Omit<CheckOptions, "expectedStatement"> = {}
): CheckReport {
  const expectedStatement = expectedStatementSheets(result, render);
  return checkWorkbook(result, { ...options, ...(expectedStatement ? { expectedStatement } : {}) });
}
