/**
 * The Value for Money Statement as a document model: plain data that the core builds from the
 * analysis and that each renderer (Excel write plan, Word, HTML) lays out without computing
 * anything. Every figure is held twice: as the value a spreadsheet stores (pounds, fractions,
 * FTE) and as the text a reader sees, already formatted, together with the cells it came from.
 *
 * The statement itself is required by paragraph 5.53 of the White Paper: planned and actual
 * cashable savings and productivity gains across nine areas (see SAVINGS_AREAS in forceData.ts).
 */
import { CellRef } from "../grid";
import { Finding, Severity } from "../findings";
import { MoneyUnit } from "../money";
import { SavingsArea } from "../forceData";
import { FinancialYear } from "../years";

/** What kind of quantity a column or figure holds; decides alignment and the number format. */
export type ValueKind = "text" | "money" | "percent" | "fte" | "number" | "year" | "date" | "rag";

/**
 * A figure ready to show: its stored value, its text, and where it came from.
 * - money: `value` is pounds (at most two decimals), exactly as `vfm analyse --json` writes it;
 * - percent: `value` is a fraction (0.052 for 5.2%);
 * - fte and number: the plain number;
 * - year and date: `value` is the display text ("2010/11", "31 March 2011");
 * - text and rag: `value` is the text.
 * `value` is null where there is no figure (the text then says so, e.g. "no data").
 */
export interface DisplayFigure {
  readonly kind: ValueKind;
  readonly value: string | number | null;
  /** The figure as a reader sees it, e.g. "£5,225k", "5.5%", "2010/11". */
  readonly text: string;
  /** An Excel number format code that shows `value` as `text` shows it (money in the statement's unit). */
  readonly numberFormat?: string;
  /** The workbook cells the figure came from or was computed from; empty for policy constants and labels. */
  readonly sources: readonly CellRef[];
  /** How the figure was derived, in words, for the sources section (e.g. "overtime / paybill"). */
  readonly derivation?: string;
}

export type RagState = "onTrack" | "atRisk" | "offTrack" | "noData";

/** The words every renderer shows for a status: status is never carried by colour alone. */
export const RAG_LABELS: Readonly<Record<RagState, string>> = {
  onTrack: "On track",
  atRisk: "At risk",
  offTrack: "Off track",
  noData: "Not assessed",
};

/** A run of text in a paragraph; a run holding a figure cites its cells. */
export interface TextRun {
  readonly text: string;
  readonly emphasis?: "strong" | "em";
  /** Present when the run is a figure, or text quoted from the workbook: the cells it came from. */
  readonly sources?: readonly CellRef[];
  /** Present when the run is a figure: the figure itself (value, derivation). */
  readonly figure?: DisplayFigure;
}

export interface ParagraphBlock {
  readonly kind: "paragraph";
  readonly runs: readonly TextRun[];
  /**
   * normal: the add-in's own text; userNarrative: text the force wrote in its savings plan notes,
   * shown as a quotation; missing: a plain statement that data is missing; lead: an introduction;
   * placeholder: a marked space for the Authority's own words (the Chair's foreword);
   * signature: a line for a name, role and date.
   */
  readonly role?:
    "normal" | "lead" | "userNarrative" | "missing" | "caveat" | "placeholder" | "signature";
}

export interface TableColumn {
  readonly header: string;
  readonly kind: ValueKind;
  /** Relative width in characters; the Excel renderer uses it directly, Word converts it to fixed twips. */
  readonly width: number;
}

export interface TableCell extends DisplayFigure {
  /** The status for a rag cell: renderers show the words and may add a fill. */
  readonly rag?: RagState;
  readonly emphasis?: "strong";
}

export interface TableRow {
  readonly cells: readonly TableCell[];
  /** A total row is shown in bold with a rule above it. */
  readonly role?: "body" | "total" | "subheading";
}

/** A header cell that may span several columns (for a group heading above the column headers). */
export interface HeaderCell {
  readonly text: string;
  readonly span: number;
}

export interface TableBlock {
  readonly kind: "table";
  /** A stable id, unique within the statement, e.g. "overtime-ratio". */
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  /**
   * Header rows above the body, outermost first. The last row names each column; earlier rows
   * group columns (their spans add up to the column count). Renderers mark all as header rows.
   */
  readonly headerRows: readonly (readonly HeaderCell[])[];
  readonly rows: readonly TableRow[];
  /** A short note under the table, e.g. the unit or how a column was worked out. */
  readonly note?: string;
}

export interface ChartSeries {
  readonly name: string;
  /** One figure per category; null leaves a gap. */
  readonly points: readonly (DisplayFigure | null)[];
  /** A threshold or required path is drawn as a dashed line over the data. */
  readonly role: "data" | "threshold" | "path";
}

export interface ChartBlock {
  readonly kind: "chart";
  readonly id: string;
  readonly chartType: "column" | "line" | "bar";
  readonly title: string;
  readonly categoryTitle: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly valueKind: "money" | "percent" | "fte" | "number";
  readonly valueAxisTitle: string;
  /** Excel number format for the value axis and the chart data, e.g. "0.0%". */
  readonly valueFormat: string;
  /** Where a threshold applies (4%, 7%): its value and its words; the series of role "threshold" draws it. */
  readonly threshold?: { readonly value: number; readonly text: string };
  /** Describes the chart for a screen reader, with its figures. */
  readonly altText: string;
  /**
   * The value axis' top, where one far outlier would flatten the rest: its column runs off the
   * top and its label gives its value (see skiSlope.ts). Undefined: the axis fits every value.
   */
  readonly axisMaximum?: number;
  /** A line under the chart, e.g. naming a column that runs off the scale. */
  readonly note?: string;
}

