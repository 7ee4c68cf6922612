/**
 * Statement model -> WritePlan: a "VfM Statement" sheet that reads top to bottom like the Word
 * document, and a "VfM Charts" sheet with the charts' figures and native Excel charts over them.
 * Either gateway (Office.js or the preview) applies the plan, and only to the add-in's own sheets.
 *
 * Layout only: values, texts and number formats all come from the model. Money cells hold
 * pounds with a format that shows them in the statement's unit (see core/statement/format.ts),
 * so a cell's value is exactly the figure `vfm analyse --json` gives. Text is always written as
 * literal text by the gateways (writePlan.ts), so a label like "=SUM(A1)" stays a label.
 *
 * Long paragraphs are broken into lines of at most LINE_CHARS characters, one cell per line, so
 * that nothing depends on row heights or on Excel re-flowing merged cells.
 */
import { CellRange } from "../core/grid";
import {
  Block,
  ChartBlock,
  DisplayFigure,
  NotesBlock,
  ParagraphBlock,
  RagBlock,
  RagState,
  Section,
  SourcesBlock,
  Statement,
  TableBlock,
  TableCell,
} from "../core/statement/model";
import { sourceKey, sourceLines } from "../core/statement/sections/sources";
import {
  CellLink,
  CellStyle,
  ChartPlan,
  PlainValue,
  SheetPlan,
  ValueBlock,
  WritePlan,
} from "../core/writePlan";

export const STATEMENT_SHEET = "VfM Statement";
export const CHARTS_SHEET = "VfM Charts";
/** The working papers: where every figure came from, the settings used, the points to check. */
export const PAPERS_SHEET = "VfM Working Papers";

/** Column A holds labels; B.. hold figures. Widths in characters. */
const LABEL_WIDTH = 36;
const FIGURE_WIDTH = 14;
const FIGURE_COLUMNS = 8;
/** About what fits across A:I at 11pt before the print margin. */
export const LINE_CHARS = 110;

export const RAG_FILL: Readonly<Record<RagState, { fill: string; font: string }>> = {
  onTrack: { fill: "#C6EFCE", font: "#0B3D17" },
  atRisk: { fill: "#FFEB9C", font: "#4D3800" },
  offTrack: { fill: "#FFC7CE", font: "#5C0008" },
  noData: { fill: "#E7E6E6", font: "#1B1B1B" },
};

const HEADER_FILL = "#DDE4F0";
const HEADING_FILL = "#1F3864";

