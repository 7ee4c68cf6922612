/**
 * Statement model -> Word document (.docx) with the `docx` package. Layout only: every figure and
 * word comes from the model.
 *
 * What users rely on in the output:
 * - Real Word headings (Title, Heading 1, Heading 2) whose styles carry an outline level, so the
 *   navigation pane and a table of contents pick them up.
 * - Tables with fixed widths in twips (never percentages, which LibreOffice and Google Docs
 *   mis-draw), a fixed layout, and header rows marked to repeat on each page.
 * - Page numbers ("Page 3 of 12") in the footer; A4 portrait.
 * - RAG status always in words (the shading only adds to them).
 * - Charts as native Word charts (drawn by Word from their own data, editable with "Edit Data")
 *   with alt text, each followed by a table of the same figures, so the numbers are readable
 *   in print, by screen readers and where a viewer cannot draw charts.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageReference,
  Paragraph,
  TabStopType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { ChartRun } from "docx/charts";
import type { ChartRunOptions } from "docx/charts";
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
  TableCell as ModelCell,
} from "../core/statement/model";
import { textTwips } from "./fontMetrics";

/** A4 in twips, with 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
/** The width tables are laid out to: the text width between the margins. */
export const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;

const FONT = "Arial";
/** Half-points. */
const BODY_SIZE = 20;
const HEADER_FILL = "DDE4F0";

const RAG_SHADE: Readonly<Record<RagState, string>> = {
  onTrack: "C6EFCE",
  atRisk: "FFEB9C",
  offTrack: "FFC7CE",
  noData: "E7E6E6",
};

function isNumeric(kind: DisplayFigure["kind"]): boolean {
  return kind === "money" || kind === "percent" || kind === "fte" || kind === "number";
}

/**
 * Fixed column widths in twips from the model's relative widths, filling the text width. The
 * last column takes the rounding remainder, so the widths add up exactly to the table width.
 */
export function fixedWidths(
  relative: readonly number[],
  total: number = TEXT_WIDTH_TWIPS
): number[] {
  const sum = relative.reduce((a, b) => a + b, 0) || 1;
  const widths = relative.map((w) => Math.floor((w / sum) * total));
  const used = widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] += total - used;
  return widths;
}

/**
 * A date as the statement writes it ("1 April 2011", formatDate): its spaces are made no-break
 * spaces, so neither Word nor LibreOffice ends a line inside a date, in a table or in a sentence.
 */
const DATE_WORDS = /\b(\d{1,2}) ([A-Z][a-z]+) (\d{4})\b/g;
const NBSP = "\u00a0";

/** The text with every date in it kept on one line ("30 September 2010" never breaks before 2010). */
export function keepDatesWhole(text: string): string {
  return text.replace(DATE_WORDS, `$1${NBSP}$2${NBSP}$3`);
}

/**
 * Twips of a table cell's left and right margins (80 each, `cellMargins` below) and 20 twips
 * (1 pt) of slack for the cell borders: added to a text's measured width to give its column's.
 */
const CELL_PADDING_TWIPS = 180;
/** Table text is 9 pt ("TableText" style). */
const TABLE_TEXT_PT = 9;

/** Twips a column needs to hold a text on one line in table text, with the cell's margins. */
export function cellTwips(text: string, bold: boolean): number {
  return textTwips(text, TABLE_TEXT_PT, bold) + CELL_PADDING_TWIPS;
}

/**
 * A cell as the fitting sees it: the pieces a line may break between, each with its width in
 * twips (a word; a date, or a figure, whole), and the width of a space between them.
 */
interface FitCell {
  readonly pieces: readonly number[];
  readonly space: number;
  /** The widest figure or date in it, which must not break (0 for none). */
  readonly whole: number;
}

function fitCell(text: string, bold: boolean, kind: ModelCell["kind"], isFigure: boolean): FitCell {
  const space = textTwips(" ", TABLE_TEXT_PT, bold);
  if (isFigure && kind !== "text" && kind !== "date") {
    // A figure (an amount, a share, a year, a status) stays on one line.
    const whole = textTwips(text, TABLE_TEXT_PT, bold);
    return { pieces: [whole], space, whole };
  }
  // Lines break at spaces, never inside a date (its spaces are no-break, see keepDatesWhole).
  const words = keepDatesWhole(text)
    .split(/[^\S\u00a0]+/)
    .filter((w) => w);
  const pieces = words.map((w) => textTwips(w, TABLE_TEXT_PT, bold));
  const whole = Math.max(0, ...pieces.filter((_, i) => words[i].includes(NBSP)));
  return { pieces, space, whole };
}

