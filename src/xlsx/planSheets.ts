/**
 * Turns the sheets of a write plan into cells (a SheetGrid) plus how they look (a
 * SheetPresentation: styles, column widths, frozen panes, page setup, charts, tables). The
 * in-memory gateway keeps both so the preview page can draw the add-in's sheets; the .xlsx writer
 * writes both. No Node imports: this runs in the browser.
 */
import { CellRange, CellValue, SheetGrid } from "../core/grid";
import { SheetRole, marksOwnership } from "../core/ownership";
import { CellStyle, ChartPlan, PlainValue, SheetPlan } from "../core/writePlan";

/** How an add-in sheet looks, as the plan described it; the preview grid draws from this. */
export interface SheetPresentation {
  readonly role?: SheetRole;
  /** Style ranges in plan order: where ranges overlap, the later one wins (see styleAt). */
  readonly styles?: readonly { readonly range: CellRange; readonly style: CellStyle }[];
  /** Column widths in characters, from column A. */
  readonly columnWidths?: readonly number[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly page?: SheetPlan["page"];
  /** Charts as planned, with `dataSheet` set to the sheet's actual name. */
  readonly charts?: readonly ChartPlan[];
  readonly tables?: SheetPlan["tables"];
  readonly tabColor?: string;
  /** Row heights in points, as planned. */
  readonly rowHeights?: SheetPlan["rowHeights"];
  /** Links, with `sheet` set to the linked sheet's actual name. */
  readonly links?: SheetPlan["links"];
}

function inRange(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

/** The style a cell ends up with: every style range over it applied in order. */
export function styleAt(
  presentation: SheetPresentation | undefined,
  row: number,
  col: number
): CellStyle {
  let style: CellStyle = {};
  for (const s of presentation?.styles ?? [])
    if (inRange(s.range, row, col)) style = { ...style, ...s.style };
  return style;
}

function setCell<T>(rows: T[][], row: number, col: number, value: T, empty: T): void {
  while (rows.length <= row) rows.push([]);
  const r = rows[row];
  while (r.length < col) r.push(empty);
  r[col] = value;
}

function trimRow(row: CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
  return end === row.length ? row : row.slice(0, end);
}

/**
 * The cells and look of one planned sheet, written under `actualName`. Strings stay strings:
 * a plan never produces a formula. `rename` maps planned sheet names to the names actually used
 * (for charts whose data sit on another planned sheet).
 */
export function sheetFromPlan(
  plan: SheetPlan,
  actualName: string,
  rename: ReadonlyMap<string, string> = new Map()
): { grid: SheetGrid; presentation: SheetPresentation } {
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  let anyFormat = false;

  // Number formats from style ranges first; a block's own formats are more specific and win.
  for (const s of plan.styles ?? []) {
    const fmt = s.style.numberFormat;
    if (!fmt) continue;
    for (let r = s.range.top; r <= s.range.bottom; r++)
      for (let c = s.range.left; c <= s.range.right; c++) {
        setCell(formats, r, c, fmt, undefined);
        anyFormat = true;
      }
  }
  for (const block of plan.blocks) {
    block.values.forEach((row, i) =>
      row.forEach((v: PlainValue, j) => {
        setCell<CellValue>(values, block.top + i, block.left + j, v, null);
        const fmt = block.numberFormats?.[i]?.[j];
        if (fmt) {
          setCell(formats, block.top + i, block.left + j, fmt, undefined);
          anyFormat = true;
        }
      })
    );
  }
  // Only the top-left cell of a merged range keeps a value, as in Excel.
  for (const m of plan.merges ?? [])
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if ((r !== m.top || c !== m.left) && values[r] && c < values[r].length) values[r][c] = null;

  const trimmed = values.map(trimRow);
  while (trimmed.length > 0 && trimmed[trimmed.length - 1].length === 0) trimmed.pop();

  const grid: { -readonly [K in keyof SheetGrid]: SheetGrid[K] } = {
    name: actualName,
    values: trimmed,
    visibility: plan.hidden ? "hidden" : "visible",
    addinOwned: marksOwnership(plan.role),
  };
  if (anyFormat) grid.numberFormats = formats;
  if (plan.merges?.length) grid.merges = plan.merges.map((m) => ({ ...m }));

  const presentation: { -readonly [K in keyof SheetPresentation]: SheetPresentation[K] } = {
    role: plan.role,
  };
  if (plan.styles?.length)
    presentation.styles = plan.styles.map((s) => ({
      range: { ...s.range },
      style: { ...s.style },
    }));
  if (plan.columnWidths?.length) presentation.columnWidths = [...plan.columnWidths];
  if (plan.freeze) presentation.freeze = { ...plan.freeze };
  if (plan.page)
    presentation.page = {
      ...plan.page,
      ...(plan.page.printArea ? { printArea: { ...plan.page.printArea } } : {}),
    };
  if (plan.charts?.length)
    presentation.charts = plan.charts.map((c) => {
      const wanted = c.dataSheet ?? plan.name;
      return {
        ...c,
        dataSheet: rename.get(wanted.toLowerCase()) ?? (c.dataSheet ? c.dataSheet : actualName),
      };
    });
  if (plan.tables?.length)
    presentation.tables = plan.tables.map((t) => ({ ...t, range: { ...t.range } }));
  if (plan.tabColor) presentation.tabColor = plan.tabColor;
  if (plan.rowHeights?.length) presentation.rowHeights = plan.rowHeights.map((h) => ({ ...h }));
  if (plan.links?.length)
    presentation.links = plan.links.map((l) => ({
      ...l,
      sheet: rename.get(l.sheet.toLowerCase()) ?? l.sheet,
      target: { ...l.target },
    }));
  return { grid, presentation };
}