/** Breaks text into lines of at most `width` characters at spaces (a longer word gets a line of its own). */
export function wrapText(text: string, width: number = LINE_CHARS): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n/)) {
    let line = "";
    for (const word of para.split(/\s+/).filter((w) => w.length > 0)) {
      if (line.length === 0) line = word;
      else if (line.length + 1 + word.length <= width) line += " " + word;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

/** Points a line of 11 pt text takes in a row (Excel's standard row height). */
export const LINE_POINTS = 15;
/** Excel's tallest row, in points. */
export const MAX_ROW_POINTS = 409;
/** The most lines of wrapped text a row can show (a longer text goes on over more rows). */
export const MAX_ROW_LINES = Math.floor((MAX_ROW_POINTS - 3) / LINE_POINTS);

/** A row's height for this many lines of wrapped text, with a little room below. */
export function rowPoints(lines: number): number {
  return Math.min(MAX_ROW_POINTS, Math.max(1, lines) * LINE_POINTS + 3);
}

/** Collects rows of values, formats and styles for one sheet, then emits a SheetPlan. */
class SheetBuilder {
  row = 0;
  /** The last row anything was written to (-1 before the first). */
  lastRow = -1;
  private readonly blocks: ValueBlock[] = [];
  readonly styles: { range: CellRange; style: CellStyle }[] = [];
  readonly charts: ChartPlan[] = [];
  readonly merges: CellRange[] = [];
  readonly heights = new Map<number, number>();
  readonly links: CellLink[] = [];
  maxCol = 0;

  /** Writes one row of values from column `left`; returns its row index. */
  put(values: PlainValue[], formats?: (string | undefined)[], left = 0): number {
    const r = this.row++;
    this.blocks.push({
      top: r,
      left,
      values: [values],
      ...(formats && formats.some((f) => f !== undefined) ? { numberFormats: [formats] } : {}),
    });
    this.maxCol = Math.max(this.maxCol, left + values.length - 1);
    this.lastRow = r;
    return r;
  }

  /** Writes values on row `row` from column `left`, without moving on. */
  at(row: number, left: number, values: PlainValue[]): void {
    this.blocks.push({ top: row, left, values: [values] });
    this.maxCol = Math.max(this.maxCol, left + values.length - 1);
    this.lastRow = Math.max(this.lastRow, row);
  }

  blank(n = 1): void {
    this.row += n;
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    this.styles.push({ range: { top, left, bottom, right }, style });
  }

  /** Makes a row at least tall enough for `lines` lines of wrapped text. */
  lines(row: number, lines: number): void {
    if (lines <= 1) return;
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, rowPoints(lines)));
  }

  /**
   * One cell of text over columns `left` to `right`, merged and wrapped, its row as tall as the
   * text needs: a paragraph is one cell, however long, and never runs into the rows below.
   */
  text(text: string, left: number, right: number, style: CellStyle = {}): number {
    const r = this.put([text], undefined, left);
    if (right > left) this.merges.push({ top: r, left, bottom: r, right });
    this.style(r, left, r, right, { wrapText: true, verticalAlignment: "top", ...style });
    this.lines(r, wrapText(text, roomBetween(left, right)).length);
    return r;
  }

  sheet(base: Omit<SheetPlan, "blocks" | "styles" | "charts">): SheetPlan {
    return {
      ...base,
      blocks: this.blocks,
      styles: this.styles,
      ...(this.charts.length > 0 ? { charts: this.charts } : {}),
      ...(this.merges.length > 0 ? { merges: this.merges } : {}),
      ...(this.heights.size > 0
        ? {
            rowHeights: [...this.heights]
              .sort((a, b) => a[0] - b[0])
              .map(([row, points]) => ({ row, points })),
          }
        : {}),
      ...(this.links.length > 0 ? { links: this.links } : {}),
    };
  }
}

function cellValue(c: DisplayFigure): PlainValue {
  // A missing figure is written as its words ("no data"), never as a blank or a zero.
  if (c.value === null) return c.text === "" ? null : c.text;
  return c.value;
}

function cellFormat(c: DisplayFigure): string | undefined {
  return c.value === null || typeof c.value === "string" ? undefined : c.numberFormat;
}

function isNumeric(kind: DisplayFigure["kind"]): boolean {
  return kind === "money" || kind === "percent" || kind === "fte" || kind === "number";
}

/** The last column of the statement's text: paragraphs are merged across A to here. */
const TEXT_RIGHT = FIGURE_COLUMNS;
/** The column after the text: each figure's working-papers line, linked to it. */
const LINE_COL = FIGURE_COLUMNS + 1;
const LINE_WIDTH = 12;

/**
 * Where each figure's working-papers line is: the line number of each figure by sourceKey, and
 * the papers sheet's row for each line number. Absent when the papers are not written.
 */
interface PaperLines {
  readonly sheet: string;
  readonly lineOf: ReadonlyMap<string, string>;
  readonly rowOf: ReadonlyMap<string, number>;
}