/** Lines a cell's text takes in a column `width` twips wide, broken between pieces. */
function linesIn(c: FitCell, width: number): number {
  const room = width - CELL_PADDING_TWIPS;
  let lines = 1;
  let used = -1;
  for (const p of c.pieces) {
    if (used >= 0 && used + c.space + p <= room) {
      used += c.space + p;
      continue;
    }
    if (used >= 0) lines++;
    // a piece wider than the column is broken inside it
    lines += Math.max(0, Math.ceil(p / Math.max(1, room)) - 1);
    used = Math.min(p, room);
  }
  return lines;
}

/** The narrowest column (twips) in which a cell takes at most `lines` lines. */
function widthForLines(c: FitCell, lines: number): number {
  const sum = c.pieces.reduce((a, p) => a + p, 0) + c.space * Math.max(0, c.pieces.length - 1);
  let lo = Math.max(0, ...c.pieces) + CELL_PADDING_TWIPS;
  let hi = sum + CELL_PADDING_TWIPS;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (linesIn(c, mid) <= lines) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A cell placed in its row: the first column it stands in and how many it spans. */
interface Placed {
  readonly cell: FitCell;
  readonly from: number;
  readonly span: number;
}

/** Every row of a table as the fitting sees it: its header rows, then its body. */
function fitRows(t: TableBlock): Placed[][] {
  const n = t.columns.length;
  const header = t.headerRows.map((hr) => {
    let from = 0;
    return hr.map((h) => {
      const p = { cell: fitCell(h.text, true, "text", false), from, span: Math.max(1, h.span) };
      from += p.span;
      return p;
    });
  });
  if (header.length === 0)
    header.push(
      t.columns.map((c, j) => ({ cell: fitCell(c.header, true, "text", false), from: j, span: 1 }))
    );
  const body = t.rows.map((r) => {
    const rowBold = r.role === "total" || r.role === "subheading";
    return t.columns.map((_, j) => {
      const c = r.cells[j];
      const bold = rowBold || c?.emphasis === "strong" || !!c?.rag;
      const cell = c
        ? fitCell(c.text, bold, c.kind, c.value !== null)
        : fitCell("", false, "text", false);
      return { cell, from: j, span: 1 };
    });
  });
  return [...header, ...body].map((r) => r.filter((p) => p.from + p.span <= n));
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The width a placed cell has: the sum of the columns it spans. */
function spanWidth(p: Placed, widths: readonly number[]): number {
  return sum(widths.slice(p.from, p.from + p.span));
}

/** Lines a row takes: those of its tallest cell. */
function rowLines(r: readonly Placed[], widths: readonly number[]): number {
  return Math.max(1, ...r.map((p) => linesIn(p.cell, spanWidth(p, widths))));
}

/** What each column of a table needs at least, in twips (see `fittedWidths`). */
export interface ColumnNeeds {
  /** Its widest figure and its longest date, each on one line. */
  readonly whole: readonly number[];
  /** Its longest word (labels, header words), and at least `whole`. */
  readonly words: readonly number[];
}

/**
 * Each column's needs, measured in Arial at the table's 9 pt (`fontMetrics.ts`), bold where the
 * renderer sets the text bold: header rows, total and subheading rows, strong and status cells.
 * (A header spanning several columns is left to the widths they get.)
 */
export function columnNeeds(t: TableBlock): ColumnNeeds {
  const n = t.columns.length;
  const whole = new Array<number>(n).fill(0);
  const words = new Array<number>(n).fill(0);
  for (const r of fitRows(t))
    for (const { cell, from, span } of r) {
      if (span !== 1) continue;
      if (cell.whole > 0) whole[from] = Math.max(whole[from], cell.whole + CELL_PADDING_TWIPS);
      words[from] = Math.max(words[from], Math.max(0, ...cell.pieces) + CELL_PADDING_TWIPS);
    }
  return { whole, words: words.map((w, j) => Math.max(w, whole[j])) };
}

/** True when a table gives every column its widest figure and its longest date on one line. */
export function holdsEveryFigure(t: TableBlock, total: number = TEXT_WIDTH_TWIPS): boolean {
  return sum(columnNeeds(t).whole) <= total;
}

/** The lines a table's rows take, header rows included, in columns of the given widths. */
export function tableLines(t: TableBlock, widths: readonly number[]): number {
  return sum(fitRows(t).map((r) => rowLines(r, widths)));
}

/**
 * Column widths in twips for a table, filling `total`, from what each cell holds as measured in
 * Arial (`fontMetrics.ts`):
 * 1. every column as wide as its widest figure and its longest date: an amount, a share, a year
 *    or a date never wraps;
 * 2. then as wide as its longest word: header words and labels wrap between words, not inside;
 * 3. then the room left goes where it saves most lines: again and again, the row whose next line
 *    saved costs fewest twips in all (its cells widened together) is given it, so words in a
 *    figure's place ("not reported", "local estimate needed") come onto one line where the
 *    column allows it, and no label is squeezed to give them room;
 * 4. what is left when no row can lose a line goes to the columns in proportion to the model's
 *    relative widths.
 * When step 2 does not fit, the label columns give up the room they asked beyond step 1 in
 * proportion (then, if need be, the figure columns their header words too).
 * When step 1 does not fit (`holdsEveryFigure` is false) the table is too wide for the page and
 * must be laid out otherwise; the columns are then cut in proportion, as a last resort.
 */
export function fittedWidths(t: TableBlock, total: number = TEXT_WIDTH_TWIPS): number[] {
  const n = t.columns.length;
  const { whole, words } = columnNeeds(t);
  if (sum(whole) > total) return fixedWidths(whole, total);
  if (sum(words) > total) {
    // The labels give way first; a figure column keeps its header words where it can.
    const figuresFirst = words.map((w, j) => (t.columns[j].kind === "text" ? whole[j] : w));
    const base = sum(figuresFirst) <= total ? figuresFirst : whole;
    const ask = words.map((w, j) => w - base[j]);
    const room = total - sum(base);
    const widths = base.map((w, j) => w + Math.floor((ask[j] * room) / sum(ask)));
    widths[ask.indexOf(Math.max(...ask))] += total - sum(widths);
    return widths;
  }
  const rows = fitRows(t);
  const widths = [...words];
  const height = (w: readonly number[]) => sum(rows.map((r) => rowLines(r, w)));
  let lines = height(widths);
  for (;;) {
    const spare = total - sum(widths);
    let best: { widths: number[]; lines: number; cost: number } | null = null;
    for (const r of rows) {
      const h = rowLines(r, widths);
      if (h === 1) continue;
      // Each of the row's cells widened to take at most one line fewer; a cell spanning several
      // columns widens them alike.
      const next = [...widths];
      for (const p of r) {
        const short = widthForLines(p.cell, h - 1) - spanWidth(p, next);
        if (short <= 0) continue;
        for (let k = 0; k < p.span; k++) next[p.from + k] += Math.ceil(short / p.span);
      }
      const cost = sum(next) - sum(widths);
      if (cost > spare) continue;
      const after = height(next);
      if (after >= lines) continue;
      // most lines saved per twip; of equals, the cheaper
      const better =
        !best ||
        (lines - after) * best.cost > (lines - best.lines) * cost ||
        ((lines - after) * best.cost === (lines - best.lines) * cost && cost < best.cost);
      if (better) best = { widths: next, lines: after, cost };
    }
    if (!best) break;
    best.widths.forEach((w, j) => (widths[j] = w));
    lines = best.lines;
  }
  const extra = fixedWidths(
    t.columns.map((c) => c.width),
    total - sum(widths)
  );
  const out = widths.map((w, j) => w + extra[j]);
  out[n - 1] += total - sum(out);
  return out;
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
/** Borders and cell margins are set once per table, not per cell: far smaller, faster files. */
const tableBorders = {
  top: thin,
  bottom: thin,
  left: thin,
  right: thin,
  insideHorizontal: thin,
  insideVertical: thin,
};
const cellMargins = { left: 80, right: 80, top: 30, bottom: 30 };

function textCell(
  text: string,
  width: number,
  opts: {
    bold?: boolean;
    italic?: boolean;
    align?: "left" | "right" | "center";
    fill?: string;
    span?: number;
  } = {}
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(opts.span && opts.span > 1 ? { columnSpan: opts.span } : {}),
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: opts.fill } } : {}),
    children: [
      new Paragraph({
        style: "TableText",
        ...(opts.align === "right"
          ? { alignment: AlignmentType.RIGHT }
          : opts.align === "center"
            ? { alignment: AlignmentType.CENTER }
            : {}),
        children: [
          new TextRun({
            text: keepDatesWhole(text),
            ...(opts.bold ? { bold: true } : {}),
            ...(opts.italic ? { italics: true } : {}),
          }),
        ],
      }),
    ],
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({ style: "Caption", keepNext: true, children: [new TextRun(text)] });
}

