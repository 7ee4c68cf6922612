/**
 * Helpers the statement's section builders share: the drafting context, paragraphs whose
 * figures cite their cells, RAG markers from the analysis, and the planned/actual table.
 */
import { budgetYearBasis } from "../../analysis/planYear";
import { CellRef } from "../../grid";
import { Finding } from "../../findings";
import { ForceData, SavingsArea, YearBasis } from "../../forceData";
import { MoneyUnit, Pence } from "../../money";
import { Policy } from "../../policy";
import { FinancialYear } from "../../years";
import { formatYear } from "../../format";
import { listWords } from "../../plainEnglish";
import {
  Analysis,
  Figure as AnalysisFigure,
  PlannedActual,
  RagStatus as AnalysisRag,
  SavingsYearTotals,
} from "../../analysis/types";
import {
  DisplayFigure,
  ParagraphBlock,
  RAG_LABELS,
  RagBlock,
  RagState,
  TableBlock,
  TableCell,
  TableColumn,
  TableRow,
  TextRun,
} from "../model";
import { cell, missingFigure, moneyFigure, percentFigure, textFigure, yearFigure } from "../format";

/** What every section builder reads, and where it records the findings drafting raises. */
export interface DraftContext {
  readonly analysis: Analysis;
  readonly data: ForceData;
  readonly policy: Policy;
  readonly unit: MoneyUnit;
  readonly force: string;
  /** Findings raised while drafting (missing data and the like); build.ts collects them. */
  readonly findings: Finding[];
}

/**
 * Records that drafting hit missing or doubtful data. Where the analysis already raised a
 * finding for the same thing (matched by `same`), that finding is the statement's too, so the
 * reader sees it once; otherwise `fallback` is raised.
 */
export function raise(
  ctx: DraftContext,
  same: (f: Finding) => boolean,
  fallback: Finding
): Finding {
  const existing = ctx.analysis.findings.find(same);
  const f = existing ?? fallback;
  if (!ctx.findings.includes(f)) ctx.findings.push(f);
  return f;
}

/** A sentence made of text and figures; each figure becomes a run that cites its cells. */
export function para(
  parts: readonly (string | DisplayFigure | undefined | false)[],
  role?: ParagraphBlock["role"]
): ParagraphBlock {
  const runs: TextRun[] = [];
  for (const p of parts) {
    if (p === undefined || p === false || p === "") continue;
    if (typeof p === "string") runs.push({ text: p });
    else
      runs.push(
        p.sources.length > 0
          ? { text: p.text, sources: p.sources, figure: p }
          : { text: p.text, figure: p }
      );
  }
  return role ? { kind: "paragraph", runs, role } : { kind: "paragraph", runs };
}

/** A money amount for a sentence ("£5,225k") that keeps its sources. */
export function money(
  ctx: DraftContext,
  pence: Pence,
  sources?: readonly CellRef[],
  derivation?: string
): DisplayFigure {
  return moneyFigure(pence, ctx.unit, sources, derivation, "prose");
}

/** An analysis money figure as a sentence figure. */
export function moneyOf(ctx: DraftContext, f: AnalysisFigure<Pence>): DisplayFigure {
  return moneyFigure(f.value, ctx.unit, f.sources, f.formula, "prose");
}

/** An analysis money figure as a table cell (value in pounds, text in the statement's unit). */
export function moneyCell(
  ctx: DraftContext,
  f: AnalysisFigure<Pence> | null | undefined,
  missing = "no data"
): TableCell {
  return f ? moneyFigure(f.value, ctx.unit, f.sources, f.formula) : missingFigure("money", missing);
}

export function percentCell(
  f: AnalysisFigure<number> | null | undefined,
  missing = "no data"
): TableCell {
  return f ? percentFigure(f.value, f.sources, f.formula) : missingFigure("percent", missing);
}

/** Statement RAG state from the analysis's green/amber/red/none. */
export function ragState(r: AnalysisRag): RagState {
  switch (r.rag) {
    case "green":
      return "onTrack";
    case "amber":
      return "atRisk";
    case "red":
      return "offTrack";
    case "none":
      return "noData";
  }
}

/** A RAG marker from one analysis status: the words, and the rule with its paragraph. */
export function ragBlock(r: AnalysisRag, basis?: string): RagBlock {
  const status = ragState(r);
  return {
    kind: "rag",
    status,
    words: RAG_LABELS[status],
    rule: withParagraph(r.rule, r.paragraph),
    ...(basis ? { basis } : {}),
  };
}