/** "W12", "W12-W18", or "W3, W12-W14": the lines of a row's or a paragraph's figures. */
export function lineRanges(lines: readonly string[]): string {
  const nums = [...new Set(lines.map((l) => Number(l.slice(1))))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
    parts.push(i === j ? `W${nums[i]}` : `W${nums[i]}-W${nums[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/** Writes the working-papers lines of these figures in the line column of row `r`, linked. */
function writeLines(
  b: SheetBuilder,
  r: number,
  figures: readonly DisplayFigure[],
  papers: PaperLines | undefined
): void {
  if (!papers) return;
  const lines = figures
    .map((f) => papers.lineOf.get(sourceKey(f)))
    .filter((l): l is string => l !== undefined);
  if (lines.length === 0) return;
  const text = lineRanges(lines);
  const first = `W${Math.min(...lines.map((l) => Number(l.slice(1))))}`;
  const target = papers.rowOf.get(first);
  b.at(r, LINE_COL, [text]);
  b.style(r, LINE_COL, r, LINE_COL, {
    fontColor: "#0563C1",
    verticalAlignment: "top",
    fontSize: 9,
  });
  if (target !== undefined)
    b.links.push({
      row: r,
      col: LINE_COL,
      sheet: papers.sheet,
      target: { row: target, col: 0 },
      tip: `Where ${lines.length === 1 ? "this figure" : "these figures"} came from: ${text} in the working papers`,
    });
}

function writeParagraph(b: SheetBuilder, p: ParagraphBlock, papers?: PaperLines): void {
  const text = p.runs.map((r) => r.text).join("");
  const role = p.role ?? "normal";
  const style: CellStyle =
    role === "userNarrative"
      ? { italic: true }
      : role === "missing"
        ? { bold: true }
        : role === "caveat" || role === "placeholder"
          ? { italic: true, fontColor: "#404040" }
          : {};
  const r = b.text(role === "userNarrative" ? `“${text}”` : text, 0, TEXT_RIGHT, style);
  writeLines(
    b,
    r,
    p.runs.flatMap((x) => (x.figure && x.figure.sources.length > 0 ? [x.figure] : [])),
    papers
  );
  b.blank();
}

/**
 * The statement's grid columns each model column of a table takes: one each, and two for a column
 * of dates or words wider than a figure column ("30 September 2010"), dates first and then the
 * widest words, while the table leaves grid columns spare. All the statement's tables share one
 * set of column widths, so a wide column is made by merging, never by widening the sheet's.
 */
export function gridSpans(t: TableBlock): number[] {
  const spans = t.columns.map(() => 1);
  let spare = FIGURE_COLUMNS + 1 - t.columns.length;
  const wide = t.columns
    .map((c, j) => ({
      j,
      date: c.kind === "date",
      widest: Math.max(0, ...t.rows.map((r) => r.cells[j]?.text.length ?? 0)),
    }))
    .filter((c) => c.j > 0 && (c.date || t.columns[c.j].kind === "text") && c.widest > FIGURE_WIDTH)
    .sort((a, b) => Number(b.date) - Number(a.date) || b.widest - a.widest || a.j - b.j);
  for (const c of wide) {
    if (spare <= 0) break;
    spans[c.j] = 2;
    spare--;
  }
  // A table's last column of words runs on to the statement's right edge, merged, so that a
  // long text wraps in the room its row height was worked out for.
  const last = t.columns.length - 1;
  if (last > 0 && t.columns[last].kind === "text") spans[last] += spare;
  return spans;
}

function writeTable(b: SheetBuilder, t: TableBlock, papers?: PaperLines): void {
  const n = t.columns.length;
  const spans = gridSpans(t);
  // The first grid column of each model column, and one past the last.
  const starts = spans.reduce<number[]>((a, s) => [...a, a[a.length - 1] + s], [0]);
  const lastGrid = starts[n] - 1;
  const roomOf = (j: number) => roomBetween(starts[j], starts[j + 1] - 1);
  /** A model row's values laid out on the grid: a spanned column's value, then blanks. */
  const spread = <T>(items: readonly T[], blank: T): T[] =>
    items.flatMap((v, j) => [v, ...Array<T>(spans[j] - 1).fill(blank)]);
  const mergeSpans = (r: number) =>
    spans.forEach((s, j) => {
      if (s > 1) b.merges.push({ top: r, left: starts[j], bottom: r, right: starts[j] + s - 1 });
    });
  b.text(t.caption, 0, TEXT_RIGHT, { bold: true, italic: true });
  for (let h = 0; h < t.headerRows.length; h++) {
    const header = t.headerRows[h];
    const values: PlainValue[] = [];
    const merges: [number, number][] = [];
    const jAt: number[] = [];
    let m = 0;
    let lines = 1;
    for (const hc of header) {
      const left = starts[m];
      const right = starts[Math.min(n, m + hc.span)] - 1;
      values.push(hc.text);
      for (let k = left + 1; k <= right; k++) values.push(null);
      if (right > left) merges.push([left, right]);
      lines = Math.max(lines, wrapText(hc.text, roomBetween(left, right)).length);
      jAt.push(m);
      m += hc.span;
    }
    const r = b.put(values);
    b.lines(r, lines);
    b.style(r, 0, r, lastGrid, {
      bold: true,
      fill: HEADER_FILL,
      wrapText: true,
      verticalAlignment: "bottom",
      borderBottom: "thin",
    });
    header.forEach((hc, k) => {
      const j = jAt[k];
      if (j === 0) return;
      const kind = t.columns[j].kind;
      if (isNumeric(kind) || kind === "date" || h < t.headerRows.length - 1)
        b.style(r, starts[j], r, starts[Math.min(n, j + hc.span)] - 1, {
          horizontalAlignment: h < t.headerRows.length - 1 || kind === "date" ? "center" : "right",
        });
    });
    for (const [from, to] of merges) b.merges.push({ top: r, left: from, bottom: r, right: to });
  }
  for (const row of t.rows) {
    const r = b.put(
      spread(row.cells.map(cellValue), null),
      spread(row.cells.map(cellFormat), undefined)
    );
    mergeSpans(r);
    let lines = 1;
    row.cells.forEach((c: TableCell, j) => {
      const [left, right] = [starts[j], starts[j + 1] - 1];
      // A date sits centred in its columns, apart from the figure to its left.
      const date = t.columns[j].kind === "date";
      // Text wider than its room wraps, and the row is made tall enough for it.
      const room = roomOf(j);
      if (c.text.length > room) {
        b.style(r, left, r, right, { wrapText: true });
        lines = Math.max(lines, wrapText(c.text, room).length);
      }
      if (c.rag) {
        const colours = RAG_FILL[c.rag];
        b.style(r, left, r, right, {
          fill: colours.fill,
          fontColor: colours.font,
          bold: true,
          horizontalAlignment: "center",
        });
      } else if (c.value === null) {
        b.style(r, left, r, right, {
          italic: true,
          horizontalAlignment: date ? "center" : j === 0 ? "left" : "right",
        });
      } else if (c.emphasis === "strong") b.style(r, left, r, right, { bold: true });
      if (date && c.value !== null) b.style(r, left, r, right, { horizontalAlignment: "center" });
    });
    // A row with a wrapped cell reads from its top line, as in the Word tables.
    if (lines > 1) b.style(r, 0, r, lastGrid, { verticalAlignment: "top" });
    b.lines(r, lines);
    if (row.role === "total") b.style(r, 0, r, lastGrid, { bold: true, borderTop: "thin" });
    if (row.role === "subheading") b.style(r, 0, r, lastGrid, { bold: true, italic: true });
    writeLines(
      b,
      r,
      row.cells.filter((c) => c.sources.length > 0 && c.kind !== "text"),
      papers
    );
  }
  if (t.note) b.text(t.note, 0, TEXT_RIGHT, { italic: true, fontSize: 9 });
  b.blank();
}

function writeRag(b: SheetBuilder, rag: RagBlock): void {
  const text = `${rag.rule}${rag.basis ? ` ${rag.basis}` : ""}`;
  const r = b.put(["Status", rag.words, text]);
  const colours = RAG_FILL[rag.status];
  b.style(r, 0, r, 0, { bold: true, verticalAlignment: "top" });
  b.style(r, 1, r, 1, {
    bold: true,
    fill: colours.fill,
    fontColor: colours.font,
    horizontalAlignment: "center",
    verticalAlignment: "top",
  });
  b.merges.push({ top: r, left: 2, bottom: r, right: TEXT_RIGHT });
  b.style(r, 2, r, TEXT_RIGHT, { italic: true, wrapText: true, verticalAlignment: "top" });
  b.lines(r, wrapText(text, roomBetween(2, TEXT_RIGHT)).length);
  b.blank();
}

function writeNotes(b: SheetBuilder, n: NotesBlock): void {
  const t = b.put([n.title]);
  b.style(t, 0, t, 0, { bold: true });
  for (const item of n.items) {
    const sev =
      item.severity === "error" ? "Error" : item.severity === "warning" ? "Warning" : "Note";
    const text = [item.text, item.place ? `(${item.place})` : "", item.fix ?? ""]
      .filter((s) => s.length > 0)
      .join(" ");
    const r = b.put([sev, text]);
    b.style(r, 0, r, 0, { bold: true, verticalAlignment: "top" });
    b.merges.push({ top: r, left: 1, bottom: r, right: TEXT_RIGHT });
    b.style(r, 1, r, TEXT_RIGHT, { wrapText: true, verticalAlignment: "top" });
    b.lines(r, wrapText(text, roomBetween(1, TEXT_RIGHT)).length);
  }
  b.blank();
}

/** The working papers' sources: one row per line (W1, W2, ...); `rowOf` learns each line's row. */
function writeSources(b: SheetBuilder, s: SourcesBlock, rowOf?: Map<string, number>): void {
  const cap = b.put([s.title]);
  b.style(cap, 0, cap, 0, { bold: true, italic: true });
  const h = b.put(["Figure", "Line", "Value", "Cells, and how it was found or worked out"]);
  b.style(h, 0, h, TEXT_RIGHT, { bold: true, fill: HEADER_FILL, borderBottom: "thin" });
  b.style(h, 2, h, 2, { horizontalAlignment: "right" });
  const room = roomBetween(3, TEXT_RIGHT);
  // One line of cells per row, as many rows as a figure needs: a figure summed from thousands of
  // cells (a procurement ledger) stays far under what a cell and a row hold.
  for (const item of s.items) {
    const first = b.row;
    const lines = wrapText(item.cells || "policy setting", room);
    const how = item.how ? wrapText(item.how, room) : [];
    lines.forEach((line, i) =>
      b.put(i === 0 ? [item.figure, item.line, item.text, line] : [null, null, null, line])
    );
    rowOf?.set(item.line, first);
    const howStart = b.row;
    how.forEach((line) => b.put([null, null, null, line]));
    if (how.length > 0) b.style(howStart, 3, b.row - 1, 3, { italic: true, fontColor: "#404040" });
    b.style(first, 2, first, 2, { horizontalAlignment: "right" });
    if (item.figure.length > LABEL_WIDTH) {
      b.style(first, 0, first, 0, { wrapText: true, verticalAlignment: "top" });
      b.lines(first, wrapText(item.figure, LABEL_WIDTH).length);
    }
    b.style(b.row - 1, 0, b.row - 1, TEXT_RIGHT, { borderBottom: "thin" });
  }
  b.blank();
}

function writeChartPointer(b: SheetBuilder, c: ChartBlock, chartsSheet: string): void {
  b.text(
    `Chart: ${c.title}. It is drawn on the sheet "${chartsSheet}" from the same figures.`,
    0,
    TEXT_RIGHT,
    { italic: true }
  );
  b.blank();
}

function writeBlock(
  b: SheetBuilder,
  block: Block,
  chartsSheet: string,
  papers: PaperLines | undefined,
  rowOf: Map<string, number> | undefined
): void {
  switch (block.kind) {
    case "paragraph":
      return writeParagraph(b, block, papers);
    case "table":
      return writeTable(b, block, papers);
    case "chart":
      return writeChartPointer(b, block, chartsSheet);
    case "rag":
      return writeRag(b, block);
    case "notes":
      return writeNotes(b, block);
    case "sources":
      return writeSources(b, block, rowOf);
  }
}

function columnWidths(): number[] {
  return [LABEL_WIDTH, ...Array<number>(FIGURE_COLUMNS).fill(FIGURE_WIDTH)];
}

/** Characters of room across columns left to right (a merged cell). */
function roomBetween(left: number, right: number): number {
  return columnWidths()
    .slice(left, right + 1)
    .reduce((a, w) => a + w, 0);
}

interface DocumentParts {
  readonly name: string;
  readonly role: SheetPlan["role"];
  /** Row 0: the document's title. */
  readonly title: string;
  /** Rows 1 and 2: whose it is, and whether it is approved (kept in view with the title). */
  readonly meta: readonly [string, string];
  readonly sections: readonly Section[];
}

/**
 * The two lines under the statement's title: the Authority, its plan and the force; then Draft
 * until the Authority approves it (and, for the sample, that it is illustrative).
 */
export function statementMeta(statement: Statement): [string, string] {
  return [
    `${statement.authority.text}. ${statement.planText}. ${statement.force}.`,
    `${statement.approval.approved ? statement.approval.pageMark : "Draft: not yet approved by the Authority"}.` +
      (statement.illustrative ? " Illustrative: sample figures, not a real force's data." : ""),
  ];
}

function statementSheet(
  statement: Statement,
  name: string,
  chartsSheet: string,
  papers: PaperLines | undefined
): SheetPlan {
  return documentSheet(
    {
      name,
      role: "statement",
      title: statement.title,
      meta: statementMeta(statement),
      sections: statement.sections,
    },
    chartsSheet,
    papers
  );
}

function papersSheet(
  statement: Statement,
  name: string,
  chartsSheet: string,
  rowOf: Map<string, number>
): SheetPlan {
  return documentSheet(
    {
      name,
      role: "papers",
      title: statement.papersTitle,
      meta: [
        `${statement.authority.text}. ${statement.force}. Drafted on ${statement.generatedText}.`,
        "Working papers, not for publication.",
      ],
      sections: statement.papers,
    },
    chartsSheet,
    undefined,
    rowOf
  );
}

function documentSheet(
  doc: DocumentParts,
  chartsSheet: string,
  papers?: PaperLines,
  rowOf?: Map<string, number>
): SheetPlan {
  const b = new SheetBuilder();
  const title = b.put([doc.title]);
  b.style(title, 0, title, 0, { bold: true, fontSize: 16 });
  const meta = b.put([doc.meta[0]]);
  b.style(meta, 0, meta, 0, { italic: true });
  const mark = b.put([doc.meta[1]]);
  b.style(mark, 0, mark, 0, { bold: true });
  const frozenRows = b.row;
  b.blank();
  if (papers) {
    // The line column's heading, once, under the title: what the "W12" beside a figure is.
    b.at(title, LINE_COL, ["Working papers"]);
    b.style(title, LINE_COL, title, LINE_COL, { bold: true, fontSize: 9 });
  }
  for (const s of doc.sections) {
    const r = b.put([s.heading]);
    b.style(
      r,
      0,
      r,
      FIGURE_COLUMNS,
      s.level === 1
        ? { bold: true, fontSize: 14, fontColor: "#FFFFFF", fill: HEADING_FILL }
        : { bold: true, fontSize: 12, borderBottom: "thin" }
    );
    b.blank(0);
    for (const block of s.blocks) writeBlock(b, block, chartsSheet, papers, rowOf);
  }
  const lastRow = Math.max(0, b.lastRow);
  const lastCol = Math.max(FIGURE_COLUMNS, b.maxCol);
  return b.sheet({
    name: doc.name,
    role: doc.role,
    mode: "replace",
    columnWidths: papers ? [...columnWidths(), LINE_WIDTH] : columnWidths(),
    freeze: { rows: frozenRows, columns: 0 },
    page: {
      orientation: "portrait",
      paper: "A4",
      printArea: { top: 0, left: 0, bottom: lastRow, right: lastCol },
      fitToWidth: true,
    },
    tabColor: HEADING_FILL,
  });
}

/** Rows each chart takes on the charts sheet: its data table, or the chart's height if taller. */
const CHART_ROWS = 20;

function chartsSheet(statement: Statement, sheetName: string): SheetPlan | undefined {
  const charts: ChartBlock[] = [];
  for (const s of statement.sections)
    for (const bl of s.blocks) if (bl.kind === "chart") charts.push(bl);
  if (charts.length === 0) return undefined;
  const b = new SheetBuilder();
  const title = b.put([`Charts for the ${statement.title}`]);
  b.style(title, 0, title, 0, { bold: true, fontSize: 14 });
  const note = b.put([
    `${statement.force}. Each chart is drawn from the figures beside it, which are the statement's own.`,
  ]);
  b.style(note, 0, note, 0, { italic: true });
  b.blank();
  let widest = 1;
  for (const c of charts) {
    const start = b.row;
    const head = b.put([c.title]);
    b.style(head, 0, head, 0, { bold: true, fontSize: 12 });
    const headerRow = b.put([c.categoryTitle, ...c.series.map((s) => s.name)]);
    b.style(headerRow, 0, headerRow, c.series.length, {
      bold: true,
      fill: HEADER_FILL,
      borderBottom: "thin",
      wrapText: true,
    });
    c.categories.forEach((cat, i) => {
      const points = c.series.map((s) => s.points[i] ?? null);
      b.put(
        [cat, ...points.map((p) => (p && typeof p.value === "number" ? p.value : null))],
        [undefined, ...points.map(() => c.valueFormat)]
      );
    });
    const lastData = b.row - 1;
    if (c.note) {
      const r = b.put([c.note]);
      b.style(r, 0, r, 0, { italic: true, fontSize: 9 });
    }
    widest = Math.max(widest, c.series.length);
    const chartLeft = c.series.length + 2;
    const plan: ChartPlan = {
      type:
        c.chartType === "line"
          ? "lineMarkers"
          : c.chartType === "bar"
            ? "barClustered"
            : "columnClustered",
      title: c.title,
      dataRange: { top: headerRow, left: 0, bottom: lastData, right: c.series.length },
      position: {
        top: start,
        left: chartLeft,
        bottom: start + CHART_ROWS - 2,
        right: chartLeft + 7,
      },
      seriesBy: "columns",
      yAxisTitle: c.valueAxisTitle,
      valueAxisFormat: c.valueFormat,
      ...(c.axisMaximum !== undefined ? { valueAxisMaximum: c.axisMaximum } : {}),
      ...(c.categories.length > 12 ? { labelEveryCategory: true } : {}),
      seriesStyles: c.series
        .filter((s) => s.role !== "data")
        .map((s) => ({ name: s.name, color: "#C00000", dashed: true, asLine: true })),
      altText: c.altText,
    };
    b.charts.push(plan);
    b.row = Math.max(b.row + 1, start + CHART_ROWS);
  }
  return b.sheet({
    name: sheetName,
    role: "charts",
    mode: "replace",
    columnWidths: [22, ...Array<number>(widest).fill(16), 2, ...Array<number>(8).fill(10)],
    page: {
      orientation: "portrait",
      paper: "A4",
      printArea: { top: 0, left: 0, bottom: Math.max(0, b.row - 1, b.lastRow), right: widest + 9 },
      fitToWidth: true,
    },
    tabColor: HEADING_FILL,
  });
}