function fixedTable(widths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: tableBorders,
    margins: cellMargins,
    rows,
  });
}

function modelCell(c: ModelCell, width: number, first: boolean, total: boolean): TableCell {
  return textCell(c.text, width, {
    bold: total || c.emphasis === "strong" || !!c.rag,
    italic: c.value === null,
    align: c.rag ? "center" : !first && isNumeric(c.kind) ? "right" : "left",
    ...(c.rag ? { fill: RAG_SHADE[c.rag] } : {}),
  });
}

function tableBlock(t: TableBlock): (Paragraph | Table)[] {
  const widths = fittedWidths(t);
  const header = t.headerRows.map((row, h) => {
    let col = 0;
    const last = h === t.headerRows.length - 1;
    const cells = row.map((hc) => {
      const w = widths.slice(col, col + hc.span).reduce((a, b) => a + b, 0);
      const kind = t.columns[col]?.kind ?? "text";
      const align = !last ? "center" : col > 0 && isNumeric(kind) ? "right" : "left";
      col += hc.span;
      return textCell(hc.text, w, { bold: true, fill: HEADER_FILL, align, span: hc.span });
    });
    return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
  });
  const body = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((c, j) =>
          modelCell(c, widths[j], j === 0, r.role === "total" || r.role === "subheading")
        ),
      })
  );
  const out: (Paragraph | Table)[] = [caption(t.caption), fixedTable(widths, [...header, ...body])];
  if (t.note)
    out.push(
      new Paragraph({ style: "TableNote", children: [new TextRun(keepDatesWhole(t.note))] })
    );
  else out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