/** "rule (White Paper 5.9-5.10)." with the rule's own first letter capitalised. */
export function withParagraph(rule: string, paragraph: string): string {
  const text = sentence(rule);
  return paragraph ? `${text.replace(/\.$/, "")} (White Paper ${paragraph}).` : text;
}

/** Capitalises the first letter and makes sure the text ends with a full stop. */
export function sentence(text: string): string {
  const t = text.trim();
  if (t.length === 0) return t;
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : first + ".";
}

/** "2010/11, 2011/12 and 2012/13". */
export function listYears(years: readonly FinancialYear[]): string {
  return listWords(years.map(formatYear));
}

// "a, b and c": plain English's, importable from here for the sections.
export { listWords };

/** Where the savings plan was read from, for findings that concern it as a whole. */
export function savingsPlanSheet(data: ForceData): { sheet: string } | undefined {
  const s = data.sheetsUsed.find((u) => u.as === "savingsPlan");
  return s ? { sheet: s.sheet } : undefined;
}

export function sheetOf(
  data: ForceData,
  as: ForceData["sheetsUsed"][number]["as"]
): { sheet: string } | undefined {
  const s = data.sheetsUsed.find((u) => u.as === as);
  return s ? { sheet: s.sheet } : undefined;
}

// ---------------------------------------------------------------------------------------------
// The planned / actual table (the heart of every area section, 5.53)

const MONEY_COL = 11;

export function plannedActualColumns(): TableColumn[] {
  return [
    { header: "Year", kind: "year", width: 8 },
    { header: "Figures", kind: "text", width: 8 },
    { header: "Planned", kind: "money", width: MONEY_COL },
    { header: "Actual", kind: "money", width: MONEY_COL },
    { header: "Variance", kind: "money", width: MONEY_COL },
    { header: "Planned", kind: "money", width: MONEY_COL },
    { header: "Actual", kind: "money", width: MONEY_COL },
    { header: "Variance", kind: "money", width: MONEY_COL },
  ];
}

function paCells(ctx: DraftContext, pa: PlannedActual, strong: boolean): TableCell[] {
  const e = strong ? "strong" : undefined;
  return [
    cell(moneyCell(ctx, pa.planned), e),
    cell(moneyCell(ctx, pa.actual, "not reported"), e),
    cell(moneyCell(ctx, pa.variance, "not reported"), e),
  ];
}

/**
 * Planned and actual by year, cashable and non-cashable side by side, each with its variance
 * (actual - planned, over the lines that report an actual), and a total row.
 */
export function plannedActualTable(
  ctx: DraftContext,
  id: string,
  caption: string,
  byYear: readonly SavingsYearTotals[],
  total: { readonly cashable: PlannedActual; readonly nonCashable: PlannedActual },
  withNote = true
): TableBlock {
  const rows: TableRow[] = byYear.map((y) => ({
    cells: [
      yearFigure(y.year),
      basisCell(ctx, y.year),
      ...paCells(ctx, y.cashable, false),
      ...paCells(ctx, y.nonCashable, false),
    ],
  }));
  rows.push({
    role: "total",
    cells: [
      cell(textFigure("Total"), "strong"),
      textFigure(""),
      ...paCells(ctx, total.cashable, true),
      ...paCells(ctx, total.nonCashable, true),
    ],
  });
  return {
    kind: "table",
    id,
    caption,
    columns: plannedActualColumns(),
    headerRows: [
      [
        { text: "", span: 2 },
        { text: `Cashable (${ctx.unit})`, span: 3 },
        { text: `Non-cashable (${ctx.unit} equivalent)`, span: 3 },
      ],
      [
        { text: "Year", span: 1 },
        { text: "Figures", span: 1 },
        { text: "Planned", span: 1 },
        { text: "Actual", span: 1 },
        { text: "Variance", span: 1 },
        { text: "Planned", span: 1 },
        { text: "Actual", span: 1 },
        { text: "Variance", span: 1 },
      ],
    ],
    rows,
    ...(withNote ? { note: plannedActualNote(ctx) } : {}),
  };
}

/** The note under the first planned/actual table; the later ones share it. */
export function plannedActualNote(ctx: DraftContext): string {
  return (
    `Amounts in ${ctx.unit}; brackets show a negative amount. Figures: actual, budget or plan, as the workbook's own headers mark each year. ` +
    `Variance is actual minus planned, over the lines that report an actual figure.`
  );
}

/**
 * One sentence on how actual savings compare with plan, from a PlannedActual: the planned
 * amount for the same lines is actual - variance.
 */