export interface ExcelRenderOptions {
  /** Sheet names to use instead of the defaults (e.g. after resolveSheetNames renamed one). */
  readonly statementSheet?: string;
  readonly chartsSheet?: string;
  readonly papersSheet?: string;
}

/**
 * The statement as a write plan: the statement sheet, the charts sheet where there are charts,
 * then the working papers on a sheet of their own.
 */
export function renderStatementWritePlan(
  statement: Statement,
  options: ExcelRenderOptions = {}
): WritePlan {
  const chartsName = options.chartsSheet ?? CHARTS_SHEET;
  const papersName = options.papersSheet ?? PAPERS_SHEET;
  // The papers first: the statement's line column links to the rows they put each line on.
  const rowOf = new Map<string, number>();
  const papers =
    statement.papers.length > 0 ? papersSheet(statement, papersName, chartsName, rowOf) : undefined;
  const sources = statement.papers.flatMap((sec) =>
    sec.blocks.flatMap((b) => (b.kind === "sources" ? [b] : []))
  );
  const lines: PaperLines | undefined =
    papers && sources.length > 0
      ? { sheet: papersName, lineOf: sourceLines(sources.flatMap((x) => x.items)), rowOf }
      : undefined;
  const main = statementSheet(
    statement,
    options.statementSheet ?? STATEMENT_SHEET,
    chartsName,
    lines
  );
  const charts = chartsSheet(statement, chartsName);
  const sheets = [main, ...(charts ? [charts] : []), ...(papers ? [papers] : [])];
  return { sheets, activate: main.name };
}