function paragraphBlock(p: ParagraphBlock): Paragraph {
  const role = p.role ?? "normal";
  const runs = p.runs.map(
    (r) =>
      new TextRun({
        text: keepDatesWhole(r.text),
        ...(r.emphasis === "strong" || role === "missing" ? { bold: true } : {}),
        ...(r.emphasis === "em" || role === "userNarrative" ? { italics: true } : {}),
      })
  );
  if (role === "userNarrative")
    return new Paragraph({
      style: "ForceNarrative",
      children: [new TextRun("“"), ...runs, new TextRun("”")],
    });
  if (role === "placeholder")
    return new Paragraph({
      style: "Placeholder",
      children: runs,
    });
  if (role === "signature")
    return new Paragraph({ spacing: { before: 240, after: 120 }, children: runs });
  return new Paragraph({ children: runs, ...(role === "caveat" ? { style: "Caveat" } : {}) });
}

function ragBlock(r: RagBlock): Paragraph[] {
  return [
    new Paragraph({
      children: [
        new TextRun({ text: "Status: ", bold: true }),
        new TextRun({
          text: r.words,
          bold: true,
          shading: { type: ShadingType.CLEAR, color: "auto", fill: RAG_SHADE[r.status] },
        }),
        new TextRun(keepDatesWhole(`. ${r.rule}${r.basis ? ` ${r.basis}` : ""}`)),
      ],
    }),
  ];
}

function notesBlock(n: NotesBlock): Paragraph[] {
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: n.title, bold: true })] }),
    ...n.items.map((i) => {
      const sev = i.severity === "error" ? "Error" : i.severity === "warning" ? "Warning" : "Note";
      const rest = [i.text, i.place ? `(${i.place})` : "", i.fix ?? ""].filter((s) => s).join(" ");
      return new Paragraph({
        numbering: { reference: "vfm-bullets", level: 0 },
        children: [
          new TextRun({ text: `${sev}: `, bold: true }),
          new TextRun(keepDatesWhole(rest)),
        ],
      });
    }),
  ];
}