export interface RagBlock {
  readonly kind: "rag";
  readonly status: RagState;
  /** RAG_LABELS[status], held here so renderers need no lookup. */
  readonly words: string;
  /** The rule that set the status, in words, citing the policy paragraph where one applies. */
  readonly rule: string;
  /** The figures the rule looked at, in words (e.g. "2013/14: 4.6% against a required 4.0%"). */
  readonly basis?: string;
}

export interface NoteItem {
  readonly severity: Severity;
  readonly text: string;
  /** "Sheet!C7" or a sheet name, where the note points at one. */
  readonly place?: string;
  readonly fix?: string;
}

export interface NotesBlock {
  readonly kind: "notes";
  readonly title: string;
  readonly items: readonly NoteItem[];
}

export interface SourceItem {
  /** The working papers' line number for the figure, "W1", "W2", ...: the statement cites it. */
  readonly line: string;
  /** What the figure is, e.g. "Officer overtime 2009/10". */
  readonly figure: string;
  /** The figure's kind and stored value, as in the statement. */
  readonly kind: ValueKind;
  readonly value: string | number | null;
  readonly text: string;
  /** Cells written "Budget!C7", several joined with ", "; empty when from policy or settings. */
  readonly cells: string;
  readonly refs: readonly CellRef[];
  readonly how?: string;
}

export interface SourcesBlock {
  readonly kind: "sources";
  readonly title: string;
  readonly items: readonly SourceItem[];
}

export type Block = ParagraphBlock | TableBlock | ChartBlock | RagBlock | NotesBlock | SourcesBlock;

export interface Section {
  /** Stable id, e.g. "summary", "area-overtime", "benchmarking", "sources". */
  readonly id: string;
  readonly heading: string;
  /** 1 for the main sections, 2 for parts within them. */
  readonly level: 1 | 2;
  /** The savings area the section reports, for the nine area sections. */
  readonly area?: SavingsArea;
  readonly blocks: readonly Block[];
}

/** Who publishes the statement: the Police Authority (5.53-5.54), and where its name came from. */
export interface Authority {
  /** The Authority's name, or null when neither the workbook nor the user gave one. */
  readonly name: string | null;
  /** The name as the statement prints it: the name, or a plain placeholder asking for it. */
  readonly text: string;
  readonly from: "option" | "workbook" | "none";
  /** The Settings or cover cell the name was read from. */
  readonly sources: readonly CellRef[];
}

/** The statement's approval: "Draft" on every page until the Authority approves it. */
export interface Approval {
  readonly approved: boolean;
  /** ISO date of approval, where given. */
  readonly date?: string;
  /** "31 March 2011". */
  readonly dateText?: string;
  /** The words every page carries: "Draft: not yet approved" or "Approved 31 March 2011". */
  readonly pageMark: string;
}

/** One entry of the contents list: a level-1 section of the published statement. */
export interface ContentsEntry {
  readonly sectionId: string;
  readonly heading: string;
}

/**
 * The two documents drafted together:
 * - the statement for publication (`sections`): foreword, summary, the nine areas and the
 *   benchmarks, in plain English, with no cell addresses or setting keys;
 * - the working papers (`papers`): where every figure came from (numbered lines "W1", ...), the
 *   settings used with their White Paper paragraphs, the sheets read and the points to check.
 */
export interface Statement {
  readonly title: string;
  readonly force: string;
  readonly authority: Authority;
  /** The Local Policing Plan the statement belongs to (5.53: from 2010/11), e.g. "2010/11". */
  readonly planYear: FinancialYear;
  readonly planText: string;
  readonly approval: Approval;
  /** The published statement's level-1 sections, in order. */
  readonly contents: readonly ContentsEntry[];
  /** The working papers' title, e.g. "Working papers for the Value for Money Statement 2010/11". */
  readonly papersTitle: string;
  /** The working papers: sources, settings, sheets read and points to check. */
  readonly papers: readonly Section[];
  /** ISO timestamp passed in by the caller (core functions never read the clock). */
  readonly generatedAt: string;
  /** generatedAt as a reader sees it, e.g. "5 May 2025". */
  readonly generatedText: string;
  /** The unit money is shown in across the statement's tables. */
  readonly unit: MoneyUnit;
  /** True when the data is the illustrative sample, so every output says so. */
  readonly illustrative: boolean;
  readonly sections: readonly Section[];
  /** Problems found while drafting (e.g. an area with no figures); also listed in the statement. */
  readonly findings: readonly Finding[];
}

/** Every block of one kind in the statement (or, with `papers`, the working papers), in order. */
export function blocksOf<K extends Block["kind"]>(
  statement: Statement,
  kind: K,
  document: "statement" | "papers" = "statement"
): Extract<Block, { kind: K }>[] {
  const out: Extract<Block, { kind: K }>[] = [];
  for (const s of document === "statement" ? statement.sections : statement.papers)
    for (const b of s.blocks) if (b.kind === kind) out.push(b as Extract<Block, { kind: K }>);
  return out;
}

/**
 * A table of text columns under one header row naming them (the working papers' lists), each
 * column given as its header and its relative width.
 */
export function textTable(t: {
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly (readonly [header: string, width: number])[];
  readonly rows: readonly TableRow[];
  readonly note?: string;
}): TableBlock {
  return {
    kind: "table",
    id: t.id,
    caption: t.caption,
    columns: t.columns.map(([header, width]) => ({ header, kind: "text", width })),
    headerRows: [t.columns.map(([text]) => ({ text, span: 1 }))],
    rows: t.rows,
    ...(t.note !== undefined ? { note: t.note } : {}),
  };
}

/** A paragraph's text with its runs joined. */
export function paragraphText(p: ParagraphBlock): string {
  return p.runs.map((r) => r.text).join("");
}
