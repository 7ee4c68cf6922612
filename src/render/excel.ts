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
import {
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

/** Collects rows of values, formats and styles for one sheet, then emits a SheetPlan. */
class SheetBuilder {
  row = 0;
  /** The last row anything was written to (-1 before the first). */
  lastRow = -1;
  private readonly blocks: ValueBlock[] = [];
  readonly styles: { range: CellRange; style: CellStyle }[] = [];
  readonly charts: ChartPlan[] = [];
  readonly merges: CellRange[] = [];
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

  blank(n = 1): void {
    this.row += n;
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    this.styles.push({ range: { top, left, bottom, right }, style });
  }

  sheet(base: Omit<SheetPlan, "blocks" | "styles" | "charts">): SheetPlan {
    return {
      ...base,
      blocks: this.blocks,
      styles: this.styles,
      ...(this.charts.length > 0 ? { charts: this.charts } : {}),
      ...(this.merges.length > 0 ? { merges: this.merges } : {}),
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

function writeParagraph(b: SheetBuilder, p: ParagraphBlock): void {
  const text = p.runs.map((r) => r.text).join("");
  const role = p.role ?? "normal";
  const lines = wrapText(role === "userNarrative" ? `“${text}”` : text);
  const first = b.row;
  for (const line of lines) b.put([line]);
  const style: CellStyle =
    role === "userNarrative"
      ? { italic: true }
      : role === "missing"
        ? { bold: true }
        : role === "caveat"
          ? { italic: true, fontColor: "#404040" }
          : {};
  if (Object.keys(style).length > 0) b.style(first, 0, b.row - 1, 0, style);
  b.blank();
}

function writeTable(b: SheetBuilder, t: TableBlock): void {
  const n = t.columns.length;
  const captionRow = b.put([t.caption]);
  b.style(captionRow, 0, captionRow, 0, { bold: true, italic: true });
  for (let h = 0; h < t.headerRows.length; h++) {
    const header = t.headerRows[h];
    const values: PlainValue[] = [];
    const merges: [number, number][] = [];
    let col = 0;
    for (const hc of header) {
      values.push(hc.text);
      for (let k = 1; k < hc.span; k++) values.push(null);
      if (hc.span > 1) merges.push([col, col + hc.span - 1]);
      col += hc.span;
    }
    const r = b.put(values);
    b.style(r, 0, r, n - 1, {
      bold: true,
      fill: HEADER_FILL,
      wrapText: true,
      verticalAlignment: "bottom",
      borderBottom: "thin",
    });
    for (let j = 1; j < n; j++)
      if (isNumeric(t.columns[j].kind) || h < t.headerRows.length - 1)
        b.style(r, j, r, j, {
          horizontalAlignment: h < t.headerRows.length - 1 ? "center" : "right",
        });
    for (const [from, to] of merges) b.merges.push({ top: r, left: from, bottom: r, right: to });
  }
  for (const row of t.rows) {
    const r = b.put(row.cells.map(cellValue), row.cells.map(cellFormat));
    row.cells.forEach((c: TableCell, j) => {
      // Text wider than its room wraps (the row then grows); the last column may spill right.
      const room = j === n - 1 ? roomFrom(j) : (columnWidths()[j] ?? FIGURE_WIDTH);
      if (c.text.length > room) b.style(r, j, r, j, { wrapText: true, verticalAlignment: "top" });
      if (c.rag) {
        const colours = RAG_FILL[c.rag];
        b.style(r, j, r, j, {
          fill: colours.fill,
          fontColor: colours.font,
          bold: true,
          horizontalAlignment: "center",
        });
      } else if (c.value === null) {
        b.style(r, j, r, j, { italic: true, horizontalAlignment: j === 0 ? "left" : "right" });
      } else if (c.emphasis === "strong") b.style(r, j, r, j, { bold: true });
    });
    if (row.role === "total") b.style(r, 0, r, n - 1, { bold: true, borderTop: "thin" });
    if (row.role === "subheading") b.style(r, 0, r, n - 1, { bold: true, italic: true });
  }
  if (t.note) {
    for (const line of wrapText(t.note)) {
      const r = b.put([line]);
      b.style(r, 0, r, 0, { italic: true, fontSize: 9 });
    }
  }
  b.blank();
}

function writeRag(b: SheetBuilder, rag: RagBlock): void {
  const r = b.put(["Status", rag.words]);
  const colours = RAG_FILL[rag.status];
  b.style(r, 0, r, 0, { bold: true });
  b.style(r, 1, r, 1, {
    bold: true,
    fill: colours.fill,
    fontColor: colours.font,
    horizontalAlignment: "center",
  });
  const rule = wrapText(rag.rule, LINE_CHARS - LABEL_WIDTH);
  rule.forEach((line, i) => b.put(i === 0 ? ["Rule applied", line] : [null, line]));
  if (rag.basis) {
    wrapText(rag.basis, LINE_CHARS - LABEL_WIDTH).forEach((line, i) =>
      b.put(i === 0 ? ["Figures behind it", line] : [null, line])
    );
  }
  b.style(r + 1, 0, b.row - 1, 0, { italic: true });
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
    wrapText(text, LINE_CHARS - LABEL_WIDTH).forEach((line, i) => {
      const r = b.put(i === 0 ? [sev, line] : [null, line]);
      if (i === 0) b.style(r, 0, r, 0, { bold: true });
    });
  }
  b.blank();
}

function writeSources(b: SheetBuilder, s: SourcesBlock): void {
  const cap = b.put([s.title]);
  b.style(cap, 0, cap, 0, { bold: true, italic: true });
  const h = b.put(["Figure", "Line", "Value", "Cells, and how it was found or worked out"]);
  b.style(h, 0, h, FIGURE_COLUMNS, { bold: true, fill: HEADER_FILL, borderBottom: "thin" });
  b.style(h, 2, h, 2, { horizontalAlignment: "right" });
  const room = roomFrom(3);
  for (const item of s.items) {
    const first = b.row;
    const lines = wrapText(item.cells || "policy setting", room);
    const how = item.how ? wrapText(item.how, room) : [];
    lines.forEach((line, i) =>
      b.put(i === 0 ? [item.figure, item.line, item.text, line] : [null, null, null, line])
    );
    const howStart = b.row;
    how.forEach((line) => b.put([null, null, null, line]));
    if (how.length > 0) b.style(howStart, 3, b.row - 1, 3, { italic: true, fontColor: "#404040" });
    b.style(first, 2, first, 2, { horizontalAlignment: "right" });
    if (item.figure.length > LABEL_WIDTH)
      b.style(first, 0, first, 0, { wrapText: true, verticalAlignment: "top" });
    b.style(b.row - 1, 0, b.row - 1, FIGURE_COLUMNS, { borderBottom: "thin" });
  }
  b.blank();
}

function writeChartPointer(b: SheetBuilder, c: ChartBlock, chartsSheet: string): void {
  const first = b.row;
  const text = `Chart: ${c.title}. It is drawn on the sheet "${chartsSheet}" from the same figures.`;
  for (const line of wrapText(text)) b.put([line]);
  b.style(first, 0, b.row - 1, 0, { italic: true });
  b.blank();
}

function writeBlock(b: SheetBuilder, block: Block, chartsSheet: string): void {
  switch (block.kind) {
    case "paragraph":
      return writeParagraph(b, block);
    case "table":
      return writeTable(b, block);
    case "chart":
      return writeChartPointer(b, block, chartsSheet);
    case "rag":
      return writeRag(b, block);
    case "notes":
      return writeNotes(b, block);
    case "sources":
      return writeSources(b, block);
  }
}

function columnWidths(): number[] {
  return [LABEL_WIDTH, ...Array<number>(FIGURE_COLUMNS).fill(FIGURE_WIDTH)];
}

/** Characters of room from column j to the right edge of the statement's columns. */
function roomFrom(j: number): number {
  return columnWidths()
    .slice(j)
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

function statementSheet(statement: Statement, name: string, chartsSheet: string): SheetPlan {
  return documentSheet(
    {
      name,
      role: "statement",
      title: statement.title,
      meta: statementMeta(statement),
      sections: statement.sections,
    },
    chartsSheet
  );
}

function papersSheet(statement: Statement, name: string, chartsSheet: string): SheetPlan {
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
    chartsSheet
  );
}

function documentSheet(doc: DocumentParts, chartsSheet: string): SheetPlan {
  const b = new SheetBuilder();
  const title = b.put([doc.title]);
  b.style(title, 0, title, 0, { bold: true, fontSize: 16 });
  const meta = b.put([doc.meta[0]]);
  b.style(meta, 0, meta, 0, { italic: true });
  const mark = b.put([doc.meta[1]]);
  b.style(mark, 0, mark, 0, { bold: true });
  const frozenRows = b.row;
  b.blank();
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
    for (const block of s.blocks) writeBlock(b, block, chartsSheet);
  }
  const lastRow = Math.max(0, b.lastRow);
  const lastCol = Math.max(FIGURE_COLUMNS, b.maxCol);
  return b.sheet({
    name: doc.name,
    role: doc.role,
    mode: "replace",
    columnWidths: columnWidths(),
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
  const main = statementSheet(statement, options.statementSheet ?? STATEMENT_SHEET, chartsName);
  const charts = chartsSheet(statement, chartsName);
  const papers =
    statement.papers.length > 0
      ? papersSheet(statement, options.papersSheet ?? PAPERS_SHEET, chartsName)
      : undefined;
  const sheets = [main, ...(charts ? [charts] : []), ...(papers ? [papers] : [])];
  return { sheets, activate: main.name };
}
