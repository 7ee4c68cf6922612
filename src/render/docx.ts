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
 * Twips a character takes in a table cell (9 pt Arial, bold allowed for), and the cell's left and
 * right margins: used to fit each column to its widest figure and its longest header word.
 */
const CHAR_TWIPS = 112;
const CELL_PADDING_TWIPS = 180;

/** The longest word of a text (a header or a label wraps between words, never inside one). */
function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => w.length));
}

/**
 * Column widths in twips for a table: every column at least as wide as its widest figure (a number
 * or year never wraps) and its longest header word; then each date column as wide as its longest
 * date, where there is room; what is left over goes to the columns in proportion to the model's
 * relative widths. When the minimums do not fit, the columns that may
 * wrap (labels and dates) give up their room first; figures are cut down only as a last resort.
 */
export function fittedWidths(t: TableBlock, total: number = TEXT_WIDTH_TWIPS): number[] {
  const n = t.columns.length;
  const whole = t.columns.map((c) => c.kind !== "text" && c.kind !== "date");
  const need = t.columns.map((c, j) => {
    let chars = longestWord(c.header);
    for (const hr of t.headerRows)
      if (hr.length === n) chars = Math.max(chars, longestWord(hr[j]?.text ?? ""));
    for (const r of t.rows) {
      const cell = r.cells[j];
      if (!cell) continue;
      // A figure stays on one line; words in its place ("not reported") may wrap.
      const keep = whole[j] && cell.value !== null && cell.kind !== "text" && cell.kind !== "date";
      chars = Math.max(chars, keep ? cell.text.length : longestWord(cell.text));
    }
    return chars * CHAR_TWIPS + CELL_PADDING_TWIPS;
  });
  // Then dates on one line ("1 September 2008", not "2008" on a line of its own), from what the
  // figures and the labels' longest words leave: whole where there is room, else as much of
  // each as there is, in proportion.
  const dateExtra = t.columns.map((c, j) => {
    if (c.kind !== "date") return 0;
    let chars = 0;
    for (const r of t.rows) {
      const cell = r.cells[j];
      if (cell && cell.kind === "date" && cell.value !== null)
        chars = Math.max(chars, cell.text.length);
    }
    return Math.max(0, chars * CHAR_TWIPS + CELL_PADDING_TWIPS - need[j]);
  });
  const sumExtra = dateExtra.reduce((a, b) => a + b, 0);
  const leftOver = total - need.reduce((a, b) => a + b, 0);
  if (sumExtra > 0 && leftOver > 0) {
    const share = Math.min(1, leftOver / sumExtra);
    dateExtra.forEach((e, j) => (need[j] += Math.floor(e * share)));
  }
  const sumNeed = need.reduce((a, b) => a + b, 0);
  if (sumNeed > total) {
    const fixed = need.reduce((a, w, j) => a + (whole[j] ? w : 0), 0);
    const flexible = sumNeed - fixed;
    if (flexible === 0 || fixed >= total) return fixedWidths(need, total);
    // The wrapping columns share what the figures leave, in proportion to what they asked for;
    // the last of them takes the rounding remainder, so the widths add up to the table's.
    const room = total - fixed;
    const widths = need.map((w, j) => (whole[j] ? w : Math.floor((w / flexible) * room)));
    const last = whole.lastIndexOf(false);
    widths[last] += total - widths.reduce((a, b) => a + b, 0);
    return widths;
  }
  const spare = total - sumNeed;
  const extra = fixedWidths(
    t.columns.map((c) => c.width),
    spare
  );
  const widths = need.map((w, j) => w + extra[j]);
  widths[n - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
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
            text,
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
  if (t.note) out.push(new Paragraph({ style: "TableNote", children: [new TextRun(t.note)] }));
  else out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

function paragraphBlock(p: ParagraphBlock): Paragraph {
  const role = p.role ?? "normal";
  const runs = p.runs.map(
    (r) =>
      new TextRun({
        text: r.text,
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
        new TextRun(`. ${r.rule}${r.basis ? ` ${r.basis}` : ""}`),
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
        children: [new TextRun({ text: `${sev}: `, bold: true }), new TextRun(rest)],
      });
    }),
  ];
}

/** Twips a column needs to hold its longest text on one line ("W237", "(1,350)"). */
function wholeWidth(texts: readonly string[]): number {
  // One character of slack: a capital W is wider than the average character.
  return (Math.max(0, ...texts.map((t) => t.length)) + 1) * CHAR_TWIPS + CELL_PADDING_TWIPS;
}

function sourcesBlock(s: SourcesBlock): (Paragraph | Table)[] {
  // The line number and the value never wrap; the words and cells share what is left.
  const line = wholeWidth(["Line", ...s.items.map((i) => i.line)]);
  const value = wholeWidth(["Value", ...s.items.map((i) => i.text)]);
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
    if (c.note) out.push(new Paragraph({ style: "TableNote", children: [new TextRun(c.note)] }));
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
            `. Drafted on ${statement.generatedText}. Line numbers W1, W2, ... are the ones the statement's figures are checked against.`
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
          run: { size: 18 },
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