/** Twips a column needs to hold its header (bold) and its longest text on one line ("W237"). */
function wholeWidth(header: string, texts: readonly string[]): number {
  return Math.max(cellTwips(header, true), ...texts.map((t) => cellTwips(t, false)));
}

function sourcesBlock(s: SourcesBlock): (Paragraph | Table)[] {
  // The line number and the value never wrap; the words and cells share what is left.
  const line = wholeWidth(
    "Line",
    s.items.map((i) => i.line)
  );
  const value = wholeWidth(
    "Value",
    s.items.map((i) => i.text)
  );
  const rest = fixedWidths([26, 22, 28], TEXT_WIDTH_TWIPS - line - value);
  const widths = [line, rest[0], value, rest[1], rest[2]];
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ["Line", "Figure", "Value", "Cells", "How it was found or worked out"].map((h, j) =>
      textCell(h, widths[j], { bold: true, fill: HEADER_FILL, align: j === 2 ? "right" : "left" })
    ),
  });
  const rows = s.items.map(
    (i) =>
      new TableRow({
        cantSplit: true,
        children: [
          textCell(i.line, widths[0]),
          textCell(i.figure, widths[1]),
          textCell(i.text, widths[2], { align: "right" }),
          textCell(i.cells || "policy setting", widths[3]),
          textCell(i.how ?? "", widths[4]),
        ],
      })
  );
  return [caption(s.title), fixedTable(widths, [head, ...rows]), new Paragraph({ children: [] })];
}

function chartValues(s: ChartBlock["series"][number]): (number | null)[] {
  return s.points.map((p) => (p && typeof p.value === "number" ? p.value : null));
}

/** The native chart's options, from the model's chart; undefined when it has nothing to draw. */
export function chartRunOptions(c: ChartBlock): ChartRunOptions | undefined {
  const data = c.series.filter((s) => s.role === "data");
  const hasValue = c.series.some((s) => chartValues(s).some((v) => v !== null));
  if (data.length === 0 || !hasValue || c.categories.length === 0) return undefined;
  const series = c.series.map((s, i) => ({
    name: s.name,
    values: chartValues(s),
    ...(s.role === "data"
      ? { color: ["2F5597", "C55A11", "548235", "7030A0"][i % 4] }
      : {
          type: "line" as const,
          color: "C00000",
          line: { color: "C00000", width: 2, dash: "dash" as const },
          markers: false,
        }),
  }));
  // Ranked charts have a column per force: every name is labelled, small and upright.
  const many = c.categories.length > 12;
  const common = {
    title: c.title,
    categories: [...c.categories],
    series,
    valueAxis: {
      title: c.valueAxisTitle,
      numberFormat: c.valueFormat,
      minimum: 0,
      ...(c.axisMaximum !== undefined ? { maximum: c.axisMaximum } : {}),
    },
    categoryAxis: {
      title: c.categoryTitle,
      ...(many ? { labelRotation: -90, font: { size: 6 } } : {}),
    },
    transformation: { width: 620, height: many ? 330 : 230 },
    altText: { name: c.id, title: c.title, description: c.altText },
  };
  if (c.chartType === "line") return { type: "line", markers: true, ...common } as ChartRunOptions;
  if (c.chartType === "bar") return { type: "bar", ...common } as ChartRunOptions;
  return { type: "column", ...common } as ChartRunOptions;
}

function chartBlock(c: ChartBlock, nativeCharts: boolean): (Paragraph | Table)[] {
  const options = nativeCharts ? chartRunOptions(c) : undefined;
  if (options) {
    // The chart draws its own title; a caption above it would say it twice.
    const out: (Paragraph | Table)[] = [
      new Paragraph({ keepNext: !!c.note, children: [new ChartRun(options)] }),
    ];
    // The figures are in the statement's tables or the working papers, and in the alt text.
    if (c.note)
      out.push(
        new Paragraph({ style: "TableNote", children: [new TextRun(keepDatesWhole(c.note))] })
      );
    return out;
  }
  // No chart drawn: the same figures as a table, readable in print and by screen readers.
  const out: (Paragraph | Table)[] = [caption(c.title)];
  const widths = fixedWidths([18, ...c.series.map(() => 14)]);
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [c.categoryTitle, ...c.series.map((s) => s.name)].map((h, j) =>
      textCell(h, widths[j], { bold: true, fill: HEADER_FILL, align: j > 0 ? "right" : "left" })
    ),
  });
  const rows = c.categories.map(
    (cat, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          textCell(cat, widths[0]),
          ...c.series.map((s, j) =>
            textCell(s.points[i]?.text ?? "", widths[j + 1], { align: "right" })
          ),
        ],
      })
  );
  out.push(fixedTable(widths, [head, ...rows]), new Paragraph({ children: [] }));
  return out;
}