export function varianceSentence(
  ctx: DraftContext,
  what: string,
  pa: PlannedActual
): (string | DisplayFigure)[] {
  if (!pa.actual || !pa.variance) return [];
  const comparable = pa.actual.value - pa.variance.value;
  const actual = moneyOf(ctx, pa.actual);
  const planned = money(
    ctx,
    comparable,
    [...pa.actual.sources, ...pa.planned.sources],
    "actual - variance: the planned amount of the lines that report an actual"
  );
  const gap = money(ctx, Math.abs(pa.variance.value), pa.variance.sources, pa.variance.formula);
  const ratio =
    pa.varianceRatio === null
      ? []
      : [
          " (",
          percentFigure(
            Math.abs(pa.varianceRatio),
            pa.variance.sources,
            "variance / planned, for the lines that report an actual"
          ),
          " of plan)",
        ];
  if (pa.variance.value === 0)
    return [`Actual ${what} reported so far, `, actual, ", match the plan for the same lines. "];
  const word = pa.variance.value < 0 ? "short of" : "ahead of";
  return [
    `Actual ${what} reported so far come to `,
    actual,
    ` against `,
    planned,
    ` planned for the same lines: `,
    gap,
    ...ratio,
    ` ${word} plan. `,
  ];
}

/** Years in which something was planned but no actual has been reported. */
export function yearsWithoutActuals(byYear: readonly SavingsYearTotals[]): FinancialYear[] {
  return byYear
    .filter(
      (y) =>
        (y.cashable.planned.value !== 0 || y.nonCashable.planned.value !== 0) &&
        y.cashable.actual === null &&
        y.nonCashable.actual === null
    )
    .map((y) => y.year);
}

/** The label for one of the nine areas in a sentence ("support services"). */
export function areaWords(area: SavingsArea): string {
  return AREA_WORDS[area];
}

const AREA_WORDS: Readonly<Record<SavingsArea, string>> = {
  deployment: "deployment",
  overtime: "overtime",
  processImprovement: "process improvement",
  bureaucracy: "reducing bureaucracy",
  procurement: "procurement",
  it: "IT convergence",
  supportServices: "support services",
  collaboration: "local approaches and collaboration",
  overheads: "economising on overheads",
};

/** A two-column "Measure / Figure" table of an area's key figures. */
export function keyFactsTable(
  id: string,
  caption: string,
  facts: readonly (readonly [string, DisplayFigure])[],
  note: string
): TableBlock {
  return {
    kind: "table",
    id,
    caption,
    columns: [
      { header: "Measure", kind: "text", width: 34 },
      { header: "Figure", kind: "text", width: 22 },
    ],
    headerRows: [
      [
        { text: "Measure", span: 1 },
        { text: "Figure", span: 1 },
      ],
    ],
    rows: facts.map(([label, f]) => ({ cells: [textFigure(label), f] })),
    note,
  };
}

/**
 * What a year's figures are, from the workbook's own column headers ("Actual 2008/09",
 * "2010/11 Budget", "2011/12 Plan", "2013/14 Target"): the overtime line's header first, else
 * any budget line's. Undefined where no header says.
 */
export function yearBasis(ctx: DraftContext, year: FinancialYear): YearBasis | undefined {
  return budgetYearBasis(ctx.data, year);
}

/** The mark every year carries in the statement's tables: Actual, Budget or Plan. */
export function basisWord(basis: YearBasis | undefined): string {
  switch (basis) {
    case "actual":
      return "Actual";
    case "budget":
      return "Budget";
    case "plan":
    case "target":
    case "forecast":
      return "Plan";
    default:
      return "Not stated";
  }
}

/** A table cell with the year's mark. */
export function basisCell(ctx: DraftContext, year: FinancialYear): TableCell {
  const b = yearBasis(ctx, year);
  return b ? textFigure(basisWord(b)) : missingFigure("text", "not stated");
}

/** The year in a sentence with its mark: "2009/10 (actual)", "2013/14 (plan)". */
export function yearWithBasis(ctx: DraftContext, year: FinancialYear): string {
  const b = yearBasis(ctx, year);
  return b ? `${formatYear(year)} (${basisWord(b).toLowerCase()})` : formatYear(year);
}

/** The latest year the headers mark actual, among `years`. */
export function latestActual(
  ctx: DraftContext,
  years: readonly FinancialYear[]
): FinancialYear | undefined {
  return [...years].reverse().find((y) => yearBasis(ctx, y) === "actual");
}