function blockChildren(b: Block, nativeCharts: boolean): (Paragraph | Table)[] {
  switch (b.kind) {
    case "paragraph":
      return [paragraphBlock(b)];
    case "table":
      return tableBlock(b);
    case "chart":
      return chartBlock(b, nativeCharts);
    case "rag":
      return ragBlock(b);
    case "notes":
      return notesBlock(b);
    case "sources":
      return sourcesBlock(b);
  }
}

/** The bookmark a level-1 heading carries, so the contents can give its page. */
function bookmarkOf(sectionId: string): string {
  return `vfm_${sectionId.replace(/[^A-Za-z0-9_]/g, "_")}`.slice(0, 40);
}

function sectionChildren(s: Section, nativeCharts: boolean): (Paragraph | Table)[] {
  const text = new TextRun(s.heading);
  return [
    new Paragraph({
      heading: s.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      children: s.level === 1 ? [new Bookmark({ id: bookmarkOf(s.id), children: [text] })] : [text],
    }),
    ...s.blocks.flatMap((b) => blockChildren(b, nativeCharts)),
  ];
}

export interface DocxOptions {
  /** Draw charts as native Word charts (default true); without them each chart is a table. */
  readonly nativeCharts?: boolean;
}

/** The contents list: each level-1 heading with its page (a PAGEREF field Word and LibreOffice fill in). */
function contentsList(entries: readonly { sectionId: string; heading: string }[]): Paragraph[] {
  return [
    new Paragraph({ style: "ContentsHeading", children: [new TextRun("Contents")] }),
    ...entries.map(
      (e) =>
        new Paragraph({
          style: "ContentsEntry",
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS, leader: "dot" }],
          children: [
            new TextRun(e.heading),
            new TextRun("\t"),
            new PageReference(bookmarkOf(e.sectionId)),
          ],
        })
    ),
  ];
}

/** The statement for publication as a docx `Document` (for callers that pack it themselves). */
export function statementDocument(statement: Statement, options: DocxOptions = {}): Document {
  const nativeCharts = options.nativeCharts ?? true;
  const intro: Paragraph[] = [
    new Paragraph({
      style: "AuthorityName",
      children: [new TextRun(statement.authority.text)],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(statement.title)] }),
    new Paragraph({
      children: [
        new TextRun({ text: statement.planText, bold: true }),
        new TextRun(`. ${statement.force}.`),
      ],
    }),
    ...(statement.approval.approved
      ? []
      : [
          new Paragraph({
            style: "Caveat",
            children: [
              new TextRun({ text: "Draft: not yet approved by the Authority.", bold: true }),
            ],
          }),
        ]),
    ...contentsList(statement.contents),
  ];
  return wordDocument({
    title: statement.title,
    subject: statement.planText,
    description: `Value for Money Statement of ${statement.authority.name ?? "the Police Authority"} for ${statement.force}, ${statement.planText}`,
    authority: statement.authority.name,
    header: `${statement.approval.approved ? "" : "DRAFT: NOT YET APPROVED. "}${statement.authority.text}: ${statement.title}`,
    children: [...intro, ...statement.sections.flatMap((s) => sectionChildren(s, nativeCharts))],
  });
}

/** The working papers as a docx `Document`: for the Authority's files and the inspector, not for publication. */
export function papersDocument(statement: Statement, options: DocxOptions = {}): Document {
  const nativeCharts = options.nativeCharts ?? true;
  return wordDocument({
    title: statement.papersTitle,
    subject: statement.planText,
    description: `Working papers: sources, settings and points to check for the Value for Money Statement of ${statement.authority.name ?? "the Police Authority"}`,
    authority: statement.authority.name,
    header: `Working papers, not for publication: ${statement.authority.text}`,
    children: [
      new Paragraph({
        heading: HeadingLevel.TITLE,
        children: [new TextRun(statement.papersTitle)],
      }),
      new Paragraph({
        children: [
          new TextRun({ text: statement.force, bold: true }),
          new TextRun(
            keepDatesWhole(
              `. Drafted on ${statement.generatedText}. Line numbers W1, W2, ... are the ones the statement's figures are checked against.`
            )
          ),
        ],
      }),
      ...statement.papers.flatMap((s) => sectionChildren(s, nativeCharts)),
    ],
  });
}

interface WordParts {
  readonly title: string;
  readonly subject: string;
  readonly description: string;
  readonly authority: string | null;
  readonly header: string;
  readonly children: (Paragraph | Table)[];
}

function wordDocument(parts: WordParts): Document {
  const heading = (size: number, outlineLevel: number, before: number) => ({
    run: { font: FONT, size, bold: true, color: "1F3864" },
    paragraph: { outlineLevel, keepNext: true, keepLines: true, spacing: { before, after: 120 } },
  });
  const owner = parts.authority ?? "Police Authority";
  return new Document({
    creator: owner,
    lastModifiedBy: owner,
    title: parts.title,
    subject: parts.subject,
    description: parts.description,
    keywords: "Value for Money Statement; Local Policing Plan",
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 40, bold: true, color: "1F3864" } },
        heading1: heading(30, 0, 360),
        heading2: heading(24, 1, 240),
        heading3: heading(22, 2, 200),
      },
      paragraphStyles: [
        {
          id: "Caption",
          name: "Caption",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { bold: true, size: 18, color: "1F3864" },
          paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
        },
        {
          id: "TableText",
          name: "Table Text",
          basedOn: "Normal",
          next: "TableText",
          run: { size: TABLE_TEXT_PT * 2 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        {
          id: "TableNote",
          name: "Table Note",
          basedOn: "Normal",
          next: "Normal",
          run: { italics: true, size: 16 },
          paragraph: { spacing: { before: 60, after: 160 } },
        },
        {
          id: "ForceNarrative",
          name: "Force Narrative",
          basedOn: "Normal",
          next: "Normal",
          paragraph: {
            indent: { left: 567 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: "808080", space: 8 } },
          },
        },
        {
          id: "AuthorityName",
          name: "Authority Name",
          basedOn: "Normal",
          next: "Normal",
          run: { bold: true, size: 28, color: "1F3864" },
        },
        {
          id: "ContentsHeading",
          name: "Contents Heading",
          basedOn: "Normal",
          next: "Normal",
          run: { bold: true, size: 24, color: "1F3864" },
          paragraph: { spacing: { before: 240, after: 60 } },
        },
        {
          id: "ContentsEntry",
          name: "Contents Entry",
          basedOn: "Normal",
          next: "Normal",
          paragraph: { spacing: { before: 0, after: 20 } },
        },
        {
          id: "Placeholder",
          name: "Placeholder",
          basedOn: "Normal",
          next: "Normal",
          run: { italics: true, color: "404040" },
          paragraph: {
            border: {
              top: { style: BorderStyle.DASHED, size: 6, color: "808080", space: 4 },
              bottom: { style: BorderStyle.DASHED, size: 6, color: "808080", space: 4 },
              left: { style: BorderStyle.DASHED, size: 6, color: "808080", space: 4 },
              right: { style: BorderStyle.DASHED, size: 6, color: "808080", space: 4 },
            },
            spacing: { before: 120, after: 240 },
          },
        },
        {
          id: "Caveat",
          name: "Caveat",
          basedOn: "Normal",
          next: "Normal",
          run: { italics: true, color: "404040" },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: "vfm-bullets",
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "•",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: parts.header, size: 16, bold: true })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ["Page ", PageNumber.CURRENT], size: 16 }),
                  new TextRun({ children: [" of ", PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: parts.children,
      },
    ],
  });
}

/** The statement for publication as .docx bytes; works in Node and in the browser. */
export async function renderStatementDocx(
  statement: Statement,
  options: DocxOptions = {}
): Promise<Uint8Array> {
  return Packer.pack(statementDocument(statement, options), "uint8array");
}

/** The working papers as .docx bytes. */
export async function renderPapersDocx(
  statement: Statement,
  options: DocxOptions = {}
): Promise<Uint8Array> {
  return Packer.pack(papersDocument(statement, options), "uint8array");
}
